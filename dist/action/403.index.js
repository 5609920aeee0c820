export const id = 403;
export const ids = [403];
export const modules = {

/***/ 3403:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cleanupStale: () => (/* binding */ cleanupStale)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _core_records_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5033);
/* harmony import */ var _oci_descriptor_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7592);
/* harmony import */ var _oci_manifest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2060);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2148);
/* harmony import */ var _oci_referrers_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3342);
/* harmony import */ var _registry_referrers_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9191);
/* harmony import */ var _registry_untag_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6254);
// cleanup: remove stale staging tags — judged by when imagegate staged them (their staging
// records), never by the image's own `created`, which reproducible builds and buildpacks set to
// 1970 or 1980 — with the per-platform tags of split builds and the referrers (signatures,
// attestations, records) of digests no other tag holds. Nothing else.








/** The last moment a reproducible build stamps: SOURCE_DATE_EPOCH=0, 1980-01-01 (zip, buildpacks' 1980-01-01T00:00:01Z). */
const FIXED_TIMES_UNTIL = Date.parse('1980-01-02T00:00:00Z');
async function cleanupStale(loaded, opts, { log, registry: client }) {
    const { config } = loaded;
    const untagger = new _registry_untag_js__WEBPACK_IMPORTED_MODULE_6__/* .Untagger */ .Ip(client);
    const referrers = new _registry_referrers_js__WEBPACK_IMPORTED_MODULE_5__/* .Referrers */ .l(client);
    const report = { removed: [], kept: [], referrers: [], leftovers: [] };
    const now = (opts.now ?? Date.now)();
    const seen = new Set();
    for (const image of config.images) {
        const { repo, pattern } = stagingNamespace(loaded, image.name, image.repository);
        const key = `${repo.registry}/${repo.repository}`;
        if (seen.has(key))
            continue; // one staging repository holds several images' tags only once
        seen.add(key);
        const tags = await client.listTags(repo);
        const removed = [];
        for (const tag of tags.filter(t => pattern.test(t))) {
            const ref = `${repo.registry}/${repo.repository}:${tag}`;
            const manifest = await client.getManifest(repo, tag);
            if (!manifest)
                continue;
            const verdict = (0,_registry_untag_js__WEBPACK_IMPORTED_MODULE_6__/* .isTombstone */ .aK)(manifest)
                ? { remove: true, why: 'the tombstone of an interrupted cleanup' }
                : await judge(client, referrers, repo, tag, manifest, now, opts);
            if (!verdict.remove) {
                report.kept.push({ ref, reason: verdict.why });
                continue;
            }
            const result = await untagger.removeTag(repo, tag, manifest);
            if (result.removed) {
                report.removed.push(ref);
                removed.push({ tag, manifest });
            }
            else
                report.leftovers.push({ ref, reason: result.reason });
            log.info(result.removed ? `removed ${ref} (${verdict.why})` : `left ${ref}: ${result.reason}`);
        }
        if (removed.length)
            await pruneReferrers(client, referrers, untagger, log, repo, tags, removed, report);
    }
    return report;
}
async function judge(client, referrers, repo, tag, manifest, now, opts) {
    const records = (await referrers.list(repo, manifest.digest, { artifactType: _core_records_js__WEBPACK_IMPORTED_MODULE_1__/* .STAGING_RECORD_TYPE */ .x9 })).manifests
        .map(d => (0,_core_records_js__WEBPACK_IMPORTED_MODULE_1__/* .readStagingRecord */ .RT)(d))
        .filter(r => r?.tag === tag);
    const staged = Math.max(...records.map(r => r.stagedAt.getTime()));
    const limit = formatAge(opts.olderThanMs);
    if (records.length) {
        const at = new Date(staged).toISOString();
        return now - staged < opts.olderThanMs
            ? { remove: false, why: `staged ${at}, less than ${limit} ago` }
            : { remove: true, why: `staged ${at}, more than ${limit} ago` };
    }
    if (opts.unrecorded !== 'created')
        return {
            remove: false,
            why: 'no staging record (staged by an imagegate before staging records, or its record could not be written); `--unrecorded created` judges such tags by their image’s created time'
        };
    const created = await createdAt(client, repo, tag);
    if (created === undefined)
        return { remove: false, why: 'no staging record, and its image has no created time' };
    const at = new Date(created).toISOString();
    if (created < FIXED_TIMES_UNTIL)
        return {
            remove: false,
            why: `no staging record, and its image's created time (${at}) is a reproducible build's fixed time, not when it was built`
        };
    return now - created < opts.olderThanMs
        ? { remove: false, why: `no staging record; its image was created ${at}, less than ${limit} ago` }
        : { remove: true, why: `no staging record; its image was created ${at}, more than ${limit} ago` };
}
/**
 * Removes what refers only to removed staging digests: the fallback index and cosign 2 tags of each
 * removed digest (and of the manifests it lists) that no remaining tag holds, and through the
 * referrers API, the referrer manifests. A digest still held (promoted in the same repository, or
 * staged under another tag) keeps its referrers; only the removed tag's staging record goes.
 */
async function pruneReferrers(client, referrers, untagger, log, repo, tags, removed, report) {
    const gone = new Set(removed.map(r => r.tag));
    const live = await liveDigests(client, repo, tags.filter(t => !gone.has(t) && !(0,_oci_referrers_js__WEBPACK_IMPORTED_MODULE_4__/* .subjectOfReferrerTag */ .$u)(t)));
    const tagSet = new Set(tags);
    const at = (tag) => `${repo.registry}/${repo.repository}:${tag}`;
    for (const { tag, manifest } of removed) {
        if ((0,_registry_untag_js__WEBPACK_IMPORTED_MODULE_6__/* .isTombstone */ .aK)(manifest))
            continue;
        if (live.has(manifest.digest)) {
            await referrers
                .prune(repo, manifest.digest, d => (0,_core_records_js__WEBPACK_IMPORTED_MODULE_1__/* .readStagingRecord */ .RT)(d)?.tag === tag, untagger)
                .catch((e) => log.info(`the staging record of ${at(tag)} stays: ${e.message}`));
            continue;
        }
        const parsed = (0,_oci_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .parseManifest */ .Ng)(manifest);
        const digests = [
            manifest.digest,
            ...(parsed.kind === 'index' ? parsed.index.manifests.map(m => m.digest).filter(d => !live.has(d)) : [])
        ];
        for (const digest of digests) {
            if (await referrers.hasApi(repo, digest)) {
                for (const d of (await referrers.list(repo, digest)).manifests) {
                    const res = await client.deleteManifest(repo, d.digest);
                    if (res.status === 202 || res.status === 200 || res.status === 404)
                        report.referrers.push(`${repo.registry}/${repo.repository}@${d.digest}`);
                }
            }
            for (const referrerTag of (0,_oci_referrers_js__WEBPACK_IMPORTED_MODULE_4__/* .referrerTagsOf */ .Q6)(digest).filter(t => tagSet.has(t))) {
                const result = await untagger.removeTag(repo, referrerTag);
                if (result.removed)
                    report.referrers.push(at(referrerTag));
                else
                    report.leftovers.push({ ref: at(referrerTag), reason: result.reason });
            }
        }
    }
}
/** The digests the given tags hold, with every manifest their indexes list. */
async function liveDigests(client, repo, tags) {
    const live = new Set();
    for (const tag of tags) {
        const m = await client.getManifest(repo, tag);
        if (!m || (0,_registry_untag_js__WEBPACK_IMPORTED_MODULE_6__/* .isTombstone */ .aK)(m))
            continue;
        live.add(m.digest);
        const parsed = (0,_oci_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .parseManifest */ .Ng)(m);
        if (parsed.kind === 'index')
            for (const child of parsed.index.manifests)
                live.add(child.digest);
    }
    return live;
}
/**
 * The staging repository of an image and its staging tags: `<prefix><identity>`, and the
 * per-platform tags of split builds, `<prefix><identity>-linux-arm64[-v8]`.
 */
function stagingNamespace(loaded, name, repository) {
    const staging = loaded.config.staging;
    const text = staging.kind === 'registry' ? `${staging.registry}/${name}` : repository;
    const parsed = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .parseReference */ .F2)(text);
    if (!parsed.ok)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(parsed.error);
    const prefix = staging.kind === 'tag-prefix' ? staging.tagPrefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : '';
    return {
        repo: { registry: parsed.value.registry, repository: parsed.value.repository },
        pattern: new RegExp(`^${prefix}[0-9a-f]{32}(?:-(?:linux|windows|freebsd)-[a-z0-9]+(?:-v[0-9]+)?)?$`)
    };
}
/** When an image was built, by its own account: its config's `created`, read from the first platform image. */
async function createdAt(client, repo, tag) {
    const top = await client.getManifest(repo, tag);
    if (!top)
        return undefined;
    let doc = (0,_oci_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .parseManifest */ .Ng)(top);
    if (doc.kind === 'index') {
        const first = doc.index.manifests.find(m => !(0,_oci_descriptor_js__WEBPACK_IMPORTED_MODULE_7__/* .isAttestation */ .H)(m));
        const child = first && (await client.getManifest(repo, first.digest));
        if (!child)
            return undefined;
        doc = (0,_oci_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .parseManifest */ .Ng)(child);
    }
    if (doc.kind !== 'image')
        return undefined;
    const created = (await client.getJsonBlob(repo, doc.manifest.config)).created;
    const time = typeof created === 'string' ? Date.parse(created) : NaN;
    return Number.isNaN(time) ? undefined : time;
}
function formatAge(ms) {
    if (ms % 3_600_000 === 0)
        return `${ms / 3_600_000}h`;
    if (ms % 60_000 === 0)
        return `${ms / 60_000}m`;
    return `${Math.round(ms / 1000)}s`;
}


/***/ })

};
