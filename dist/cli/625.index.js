export const id = 625;
export const ids = [625];
export const modules = {

/***/ 1006:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  connect: () => (/* binding */ connect)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/core/builder.ts
// The one interface every way of building sits behind (buildx today, buildpacks next), so check,
// gate and promote do not care which built the image.
/** Local names never leave the engine: this registry host does not exist. */
const LOCAL_REGISTRY = 'imagegate.local';
/** This run's local tag for an image: FROM resolves a tag locally (a digest would go to a registry). */
function localTagFor(name, runId) {
    return `${LOCAL_REGISTRY}/${name}:run-${runId}`;
}

// EXTERNAL MODULE: ./src/core/buildpacks/labels.ts
var labels = __webpack_require__(2839);
// EXTERNAL MODULE: ./src/oci/reference.ts
var oci_reference = __webpack_require__(2148);
;// CONCATENATED MODULE: ./src/core/buildpacks/pack-args.ts
// argv for `pack build` (pack 0.40.x, internal/commands/build.go) that reproduces a production
// build: the builder pinned by digest, the injected buildpacks, published to a local registry.

/**
 * The cache of one platform's build: one tag of the cache image, one volume, per platform, so the
 * platforms of an image never overwrite each other's layers.
 */
function platformCache(cache, platform) {
    if (!cache)
        return undefined;
    const suffix = platform.replace(/\//g, '-');
    return {
        ...(cache.image !== undefined ? { image: `${cache.image}:${suffix}` } : {}),
        ...(cache.volume !== undefined ? { volume: `${cache.volume}-${suffix}` } : {})
    };
}
function packBuildArgs(req) {
    const args = ['build', req.image, '--builder', req.builder, '--platform', req.platform, '--path', req.path];
    // A digest-pinned builder is not on pack's trusted list, and extra buildpacks otherwise force the
    // untrusted 5-phase flow; production (Toolforge, Tekton) runs the single `creator`.
    args.push('--trust-builder', '--trust-extra-buildpacks', '--pull-policy', 'if-not-present');
    args.push(...injectionArgs(req.pre, req.post));
    for (const [key, value] of Object.entries(req.env))
        args.push('--env', `${key}=${value}`);
    if (req.cache?.image !== undefined)
        args.push('--cache-image', req.cache.image);
    if (req.cache?.volume !== undefined)
        args.push('--cache', `type=build;format=volume;name=${req.cache.volume}`);
    // Export to a containerd-store daemon is slow and flaky (buildpacks/pack #2272, #2527): publish instead.
    args.push('--publish', '--report-output-dir', req.reportDir);
    const host = (0,oci_reference/* parseReference */.F2)(req.image);
    if (host.ok && isLoopbackHost(host.value.registry)) {
        // The lifecycle container must reach the host's registry, over plain HTTP.
        args.push('--insecure-registry', host.value.registry, '--network', 'host');
    }
    return args;
}
/**
 * Several `--pre-buildpack`s are each prepended in turn (pack's prependBuildpackToOrder), which
 * would reverse them; an explicit group around `from=builder` keeps the configured order.
 */
function injectionArgs(pre, post) {
    if (pre.length > 1)
        return [...pre, 'from=builder', ...post].flatMap(uri => ['--buildpack', uri]);
    return [...pre.flatMap(uri => ['--pre-buildpack', uri]), ...post.flatMap(uri => ['--post-buildpack', uri])];
}
function isLoopbackHost(registry) {
    const host = registry.replace(/:\d+$/, '');
    return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

;// CONCATENATED MODULE: ./src/core/buildpacks/versions.ts
// Dotted version numbers as buildpacks use them: semver for buildpacks (`2.4.5`), `MAJOR.MINOR`
// for the Platform and Buildpack APIs (`0.13`), `X.Y[.Z]` for runtimes (`3.13`).
/** Numeric parts of `1.2.3`, `v1.2`, `0.13`; undefined when it is not a dotted number. */
function versionParts(text) {
    const m = /^v?(\d+(?:\.\d+)*)(?:[-+].*)?$/.exec(text.trim());
    return m ? m[1].split('.').map(Number) : undefined;
}
/** Negative, zero or positive like a sort comparator; missing parts count as 0. */
function compareVersions(a, b) {
    const pa = versionParts(a) ?? [];
    const pb = versionParts(b) ?? [];
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
        const d = (pa[i] ?? 0) - (pb[i] ?? 0);
        if (d !== 0)
            return d;
    }
    return 0;
}
/** `3.13.2` → `3.13`. */
function minorOf(version) {
    const parts = versionParts(version);
    return parts && parts.length >= 2 ? `${parts[0]}.${parts[1]}` : undefined;
}

;// CONCATENATED MODULE: ./src/core/buildpacks/platform-api.ts
// Which Platform API imagegate speaks to a builder's lifecycle. Lifecycle 0.21 has no default and
// exits 11 without CNB_PLATFORM_API; like pack (FindLatestSupported), take the newest both know.

/** Platform APIs whose creator flags imagegate uses (-app -layers -platform -report -order -run-image). */
const IMAGEGATE_PLATFORM_APIS = ['0.10', '0.11', '0.12', '0.13', '0.14', '0.15'];
/** From this Platform API the creator takes `-system` (system.toml pre/post buildpacks). */
const SYSTEM_TOML_API = '0.15';
function choosePlatformApi(builderApis, builder) {
    const common = builderApis.filter(api => IMAGEGATE_PLATFORM_APIS.includes(api));
    if (!common.length) {
        return {
            ok: false,
            error: `builder ${builder} supports Platform API ${builderApis.join(', ') || '(none listed)'}, imagegate speaks ${IMAGEGATE_PLATFORM_APIS.join(', ')}; use mode: pack, or a builder with lifecycle ≥ 0.15`
        };
    }
    return { ok: true, api: common.sort(compareVersions).at(-1) };
}

;// CONCATENATED MODULE: ./src/core/buildpacks/creator-args.ts
// Running the builder's own /cnb/lifecycle/creator in a container, as Toolforge and Tekton do
// (buildpacks/spec platform.md "creator"): argv, environment, mounts and the files it reads.





/** Paths inside the build container. */
const CNB_PATHS = {
    app: '/workspace',
    layers: '/layers',
    platform: '/platform',
    buildpacks: '/cnb/buildpacks',
    report: '/layers/report.toml',
    order: '/layers/order.toml',
    system: '/imagegate/system.toml',
    creator: '/cnb/lifecycle/creator'
};
function creatorRunArgs(req) {
    // As root, so the creator can chown the mounted layers dir before it drops to CNB_USER_ID.
    const args = ['run', '--rm', '--name', req.name, '--platform', req.platform, '--user', '0:0'];
    const target = registryOf(req.image);
    if (isLoopbackHost(target))
        args.push('--network', 'host');
    args.push('--env', `CNB_PLATFORM_API=${req.platformApi}`);
    if (req.registryAuth)
        args.push('--env', 'CNB_REGISTRY_AUTH');
    const mount = (source, dest, readonly = false) => void args.push('--mount', `type=bind,source=${source},target=${dest}${readonly ? ',readonly' : ''}`);
    mount(req.hostDirs.app, CNB_PATHS.app);
    mount(req.hostDirs.layers, CNB_PATHS.layers);
    mount(req.hostDirs.platform, CNB_PATHS.platform, true);
    if (req.hostDirs.system)
        mount(req.hostDirs.system, CNB_PATHS.system, true);
    // The merged buildpacks dir: the builder's own /cnb/buildpacks with each injected one mounted in.
    for (const bp of req.injected)
        if (bp.hostDir)
            mount(bp.hostDir, injectedPath(bp), true);
    if (req.cache?.volume !== undefined)
        args.push('--mount', `type=volume,source=${req.cache.volume},target=${CACHE_DIR}`);
    args.push('--entrypoint', CNB_PATHS.creator, req.builder);
    args.push(`-app=${CNB_PATHS.app}`, `-layers=${CNB_PATHS.layers}`, `-platform=${CNB_PATHS.platform}`, `-buildpacks=${CNB_PATHS.buildpacks}`, `-report=${CNB_PATHS.report}`);
    if (req.cache?.image !== undefined)
        args.push(`-cache-image=${req.cache.image}`);
    else if (req.cache?.volume !== undefined)
        args.push(`-cache-dir=${CACHE_DIR}`);
    if (req.injected.length) {
        if (req.hostDirs.system)
            args.push(`-system=${CNB_PATHS.system}`);
        else
            args.push(`-order=${CNB_PATHS.order}`);
    }
    if (isLoopbackHost(target) && compareVersions(req.platformApi, '0.13') >= 0)
        args.push(`-insecure-registry=${target}`);
    args.push(req.image);
    return args;
}
/** Where a cache volume is mounted in the creator's container. */
const CACHE_DIR = '/cache';
function injectedPath(bp) {
    return external_node_path_.posix.join(CNB_PATHS.buildpacks, (0,labels/* escapeBuildpackId */.af)(bp.id), bp.version);
}
/** system.toml (Platform API ≥ 0.15) merges pre/post into every group; older APIs need order.toml. */
function usesSystemToml(platformApi) {
    return compareVersions(platformApi, SYSTEM_TOML_API) >= 0;
}
/** The builder's order with the injected buildpacks around every group (what pack's pre/post do). */
function injectedOrderToml(order, pre, post) {
    const groups = order.length ? order : [[]];
    return groups
        .map(group => {
        const ids = new Set([...pre, ...post].map(b => b.id));
        const entries = [...pre, ...group.filter(e => !ids.has(e.id)), ...post];
        return `[[order]]\n${entries.map(e => `\n  [[order.group]]\n${entryToml(e, '    ')}`).join('')}\n`;
    })
        .join('\n');
}
function systemToml(pre, post) {
    const part = (name, list) => list.map(e => `[[system.${name}.buildpacks]]\n${entryToml(e, '  ')}`).join('\n');
    return ['[system]\n', part('pre', pre), part('post', post)].filter(Boolean).join('\n');
}
function entryToml(e, indent) {
    const lines = [`id = ${JSON.stringify(e.id)}`];
    if (e.version)
        lines.push(`version = ${JSON.stringify(e.version)}`);
    if (e.optional)
        lines.push('optional = true');
    return lines.map(l => `${indent}${l}\n`).join('');
}
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** `<platform>/env/<NAME>` files (content = value, no newline), as pack and Tekton write them. */
function platformEnvFiles(env) {
    const files = {};
    for (const [name, value] of Object.entries(env)) {
        if (!ENV_NAME.test(name))
            return { ok: false, error: `build env name \`${name}\` is not a variable name; use letters, digits and \`_\`` };
        files[`env/${name}`] = value;
    }
    return { ok: true, files };
}
/** CNB_REGISTRY_AUTH: registry host → Authorization header value (lifecycle auth/keychain.go). */
function registryAuthJson(hosts) {
    const auth = {};
    for (const [host, c] of Object.entries(hosts))
        auth[host] = `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`;
    return JSON.stringify(auth);
}
function registryOf(image) {
    const first = image.split('/')[0] ?? '';
    return first.includes('.') || first.includes(':') || first === 'localhost' ? first : 'docker.io';
}

;// CONCATENATED MODULE: ./src/core/buildpacks/exit-codes.ts
// Lifecycle exit codes (buildpacks/spec platform.md "Exit codes") in words a person can act on.
function lifecycleExitMessage(code) {
    const exact = {
        11: 'the builder’s lifecycle does not support the Platform API imagegate asked for (exit 11); the builder may be too old or too new for this imagegate',
        12: 'a buildpack needs a Buildpack API the builder’s lifecycle does not support (exit 12); an injected buildpack may be too new for this builder',
        20: 'no buildpack group passed detection (exit 20): the app does not look like anything this builder builds (e.g. heroku/python needs .python-version, requirements.txt or pyproject.toml)',
        21: 'a buildpack failed with an error during detection (exit 21); see its output above',
        51: 'a buildpack’s build failed (exit 51); its message above says why, and production would fail the same way',
        62: 'the export failed (exit 62): the image could not be written to the registry'
    };
    if (exact[code])
        return exact[code];
    const phases = [
        [30, 39, 'analyzing the previous image'],
        [40, 49, 'restoring cached layers'],
        [50, 59, 'the build phase'],
        [60, 69, 'exporting the image'],
        [70, 79, 'the rebase'],
        [80, 89, 'the launcher']
    ];
    const phase = phases.find(([lo, hi]) => code >= lo && code <= hi);
    if (phase)
        return `the lifecycle failed in ${phase[2]} (exit ${code}); see its output above`;
    if (code === 125)
        return 'docker could not start the builder container (exit 125); see its output above';
    return `the lifecycle exited with ${code}; see its output above`;
}

;// CONCATENATED MODULE: ./src/core/buildpacks/heroku-messages.ts
// Heroku buildpacks' runtime-version errors, turned into one-line annotations. The spellings of
// heroku/python differ by version (0.18–0.2x "is not recognised", later "isn't recognised").
const VERSION = /Python version \(?(\d+\.\d+(?:\.\d+)?)/;
const RULES = [
    {
        pattern: /requested Python version (?:\d+\.\d+(?:\.\d+)? )?(?:isn't|is not) recognised/i,
        annotate: v => `heroku/python in this builder does not know Python ${v ?? 'the requested version'}: the builder's buildpack is older than that Python. Pin a version it supports, or move to a newer builder.`
    },
    {
        pattern: /requested Python version (?:\d+\.\d+(?:\.\d+)? )?has reached (?:its )?end[- ]of[- ]life/i,
        annotate: v => `Python ${v ?? 'the requested version'} has reached end-of-life and heroku/python refuses it: pin a supported Python.`
    },
    {
        pattern: /(?:requested )?Python version (?:\d+\.\d+(?:\.\d+)? )?(?:isn't|is not) available/i,
        annotate: v => `Python ${v ?? 'the requested version'} is not available to heroku/python in this builder: pin an existing patch release, or only the minor version (e.g. \`3.13\`).`
    },
    {
        pattern: /runtime\.txt file isn't supported/i,
        annotate: () => 'heroku/python no longer reads runtime.txt: move the version to `.python-version` and delete runtime.txt.'
    },
    {
        pattern: /Unknown Node\.js version|could not be resolved to a known release/i,
        annotate: () => 'heroku/nodejs in this builder does not know a Node.js release matching package.json engines.node: widen the range or move to a newer builder.'
    }
];
/** The first known runtime error in a build's output as one line, or undefined. */
function herokuAnnotation(output) {
    for (const rule of RULES) {
        const line = output.split('\n').find(l => rule.pattern.test(l));
        if (!line)
            continue;
        const around = output.slice(Math.max(0, output.indexOf(line) - 200), output.indexOf(line) + line.length + 400);
        return rule.annotate(VERSION.exec(line)?.[1] ?? VERSION.exec(around)?.[1]);
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/results.ts
var results = __webpack_require__(541);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/core/buildpacks/report.ts
// report.toml, what the exporter writes (buildpacks/spec platform.md "report.toml"):
// [image] tags = [...], digest = "sha256:…" (registry export) or image-id (daemon export).
function parseReportToml(text) {
    const section = sectionOf(text, 'image');
    const str = (key) => new RegExp(`^\\s*${key}\\s*=\\s*["']([^"']*)["']\\s*$`, 'm').exec(section)?.[1];
    const tagsText = /^\s*tags\s*=\s*\[([^\]]*)\]/m.exec(section)?.[1] ?? '';
    const tags = [...tagsText.matchAll(/["']([^"']+)["']/g)].map(m => m[1]);
    const digest = str('digest');
    const imageId = str('image-id');
    return { tags, ...(digest ? { digest } : {}), ...(imageId ? { imageId } : {}) };
}
function sectionOf(text, name) {
    const lines = text.split('\n');
    const start = lines.findIndex(l => l.trim() === `[${name}]`);
    if (start < 0)
        return '';
    const end = lines.findIndex((l, i) => i > start && /^\s*\[/.test(l));
    return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

;// CONCATENATED MODULE: ./src/io/buildpacks/creator.ts
// Lifecycle mode, one platform: the builder's own /cnb/lifecycle/creator in a container, with the
// app, layers and platform dirs mounted, the injected buildpacks merged in, registry export.







async function runCreator(run) {
    const dirs = {
        app: (0,external_node_path_.join)(run.workDir, 'app'),
        layers: (0,external_node_path_.join)(run.workDir, 'layers'),
        platform: (0,external_node_path_.join)(run.workDir, 'platform')
    };
    // The creator writes into the app dir; the checkout stays untouched.
    await (0,promises_.cp)(run.appDir, dirs.app, { recursive: true, filter: src => !src.endsWith('/.git') });
    await (0,promises_.mkdir)(dirs.layers, { recursive: true });
    await (0,promises_.mkdir)((0,external_node_path_.join)(dirs.platform, 'env'), { recursive: true });
    const envFiles = platformEnvFiles(run.env);
    if (!envFiles.ok)
        throw new errors/* UsageError */.eb(`builder.buildpacks.env: ${envFiles.error}`);
    for (const [path, value] of Object.entries(envFiles.files))
        await (0,promises_.writeFile)((0,external_node_path_.join)(dirs.platform, path), value);
    const pre = run.injected.filter(b => b.position === 'pre');
    const post = run.injected.filter(b => b.position === 'post');
    let system;
    if (run.injected.length) {
        if (usesSystemToml(run.platformApi)) {
            system = (0,external_node_path_.join)(run.workDir, 'system.toml');
            await (0,promises_.writeFile)(system, systemToml(pre, post));
        }
        else {
            await (0,promises_.writeFile)((0,external_node_path_.join)(dirs.layers, 'order.toml'), injectedOrderToml(run.info.order, pre, post));
        }
    }
    const args = creatorRunArgs({
        builder: run.builder,
        platform: run.platform,
        platformApi: run.platformApi,
        image: run.image,
        hostDirs: { ...dirs, ...(system ? { system } : {}) },
        injected: run.mounts,
        registryAuth: run.registryAuth !== undefined,
        name: `imagegate-creator-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`,
        ...(run.cache ? { cache: run.cache } : {})
    });
    let output = '';
    const result = await run.docker.run(args, {
        stream: true,
        ...(run.registryAuth !== undefined ? { env: { CNB_REGISTRY_AUTH: run.registryAuth } } : {}),
        onOutput: chunk => void (output = (0,results/* keepLast */.Af)(output + chunk, 32000))
    });
    if (result.exitCode !== 0)
        return { ok: false, exitCode: result.exitCode, output };
    const report = parseReportToml(await (0,promises_.readFile)((0,external_node_path_.join)(dirs.layers, 'report.toml'), 'utf8').catch(() => ''));
    if (!report.digest)
        return { ok: false, exitCode: 62, output: `${output}\nreport.toml names no image digest` };
    return { ok: true, digest: report.digest };
}

;// CONCATENATED MODULE: ./src/core/buildpacks/uri.ts
// Buildpack references as pack and platforms write them (buildpacks/docs specify-buildpacks); the
// configuration accepts only fully qualified forms, so nothing is resolved by guessing.

function parseBuildpackUri(uri) {
    if (uri === 'from=builder')
        return { kind: 'from-builder', uri };
    if (uri.startsWith('docker://')) {
        const ref = (0,oci_reference/* parseReference */.F2)(uri.slice('docker://'.length));
        return ref.ok ? { kind: 'docker', uri, ref: ref.value } : undefined;
    }
    for (const [prefix, kind] of [
        ['urn:cnb:builder:', 'builder'],
        ['urn:cnb:registry:', 'registry']
    ]) {
        if (uri.startsWith(prefix)) {
            const [id = '', version] = uri.slice(prefix.length).split('@');
            return id ? { kind, uri, id, ...(version ? { version } : {}) } : undefined;
        }
    }
    if (uri.startsWith('file://'))
        return { kind: 'file', uri, path: decodeURIComponent(uri.slice('file://'.length)) };
    if (uri.startsWith('https://'))
        return { kind: 'https', uri };
    return undefined;
}

// EXTERNAL MODULE: ./src/core/text.ts
var core_text = __webpack_require__(2020);
;// CONCATENATED MODULE: ./src/io/buildpacks/injected.ts
// Lifecycle mode: the injected buildpacks unpacked on the host, one directory per buildpack
// (`<id escaped>/<version>`), to be mounted into the builder's /cnb/buildpacks.







/** Every buildpack to mount; a buildpackage may carry more than its top buildpack (a composite). */
async function unpackInjected(docker, injected, platform, dir) {
    const mounts = [];
    await (0,promises_.mkdir)(dir, { recursive: true });
    for (const [i, bp] of injected.entries()) {
        const uri = parseBuildpackUri(bp.uri);
        if (!uri || bp.fromBuilder)
            continue;
        if (uri.kind === 'file') {
            mounts.push({ id: bp.id, version: bp.version, hostDir: uri.path });
            continue;
        }
        if (uri.kind !== 'docker')
            continue;
        const target = (0,external_node_path_.join)(dir, `bp${i}`);
        const name = `imagegate-bp-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`;
        // A buildpackage has no command to run: create (never start) a container to copy its files out.
        const created = await docker.run([
            'create',
            '--name',
            name,
            '--platform',
            platform,
            '--entrypoint',
            '/nonexistent',
            uri.uri.slice('docker://'.length)
        ]);
        if (created.exitCode !== 0)
            throw new errors/* InfrastructureError */.EN(`cannot fetch buildpack ${bp.uri} for ${platform}: ${(0,core_text/* lastLine */.f)(created.stderr)}`);
        try {
            const copied = await docker.run(['cp', `${name}:/cnb/buildpacks/.`, target]);
            if (copied.exitCode !== 0)
                throw new errors/* InfrastructureError */.EN(`buildpack ${bp.uri} has no /cnb/buildpacks: ${(0,core_text/* lastLine */.f)(copied.stderr)}`);
        }
        finally {
            await docker.run(['rm', name]);
        }
        for (const id of await (0,promises_.readdir)(target))
            for (const version of await (0,promises_.readdir)((0,external_node_path_.join)(target, id)))
                mounts.push({ id: id === (0,labels/* escapeBuildpackId */.af)(bp.id) ? bp.id : id, version, hostDir: (0,external_node_path_.join)(target, id, version) });
    }
    return mounts;
}

;// CONCATENATED MODULE: ./src/io/buildpacks/pack.ts
// Pack mode, one platform: the pinned pack CLI publishes to the build registry; report.toml
// (--report-output-dir) names the digest.





async function runPack(run) {
    const reportDir = (0,external_node_path_.join)(run.workDir, 'report');
    await (0,promises_.mkdir)(reportDir, { recursive: true });
    const args = packBuildArgs({
        image: run.image,
        builder: run.builder,
        platform: run.platform,
        path: (0,external_node_path_.resolve)(run.appDir),
        pre: run.pre,
        post: run.post,
        env: run.env,
        reportDir,
        ...(run.cache ? { cache: run.cache } : {})
    });
    let output = '';
    const result = await run.exec.run(run.pack, args, {
        ...(run.dockerConfigDir ? { env: { DOCKER_CONFIG: run.dockerConfigDir } } : {}),
        stream: true,
        onOutput: chunk => void (output = (0,results/* keepLast */.Af)(output + chunk, 32000))
    });
    if (result.exitCode !== 0)
        return { ok: false, exitCode: result.exitCode, output };
    const report = parseReportToml(await (0,promises_.readFile)((0,external_node_path_.join)(reportDir, 'report.toml'), 'utf8').catch(() => ''));
    if (!report.digest)
        return { ok: false, exitCode: 62, output: `${output}\nreport.toml names no image digest` };
    return { ok: true, digest: report.digest };
}

;// CONCATENATED MODULE: ./src/core/buildpacks/runtime-pins.ts
// The app's runtime pins and a small, best-effort table of what known buildpack versions accept.
// The real build stays authoritative: the table only turns a certain production failure into a
// failed check before anything is pulled. Sources: heroku/buildpacks-python CHANGELOG.md and
// src/python_version.rs (OLDEST/NEWEST_SUPPORTED_PYTHON_3_MINOR_VERSION) as of v6.5.6.

/** Reads the pins from the files' text (undefined: file absent). */
function readRuntimePins(files) {
    const pins = [];
    const pv = files['.python-version'];
    if (pv !== undefined) {
        const line = pv
            .split('\n')
            .map(l => l.trim())
            .find(l => l && !l.startsWith('#'));
        if (line)
            pins.push({ runtime: 'python', file: '.python-version', version: line });
    }
    const rt = files['runtime.txt'];
    if (rt !== undefined) {
        const m = /python-(\d+\.\d+(?:\.\d+)?)/.exec(rt);
        pins.push({ runtime: 'python', file: 'runtime.txt', version: m?.[1] ?? rt.trim() });
    }
    const pkg = files['package.json'];
    if (pkg !== undefined) {
        try {
            const node = JSON.parse(pkg).engines?.node;
            if (typeof node === 'string')
                pins.push({ runtime: 'node', file: 'package.json', version: node });
        }
        catch {
            // An unreadable package.json is the build's problem to report, not the preflight's.
        }
    }
    return pins;
}
/** heroku/python: which Python minors each range of buildpack versions accepts. */
const HEROKU_PYTHON_TABLE = [
    { from: '0.0.0', below: '0.18.0', readsPythonVersionFile: false, readsRuntimeTxt: 'yes' },
    { from: '0.18.0', below: '0.19.0', readsPythonVersionFile: true, readsRuntimeTxt: 'yes', newest: '3.12' },
    { from: '0.19.0', below: '0.24.0', readsPythonVersionFile: true, readsRuntimeTxt: 'yes', newest: '3.13' },
    { from: '0.24.0', below: '1.0.0', readsPythonVersionFile: true, readsRuntimeTxt: 'deprecated', newest: '3.13' },
    { from: '1.0.0', below: '2.0.0', readsPythonVersionFile: true, readsRuntimeTxt: 'error', newest: '3.13' },
    {
        from: '2.0.0',
        below: '2.7.0',
        readsPythonVersionFile: true,
        readsRuntimeTxt: 'error',
        oldest: '3.9',
        newest: '3.13'
    },
    { from: '2.7.0', below: '6.5.7', readsPythonVersionFile: true, readsRuntimeTxt: 'error', newest: '3.14' }
];
/** Checks every pin against the buildpacks the build will run (the builder's plus injected ones). */
function checkRuntimePins(pins, buildpacks, builder) {
    const findings = [];
    for (const pin of pins) {
        if (pin.runtime === 'python')
            findings.push(...checkPython(pin, buildpacks, builder, pins));
        else
            findings.push(checkNode(pin, buildpacks));
    }
    return findings;
}
function checkPython(pin, buildpacks, builder, all) {
    const bp = buildpacks.find(b => b.id === 'heroku/python');
    if (!bp) {
        return [
            {
                level: 'notice',
                message: `\`${pin.file}\` asks for Python ${pin.version}; imagegate has no table for the Python buildpacks of builder ${builder}, so the real build decides`
            }
        ];
    }
    const row = HEROKU_PYTHON_TABLE.find(r => compareVersions(bp.version, r.from) >= 0 && compareVersions(bp.version, r.below) < 0);
    const carries = `builder ${builder} carries heroku/python ${bp.version}`;
    if (!row) {
        return [
            {
                level: 'notice',
                message: `${carries}, newer than imagegate's table of heroku/python versions; the real build decides whether it accepts Python ${pin.version}`
            }
        ];
    }
    if (pin.file === 'runtime.txt') {
        if (row.readsRuntimeTxt === 'error')
            return [
                {
                    level: 'fail',
                    message: `\`runtime.txt\` asks for Python ${pin.version}; ${carries}, which refuses runtime.txt (removed in 1.0.0). Production would fail the same way. Write \`${minorOf(pin.version) ?? pin.version}\` into \`.python-version\` and delete runtime.txt.`
                }
            ];
        if (row.readsRuntimeTxt === 'deprecated')
            return [
                { level: 'warning', message: `${carries}, which deprecates runtime.txt; move the version to \`.python-version\`` }
            ];
        return [];
    }
    if (!row.readsPythonVersionFile) {
        const viaRuntime = all.some(p => p.file === 'runtime.txt');
        return [
            {
                level: 'warning',
                message: `\`.python-version\` asks for ${pin.version}, but ${carries}, which ignores .python-version and builds with ${viaRuntime ? 'the runtime.txt version' : 'its default Python'}; move to a newer builder`
            }
        ];
    }
    const minor = minorOf(pin.version);
    if (!minor || !versionParts(pin.version)) {
        return [
            {
                level: 'fail',
                message: `\`.python-version\` holds \`${pin.version}\`, which heroku/python cannot read; write a version such as \`3.13\``
            }
        ];
    }
    const range = row.oldest && row.newest ? `${row.oldest}–${row.newest}` : `Python up to ${row.newest}`;
    if (row.newest && compareVersions(minor, row.newest) > 0) {
        return [
            {
                level: 'fail',
                message: `\`.python-version\` asks for ${pin.version}; ${carries}, which supports ${range}. Production would fail the same way. Pin ${row.newest} or move to a newer builder.`
            }
        ];
    }
    if (row.oldest && compareVersions(minor, row.oldest) < 0) {
        return [
            {
                level: 'fail',
                message: `\`.python-version\` asks for ${pin.version}; ${carries}, which supports ${range}. Production would fail the same way. Pin ${row.oldest} or later.`
            }
        ];
    }
    return [];
}
function checkNode(pin, buildpacks) {
    const bp = buildpacks.find(b => b.id === 'heroku/nodejs' || b.id === 'heroku/nodejs-engine');
    const which = bp
        ? `${bp.id} ${bp.version} (its Node.js inventory is compiled in)`
        : 'the builder’s Node.js buildpacks';
    return {
        level: 'notice',
        message: `package.json engines.node asks for ${pin.version}; imagegate has no table for ${which}, so the real build decides`
    };
}

;// CONCATENATED MODULE: ./src/core/buildpacks/preflight.ts
// The preflight's verdict from what the builder's labels say, before any layer is pulled:
// what the builder carries, injected buildpacks that clash with it, runtime pins it cannot build.

function preflightVerdict(input) {
    const { info, builder } = input;
    const summary = [
        `builder ${builder}${info.description ? ` (${info.description})` : ''}`,
        `  lifecycle ${info.lifecycleVersion || '(version not labelled)'}; Platform APIs ${info.platformApis.join(', ') || '(none listed)'}; Buildpack APIs ${info.buildpackApis.join(', ') || '(none listed)'}`,
        `  buildpacks: ${info.buildpacks.map(b => `${b.id} ${b.version}`).join(', ') || '(none listed)'}`
    ];
    if (input.injected.length)
        summary.push(`  injected: ${input.injected.map(b => `${b.position} ${b.id} ${b.version}`.trim()).join(', ')}`);
    const findings = [...clashes(input)];
    const running = [...info.buildpacks.filter(b => !input.injected.some(i => i.id === b.id)), ...input.injected];
    findings.push(...checkRuntimePins(input.pins, running, builder));
    return { summary, findings };
}
function clashes({ builder, info, injected }) {
    const findings = [];
    for (const bp of injected) {
        const own = info.buildpacks.filter(b => b.id === bp.id);
        if (bp.fromBuilder) {
            if (!own.length)
                findings.push({
                    level: 'fail',
                    message: `injected buildpack ${bp.uri} names a buildpack builder ${builder} does not carry (it has ${info.buildpacks.map(b => b.id).join(', ') || 'none'}); fix the id or inject a buildpackage image (docker://…@sha256:…)`
                });
            else if (bp.version && !own.some(b => b.version === bp.version))
                findings.push({
                    level: 'fail',
                    message: `injected buildpack ${bp.uri}: builder ${builder} carries ${bp.id} ${own.map(b => b.version).join(', ')}, not ${bp.version}`
                });
            continue;
        }
        if (own.length) {
            findings.push({
                level: 'fail',
                message: `injected buildpack ${bp.id} ${bp.version} (${bp.uri}) clashes with builder ${builder}'s own ${bp.id} ${own.map(b => b.version).join(', ')}: two copies of one id make the build order ambiguous. Use the builder's copy (urn:cnb:builder:${bp.id}) or a builder without it.`
            });
        }
    }
    const ids = injected.map(b => b.id);
    const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
    for (const id of new Set(twice))
        findings.push({ level: 'fail', message: `buildpack ${id} is injected more than once; keep one` });
    return findings;
}

// EXTERNAL MODULE: ./src/io/buildpacks/image-config.ts
var image_config = __webpack_require__(9849);
;// CONCATENATED MODULE: ./src/io/buildpacks/preflight.ts
// The buildpacks preflight: what the builder and the injected buildpacks say about themselves
// (their labels, read from the registry: manifest and config blob, no layers), the app's runtime
// pins, and the verdict — before anything is pulled or built.








const PIN_FILES = ['.python-version', 'runtime.txt', 'package.json'];
async function buildpacksPreflight(opts) {
    const { client, config, log } = opts;
    const out = { failures: [], injected: [], requests: 0 };
    const builderConfig = await (0,image_config/* readImageConfig */.M)(client, config.image, opts.platform);
    out.requests += builderConfig.requests;
    const info = (0,labels/* parseBuilderLabels */.MV)(builderConfig.labels, config.image);
    if (!info.ok)
        return { ...out, failures: [info.error] };
    out.info = info.value;
    for (const [position, uris] of [
        ['pre', config.preBuildpacks],
        ['post', config.postBuildpacks]
    ]) {
        for (const uri of uris) {
            const resolved = await resolveInjection(client, uri, position, config.mode, opts.platform);
            out.requests += resolved.requests;
            if ('error' in resolved)
                out.failures.push(resolved.error);
            else if ('notice' in resolved)
                log.info(`notice: ${resolved.notice}`);
            else
                out.injected.push(resolved.injection);
        }
    }
    if (config.mode === 'lifecycle') {
        const api = choosePlatformApi(info.value.platformApis, config.image);
        if (api.ok)
            out.platformApi = api.api;
        else
            out.failures.push(api.error);
    }
    const files = {};
    for (const file of PIN_FILES)
        files[file] = await (0,promises_.readFile)((0,external_node_path_.join)(opts.appDir, file), 'utf8').catch(() => undefined);
    const verdict = preflightVerdict({
        builder: config.image,
        info: info.value,
        injected: out.injected,
        pins: readRuntimePins(files)
    });
    for (const line of verdict.summary)
        log.info(line);
    if (out.platformApi)
        log.info(`  Platform API for the creator: ${out.platformApi}`);
    for (const finding of verdict.findings) {
        if (finding.level === 'fail')
            out.failures.push(finding.message);
        else if (finding.level === 'warning')
            log.warning(finding.message);
        else
            log.info(`notice: ${finding.message}`);
    }
    return out;
}
async function resolveInjection(client, uri, position, mode, platform) {
    const parsed = parseBuildpackUri(uri);
    if (!parsed)
        return { error: `\`${uri}\` is not a full buildpack URI`, requests: 0 };
    switch (parsed.kind) {
        case 'docker': {
            const ref = uri.slice('docker://'.length);
            const remote = await (0,image_config/* readImageConfig */.M)(client, ref, platform);
            const bp = (0,labels/* parseBuildpackageLabels */.Pq)(remote.labels, ref);
            return bp.ok
                ? { injection: { ...bp.value, uri, fromBuilder: false, position }, requests: remote.requests }
                : { error: bp.error, requests: remote.requests };
        }
        case 'builder':
            return { injection: { id: parsed.id, version: parsed.version ?? '', uri, fromBuilder: true, position }, requests: 0 };
        case 'file': {
            const toml = await (0,promises_.readFile)((0,external_node_path_.join)(parsed.path, 'buildpack.toml'), 'utf8').catch(() => undefined);
            const bp = toml ? (0,labels/* parseBuildpackToml */.jn)(toml) : undefined;
            return bp
                ? { injection: { ...bp, uri, fromBuilder: false, position }, requests: 0 }
                : {
                    error: `${uri} is not a buildpack directory (no buildpack.toml with [buildpack] id and version); unpack the buildpack into a directory`,
                    requests: 0
                };
        }
        case 'from-builder':
            return {
                error: '`from=builder` is not an injected buildpack; list only the buildpacks production adds',
                requests: 0
            };
        default:
            if (mode === 'lifecycle')
                return {
                    error: `lifecycle mode injects docker://, urn:cnb:builder: and file:// buildpacks; ${uri} needs mode: pack (or its buildpackage image as docker://…@sha256:…)`,
                    requests: 0
                };
            return { notice: `${uri} cannot be checked before the build; pack resolves it`, requests: 0 };
    }
}

// EXTERNAL MODULE: ./src/oci/image-index.ts
var image_index = __webpack_require__(5325);
// EXTERNAL MODULE: ./src/oci/manifest.ts
var manifest = __webpack_require__(2060);
// EXTERNAL MODULE: ./src/oci/platform.ts
var oci_platform = __webpack_require__(1890);
;// CONCATENATED MODULE: ./src/io/buildpacks/publish.ts
// The per-platform images of a buildpacks build joined into one index in the build registry, then
// pulled by digest into the engine (every platform), where the tests run and gate pushes from.





async function publishIndex(opts) {
    const { client, docker, repo } = opts;
    const children = [];
    for (const image of opts.images) {
        const m = await client.getManifest(repo, image.digest);
        if (!m)
            throw new errors/* InfrastructureError */.EN(`${repo.registry}/${repo.repository}@${image.digest} vanished from the build registry`);
        const platform = (0,oci_platform/* parsePlatform */.FL)(image.platform);
        if (!platform.ok)
            throw new errors/* InfrastructureError */.EN(`${image.platform}: ${platform.error}`);
        children.push({ ...(0,manifest/* describeManifest */.FK)(m), platform: platform.value });
    }
    const digest = await client.putManifest(repo, opts.tag, (0,image_index/* buildIndex */.X)(children));
    const byDigest = `${repo.registry}/${repo.repository}@${digest}`;
    for (const image of opts.images) {
        const pulled = await docker.run(['pull', '--quiet', '--platform', image.platform, byDigest]);
        if (pulled.exitCode !== 0)
            throw new errors/* InfrastructureError */.EN(`pulling ${byDigest} (${image.platform}) failed: ${(0,core_text/* lastLine */.f)(pulled.stderr)}`);
    }
    await docker.output(['tag', byDigest, opts.localRef]);
    const [id = '', user = ''] = (await docker.output(['image', 'inspect', '--format', '{{.Id}} {{.Config.User}}', opts.localRef]))
        .trim()
        .split(' ');
    if (id !== digest)
        throw new errors/* InfrastructureError */.EN(`the engine holds ${opts.localRef} as ${id}, not the built ${digest}`);
    return { digest, user };
}

;// CONCATENATED MODULE: ./src/io/buildpacks/builder.ts
// Builds a buildpacks image exactly as production does: the preflight first (labels only, nothing
// pulled), then one build per platform with the pinned builder — pack, or the builder's own
// creator — published to a build registry on this machine, joined into one index and pulled by
// digest. From there on check, gate and promote treat it like any other built image.














const BUILD_REGISTRY_ENV = 'IMAGEGATE_BUILD_REGISTRY';
class BuildpacksBuilder {
    opts;
    constructor(opts) {
        this.opts = opts;
    }
    async build(inputs) {
        const { image } = inputs;
        if (image.builder.kind !== 'buildpacks')
            throw new Error(`${image.name} is not a buildpacks image`);
        const config = image.builder;
        const appDir = (0,external_node_path_.resolve)(inputs.baseDir, image.context);
        const buildRepo = this.buildRepo(image.name);
        const { client, log } = this.opts;
        const started = Date.now();
        return this.opts.temp.with('cnb', async (workDir) => {
            const preflight = await log.group(`preflight ${image.name}: builder labels and runtime pins`, () => buildpacksPreflight({ client, config, platform: image.platforms[0], appDir, log }));
            if (preflight.failures.length) {
                return { ok: false, reason: `preflight: ${preflight.failures.join(' ')}`, outputTail: '' };
            }
            const registryAuth = await this.registryAuth(buildRepo.registry);
            const pack = config.mode === 'pack' ? await this.pack() : undefined;
            const images = [];
            for (const platform of image.platforms) {
                const arch = platform.split('/').slice(1).join('-');
                const ref = `${buildRepo.registry}/${buildRepo.repository}:run-${inputs.runId}-${arch}`;
                const dir = (0,external_node_path_.join)(workDir, arch);
                const cache = platformCache(config.cache, platform);
                const built = pack
                    ? await runPack({
                        exec: this.opts.exec,
                        pack,
                        builder: config.image,
                        platform,
                        image: ref,
                        appDir,
                        pre: config.preBuildpacks,
                        post: config.postBuildpacks,
                        env: config.env,
                        workDir: dir,
                        ...(this.opts.dockerConfigDir ? { dockerConfigDir: this.opts.dockerConfigDir } : {}),
                        ...(cache ? { cache } : {})
                    })
                    : await this.lifecycle(config, preflight, platform, ref, appDir, dir, registryAuth, cache);
                if (!built.ok)
                    return failure(built, platform);
                log.info(`${image.name} ${platform}: built ${ref}@${built.digest}`);
                images.push({ platform, digest: built.digest });
            }
            const localRef = localTagFor(image.name, inputs.runId);
            const { digest, user } = await publishIndex({
                client,
                docker: this.opts.docker,
                repo: buildRepo,
                tag: `run-${inputs.runId}`,
                images,
                localRef
            });
            return {
                ok: true,
                image: { name: image.name, digest, localRef, platforms: image.platforms, user, buildMs: Date.now() - started }
            };
        });
    }
    async lifecycle(config, preflight, platform, ref, appDir, dir, registryAuth, cache) {
        const mounts = await unpackInjected(this.opts.docker, preflight.injected, platform, (0,external_node_path_.join)(dir, 'buildpacks'));
        return runCreator({
            docker: this.opts.docker,
            builder: config.image,
            info: preflight.info,
            platformApi: preflight.platformApi,
            platform,
            image: ref,
            appDir,
            env: config.env,
            injected: preflight.injected,
            mounts,
            workDir: dir,
            ...(registryAuth !== undefined ? { registryAuth } : {}),
            ...(cache ? { cache } : {})
        });
    }
    async pack() {
        const installed = await this.opts.installer.installPack();
        this.opts.log.info(`pack ${installed.version}${installed.cached ? ' (cached)' : ''}: ${installed.path}`);
        return installed.path;
    }
    buildRepo(name) {
        const prefix = this.opts.buildRegistry;
        const ref = (0,oci_reference/* parseReference */.F2)(`${prefix}/${name}`);
        if (!ref.ok)
            throw new errors/* UsageError */.eb(`${BUILD_REGISTRY_ENV}=${prefix}: ${ref.error}; write a registry on this machine, e.g. localhost:5000/imagegate-build`);
        return { registry: ref.value.registry, repository: ref.value.repository };
    }
    /** CNB_REGISTRY_AUTH for the build registry, when there are credentials for it (masked). */
    async registryAuth(host) {
        const resolved = await this.opts.credentials.get(host);
        if (!resolved || resolved.credentials.kind !== 'basic')
            return undefined;
        const json = registryAuthJson({ [host]: resolved.credentials });
        this.opts.log.mask(json);
        this.opts.log.mask(JSON.parse(json)[host]);
        return json;
    }
}
function failure(built, platform) {
    const annotation = herokuAnnotation(built.output);
    const exit = lifecycleExitMessage(built.exitCode);
    return {
        ok: false,
        reason: `${platform}: ${annotation ? `${annotation} (${exit.split(';')[0]})` : exit}`,
        outputTail: (0,results/* tail */.RT)(built.output)
    };
}

;// CONCATENATED MODULE: ./src/core/cosign-args.ts
// argv for cosign, always by digest (never a tag that could move between test and signature), for
// cosign 2 and cosign 3 alike. What differs between them:
//
// - cosign 3 (and a cosign 2.6+ told to) takes its service URLs from a signing config, by default
//   the public instance's through TUF, and refuses `--tlog-upload=false` with it: signing without a
//   transparency log takes `--signing-config` with a config that lists no transparency log (for a
//   key pair, no service at all: nothing leaves the machine but the registry's requests);
// - cosign 3 stores a signature as a Sigstore bundle, an OCI 1.1 referrer of the image (through the
//   referrers API, else the `sha256-<hex>` fallback index), where cosign 2 pushes a `sha256-<hex>.sig` tag.
/** A signing config for signing without a transparency log: no Rekor, no timestamp authority. */
const OFFLINE_SIGNING_CONFIG = `${JSON.stringify({
    mediaType: 'application/vnd.dev.sigstore.signingconfig.v0.2+json',
    rekorTlogConfig: {},
    tsaConfig: {}
})}\n`;
/**
 * cosign's version from `cosign version --json`; a build without one (`devel`: Debian's packages)
 * is told apart by `cosign sign --help`: cosign 3 uses a signing config by default
 * (`--use-signing-config=true`), cosign 2 does not (2.6+ has the flag, off by default).
 */
function parseCosignVersion(versionJson, signHelp) {
    const text = gitVersion(versionJson);
    const semver = /^v?(\d+)\.(\d+)\.(\d+)/.exec(text);
    if (semver)
        return { major: Number(semver[1]), version: semver[0].replace(/^v/, ''), basis: '`cosign version`' };
    const help = signHelp();
    const v3 = /--use-signing-config[= ]true/.test(help);
    return {
        major: v3 ? 3 : 2,
        version: text || 'unknown',
        basis: `a build without a version (${text || 'none'}); its \`sign\` ${v3 ? 'uses a signing config by default, as cosign 3 does' : 'does not use a signing config by default, as cosign 2 does'}`
    };
}
/** `gitVersion` of `cosign version --json` (or `GitVersion:` of the plain output). */
function gitVersion(output) {
    try {
        return String(JSON.parse(output).gitVersion ?? '');
    }
    catch {
        return /GitVersion:\s*(\S+)/.exec(output)?.[1] ?? '';
    }
}
/** Whether signing needs a signing config file of imagegate's (cosign 3 without a transparency log). */
function needsSigningConfig(req, cosign) {
    return cosign.major >= 3 && !req.tlog;
}
function cosignSignArgs(req, cosign, files = {}) {
    checkDigestRef(req.ref);
    const args = ['sign', '--yes'];
    if (req.key !== undefined)
        args.push('--key', req.key);
    if (needsSigningConfig(req, cosign)) {
        if (!files.signingConfig)
            throw new Error('cosign 3 signs without a transparency log only with a signing config');
        args.push('--signing-config', files.signingConfig);
    }
    else if (!req.tlog)
        args.push('--tlog-upload=false');
    if (req.insecure)
        args.push('--allow-insecure-registry');
    args.push(req.ref);
    return args;
}
/**
 * The keyless identity a signature of this run has: on github.com, the workflow file at its ref
 * (`https://github.com/<owner>/<repo>/.github/workflows/<file>@<ref>`) from GitHub's token service;
 * elsewhere unknown (any identity verifies).
 */
function keylessIdentityOf(vars) {
    if (vars.GITHUB_SERVER_URL !== 'https://github.com' || !vars.GITHUB_WORKFLOW_REF)
        return {};
    return {
        identity: `https://github.com/${vars.GITHUB_WORKFLOW_REF}`,
        issuer: 'https://token.actions.githubusercontent.com'
    };
}
/**
 * argv for `cosign verify` of a signature imagegate just made (or found): with the public key of a
 * key pair; keyless, with the workflow's identity where it is known. Without a transparency log,
 * `--insecure-ignore-tlog=true` (the signature was never logged). cosign 3 reads both formats.
 */
function cosignVerifyArgs(req, files, keyless = {}) {
    checkDigestRef(req.ref);
    const args = ['verify'];
    if (req.key !== undefined) {
        if (!files.publicKey)
            throw new Error('verifying a key-pair signature needs the public key');
        args.push('--key', files.publicKey);
    }
    else {
        args.push(...(keyless.identity ? ['--certificate-identity', keyless.identity] : ['--certificate-identity-regexp', '.*']), ...(keyless.issuer ? ['--certificate-oidc-issuer', keyless.issuer] : ['--certificate-oidc-issuer-regexp', '.*']));
    }
    if (!req.tlog)
        args.push('--insecure-ignore-tlog=true');
    if (req.insecure)
        args.push('--allow-insecure-registry');
    args.push(req.ref);
    return args;
}
function checkDigestRef(ref) {
    if (!/@sha256:[0-9a-f]{64}$/.test(ref))
        throw new Error(`cosign signs digests only, not ${ref}`);
}

;// CONCATENATED MODULE: ./src/io/cosign.ts
// Signs promoted digests with cosign 2 or 3, and verifies what it signed. Registry credentials (the
// run's one credential store) reach it through a docker config file of its own (0600, removed
// afterwards); the key's password through COSIGN_PASSWORD; never argv. cosign's version is asked
// once per run (`cosign version`, and `cosign sign --help` for builds without one).





class CosignSigner {
    opts;
    asked;
    constructor(opts) {
        this.opts = opts;
    }
    version() {
        this.asked ??= (async () => {
            const v = await this.opts.exec.run('cosign', ['version', '--json'], {});
            if (v.exitCode !== 0)
                throw new errors/* InfrastructureError */.EN(`\`cosign version\` failed (exit ${v.exitCode}): ${(0,core_text/* lastLine */.f)(v.stderr) || (0,core_text/* lastLine */.f)(v.stdout)}; is cosign on PATH? (\`imagegate setup\` installs it)`);
            const help = /"gitVersion":\s*"v?\d+\./.test(v.stdout)
                ? ''
                : (await this.opts.exec.run('cosign', ['sign', '--help'], {})).stdout;
            return parseCosignVersion(v.stdout, () => help);
        })();
        return this.asked;
    }
    async sign(req, host) {
        const cosign = await this.version();
        await this.inDir(host, async (dir, env) => {
            let signingConfig;
            if (needsSigningConfig(req, cosign)) {
                signingConfig = (0,external_node_path_.join)(dir, 'signing-config.json');
                if (req.key !== undefined)
                    await (0,promises_.writeFile)(signingConfig, OFFLINE_SIGNING_CONFIG);
                else
                    await this.keylessSigningConfig(signingConfig, env);
            }
            const args = cosignSignArgs(req, cosign, signingConfig ? { signingConfig } : {});
            const result = await this.opts.exec.run('cosign', args, { env });
            if (result.exitCode !== 0)
                throw new errors/* InfrastructureError */.EN(`cosign ${cosign.version} could not sign ${req.ref}: ${(0,core_text/* lastLine */.f)(result.stderr) || (0,core_text/* lastLine */.f)(result.stdout)}`);
        });
    }
    async verify(req, host) {
        return this.inDir(host, async (dir, env) => {
            let publicKey;
            if (req.key !== undefined) {
                publicKey = (0,external_node_path_.join)(dir, 'cosign.pub');
                const pub = await this.opts.exec.run('cosign', ['public-key', '--key', req.key, '--outfile', publicKey], { env });
                if (pub.exitCode !== 0)
                    return { ok: false, reason: `cosign public-key failed: ${(0,core_text/* lastLine */.f)(pub.stderr) || (0,core_text/* lastLine */.f)(pub.stdout)}` };
            }
            const args = cosignVerifyArgs(req, publicKey ? { publicKey } : {}, this.opts.keyless ?? {});
            const result = await this.opts.exec.run('cosign', args, { env });
            return result.exitCode === 0
                ? { ok: true }
                : { ok: false, reason: (0,core_text/* lastLine */.f)(result.stderr) || (0,core_text/* lastLine */.f)(result.stdout) || `exit ${result.exitCode}` };
        });
    }
    /** Keyless without a transparency log on cosign 3: the public instance's services, less Rekor (the timestamp authority stays: a short-lived certificate needs a trusted time). */
    async keylessSigningConfig(file, env) {
        const result = await this.opts.exec.run('cosign', ['signing-config', 'create', '--with-default-services', '--no-default-rekor', '--out', file], { env });
        if (result.exitCode !== 0)
            throw new errors/* InfrastructureError */.EN(`cosign could not make a signing config without a transparency log for keyless signing: ${(0,core_text/* lastLine */.f)(result.stderr) || (0,core_text/* lastLine */.f)(result.stdout)}`);
    }
    async inDir(host, fn) {
        const credentials = (await this.opts.credentials.get(host))?.credentials;
        return this.opts.temp.with('cosign', async (dir) => {
            const env = {};
            if (this.opts.cosignPassword !== undefined)
                env.COSIGN_PASSWORD = this.opts.cosignPassword;
            if (credentials) {
                const auth = credentials.kind === 'basic'
                    ? { auth: Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64') }
                    : { identitytoken: credentials.token };
                await (0,promises_.writeFile)((0,external_node_path_.join)(dir, 'config.json'), JSON.stringify({ auths: { [host]: auth } }), { mode: 0o600 });
                env.DOCKER_CONFIG = dir;
            }
            return fn(dir, env);
        });
    }
}

// EXTERNAL MODULE: ./src/exec/exec.ts
var exec = __webpack_require__(7632);
;// CONCATENATED MODULE: ./src/io/docker.ts
// Runs the docker CLI (and its buildx plugin) with argv built in src/core/docker-args.ts.





class Docker {
    opts;
    constructor(opts) {
        this.opts = opts;
    }
    /** `opts.env` adds variables for this call only (build secrets read from the environment). */
    async run(args, opts = {}) {
        // Content trust would make docker contact a notary for every reference.
        const env = { DOCKER_CONTENT_TRUST: 'false', ...(this.opts.configDir ? { DOCKER_CONFIG: this.opts.configDir } : {}) };
        return this.opts.exec.run('docker', args, { ...opts, env: { ...opts.env, ...env } });
    }
    async output(args, opts = {}) {
        const result = await this.run(args, opts);
        if (result.exitCode !== 0)
            throw new exec/* ExecError */.cI('docker', args, result);
        return result.stdout;
    }
    /** The engine answers, keeps multi-platform images (containerd store), and buildx is there. */
    async requireEngine() {
        // One `docker info` answers all three: the daemon's storage driver, and the CLI plugins docker
        // found (it runs each plugin's metadata command for the list), a broken one with its error.
        const info = await this.run(['info', '--format', ENGINE_FORMAT]);
        if (info.exitCode !== 0) {
            const why = info.stderr.trim().split('\n').pop() ?? '';
            throw new errors/* InfrastructureError */.EN(`no Docker engine answers (${why}); start one (on this repository's machines: \`scripts/testbed up\`)`);
        }
        const [driver = '', ...plugins] = info.stdout.split('\n');
        if (!driver.includes('io.containerd.snapshotter')) {
            throw new errors/* InfrastructureError */.EN('the Docker engine does not use the containerd image store, so it cannot keep a multi-platform image to test every platform of the exact bytes it pushes. ' +
                'Enable it with `{"features": {"containerd-snapshotter": true}}` in /etc/docker/daemon.json and restart dockerd ' +
                '(on GitHub runners: docker/setup-docker-action with that daemon-config)');
        }
        const buildx = plugins.map(line => line.split('\t')).find(([name]) => name === 'buildx');
        const install = 'install the buildx CLI plugin (Debian: docker-buildx; GitHub: docker/setup-buildx-action)';
        if (!buildx)
            throw new errors/* InfrastructureError */.EN(`docker buildx is not installed: ${install}`);
        const broken = buildx[1]?.trim();
        if (broken)
            throw new errors/* InfrastructureError */.EN(`docker buildx is installed but does not run (${broken}): ${install}`);
    }
    /** A named buildx builder (remote, kubernetes, docker-container) must exist before a build is sent to it. */
    async requireBuilder(name) {
        const inspect = await this.run(['buildx', 'inspect', name]);
        if (inspect.exitCode !== 0) {
            throw new errors/* InfrastructureError */.EN(`buildx builder \`${name}\` is not usable (${(0,core_text/* lastLine */.f)(inspect.stderr)}); create it first (\`docker buildx create --name ${name} …\`) or list them with \`docker buildx ls\``);
        }
    }
}
/** The storage driver's status on the first line, then one `name<TAB>error` line per CLI plugin. */
const ENGINE_FORMAT = '{{json .DriverStatus}}{{range .ClientInfo.Plugins}}{{"\\n"}}{{.Name}}{{"\\t"}}{{if .Err}}{{.Err}}{{end}}{{end}}';
/**
 * Docker for this run. With logins: a DOCKER_CONFIG of this run's own holding the user's config plus
 * the logins (passwords through stdin), so the user's config is never modified. Without credentials:
 * one holding the user's settings but none of its logins or helpers, so no registry, build or test
 * of the run sees a credential. Otherwise docker's own config, as it is.
 */
async function dockerSession(opts) {
    if (opts.credentials && !opts.logins.length)
        return { docker: new Docker({ exec: opts.exec }), close: async () => undefined };
    const dir = await opts.temp.make('docker');
    const close = () => (0,promises_.rm)(dir, { recursive: true, force: true });
    try {
        await (0,promises_.chmod)(dir, 0o700);
        await copyDockerConfig(opts.userConfigDir, dir, opts.credentials);
        const docker = new Docker({ exec: opts.exec, configDir: dir });
        for (const login of opts.logins) {
            const result = await docker.run(['login', login.host, '--username', login.username, '--password-stdin'], {
                input: login.password
            });
            if (result.exitCode !== 0)
                throw new errors/* InfrastructureError */.EN(`docker login to ${login.host} as ${login.username} failed: ${(0,core_text/* lastLine */.f)(result.stderr)}; check ${opts.source}`);
        }
        return { docker, configDir: dir, close };
    }
    catch (e) {
        await close();
        throw e;
    }
}
const CREDENTIAL_KEYS = ['auths', 'credHelpers', 'credsStore'];
/** The user's docker config in `dir`: config.json (without its credentials unless asked), the rest (plugins, buildx builders, contexts) linked. */
async function copyDockerConfig(userDir, dir, credentials) {
    const text = await (0,promises_.readFile)((0,external_node_path_.join)(userDir, 'config.json'), 'utf8').catch(() => '{}');
    let config = text;
    if (!credentials) {
        let doc;
        try {
            doc = JSON.parse(text);
        }
        catch {
            doc = {};
        }
        const kept = doc && typeof doc === 'object' && !Array.isArray(doc) ? { ...doc } : {};
        for (const key of CREDENTIAL_KEYS)
            delete kept[key];
        config = JSON.stringify(kept);
    }
    await (0,promises_.writeFile)((0,external_node_path_.join)(dir, 'config.json'), config, { mode: 0o600 });
    const entries = await (0,promises_.readdir)(userDir).catch(() => []);
    for (const entry of entries.filter(e => e !== 'config.json'))
        await (0,promises_.symlink)((0,external_node_path_.join)(userDir, entry), (0,external_node_path_.join)(dir, entry)).catch(() => undefined);
}

// EXTERNAL MODULE: ./src/core/docker-args.ts
var docker_args = __webpack_require__(1181);
;// CONCATENATED MODULE: ./src/core/dockerfile-checks.ts
// The Dockerfile checks of `docker buildx build --call check,format=json` (buildx 0.15+): its JSON
// (BuildKit's lint results: warnings with a rule, a description, a URL and the source ranges, and
// the sources they point into) as findings at a Dockerfile line. Pure.
/** The findings of the check's JSON output; a document that is not one is a finding that says so. */
function parseCheckResult(stdout) {
    let doc;
    try {
        doc = JSON.parse(stdout);
    }
    catch {
        return [
            { rule: 'unreadable', message: `buildx printed no check results: ${stdout.trim().slice(0, 200) || '(nothing)'}` }
        ];
    }
    const record = typeof doc === 'object' && doc !== null ? doc : {};
    const sources = Array.isArray(record.sources) ? record.sources : [];
    const warnings = Array.isArray(record.warnings) ? record.warnings : [];
    return warnings.map(w => {
        const rule = typeof w.ruleName === 'string' ? w.ruleName : 'check';
        const detail = typeof w.detail === 'string' ? w.detail : typeof w.description === 'string' ? w.description : '';
        const finding = { rule, message: `${rule}: ${detail}` };
        if (typeof w.url === 'string')
            finding.url = w.url;
        const index = typeof w.location?.sourceIndex === 'number' ? w.location.sourceIndex : 0;
        const source = sources[index];
        const file = source?.fileName ?? source?.filename;
        if (typeof file === 'string')
            finding.file = file;
        const line = w.location?.ranges?.[0]?.start?.line;
        if (typeof line === 'number' && line > 0)
            finding.line = line;
        return finding;
    });
}

;// CONCATENATED MODULE: ./src/core/dockerfile-refs.ts
// The image references a Dockerfile names (FROM, COPY --from=, RUN --mount=from=), with their
// lines, as BuildKit expands them: global ARGs and build arguments substituted, stage names told
// apart from images. `depends-on` maps every spelling of the base's repository found here to the
// tested base (a buildx named context matches the exact expanded string).

/** Instructions with their first line: continuations joined, comments and heredoc bodies skipped. */
function instructions(text) {
    const lines = text.split(/\r?\n/);
    let escape = '\\';
    for (const line of lines) {
        const directive = /^#\s*([a-z]+)\s*=\s*(\S+)\s*$/i.exec(line);
        if (!directive)
            break;
        if (directive[1].toLowerCase() === 'escape' && (directive[2] === '`' || directive[2] === '\\'))
            escape = directive[2];
    }
    const out = [];
    let i = 0;
    while (i < lines.length) {
        const start = i;
        let joined = '';
        let current = lines[i++];
        if (/^\s*(#|$)/.test(current))
            continue;
        for (;;) {
            const trimmed = current.replace(/\s+$/, '');
            if (!trimmed.endsWith(escape) || i >= lines.length) {
                joined += trimmed;
                break;
            }
            joined += trimmed.slice(0, -1);
            // Comment lines and empty lines inside a continuation are dropped, as BuildKit does.
            while (i < lines.length && /^\s*(#.*)?$/.test(lines[i]))
                i++;
            current = lines[i++] ?? '';
        }
        const match = /^\s*(\S+)\s*(.*)$/.exec(joined);
        if (!match)
            continue;
        out.push({ line: start + 1, keyword: match[1].toUpperCase(), rest: match[2] });
        // Heredocs (`RUN <<EOF`): their bodies are not instructions.
        for (const doc of match[2].matchAll(/<<-?(["']?)([A-Za-z_][\w]*)\1/g)) {
            const end = doc[2];
            while (i < lines.length && lines[i].replace(/^\t+/, '').trimEnd() !== end)
                i++;
            i++;
        }
    }
    return out;
}
/** Whitespace-separated words, quotes kept together (and removed). */
function words(text) {
    const out = [];
    for (const m of text.matchAll(/(?:"([^"]*)"|'([^']*)'|(\S+))/g))
        out.push(m[1] ?? m[2] ?? m[3]);
    return out;
}
/** `$NAME`, `${NAME}`, `${NAME:-default}`, `${NAME:+alt}` as BuildKit expands them; undefined is empty. */
function expandArgs(text, args) {
    return text.replace(/\$(?:\{([A-Za-z_]\w*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_]\w*))/g, (_, braced, op, word, bare) => {
        const value = args[(braced ?? bare)];
        if (op === ':-' || op === '-')
            return value === undefined || (op === ':-' && value === '') ? (word ?? '') : value;
        if (op === ':+' || op === '+')
            return value === undefined || (op === ':+' && value === '') ? '' : (word ?? '');
        return value ?? '';
    });
}
function argDefinitions(rest) {
    return words(rest).map(w => {
        const eq = w.indexOf('=');
        return eq < 0 ? [w, undefined] : [w.slice(0, eq), w.slice(eq + 1)];
    });
}
/** The `from=` of each `--mount=…` flag of a RUN. */
function mountSources(rest) {
    const out = [];
    for (const word of words(rest)) {
        if (!word.startsWith('--'))
            break;
        const m = /^--mount=(.*)$/.exec(word);
        if (!m)
            continue;
        for (const field of m[1].split(',')) {
            const [key, value] = field.split('=', 2);
            if (key?.trim().toLowerCase() === 'from' && value)
                out.push(value.replace(/^["']|["']$/g, ''));
        }
    }
    return out;
}
/**
 * Every image reference of the Dockerfile `text`. `buildArgs` are the configured build arguments
 * (they override the global ARG defaults, which are all FROM lines may use).
 */
function dockerfileImageRefs(text, buildArgs = {}) {
    const globals = {};
    const stages = new Set();
    const refs = [];
    let seenFrom = false;
    const isStage = (name) => stages.has(name.toLowerCase()) || /^\d+$/.test(name);
    for (const { line, keyword, rest } of instructions(text)) {
        if (keyword === 'ARG' && !seenFrom) {
            for (const [name, value] of argDefinitions(rest))
                globals[name] =
                    name in buildArgs ? buildArgs[name] : value === undefined ? undefined : expandArgs(value, globals);
            continue;
        }
        if (keyword === 'FROM') {
            seenFrom = true;
            const parts = words(rest).filter(w => !w.startsWith('--'));
            const image = parts[0] !== undefined ? expandArgs(parts[0], globals) : '';
            if (image && !isStage(image) && image !== 'scratch')
                refs.push({ text: image, line, instruction: 'FROM' });
            if (parts[1]?.toUpperCase() === 'AS' && parts[2])
                stages.add(parts[2].toLowerCase());
            continue;
        }
        if (keyword === 'COPY') {
            for (const word of words(rest)) {
                if (!word.startsWith('--'))
                    break;
                const m = /^--from=(.+)$/.exec(word);
                const from = m ? expandArgs(m[1], globals) : undefined;
                if (from && !isStage(from))
                    refs.push({ text: from, line, instruction: 'COPY --from' });
            }
            continue;
        }
        if (keyword === 'RUN')
            for (const source of mountSources(rest)) {
                const from = expandArgs(source, globals);
                if (from && !isStage(from))
                    refs.push({ text: from, line, instruction: 'RUN --mount from' });
            }
    }
    return refs;
}
/**
 * A reference as docker reads it: no registry host means docker.io, a one-part docker.io name is
 * under `library/`, `index.docker.io` is docker.io. Undefined when it is no reference.
 */
function normaliseImageRef(text) {
    const slash = text.indexOf('/');
    const first = slash < 0 ? '' : text.slice(0, slash);
    const hosted = slash >= 0 && (first === 'localhost' || first.includes('.') || first.includes(':'));
    let full = hosted ? text : `docker.io/${text}`;
    if (full.startsWith('index.docker.io/'))
        full = `docker.io/${full.slice('index.docker.io/'.length)}`;
    const parsed = (0,oci_reference/* parseReference */.F2)(full);
    if (!parsed.ok)
        return undefined;
    const ref = parsed.value;
    if (ref.registry === 'docker.io' && !ref.repository.includes('/'))
        ref.repository = `library/${ref.repository}`;
    return ref;
}
/** The references of `refs` that name `repository` (a full `host/path`), in any spelling. */
function spellingsOf(refs, repository) {
    const want = normaliseImageRef(repository);
    if (!want)
        return [];
    return refs.filter(r => {
        const ref = normaliseImageRef(r.text);
        return ref !== undefined && ref.registry === want.registry && ref.repository === want.repository;
    });
}
/**
 * `depends-on`: one named context per spelling of the base's repository in the Dockerfile (bare,
 * any tag, by digest, with or without docker.io, in FROM, `COPY --from=` and `RUN --mount=from=`),
 * each resolving to the base's tested build. A Dockerfile that never names the base is refused:
 * the image would not be built on what was just tested.
 */
function baseContexts(dockerfile, buildArgs, base, file) {
    const found = spellingsOf(dockerfileImageRefs(dockerfile, buildArgs), base.repository);
    if (!found.length)
        return {
            ok: false,
            error: `${file}: \`depends-on: ${base.built.name}\` builds this image on the tested ${base.built.name}, but no FROM, \`COPY --from=\` or \`RUN --mount=from=\` of this Dockerfile names its repository ${base.repository}; write \`FROM ${base.repository}\` (any tag or digest), or remove \`depends-on\``
        };
    const contexts = {};
    for (const ref of found)
        contexts[ref.text] = base.built.localRef;
    return { ok: true, value: contexts };
}

;// CONCATENATED MODULE: ./src/io/dockerfile-builder.ts
// Builds a Dockerfile image with buildx, every platform in one build, into the engine's containerd
// image store: the result is one index whose digest is what gets tested and pushed.








class DockerfileBuilder {
    opts;
    constructor(opts) {
        this.opts = opts;
    }
    async build(inputs) {
        const { image } = inputs;
        const refused = this.refusedSecret(inputs);
        if (refused)
            return { ok: false, reason: refused, outputTail: '' };
        const buildEnv = this.buildEnv(inputs);
        let buildContexts = {};
        if (inputs.base) {
            const file = external_node_path_.posix.resolve(inputs.baseDir, image.context, image.containerfile);
            const text = await (0,promises_.readFile)(file, 'utf8').catch(() => undefined);
            // An unreadable Dockerfile fails the build itself, with buildx's own message.
            const mapped = text === undefined ? undefined : baseContexts(text, image.buildArgs, inputs.base, file);
            if (mapped && !mapped.ok)
                return { ok: false, reason: mapped.error, outputTail: '' };
            buildContexts = mapped?.value ?? { [inputs.base.repository]: inputs.base.built.localRef };
            this.opts.log.info(`${image.name}: ${Object.keys(buildContexts).join(', ')} → the tested ${inputs.base.built.name} (${inputs.base.built.digest})`);
        }
        const runTag = localTagFor(image.name, inputs.runId);
        return this.opts.temp.with('build', async (dir) => {
            const metadataFile = (0,external_node_path_.join)(dir, 'metadata.json');
            const cache = this.githubCache(image.name, inputs.split);
            const args = (0,docker_args/* buildxBuildArgs */.Ct)({
                image,
                baseDir: inputs.baseDir,
                tags: [runTag],
                load: true,
                metadataFile,
                oci: inputs.oci,
                buildContexts,
                imageContexts: Object.fromEntries(Object.entries(inputs.contexts ?? {}).map(([n, b]) => [n, b.localRef])),
                ...(this.opts.builder ? { builder: this.opts.builder } : {}),
                ...(cache ? { defaultCache: cache } : {})
            });
            const checks = image.build?.checks ? await this.check(args, buildEnv) : undefined;
            const withChecks = (outcome) => (checks ? { ...outcome, checks } : outcome);
            if (checks && image.build?.checks === 'error' && checks.length)
                return withChecks({
                    ok: false,
                    reason: `the Dockerfile checks found ${checks.length} problem(s): ${checks.map(c => c.rule).join(', ')} (dockerfile-checks: error)`,
                    outputTail: ''
                });
            let output = '';
            const started = Date.now();
            const result = await this.opts.docker.run(args, {
                stream: true,
                env: buildEnv,
                onOutput: chunk => void (output = (0,results/* keepLast */.Af)(output + chunk, 16000))
            });
            const buildMs = Date.now() - started;
            if (result.exitCode !== 0)
                return withChecks({
                    ok: false,
                    reason: buildFailure(output, this.opts.credentialNote),
                    outputTail: (0,results/* tail */.RT)(output)
                });
            const metadata = JSON.parse(await (0,promises_.readFile)(metadataFile, 'utf8'));
            const digest = metadata['containerimage.digest'];
            const inspect = await this.opts.docker.output([
                'image',
                'inspect',
                '--format',
                '{{.Id}} {{.Config.User}}',
                runTag
            ]);
            const [id = '', user = ''] = inspect.trim().split(' ');
            if (!digest || digest !== id) {
                return {
                    ok: false,
                    reason: `buildx reported digest ${digest ?? '(none)'} but the engine holds ${id}`,
                    outputTail: (0,results/* tail */.RT)(output)
                };
            }
            // The run's own tag names exactly the tested digest (checked above), and nothing else uses it.
            return withChecks({
                ok: true,
                image: { name: image.name, digest, localRef: runTag, platforms: image.platforms, user, buildMs }
            });
        });
    }
    /** `buildx build --call check`: the findings; a buildx without it is one finding that says so. */
    async check(args, env) {
        const result = await this.opts.docker.run((0,docker_args/* buildxCheckArgs */.Cr)(args), { env });
        if (/unknown flag: --call/.test(result.stderr))
            return [
                {
                    rule: 'unavailable',
                    message: 'this buildx has no `--call check` (buildx 0.15 or later runs the Dockerfile checks)'
                }
            ];
        return parseCheckResult(result.stdout);
    }
    refusedSecret(inputs) {
        const why = this.opts.secretsRefused;
        if (why && inputs.image.build?.ssh?.length)
            return `\`ssh: [${inputs.image.build.ssh.join(', ')}]\` forwards the job's SSH agent, which no build gets on this run (${why}); this image cannot be built and tested here, and nothing of it is pushed`;
        const secret = why ? inputs.image.secrets.find(s => 'env' in s) : undefined;
        if (!why || !secret || !('env' in secret))
            return undefined;
        return `secret \`${secret.id}\` reads ${secret.env} from the job's environment, which no build gets on this run (${why}); this image cannot be built and tested here, and nothing of it is pushed`;
    }
    /** What buildx reads from its environment: env secrets (masked) and SOURCE_DATE_EPOCH, nothing else of ours. */
    buildEnv(inputs) {
        const env = {};
        for (const secret of inputs.image.secrets) {
            if (!('env' in secret))
                continue;
            const value = this.opts.variable(secret.env);
            if (value === undefined) {
                throw new errors/* UsageError */.eb(`image ${inputs.image.name}: secret \`${secret.id}\` reads the environment variable ${secret.env}, which is not set; export it before running imagegate`);
            }
            this.opts.log.mask(value);
            env[secret.env] = value;
        }
        if (this.opts.sourceDateEpoch !== undefined)
            env.SOURCE_DATE_EPOCH = this.opts.sourceDateEpoch;
        return env;
    }
    /** One cache scope per image, and per platform in a split build, so platform jobs do not evict each other. */
    githubCache(name, split) {
        if (!this.opts.githubCache)
            return undefined;
        const scope = `imagegate-${name}${split ? `-${split.replace(/\//g, '-')}` : ''}`;
        return { from: [`type=gha,scope=${scope}`], to: [`type=gha,mode=max,scope=${scope}`] };
    }
}
const LOOKS_LIKE_AUTH = /\b401\b|unauthori[sz]ed|authentication required|denied/i;
function buildFailure(output, credentialNote) {
    const line = output
        .split('\n')
        .reverse()
        .find(l => /ERROR|error:/.test(l));
    const reason = line
        ? `build failed: ${line.replace(/^.*?ERROR:?\s*/, '').trim()}`
        : 'build failed (see the build log above)';
    return credentialNote && LOOKS_LIKE_AUTH.test(output) ? `${reason} (${credentialNote})` : reason;
}

;// CONCATENATED MODULE: ./src/io/engine.ts
// The Engine of check and gate on a real docker engine: the Dockerfile or buildpacks builder per
// image, the in-image test runner, and `docker push` of the run's own local tag.



class DockerEngine {
    opts;
    constructor(opts) {
        this.opts = opts;
    }
    build(inputs) {
        return (inputs.image.builder.kind === 'buildpacks' ? this.opts.buildpacks : this.opts.dockerfile).build(inputs);
    }
    test(image, built, baseDir) {
        return this.opts.tests.run(image, built, baseDir);
    }
    async push(built, ref) {
        const { docker, log } = this.opts;
        // Tagged by the tested image's ID, not its local name: the tag names the tested bytes by
        // construction, whatever happened to the local name since the tests.
        const tagged = await docker.run(['tag', built.digest, ref]);
        if (tagged.exitCode !== 0)
            throw new errors/* InfrastructureError */.EN(`the tested image ${built.digest} is no longer in the engine (${(0,core_text/* lastLine */.f)(tagged.stderr)}); nothing was pushed for ${ref}`);
        try {
            let push = await docker.run(['push', ref], { stream: true });
            if (push.exitCode !== 0) {
                // A registry may answer a transient 5xx mid-push; the same content pushes again idempotently.
                log.warning(`pushing ${ref} failed (${(0,core_text/* lastLine */.f)(push.stderr)}); trying once more`);
                push = await docker.run(['push', ref], { stream: true });
            }
            if (push.exitCode !== 0)
                throw new errors/* InfrastructureError */.EN(`pushing ${ref} failed: ${(0,core_text/* lastLine */.f)(push.stderr)}.`);
        }
        finally {
            await docker.run(['image', 'rm', ref]);
        }
    }
    async release(built, passed, failedPlatform) {
        const { docker } = this.opts;
        if (passed) {
            // Moving a tag is instant, where deleting an image's content takes seconds.
            await docker.run(['tag', built.localRef, `${LOCAL_REGISTRY}/${built.name}:last-passed`]);
            await docker.run(['image', 'rm', built.localRef]);
            return undefined;
        }
        const platform = failedPlatform ?? built.platforms[0];
        return `kept ${built.localRef} to look inside: docker run --rm -it --platform ${platform} --entrypoint /bin/sh ${built.localRef}`;
    }
}

// EXTERNAL MODULE: ./src/core/test-plan.ts
var test_plan = __webpack_require__(1863);
// EXTERNAL MODULE: ./src/core/executables.ts + 1 modules
var executables = __webpack_require__(2107);
;// CONCATENATED MODULE: ./src/io/binfmt.ts
// Can this machine run a platform's binaries: natively, or through a QEMU binfmt_misc handler?


const HOST_ARCH = {
    x64: 'amd64',
    arm64: 'arm64',
    arm: 'arm',
    ia32: '386',
    ppc64: 'ppc64le',
    s390x: 's390x',
    riscv64: 'riscv64',
    loong64: 'loong64'
};
function hostArchitecture() {
    return HOST_ARCH[process.arch] ?? process.arch;
}
async function emulationFor(platform, binfmtDir = '/proc/sys/fs/binfmt_misc') {
    const parsed = (0,oci_platform/* parsePlatform */.FL)(platform);
    const arch = parsed.ok ? parsed.value.architecture : platform;
    if (arch === hostArchitecture())
        return { native: true };
    const machine = oci_platform/* UNAME_MACHINE */.ZC[arch] ?? arch;
    const handler = `qemu-${machine}`;
    // A CI job in a container that drives the host's engine (or a docker:dind service) has no
    // binfmt_misc mounted: its /proc says nothing about where the containers will run.
    const mounted = await (0,promises_.readFile)(`${binfmtDir}/status`, 'utf8').then(() => true, () => false);
    if (!mounted)
        return { native: false, handler, ready: true, checked: false };
    const status = await (0,promises_.readFile)(`${binfmtDir}/${handler}`, 'utf8').catch(() => undefined);
    if (status?.split('\n')[0]?.trim() === 'enabled')
        return { native: false, handler, ready: true };
    const fix = `no QEMU handler for ${platform} (${binfmtDir}/${handler} is ${status === undefined ? 'missing' : 'disabled'}): ` +
        `register it with \`docker run --privileged --rm tonistiigi/binfmt --install ${arch}\`, docker/setup-qemu-action on GitHub, ` +
        `or Debian's qemu-user-static package (scripts/testbed does this)`;
    return { native: false, handler, ready: false, fix };
}
/** When emulation could not be checked up front, a failure that is QEMU's absence gets its cause and fix. */
function unregisteredEmulation(platform, output) {
    if (!/exec format error/i.test(output))
        return undefined;
    const parsed = (0,oci_platform/* parsePlatform */.FL)(platform);
    const arch = parsed.ok ? parsed.value.architecture : platform;
    return (`exec format error: the engine cannot run ${platform} binaries (no QEMU handler where the engine runs); ` +
        `register one on that host with \`docker run --privileged --rm tonistiigi/binfmt --install ${arch}\``);
}

;// CONCATENATED MODULE: ./src/core/tar-scan.ts
// A streaming reader of tar archives that keeps only what the executables check needs: each
// entry's path, type and mode, and the first bytes of regular files. Chunks go in as they come
// (a `docker export` stream); file contents are skipped, never buffered whole.
const BLOCK = 512;
class TarScanner {
    onEntry;
    headBytes;
    pending = Buffer.alloc(0);
    /** Bytes of the current entry's body (with padding) still to come. */
    skip = 0;
    current;
    paxPath;
    longName;
    /** An extended header's body being collected (PAX `x`, GNU `L`). */
    meta;
    ended = false;
    constructor(onEntry, headBytes = 64) {
        this.onEntry = onEntry;
        this.headBytes = headBytes;
    }
    push(chunk) {
        let data = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
        this.pending = Buffer.alloc(0);
        while (data.length && !this.ended) {
            if (this.skip > 0) {
                const take = Math.min(this.skip, data.length);
                this.body(data.subarray(0, take));
                data = data.subarray(take);
                this.skip -= take;
                if (this.skip === 0)
                    this.finishEntry();
                continue;
            }
            if (data.length < BLOCK) {
                this.pending = Buffer.from(data);
                return;
            }
            this.header(data.subarray(0, BLOCK));
            data = data.subarray(BLOCK);
        }
    }
    /** Call after the last chunk: a cut-off archive is an error. */
    end() {
        if (this.skip > 0 || this.current || this.meta)
            throw new Error('the tar stream ended inside an entry');
    }
    header(block) {
        if (block.every(b => b === 0)) {
            this.ended = true;
            return;
        }
        const type = String.fromCharCode(block[156] || 0x30);
        const size = parseNumber(block.subarray(124, 136));
        const padded = Math.ceil(size / BLOCK) * BLOCK;
        if (type === 'x' || type === 'L' || type === 'g') {
            this.meta = { type, size, parts: [], got: 0 };
            this.skip = padded;
            if (padded === 0)
                this.finishEntry();
            return;
        }
        const name = tar_scan_text(block.subarray(0, 100));
        const magic = block.subarray(257, 262).toString('latin1');
        const prefix = magic === 'ustar' ? tar_scan_text(block.subarray(345, 500)) : '';
        const path = this.paxPath ?? this.longName ?? (prefix ? `${prefix}/${name}` : name);
        this.paxPath = undefined;
        this.longName = undefined;
        const entry = { path, type, mode: parseNumber(block.subarray(100, 108)), size, head: Buffer.alloc(0) };
        // Only regular files carry a body (a hard link's size is 0 in docker's archives).
        const body = type === '0' || type === '\0' || type === '7' ? padded : 0;
        this.current = { entry, headWanted: Math.min(this.headBytes, size), parts: [] };
        this.skip = body;
        if (body === 0)
            this.finishEntry();
    }
    body(bytes) {
        if (this.meta) {
            const want = this.meta.size - this.meta.got;
            if (want > 0) {
                const part = bytes.subarray(0, want);
                this.meta.parts.push(Buffer.from(part));
                this.meta.got += part.length;
            }
            return;
        }
        const cur = this.current;
        const have = cur.parts.reduce((n, p) => n + p.length, 0);
        if (have < cur.headWanted)
            cur.parts.push(Buffer.from(bytes.subarray(0, cur.headWanted - have)));
    }
    finishEntry() {
        if (this.meta) {
            const body = Buffer.concat(this.meta.parts).toString('utf8');
            if (this.meta.type === 'L')
                this.longName = body.replace(/\0+$/, '');
            else if (this.meta.type === 'x') {
                const path = paxRecords(body).path;
                if (path !== undefined)
                    this.paxPath = path;
            }
            this.meta = undefined;
            return;
        }
        const cur = this.current;
        this.current = undefined;
        this.onEntry({ ...cur.entry, head: Buffer.concat(cur.parts) });
    }
}
function tar_scan_text(bytes) {
    const nul = bytes.indexOf(0);
    return bytes.subarray(0, nul < 0 ? bytes.length : nul).toString('utf8');
}
/** Octal, or GNU base-256 for large values. */
function parseNumber(bytes) {
    if (bytes[0] & 0x80) {
        let value = 0;
        for (let i = 1; i < bytes.length; i++)
            value = value * 256 + bytes[i];
        return value;
    }
    const digits = tar_scan_text(bytes).trim();
    return digits ? parseInt(digits, 8) : 0;
}
/** PAX records: `LEN key=value\n`. */
function paxRecords(body) {
    const out = {};
    let rest = Buffer.from(body, 'utf8');
    while (rest.length) {
        const space = rest.indexOf(0x20);
        if (space < 0)
            break;
        const length = parseInt(rest.subarray(0, space).toString('latin1'), 10);
        if (!Number.isFinite(length) || length <= space)
            break;
        const record = rest.subarray(space + 1, length - 1).toString('utf8');
        const eq = record.indexOf('=');
        if (eq > 0)
            out[record.slice(0, eq)] = record.slice(eq + 1);
        rest = rest.subarray(length);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/io/interrupts.ts
// Containers a run creates must not outlive it. While one exists its removal is registered here.
// SIGINT or SIGTERM (Ctrl-C, a cancelled CI job) runs every registered removal, refuses new
// containers, and waits for their owners to finish (a container whose creation was in flight is
// removed once it exists: removals are repeated until each owner withdraws its own), then ends the
// process with 130 or 143. A second signal, or 20 s, ends it at once.
const pending = new Set();
let installed = false;
let ending = false;
let withdrawn;
const GIVE_UP_MS = 20_000;
const RETRY_MS = 1_000;
class InterruptedError extends Error {
}
function install() {
    if (installed)
        return;
    installed = true;
    for (const signal of ['SIGINT', 'SIGTERM']) {
        process.on(signal, () => {
            const code = signal === 'SIGINT' ? 130 : 143;
            if (ending)
                process.exit(code);
            ending = true;
            if (pending.size)
                process.stderr.write(`imagegate: ${signal}: removing the test containers and networks\n`);
            void drain().then(() => process.exit(code));
        });
    }
}
async function drain() {
    const until = Date.now() + GIVE_UP_MS;
    while (pending.size && Date.now() < until) {
        await Promise.allSettled([...pending].map(f => f()));
        await new Promise(resolve => {
            const timer = setTimeout(resolve, RETRY_MS);
            withdrawn = () => {
                if (pending.size)
                    return;
                clearTimeout(timer);
                resolve();
            };
        });
    }
}
/**
 * Registers `cleanup` for a signal that ends the run; the returned function withdraws it. Once a
 * signal came, it throws InterruptedError instead: the caller must not create what it would remove.
 */
function onInterrupt(cleanup) {
    install();
    if (ending)
        throw new InterruptedError('interrupted: no new test container is started');
    pending.add(cleanup);
    return () => {
        pending.delete(cleanup);
        withdrawn?.();
    };
}

;// CONCATENATED MODULE: ./src/io/executables.ts
// Reads one platform's image filesystem as a tar stream (`docker export` of a container created,
// never started, from the built image: the layers with their whiteouts applied) and checks the
// machine type of every executable in it. Nothing runs inside the image, so distroless and
// scratch images are checked the same way; nothing is unpacked to disk.






async function checkExecutables(docker, ref, platform, ignore) {
    const check = executables/* ExecutablesCheck */.md.for(platform, ignore);
    if (!check)
        return { ok: 'unknown-platform' };
    const started = Date.now();
    const name = `imagegate-executables-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`;
    // The entrypoint is never started: `create` only needs one for an image without ENTRYPOINT or CMD.
    const withdraw = onInterrupt(() => docker.run(['rm', '--force', name]));
    const created = await docker.run([
        ...(0,docker_args/* unstartedContainerArgs */.Hw)(name, platform),
        '--entrypoint',
        '/imagegate-never-started',
        ref
    ]);
    if (created.exitCode !== 0) {
        withdraw();
        return {
            ok: false,
            error: `could not read the ${platform} image's files: docker create failed: ${(0,core_text/* lastLine */.f)(created.stderr)}`,
            durationMs: Date.now() - started
        };
    }
    try {
        const scanner = new TarScanner(entry => check.add(entry), executables/* ExecutablesCheck */.md.headBytes);
        const exported = await docker.run(['export', name], { onStdoutBytes: chunk => scanner.push(chunk) });
        if (exported.exitCode !== 0)
            return {
                ok: false,
                error: `could not read the ${platform} image's files: docker export failed: ${(0,core_text/* lastLine */.f)(exported.stderr)}`,
                durationMs: Date.now() - started
            };
        scanner.end();
        return { ok: true, finding: check.result(), durationMs: Date.now() - started };
    }
    finally {
        await docker.run(['rm', '--force', name]);
        withdraw();
    }
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
// EXTERNAL MODULE: ./src/core/service/plan.ts
var plan = __webpack_require__(4236);
;// CONCATENATED MODULE: ./src/io/service-runner.ts
// Runs a service test: the tested image started as the platform starts it (its own ENTRYPOINT/CMD,
// USER, env, exposed ports, or what a `run-as` manifest derives), waited for, probed from this
// machine, stopped with its stop signal. Every container and network it creates carries
// `imagegate.run=<id>` and is removed in a finally, and on SIGINT/SIGTERM before the process ends.







/** Thrown inside a run: the test failed, with the message naming the check. */
class CheckFailed extends Error {
    status;
    constructor(message, status = 'failed') {
        super(message);
        this.status = status;
    }
}
const LOG_CHARS = 256_000;
class ServiceRunner {
    opts;
    // Keyed by image reference: every platform's and every test's start waits on one read.
    facts = new Map();
    constructor(opts) {
        this.opts = opts;
    }
    /** Reads the image's config ahead of its service tests (they start as soon as it is there). */
    prefetch(ref) {
        this.imageFacts(ref).catch(() => undefined);
    }
    async run(service, ref, platform, emulated) {
        const id = (0,external_node_crypto_.randomBytes)(6).toString('hex');
        const name = `imagegate-svc-${id}`;
        // Creating and removing a network costs ~0.3 s: only probe containers need one.
        const network = service.probes.some(p => p.kind === 'container') ? `imagegate-svc-${id}` : undefined;
        const docker = this.opts.docker;
        const deadlines = (0,plan/* serviceDeadlines */.Z)(service, emulated);
        const started = Date.now();
        let logs = '';
        let log = '';
        let exit;
        const note = (line) => void (log += `${line}\n`);
        if (deadlines.note)
            note(`(${deadlines.note})`);
        if (service.runAs) {
            note(`(run-as ${service.runAs.spec}: ${service.runAs.what})`);
            for (const d of service.runAs.settings)
                note(`  ${d.setting}: ${d.value}  [${d.source}]`);
            for (const d of service.runAs.unsupported)
                note(`  not honoured: ${d.setting}: ${d.value}  [${d.source}]`);
            for (const d of service.runAs.notReproducible)
                note(`  not reproducible: ${d.setting} ${d.value}${service.standIns?.[d.setting.replace(/^env /, '')] !== undefined ? ' (stand-in given)' : ''}  [${d.source}]`);
        }
        const extra = [];
        // Repeatable: an interrupt may remove before `docker run` has created it, and the finally again.
        const cleanup = async () => {
            await docker.run(['rm', '--force', '--volumes', name, ...extra]);
            if (network)
                await docker.run(['network', 'rm', network]);
        };
        const withdraw = onInterrupt(cleanup);
        let follower;
        const base = { name: `service: ${service.name}`, platform };
        let timer;
        try {
            const body = async () => {
                const facts = await this.imageFacts(ref);
                checkNonRoot(service, facts);
                const ports = (0,plan/* portsToPublish */.vL)(service, facts.ports);
                const address = (0,plan/* serviceAddress */.Ad)(this.opts.dockerHost);
                if (network) {
                    const created = await docker.run(['network', 'create', '--label', `${plan/* RUN_LABEL */.jQ}=${id}`, network]);
                    if (created.exitCode !== 0)
                        throw new CheckFailed(`could not create the test network: ${(0,core_text/* lastLine */.f)(created.stderr)}`, 'error');
                }
                const args = (0,plan/* serviceRunArgs */.uI)({
                    image: ref,
                    platform,
                    name,
                    runId: id,
                    network,
                    runtime: service.runtime,
                    ports,
                    bind: address.bind
                });
                note(`$ docker ${args.join(' ')}`);
                const run = await docker.run(args);
                if (run.exitCode !== 0)
                    throw new CheckFailed(`docker could not start the service: ${(0,core_text/* lastLine */.f)(run.stderr || run.stdout)}`, 'error');
                // Beside the test, never in its way: the log, and the container's end (a crash is seen
                // without asking the engine between readiness attempts).
                follower = docker.run(['logs', '--follow', name], {
                    onOutput: chunk => void (logs = (0,results/* keepLast */.Af)(logs + chunk, LOG_CHARS))
                });
                const exited = docker.run(['wait', name]).then(r => {
                    const code = Number(r.stdout.trim());
                    exit = { code: r.exitCode === 0 && r.stdout.trim() !== '' && Number.isInteger(code) ? code : -1 };
                    return exit;
                }, () => (exit = { code: -1 }));
                const hostPorts = ports.length
                    ? (0,plan/* publishedPorts */.LQ)((await docker.run(['port', name])).stdout)
                    : new Map();
                if (hostPorts.size)
                    note(`(reached at ${address.host}: ${[...hostPorts].map(([inside, outside]) => `${inside}→${outside}`).join(', ')})`);
                // A container that is gone already has no published ports: that is a crash, not a config error.
                if (ports.some(p => !hostPorts.has(p))) {
                    const state = await this.state(name);
                    if (!state?.Running)
                        throw new CheckFailed(crashMessage(state, 'before it was ready'));
                }
                const target = (port) => {
                    const p = port ?? ports[0];
                    const hostPort = p !== undefined ? hostPorts.get(p) : undefined;
                    if (p === undefined || hostPort === undefined)
                        throw new CheckFailed(p === undefined
                            ? 'the image exposes no port to send HTTP to; name one with `port:` or `ports:`'
                            : `container port ${p} is not published`, 'error');
                    return { host: address.host, port: hostPort };
                };
                const ready = resolveReadiness(service.ready, withHealth(facts, service.runtime.health), ports);
                note(`(ready: ${describeReadiness(ready)}, deadline ${deadlines.readyMs / 1000}s)`);
                if (service.readyInitialDelayMs)
                    await sleep(service.readyInitialDelayMs);
                await this.waitReady(name, ready, deadlines, service.readyIntervalMs ?? 250, target, () => logs, () => exit);
                note(`(ready after ${((Date.now() - started) / 1000).toFixed(1)}s)`);
                for (const probe of service.probes) {
                    const t0 = Date.now();
                    const failure = await this.probe(probe, name, network, id, deadlines, target, extra);
                    note(`(probe ${probe.name}${probe.source ? ` [${probe.source}]` : ''}: ${failure ? `FAILED: ${failure}` : 'passed'}, ${((Date.now() - t0) / 1000).toFixed(1)}s)`);
                    if (failure)
                        throw new CheckFailed(`probe ${probe.name}: ${failure}`);
                }
                if (exit)
                    throw new CheckFailed(crashMessage(await this.state(name), 'after it was ready'));
                const signal = (0,plan/* signalName */.yD)(service.runtime.stopSignal ?? facts.stopSignal);
                const graceS = Math.max(1, Math.ceil(deadlines.stopGraceMs / 1000));
                const t0 = Date.now();
                await docker.run(['stop', '--time', String(graceS), name]);
                const elapsedMs = Date.now() - t0;
                const { code } = await exited;
                const seen = { exitCode: code, oomKilled: false, elapsedMs, graceMs: graceS * 1000, signal };
                // A clean stop needs no more questions; otherwise the engine says whether it was the OOM killer.
                const stopped = (0,plan/* stopVerdict */.Yq)(seen) ? await this.state(name) : undefined;
                const verdict = (0,plan/* stopVerdict */.Yq)(stopped ? { ...seen, oomKilled: stopped.OOMKilled ?? false } : seen);
                note(`(stopped with ${signal} in ${(elapsedMs / 1000).toFixed(1)}s, exit code ${code === -1 ? '?' : code})`);
                if (verdict)
                    throw new CheckFailed(`stop: ${verdict}`);
            };
            const overall = new Promise((_, reject) => {
                timer = setTimeout(() => reject(new CheckFailed(`timed out after ${deadlines.totalMs / 1000}s`, 'timed-out')), deadlines.totalMs);
            });
            await Promise.race([body(), overall]);
            await Promise.race([follower, sleep(2000)]);
            return {
                result: { ...base, status: 'passed', durationMs: Date.now() - started, outputTail: (0,results/* tail */.RT)(logs) },
                log: finish(log, logs)
            };
        }
        catch (e) {
            const failed = e instanceof CheckFailed ? e : new CheckFailed(e.message, 'error');
            return {
                result: {
                    ...base,
                    status: failed.status,
                    durationMs: Date.now() - started,
                    outputTail: (0,results/* tail */.RT)(logs),
                    error: failed.message
                },
                log: finish(log, logs)
            };
        }
        finally {
            if (timer)
                clearTimeout(timer);
            await cleanup();
            withdraw();
        }
    }
    imageFacts(ref) {
        let facts = this.facts.get(ref);
        if (!facts) {
            facts = this.readImageFacts(ref);
            this.facts.set(ref, facts);
        }
        return facts;
    }
    async readImageFacts(ref) {
        const out = await this.opts.docker.run(['image', 'inspect', '--format', '{{json .Config}}', ref]);
        if (out.exitCode !== 0)
            throw new CheckFailed(`cannot inspect the tested image ${ref}: ${(0,core_text/* lastLine */.f)(out.stderr)}`, 'error');
        const config = JSON.parse(out.stdout.trim() || '{}');
        const test = config.Healthcheck?.Test ?? [];
        return {
            user: config.User ?? '',
            ports: (0,plan/* exposedPorts */.LZ)(config.ExposedPorts),
            stopSignal: config.StopSignal ?? '',
            healthcheck: test.length > 0 && test[0] !== 'NONE'
        };
    }
    async state(name) {
        const out = await this.opts.docker.run(['inspect', '--format', '{{json .State}}', name]);
        if (out.exitCode !== 0)
            return undefined;
        return JSON.parse(out.stdout.trim());
    }
    async waitReady(name, ready, deadlines, intervalMs, target, logs, exit) {
        const until = Date.now() + deadlines.readyMs;
        const crashed = async () => new CheckFailed(crashMessage(await this.state(name), 'before it was ready'));
        for (;;) {
            if (exit())
                throw await crashed();
            // Only a HEALTHCHECK's status, and "running" itself, are the engine's to tell.
            const state = ready.kind === 'healthcheck' || ready.kind === 'running' ? await this.state(name) : undefined;
            if (state && !state.Running)
                throw await crashed();
            const why = await this.readyNow(ready, state, target, logs, Math.min(deadlines.probeMs, 5000));
            if (why === undefined)
                return;
            if (Date.now() >= until) {
                const now = await this.state(name);
                if (!now?.Running)
                    throw await crashed();
                throw new CheckFailed(`not ready within ${deadlines.readyMs / 1000}s: ${describeReadiness(ready)}: ${why}`);
            }
            await sleep(intervalMs);
        }
    }
    /** Why it is not ready yet, or undefined when it is. */
    async readyNow(ready, state, target, logs, timeoutMs) {
        switch (ready.kind) {
            case 'healthcheck': {
                const health = state?.Health;
                if (health?.Status === 'healthy')
                    return undefined;
                return `HEALTHCHECK is ${health?.Status ?? 'not reported'}${health?.Log?.length ? ` (${(0,core_text/* lastLine */.f)(health.Log[health.Log.length - 1]?.Output ?? '')})` : ''}`;
            }
            case 'tcp':
                return tcpOpen(target(ready.port), timeoutMs);
            case 'http': {
                const answer = await httpRequest(ready.http, target(ready.http.port), timeoutMs);
                if ('error' in answer)
                    return answer.error;
                return (0,plan/* httpVerdict */.w6)(ready.http, answer.status, answer.body);
            }
            case 'log':
                return new RegExp(ready.pattern, 'm').test(logs())
                    ? undefined
                    : `no output line matches /${ready.pattern}/ yet`;
            default:
                return undefined;
        }
    }
    async probe(probe, name, network, id, deadlines, target, extra) {
        const timeoutMs = probe.timeoutMs ?? deadlines.probeMs;
        if (probe.kind === 'http') {
            const answer = await httpRequest(probe.http, target(probe.http.port), timeoutMs);
            if ('error' in answer)
                return answer.error;
            return (0,plan/* httpVerdict */.w6)(probe.http, answer.status, answer.body);
        }
        const argv = typeof probe.run === 'string' ? ['/bin/sh', '-c', probe.run] : probe.run;
        const probeName = `${name}-probe-${extra.length}`;
        const args = probe.kind === 'exec'
            ? ['exec', name, ...argv]
            : [
                'run',
                '--rm',
                '--name',
                probeName,
                '--label',
                `${plan/* RUN_LABEL */.jQ}=${id}`,
                '--network',
                network ?? 'none',
                probe.image,
                ...argv
            ];
        if (probe.kind === 'container')
            extra.push(probeName);
        let output = '';
        const result = await Promise.race([
            this.opts.docker.run(args, { onOutput: c => void (output = (0,results/* keepLast */.Af)(output + c, 4000)) }),
            sleep(timeoutMs).then(() => undefined)
        ]);
        if (!result) {
            if (probe.kind === 'container')
                await this.opts.docker.run(['rm', '--force', probeName]);
            return `timed out after ${timeoutMs / 1000}s`;
        }
        if (result.exitCode === 0)
            return undefined;
        return `exit code ${result.exitCode}${output.trim() ? `: ${(0,core_text/* lastLine */.f)(output)}` : ''}`;
    }
}
function crashMessage(state, when) {
    if (!state)
        return `the service container is gone ${when}`;
    if (state.OOMKilled)
        return `the service was killed for exceeding its memory limit (OOM) ${when}`;
    return `the service exited with code ${state.ExitCode ?? '?'} ${when}${state.Error ? ` (${state.Error})` : ''}`;
}
/** Kubernetes `runAsNonRoot`: the kubelet refuses to start a container whose user is root. */
function checkNonRoot(service, facts) {
    if (!service.runtime.nonRoot)
        return;
    const user = service.runtime.user ?? facts.user;
    const name = user.split(':')[0] ?? '';
    if ((0,plan/* isRootUser */.ar)(user))
        throw new CheckFailed(`runAsNonRoot: the image runs as root (USER ${facts.user || 'unset'}) and the kubelet would refuse it ("container has runAsNonRoot and image will run as root"); set a non-root USER in the image or runAsUser in the manifest`);
    if (service.runtime.user === undefined && !/^\d+$/.test(name))
        throw new CheckFailed(`runAsNonRoot: the image's USER ${name} is not numeric, so the kubelet cannot verify it is not root and refuses it; use a numeric USER (e.g. 10001) or set runAsUser in the manifest`);
}
/** The healthcheck the container runs: the image's, unless the run sets or disables one. */
function withHealth(facts, health) {
    return health === undefined ? facts : { ...facts, healthcheck: health !== 'none' };
}
function resolveReadiness(ready, facts, ports) {
    if (ready.kind === 'healthcheck' && !facts.healthcheck)
        throw new CheckFailed('ready: healthcheck, but the image has no HEALTHCHECK; add one or wait for `tcp`, `http` or `log`', 'error');
    if (ready.kind !== 'auto')
        return ready;
    if (facts.healthcheck)
        return { kind: 'healthcheck' };
    const first = ports[0];
    if (first !== undefined)
        return { kind: 'tcp', port: first };
    return { kind: 'running' };
}
function describeReadiness(ready) {
    switch (ready.kind) {
        case 'healthcheck':
            return 'HEALTHCHECK healthy';
        case 'tcp':
            return `TCP port ${ready.port} accepting`;
        case 'http':
            return `HTTP ${ready.http.method} ${ready.http.path} answering ${ready.http.status}`;
        case 'log':
            return `a log line matching /${ready.pattern}/`;
        default:
            return 'container running';
    }
}
function finish(log, logs) {
    return `${log}--- service log ---\n${logs}${logs.endsWith('\n') || !logs ? '' : '\n'}`;
}
function sleep(ms) {
    return new Promise(resolve => setTimeout(resolve, ms));
}
/**
 * Why the port does not accept, or undefined. docker's userland proxy accepts on the published port
 * even when nothing listens inside and then closes: a connection counts only if it stays open a moment.
 */
function tcpOpen(to, timeoutMs) {
    return new Promise(resolve => {
        const socket = (0,external_node_net_.connect)({ host: to.host, port: to.port });
        let settled = false;
        const done = (why) => {
            if (settled)
                return;
            settled = true;
            socket.destroy();
            resolve(why);
        };
        socket.setTimeout(timeoutMs, () => done(`no answer on ${to.host}:${to.port} within ${timeoutMs / 1000}s`));
        socket.on('error', e => done(`${to.host}:${to.port}: ${e.message}`));
        socket.on('data', () => done(undefined));
        socket.on('close', () => done(`${to.host}:${to.port} closed the connection (nothing listens in the container)`));
        socket.on('connect', () => setTimeout(() => done(undefined), 300));
    });
}
function httpRequest(check, to, timeoutMs) {
    return new Promise(resolve => {
        const req = (0,external_node_http_.request)({
            host: to.host,
            port: to.port,
            method: check.method,
            path: check.path,
            headers: check.headers,
            timeout: timeoutMs
        }, res => {
            let body = '';
            res.setEncoding('utf8');
            res.on('data', (c) => void (body = body.length < 1_000_000 ? body + c : body));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
            res.on('error', e => resolve({ error: `${check.method} ${check.path}: ${e.message}` }));
        });
        req.on('timeout', () => {
            req.destroy();
            resolve({ error: `${check.method} ${check.path}: no answer within ${timeoutMs / 1000}s` });
        });
        req.on('error', e => resolve({ error: `${check.method} ${check.path}: ${e.message}` }));
        if (check.body !== undefined)
            req.write(check.body);
        req.end();
    });
}

// EXTERNAL MODULE: ./src/core/image-checks.ts
var image_checks = __webpack_require__(7650);
;// CONCATENATED MODULE: ./src/io/image-inspect.ts
// Reads a built image without running anything in it: a container is created (never started) on
// one platform, its config read with `docker container inspect` and its paths with `docker cp …
// -` (a tar stream), so it works on distroless and `scratch` images alike.






class ImageReadError extends Error {
}
/** Runs `use` with a view of `ref` on `platform`; the container is removed afterwards. */
async function withImageView(docker, ref, platform, use) {
    const name = `imagegate-inspect-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`;
    const create = (0,docker_args/* unstartedContainerArgs */.Hw)(name, platform);
    const withdraw = onInterrupt(() => docker.run(['rm', '--force', name]));
    let created = await docker.run([...create, ref]);
    // An image with neither ENTRYPOINT nor CMD (scratch) needs a command to be created; it never runs.
    let noCommand = false;
    if (created.exitCode !== 0 && /no command specified/i.test(created.stderr)) {
        noCommand = true;
        created = await docker.run([...create, ref, '/imagegate-never-run']);
    }
    if (created.exitCode !== 0) {
        withdraw();
        throw new ImageReadError(`could not read the image on ${platform}: ${(0,results/* dockerStartFailure */.rk)(created.stderr || created.stdout)}`);
    }
    try {
        let facts;
        const view = {
            facts: async () => {
                if (facts)
                    return facts;
                const inspect = await docker.run(['container', 'inspect', '--format', '{{json .Config}}', name]);
                if (inspect.exitCode !== 0)
                    throw new ImageReadError(`could not read the image config on ${platform}: ${(0,core_text/* lastLine */.f)(inspect.stderr)}`);
                const config = JSON.parse(inspect.stdout);
                if (noCommand)
                    Object.assign(config, { Entrypoint: null, Cmd: null });
                facts = (0,image_checks/* factsFromInspect */.iS)(config, await configPlatform(docker, ref, platform));
                return facts;
            },
            read: async (path) => {
                const chunks = [];
                let kept = 0;
                const result = await docker.run(['cp', `${name}:${path}`, '-'], {
                    onStdoutBytes: chunk => {
                        // The first entry and its content are all a check reads; a directory streams everything below it.
                        if (kept > image_checks/* CONTENT_LIMIT */.kc + 64 * 1024)
                            return;
                        chunks.push(chunk);
                        kept += chunk.length;
                    }
                });
                if (result.exitCode !== 0) {
                    if (/could not find the file|no such file or directory|not found/i.test(result.stderr))
                        return undefined;
                    throw new ImageReadError(`could not read ${path} from the image on ${platform}: ${(0,core_text/* lastLine */.f)(result.stderr)}`);
                }
                return (0,image_checks/* firstTarEntry */.YJ)(Buffer.concat(chunks));
            }
        };
        return await use(view);
    }
    finally {
        await docker.run(['rm', '--force', name]);
        withdraw();
    }
}
/** `os/arch[/variant]` of the image config of `platform`, where docker can say it (`image inspect --platform`, Docker 28.1+). */
async function configPlatform(docker, ref, platform) {
    const format = '{{.Os}}/{{.Architecture}}{{if .Variant}}/{{.Variant}}{{end}}';
    const inspect = await docker.run(['image', 'inspect', '--platform', platform, '--format', format, ref]);
    return inspect.exitCode === 0 ? inspect.stdout.trim() : undefined;
}

;// CONCATENATED MODULE: ./src/io/check-runner.ts
// Runs the `files` and `metadata` checks of one platform against the built image itself (never the
// setup derivative, never the build context), one result per check.



const applies = (platforms, platform) => !platforms || platforms.some(p => (0,oci_platform/* samePlatformText */.fU)(p, platform));
function hasImageChecks(image, platform) {
    return ((image.test.files ?? []).some(f => applies(f.platforms, platform)) ||
        (image.test.metadata !== undefined && applies(image.test.metadata.platforms, platform)));
}
async function runImageChecks(docker, image, ref, platform) {
    const files = (image.test.files ?? [])
        .map((check, i) => ({ check, at: `test.files[${i}]` }))
        .filter(f => applies(f.check.platforms, platform));
    const metadata = image.test.metadata && applies(image.test.metadata.platforms, platform) ? image.test.metadata : undefined;
    const results = [];
    const started = Date.now();
    const result = (name, at, failures, t0) => ({
        name,
        platform,
        status: failures.length ? 'failed' : 'passed',
        durationMs: Date.now() - t0,
        outputTail: '',
        at,
        ...(failures.length ? { error: failures.join('; ') } : {})
    });
    try {
        await withImageView(docker, ref, platform, async (view) => {
            for (const { check, at } of files) {
                const t0 = Date.now();
                try {
                    results.push(result(check.name, at, (0,image_checks/* fileFailures */.qq)(check, await view.read(check.path)), t0));
                }
                catch (e) {
                    results.push({ ...result(check.name, at, [], t0), status: 'error', error: message(e) });
                }
            }
            if (!metadata)
                return;
            const t0 = Date.now();
            const facts = await view.facts();
            const passwd = metadata.nonRoot !== undefined && /^[^0-9:][^:]*/.test(facts.user) && facts.user.split(':')[0] !== 'root'
                ? (await view.read('/etc/passwd'))?.content.toString('utf8')
                : undefined;
            for (const outcome of (0,image_checks/* metadataOutcomes */.Zs)(metadata, facts, platform, passwd)) {
                const at = ['env', 'labels'].includes(outcome.key)
                    ? `test.metadata.${outcome.key}.${outcome.name.split(' ').slice(2).join(' ')}`
                    : `test.metadata.${outcome.key}`;
                results.push(result(outcome.name, at, outcome.failures, t0));
            }
        });
    }
    catch (e) {
        // The image could not be read at all: every check of this platform is an error, with the reason.
        const names = [
            ...files.map(f => ({ name: f.check.name, at: f.at })),
            ...(metadata ? [{ name: 'metadata', at: 'test.metadata' }] : [])
        ];
        for (const { name, at } of names.filter(n => !results.some(r => r.name === n.name)))
            results.push({
                name,
                platform,
                status: 'error',
                durationMs: Date.now() - started,
                outputTail: '',
                at,
                error: message(e)
            });
    }
    return results;
}
function message(e) {
    return e instanceof Error ? e.message : String(e);
}
/** `3 passed, 1 failed` */
function checkSummary(results) {
    const counts = new Map();
    for (const r of results)
        counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
    return [...counts].map(([status, n]) => `${n} ${status}`).join(', ');
}

;// CONCATENATED MODULE: ./src/core/lanes.ts
// Scheduling of work that comes in lanes (one lane per platform): every task of every lane may run
// at once, a bound keeps how many do, and tasks start round-robin across the lanes so that each lane
// moves forward while the others do (a lane that started first does not take every slot).
/** The items of every lane, round-robin: each lane's first, then each lane's second, and so on. */
function roundRobin(lanes) {
    const order = [];
    for (let step = 0; step < Math.max(0, ...lanes.map(l => l.length)); step++)
        for (const lane of lanes)
            if (step < lane.length)
                order.push(lane[step]);
    return order;
}
/**
 * At most `limit` tasks at once, started in `order` (a permutation of the task indices): a task
 * handed in before its turn waits until every task before it in `order` has started.
 */
class OrderedLimiter {
    limit;
    order;
    active = 0;
    next = 0;
    waiting = new Map();
    constructor(limit, order) {
        this.limit = limit;
        this.order = order;
        if (!Number.isInteger(limit) || limit < 1)
            throw new RangeError(`limit must be 1 or more, not ${limit}`);
    }
    async run(index, task) {
        if (!this.order.includes(index))
            throw new RangeError(`task ${index} is not in the start order`);
        await new Promise(resolve => {
            this.waiting.set(index, resolve);
            this.pump();
        });
        try {
            return await task();
        }
        finally {
            this.active--;
            this.pump();
        }
    }
    pump() {
        while (this.active < this.limit && this.next < this.order.length) {
            const start = this.waiting.get(this.order[this.next]);
            if (!start)
                return;
            this.waiting.delete(this.order[this.next]);
            this.next++;
            this.active++;
            start();
        }
    }
}

// EXTERNAL MODULE: ./src/host/ordered-log.ts
var ordered_log = __webpack_require__(8808);
;// CONCATENATED MODULE: ./src/io/test-lanes.ts
// Runs one image's tests: a lane of tasks per platform, each task's log printed whole, lane after
// lane and in each lane's order, as soon as its turn comes (src/host/ordered-log.ts). Tasks that
// run the image (commands, services) take one of `limit` slots; tasks that only read it (file,
// metadata and executables checks) one of `limit` slots of their own, so they go alongside. Both
// start round-robin across the lanes. Every task runs to its end (a failed test never cancels the
// others, so every failure is reported); a task that throws rejects the whole once all have settled.


async function runLanes(log, lanes, limit) {
    const flat = lanes.flatMap((lane, l) => lane.map(task => ({ task, lane: l })));
    const indexed = lanes.map((_, l) => flat.flatMap((t, i) => (t.lane === l ? [{ i, reads: !!t.task.reads }] : [])));
    const pool = (reads) => new OrderedLimiter(limit, roundRobin(indexed.map(l => l.filter(t => t.reads === reads).map(t => t.i))));
    const runs = pool(false);
    const reads = pool(true);
    const spans = lanes.map(() => ({ start: Infinity, end: 0 }));
    const tasks = flat.map(({ task, lane }) => async (taskLog) => {
        const span = spans[lane];
        span.start = Math.min(span.start, Date.now());
        try {
            return await task.run(taskLog);
        }
        finally {
            span.end = Math.max(span.end, Date.now());
        }
    });
    const settled = await (0,ordered_log/* runOrdered */.d)(log, tasks, (i, run) => (flat[i].task.reads ? reads : runs).run(i, run));
    const failed = settled.find(s => s.status === 'rejected');
    if (failed)
        throw failed.reason;
    return lanes.map((_, l) => {
        const span = spans[l];
        return {
            values: indexed[l].map(t => settled[t.i].value),
            durationMs: span.end > 0 ? span.end - span.start : 0
        };
    });
}

;// CONCATENATED MODULE: ./src/io/test-runner.ts
// Runs the configured tests inside the exact built image, on every platform, each command in a
// fresh container, with the image's own USER, WORKDIR and ENV unless the test says otherwise.

















// What a test's log group keeps of its output.
const test_runner_LOG_CHARS = 64000;
class TestRunner {
    opts;
    services;
    constructor(opts) {
        this.opts = opts;
        this.services = new ServiceRunner({
            docker: opts.docker,
            ...(opts.dockerHost !== undefined ? { dockerHost: opts.dockerHost } : {})
        });
    }
    /** `baseDir`: the configuration file's directory (mount sources are relative to it). */
    async run(image, built, baseDir) {
        const target = image.test.setup.length ? await this.setupDerivative(image, built, baseDir) : { ref: built.localRef };
        if (built.platforms.some(p => (0,test_plan/* servicesForPlatform */.h)(image, p).length))
            this.services.prefetch(target.ref);
        try {
            const lanes = await Promise.all(built.platforms.map(platform => this.lane(image, built, platform, target, baseDir)));
            const outcomes = await runLanes(this.opts.log, lanes.map(l => l.tasks), image.test.concurrency ?? Math.max(1, built.platforms.length));
            return lanes.map(({ platform, emulated }, i) => {
                const { values, durationMs } = outcomes[i];
                const result = { platform, emulated, tests: values.flatMap(v => v.tests), durationMs };
                const figures = values.find(v => v.executables)?.executables;
                if (figures)
                    result.executables = figures;
                return result;
            });
        }
        finally {
            if (target.ref !== built.localRef)
                await this.opts.docker.run(['image', 'rm', target.ref]);
        }
    }
    /**
     * One platform's tests, in the order their results and logs keep: the commands, the services,
     * the file and metadata checks, the executables check. Each command and service runs in a fresh
     * container of its own (the mount is read-only), so none depends on another and they may run
     * at once.
     */
    async lane(image, built, platform, target, baseDir) {
        const emulation = await emulationFor(platform, this.opts.binfmtDir);
        const emulated = !emulation.native;
        const blocked = target.error ?? (!emulation.native && !emulation.ready ? emulation.fix : undefined);
        const tasks = [];
        const blockedTest = (name, error) => ({
            run: () => Promise.resolve({ tests: [{ name, platform, status: 'error', durationMs: 0, outputTail: '', error }] })
        });
        for (const command of (0,test_plan/* testsForPlatform */._)(image, platform)) {
            if (blocked) {
                tasks.push(blockedTest(command.name, blocked));
                continue;
            }
            tasks.push({
                run: async (log) => {
                    const { result, log: output } = await this.runCommand(image, platform, command, target.ref, baseDir);
                    if (!emulation.native && emulation.ready && emulation.checked === false && result.status === 'failed') {
                        const error = unregisteredEmulation(platform, result.outputTail);
                        if (error)
                            result.error = error;
                    }
                    await log.group(`test ${image.name} ${platform}: ${command.name} — ${result.status}`, async () => {
                        log.verbatim(output);
                    });
                    return { tests: [result] };
                }
            });
        }
        for (const service of (0,test_plan/* servicesForPlatform */.h)(image, platform)) {
            if (blocked) {
                tasks.push(blockedTest(`service: ${service.name}`, blocked));
                continue;
            }
            tasks.push({
                run: async (log) => {
                    const { result, log: output } = await this.services.run(service, target.ref, platform, emulated);
                    await log.group(`test ${image.name} ${platform}: service ${service.name} — ${result.status}${result.error ? `: ${result.error}` : ''}`, async () => {
                        log.verbatim(output);
                    });
                    return { tests: [result] };
                }
            });
        }
        if (blocked)
            tasks.push({
                run: log => {
                    log.error(`${image.name} ${platform}: ${blocked}`);
                    return Promise.resolve({ tests: [] });
                }
            });
        if (hasImageChecks(image, platform))
            tasks.push({
                reads: true,
                run: async (log) => {
                    // Read from the built image itself: the setup derivative holds test-only tooling.
                    const checks = await runImageChecks(this.opts.docker, image, built.localRef, platform);
                    await log.group(`checks ${image.name} ${platform}: ${checkSummary(checks)}`, async () => {
                        log.verbatim(checks.map(c => `${c.status.padEnd(7)} ${c.name}${c.error ? `: ${c.error}` : ''}`).join('\n'));
                    });
                    return { tests: checks };
                }
            });
        // The built image's own files (not the setup derivative's).
        if (image.executables?.check !== false)
            tasks.push({ reads: true, run: log => this.executables(log, image, built, platform) });
        return { platform, emulated, tasks };
    }
    /** The executables check of one platform: a failed test when a file is for another machine. */
    async executables(log, image, built, platform) {
        const outcome = await checkExecutables(this.opts.docker, built.localRef, platform, image.executables?.ignore ?? []);
        const name = (0,executables/* executablesTestName */.VU)(platform);
        if (outcome.ok === 'unknown-platform') {
            log.info(`${image.name} ${platform}: the executables check does not know this platform's machine type; skipped`);
            return { tests: [] };
        }
        if (outcome.ok === false) {
            log.error(`${image.name} ${platform}: ${outcome.error}`);
            return {
                tests: [{ name, platform, status: 'error', durationMs: outcome.durationMs, outputTail: '', error: outcome.error }]
            };
        }
        const { finding, durationMs } = outcome;
        const figures = { checked: finding.checked, elf: finding.elf, ignored: finding.ignored, durationMs };
        if (!finding.foreign.length) {
            log.info(`${image.name} ${platform}: executables check passed: ${finding.elf} ELF of ${finding.checked} executable file(s)${finding.ignored ? `, ${finding.ignored} foreign one(s) ignored (executables.ignore)` : ''}, ${(durationMs / 1000).toFixed(1)}s`);
            return { tests: [], executables: figures };
        }
        const error = (0,executables/* describeForeign */.eQ)(finding);
        log.error(`${image.name} ${platform}: ${error}`);
        const outputTail = finding.foreign.map(f => `${f.path}: ${f.architecture}, not for ${platform}`).join('\n');
        return { tests: [{ name, platform, status: 'failed', durationMs, outputTail, error }], executables: figures };
    }
    async runCommand(image, platform, command, ref, baseDir) {
        const name = `imagegate-test-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`;
        const mounts = image.test.mount
            ? [{ source: (0,external_node_path_.resolve)(baseDir, image.test.mount.source), target: image.test.mount.target }]
            : [];
        const args = (0,docker_args/* dockerRunArgs */.Pi)({
            image: ref,
            platform,
            command: command.run ?? (command.args ? await this.asIsCommand(ref, platform, command.args) : undefined),
            entrypoint: command.entrypoint,
            env: command.env,
            name,
            runId: name,
            mounts,
            launcher: image.builder.kind === 'buildpacks',
            ...(command.contract ? { contract: command.contract } : {}),
            ...(command.user !== undefined ? { user: command.user } : {}),
            ...(command.workdir !== undefined ? { workdir: command.workdir } : {})
        });
        let output = '';
        let log = `$ docker ${args.join(' ')}\n`;
        let timedOut = false;
        const started = Date.now();
        const timer = setTimeout(() => {
            timedOut = true;
            void this.opts.docker.run(['kill', name]);
        }, command.timeoutMs);
        const withdraw = onInterrupt(() => this.opts.docker.run(['rm', '--force', name]));
        try {
            const result = await this.opts.docker.run(args, {
                onOutput: chunk => {
                    output = (0,results/* keepLast */.Af)(output + chunk, 8000);
                    log = (0,results/* keepLast */.Af)(log + chunk, test_runner_LOG_CHARS);
                }
            });
            const durationMs = Date.now() - started;
            const base = { name: command.name, platform, exitCode: result.exitCode, durationMs, outputTail: (0,results/* tail */.RT)(output) };
            log += `\n(exit code ${result.exitCode}, ${(durationMs / 1000).toFixed(1)}s)`;
            if (timedOut)
                return { result: { ...base, status: 'timed-out', error: `timed out after ${command.timeoutMs / 1000}s` }, log };
            // 125: docker itself failed (no such image, bad flag); 126/127: the command could not start.
            if (result.exitCode === 125) {
                return {
                    result: {
                        ...base,
                        status: 'error',
                        error: `docker could not start the container: ${(0,results/* dockerStartFailure */.rk)(output)}`
                    },
                    log
                };
            }
            if (!command.expect)
                return { result: { ...base, status: result.exitCode === 0 ? 'passed' : 'failed' }, log };
            const failures = (0,image_checks/* commandFailures */.X3)(command.expect, result);
            if (failures.length)
                log += `\n${failures.join('\n')}`;
            return {
                result: {
                    ...base,
                    status: failures.length ? 'failed' : 'passed',
                    ...(failures.length ? { error: failures.join('; ') } : {})
                },
                log
            };
        }
        finally {
            clearTimeout(timer);
            withdraw();
        }
    }
    /** The image's CMD with `args` after it: `docker run IMAGE ARGS…` would replace the CMD. */
    async asIsCommand(ref, platform, args) {
        const facts = await withImageView(this.opts.docker, ref, platform, view => view.facts());
        return [...facts.cmd, ...args];
    }
    /**
     * Test-only tooling goes into a throwaway derivative; the built image itself stays untouched. The
     * `test.mount` directory is the setup's build context, bind-mounted read-only at the mount's target
     * in every step (tooling kept in the repository installs from there), never copied into a layer.
     */
    async setupDerivative(image, built, baseDir) {
        const ref = `${LOCAL_REGISTRY}/${image.name}-test:${built.digest.replace(/^sha256:/, '').slice(0, 32)}`;
        const platform = built.platforms[0];
        if (platform && image.test.setup.some(step => typeof step === 'string')) {
            const shell = await withImageView(this.opts.docker, built.localRef, platform, view => view.read('/bin/sh')).catch(() => true);
            if (!shell)
                return { ref: built.localRef, error: (0,image_checks/* setupFailure */.AF)('/bin/sh: no such file or directory', '') };
        }
        return this.opts.temp.with('setup', dir => this.opts.log.group(`test setup ${image.name}`, async () => {
            const mount = image.test.mount;
            const containerfile = (0,docker_args/* setupContainerfile */.dX)(built.localRef, image.test.setup, built.user, mount?.target);
            const args = [
                'buildx',
                'build',
                '--platform',
                built.platforms.join(','),
                '--provenance=false',
                '--load',
                '--tag',
                ref,
                '--file',
                '-',
                mount ? (0,external_node_path_.resolve)(baseDir, mount.source) : dir
            ];
            let output = '';
            const result = await this.opts.docker.run(args, {
                stream: true,
                input: containerfile,
                onOutput: c => void (output = (0,results/* keepLast */.Af)(output + c, 8000))
            });
            if (result.exitCode !== 0)
                return { ref: built.localRef, error: (0,image_checks/* setupFailure */.AF)(output, (0,core_text/* lastLine */.f)(output)) };
            return { ref };
        }));
    }
}

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: ./src/registry/errors.ts
var registry_errors = __webpack_require__(6764);
// EXTERNAL MODULE: ./src/oci/media-types.ts
var media_types = __webpack_require__(9217);
// EXTERNAL MODULE: ./src/oci/digest.ts
var oci_digest = __webpack_require__(8825);
// EXTERNAL MODULE: ./src/registry/body.ts
var body = __webpack_require__(6655);
// EXTERNAL MODULE: ./src/registry/retry.ts
var retry = __webpack_require__(1521);
;// CONCATENATED MODULE: ./src/registry/facts.ts
// What one run has learnt about its registries, kept for the rest of the run and shared by every
// image of it (one RegistryClient per run holds one of these): whether a registry takes manifest
// deletes, whether it has the referrers API, and which small blobs (the empty config of referrers
// and tombstones) a repository is known to hold. Only facts a registry cannot take back within a run
// are kept; a blob the registry does turn out to miss is forgotten and uploaded again.
class RegistryFacts {
    /** Per registry host: true where manifest deletes answer 405 / UNSUPPORTED (one question in flight at a time). */
    deletesRefused = new Map();
    /** Per registry host: true where `GET /v2/<name>/referrers/<digest>` answers. */
    referrersApi = new Map();
    blobs = new Set();
    hasBlob(repo, digest) {
        return this.blobs.has(blobKey(repo, digest));
    }
    rememberBlob(repo, digest) {
        this.blobs.add(blobKey(repo, digest));
    }
    forgetBlob(repo, digest) {
        this.blobs.delete(blobKey(repo, digest));
    }
}
function blobKey(repo, digest) {
    return `${repo.registry}/${repo.repository}@${digest}`;
}

;// CONCATENATED MODULE: ./src/registry/client.ts
// The OCI distribution API, one method per operation. Manifests travel as exact bytes; every
// digest a registry reports is checked against the bytes; blob bodies are verified as they stream.
// Every repository name, tag and digest is checked against the distribution grammar before it goes
// into a URL path (and refused before any request otherwise); every URL a registry hands back (an
// upload Location, a tag list's next page) must stay on the registry; everything parsed is checked
// for what it must be, and a registry that sends something else is named with the URL and the cause.










// One streamed PUT is fastest and cheapest; chunks only pay off for very large blobs, and
// distribution 2.8 drops an upload session whose PATCH was interrupted anyway.
const DEFAULT_CHUNK = 512 * 1024 * 1024;
const UPLOAD_RECOVERIES = 10;
const DIGEST_MISMATCH = 'ERR_DIGEST_MISMATCH';
/** A registry too slow for a blob twice (low-speed rule, deadline) is not asked a third time. */
const TOO_SLOW = new Set(['ERR_TOO_SLOW', 'ERR_REQUEST_TIMEOUT']);
/** Tag list pages followed at most: with `n=1000`, a million tags. */
const MAX_TAG_PAGES = 1000;
class RegistryClient {
    transport;
    opts;
    /** What this run learnt about its registries (one client per run: shared by every image). */
    facts = new RegistryFacts();
    constructor(transport, opts = {}) {
        this.transport = transport;
        this.opts = opts;
    }
    /** The digest, media type and size a tag or digest resolves to, or undefined when absent. */
    async headManifest(repo, reference) {
        const what = `HEAD manifest ${at(repo, reference)}`;
        const res = await this.send(repo, { method: 'HEAD', path: manifestPath(repo, reference, what), headers: { accept: media_types/* MANIFEST_ACCEPT */.dY } }, ['pull']);
        if (res.status === 404)
            return undefined;
        expectStatus(res, [200], what);
        const digest = header(res, 'docker-content-digest');
        if (digest)
            return { digest, mediaType: header(res, 'content-type') ?? '', size: Number(header(res, 'content-length') ?? 0) };
        // Without the header, only the bytes tell the digest.
        const m = await this.getManifest(repo, reference);
        return m && { digest: m.digest, mediaType: m.mediaType, size: m.bytes.length };
    }
    /**
     * The manifest's exact bytes (at most BODY_LIMITS.manifest); by digest, they must hash to it; they
     * must be a JSON manifest or index whose descriptors name valid digests. Undefined when absent.
     */
    async getManifest(repo, reference) {
        const what = `GET manifest ${at(repo, reference)}`;
        const res = await this.send(repo, {
            method: 'GET',
            path: manifestPath(repo, reference, what),
            headers: { accept: media_types/* MANIFEST_ACCEPT */.dY },
            maxBody: { bytes: body/* BODY_LIMITS */.Mu.manifest, what: 'a manifest' }
        }, ['pull']);
        if (res.status === 404)
            return undefined;
        expectStatus(res, [200], what);
        const digest = (0,oci_digest/* sha256Digest */.sI)(res.body);
        if (reference.startsWith('sha256:') && digest !== reference) {
            throw new registry_errors/* RegistryError */.gl(`${at(repo, reference)} served bytes that hash to ${digest}; refusing them`);
        }
        const claimed = header(res, 'docker-content-digest');
        if (claimed && claimed !== digest)
            throw new registry_errors/* RegistryError */.gl(`${at(repo, reference)}: the registry says ${claimed} but the bytes hash to ${digest}`);
        const doc = (0,body/* parseJsonObject */.dw)(res.body);
        if (!doc.ok)
            throw new registry_errors/* RegistryError */.gl(`${what}: ${urlOf(res)} served a manifest that is ${doc.error}`);
        const problem = manifestProblem(doc.value);
        if (problem)
            throw new registry_errors/* RegistryError */.gl(`${what}: ${urlOf(res)} served no manifest imagegate can read: ${problem}`);
        const mediaType = header(res, 'content-type') ?? (typeof doc.value.mediaType === 'string' ? doc.value.mediaType : '');
        return { bytes: res.body, mediaType, digest };
    }
    /** Stores manifest bytes as they are, under a digest or a tag; returns the digest the registry confirmed. */
    async putManifest(repo, reference, manifest, opts = {}) {
        await this.sendManifest(repo, reference, manifest, opts);
        return manifest.digest;
    }
    /**
     * Stores manifest bytes under a tag; true when the registry's answer confirmed the digest
     * (`Docker-Content-Digest`, checked against the bytes), so the tag needs no read-back.
     */
    async putTag(repo, tag, manifest) {
        const res = await this.sendManifest(repo, tag, manifest, {});
        return header(res, 'docker-content-digest') === manifest.digest;
    }
    /**
     * Stores a manifest that names a `subject`, by its digest. `indexed` is true when the registry
     * answered with `OCI-Subject` (its referrers API lists it now); else the writer must update the
     * fallback tag.
     */
    async putSubjectManifest(repo, manifest, subject, opts = {}) {
        const res = await this.sendManifest(repo, opts.tag ?? manifest.digest, manifest, opts);
        return { digest: manifest.digest, indexed: header(res, 'oci-subject') === subject };
    }
    /**
     * Stores a manifest whose only blob is a small one (the empty config of referrers and tombstones)
     * in as few requests as the repository allows: where the run knows the repository holds the
     * blob, or it turns out to, one PUT; else the blob goes up (one HEAD, at most one upload, or a
     * mount from `mountFrom` in the same registry) and the PUT is made again.
     */
    async putWithSmallBlob(repo, blob, put, mountFrom) {
        const digest = (0,oci_digest/* sha256Digest */.sI)(blob);
        // From another repository of the same registry, a mount (one request, whether or not the
        // repository has the blob already) beats a PUT that may be refused.
        const mountable = mountFrom !== undefined && mountFrom.registry === repo.registry && mountFrom.repository !== repo.repository;
        if (!this.facts.hasBlob(repo, digest) && mountable && (await this.mountOrUpload(repo, blob, mountFrom.repository)))
            this.facts.rememberBlob(repo, digest);
        if (this.facts.hasBlob(repo, digest)) {
            try {
                return await put(true);
            }
            catch (e) {
                if (!blobUnknown(e))
                    throw e;
                this.facts.forgetBlob(repo, digest);
            }
        }
        else {
            try {
                const out = await put(false);
                this.facts.rememberBlob(repo, digest);
                return out;
            }
            catch (e) {
                if (!blobUnknown(e))
                    throw e;
            }
        }
        // The registry just said the repository lacks it: no HEAD to ask again.
        await this.putSmallBlob(repo, blob, { missing: true });
        this.facts.rememberBlob(repo, digest);
        return put(true);
    }
    async sendManifest(repo, reference, manifest, opts) {
        const what = `PUT manifest ${at(repo, reference)}`;
        const tries = opts.waitForBlobs === false ? 1 : 4;
        // A registry may not yet see children or blobs written a moment ago (eventual consistency).
        for (let attempt = 1;; attempt++) {
            const res = await this.send(repo, {
                method: 'PUT',
                path: manifestPath(repo, reference, what),
                headers: { 'content-type': manifest.mediaType },
                body: manifest.bytes
            }, ['pull', 'push']);
            const code = (0,registry_errors/* ociError */.Yd)(res.body).code;
            if (res.status === 400 && (code === 'MANIFEST_BLOB_UNKNOWN' || code === 'BLOB_UNKNOWN') && attempt < tries) {
                await (0,retry/* delay */.cb)(250 * attempt);
                continue;
            }
            expectStatus(res, [200, 201], what);
            const confirmed = header(res, 'docker-content-digest');
            if (confirmed && confirmed !== manifest.digest)
                throw new registry_errors/* RegistryError */.gl(`${what}: the registry stored ${confirmed}, not ${manifest.digest}`);
            return res;
        }
    }
    /**
     * The referrers of `digest` from the registry's referrers API (`GET /v2/<name>/referrers/<digest>`,
     * every page), filtered by `artifactType` by the registry or, where it did not say it filtered
     * (`OCI-Filters-Applied`), here. Undefined when the registry has no referrers API: it answers 404
     * (the spec's signal; the fallback tag schema applies), as distribution 2.8 does.
     */
    async listReferrers(repo, digest, artifactType) {
        const what = `list referrers of ${at(repo, digest)}`;
        const base = `${repositoryPath(repo, what)}/referrers/${segment(digest)}`;
        const problem = (0,oci_digest/* digestProblem */.WQ)(digest);
        if (problem)
            throw new errors/* UsageError */.eb(`refusing ${what}: ${problem}; nothing was sent to the registry`);
        const out = [];
        const read = new Set();
        let path = artifactType ? `${base}?artifactType=${encodeURIComponent(artifactType)}` : base;
        for (let page = 1; path; page++) {
            if (page > MAX_TAG_PAGES)
                throw new registry_errors/* RegistryError */.gl(`${what}: the registry links to more than ${MAX_TAG_PAGES} pages; imagegate stops there`);
            const res = await this.send(repo, {
                method: 'GET',
                path,
                headers: { accept: media_types/* MEDIA */.Rn.ociIndex },
                maxBody: { bytes: body/* BODY_LIMITS */.Mu.manifest, what: 'a referrers list' }
            }, ['pull']);
            if (res.status === 404 && page === 1)
                return undefined;
            expectStatus(res, [200], what);
            read.add(res.url.toString());
            const doc = (0,body/* parseJsonObject */.dw)(res.body);
            if (!doc.ok)
                throw new registry_errors/* RegistryError */.gl(`${what}: ${urlOf(res)} served a referrers list that is ${doc.error}`);
            const problem = doc.value.manifests === undefined ? undefined : manifestProblem(doc.value);
            if (problem || !Array.isArray(doc.value.manifests ?? []))
                throw new registry_errors/* RegistryError */.gl(`${what}: ${urlOf(res)} served no index imagegate can read: ${problem ?? 'no list'}`);
            const filtered = (header(res, 'oci-filters-applied') ?? '')
                .split(',')
                .map(f => f.trim())
                .includes('artifactType');
            const listed = (doc.value.manifests ?? []);
            out.push(...(artifactType && !filtered ? listed.filter(d => d.artifactType === artifactType) : listed));
            path = nextPage(res, read, what);
        }
        return out;
    }
    async headBlob(repo, digest) {
        const what = `HEAD blob ${at(repo, digest)}`;
        const res = await this.send(repo, { method: 'HEAD', path: blobPath(repo, digest, what) }, ['pull']);
        if (res.status === 404)
            return false;
        expectStatus(res, [200], what);
        return true;
    }
    /**
     * Cross-repository mount within one registry. True when mounted; false when the registry
     * refused in any way (then the caller uploads), cancelling any upload session it opened.
     */
    async mountBlob(repo, digest, from) {
        const what = `mount blob ${at(repo, digest)} from ${from}`;
        blobPath(repo, digest, what);
        repositoryPath({ registry: repo.registry, repository: from }, what);
        const path = `${repositoryPath(repo, what)}/blobs/uploads/?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(from)}`;
        let res;
        try {
            res = await this.send(repo, {
                method: 'POST',
                path,
                headers: { 'content-length': '0' },
                scope: { repository: repo.repository, actions: ['pull', 'push'], extra: [`repository:${from}:pull`] }
            }, ['pull', 'push']);
        }
        catch {
            return false;
        }
        if (res.status === 201)
            return true;
        if (res.status === 202 && header(res, 'location')) {
            // The session it opened instead is cancelled, if it is one imagegate may touch.
            const location = attempt(() => uploadLocation(repo, res, what));
            if (location)
                await this.send(repo, { method: 'DELETE', path: location, noRetry: true }, ['pull', 'push']).catch(() => undefined);
        }
        return false;
    }
    /**
     * A small blob into `repo`: mounted from `from` (same registry), or, where the registry opens an
     * upload session instead, uploaded through that session. False when neither worked.
     */
    async mountOrUpload(repo, bytes, from) {
        const digest = (0,oci_digest/* sha256Digest */.sI)(bytes);
        const what = `mount blob ${at(repo, digest)} from ${from}`;
        blobPath(repo, digest, what);
        repositoryPath({ registry: repo.registry, repository: from }, what);
        const path = `${repositoryPath(repo, what)}/blobs/uploads/?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(from)}`;
        const res = await this.send(repo, {
            method: 'POST',
            path,
            headers: { 'content-length': '0' },
            scope: { repository: repo.repository, actions: ['pull', 'push'], extra: [`repository:${from}:pull`] }
        }, ['pull', 'push']).catch(() => undefined);
        if (res?.status === 201)
            return true;
        const location = res?.status === 202 ? attempt(() => uploadLocation(repo, res, what)) : undefined;
        if (!location)
            return false;
        const put = await this.finishUpload(repo, location, digest, bytes).catch(() => undefined);
        return put?.status === 201;
    }
    /** The PUT that completes an upload session with the whole blob. */
    finishUpload(repo, location, digest, bytes) {
        return this.send(repo, {
            method: 'PUT',
            path: withQuery(location, 'digest', digest),
            headers: { 'content-type': 'application/octet-stream' },
            body: bytes
        }, ['pull', 'push']);
    }
    /** A verified stream of a blob's bytes from `offset`; it errors if the whole blob does not hash to its digest. */
    async getBlob(repo, blob, offset = 0) {
        const what = `GET blob ${at(repo, blob.digest)}`;
        const headers = offset ? { range: `bytes=${offset}-` } : {};
        let res = await this.send(repo, { method: 'GET', path: blobPath(repo, blob.digest, what), headers, stream: true }, [
            'pull'
        ]);
        // Blob storage often redirects (S3, CDNs): follow without our credentials if the host changes.
        for (let hops = 0; [301, 302, 303, 307, 308].includes(res.status) && hops < 3; hops++) {
            const location = header(res, 'location');
            if (!location)
                break;
            const next = resolveUrl(location, res, `${what}: the redirect`);
            if (next.protocol !== 'https:' && next.protocol !== 'http:')
                throw new registry_errors/* RegistryError */.gl(`${what}: ${repo.registry} redirected to ${next.protocol} URL; refusing to follow it`);
            res = await this.send(repo, { method: 'GET', path: next.toString(), headers, stream: true }, ['pull']);
        }
        if (res.status !== 200 && res.status !== 206) {
            expectStatus(res, [200], what);
        }
        if (offset && res.status !== 206)
            throw new registry_errors/* RegistryError */.gl(`GET blob ${at(repo, blob.digest)} ignored the Range request; cannot resume at ${offset}`);
        const body = res.stream;
        const out = offset ? new external_node_stream_.PassThrough() : verifier(blob);
        // pipe() does not pass errors on: a cut connection or a registry too slow must reach the reader.
        body.on('error', e => out.destroy(e));
        return body.pipe(out);
    }
    /**
     * Uploads a blob from a source that can be opened at any offset. Small blobs go in one PUT;
     * large ones in chunks, and an interrupted upload resumes from the offset the registry reports.
     */
    async uploadBlob(repo, blob, open, session) {
        const chunk = this.opts.chunkSize ?? DEFAULT_CHUNK;
        let location = session ?? (await this.startUpload(repo));
        let offset = 0;
        let mismatches = 0;
        let slow = 0;
        for (let recoveries = 0;; recoveries++) {
            try {
                if (blob.size <= chunk) {
                    await this.putWhole(repo, blob, location, open);
                    return;
                }
                location = await this.putChunks(repo, blob, location, offset, chunk, open);
                return;
            }
            catch (e) {
                // A registry's verdict on the bytes (DIGEST_INVALID, SIZE_INVALID, DENIED…) is final.
                const status = e instanceof registry_errors/* RegistryError */.gl ? e.status : undefined;
                if (e instanceof registry_errors/* RegistryError */.gl && e.code === DIGEST_MISMATCH && ++mismatches > 1)
                    throw new registry_errors/* RegistryError */.gl(`blob ${blob.digest} came from its source with the right size but other bytes, twice: the source serves corrupt data for it (${e.message}); nothing was tagged`, undefined, DIGEST_MISMATCH);
                if (e instanceof registry_errors/* RegistryError */.gl && e.code !== undefined && TOO_SLOW.has(e.code) && ++slow > 1)
                    throw new registry_errors/* RegistryError */.gl(`${e.message} (twice for blob ${blob.digest}; imagegate stops trying it)`, undefined, e.code);
                if (recoveries >= UPLOAD_RECOVERIES ||
                    (status !== undefined && status < 500 && status !== 408 && status !== 429 && status !== 404))
                    throw e;
                const resumed = await this.uploadOffset(repo, location);
                if (resumed === undefined || blob.size <= chunk) {
                    location = await this.startUpload(repo);
                    offset = 0;
                }
                else {
                    offset = resumed;
                }
                await (0,retry/* delay */.cb)(Math.min(2000, 100 * 2 ** recoveries));
            }
        }
    }
    /** Makes sure a small blob is in the repository: one HEAD when it is, else a monolithic upload. */
    async putSmallBlob(repo, bytes, opts = {}) {
        const digest = (0,oci_digest/* sha256Digest */.sI)(bytes);
        if (this.facts.hasBlob(repo, digest))
            return digest;
        if (!opts.missing && (await this.headBlob(repo, digest))) {
            this.facts.rememberBlob(repo, digest);
            return digest;
        }
        const what = `POST blob ${at(repo, digest)}`;
        const res = await this.send(repo, {
            method: 'POST',
            path: `${repositoryPath(repo, what)}/blobs/uploads/?digest=${encodeURIComponent(digest)}`,
            headers: { 'content-type': 'application/octet-stream' },
            body: bytes
        }, ['pull', 'push']);
        if (res.status === 202) {
            // This registry does not take a monolithic POST: finish through the session it opened.
            const put = await this.finishUpload(repo, uploadLocation(repo, res, what), digest, bytes);
            expectStatus(put, [201], `PUT blob ${at(repo, digest)}`);
            this.facts.rememberBlob(repo, digest);
            return digest;
        }
        expectStatus(res, [201], what);
        this.facts.rememberBlob(repo, digest);
        return digest;
    }
    async startUpload(repo) {
        const what = `POST upload ${repo.registry}/${repo.repository}`;
        const res = await this.send(repo, { method: 'POST', path: `${repositoryPath(repo, what)}/blobs/uploads/`, headers: { 'content-length': '0' } }, ['pull', 'push']);
        expectStatus(res, [202], what);
        return uploadLocation(repo, res, what);
    }
    async putWhole(repo, blob, location, open) {
        const res = await this.send(repo, {
            method: 'PUT',
            path: withQuery(location, 'digest', blob.digest),
            headers: { 'content-type': 'application/octet-stream' },
            body: () => open(0),
            bodyLength: blob.size,
            noRetry: true
        }, ['pull', 'push']);
        expectStatus(res, [201], `PUT blob ${at(repo, blob.digest)}`);
        checkBlobDigest(res, repo, blob);
    }
    async putChunks(repo, blob, location, from, chunk, open) {
        let offset = from;
        let url = location;
        const source = await open(offset);
        const reader = chunkReader(source);
        while (offset < blob.size) {
            const length = Math.min(chunk, blob.size - offset);
            const bytes = await reader(length);
            const res = await this.send(repo, {
                method: 'PATCH',
                path: url,
                headers: { 'content-type': 'application/octet-stream', 'content-range': `${offset}-${offset + length - 1}` },
                body: bytes,
                noRetry: true
            }, ['pull', 'push']);
            const what = `PATCH blob ${at(repo, blob.digest)} at ${offset}`;
            expectStatus(res, [202], what);
            if (header(res, 'location'))
                url = uploadLocation(repo, res, what);
            offset += length;
        }
        source.destroy();
        const res = await this.send(repo, { method: 'PUT', path: withQuery(url, 'digest', blob.digest), headers: { 'content-length': '0' }, noRetry: true }, ['pull', 'push']);
        expectStatus(res, [201], `PUT blob ${at(repo, blob.digest)}`);
        checkBlobDigest(res, repo, blob);
        return url;
    }
    /** How many bytes of an upload session the registry holds, or undefined if the session is gone. */
    async uploadOffset(repo, location) {
        const res = await this.send(repo, { method: 'GET', path: location }, ['pull', 'push']).catch(() => undefined);
        if (!res || res.status !== 204)
            return undefined;
        const range = /^(?:bytes=)?0-(\d+)$/.exec(header(res, 'range') ?? '');
        return range ? Number(range[1]) + 1 : 0;
    }
    async deleteManifest(repo, reference) {
        const what = `DELETE manifest ${at(repo, reference)}`;
        return this.send(repo, { method: 'DELETE', path: manifestPath(repo, reference, what), noRetry: false }, [
            'pull',
            'push',
            'delete'
        ]);
    }
    /**
     * Every tag of a repository, page by page (`Link: <…>; rel="next"`). A next page must be on the
     * registry and the same tag list, and not one already read; at most MAX_TAG_PAGES pages.
     */
    async listTags(repo) {
        const what = `list tags of ${repo.registry}/${repo.repository}`;
        const tags = [];
        const read = new Set();
        let path = `${repositoryPath(repo, what)}/tags/list?n=1000`;
        for (let page = 1; path; page++) {
            if (page > MAX_TAG_PAGES)
                throw new registry_errors/* RegistryError */.gl(`${what}: the registry links to more than ${MAX_TAG_PAGES} pages; imagegate stops there (is it paging in a loop?)`);
            const res = await this.send(repo, { method: 'GET', path, maxBody: { bytes: body/* BODY_LIMITS */.Mu.tagPage, what: 'a tag list page' } }, ['pull']);
            if (res.status === 404 && page === 1)
                return tags;
            expectStatus(res, [200], what);
            read.add(res.url.toString());
            tags.push(...tagsOf(res, what));
            path = nextPage(res, read, what);
        }
        return tags;
    }
    /** A small JSON blob (an image config: at most BODY_LIMITS.config), verified against its descriptor, as an object. */
    async getJsonBlob(repo, blob) {
        const what = `GET blob ${at(repo, blob.digest)}`;
        const path = blobPath(repo, blob.digest, what);
        if (blob.size > body/* BODY_LIMITS */.Mu.config)
            throw new registry_errors/* RegistryError */.gl(`${what}: its descriptor says ${blob.size} bytes, more than the ${(0,body/* formatSize */.Xq)(body/* BODY_LIMITS */.Mu.config)} imagegate reads for a JSON blob such as an image config; refusing to fetch it`);
        const chunks = [];
        let length = 0;
        try {
            const stream = await this.getBlob(repo, blob);
            for await (const chunk of stream) {
                chunks.push(chunk);
                length += chunk.length;
                if (length > blob.size) {
                    stream.destroy();
                    throw new Error(`the registry sent more than the ${blob.size} bytes its descriptor says`);
                }
            }
        }
        catch (e) {
            if (e instanceof registry_errors/* RegistryError */.gl || e instanceof errors/* UsageError */.eb)
                throw e;
            const code = e.code;
            throw new registry_errors/* RegistryError */.gl(`${what} failed: ${e.message}`, undefined, typeof code === 'string' ? code : undefined);
        }
        const doc = (0,body/* parseJsonObject */.dw)(Buffer.concat(chunks));
        if (!doc.ok)
            throw new registry_errors/* RegistryError */.gl(`${what}: ${repo.registry}${path} holds ${doc.error}`);
        return doc.value;
    }
    send(repo, req, actions) {
        return this.transport.send({ registry: repo.registry, scope: { repository: repo.repository, actions }, ...req });
    }
}
/** A manifest PUT the registry refused because a blob it names is not in the repository. */
function blobUnknown(e) {
    return (e instanceof registry_errors/* RegistryError */.gl && e.status === 400 && (e.code === 'MANIFEST_BLOB_UNKNOWN' || e.code === 'BLOB_UNKNOWN'));
}
function expectStatus(res, ok, what) {
    if (ok.includes(res.status))
        return;
    res.stream?.resume();
    throw new registry_errors/* RegistryError */.gl(`${what} answered ${res.status}${(0,registry_errors/* errorDetail */.m2)(res.body)}`, res.status, (0,registry_errors/* ociError */.Yd)(res.body).code);
}
/** `/v2/<name>`, once the registry host and the repository name pass the distribution grammar. */
function repositoryPath(repo, what) {
    const name = `${repo.registry}/${repo.repository}`;
    let problem;
    if (!(0,oci_reference/* isValidRegistryHost */.wv)(repo.registry))
        problem = `\`${repo.registry}\` is not a registry host[:port]`;
    else {
        const path = (0,oci_reference/* parseRepositoryPath */.XU)(repo.repository);
        if (!path.ok)
            problem = `\`${name}\` is not a repository name: ${path.error}`;
        else if (name.length > oci_reference/* NAME_MAX_LENGTH */.aC)
            problem = `\`${name}\` is ${name.length} characters long; a repository name has at most ${oci_reference/* NAME_MAX_LENGTH */.aC}`;
    }
    if (problem)
        throw new errors/* UsageError */.eb(`refusing ${what}: ${problem}; nothing was sent to the registry`);
    return `/v2/${repo.repository.split('/').map(segment).join('/')}`;
}
/** `/v2/<name>/manifests/<tag or digest>`, once both pass the grammar. */
function manifestPath(repo, reference, what) {
    const base = repositoryPath(repo, what);
    const problem = reference.includes(':')
        ? (0,oci_digest/* digestProblem */.WQ)(reference)
        : (0,oci_reference/* isValidTag */.r_)(reference)
            ? undefined
            : `invalid tag \`${reference}\`: ${(0,oci_reference/* explainInvalidTag */.$N)(reference)}`;
    if (problem)
        throw new errors/* UsageError */.eb(`refusing ${what}: ${problem}; nothing was sent to the registry`);
    return `${base}/manifests/${segment(reference)}`;
}
/** `/v2/<name>/blobs/<digest>`, once both pass the grammar. */
function blobPath(repo, digest, what) {
    const base = repositoryPath(repo, what);
    const problem = (0,oci_digest/* digestProblem */.WQ)(digest);
    if (problem)
        throw new errors/* UsageError */.eb(`refusing ${what}: ${problem}; nothing was sent to the registry`);
    return `${base}/blobs/${segment(digest)}`;
}
/** One path segment, percent-encoded (a no-op for names that passed the grammar; `:` stays as digests write it). */
function segment(text) {
    return encodeURIComponent(text).replace(/%3A/gi, ':');
}
/**
 * The upload session URL a registry answered with, resolved against the request: it must be on
 * the registry (same scheme, host and port) and inside this repository's uploads.
 */
function uploadLocation(repo, res, what) {
    const location = header(res, 'location');
    if (!location)
        throw new registry_errors/* RegistryError */.gl(`${what}: ${repo.registry} started an upload without a Location`);
    const url = resolveUrl(location, res, `${what}: the upload Location`);
    if (url.origin !== res.url.origin)
        throw new registry_errors/* RegistryError */.gl(`${what}: ${repo.registry} answered with an upload Location on ${url.origin}, not on the registry (${res.url.origin}); refusing to send the blob there`);
    const uploads = `${repositoryPath(repo, what)}/blobs/uploads/`;
    if (!url.pathname.startsWith(uploads))
        throw new registry_errors/* RegistryError */.gl(`${what}: ${repo.registry} answered with an upload Location outside ${uploads} (${(0,body/* printable */.g$)(url.pathname)}); refusing to send the blob there`);
    return url.toString();
}
function resolveUrl(location, res, what) {
    try {
        return new URL(location, res.url);
    }
    catch {
        throw new registry_errors/* RegistryError */.gl(`${what} \`${(0,body/* printable */.g$)(location)}\` from ${res.url.host} is not a URL`);
    }
}
/** The tags of one tag list page, each a valid tag. */
function tagsOf(res, what) {
    const doc = (0,body/* parseJsonObject */.dw)(res.body);
    if (!doc.ok)
        throw new registry_errors/* RegistryError */.gl(`${what}: ${urlOf(res)} served a tag list that is ${doc.error}`);
    const tags = doc.value.tags ?? [];
    if (!Array.isArray(tags))
        throw new registry_errors/* RegistryError */.gl(`${what}: ${urlOf(res)} served a tag list whose \`tags\` is not a list`);
    for (const tag of tags)
        if (typeof tag !== 'string' || !(0,oci_reference/* isValidTag */.r_)(tag))
            throw new registry_errors/* RegistryError */.gl(`${what}: ${urlOf(res)} lists \`${(0,body/* printable */.g$)(String(tag))}\`, which is not a valid tag; refusing the list`);
    return tags;
}
/** The next page of a tag list, if the registry links one: on the registry, the same list, never a page already read. */
function nextPage(res, read, what) {
    const link = nextLink(header(res, 'link'));
    if (link === undefined)
        return undefined;
    const next = resolveUrl(link, res, `${what}: the next page`);
    if (next.origin !== res.url.origin)
        throw new registry_errors/* RegistryError */.gl(`${what}: the registry's Link: next points at another host (${next.origin}); refusing to follow it`);
    if (next.pathname !== res.url.pathname)
        throw new registry_errors/* RegistryError */.gl(`${what}: the registry's Link: next points outside this list (${(0,body/* printable */.g$)(next.pathname)}); refusing to follow it`);
    if (read.has(next.toString()))
        throw new registry_errors/* RegistryError */.gl(`${what}: the registry's Link: next points back at ${next.pathname}${next.search}, a page already read (a cycle); refusing to loop`);
    return next.toString();
}
/** The target of the `rel="next"` link of a Link header (RFC 8288: several links, quoted or bare, space-separated rel values). */
function nextLink(value) {
    for (const m of (value ?? '').matchAll(/<([^>]*)>([^<]*)/g)) {
        const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(m[2] ?? '');
        if (rel && (rel[1] ?? rel[2] ?? '').toLowerCase().split(/\s+/).includes('next'))
            return m[1];
    }
    return undefined;
}
/** Why a JSON document is not a manifest or index imagegate can read (descriptors included), or undefined. */
function manifestProblem(doc) {
    if (doc.manifests === undefined && doc.config === undefined)
        return 'it has neither `manifests` nor `config`';
    const list = (value, field) => {
        if (value === undefined)
            return undefined;
        if (!Array.isArray(value))
            return `\`${field}\` is not a list`;
        for (const [i, d] of value.entries()) {
            const problem = descriptorProblem(d, `${field}[${i}]`);
            if (problem)
                return problem;
        }
        return undefined;
    };
    const one = (value, field) => value === undefined ? undefined : descriptorProblem(value, field);
    return (list(doc.manifests, 'manifests') ??
        one(doc.config, 'config') ??
        list(doc.layers, 'layers') ??
        one(doc.subject, 'subject'));
}
function descriptorProblem(d, field) {
    if (d === null || typeof d !== 'object' || Array.isArray(d))
        return `\`${field}\` is not a descriptor`;
    const { digest, size } = d;
    if (typeof digest !== 'string')
        return `\`${field}.digest\` is missing`;
    const problem = (0,oci_digest/* digestProblem */.WQ)(digest);
    if (problem)
        return `\`${field}.digest\`: ${(0,body/* printable */.g$)(problem)}`;
    if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0)
        return `\`${field}.size\` is not a size`;
    return undefined;
}
/** The URL a response came from, without its query, for messages. */
function urlOf(res) {
    return `${res.url.origin}${res.url.pathname}`;
}
/** The value, or undefined when computing it throws. */
function attempt(f) {
    try {
        return f();
    }
    catch {
        return undefined;
    }
}
function checkBlobDigest(res, repo, blob) {
    const confirmed = header(res, 'docker-content-digest');
    if (confirmed && confirmed !== blob.digest)
        throw new registry_errors/* RegistryError */.gl(`${repo.registry}/${repo.repository} stored blob ${confirmed}, expected ${blob.digest}`);
}
function header(res, name) {
    const v = res.headers[name];
    return Array.isArray(v) ? v[0] : v;
}
function at(repo, reference) {
    return `${repo.registry}/${repo.repository}${reference.includes(':') ? '@' : ':'}${reference}`;
}
function withQuery(location, key, value) {
    return `${location}${location.includes('?') ? '&' : '?'}${key}=${encodeURIComponent(value)}`;
}
/** Passes bytes through and fails at the end unless they have the descriptor's size and digest. */
function verifier(blob) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    let size = 0;
    return new external_node_stream_.Transform({
        transform(chunk, _enc, done) {
            hash.update(chunk);
            size += chunk.length;
            done(null, chunk);
        },
        flush(done) {
            const digest = `sha256:${hash.digest('hex')}`;
            if (size !== blob.size || digest !== blob.digest) {
                // A short body is the network's doing; the right length with other bytes is the source's.
                done(Object.assign(new Error(`blob ${blob.digest} arrived as ${size} bytes hashing to ${digest}`), {
                    code: size === blob.size ? DIGEST_MISMATCH : 'ERR_SHORT_BODY'
                }));
                return;
            }
            done();
        }
    });
}
/** Reads exactly `n` bytes at a time from a stream (chunks are joined once per read, not per arrival). */
function chunkReader(stream) {
    const pending = [];
    let length = 0;
    let ended = false;
    let failure;
    stream.on('end', () => void (ended = true));
    stream.on('error', e => void (failure = e));
    return async (n) => {
        while (length < n) {
            if (failure)
                throw failure;
            const chunk = stream.read();
            if (chunk) {
                pending.push(chunk);
                length += chunk.length;
                continue;
            }
            if (ended)
                throw Object.assign(new Error(`source ended after ${length} of ${n} bytes`), { code: 'ERR_SHORT_BODY' });
            await new Promise(resolve => {
                const wake = () => {
                    stream.off('readable', wake);
                    stream.off('end', wake);
                    stream.off('error', wake);
                    resolve();
                };
                stream.on('readable', wake);
                stream.on('end', wake);
                stream.on('error', wake);
            });
        }
        const all = pending.length === 1 ? pending[0] : Buffer.concat(pending, length);
        pending.length = 0;
        const rest = all.subarray(n);
        if (rest.length)
            pending.push(rest);
        length = rest.length;
        return all.subarray(0, n);
    };
}

// EXTERNAL MODULE: ./src/registry/credentials.ts
var registry_credentials = __webpack_require__(3653);
// EXTERNAL MODULE: ./src/registry/transport.ts + 3 modules
var registry_transport = __webpack_require__(5667);
;// CONCATENATED MODULE: ./src/compose/connect.ts
// A run's connection: the credential store, the registry transport and client, cosign, and the
// docker session with its engines, built once per run in the scope the run's trust allows.










function connect({ env, log, exec, temp, installer, binfmtDir }, scope) {
    // An anonymous run reads neither the explicit login nor docker's config: no credential exists for it.
    const credentials = new registry_credentials/* CredentialStore */.L5({
        ...(scope.anonymous
            ? {}
            : {
                login: env.login,
                hostLogins: env.hostLogins ?? (0,registry_credentials/* environmentHostLogins */.UQ)(env.variables, scope.explicitHosts),
                dockerConfigDir: env.dockerConfigDir
            }),
        explicitHosts: scope.anonymous ? [] : scope.explicitHosts,
        path: env.path,
        exec
    });
    credentials.secrets().forEach(secret => log.mask(secret));
    const transport = new registry_transport/* RegistryTransport */.F7({
        credentials,
        onSecret: secret => log.mask(secret),
        userAgent: 'imagegate',
        trustedRealms: env.trustedRealms
    });
    const registry = new RegistryClient(transport);
    let session;
    const engines = new Map();
    const openEngine = async (buildxBuilder) => {
        session ??= dockerSession({
            exec,
            temp,
            userConfigDir: env.dockerConfigDir,
            logins: credentials.logins(),
            credentials: !scope.anonymous,
            source: credentials.loginSettings()
        });
        const { docker, configDir } = await session;
        await docker.requireEngine();
        if (buildxBuilder)
            await docker.requireBuilder(buildxBuilder);
        return new DockerEngine({
            docker,
            log,
            dockerfile: new DockerfileBuilder({
                docker,
                log,
                temp,
                variable: name => env.variables[name],
                githubCache: env.githubCache,
                ...(scope.environmentSecrets ? { secretsRefused: scope.environmentSecrets.refused } : {}),
                ...(scope.anonymous ? { credentialNote: scope.anonymous.why } : {}),
                ...(env.sourceDateEpoch !== undefined ? { sourceDateEpoch: env.sourceDateEpoch } : {}),
                ...(buildxBuilder ? { builder: buildxBuilder } : {})
            }),
            buildpacks: new BuildpacksBuilder({
                exec,
                docker,
                log,
                temp,
                client: registry,
                credentials,
                installer,
                buildRegistry: env.buildRegistry,
                ...(configDir ? { dockerConfigDir: configDir } : {})
            }),
            tests: new TestRunner({
                docker,
                log,
                temp,
                ...(binfmtDir ? { binfmtDir } : {}),
                ...(env.variables['DOCKER_HOST'] ? { dockerHost: env.variables['DOCKER_HOST'] } : {})
            })
        });
    };
    return {
        registry,
        stats: transport.stats,
        signer: new CosignSigner({
            exec,
            temp,
            credentials,
            keyless: keylessIdentityOf(env.variables),
            ...(env.variables.COSIGN_PASSWORD !== undefined ? { cosignPassword: env.variables.COSIGN_PASSWORD } : {})
        }),
        engine: ({ buildxBuilder }) => {
            const key = buildxBuilder ?? '';
            let engine = engines.get(key);
            if (!engine) {
                engine = openEngine(buildxBuilder);
                engines.set(key, engine);
                // A failed preflight (no engine, a bad login) is not kept: a retry asks again.
                engine.catch(() => engines.delete(key));
            }
            return engine;
        },
        async close() {
            transport.close();
            if (session)
                await (await session.catch(() => undefined))?.close();
        }
    };
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


/***/ })

};
