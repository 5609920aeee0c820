export const id = 568;
export const ids = [568];
export const modules = {

/***/ 7568:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEFAULT_TOOLS: () => (/* binding */ DEFAULT_TOOLS),
  setupTools: () => (/* binding */ setupTools)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
;// CONCATENATED MODULE: ./src/core/tools.ts
// The tools `imagegate setup` installs. cosign is pinned here by version and SHA-256 per platform; pack
// is pinned once for the whole project (core/buildpacks/pack-release.ts) and installed by the
// buildpacks backend's own installer. A download whose bytes hash to anything else is refused, so a
// mirror (IMAGEGATE_TOOLS_MIRROR) can serve them but never change them.

const COSIGN = 'https://github.com/sigstore/cosign/releases/download/v3.0.6';
/** Single-file programs, checked against the publishers' checksums (cosign_checksums.txt). */
const PINNED_TOOLS = [
    {
        name: 'cosign',
        version: '3.0.6',
        assets: {
            x64: {
                url: `${COSIGN}/cosign-linux-amd64`,
                sha256: 'c956e5dfcac53d52bcf058360d579472f0c1d2d9b69f55209e256fe7783f4c74'
            },
            arm64: {
                url: `${COSIGN}/cosign-linux-arm64`,
                sha256: 'bedac92e8c3729864e13d4a17048007cfafa79d5deca993a43a90ffe018ef2b8'
            }
        }
    }
];
const PACK_TOOL = 'pack';
/** The names of `--tools cosign,pack` (comma or space separated), once each, or a UsageError naming the choices. */
function parseToolNames(names, table = PINNED_TOOLS) {
    const known = [...table.map(t => t.name), PACK_TOOL];
    const wanted = [...new Set(names.split(/[\s,]+/).filter(Boolean))];
    for (const name of wanted)
        if (!known.includes(name))
            throw new errors/* UsageError */.eb(`unknown tool \`${name}\`; imagegate setup installs ${known.join(', ')}`);
    return wanted;
}
/** What to download for the pinned single-file tools among `names` on this machine, or a UsageError naming the fix. */
function toolDownloads(names, arch, mirror, table = PINNED_TOOLS) {
    return table
        .filter(t => names.includes(t.name))
        .map(tool => {
        const asset = tool.assets[arch];
        if (!asset)
            throw new errors/* UsageError */.eb(`${tool.name} ${tool.version} is pinned for linux x64 and arm64, not ${arch}; install it yourself and leave it out of \`tools\``);
        const file = asset.url.slice(asset.url.lastIndexOf('/') + 1);
        const url = mirror ? `${mirror.replace(/\/+$/, '')}/${tool.name}/v${tool.version}/${file}` : asset.url;
        return { name: tool.name, version: tool.version, ...asset, url };
    });
}

;// CONCATENATED MODULE: ./src/app/setup.ts
// `imagegate setup`: installs the pinned tools and puts them on PATH for the rest of the job
// (GITHUB_PATH on GitHub; elsewhere the directories are printed for the caller to add).


const DEFAULT_TOOLS = 'cosign,pack';
async function setupTools(tools, { log, installer, mirror, arch }) {
    const names = parseToolNames(tools);
    const installed = [];
    for (const tool of toolDownloads(names, arch, mirror))
        installed.push(await log.group(`install ${tool.name} ${tool.version}`, () => installer.installFile(tool)));
    if (names.includes(PACK_TOOL)) {
        const pack = await log.group('install pack', () => installer.installPack());
        installed.push({ name: PACK_TOOL, version: pack.version, dir: (0,external_node_path_.dirname)(pack.path) });
    }
    return installed;
}


/***/ })

};
