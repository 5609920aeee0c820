export const id = 370;
export const ids = [370];
export const modules = {

/***/ 5370:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   verifyRef: () => (/* binding */ verifyRef),
/* harmony export */   verifyTarget: () => (/* binding */ verifyTarget)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _oci_descriptor_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7592);
/* harmony import */ var _oci_manifest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2060);
/* harmony import */ var _oci_platform_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1890);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2148);
// verify: is everything a reference needs in the registry — the index, every child, every blob?





/** The repository `imagegate verify REF` reads, or a UsageError naming what is wrong with REF. */
function verifyTarget(text) {
    const parsed = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .parseReference */ .F2)(text);
    if (!parsed.ok)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`imagegate verify: ${parsed.error}`);
    const { registry, repository, tag, digest } = parsed.value;
    return { registry, repository, reference: digest ?? tag ?? 'latest' };
}
/** Walks an index, its children and their blobs; every missing or mismatching piece is a problem. */
async function verifyRef(text, client) {
    const { reference, ...repo } = verifyTarget(text);
    const digest = reference.startsWith('sha256:') ? reference : undefined;
    const report = { ref: text, manifests: 0, blobs: 0, problems: [] };
    const top = await client.getManifest(repo, reference);
    if (!top) {
        report.problems.push(`${text} does not exist`);
        return report;
    }
    report.digest = top.digest;
    if (digest && top.digest !== digest)
        report.problems.push(`${text} resolves to ${top.digest}`);
    const walk = async (reference, label) => {
        const m = await client.getManifest(repo, reference);
        if (!m) {
            report.problems.push(`manifest ${reference} (${label}) is missing`);
            return;
        }
        report.manifests++;
        const doc = (0,_oci_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .parseManifest */ .Ng)(m);
        if (doc.kind === 'index') {
            for (const child of doc.index.manifests)
                await walk(child.digest, (0,_oci_descriptor_js__WEBPACK_IMPORTED_MODULE_4__/* .isAttestation */ .H)(child)
                    ? `attestation of ${child.annotations?.['vnd.docker.reference.digest'] ?? '?'}`
                    : (0,_oci_platform_js__WEBPACK_IMPORTED_MODULE_2__/* .platformText */ .VQ)(child.platform));
            return;
        }
        for (const blob of (0,_oci_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .blobsOf */ .OR)(doc.manifest)) {
            report.blobs++;
            if (!(await client.headBlob(repo, blob.digest)))
                report.problems.push(`blob ${blob.digest} of ${label} is missing`);
        }
    };
    await walk(top.digest, 'top');
    return report;
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


/***/ })

};
