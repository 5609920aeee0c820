export const id = 752;
export const ids = [752];
export const modules = {

/***/ 5000:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ writeGateTags)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2148);
// Tags a gate publishes (`on: [gate]`, e.g. `pr-{{pr}}`): written where the gate stages, once the
// staged index is there and read back, pointing at exactly the tested digest. A whole gate writes
// them after its push, `merge` after it assembled a split build's index; a per-platform job never.


/** Points the image's gate tags at `digest` (staged at `staging`); returns `ref@digest` of each one written. */
async function writeGateTags(client, log, plan, name, staging, digest) {
    const image = plan.images.find(i => i.name === name);
    const tags = (image?.tags ?? []).filter(t => t.published && t.ref && plan.scenario.value === 'gate');
    if (!tags.length)
        return [];
    const from = repositoryOf(staging);
    const manifest = await client.getManifest(from, digest);
    if (!manifest)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InfrastructureError */ .EN(`${staging}@${digest} is gone from the registry; no gate tag is written`);
    const written = [];
    for (const tag of tags) {
        const to = repositoryOf(tag.ref);
        if ((await client.headManifest(to, tag.tag))?.digest !== digest)
            await client.putManifest(to, tag.tag, manifest);
        const readBack = (await client.headManifest(to, tag.tag))?.digest;
        if (readBack !== digest)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InfrastructureError */ .EN(`${tag.ref} reads back as ${readBack ?? '(absent)'}, not the tested ${digest}`);
        written.push(`${tag.ref}@${digest}`);
        log.info(`${tag.ref} → ${digest} (gate tag, the tested bytes)`);
    }
    return written;
}
function repositoryOf(ref) {
    const parsed = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .parseReference */ .F2)(ref);
    if (!parsed.ok)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InfrastructureError */ .EN(`\`${ref}\`: ${parsed.error}`);
    return { registry: parsed.value.registry, repository: parsed.value.repository };
}


/***/ }),

/***/ 2752:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  B: () => (/* binding */ recordStaging),
  runGate: () => (/* binding */ runGate)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
;// CONCATENATED MODULE: ./src/core/junit.ts
// JUnit XML for CI hosts that show test reports (GitLab's artifacts:reports:junit, GitHub test
// reporters): one testsuite per image and platform, one testcase per command.
function renderJUnit(images) {
    const suites = images.flatMap(image => image.platforms.map(platform => {
        const failures = platform.tests.filter(t => t.status === 'failed' || t.status === 'timed-out').length;
        const errors = platform.tests.filter(t => t.status === 'error').length;
        const cases = platform.tests.map(test => {
            const attrs = `name="${xml(test.name)}" classname="${xml(`${image.name}.${platform.platform}`)}" time="${seconds(test.durationMs)}"`;
            if (test.status === 'passed')
                return `    <testcase ${attrs}/>`;
            const tag = test.status === 'error' ? 'error' : 'failure';
            const message = test.error ?? (test.status === 'timed-out' ? 'timed out' : `exit code ${test.exitCode ?? '?'}`);
            return `    <testcase ${attrs}>\n      <${tag} message="${xml(message)}">${xml(test.outputTail)}</${tag}>\n    </testcase>`;
        });
        const name = `${image.name} ${platform.platform}`;
        return [
            `  <testsuite name="${xml(name)}" tests="${platform.tests.length}" failures="${failures}" errors="${errors}" time="${seconds(platform.durationMs)}">`,
            ...cases,
            '  </testsuite>'
        ].join('\n');
    }));
    return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="imagegate">\n${suites.join('\n')}\n</testsuites>\n`;
}
function seconds(ms) {
    return (ms / 1000).toFixed(3);
}
// XML 1.0 allows only these characters; command output may hold anything (colour codes, NULs).
function xml(text) {
    return (text
        // eslint-disable-next-line no-control-regex -- naming the allowed control characters is the point
        .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;'));
}

// EXTERNAL MODULE: ./src/core/repository-facts.ts
var repository_facts = __webpack_require__(2065);
// EXTERNAL MODULE: ./src/core/limiter.ts
var limiter = __webpack_require__(5543);
// EXTERNAL MODULE: ./src/core/plan.ts + 2 modules
var plan = __webpack_require__(2253);
// EXTERNAL MODULE: ./src/core/split.ts
var core_split = __webpack_require__(8159);
// EXTERNAL MODULE: ./src/oci/descriptor.ts
var descriptor = __webpack_require__(7592);
// EXTERNAL MODULE: ./src/oci/manifest.ts
var oci_manifest = __webpack_require__(2060);
// EXTERNAL MODULE: ./src/oci/referrers.ts
var referrers = __webpack_require__(3342);
// EXTERNAL MODULE: ./src/core/records.ts
var records = __webpack_require__(5033);
// EXTERNAL MODULE: ./src/registry/referrers.ts
var registry_referrers = __webpack_require__(9191);
// EXTERNAL MODULE: ./src/oci/platform.ts
var oci_platform = __webpack_require__(1890);
// EXTERNAL MODULE: ./src/oci/reference.ts
var reference = __webpack_require__(2148);
// EXTERNAL MODULE: ./src/app/gate-tags.ts
var gate_tags = __webpack_require__(5000);
;// CONCATENATED MODULE: ./src/app/gate.ts
// check and gate: build every image once, test every platform of the exact build, and — for gate,
// only when every test of every image passed — push exactly those bytes to staging and prove it
// by reading the digest back from the registry.

















async function runGate(req, services) {
    const started = Date.now();
    const { log } = services;
    if (req.plan.refusal)
        throw new errors/* UsageError */.eb(req.plan.refusal);
    const split = req.platform ? (0,core_split/* narrowToPlatform */.YT)(req.loaded.config.images, req.platform) : undefined;
    const configured = split?.images ?? req.loaded.config.images;
    if (split?.skipped.length)
        log.info(`--platform ${split.platform}: ${split.skipped.join(', ')} not built here (not listed for it)`);
    const staging = req.scenario === 'gate' ? stagingRefs(req.plan, split?.platform) : new Map();
    const { images, built } = await buildAndTestAll(req, services, configured);
    const report = { scenario: req.scenario, images, pushed: false, refs: [], durationMs: 0 };
    // A report that cannot be written must not cost the run its push: warn and go on.
    if (req.junitFile)
        await (0,promises_.writeFile)(req.junitFile, renderJUnit(images)).catch((e) => log.warning(`could not write the JUnit report ${req.junitFile}: ${e.message}; check --junit`));
    if (req.scenario === 'gate' && images.every(i => i.status === 'passed'))
        await pushTested(services, req.plan, images, built, staging, report);
    // The local images are released (tagged last-passed, or kept to look inside) while the
    // registry's tags and the records are written: neither touches the other. Its outcome is held
    // (never a rejection left waiting), and an error of the tags or records comes first.
    const released = releaseLocal(images, built, services).then(hints => ({ hints, error: undefined }), (error) => ({ hints: [], error }));
    try {
        if (req.scenario === 'gate') {
            if (!split && report.pushed)
                for (const image of images.filter(i => i.pushed))
                    report.refs.push(...(await (0,gate_tags/* writeGateTags */.m)(services.registry, log, req.plan, image.name, image.pushed.ref, image.pushed.digest)));
            else if (!report.pushed)
                log.warning('nothing was pushed: not every test of every image passed');
            if (split)
                report.records = await writeRecords(req, log, split.platform, images);
        }
    }
    finally {
        for (const hint of (await released).hints)
            log.info(hint);
    }
    const { error } = await released;
    if (error)
        throw error;
    report.durationMs = Date.now() - started;
    return report;
}
/** Each built image's local tag released; the hints of the images kept to look inside. */
async function releaseLocal(images, built, { engine }) {
    const hints = [];
    for (const image of images) {
        const local = built.get(image.name);
        if (!local)
            continue;
        const failedOn = image.platforms.find(p => p.tests.some(t => t.status !== 'passed'))?.platform;
        const hint = await engine.release(local, image.status === 'passed', failedOn);
        if (hint)
            hints.push(`${image.name}: ${hint}`);
    }
    return hints;
}
function stagingRefs(plan, platform) {
    const refs = new Map();
    for (const image of plan.images) {
        if (!image.staging)
            throw new errors/* UsageError */.eb(`gate needs the source identity of image ${image.name} to name its staging tag, but ${image.identity.error ?? 'it is unknown'}`);
        refs.set(image.name, platform ? (0,core_split/* platformStagingRef */.YD)(image.staging.value, platform) : image.staging.value);
    }
    return refs;
}
/** One record per image built here, passed or not, for `imagegate merge`. */
async function writeRecords(req, log, platform, images) {
    await (0,promises_.mkdir)(req.recordsDir, { recursive: true });
    const files = [];
    for (const image of images) {
        const planned = req.plan.images.find(i => i.name === image.name);
        const tests = image.platforms.flatMap(p => p.tests);
        const record = {
            kind: core_split/* RECORD_KIND */.dJ,
            version: core_split/* RECORD_VERSION */.hl,
            image: image.name,
            platform,
            identity: planned.identity.value.key,
            ...(req.plan.git.sha ? { sha: req.plan.git.sha.value } : {}),
            status: image.status === 'passed' && image.pushed ? 'passed' : 'failed',
            ...(image.pushed ? { ref: image.pushed.ref, digest: image.pushed.digest } : {}),
            tests: {
                passed: tests.filter(t => t.status === 'passed').length,
                failed: tests.filter(t => t.status !== 'passed').length
            }
        };
        const file = (0,external_node_path_.join)(req.recordsDir, (0,core_split/* recordFileName */.Tb)(image.name, platform));
        await (0,promises_.writeFile)(file, `${JSON.stringify(record, null, 2)}\n`);
        files.push(file);
        log.info(`${image.name}: record for merge written to ${file}`);
    }
    return files;
}
/** Builds in dependency order, independent images `parallel` at a time; a failed base skips its dependents. */
async function buildAndTestAll(req, services, configured) {
    const order = (0,plan/* buildOrder */.B)(configured);
    const runId = (0,external_node_crypto_.randomBytes)(6).toString('hex');
    const oci = ociMetadata(req.plan, services.env);
    const slots = new limiter/* Limiter */.j(Math.max(1, req.parallel));
    const done = new Map();
    for (const image of order) {
        const base = image.dependsOn !== undefined ? done.get(image.dependsOn) : undefined;
        const contextImages = Object.entries(image.build?.contexts ?? {}).flatMap(([n, c]) => 'image' in c ? [[n, c.image]] : []);
        done.set(image.name, (async () => {
            const baseOutcome = base ? await base : undefined;
            if (baseOutcome && baseOutcome.result.status !== 'passed') {
                return {
                    result: {
                        name: image.name,
                        status: 'skipped',
                        reason: `its base ${image.dependsOn} did not pass`,
                        platforms: []
                    }
                };
            }
            const contexts = {};
            for (const [name, other] of contextImages) {
                const outcome = await done.get(other);
                if (!outcome?.built || outcome.result.status !== 'passed')
                    return {
                        result: {
                            name: image.name,
                            status: 'skipped',
                            reason: `its build context ${name} (image ${other}) did not pass`,
                            platforms: []
                        }
                    };
                contexts[name] = outcome.built;
            }
            const labels = { ...oci, ...(0,repository_facts/* repositoryLabels */.c)(image.name, req.plan.repository ?? {}, req.plan.git) };
            return slots.run(() => buildAndTest(req, services, image, runId, labels, baseOutcome?.built, contexts));
        })());
    }
    const outcomes = await Promise.all(order.map(i => done.get(i.name)));
    const built = new Map(outcomes.flatMap(o => (o.built ? [[o.built.name, o.built]] : [])));
    return { images: outcomes.map(o => o.result), built };
}
async function buildAndTest(req, { log, engine, env }, image, runId, oci, base, contexts) {
    const baseConfig = base ? req.loaded.config.images.find(i => i.name === base.name) : undefined;
    const outcome = await log.group(`build ${image.name} (${image.platforms.join(', ')})`, () => engine.build({
        image,
        baseDir: req.loaded.dir,
        oci,
        runId,
        ...(base && baseConfig ? { base: { repository: baseConfig.repository, built: base } } : {}),
        ...(Object.keys(contexts).length ? { contexts } : {}),
        ...(req.platform ? { split: req.platform } : {})
    }));
    const checks = outcome.checks ? reportChecks(log, image, req.loaded.dir, outcome.checks, env.workspace) : {};
    if (!outcome.ok) {
        log.error(`${image.name}: ${outcome.reason}`);
        return { result: { name: image.name, status: 'build-failed', reason: outcome.reason, platforms: [], ...checks } };
    }
    const built = outcome.image;
    const platforms = await engine.test(image, built, req.loaded.dir);
    const failed = platforms.flatMap(p => p.tests.filter(t => t.status !== 'passed').map(t => `${t.name} on ${p.platform} (${t.error ?? t.status})`));
    const result = {
        name: image.name,
        status: failed.length ? 'failed' : 'passed',
        digest: built.digest,
        platforms,
        buildMs: built.buildMs,
        ...checks
    };
    if (failed.length)
        result.reason = `failed: ${failed.join('; ')}`;
    return { result, built };
}
/** Each Dockerfile finding as a warning at its line (an annotation on GitHub), kept in the result. */
function reportChecks(log, image, dir, findings, workspace) {
    const dockerfile = (0,external_node_path_.resolve)(dir, image.context, image.containerfile);
    const file = workspace ? (0,external_node_path_.relative)(workspace, dockerfile) : dockerfile;
    if (!findings.length)
        log.info(`${image.name}: the Dockerfile checks found nothing`);
    for (const finding of findings)
        log.warning(`${image.name}: ${finding.message}${finding.url ? ` (${finding.url})` : ''}`, finding.line ? { file, line: finding.line } : { file });
    return { checks: findings };
}
function ociMetadata(plan, env) {
    const oci = {};
    if (env.sourceUrl)
        oci['org.opencontainers.image.source'] = env.sourceUrl;
    if (plan.git.sha)
        oci['org.opencontainers.image.revision'] = plan.git.sha.value;
    const epoch = env.sourceDateEpoch;
    if (epoch && /^\d+$/.test(epoch))
        oci['org.opencontainers.image.created'] = new Date(Number(epoch) * 1000).toISOString();
    return oci;
}
async function pushTested({ log, engine, registry }, plan, images, built, staging, report) {
    for (const image of images) {
        const ref = staging.get(image.name);
        await log.group(`push ${image.name} → ${ref}`, async () => {
            try {
                await engine.push(built.get(image.name), ref);
            }
            catch (e) {
                const pushedSoFar = report.refs.length ? ` Already pushed: ${report.refs.join(', ')}.` : '';
                if (e instanceof errors/* InfrastructureError */.EN && pushedSoFar)
                    throw new errors/* InfrastructureError */.EN(`${e.message}${pushedSoFar}`);
                throw e;
            }
            const readBack = await readBackManifest(registry, ref);
            if (readBack.digest !== image.digest) {
                throw new errors/* InfrastructureError */.EN(`the registry holds ${ref} as ${readBack.digest}, not the tested ${image.digest}; refusing to report it as pushed`);
            }
            for (const platform of image.platforms)
                platform.manifestDigest = readBack.platforms.find(p => (0,oci_platform/* samePlatformText */.fU)(p.platform, platform.platform))?.digest;
            image.pushed = { ref, digest: readBack.digest, verified: true };
            report.refs.push(`${ref}@${readBack.digest}`);
            report.pushed = true;
            log.info(`pushed ${ref}@${readBack.digest} (the tested digest, read back from the registry)`);
            await recordStaging(registry, log, ref, readBack.subject, {
                identity: plan.images.find(i => i.name === image.name)?.identity.value?.key,
                commit: plan.git.sha?.value
            });
        });
    }
}
/**
 * Records when `ref` was staged, as a staging record referring to the digest (the digest itself
 * never changes): cleanup judges the tag's age by it. A record that cannot be written costs the tag
 * its cleanup by age, never the gate: a warning.
 */
async function recordStaging(registry, log, ref, subject, facts) {
    const parsed = (0,reference/* parseReference */.F2)(ref);
    if (!parsed.ok || !parsed.value.tag)
        return;
    const { registry: host, repository, tag } = parsed.value;
    const record = (0,records/* stagingRecordManifest */.WB)(subject, {
        tag,
        stagedAt: new Date(),
        ...(facts.identity ? { identity: facts.identity } : {}),
        ...(facts.commit ? { commit: facts.commit } : {})
    });
    try {
        const via = await new registry_referrers/* Referrers */.l(registry).attach({ registry: host, repository }, record, {
            replaces: d => (0,records/* readStagingRecord */.RT)(d)?.tag === tag
        });
        log.info(`${ref}: staging record ${record.digest} (${via === 'api' ? 'listed by the referrers API' : `in ${(0,referrers/* fallbackTag */.fH)(subject.digest)}`})`);
    }
    catch (e) {
        log.warning(`${ref}: could not write its staging record (${e.message}); \`imagegate cleanup\` will keep this tag until a record exists`);
    }
}
/** The manifest exactly as the registry serves it (the client checks that its bytes hash to its digest). */
async function readBackManifest(registry, ref) {
    const parsed = (0,reference/* parseReference */.F2)(ref);
    if (!parsed.ok || !parsed.value.tag)
        throw new errors/* InfrastructureError */.EN(`cannot read back ${ref}: not a tag reference`);
    const { registry: host, repository, tag } = parsed.value;
    const manifest = await registry.getManifest({ registry: host, repository }, tag);
    if (!manifest)
        throw new errors/* InfrastructureError */.EN(`${ref} is not in the registry after the push; nothing is reported as pushed`);
    const doc = (0,oci_manifest/* parseManifest */.Ng)(manifest);
    const platforms = doc.kind === 'index'
        ? doc.index.manifests
            .filter(m => m.platform && m.platform.os !== 'unknown' && !(0,descriptor/* isAttestation */.H)(m))
            .map(m => ({ platform: (0,oci_platform/* platformText */.VQ)(m.platform), digest: m.digest }))
        : [];
    return { digest: manifest.digest, subject: (0,oci_manifest/* describeManifest */.FK)(manifest), platforms };
}


/***/ }),

/***/ 5543:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ Limiter)
/* harmony export */ });
/** Runs at most `size` tasks at once; the others wait their turn in order. */
class Limiter {
    size;
    active = 0;
    queue = [];
    constructor(size) {
        this.size = size;
    }
    async run(task) {
        if (this.active >= this.size)
            await new Promise(resolve => this.queue.push(resolve));
        this.active++;
        try {
            return await task();
        }
        finally {
            this.active--;
            this.queue.shift()?.();
        }
    }
}


/***/ })

};
