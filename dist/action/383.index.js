export const id = 383;
export const ids = [383];
export const modules = {

/***/ 2383:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runPromote: () => (/* binding */ runPromote)
});

// UNUSED EXPORTS: IMAGES_PER_HOST

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/records.ts
var records = __webpack_require__(5033);
// EXTERNAL MODULE: ./src/oci/reference.ts
var reference = __webpack_require__(2148);
// EXTERNAL MODULE: ./src/host/ordered-log.ts
var ordered_log = __webpack_require__(8808);
// EXTERNAL MODULE: ./src/core/limiter.ts
var limiter = __webpack_require__(5543);
// EXTERNAL MODULE: ./src/registry/errors.ts
var registry_errors = __webpack_require__(6764);
// EXTERNAL MODULE: ./src/oci/manifest.ts
var oci_manifest = __webpack_require__(2060);
;// CONCATENATED MODULE: ./src/registry/copy.ts
// Copies an image by digest, byte for byte, in referential order: blobs, then child manifests,
// then the index; tags are the caller's last step. Blobs already in the target are skipped, blobs in
// the same registry are mounted (zero bytes moved), others stream from source to target, several at once.




/**
 * Blobs copied at once per image. Measured on the 420 MB two-platform copy between the testbed's
 * registries (4 layers of 105 MB; docs/benchmarks.md, "Promotion: copy between registries"): 1 at
 * once 3.2–4.3 s, 2 at once 3.3–3.7 s, 4 at once 2.8–3.3 s, 6 and 8 no faster (3.5–3.8 s), at the
 * same CPU time. The transport bounds the requests per host on top (MAX_STARTS_PER_HOST).
 */
const BLOBS_AT_ONCE = 4;
function emptyStats() {
    return { manifests: 0, manifestsPresent: 0, blobsPresent: 0, blobsMounted: 0, blobsUploaded: 0, bytesUploaded: 0 };
}
class ImageCopier {
    client;
    stats = emptyStats();
    limit;
    inFlight = new Map();
    constructor(client, opts = {}) {
        this.client = client;
        this.limit = new limiter/* Limiter */.j(opts.parallel ?? BLOBS_AT_ONCE);
    }
    /** Makes `digest` (and everything it references) exist in `target`; returns the root manifest. */
    /**
     * `askTarget: false`: the caller knows the target is very unlikely to hold the image (a first
     * promotion): the HEAD of the root that would skip the copy is not sent.
     */
    async copy(source, target, digest, known, opts = {}) {
        const manifest = known?.digest === digest ? known : await this.client.getManifest(source, digest);
        if (!manifest)
            throw new registry_errors/* RegistryError */.gl(`${source.registry}/${source.repository}@${digest} does not exist`);
        if ((0,reference/* sameRepository */.RB)(source, target))
            return manifest;
        await this.ensureManifest(source, target, manifest, opts.askTarget ?? true);
        return manifest;
    }
    async ensureManifest(source, target, manifest, root = true) {
        // A manifest is only ever written after everything it references, so one that exists is
        // complete. Only the root is asked: re-putting a child after an interrupted copy costs one PUT.
        if (root && (await this.client.headManifest(target, manifest.digest))) {
            this.stats.manifestsPresent++;
            return;
        }
        const parsed = (0,oci_manifest/* parseManifest */.Ng)(manifest);
        if (parsed.kind === 'index') {
            await Promise.all(parsed.index.manifests.map(async (child) => {
                const bytes = await this.client.getManifest(source, child.digest);
                if (!bytes)
                    throw new registry_errors/* RegistryError */.gl(`${source.registry}/${source.repository}@${manifest.digest} lists ${child.digest}, which the registry does not have`);
                await this.ensureManifest(source, target, bytes, false);
            }));
        }
        else {
            await Promise.all((0,oci_manifest/* blobsOf */.OR)(parsed.manifest).map(blob => this.ensureBlob(source, target, blob)));
        }
        await this.client.putManifest(target, manifest.digest, manifest);
        this.stats.manifests++;
    }
    /** One copy per blob even when several manifests share it (attestations, common layers). */
    ensureBlob(source, target, blob) {
        const key = `${target.registry}/${target.repository}@${blob.digest}`;
        let pending = this.inFlight.get(key);
        if (!pending) {
            pending = this.limit.run(() => this.copyBlob(source, target, blob));
            this.inFlight.set(key, pending);
        }
        return pending;
    }
    async copyBlob(source, target, blob) {
        // Within one registry a mount is one request whether or not the target has the blob.
        if (source.registry === target.registry && (await this.client.mountBlob(target, blob.digest, source.repository))) {
            this.stats.blobsMounted++;
            return;
        }
        if (await this.client.headBlob(target, blob.digest)) {
            this.stats.blobsPresent++;
            return;
        }
        const open = (offset) => this.client.getBlob(source, blob, offset);
        await this.client.uploadBlob(target, blob, open);
        this.stats.blobsUploaded++;
        this.stats.bytesUploaded += blob.size;
    }
}

// EXTERNAL MODULE: ./src/registry/transport.ts + 3 modules
var transport = __webpack_require__(5667);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/oci/referrers.ts
var referrers = __webpack_require__(3342);
// EXTERNAL MODULE: ./src/registry/referrers.ts
var registry_referrers = __webpack_require__(9191);
// EXTERNAL MODULE: ./src/registry/untag.ts
var untag = __webpack_require__(6254);
;// CONCATENATED MODULE: ./src/app/promote.ts
// promote and release: no build. For each image, find the staged digest for the merged source
// identity (the staging tag, else the promotion marker an earlier promote left), make it exist in
// the final repository (retag, mount or copy) with every referrer of every manifest of it, point
// the final tags at it (tags last, read back), mark which source it was promoted from, sign it
// once, then remove the staging tag without touching any other.













/** Images promoted at once per final registry host (the transport bounds the requests on top); 8 measured faster than 4 for 16 images (docs/benchmarks.md). */
const IMAGES_PER_HOST = 8;
async function runPromote(req, services) {
    const started = Date.now();
    const limits = new Map();
    const perHost = (host, task) => {
        let limit = limits.get(host);
        if (!limit)
            limits.set(host, (limit = new limiter/* Limiter */.j(IMAGES_PER_HOST)));
        return limit.run(task);
    };
    if (req.plan.refusal)
        throw new errors/* UsageError */.eb(req.plan.refusal);
    const { registry: client, log } = services;
    const targets = targetsOf(req.plan);
    const report = {
        scenario: req.scenario,
        images: [],
        refs: [],
        warnings: [],
        http: services.stats,
        durationMs: 0
    };
    try {
        let staged = await stagedDigests(client, targets, perHost);
        const missing = targets.filter(t => !staged.get(t.name));
        if (missing.length) {
            if (req.loaded.config.promote.onMissing !== 'build' || !req.gate)
                throw await missingError(client, missing, req.plan);
            log.warning(`staging has no image for ${missing.map(m => m.name).join(', ')}; on-missing: build runs the gate first`);
            await req.gate();
            staged = await stagedDigests(client, targets, perHost);
            const still = targets.filter(t => !staged.get(t.name));
            if (still.length)
                throw await missingError(client, still, req.plan);
        }
        // Where a copy runs first (another repository or registry), final tags are read before it, so
        // a tag moved by someone else while the copy ran is caught; a retag has no such window.
        const before = new Map();
        const reads = targets.flatMap(target => [target.final, ...target.mirrors]
            .filter(f => !(0,reference/* sameRepository */.RB)(target.staging, f))
            .flatMap(final => target.tags.map(tag => ({ final, tag }))));
        await Promise.all(reads.map(({ final, tag }) => perHost(final.registry, async () => {
            before.set(tagKey(final, tag), (await client.headManifest(final, tag))?.digest);
        })));
        const untagger = new untag/* Untagger */.Ip(client);
        // Independent images at once, at most IMAGES_PER_HOST per final registry; each image's log is
        // printed whole, in the configuration's order. After a failure, images not started stay so.
        let failed = false;
        const parts = targets.map(() => ({ refs: [], warnings: [] }));
        const outcomes = await (0,ordered_log/* runOrdered */.d)(services.log, targets.map((target, i) => async (log) => {
            if (failed)
                return undefined;
            const digest = staged.get(target.name);
            const part = { ...report, ...parts[i] };
            try {
                return await promoteToEach({ ...services, log }, untagger, req, target, digest, before, part);
            }
            catch (e) {
                failed = true;
                throw e;
            }
        }), (i, task) => perHost(targets[i].final.registry, task));
        for (const [i, outcome] of outcomes.entries()) {
            report.refs.push(...parts[i].refs);
            report.warnings.push(...parts[i].warnings);
            if (outcome.status === 'rejected')
                throw outcome.reason;
            if (outcome.value)
                report.images.push(...outcome.value);
        }
    }
    finally {
        report.durationMs = Date.now() - started;
    }
    return report;
}
function targetsOf(plan) {
    return plan.images.map(image => {
        if (!image.staging)
            throw new errors/* UsageError */.eb(`${image.name}: no source identity to find its staged image (${image.identity.error ?? 'unknown'})`);
        const staging = repoOf(image.staging.value);
        const final = repoOf(image.repository.value);
        const tags = image.tags.filter(t => t.published && t.tag).map(t => t.tag);
        const promoted = image.tags
            .filter(t => t.on.includes('promote') && t.tag && /\{\{\s*(short_)?sha\s*\}\}/.test(t.template))
            .map(t => t.tag);
        return {
            name: image.name,
            identity: image.identity.value.key,
            staging: { ...staging, reference: staging.reference, text: image.staging.value },
            final,
            mirrors: (image.mirrors?.value ?? []).map(repoOf),
            tags,
            promoted,
            fromStaging: true
        };
    });
}
function repoOf(text) {
    const parsed = (0,reference/* parseReference */.F2)(text);
    if (!parsed.ok)
        throw new errors/* UsageError */.eb(`\`${text}\`: ${parsed.error}`);
    return {
        registry: parsed.value.registry,
        repository: parsed.value.repository,
        ...(parsed.value.tag ? { reference: parsed.value.tag } : {})
    };
}
/**
 * The digest staged for each image's source identity: under its staging tag; after promotion
 * removed that, the one its promotion marker names in the final repository
 * (`imagegate-promoted-<identity>`); for images promoted before markers existed, under the
 * commit's own final tag (`{{sha}}`), if there is one.
 */
async function stagedDigests(client, targets, perHost) {
    const out = new Map();
    const found = await Promise.all(targets.map(t => perHost(t.staging.registry, () => stagedDigest(client, t))));
    for (const [i, t] of targets.entries())
        out.set(t.name, found[i]);
    return out;
}
async function stagedDigest(client, t) {
    // GET, not HEAD: a staging tag an interrupted cleanup left on its tombstone counts as absent.
    const staged = await client.getManifest(t.staging, t.staging.reference);
    let digest = staged && !(0,untag/* isTombstone */.aK)(staged) ? staged.digest : undefined;
    if (digest)
        t.manifest = staged;
    if (!digest) {
        const marked = await markedDigest(client, t);
        if (marked) {
            digest = marked.digest;
            t.staging = { ...t.final, reference: marked.digest, text: `${refText(t.final, marked.tag)} → ${marked.digest}` };
            t.fromStaging = false;
        }
    }
    for (const tag of t.promoted) {
        if (digest)
            break;
        const found = (await client.headManifest(t.final, tag))?.digest;
        if (found) {
            digest = found;
            t.staging = { ...t.final, reference: tag, text: refText(t.final, tag) };
            t.fromStaging = false;
        }
    }
    return digest;
}
/** The digest the promotion marker of the target's identity names, when it is a marker of that identity and the digest exists. */
async function markedDigest(client, t) {
    const tag = (0,records/* promotionTag */.oK)(t.identity);
    const m = await client.getManifest(t.final, tag);
    if (!m)
        return undefined;
    const marker = (0,records/* readPromotionMarker */.AX)((0,referrers/* referrerDescriptor */.xh)(m));
    const subject = (0,referrers/* subjectOf */.et)(m);
    if (!marker || marker.identity !== t.identity || !subject)
        return undefined;
    return (await client.headManifest(t.final, subject.digest)) ? { digest: subject.digest, tag } : undefined;
}
/**
 * Why staging has nothing for these images. A release says which of three it is: the source was
 * never promoted (nothing under the image's promoted tags), the promoted tags hold bytes promoted
 * from another tree (their promotion marker names another identity), or they hold bytes without a
 * marker (promoted before imagegate wrote markers, or the marker was removed), so imagegate cannot
 * tell whose they are.
 */
async function missingError(client, missing, plan) {
    const scenario = plan.scenario.value;
    if (scenario !== 'release') {
        const lines = missing.map(m => `  ${m.name}: ${m.staging.text} does not exist`);
        return new errors/* FailedError */.Kl(`${scenario} refused: staging has no tested image for the merged source of ${missing.map(m => m.name).join(', ')}:\n${lines.join('\n')}\n` +
            'The merged tree differs from every tree the gate tested (merge without a merge queue/train, or a rebase after the gate), or the change came from a fork and was never staged. ' +
            'Run the gate on this commit, or set `promote: {on-missing: build}` to build, test and stage it here.');
    }
    const referrers = new registry_referrers/* Referrers */.l(client);
    const lines = [];
    const tagged = new Map();
    for (const m of missing) {
        const image = plan.images.find(i => i.name === m.name);
        const head = `  ${m.name}: the tagged commit's source (identity ${m.identity}) has no staging tag (${m.staging.text}) and no promotion marker (${refText(m.final, (0,records/* promotionTag */.oK)(m.identity))})`;
        const held = [];
        for (const tag of [...new Set(image.tags.filter(t => t.on.includes('promote') && t.tag).map(t => t.tag))]) {
            const digest = (await client.headManifest(m.final, tag))?.digest;
            if (!digest)
                continue;
            const key = `${m.final.registry}/${m.final.repository}`;
            if (!tagged.has(key))
                tagged.set(key, markersByTag(client, m.final));
            const listed = (await referrers.list(m.final, digest, { artifactType: records/* PROMOTION_MARKER_TYPE */.mH })).manifests
                .map(d => (0,records/* readPromotionMarker */.AX)(d))
                .filter((x) => x !== undefined);
            const markers = [
                ...listed,
                ...(await tagged.get(key))
                    .filter(x => x.subject === digest && !listed.some(l => l.identity === x.marker.identity))
                    .map(x => x.marker)
            ];
            held.push(markers.length
                ? `${refText(m.final, tag)} holds ${digest}, promoted from another tree: ${markers.map(x => `identity ${x.identity}${x.commit ? ` (commit ${x.commit.slice(0, 12)})` : ''} on ${x.promotedAt.toISOString()}`).join('; ')}`
                : `${refText(m.final, tag)} holds ${digest}, which has no promotion marker (promoted by an imagegate before markers, or its marker was removed): imagegate cannot tell whether it was built from this commit's source`);
        }
        lines.push(held.length
            ? `${head}; ${held.join('; ')}`
            : `${head}; nothing is published under its promoted tags: this source was never promoted`);
    }
    return new errors/* FailedError */.Kl(`release refused: no promoted image for the tagged commit's source of ${missing.map(m => m.name).join(', ')}:\n${lines.join('\n')}\n` +
        'Release publishes the bytes promote published for exactly this source. Tag the commit that was promoted (the merge commit on the default branch), or promote this commit first.');
}
/** At most this many promotion marker tags are read to say whose bytes a tag holds (a refusal's message). */
const MARKER_TAGS_READ = 200;
/**
 * The promotion markers a repository holds under `imagegate-promoted-*` tags, with their subjects:
 * on registries without the referrers API, markers are found by their tags, not in the subject's
 * fallback index (older markers are there too, and are listed from it).
 */
async function markersByTag(client, repo) {
    const tags = (await client.listTags(repo)).filter(t => t.startsWith(records/* PROMOTION_TAG_PREFIX */.O1)).slice(-MARKER_TAGS_READ);
    const out = [];
    for (const tag of tags) {
        const m = await client.getManifest(repo, tag);
        const marker = m && (0,records/* readPromotionMarker */.AX)((0,referrers/* referrerDescriptor */.xh)(m));
        const subject = m && (0,referrers/* subjectOf */.et)(m)?.digest;
        if (marker && subject)
            out.push({ subject, marker });
    }
    return out;
}
/**
 * The image in its final repository, then in each mirror. A destination that fails is reported and
 * the others still run; the staging tag is removed only once every destination holds the image, so
 * a re-run finds it and completes what is missing (a tag already at the digest is left unchanged).
 * No destination's tag ever moves before its bytes are there (promoteOne copies, then tags).
 */
async function promoteToEach(services, untagger, req, target, digest, before, report) {
    const destinations = [target.final, ...target.mirrors];
    const done = [];
    const failed = [];
    for (const [i, final] of destinations.entries()) {
        const cleanup = target.fromStaging && i === destinations.length - 1 && !failed.length;
        const one = {
            ...target,
            final,
            fromStaging: cleanup,
            retag: target.fromStaging && (0,reference/* sameRepository */.RB)(target.staging, final)
        };
        const where = `${final.registry}/${final.repository}`;
        try {
            done.push(await services.log.group(`${req.scenario} ${target.name}: ${target.staging.text} → ${where}`, () => promoteOne(services, untagger, req, one, digest, before, report)));
        }
        catch (e) {
            if (destinations.length === 1 || !(e instanceof Error))
                throw e;
            failed.push(`  ${where}: ${e.message}`);
            services.log.error(`${target.name}: ${where} failed: ${e.message}`);
        }
    }
    if (failed.length)
        throw new errors/* FailedError */.Kl(`${req.scenario} of ${target.name} is incomplete: ${failed.length} of ${destinations.length} destinations failed:\n${failed.join('\n')}\n` +
            `Done: ${done.map(d => d.tags.map(t => t.ref).join(', ') || d.name).join('; ') || 'nothing'}. ${target.staging.text} is kept; re-run to complete the rest (what is done stays as it is).`);
    return done;
}
function tagKey(repo, tag) {
    return `${repo.registry}/${repo.repository}:${tag}`;
}
async function promoteOne(services, untagger, req, target, digest, before, report) {
    const { registry: client, log } = services;
    const copier = new ImageCopier(client);
    // A final tag that held the digest before this run says the destination has it, complete; else
    // the copy is made without asking first (a re-run after an interruption re-mounts what is there).
    const held = target.tags.some(tag => before.get(tagKey(target.final, tag)) === digest);
    const manifest = await copier.copy(target.staging, target.final, digest, target.manifest, {
        askTarget: held || !target.fromStaging
    });
    let referrers;
    if (!(0,reference/* sameRepository */.RB)(target.staging, target.final)) {
        // The staging records concern the staging tags, not the published image: they stay behind.
        const copied = await (0,registry_referrers/* copyReferrers */.k)(client, new ImageCopier(client), target.staging, target.final, manifestsOf(manifest), {
            skip: d => d.artifactType === records/* STAGING_RECORD_TYPE */.x9
        });
        referrers = { manifests: copied.referrers, tags: copied.tags };
        for (const warning of copied.warnings) {
            report.warnings.push(warning);
            log.warning(warning);
        }
    }
    const tags = [];
    for (const tag of target.tags) {
        const key = tagKey(target.final, tag);
        if (target.retag && !before.has(key)) {
            // A retag in the staging repository has no copy for another writer to race: a read first
            // would only name what the tag held (the PUT is the same whether it was absent, elsewhere or here).
            const confirmed = await client.putTag(target.final, tag, manifest);
            const readBack = confirmed ? digest : (await client.headManifest(target.final, tag))?.digest;
            if (readBack !== digest)
                throw new errors/* FailedError */.Kl(`${refText(target.final, tag)} reads back as ${readBack ?? '(absent)'}, not ${digest}`);
            tags.push({ ref: refText(target.final, tag), action: 'written' });
            report.refs.push(`${refText(target.final, tag)}@${digest}`);
            log.info(`${refText(target.final, tag)} → ${digest}`);
            continue;
        }
        const now = (await client.headManifest(target.final, tag))?.digest;
        const was = before.has(key) ? before.get(key) : now;
        if (now === digest) {
            tags.push({ ref: refText(target.final, tag), ...(was ? { before: was } : {}), action: 'unchanged' });
            continue;
        }
        if (now !== was) {
            throw new errors/* FailedError */.Kl(`${req.scenario} refused: ${refText(target.final, tag)} moved from ${was ?? '(absent)'} to ${now ?? '(absent)'} while this promotion ran; another pipeline is publishing it. Re-run when it is done.`);
        }
        // The registry's answer names the digest it stored under the tag: a read-back only where it does not.
        const confirmed = await client.putTag(target.final, tag, manifest);
        const readBack = confirmed ? digest : (await client.headManifest(target.final, tag))?.digest;
        if (readBack !== digest)
            throw new errors/* FailedError */.Kl(`${refText(target.final, tag)} reads back as ${readBack ?? '(absent)'}, not ${digest}`);
        tags.push({ ref: refText(target.final, tag), ...(was ? { before: was } : {}), action: was ? 'moved' : 'created' });
        report.refs.push(`${refText(target.final, tag)}@${digest}`);
        log.info(`${refText(target.final, tag)} → ${digest}${was ? ` (was ${was})` : ''}`);
    }
    const promoted = {
        name: target.name,
        digest,
        staging: target.staging.text,
        tags,
        copy: copier.stats,
        ...(referrers ? { referrers } : {})
    };
    // The marker is written after the tags: where none of them held the digest before this run, no
    // earlier run finished here, so there is no marker of it to look for.
    const wasHeld = tags.some(t => t.before === digest);
    promoted.marker = await markPromotion(client, log, req, target, manifest, {
        lookFirst: wasHeld || !target.fromStaging
    });
    const sign = req.loaded.config.promote.sign;
    if (sign)
        promoted.signed = await signOnce(services, req, target.final, manifest, sign);
    if (req.loaded.config.promote.cleanup && req.scenario === 'promote' && target.fromStaging) {
        const result = await untagger.removeTag(target.staging, target.staging.reference, target.manifest);
        promoted.cleanup = result.removed ? { removed: true } : { removed: false, reason: result.reason };
        if (!result.removed) {
            const warning = `${target.staging.text} was left in place: ${result.reason}`;
            report.warnings.push(warning);
            log.warning(warning);
        }
        else {
            // Its staging record is stale now; what else refers to the digest stays.
            const tag = target.staging.reference;
            await new registry_referrers/* Referrers */.l(client)
                .prune(target.staging, digest, d => (0,records/* readStagingRecord */.RT)(d)?.tag === tag, untagger)
                .catch((e) => log.info(`the staging record of ${target.staging.text} stays: ${e.message}`));
        }
    }
    return promoted;
}
/** The digests whose referrers travel with an image: the index (or image) and every manifest it lists. */
function manifestsOf(manifest) {
    const parsed = (0,oci_manifest/* parseManifest */.Ng)(manifest);
    return [manifest.digest, ...(parsed.kind === 'index' ? parsed.index.manifests.map(m => m.digest) : [])];
}
/**
 * Records which source was promoted to the digest: a promotion marker (a referrer of the digest, so
 * the digest's referrers name its source) tagged `imagegate-promoted-<identity>` (so release finds
 * the digest by identity). Idempotent: a marker of this identity on this digest is left alone; one
 * on another digest (the source was promoted again, rebuilt) is moved.
 */
async function markPromotion(client, log, req, target, manifest, opts) {
    const tag = (0,records/* promotionTag */.oK)(target.identity);
    const existing = opts.lookFirst ? await client.getManifest(target.final, tag) : undefined;
    if (existing &&
        (0,referrers/* subjectOf */.et)(existing)?.digest === manifest.digest &&
        (0,records/* readPromotionMarker */.AX)((0,referrers/* referrerDescriptor */.xh)(existing))?.identity === target.identity)
        return { tag: refText(target.final, tag), digest: existing.digest, created: false };
    const marker = (0,records/* promotionManifest */.jm)((0,oci_manifest/* describeManifest */.FK)(manifest), {
        identity: target.identity,
        image: target.name,
        from: target.staging.text,
        promotedAt: new Date(),
        ...(req.plan.git.sha ? { commit: req.plan.git.sha.value } : {})
    });
    // Found by its tag (release) and, where the registry has the referrers API, listed there; no
    // fallback index entry on registries without it (no shared index to read, write and read back).
    await new registry_referrers/* Referrers */.l(client).attach(target.final, marker, { tag, fallback: false });
    log.info(`${refText(target.final, tag)} → ${marker.digest} (promotion marker of identity ${target.identity} for ${manifest.digest})`);
    return { tag: refText(target.final, tag), digest: marker.digest, created: true };
}
/**
 * Signs the promoted digest unless it is signed already: a cosign 2 `.sig` tag or a cosign 3 bundle
 * referrer (through the referrers API or the fallback index) — and, with a key pair, one that
 * verifies with this key (a signature by another key does not count). After signing, the signature
 * must verify.
 */
async function signOnce({ registry: client, log, signer, oidc }, req, final, manifest, sign) {
    const digest = manifest.digest;
    const ref = `${final.registry}/${final.repository}@${digest}`;
    if (sign.key === undefined && !oidc) {
        throw new errors/* UsageError */.eb('`promote.sign: cosign` without `cosign-key` signs keyless, which needs an OIDC identity (GitHub `id-token: write`, or SIGSTORE_ID_TOKEN); set `promote.cosign-key`');
    }
    const key = sign.key === undefined || sign.key.startsWith('env://') ? sign.key : (0,external_node_path_.resolve)(req.loaded.dir, sign.key);
    const request = { ref, ...(key !== undefined ? { key } : {}), tlog: sign.tlog, insecure: (0,transport/* isLoopback */.U9)(final.registry) };
    const cosign = await signer.version();
    const about = { version: cosign.version, major: cosign.major };
    const found = await findSignatures(client, final, digest);
    if (found.length) {
        const check = key === undefined ? { ok: true } : await signer.verify(request, final.registry);
        if (check.ok) {
            log.info(`${ref} is signed already (${found.map(f => f.signature).join(', ')})`);
            return { ref, cosign: about, ...found[0], created: false, verified: key !== undefined };
        }
        log.info(`${ref} has signatures, none of which verifies with this key (${check.reason}); signing`);
    }
    await log.group(`sign ${ref} (cosign ${cosign.version}, major ${cosign.major}: ${cosign.basis})`, async () => {
        await signer.sign(request, final.registry);
        const check = await signer.verify(request, final.registry);
        if (!check.ok)
            throw new errors/* InfrastructureError */.EN(`cosign signed ${ref}, but the signature does not verify: ${check.reason}`);
    });
    const made = (await findSignatures(client, final, digest)).find(f => f.format === (cosign.major >= 3 ? 'bundle' : 'legacy'));
    const fallback = {
        signature: cosign.major >= 3 ? `a bundle referrer of ${digest}` : (0,referrers/* legacyCosignTags */.OM)(digest)[0],
        format: cosign.major >= 3 ? 'bundle' : 'legacy'
    };
    return { ref, cosign: about, ...(made ?? fallback), created: true, verified: true };
}
/** cosign signatures of `digest` in `repo`, both formats: the `.sig` tag, and bundle referrers that sign (not attest). */
async function findSignatures(client, repo, digest) {
    const out = [];
    const sig = (0,referrers/* legacyCosignTags */.OM)(digest)[0];
    if (await client.headManifest(repo, sig))
        out.push({ signature: sig, format: 'legacy' });
    const listed = await new registry_referrers/* Referrers */.l(client).list(repo, digest);
    for (const d of listed.manifests)
        if (referrers/* SIGSTORE_BUNDLE */.uS.test(d.artifactType ?? '') &&
            (d.annotations?.['dev.sigstore.bundle.predicateType'] ?? referrers/* COSIGN_SIGN_PREDICATE */.u) === referrers/* COSIGN_SIGN_PREDICATE */.u)
            out.push({ signature: d.digest, format: 'bundle' });
    return out;
}
function refText(repo, tag) {
    return `${repo.registry}/${repo.repository}:${tag}`;
}


/***/ })

};
