export const id = 172;
export const ids = [172,775];
export const modules = {

/***/ 5172:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runDoctor: () => (/* binding */ runDoctor)
/* harmony export */ });
/* harmony import */ var _core_buildpacks_doctor_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8775);
/* harmony import */ var _core_buildpacks_labels_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2839);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2148);
/* harmony import */ var _io_buildpacks_image_config_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9849);
// imagegate doctor PRODUCTION-REF: for every buildpacks image, compare the pinned builder with the
// builder production's tag points at now (manifests and config blobs only, no layers).





async function runDoctor(loaded, production, client) {
    const prod = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .parseReference */ .F2)(production);
    if (!prod.ok)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`imagegate doctor: ${prod.error}`);
    const images = loaded.config.images.filter(i => i.builder.kind === 'buildpacks');
    if (!images.length)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${loaded.source.file} builds no image with buildpacks; doctor compares buildpacks builders`);
    const results = [];
    for (const image of images) {
        if (image.builder.kind !== 'buildpacks')
            continue;
        const platform = image.platforms[0];
        const [ci, now] = await Promise.all([
            (0,_io_buildpacks_image_config_js__WEBPACK_IMPORTED_MODULE_2__/* .readImageConfig */ .M)(client, image.builder.image, platform),
            (0,_io_buildpacks_image_config_js__WEBPACK_IMPORTED_MODULE_2__/* .readImageConfig */ .M)(client, production, platform)
        ]);
        const ciInfo = (0,_core_buildpacks_labels_js__WEBPACK_IMPORTED_MODULE_3__/* .parseBuilderLabels */ .MV)(ci.labels, image.builder.image);
        const nowInfo = (0,_core_buildpacks_labels_js__WEBPACK_IMPORTED_MODULE_3__/* .parseBuilderLabels */ .MV)(now.labels, production);
        if (!nowInfo.ok)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InfrastructureError */ .EN(nowInfo.error);
        results.push({
            name: image.name,
            ciBuilder: image.builder.image,
            ciDigest: ci.digest,
            production,
            productionDigest: now.digest,
            matches: ci.digest === now.digest,
            differences: (0,_core_buildpacks_doctor_js__WEBPACK_IMPORTED_MODULE_4__.buildpackDifferences)(ciInfo.ok ? ciInfo.value.buildpacks : [], nowInfo.value.buildpacks)
        });
    }
    return results;
}


/***/ }),

/***/ 8775:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   buildpackDifferences: () => (/* binding */ buildpackDifferences),
/* harmony export */   renderDoctor: () => (/* binding */ renderDoctor)
/* harmony export */ });
// `imagegate doctor`: does CI still build with what production uses? The pinned builder's digest
// against the digest a production tag points at now, and what differs inside when they part.
function buildpackDifferences(ci, production) {
    const lines = [];
    const ids = [...new Set([...ci, ...production].map(b => b.id))].sort();
    for (const id of ids) {
        const a = ci.filter(b => b.id === id).map(b => b.version);
        const b = production.filter(p => p.id === id).map(p => p.version);
        if (!a.length)
            lines.push(`+ ${id} ${b.join(', ')} (production only)`);
        else if (!b.length)
            lines.push(`- ${id} ${a.join(', ')} (CI only)`);
        else if (a.join() !== b.join())
            lines.push(`${id} ${a.join(', ')} → ${b.join(', ')}`);
    }
    return lines;
}
function renderDoctor(images) {
    return images
        .map(i => {
        const repo = i.production.replace(/@.*$/, '').replace(/:[^/:]+$/, '');
        if (i.matches)
            return `${i.name}: CI matches production: ${i.production} points at ${i.ciDigest}, the digest CI builds with.\n`;
        const diff = i.differences.length
            ? `\n  buildpacks (CI → production):\n${i.differences.map(d => `    ${d}`).join('\n')}`
            : '';
        return `${i.name}: CI does NOT match production: CI builds with ${i.ciBuilder} (${i.ciDigest}), but ${i.production} points at ${i.productionDigest} now.${diff}\n  Fix: set builder.buildpacks.image to ${repo}@${i.productionDigest}\n`;
    })
        .join('');
}


/***/ }),

/***/ 2839:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MV: () => (/* binding */ parseBuilderLabels),
/* harmony export */   Pq: () => (/* binding */ parseBuildpackageLabels),
/* harmony export */   af: () => (/* binding */ escapeBuildpackId),
/* harmony export */   jn: () => (/* binding */ parseBuildpackToml)
/* harmony export */ });
// What a builder (and a buildpackage) says about itself in its image labels, read from the config
// blob without pulling a layer. Shapes: buildpacks/pack internal/builder/metadata.go and the
// distribution spec (buildpacks/spec distribution.md).
const BUILDER_METADATA_LABEL = 'io.buildpacks.builder.metadata';
const BUILDER_ORDER_LABEL = 'io.buildpacks.buildpack.order';
const BUILDPACKAGE_METADATA_LABEL = 'io.buildpacks.buildpackage.metadata';
function parseBuilderLabels(labels, builder) {
    const text = labels?.[BUILDER_METADATA_LABEL];
    if (!text) {
        return {
            ok: false,
            error: `${builder} has no \`${BUILDER_METADATA_LABEL}\` label, so it is not a buildpacks builder; check builder.buildpacks.image`
        };
    }
    let meta;
    try {
        meta = JSON.parse(text);
    }
    catch (e) {
        return {
            ok: false,
            error: `${builder}: the \`${BUILDER_METADATA_LABEL}\` label is not JSON (${e.message})`
        };
    }
    const buildpacks = Array.isArray(meta.buildpacks)
        ? meta.buildpacks
            .filter(b => typeof b.id === 'string')
            .map(b => ({ id: b.id, version: typeof b.version === 'string' ? b.version : '' }))
        : [];
    const lifecycle = meta.lifecycle ?? {};
    const platformApis = apiList(lifecycle.apis?.platform, lifecycle.api?.platform);
    return {
        ok: true,
        value: {
            description: typeof meta.description === 'string' ? meta.description : '',
            buildpacks,
            lifecycleVersion: typeof lifecycle.version === 'string' ? lifecycle.version : '',
            platformApis,
            buildpackApis: apiList(lifecycle.apis?.buildpack, lifecycle.api?.buildpack),
            order: parseOrderLabel(labels?.[BUILDER_ORDER_LABEL])
        }
    };
}
/** Newer builders list `apis.X.supported` (and deprecated); old ones a single `api.X`. */
function apiList(apis, single) {
    const list = [apis?.deprecated, apis?.supported].flatMap(v => (Array.isArray(v) ? v : []));
    const all = list.filter((v) => typeof v === 'string');
    if (!all.length && typeof single === 'string')
        all.push(single);
    return [...new Set(all)];
}
function parseOrderLabel(text) {
    if (!text)
        return [];
    try {
        const order = JSON.parse(text);
        return order.map(g => (g.group ?? [])
            .filter(e => typeof e.id === 'string')
            .map(e => ({
            id: e.id,
            ...(typeof e.version === 'string' && e.version ? { version: e.version } : {}),
            ...(e.optional === true ? { optional: true } : {})
        })));
    }
    catch {
        return [];
    }
}
/** A buildpackage image (what `docker://…` buildpacks are) names its top buildpack in a label. */
function parseBuildpackageLabels(labels, ref) {
    const text = labels?.[BUILDPACKAGE_METADATA_LABEL];
    if (!text) {
        return {
            ok: false,
            error: `${ref} has no \`${BUILDPACKAGE_METADATA_LABEL}\` label, so it is not a buildpackage; inject a buildpackage image (pack buildpack package) or a builder buildpack (urn:cnb:builder:ID)`
        };
    }
    try {
        const meta = JSON.parse(text);
        if (typeof meta.id !== 'string' || typeof meta.version !== 'string')
            throw new Error('id or version missing');
        return { ok: true, value: { id: meta.id, version: meta.version } };
    }
    catch (e) {
        return {
            ok: false,
            error: `${ref}: the \`${BUILDPACKAGE_METADATA_LABEL}\` label is unreadable (${e.message})`
        };
    }
}
/** Directory name of a buildpack id under /cnb/buildpacks (lifecycle's EscapeID). */
function escapeBuildpackId(id) {
    return id.replace(/\//g, '_');
}
/** id and version of a buildpack directory's buildpack.toml (`[buildpack] id = …, version = …`). */
function parseBuildpackToml(text) {
    const start = text.search(/^\s*\[buildpack\]\s*$/m);
    if (start < 0)
        return undefined;
    const section = text.slice(start).split(/^\s*\[(?!buildpack\])/m)[0] ?? '';
    const value = (key) => new RegExp(`^\\s*${key}\\s*=\\s*"([^"]*)"`, 'm').exec(section)?.[1];
    const id = value('id');
    const version = value('version');
    return id && version ? { id, version } : undefined;
}


/***/ }),

/***/ 9849:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ readImageConfig)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2148);
/* harmony import */ var _oci_manifest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2060);
/* harmony import */ var _oci_platform_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1890);
// An image's config (labels above all) straight from its registry: the manifest (by way of the
// index for a multi-platform image) and the config blob. No layer is fetched.




async function readImageConfig(client, ref, platform) {
    const parsed = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .parseReference */ .F2)(ref);
    if (!parsed.ok)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InfrastructureError */ .EN(`cannot read ${ref}: ${parsed.error}`);
    const repo = { registry: parsed.value.registry, repository: parsed.value.repository };
    let requests = 1;
    const top = await client.getManifest(repo, parsed.value.digest ?? parsed.value.tag ?? 'latest');
    if (!top)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InfrastructureError */ .EN(`${ref} does not exist in its registry; check the reference (and that production still has it)`);
    let doc = (0,_oci_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .parseManifest */ .Ng)(top);
    if (doc.kind === 'index') {
        const child = doc.index.manifests.find(m => (0,_oci_platform_js__WEBPACK_IMPORTED_MODULE_3__/* .platformText */ .VQ)(m.platform) === platform);
        if (!child) {
            const has = doc.index.manifests.map(m => (0,_oci_platform_js__WEBPACK_IMPORTED_MODULE_3__/* .platformText */ .VQ)(m.platform)).join(', ');
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InfrastructureError */ .EN(`${ref} has no ${platform} image (it has ${has}); build only platforms it has`);
        }
        requests++;
        const m = await client.getManifest(repo, child.digest);
        if (!m)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InfrastructureError */ .EN(`${ref}: its ${platform} manifest ${child.digest} is missing from the registry`);
        doc = (0,_oci_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .parseManifest */ .Ng)(m);
    }
    if (doc.kind !== 'image')
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InfrastructureError */ .EN(`${ref}: a nested index is not an image`);
    requests++;
    const config = (await client.getJsonBlob(repo, doc.manifest.config));
    return { digest: top.digest, labels: config.config?.Labels ?? {}, requests };
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
