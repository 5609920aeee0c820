export const id = 279;
export const ids = [279];
export const modules = {

/***/ 5033:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AX: () => (/* binding */ readPromotionMarker),
/* harmony export */   O1: () => (/* binding */ PROMOTION_TAG_PREFIX),
/* harmony export */   RT: () => (/* binding */ readStagingRecord),
/* harmony export */   WB: () => (/* binding */ stagingRecordManifest),
/* harmony export */   jm: () => (/* binding */ promotionManifest),
/* harmony export */   mH: () => (/* binding */ PROMOTION_MARKER_TYPE),
/* harmony export */   oK: () => (/* binding */ promotionTag),
/* harmony export */   x9: () => (/* binding */ STAGING_RECORD_TYPE)
/* harmony export */ });
/* harmony import */ var _oci_referrers_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3342);
// What imagegate records next to images, as OCI 1.1 artifacts whose `subject` is the image (so the
// image's digest never changes and every tool that lists referrers shows them):
//
// - a staging record: when a staging tag was staged (written by gate after the read-back, and by
//   merge), which cleanup judges a staging tag's age by — never the image's own `created`, which
//   reproducible builds set to 1970 or 1980;
// - a promotion marker: which source identity (and commit) was promoted to a digest, tagged
//   `imagegate-promoted-<identity>` in the final repository, so that release finds the promoted
//   bytes of a source whatever the tag templates are, and can say why when it cannot.

const STAGING_RECORD_TYPE = 'application/vnd.imagegate.staging-record.v1';
const PROMOTION_MARKER_TYPE = 'application/vnd.imagegate.promotion.v1';
/** The promotion marker of a source identity is tagged `imagegate-promoted-<identity>`. */
const PROMOTION_TAG_PREFIX = 'imagegate-promoted-';
const CREATED = 'org.opencontainers.image.created';
const KEY = {
    tag: 'dev.imagegate.staging.tag',
    identity: 'dev.imagegate.identity',
    commit: 'dev.imagegate.commit',
    image: 'dev.imagegate.image',
    from: 'dev.imagegate.promoted-from'
};
function promotionTag(identity) {
    return `${PROMOTION_TAG_PREFIX}${identity}`;
}
function stagingRecordManifest(subject, record) {
    return (0,_oci_referrers_js__WEBPACK_IMPORTED_MODULE_0__/* .artifactManifest */ .si)({
        artifactType: STAGING_RECORD_TYPE,
        subject,
        annotations: {
            [CREATED]: record.stagedAt.toISOString(),
            [KEY.tag]: record.tag,
            ...(record.identity ? { [KEY.identity]: record.identity } : {}),
            ...(record.commit ? { [KEY.commit]: record.commit } : {})
        }
    });
}
/** The staging record a referrer's descriptor (or manifest annotations) holds, if it is a valid one. */
function readStagingRecord(d) {
    const a = d.annotations ?? {};
    const time = Date.parse(a[CREATED] ?? '');
    const tag = a[KEY.tag];
    if (d.artifactType !== STAGING_RECORD_TYPE || !tag || Number.isNaN(time))
        return undefined;
    return {
        tag,
        stagedAt: new Date(time),
        ...(a[KEY.identity] ? { identity: a[KEY.identity] } : {}),
        ...(a[KEY.commit] ? { commit: a[KEY.commit] } : {})
    };
}
/**
 * The promotion marker: an empty index (no blob to upload first, one PUT) whose subject is the
 * promoted digest. Markers written before are image manifests with the empty config; both read alike.
 */
function promotionManifest(subject, marker) {
    return (0,_oci_referrers_js__WEBPACK_IMPORTED_MODULE_0__/* .artifactIndex */ .Pt)({
        artifactType: PROMOTION_MARKER_TYPE,
        subject,
        annotations: {
            [CREATED]: marker.promotedAt.toISOString(),
            [KEY.identity]: marker.identity,
            [KEY.image]: marker.image,
            [KEY.from]: marker.from,
            ...(marker.commit ? { [KEY.commit]: marker.commit } : {})
        }
    });
}
function readPromotionMarker(d) {
    const a = d.annotations ?? {};
    const time = Date.parse(a[CREATED] ?? '');
    const identity = a[KEY.identity];
    if (d.artifactType !== PROMOTION_MARKER_TYPE || !identity || Number.isNaN(time))
        return undefined;
    return {
        identity,
        image: a[KEY.image] ?? '',
        from: a[KEY.from] ?? '',
        promotedAt: new Date(time),
        ...(a[KEY.commit] ? { commit: a[KEY.commit] } : {})
    };
}


/***/ }),

/***/ 2060:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FK: () => (/* binding */ describeManifest),
/* harmony export */   Ng: () => (/* binding */ parseManifest),
/* harmony export */   OR: () => (/* binding */ blobsOf)
/* harmony export */ });
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9217);
// Image manifests and indexes as registries store them (OCI image-spec and Docker distribution
// shapes, JSON field names verbatim), and what imagegate needs to read from them.

/** Parses manifest bytes; the media type comes from the document itself or the registry's header. */
function parseManifest(m) {
    const doc = JSON.parse(m.bytes.toString('utf8'));
    const mediaType = doc.mediaType ?? m.mediaType;
    if ((0,_media_types_js__WEBPACK_IMPORTED_MODULE_0__/* .isIndexMediaType */ .$$)(mediaType) || (Array.isArray(doc.manifests) && !doc.config)) {
        return {
            kind: 'index',
            index: { schemaVersion: doc.schemaVersion ?? 2, ...doc, manifests: doc.manifests ?? [] }
        };
    }
    if (!doc.config)
        throw new Error(`manifest ${m.digest} has neither manifests nor config (media type ${mediaType})`);
    return {
        kind: 'image',
        manifest: { schemaVersion: doc.schemaVersion ?? 2, ...doc, layers: doc.layers ?? [] }
    };
}
/** Blobs an image manifest references: its config, then its layers (deduplicated). */
function blobsOf(manifest) {
    const seen = new Set();
    return [manifest.config, ...manifest.layers].filter(d => !seen.has(d.digest) && seen.add(d.digest));
}
/** The descriptor of stored manifest bytes, as an index lists it. */
function describeManifest(m) {
    return { mediaType: m.mediaType, digest: m.digest, size: m.bytes.length };
}


/***/ }),

/***/ 3342:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $u: () => (/* binding */ subjectOfReferrerTag),
/* harmony export */   JO: () => (/* binding */ EMPTY_JSON),
/* harmony export */   OM: () => (/* binding */ legacyCosignTags),
/* harmony export */   Pt: () => (/* binding */ artifactIndex),
/* harmony export */   Q6: () => (/* binding */ referrerTagsOf),
/* harmony export */   X9: () => (/* binding */ referrersIndex),
/* harmony export */   et: () => (/* binding */ subjectOf),
/* harmony export */   fH: () => (/* binding */ fallbackTag),
/* harmony export */   si: () => (/* binding */ artifactManifest),
/* harmony export */   u: () => (/* binding */ COSIGN_SIGN_PREDICATE),
/* harmony export */   uS: () => (/* binding */ SIGSTORE_BUNDLE),
/* harmony export */   xh: () => (/* binding */ referrerDescriptor)
/* harmony export */ });
/* unused harmony export EMPTY_DESCRIPTOR */
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8825);
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2060);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9217);
// OCI 1.1 referrers (distribution-spec "Listing Referrers", image-spec `subject` and `artifactType`):
// the artifacts that name a manifest as their subject (signatures, attestations, SBOMs, imagegate's
// own records), the fallback tag schema of registries without the referrers API, and the one place
// imagegate builds an artifact manifest.



/** The empty JSON object: config (and only layer) of an artifact that carries everything in annotations. */
const EMPTY_JSON = Buffer.from('{}');
const EMPTY_DESCRIPTOR = {
    mediaType: _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .MEDIA */ .Rn.ociEmpty,
    digest: (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .sha256Digest */ .sI)(EMPTY_JSON),
    size: EMPTY_JSON.length
};
/** cosign 3's signature and attestation bundles. */
const SIGSTORE_BUNDLE = /^application\/vnd\.dev\.sigstore\.bundle(\.v[0-9.]+)?\+json/;
/** The predicate type cosign writes on a bundle that signs an image (attestations carry theirs). */
const COSIGN_SIGN_PREDICATE = 'https://sigstore.dev/cosign/sign/v1';
/**
 * The tag that lists the referrers of `digest` where the registry has no referrers API:
 * `<alg>-<hex>`, the algorithm cut to 32 characters and the hex to 64 (the spec's schema).
 */
function fallbackTag(digest) {
    const [alg = '', hex = ''] = digest.split(':', 2);
    return `${alg.slice(0, 32)}-${hex.slice(0, 64)}`;
}
/** cosign 2's tags next to an image: `sha256-<hex>.sig`, `.att`, `.sbom`. */
function legacyCosignTags(digest) {
    const base = fallbackTag(digest);
    return [`${base}.sig`, `${base}.att`, `${base}.sbom`];
}
/** Every tag that belongs to the referrers of `digest` (the fallback index and cosign 2's tags). */
function referrerTagsOf(digest) {
    return [fallbackTag(digest), ...legacyCosignTags(digest)];
}
/** The digest a referrer tag (`sha256-<hex>[.sig|.att|.sbom]`) belongs to, if it is one. */
function subjectOfReferrerTag(tag) {
    const m = /^(sha256)-([0-9a-f]{64})(?:\.(?:sig|att|sbom))?$/.exec(tag);
    return m ? `${m[1]}:${m[2]}` : undefined;
}
/** An artifact manifest with `subject`: the empty config and one empty layer, the data in annotations. */
function artifactManifest(opts) {
    const doc = {
        schemaVersion: 2,
        mediaType: _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .MEDIA */ .Rn.ociManifest,
        artifactType: opts.artifactType,
        config: EMPTY_DESCRIPTOR,
        layers: [EMPTY_DESCRIPTOR],
        subject: { mediaType: opts.subject.mediaType, digest: opts.subject.digest, size: opts.subject.size },
        annotations: opts.annotations
    };
    const bytes = Buffer.from(JSON.stringify(doc));
    return { bytes, mediaType: _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .MEDIA */ .Rn.ociManifest, digest: (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .sha256Digest */ .sI)(bytes) };
}
/**
 * An artifact that references no blob: an empty image index with `artifactType`, `subject` (if
 * given) and the data in annotations (image-spec 1.1 lets an index be a referrer). A registry
 * takes it in one PUT whatever blobs the repository holds, so it needs no placeholder upload.
 */
function artifactIndex(opts) {
    const doc = {
        schemaVersion: 2,
        mediaType: _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .MEDIA */ .Rn.ociIndex,
        artifactType: opts.artifactType,
        manifests: [],
        ...(opts.subject
            ? { subject: { mediaType: opts.subject.mediaType, digest: opts.subject.digest, size: opts.subject.size } }
            : {}),
        annotations: opts.annotations
    };
    const bytes = Buffer.from(JSON.stringify(doc));
    return { bytes, mediaType: _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .MEDIA */ .Rn.ociIndex, digest: (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .sha256Digest */ .sI)(bytes) };
}
/**
 * How a referrer is listed: its descriptor with the manifest's `artifactType` (else its config's
 * media type, as the spec says a registry computes it) and its annotations.
 */
function referrerDescriptor(m) {
    const parsed = (0,_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .parseManifest */ .Ng)(m);
    const doc = parsed.kind === 'index' ? parsed.index : parsed.manifest;
    const artifactType = doc.artifactType ??
        (parsed.kind === 'image' ? parsed.manifest.config.mediaType : undefined);
    return {
        mediaType: m.mediaType || doc.mediaType || _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .MEDIA */ .Rn.ociManifest,
        digest: m.digest,
        size: m.bytes.length,
        ...(artifactType ? { artifactType } : {}),
        ...(doc.annotations && Object.keys(doc.annotations).length ? { annotations: doc.annotations } : {})
    };
}
/** The subject a manifest names, if any. */
function subjectOf(m) {
    const parsed = (0,_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .parseManifest */ .Ng)(m);
    return parsed.kind === 'index' ? parsed.index.subject : parsed.manifest.subject;
}
/** The fallback index listing `manifests` (no duplicates, in the order given). */
function referrersIndex(manifests) {
    const seen = new Set();
    const unique = manifests.filter(m => !seen.has(m.digest) && seen.add(m.digest));
    const bytes = Buffer.from(JSON.stringify({
        schemaVersion: 2,
        mediaType: _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .MEDIA */ .Rn.ociIndex,
        manifests: unique.map(d => ({
            mediaType: d.mediaType,
            digest: d.digest,
            size: d.size,
            ...(d.artifactType ? { artifactType: d.artifactType } : {}),
            ...(d.annotations ? { annotations: d.annotations } : {})
        }))
    }));
    return { bytes, mediaType: _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .MEDIA */ .Rn.ociIndex, digest: (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .sha256Digest */ .sI)(bytes) };
}


/***/ }),

/***/ 6655:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mu: () => (/* binding */ BODY_LIMITS),
/* harmony export */   VF: () => (/* binding */ ERROR_BODY_KEPT),
/* harmony export */   Xq: () => (/* binding */ formatSize),
/* harmony export */   dw: () => (/* binding */ parseJsonObject),
/* harmony export */   g$: () => (/* binding */ printable)
/* harmony export */ });
// What the registry client reads into memory, and how it reads it: a size limit for every kind of
// buffered body (a registry cannot make imagegate buffer until memory runs out), JSON documents
// parsed into a clear verdict (never a SyntaxError), and registry text made safe to print.
const KiB = 1024;
const MiB = 1024 * KiB;
/** The most bytes imagegate buffers per kind of body; larger ones are refused, not truncated. */
const BODY_LIMITS = {
    /** Distribution refuses to store larger manifests (`maxManifestBodySize = 4 << 20`); containerd reads ≈ 4 MiB. */
    manifest: 4 * MiB,
    /** Image configs read as JSON (platform, labels, created). */
    config: 4 * MiB,
    /** One page of a tag list: 1000 tags of 128 characters are ≈ 130 KiB; registries that ignore `n` send more. */
    tagPage: 8 * MiB,
    /** A token service's answer: a JWT of a few KiB. */
    token: 1 * MiB,
    /** Any other 2xx body imagegate buffers (upload answers, DELETE answers): normally empty. */
    other: 1 * MiB
};
/** Of an error answer (4xx/5xx), only this much is kept, for the OCI error code; the rest is not read. */
const ERROR_BODY_KEPT = 64 * KiB;
/** A size as the limits are written: `4 MiB`, `64 KiB`, or bytes. */
function formatSize(bytes) {
    if (bytes >= MiB && bytes % MiB === 0)
        return `${bytes / MiB} MiB`;
    if (bytes >= KiB && bytes % KiB === 0)
        return `${bytes / KiB} KiB`;
    return `${bytes} bytes`;
}
/** Parses a body that must be one JSON object; the error names the cause as JSON.parse saw it. */
function parseJsonObject(body) {
    let doc;
    try {
        doc = JSON.parse(body.toString());
    }
    catch (e) {
        return { ok: false, error: `not JSON (${e instanceof Error ? e.message : String(e)})` };
    }
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc))
        return { ok: false, error: `not a JSON object (it is ${describeJson(doc)})` };
    return { ok: true, value: doc };
}
function describeJson(doc) {
    if (doc === null)
        return 'null';
    if (Array.isArray(doc))
        return 'an array';
    return `a ${typeof doc}`;
}
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
/**
 * Registry-supplied text fit for a message: control characters (newlines, escapes that a CI log
 * would interpret) become spaces, runs of spaces one, and it is cut at `max` characters.
 */
function printable(text, max = 200) {
    const clean = text.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
    return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}


/***/ }),

/***/ 6764:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Yd: () => (/* binding */ ociError),
/* harmony export */   gl: () => (/* binding */ RegistryError),
/* harmony export */   m2: () => (/* binding */ errorDetail)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _body_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6655);
// Registry failures, with the HTTP status and the OCI error code when the registry sent one.


class RegistryError extends _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InfrastructureError */ .EN {
    status;
    code;
    constructor(message, status, code) {
        super(message);
        this.status = status;
        this.code = code;
    }
}
/** The first OCI error code and message of an error body, if it is one (the message fit to print). */
function ociError(body) {
    if (!body || body.length === 0)
        return {};
    const doc = (0,_body_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJsonObject */ .dw)(body);
    if (!doc.ok || !Array.isArray(doc.value.errors))
        return {};
    const first = doc.value.errors[0];
    if (!first || typeof first !== 'object')
        return {};
    const code = typeof first.code === 'string' ? (0,_body_js__WEBPACK_IMPORTED_MODULE_1__/* .printable */ .g$)(first.code, 64) : '';
    const message = typeof first.message === 'string' ? (0,_body_js__WEBPACK_IMPORTED_MODULE_1__/* .printable */ .g$)(first.message) : '';
    return { ...(code ? { code } : {}), ...(message ? { message } : {}) };
}
/**
 * What an error answer said, to follow `answered 500`: ` CODE: message` for an OCI error body,
 * else the start of whatever the body holds (an HTML error page, a proxy's text), else nothing.
 */
function errorDetail(body) {
    const { code, message } = ociError(body);
    if (code || message)
        return `${code ? ` ${code}` : ''}${message ? `: ${message}` : ''}`;
    const text = body && body.length ? (0,_body_js__WEBPACK_IMPORTED_MODULE_1__/* .printable */ .g$)(body.toString('utf8')) : '';
    return text ? ` (${text})` : '';
}


/***/ }),

/***/ 9191:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ copyReferrers),
/* harmony export */   l: () => (/* binding */ Referrers)
/* harmony export */ });
/* harmony import */ var _oci_manifest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2060);
/* harmony import */ var _oci_media_types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9217);
/* harmony import */ var _oci_referrers_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3342);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6764);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1521);
/* harmony import */ var _untag_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6254);
// OCI 1.1 referrers over the registry client: list them through the referrers API where the
// registry has one, else through the fallback tag (`sha256-<hex>`, an index of the referrers);
// attach an artifact (a PUT by digest or tag, plus a read-modify-write of the fallback index where
// the registry did not index it, unless it is found by its tag alone); detach entries; and copy every referrer of a set of manifests to
// another repository, digests unchanged.






/** Read-modify-write rounds of a fallback index before giving up (another writer keeps overwriting it). */
const FALLBACK_ROUNDS = 5;
/** Referrers of referrers (a signature on an SBOM…) are followed this deep. */
const MAX_DEPTH = 4;
class Referrers {
    client;
    /** Per registry: whether it has the referrers API, once a list answered (shared by the whole run). */
    api;
    constructor(client) {
        this.client = client;
        this.api = client.facts.referrersApi;
    }
    /** True when the registry has the referrers API (asked once per registry). */
    async hasApi(repo, digest) {
        const known = this.api.get(repo.registry);
        if (known !== undefined)
            return known;
        await this.list(repo, digest);
        return this.api.get(repo.registry) ?? false;
    }
    /**
     * The referrers of `digest`, of `artifactType` if given. From a fallback index, an entry that does
     * not say what it is (no `artifactType`, or the empty config's media type, as cosign 3 writes
     * them) is completed from its manifest, so that both paths list the same descriptors.
     */
    async list(repo, digest, opts = {}) {
        if (this.api.get(repo.registry) !== false) {
            const listed = await this.client.listReferrers(repo, digest, opts.artifactType);
            this.api.set(repo.registry, listed !== undefined);
            if (listed)
                return { api: true, manifests: listed };
        }
        // `tags`: the repository's tags, read a moment ago: a fallback tag not among them is not asked for.
        if (opts.tags && !opts.tags.has((0,_oci_referrers_js__WEBPACK_IMPORTED_MODULE_2__/* .fallbackTag */ .fH)(digest)))
            return { api: false, manifests: [] };
        const fallback = await this.client.getManifest(repo, (0,_oci_referrers_js__WEBPACK_IMPORTED_MODULE_2__/* .fallbackTag */ .fH)(digest));
        if (!fallback)
            return { api: false, manifests: [] };
        const parsed = (0,_oci_manifest_js__WEBPACK_IMPORTED_MODULE_0__/* .parseManifest */ .Ng)(fallback);
        if (parsed.kind !== 'index')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .RegistryError */ .gl(`${repo.registry}/${repo.repository}:${(0,_oci_referrers_js__WEBPACK_IMPORTED_MODULE_2__/* .fallbackTag */ .fH)(digest)} is not an index of referrers (it is an image manifest); something else uses the referrers fallback tag`);
        const manifests = [];
        for (const d of parsed.index.manifests) {
            let described = d;
            if (!d.artifactType || d.artifactType === _oci_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .MEDIA */ .Rn.ociEmpty) {
                const m = await this.client.getManifest(repo, d.digest);
                if (!m)
                    continue; // listed, but gone: not a referrer any more
                const own = (0,_oci_referrers_js__WEBPACK_IMPORTED_MODULE_2__/* .referrerDescriptor */ .xh)(m);
                const annotations = { ...(own.annotations ?? {}), ...(d.annotations ?? {}) };
                described = { ...own, ...(Object.keys(annotations).length ? { annotations } : {}) };
            }
            if (!opts.artifactType || described.artifactType === opts.artifactType)
                manifests.push(described);
        }
        return { api: false, manifests, fallback };
    }
    /**
     * Stores `manifest` (which names a subject) and makes it listed: by the registry where it indexes
     * it (`OCI-Subject`), else by adding it to the fallback index. `replaces` picks entries of the
     * fallback index the new one supersedes (dropped in the same write). Returns how it is listed.
     */
    async attach(repo, manifest, opts = {}) {
        const subject = (0,_oci_referrers_js__WEBPACK_IMPORTED_MODULE_2__/* .subjectOf */ .et)(manifest);
        if (!subject)
            throw new Error(`attach: manifest ${manifest.digest} names no subject`);
        // Stored under `tag` where there is one (one PUT stores the manifest and tags it); an empty
        // config goes up only where the repository turns out to lack it (an index has none).
        const put = (wait) => this.client.putSubjectManifest(repo, manifest, subject.digest, {
            ...(opts.tag ? { tag: opts.tag } : {}),
            waitForBlobs: wait
        });
        const stored = blobsOf(manifest).length
            ? await this.client.putWithSmallBlob(repo, _oci_referrers_js__WEBPACK_IMPORTED_MODULE_2__/* .EMPTY_JSON */ .JO, put, opts.mountFrom)
            : await put(true);
        // A registry with the referrers API answers `OCI-Subject`; one that does not has none (the
        // spec's signal to use the fallback tag), which the rest of the run goes by.
        this.api.set(repo.registry, stored.indexed);
        if (stored.indexed)
            return 'api';
        if (opts.fallback === false) {
            if (!opts.tag)
                throw new Error(`attach: manifest ${manifest.digest} without fallback needs a tag`);
            return 'tag';
        }
        await this.updateFallback(repo, subject.digest, {
            add: [(0,_oci_referrers_js__WEBPACK_IMPORTED_MODULE_2__/* .referrerDescriptor */ .xh)(manifest)],
            ...(opts.replaces ? { drop: opts.replaces } : {})
        });
        return 'fallback';
    }
    /**
     * Removes the entries `drop` picks from the referrers of `subject`: from the fallback index where
     * there is one; through the API, by deleting those manifests (a registry with the API lists what
     * it holds). Best effort: returns the digests it removed.
     */
    async detach(repo, subject, drop) {
        return (await this.detachKeeping(repo, subject, drop)).gone;
    }
    /** detach, and the fallback index as it was left (read back), where there is one. */
    async detachKeeping(repo, subject, drop) {
        const listed = await this.list(repo, subject);
        const gone = listed.manifests.filter(drop).map(d => d.digest);
        if (!gone.length)
            return { gone, ...(listed.api ? {} : { fallback: listed.fallback }) };
        if (listed.api) {
            for (const digest of gone)
                await this.client.deleteManifest(repo, digest);
            return { gone };
        }
        // The index just read is the first round's state: it is not read again.
        const fallback = await this.updateFallback(repo, subject, {
            add: [],
            drop: d => gone.includes(d.digest),
            current: listed.fallback
        });
        return { gone, fallback };
    }
    /**
     * detach, then untag the fallback index if it lists nothing any more (through `untagger`, which
     * never removes another tag).
     */
    async prune(repo, subject, drop, untagger) {
        const listed = await this.list(repo, subject);
        if (listed.api) {
            for (const d of listed.manifests.filter(drop))
                await this.client.deleteManifest(repo, d.digest);
            return;
        }
        const fallback = listed.fallback;
        if (!fallback || (0,_untag_js__WEBPACK_IMPORTED_MODULE_5__/* .isTombstone */ .aK)(fallback))
            return;
        const gone = new Set(listed.manifests.filter(drop).map(d => d.digest));
        if (!gone.size)
            return;
        const entries = indexEntries(fallback, repo, (0,_oci_referrers_js__WEBPACK_IMPORTED_MODULE_2__/* .fallbackTag */ .fH)(subject));
        const kept = entries.filter(d => !gone.has(d.digest));
        // Nothing would be left: the fallback tag goes (a tombstone over it, then its delete), without
        // writing an empty index first; where the tag cannot go, the entries are dropped as usual.
        if (!kept.length && (await untagger.removeTag(repo, (0,_oci_referrers_js__WEBPACK_IMPORTED_MODULE_2__/* .fallbackTag */ .fH)(subject), fallback)).removed)
            return;
        await this.updateFallback(repo, subject, { add: [], drop: d => gone.has(d.digest), current: fallback });
    }
    /**
     * Read-modify-write of the fallback index of `subject`: the entries it has, minus `drop`, plus
     * `add`. distribution has no conditional PUT, so after writing it reads the index back; if another
     * writer's version replaced it without this change, it writes again (at most FALLBACK_ROUNDS).
     * An index with nothing left is left as an empty index (untagging is the caller's choice).
     */
    async updateFallback(repo, subject, change) {
        const tag = (0,_oci_referrers_js__WEBPACK_IMPORTED_MODULE_2__/* .fallbackTag */ .fH)(subject);
        const applied = (entries) => change.add.every(a => entries.some(e => e.digest === a.digest)) &&
            !entries.some(e => change.drop?.(e) && !change.add.some(a => a.digest === e.digest));
        for (let round = 1;; round++) {
            const current = round === 1 && 'current' in change ? change.current : await this.client.getManifest(repo, tag);
            const entries = current ? indexEntries(current, repo, tag) : [];
            if (applied(entries))
                return current;
            const kept = entries.filter(e => !change.drop?.(e));
            const next = !current && change.exact && sameEntries(indexEntries(change.exact, repo, tag), change.add)
                ? change.exact
                : (0,_oci_referrers_js__WEBPACK_IMPORTED_MODULE_2__/* .referrersIndex */ .X9)([...kept, ...change.add.filter(a => !kept.some(k => k.digest === a.digest))]);
            await this.client.putManifest(repo, tag, next);
            const readBack = await this.client.getManifest(repo, tag);
            if (readBack && applied(indexEntries(readBack, repo, tag)))
                return readBack;
            if (round >= FALLBACK_ROUNDS)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .RegistryError */ .gl(`${repo.registry}/${repo.repository}:${tag} (the referrers of ${subject}) was rewritten by another writer ${round} times in a row; imagegate could not add its entry; re-run`);
            await (0,_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .delay */ .cb)(100 + Math.floor(Math.random() * 400));
        }
    }
}
/** The blobs a manifest references (none for an index). */
function blobsOf(m) {
    const parsed = (0,_oci_manifest_js__WEBPACK_IMPORTED_MODULE_0__/* .parseManifest */ .Ng)(m);
    return parsed.kind === 'image' ? [parsed.manifest.config, ...parsed.manifest.layers] : [];
}
function indexEntries(m, repo, tag) {
    const parsed = (0,_oci_manifest_js__WEBPACK_IMPORTED_MODULE_0__/* .parseManifest */ .Ng)(m);
    if (parsed.kind !== 'index')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .RegistryError */ .gl(`${repo.registry}/${repo.repository}:${tag} is not an index of referrers; something else uses the referrers fallback tag`);
    return parsed.index.manifests;
}
function sameEntries(a, b) {
    return a.length === b.length && a.every(d => b.some(e => e.digest === d.digest));
}
/**
 * Copies every referrer of `digests` (an index and its children, say) from `source` to `target`:
 * each referrer manifest by digest with what it references (and its own referrers), listed in the
 * target as in the source (the registry's API indexes them, or the target's fallback index gains
 * them — merged with what it lists already; where the target has none, the source's index is
 * copied byte for byte), and cosign 2's `.sig|.att|.sbom` tags. A cosign 2 tag the target holds
 * with other bytes is left as it is, with a warning. `skip` leaves referrers out (records that only
 * concern the source).
 */
async function copyReferrers(client, copier, source, target, digests, opts = {}) {
    const stats = { referrers: 0, tags: 0, warnings: [] };
    const fromRefs = new Referrers(client);
    const toRefs = new Referrers(client);
    const sourceTags = new Set(await client.listTags(source));
    const seen = new Set();
    const visit = async (digest, depth) => {
        if (seen.has(digest) || depth > MAX_DEPTH)
            return;
        seen.add(digest);
        const all = await fromRefs.list(source, digest, { tags: sourceTags });
        const listed = { ...all, manifests: all.manifests.filter(d => !opts.skip?.(d)) };
        if (listed.manifests.length !== all.manifests.length)
            delete listed.fallback;
        for (const d of listed.manifests) {
            await copier.copy(source, target, d.digest);
            stats.referrers++;
        }
        if (listed.manifests.length && !(await toRefs.hasApi(target, digest)))
            await toRefs.updateFallback(target, digest, {
                add: listed.manifests.map(d => listedAs(listed, d)),
                ...(listed.fallback ? { exact: listed.fallback } : {})
            });
        for (const tag of (0,_oci_referrers_js__WEBPACK_IMPORTED_MODULE_2__/* .legacyCosignTags */ .OM)(digest).filter(t => sourceTags.has(t))) {
            const head = await client.headManifest(source, tag);
            if (!head)
                continue;
            const there = await client.headManifest(target, tag);
            if (there?.digest === head.digest)
                continue;
            if (there) {
                stats.warnings.push(`${target.registry}/${target.repository}:${tag} already holds other cosign signatures (${there.digest}); the staged ${head.digest} was not copied over it`);
                continue;
            }
            const manifest = await copier.copy(source, target, head.digest);
            await client.putManifest(target, tag, manifest);
            stats.tags++;
        }
        for (const d of listed.manifests)
            await visit(d.digest, depth + 1);
    };
    for (const digest of digests)
        await visit(digest, 0);
    return stats;
}
/** The descriptor as the source's fallback index lists it (its exact entry), else as listed. */
function listedAs(listed, d) {
    if (!listed.fallback)
        return d;
    const parsed = (0,_oci_manifest_js__WEBPACK_IMPORTED_MODULE_0__/* .parseManifest */ .Ng)(listed.fallback);
    const entry = parsed.kind === 'index' ? parsed.index.manifests.find(m => m.digest === d.digest) : undefined;
    return entry ?? d;
}


/***/ }),

/***/ 1521:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $d: () => (/* binding */ isRetryableError),
/* harmony export */   Ep: () => (/* binding */ HostGate),
/* harmony export */   PS: () => (/* binding */ isRetryableStatus),
/* harmony export */   cb: () => (/* binding */ delay),
/* harmony export */   jo: () => (/* binding */ backoffMs),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter),
/* harmony export */   vI: () => (/* binding */ DEFAULT_RETRY)
/* harmony export */ });
// When to try a registry request again and how long to wait: exponential backoff with full
// jitter, Retry-After honoured (seconds or HTTP-date), and one shared earliest-next-request time
// per host, so parallel workers slow down together after a 429.
const DEFAULT_RETRY = { attempts: 5, baseMs: 500, factor: 2, capMs: 30000, maxRetryAfterMs: 60000 };
const RETRYABLE_STATUS = new Set([408, 429, 499, 500, 502, 503, 504, 522]);
const RETRYABLE_ERRORS = new Set([
    'ECONNRESET',
    'EPIPE',
    'ETIMEDOUT',
    'ECONNREFUSED',
    'ECONNABORTED',
    'EAI_AGAIN',
    'ERR_SHORT_BODY',
    'ERR_IDLE_TIMEOUT',
    'UND_ERR_SOCKET'
]);
function isRetryableStatus(status) {
    return RETRYABLE_STATUS.has(status);
}
function isRetryableError(error) {
    const code = error?.code;
    return ((code !== undefined && RETRYABLE_ERRORS.has(code)) ||
        /socket hang up|premature close|aborted/i.test(String(error?.message)));
}
/** Milliseconds a Retry-After header asks for (seconds or an HTTP-date), or undefined. */
function parseRetryAfter(value, now = Date.now()) {
    if (!value)
        return undefined;
    const text = value.trim();
    if (/^\d+$/.test(text))
        return Number(text) * 1000;
    const date = Date.parse(text);
    if (Number.isNaN(date))
        return undefined;
    return Math.max(0, date - now);
}
/** Full jitter: a random wait between 0 and the exponential step for this attempt (1-based). */
function backoffMs(policy, attempt, random = Math.random) {
    const step = Math.min(policy.capMs, policy.baseMs * policy.factor ** (attempt - 1));
    return Math.floor(random() * step);
}
/** The earliest time each host may be asked again, shared by every request of the process. */
class HostGate {
    next = new Map();
    /** Waits until the host may be asked again. */
    async wait(host, sleep = delay) {
        for (;;) {
            const at = this.next.get(host) ?? 0;
            const now = Date.now();
            if (at <= now)
                return;
            await sleep(at - now);
        }
    }
    /** Nobody asks this host before `ms` from now (a longer earlier hold stays). */
    hold(host, ms) {
        const until = Date.now() + ms;
        if ((this.next.get(host) ?? 0) < until)
            this.next.set(host, until);
    }
}
function delay(ms) {
    return new Promise(resolve => setTimeout(resolve, ms));
}


/***/ }),

/***/ 6254:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ip: () => (/* binding */ Untagger),
/* harmony export */   aK: () => (/* binding */ isTombstone)
/* harmony export */ });
/* unused harmony exports tombstoneManifest, deletesRefused */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _oci_digest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8825);
/* harmony import */ var _oci_referrers_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3342);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6764);
// Removing one tag without ever removing another. On distribution 2.8 a manifest DELETE by digest
// also removes every tag pointing at that digest — including a final tag just promoted from this
// staging tag. So the tag is first pointed at a tombstone of its own (unique bytes, an empty index
// that needs no blob), and that tombstone is deleted by digest: only the staging tag goes.
// Whether the registry takes deletes is learnt from the first such delete of a run, not asked
// beforehand: where it refuses (405), the tag is put back on the manifest it held, and every later
// untag of the run leaves its tag alone without a request.




/** A manifest no other tag can share: it names the tag and a random nonce. */
function tombstoneManifest(tag, nonce = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(16).toString('hex')) {
    return (0,_oci_referrers_js__WEBPACK_IMPORTED_MODULE_2__/* .artifactIndex */ .Pt)({
        artifactType: 'application/vnd.imagegate.tombstone',
        annotations: { 'dev.imagegate.tombstone': `${tag} ${nonce}` }
    });
}
function isTombstone(manifest) {
    return manifest.bytes.length < 1024 && manifest.bytes.includes('"dev.imagegate.tombstone"');
}
/** Hosts known to refuse manifest deletes through the registry API: no attempt is made there. */
const REFUSE_DELETES = /(^|\.)ghcr\.io$|^(docker\.io|registry-1\.docker\.io|index\.docker\.io)$/;
function refused(res) {
    return res.status === 405 || (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ociError */ .Yd)(res.body).code === 'UNSUPPORTED';
}
class Untagger {
    client;
    constructor(client) {
        this.client = client;
    }
    /**
     * Removes `tag`. `current` is the manifest the tag holds (read a moment ago): with it, a registry
     * whose deletes are not known yet is not asked first; the delete of the tombstone tells, and
     * where it is refused the tag is put back on `current`. Without it, the registry is asked once
     * (a delete of a digest nobody has: 404 where deletes work, 405 where they are off).
     */
    async removeTag(repo, tag, current) {
        const facts = this.client.facts.deletesRefused;
        if (REFUSE_DELETES.test(repo.registry.toLowerCase()) && !facts.has(repo.registry))
            facts.set(repo.registry, Promise.resolve(true));
        if (!facts.has(repo.registry) && !current)
            await this.probe(repo);
        const known = facts.get(repo.registry);
        if (known && (await known))
            return { removed: false, tag, reason: deletesRefused(repo, tag) };
        // The first untag of a registry whose answer is not known yet finds out; the others of the run
        // (other images, at once) wait for its answer rather than each trying.
        let learn;
        if (!known)
            facts.set(repo.registry, new Promise(resolve => (learn = resolve)));
        let answer;
        try {
            const tombstone = tombstoneManifest(tag);
            await this.client.putManifest(repo, tag, tombstone);
            const res = await this.client.deleteManifest(repo, tombstone.digest);
            if (res.status === 202 || res.status === 200 || res.status === 404)
                answer = false;
            else if (refused(res)) {
                answer = true;
                facts.set(repo.registry, Promise.resolve(true));
            }
            if (answer === false)
                return { removed: true, tag };
            if (answer && current) {
                await this.client.putManifest(repo, tag, current);
                return { removed: false, tag, reason: deletesRefused(repo, tag) };
            }
            return this.notRemoved(tag, tombstone.digest, res.status);
        }
        finally {
            if (learn) {
                // An answer that said nothing (another status, the network): the next untag finds out.
                if (answer === undefined)
                    facts.delete(repo.registry);
                else
                    facts.set(repo.registry, Promise.resolve(answer));
                learn(answer ?? false);
            }
        }
    }
    notRemoved(tag, tombstone, status) {
        return {
            removed: false,
            tag,
            reason: `deleting its tombstone ${tombstone} answered ${status}; the tag now points at that empty tombstone`
        };
    }
    /** Asks once per registry and run whether it takes deletes (the answer is shared by every image of the run). */
    probe(repo) {
        const facts = this.client.facts.deletesRefused;
        let known = facts.get(repo.registry);
        if (!known) {
            known = this.client
                .deleteManifest(repo, (0,_oci_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .sha256Digest */ .sI)(`imagegate probe ${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(8).toString('hex')}`))
                .then(refused);
            // A probe that failed (the network) is asked again by the next image.
            known.catch(() => facts.delete(repo.registry));
            facts.set(repo.registry, known);
        }
        return known;
    }
}
/**
 * Why a tag stays on a registry that refuses deletes through the registry API, naming that
 * registry's own way to delete: GHCR deletes package versions through GitHub's REST API, Docker Hub
 * tags through Hub's API.
 */
function deletesRefused(repo, tag) {
    const ref = `${repo.registry}/${repo.repository}:${tag}`;
    const host = repo.registry.toLowerCase();
    if (host === 'ghcr.io' || host.endsWith('.ghcr.io')) {
        const [owner = 'OWNER', ...rest] = repo.repository.split('/');
        const pkg = encodeURIComponent(rest.join('/') || repo.repository);
        return `${repo.registry} refuses deletes through the registry API (405); delete ${ref} with GitHub's package versions API: find the version whose metadata.container.tags holds ${tag} (GET /orgs/${owner}/packages/container/${pkg}/versions, or /users/${owner}/… for a user's package), then DELETE /orgs/${owner}/packages/container/${pkg}/versions/<id> (a token with delete:packages)`;
    }
    if (host === 'docker.io' || host === 'registry-1.docker.io' || host === 'index.docker.io') {
        const [namespace = 'library', ...rest] = repo.repository.split('/');
        return `${repo.registry} refuses deletes through the registry API (405); delete ${ref} with Docker Hub's tag delete API: DELETE https://hub.docker.com/v2/namespaces/${namespace}/repositories/${rest.join('/') || namespace}/tags/${tag} (a Hub access token with delete scope)`;
    }
    return `${repo.registry} refuses deletes through the registry API (405); remove ${ref} with the registry's own API or UI`;
}


/***/ })

};
