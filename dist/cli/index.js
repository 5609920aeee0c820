#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 486:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8990);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(311);


process.exitCode = await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .main */ .i)(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdout: text => void process.stdout.write(text),
    stderr: text => void process.stderr.write(text),
    version: _version_js__WEBPACK_IMPORTED_MODULE_1__/* .VERSION */ .x
});

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 8990:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  i: () => (/* binding */ main)
});

// UNUSED EXPORTS: DEFAULT_PARALLEL

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./src/core/builder.ts
// The one interface every way of building sits behind (buildx today, buildpacks next), so check,
// gate and promote do not care which built the image.
/** Local names never leave the engine: this registry host does not exist. */
const LOCAL_REGISTRY = 'imagegate.local';
/** This run's local tag for an image: FROM resolves a tag locally (a digest would go to a registry). */
function localTagFor(name, runId) {
    return `${LOCAL_REGISTRY}/${name}:run-${runId}`;
}

;// CONCATENATED MODULE: ./src/core/config/hosts.ts
/** The registry hosts a configuration writes to: the final registry and, if set, the intermediate one. */
function registryHosts(config) {
    const prefixes = [config.registry, ...(config.staging.kind === 'registry' ? [config.staging.registry] : [])];
    return [...new Set(prefixes.map(prefix => prefix.split('/')[0]))];
}

;// CONCATENATED MODULE: ./src/core/errors.ts
// Exit codes are a contract (README): 0 success, 1 a test failed or promotion was refused,
// 2 configuration or usage error, 3 infrastructure error (engine, registry, tool missing).
const EXIT = { ok: 0, failed: 1, usage: 2, infrastructure: 3 };
class ImagegateError extends Error {
    exitCode;
    constructor(message, exitCode) {
        super(message);
        this.exitCode = exitCode;
        this.name = new.target.name;
    }
}
/** A bad flag, configuration or combination of them: fix the input and run again. */
class UsageError extends ImagegateError {
    constructor(message) {
        super(message, EXIT.usage);
    }
}
/** Configuration errors, each already formatted as `FILE:LINE:COL: message`. */
class ConfigError extends ImagegateError {
    lines;
    constructor(lines) {
        super(lines.join('\n'), EXIT.usage);
        this.lines = lines;
    }
}
/** Something outside imagegate failed or is missing: the engine, a registry, a tool. */
class InfrastructureError extends ImagegateError {
    constructor(message) {
        super(message, EXIT.infrastructure);
    }
}
/** A test failed inside the image, or a promotion was refused for a stated reason. */
class FailedError extends ImagegateError {
    constructor(message) {
        super(message, EXIT.failed);
    }
}

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

;// CONCATENATED MODULE: ./src/core/reference.ts
// Image references after the distribution reference grammar
// (github.com/distribution/reference, reference.go): name [":" tag] ["@" digest].
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN_NAME = `${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*`;
const IPV6 = '\\[(?:[a-fA-F0-9:]+)\\]';
const DOMAIN = `(?:${DOMAIN_NAME}|${IPV6})(?::[0-9]+)?`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const DOMAIN_RE = new RegExp(`^${DOMAIN}$`);
const PATH_COMPONENT_RE = new RegExp(`^${PATH_COMPONENT}$`);
const TAG_RE = new RegExp(`^${TAG}$`);
const DIGEST_RE = new RegExp(`^${DIGEST}$`);
const SHA256_RE = /^sha256:[0-9a-f]{64}$/;
const NAME_MAX = 255;
/** True when the first path component names a registry host, as docker decides it. */
function looksLikeRegistryHost(component) {
    return component === 'localhost' || component.includes('.') || component.includes(':') || /[A-Z]/.test(component);
}
function isValidTag(tag) {
    return TAG_RE.test(tag);
}
function isValidDigest(digest) {
    return DIGEST_RE.test(digest);
}
function isSha256Digest(digest) {
    return SHA256_RE.test(digest);
}
function explainInvalidTag(tag) {
    if (tag.length === 0)
        return 'a tag cannot be empty';
    if (tag.length > 128)
        return `a tag is at most 128 characters; this one has ${tag.length}`;
    if (!/^\w/.test(tag))
        return `a tag must start with a letter, digit or underscore, not \`${tag[0]}\``;
    const bad = [...tag].find(c => !/[\w.-]/.test(c));
    return `a tag may hold only letters, digits, \`_\`, \`.\` and \`-\`; \`${bad ?? '?'}\` is not allowed`;
}
/** Parses a repository path such as `acme/web` (no registry, tag or digest). */
function parseRepositoryPath(path) {
    if (path.length === 0)
        return { ok: false, error: 'the repository path is empty' };
    for (const component of path.split('/')) {
        if (!PATH_COMPONENT_RE.test(component)) {
            if (/[A-Z]/.test(component)) {
                return {
                    ok: false,
                    error: `repository names must be lowercase: \`${component}\` → \`${component.toLowerCase()}\``
                };
            }
            return {
                ok: false,
                error: `\`${component || '(empty)'}\` is not a valid path component (lowercase letters and digits, joined by \`.\`, \`_\`, \`__\` or \`-\`)`
            };
        }
    }
    return { ok: true, value: path };
}
/**
 * Parses `registry/path[:tag][@digest]`. A registry host is required: imagegate never guesses
 * Docker Hub, so `acme/web` is refused with the fix `docker.io/acme/web`.
 */
function parseReference(text) {
    let rest = text.trim();
    if (rest !== text)
        return { ok: false, error: 'remove the surrounding spaces' };
    if (rest.length === 0)
        return { ok: false, error: 'the reference is empty' };
    if (rest.includes('://'))
        return { ok: false, error: 'write a reference without a URL scheme (no `https://`)' };
    let digest;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (!isValidDigest(digest))
            return { ok: false, error: `\`${digest}\` is not a digest (expected \`sha256:\` and 64 hex digits)` };
    }
    let tag;
    const lastSlash = rest.lastIndexOf('/');
    const colon = rest.indexOf(':', lastSlash + 1);
    if (colon >= 0) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
        if (!isValidTag(tag))
            return { ok: false, error: `invalid tag \`${tag}\`: ${explainInvalidTag(tag)}` };
    }
    const slash = rest.indexOf('/');
    const first = slash >= 0 ? rest.slice(0, slash) : rest;
    if (slash < 0 || !looksLikeRegistryHost(first)) {
        return {
            ok: false,
            error: `\`${text}\` names no registry host; write it in full, e.g. \`docker.io/${rest}\` or \`ghcr.io/${rest}\``
        };
    }
    if (!DOMAIN_RE.test(first))
        return { ok: false, error: `\`${first}\` is not a valid registry host[:port]` };
    const path = parseRepositoryPath(rest.slice(slash + 1));
    if (!path.ok)
        return path;
    if (rest.length > NAME_MAX)
        return { ok: false, error: `the repository name is ${rest.length} characters; at most ${NAME_MAX} are allowed` };
    const ref = { registry: first, repository: path.value };
    if (tag !== undefined)
        ref.tag = tag;
    if (digest !== undefined)
        ref.digest = digest;
    return { ok: true, value: ref };
}
function formatReference(ref) {
    return `${ref.registry}/${ref.repository}${ref.tag !== undefined ? `:${ref.tag}` : ''}${ref.digest !== undefined ? `@${ref.digest}` : ''}`;
}
/** Turns any branch name into a valid tag: invalid characters become `-`, trimmed to 128. */
function sanitizeTag(text) {
    let tag = text.replace(/[^\w.-]+/g, '-');
    if (!/^\w/.test(tag))
        tag = `_${tag.replace(/^[.-]+/, '')}`;
    return tag.slice(0, 128);
}

;// CONCATENATED MODULE: ./src/core/suggest.ts
/** The closest candidate to a misspelt word, if one is close enough to be what was meant. */
function closest(word, candidates) {
    let best;
    let bestDistance = Infinity;
    const lower = word.toLowerCase();
    for (const candidate of candidates) {
        const d = distance(lower, candidate.toLowerCase());
        if (d < bestDistance) {
            best = candidate;
            bestDistance = d;
        }
    }
    const limit = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
    return bestDistance <= limit ? best : undefined;
}
/** Optimal string alignment distance: Levenshtein plus adjacent transpositions. */
function distance(a, b) {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++)
        d[0][j] = j;
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                v = Math.min(v, d[i - 2][j - 2] + 1);
            d[i][j] = v;
        }
    }
    return d[a.length][b.length];
}

;// CONCATENATED MODULE: ./src/core/tags.ts
// Tag templates such as `{{version}}` or `sha-{{short_sha}}`: parsing, rendering and which
// scenario publishes them.


const RELEASE_VARIABLES = ['tag', 'version', 'major', 'minor', 'patch', 'prerelease'];
const TEMPLATE_VARIABLES = ['sha', 'short_sha', 'branch', ...RELEASE_VARIABLES];
const SAMPLE = {
    sha: '0123456789abcdef0123456789abcdef01234567',
    short_sha: '0123456',
    branch: 'main',
    tag: 'v1.2.3',
    version: '1.2.3',
    major: '1',
    minor: '2',
    patch: '3',
    prerelease: 'rc.1'
};
function parseTagTemplate(source) {
    const parts = [];
    const re = /\{\{\s*([^{}]*?)\s*\}\}/g;
    let last = 0;
    for (let m = re.exec(source); m; m = re.exec(source)) {
        if (m.index > last)
            parts.push({ text: source.slice(last, m.index) });
        const name = m[1] ?? '';
        if (!TEMPLATE_VARIABLES.includes(name)) {
            const guess = closest(name.replace(/[-.]/g, '_'), TEMPLATE_VARIABLES);
            const hint = guess
                ? `did you mean \`{{${guess}}}\`?`
                : `known: ${TEMPLATE_VARIABLES.map(v => `{{${v}}}`).join(', ')}`;
            return { ok: false, error: `unknown template variable \`{{${name}}}\` in \`${source}\`; ${hint}` };
        }
        parts.push({ variable: name });
        last = re.lastIndex;
    }
    if (last < source.length)
        parts.push({ text: source.slice(last) });
    const stray = parts.find(p => 'text' in p && /[{}]/.test(p.text));
    if (stray)
        return { ok: false, error: `unbalanced braces in \`${source}\`; variables are written \`{{name}}\`` };
    const template = { source, parts, variables: parts.flatMap(p => ('variable' in p ? [p.variable] : [])) };
    const sample = renderWith(template, SAMPLE);
    if (!isValidTag(sample))
        return { ok: false, error: `\`${source}\` cannot make a valid tag: ${explainInvalidTag(sample)}` };
    return { ok: true, value: template };
}
/** Scenarios that publish a template when the configuration does not say: release variables → release. */
function defaultTagScenarios(template) {
    return template.variables.some(v => RELEASE_VARIABLES.includes(v)) ? ['release'] : ['promote'];
}
function parseSemverTag(tag) {
    const m = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z.-]+)?$/.exec(tag);
    if (!m)
        return undefined;
    const [, major = '', minor = '', patch = '', prerelease] = m;
    const version = `${major}.${minor}.${patch}${prerelease ? `-${prerelease}` : ''}`;
    return prerelease ? { major, minor, patch, prerelease, version } : { major, minor, patch, version };
}
/** Renders a template from git values; a template that cannot apply says why it was skipped. */
function renderTagTemplate(template, git) {
    const semver = git.tag !== undefined ? parseSemverTag(git.tag) : undefined;
    const values = {};
    if (git.sha)
        Object.assign(values, { sha: git.sha, short_sha: git.sha.slice(0, 7) });
    if (git.branch)
        values.branch = sanitizeTag(git.branch);
    if (git.tag)
        values.tag = sanitizeTag(git.tag);
    if (semver)
        Object.assign(values, semver);
    for (const variable of template.variables) {
        if (values[variable] !== undefined)
            continue;
        return { ok: false, skipped: missingReason(variable, git) };
    }
    if (semver?.prerelease && isStableAlias(template)) {
        return { ok: false, skipped: `\`${template.source}\` is not moved by prerelease ${semver.version}` };
    }
    return { ok: true, tag: renderWith(template, values) };
}
function isStableAlias(template) {
    const v = template.variables;
    return ((v.includes('major') || v.includes('minor')) &&
        !v.some(x => x === 'patch' || x === 'version' || x === 'prerelease' || x === 'tag'));
}
function missingReason(variable, git) {
    if (variable === 'sha' || variable === 'short_sha')
        return 'no commit is known';
    if (variable === 'branch')
        return 'no branch is known (detached HEAD or tag)';
    if (variable === 'tag')
        return 'no git tag is being released';
    if (git.tag === undefined)
        return 'no git tag is being released';
    if (variable === 'prerelease')
        return `${git.tag} is not a prerelease`;
    return `git tag \`${git.tag}\` is not a semantic version (vMAJOR.MINOR.PATCH)`;
}
function renderWith(template, values) {
    return template.parts.map(p => ('text' in p ? p.text : values[p.variable])).join('');
}

;// CONCATENATED MODULE: ./src/core/trust.ts
// Who may write where. The inference (scenario.ts) reads the event; this module adds what the event
// alone cannot say — which commit was checked out, what the workflow explicitly allowed — and refuses
// an explicit scenario that would write more than the event may:
//   - untrusted runs (forks, Dependabot, unknown events) write nothing: only `check`;
//   - a pull/merge request may reach staging (`gate`), never final or version tags;
//   - `pull_request_target` runs with the base repository's secrets: when the pull request's head is
//     checked out, it pushes only with `allow-pull-request-target-push`, and only for same-repository heads.
// The opt-in is never read from the configuration file: on these events that file comes from the
// pull request, so a pull request could grant itself the permission.
const ALLOW_PRT_INPUT = 'allow-pull-request-target-push';
const CHANGE_REQUEST_EVENTS = /^(pull_request|pull_request_target|merge_request_event(\/.*)?)$/;
function isChangeRequest(inference) {
    return CHANGE_REQUEST_EVENTS.test(inference.event);
}
/** Whether a pull_request_target run built the pull request's code rather than the base branch's. */
function checkedOutPullRequestHead(inference, opts) {
    if (opts.checkoutSha && opts.baseSha && opts.checkoutSha === opts.baseSha)
        return false;
    // Anything but the base tip (the head, a merge, an unknown commit) is treated as the pull request's code.
    return true;
}
/**
 * The inference adjusted for pull_request_target: a same-repository head with the workflow's opt-in
 * gates like a pull_request; everything else keeps `check`, with the reason saying what would allow a push.
 */
function applyTrust(inference, opts) {
    if (inference.host !== 'github' || inference.event !== 'pull_request_target')
        return inference;
    if (!checkedOutPullRequestHead(inference, opts)) {
        return {
            ...inference,
            trusted: true,
            reason: `${inference.reason}; the working tree is the base branch tip ${trust_short(opts.baseSha)}, not the pull request's code`
        };
    }
    const outsider = inference.fork || inference.bot === 'dependabot';
    if (opts.allowPullRequestTargetPush && !outsider) {
        return {
            ...inference,
            trusted: true,
            scenario: { value: 'gate', source: `env GITHUB_EVENT_NAME, ${ALLOW_PRT_INPUT}` },
            reason: `pull_request_target with the pull request's head checked out (${trust_short(opts.checkoutSha)}), ` +
                `allowed to push by \`${ALLOW_PRT_INPUT}: true\`: same-repository pull requests get gate (staging only)`
        };
    }
    const why = outsider
        ? `its head comes from ${inference.fork ? 'a fork' : 'dependabot[bot]'}, which never pushes even with \`${ALLOW_PRT_INPUT}\``
        : `set \`${ALLOW_PRT_INPUT}: true\` to let a same-repository head push to staging`;
    return {
        ...inference,
        trusted: false,
        reason: `${inference.reason}; the pull request's head is checked out (${trust_short(opts.checkoutSha)}), so nothing is pushed: ${why}`
    };
}
/**
 * Why `scenario` may not run on this event, or undefined when it may. Only explicit choices can be
 * refused: an inferred scenario is always allowed by construction.
 */
function trustRefusal(inference, scenario) {
    if (scenario.value === 'check')
        return undefined;
    if (!inference.trusted) {
        return (`scenario ${scenario.value} (${scenario.source}) is refused: this run may not write to any registry (${inference.reason}). ` +
            `Remove the override; the run then checks (build and test) without pushing`);
    }
    if (isChangeRequest(inference) && (scenario.value === 'promote' || scenario.value === 'release')) {
        return (`scenario ${scenario.value} (${scenario.source}) is refused on a ${inference.event} run: a change that is not merged yet ` +
            `may push to staging (gate) at most, never to final or version tags. ` +
            `Promotion runs on the push to the default branch after the merge, release on a version tag`);
    }
    return undefined;
}
function trust_short(sha) {
    return sha ? sha.slice(0, 12) : 'unknown commit';
}
/**
 * What a sub-action runs on this event. `gate` pushes to staging where the event may write and checks
 * elsewhere; `promote` publishes only where the event promotes or releases and otherwise does nothing.
 */
function stepScenario(step, inference) {
    const source = `components/${step}`;
    if (step === 'gate') {
        if (inference.trusted)
            return { scenario: { value: 'gate', source } };
        return { scenario: { value: 'check', source: `${source} (untrusted event: ${inference.scenario.source})` } };
    }
    const inferred = inference.scenario.value;
    if (inferred === 'promote' || inferred === 'release')
        return { scenario: { value: inferred, source } };
    return {
        skip: `${inference.reason}. The promote step publishes only on a push to the default branch (promote) or a release tag (release), so it does nothing here`
    };
}

;// CONCATENATED MODULE: ./src/core/plan.ts
// The resolved plan: which scenario runs, what each image builds, tests and writes where, and
// where every value came from. Pure: git facts and source identities are passed in.


function resolveScenario(inputs) {
    if (inputs.scenarioOverride)
        return inputs.scenarioOverride;
    if (inputs.config.scenario)
        return { value: inputs.config.scenario, source: inputs.source.where('scenario') ?? 'config' };
    return inputs.inference.scenario;
}
function buildPlan(inputs) {
    const { config, source, inference } = inputs;
    const scenario = resolveScenario(inputs);
    const git = mergeGit(inference, inputs.localGit);
    const gitValues = {};
    if (git.sha)
        gitValues.sha = git.sha.value;
    if (git.branch)
        gitValues.branch = git.branch.value;
    if (git.tag)
        gitValues.tag = git.tag.value;
    const images = buildOrder(config.images).map(image => planImage(image, inputs, scenario.value, gitValues));
    const refusal = trustRefusal(inference, scenario);
    const plan = {
        version: 1,
        config: source.file,
        scenario,
        host: inference.host,
        event: inference.event,
        reason: scenario.source === inference.scenario.source
            ? inference.reason
            : `${scenario.value} chosen by ${scenario.source}`,
        trusted: inference.trusted,
        git,
        images,
        writes: refusal
            ? []
            : images.flatMap(i => [
                ...(scenario.value === 'gate' && i.staging ? [i.staging.value] : []),
                ...i.tags.filter(t => t.published && t.ref).map(t => t.ref)
            ]),
        warnings: planWarnings(scenario, images)
    };
    if (refusal)
        plan.refusal = refusal;
    return plan;
}
/** Images in an order where every image comes after the one it depends on, file order otherwise. */
function buildOrder(images) {
    const byName = new Map(images.map(i => [i.name, i]));
    const done = new Set();
    const out = [];
    const visit = (image, depth) => {
        if (done.has(image.name) || depth > images.length)
            return;
        const base = image.dependsOn !== undefined ? byName.get(image.dependsOn) : undefined;
        if (base)
            visit(base, depth + 1);
        done.add(image.name);
        out.push(image);
    };
    images.forEach(i => visit(i, 0));
    return out;
}
function mergeGit(inference, local) {
    const out = {};
    for (const key of ['sha', 'branch', 'tag']) {
        const fromCi = inference.git[key];
        const fromLocal = local?.[key];
        if (fromCi)
            out[key] = fromCi;
        else if (fromLocal)
            out[key] = { value: fromLocal, source: 'git (local checkout)' };
    }
    return out;
}
function planImage(image, inputs, scenario, git) {
    const { config, source } = inputs;
    const at = `images[${image.index}]`;
    const from = (key, fallback = 'default') => source.where(`${at}.${key}`) ?? fallback;
    const identity = inputs.identities.get(image.name);
    const plan = {
        name: image.name,
        builder: { value: image.builder.kind, source: from('builder') },
        context: { value: image.context, source: from('context') },
        buildArgs: { value: image.buildArgs, source: from('build-args') },
        platforms: { value: image.platforms, source: from('platforms') },
        repository: {
            value: image.repository,
            source: source.where(`${at}.repository`) ?? `registry (${source.where('registry') ?? 'config'}) + name`
        },
        identity: identity && 'key' in identity
            ? { value: identity, source: 'git tree of the context + hash of the image entry' }
            : { source: 'git', error: identity?.error ?? 'not computed' },
        tests: { value: image.test.commands.length, source: from('test', 'none configured') },
        steps: [],
        tags: []
    };
    if (image.builder.kind === 'dockerfile')
        plan.containerfile = { value: image.containerfile, source: from('containerfile') };
    if (image.target !== undefined)
        plan.target = { value: image.target, source: from('target') };
    if (image.dependsOn !== undefined)
        plan.dependsOn = { value: image.dependsOn, source: from('depends-on') };
    const key = identity && 'key' in identity ? identity.key : undefined;
    if (key)
        plan.staging = stagingRef(image, config, source, key);
    plan.tags = image.tags.map((rule, i) => planTag(rule, source.where(`${at}.tags[${i}]`) ?? 'default', image.repository, scenario, git));
    plan.steps = steps(plan, scenario);
    return plan;
}
function stagingRef(image, config, source, key) {
    if (config.staging.kind === 'registry') {
        return {
            value: `${config.staging.registry}/${image.name}:${key}`,
            source: `staging.registry (${source.where('staging.registry') ?? 'config'})`
        };
    }
    const where = source.where('staging.tag-prefix');
    return {
        value: `${image.repository}:${config.staging.tagPrefix}${key}`,
        source: where ? `staging.tag-prefix (${where})` : 'staging.tag-prefix (default `staging-`)'
    };
}
function planTag(rule, where, repository, scenario, git) {
    const rendered = renderTagTemplate(rule.template, git);
    const planned = { template: rule.template.source, on: rule.on, source: where, published: false };
    if (!rendered.ok) {
        planned.skipped = rendered.skipped;
        return planned;
    }
    planned.tag = rendered.tag;
    planned.ref = `${repository}:${rendered.tag}`;
    planned.published = rule.on.includes(scenario);
    return planned;
}
function steps(plan, scenario) {
    const platforms = plan.platforms.value.join(', ');
    const build = [
        `build ${platforms}`,
        plan.tests.value
            ? `test ${plan.tests.value} command(s) on each of ${platforms}`
            : `no tests configured (add \`test:\`)`
    ];
    const staging = plan.staging?.value ?? '(staging tag needs the source identity)';
    const published = plan.tags.filter(t => t.published).map(t => t.ref);
    switch (scenario) {
        case 'check':
            return [...build, 'push nothing (check)'];
        case 'gate':
            return [...build, `push the tested image to ${staging}`];
        case 'promote':
        case 'release':
            return [
                `no build: copy ${staging} by digest`,
                published.length ? `tag ${published.join(', ')}` : `no tag applies to ${scenario}`
            ];
    }
}
function planWarnings(scenario, images) {
    const warnings = [];
    for (const image of images) {
        if (image.identity.error && scenario.value !== 'check')
            warnings.push(`${image.name}: no source identity (${image.identity.error}); ${scenario.value} needs it`);
        if (image.identity.value?.dirty && scenario.value !== 'check')
            warnings.push(`${image.name}: the build context has uncommitted changes`);
    }
    return warnings;
}

;// CONCATENATED MODULE: ./src/core/platform.ts
// Platform strings as buildx and the OCI image index use them: os/arch[/variant].
const OSES = ['linux', 'windows', 'freebsd'];
const ARCH_VARIANTS = {
    amd64: ['v1', 'v2', 'v3', 'v4'],
    arm64: ['v8'],
    arm: ['v5', 'v6', 'v7'],
    '386': [],
    ppc64le: [],
    s390x: [],
    riscv64: [],
    mips64le: [],
    mips64: [],
    loong64: []
};
const ARCH_ALIASES = {
    x86_64: 'amd64',
    'x86-64': 'amd64',
    aarch64: 'arm64',
    armhf: 'arm/v7',
    armel: 'arm/v6',
    i386: '386',
    i686: '386',
    ppc64el: 'ppc64le'
};
/** The name QEMU and `uname -m` use for an architecture (binfmt handler names). */
const UNAME_MACHINE = {
    amd64: 'x86_64',
    arm64: 'aarch64',
    arm: 'arm',
    '386': 'i386',
    ppc64le: 'ppc64le',
    s390x: 's390x',
    riscv64: 'riscv64',
    mips64le: 'mips64el',
    mips64: 'mips64',
    loong64: 'loongarch64'
};
function parsePlatform(text) {
    const parts = text.split('/');
    const [os, arch, variant] = parts;
    if (parts.length === 1) {
        const arch1 = ARCH_ALIASES[text] ?? text;
        if (arch1 in ARCH_VARIANTS || arch1.startsWith('arm/'))
            return { ok: false, error: `\`${text}\` has no OS; write \`linux/${arch1}\`` };
        return { ok: false, error: `\`${text}\` is not a platform; write os/arch[/variant], e.g. \`linux/amd64\`` };
    }
    if (parts.length > 3 || !os || !arch)
        return { ok: false, error: `\`${text}\` is not a platform; write os/arch[/variant], e.g. \`linux/arm64\`` };
    if (!OSES.includes(os)) {
        const fix = OSES.includes(os.toLowerCase()) ? `; write \`${os.toLowerCase()}\`` : `; supported: ${OSES.join(', ')}`;
        return { ok: false, error: `unknown OS \`${os}\` in \`${text}\`${fix}` };
    }
    const alias = ARCH_ALIASES[arch];
    if (alias)
        return { ok: false, error: `\`${arch}\` is the kernel's name; the platform name is \`${os}/${alias}\`` };
    const variants = ARCH_VARIANTS[arch];
    if (!variants)
        return {
            ok: false,
            error: `unknown architecture \`${arch}\` in \`${text}\`; known: ${Object.keys(ARCH_VARIANTS).join(', ')}`
        };
    if (variant !== undefined && !variants.includes(variant)) {
        const known = variants.length ? `; ${arch} variants: ${variants.join(', ')}` : `; ${arch} has no variants`;
        return { ok: false, error: `unknown variant \`${variant}\` for ${arch}${known}` };
    }
    const platform = { os, architecture: arch };
    if (variant !== undefined)
        platform.variant = variant;
    return { ok: true, value: platform };
}
function formatPlatform(p) {
    return [p.os, p.architecture, p.variant].filter(Boolean).join('/');
}
/** Docker's normalisation: `linux/arm64/v8` and `linux/arm64` are the same platform. */
function samePlatform(a, b) {
    const norm = (p) => formatPlatform(p.architecture === 'arm64' && p.variant === 'v8' ? { os: p.os, architecture: 'arm64' } : p);
    return norm(a) === norm(b);
}
/** Compares two platform strings as platforms (`linux/arm64/v8` = `linux/arm64`). */
function samePlatformText(a, b) {
    const pa = parsePlatform(a);
    const pb = parsePlatform(b);
    return pa.ok && pb.ok ? samePlatform(pa.value, pb.value) : a === b;
}

;// CONCATENATED MODULE: ./src/core/limiter.ts
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

;// CONCATENATED MODULE: ./src/core/text.ts
/** The last non-empty line of a program's output, for one-line error messages. */
function lastLine(text) {
    return (text
        .trim()
        .split('\n')
        .reverse()
        .find(l => l.trim())
        ?.trim() ?? '');
}

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: external "string_decoder"
const external_string_decoder_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");
;// CONCATENATED MODULE: external "os"
const external_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");
;// CONCATENATED MODULE: external "events"
const external_events_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");
;// CONCATENATED MODULE: external "child_process"
const external_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");
;// CONCATENATED MODULE: external "path"
const external_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");
;// CONCATENATED MODULE: external "assert"
const external_assert_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");
;// CONCATENATED MODULE: external "fs"
const external_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io-util.js
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { chmod, copyFile, lstat, mkdir, open: io_util_open, readdir, rename, rm, rmdir, stat, symlink, unlink } = external_fs_namespaceObject.promises;
// export const {open} = 'fs'
const IS_WINDOWS = process.platform === 'win32';
/**
 * Custom implementation of readlink to ensure Windows junctions
 * maintain trailing backslash for backward compatibility with Node.js < 24
 *
 * In Node.js 20, Windows junctions (directory symlinks) always returned paths
 * with trailing backslashes. Node.js 24 removed this behavior, which breaks
 * code that relied on this format for path operations.
 *
 * This implementation restores the Node 20 behavior by adding a trailing
 * backslash to all junction results on Windows.
 */
function readlink(fsPath) {
    return __awaiter(this, void 0, void 0, function* () {
        const result = yield fs.promises.readlink(fsPath);
        // On Windows, restore Node 20 behavior: add trailing backslash to all results
        // since junctions on Windows are always directory links
        if (IS_WINDOWS && !result.endsWith('\\')) {
            return `${result}\\`;
        }
        return result;
    });
}
// See https://github.com/nodejs/node/blob/d0153aee367422d0858105abec186da4dff0a0c5/deps/uv/include/uv/win.h#L691
const UV_FS_O_EXLOCK = 0x10000000;
const READONLY = external_fs_namespaceObject.constants.O_RDONLY;
function exists(fsPath) {
    return __awaiter(this, void 0, void 0, function* () {
        try {
            yield stat(fsPath);
        }
        catch (err) {
            if (err.code === 'ENOENT') {
                return false;
            }
            throw err;
        }
        return true;
    });
}
function isDirectory(fsPath_1) {
    return __awaiter(this, arguments, void 0, function* (fsPath, useStat = false) {
        const stats = useStat ? yield stat(fsPath) : yield lstat(fsPath);
        return stats.isDirectory();
    });
}
/**
 * On OSX/Linux, true if path starts with '/'. On Windows, true for paths like:
 * \, \hello, \\hello\share, C:, and C:\hello (and corresponding alternate separator cases).
 */
function isRooted(p) {
    p = normalizeSeparators(p);
    if (!p) {
        throw new Error('isRooted() parameter "p" cannot be empty');
    }
    if (IS_WINDOWS) {
        return (p.startsWith('\\') || /^[A-Z]:/i.test(p) // e.g. \ or \hello or \\hello
        ); // e.g. C: or C:\hello
    }
    return p.startsWith('/');
}
/**
 * Best effort attempt to determine whether a file exists and is executable.
 * @param filePath    file path to check
 * @param extensions  additional file extensions to try
 * @return if file exists and is executable, returns the file path. otherwise empty string.
 */
function tryGetExecutablePath(filePath, extensions) {
    return __awaiter(this, void 0, void 0, function* () {
        let stats = undefined;
        try {
            // test file exists
            stats = yield stat(filePath);
        }
        catch (err) {
            if (err.code !== 'ENOENT') {
                // eslint-disable-next-line no-console
                console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
            }
        }
        if (stats && stats.isFile()) {
            if (IS_WINDOWS) {
                // on Windows, test for valid extension
                const upperExt = external_path_namespaceObject.extname(filePath).toUpperCase();
                if (extensions.some(validExt => validExt.toUpperCase() === upperExt)) {
                    return filePath;
                }
            }
            else {
                if (isUnixExecutable(stats)) {
                    return filePath;
                }
            }
        }
        // try each extension
        const originalFilePath = filePath;
        for (const extension of extensions) {
            filePath = originalFilePath + extension;
            stats = undefined;
            try {
                stats = yield stat(filePath);
            }
            catch (err) {
                if (err.code !== 'ENOENT') {
                    // eslint-disable-next-line no-console
                    console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
                }
            }
            if (stats && stats.isFile()) {
                if (IS_WINDOWS) {
                    // preserve the case of the actual file (since an extension was appended)
                    try {
                        const directory = external_path_namespaceObject.dirname(filePath);
                        const upperName = external_path_namespaceObject.basename(filePath).toUpperCase();
                        for (const actualName of yield readdir(directory)) {
                            if (upperName === actualName.toUpperCase()) {
                                filePath = external_path_namespaceObject.join(directory, actualName);
                                break;
                            }
                        }
                    }
                    catch (err) {
                        // eslint-disable-next-line no-console
                        console.log(`Unexpected error attempting to determine the actual case of the file '${filePath}': ${err}`);
                    }
                    return filePath;
                }
                else {
                    if (isUnixExecutable(stats)) {
                        return filePath;
                    }
                }
            }
        }
        return '';
    });
}
function normalizeSeparators(p) {
    p = p || '';
    if (IS_WINDOWS) {
        // convert slashes on Windows
        p = p.replace(/\//g, '\\');
        // remove redundant slashes
        return p.replace(/\\\\+/g, '\\');
    }
    // remove redundant slashes
    return p.replace(/\/\/+/g, '/');
}
// on Mac/Linux, test the execute bit
//     R   W  X  R  W X R W X
//   256 128 64 32 16 8 4 2 1
function isUnixExecutable(stats) {
    return ((stats.mode & 1) > 0 ||
        ((stats.mode & 8) > 0 &&
            process.getgid !== undefined &&
            stats.gid === process.getgid()) ||
        ((stats.mode & 64) > 0 &&
            process.getuid !== undefined &&
            stats.uid === process.getuid()));
}
// Get the path of cmd.exe in windows
function getCmdPath() {
    var _a;
    return (_a = process.env['COMSPEC']) !== null && _a !== void 0 ? _a : `cmd.exe`;
}
//# sourceMappingURL=io-util.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io.js
var io_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



/**
 * Copies a file or folder.
 * Based off of shelljs - https://github.com/shelljs/shelljs/blob/9237f66c52e5daa40458f94f9565e18e8132f5a6/src/cp.js
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See CopyOptions.
 */
function cp(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        const { force, recursive, copySourceDirectory } = readCopyOptions(options);
        const destStat = (yield ioUtil.exists(dest)) ? yield ioUtil.stat(dest) : null;
        // Dest is an existing file, but not forcing
        if (destStat && destStat.isFile() && !force) {
            return;
        }
        // If dest is an existing directory, should copy inside.
        const newDest = destStat && destStat.isDirectory() && copySourceDirectory
            ? path.join(dest, path.basename(source))
            : dest;
        if (!(yield ioUtil.exists(source))) {
            throw new Error(`no such file or directory: ${source}`);
        }
        const sourceStat = yield ioUtil.stat(source);
        if (sourceStat.isDirectory()) {
            if (!recursive) {
                throw new Error(`Failed to copy. ${source} is a directory, but tried to copy without recursive flag.`);
            }
            else {
                yield cpDirRecursive(source, newDest, 0, force);
            }
        }
        else {
            if (path.relative(source, newDest) === '') {
                // a file cannot be copied to itself
                throw new Error(`'${newDest}' and '${source}' are the same file`);
            }
            yield io_copyFile(source, newDest, force);
        }
    });
}
/**
 * Moves a path.
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See MoveOptions.
 */
function mv(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        if (yield ioUtil.exists(dest)) {
            let destExists = true;
            if (yield ioUtil.isDirectory(dest)) {
                // If dest is directory copy src into dest
                dest = path.join(dest, path.basename(source));
                destExists = yield ioUtil.exists(dest);
            }
            if (destExists) {
                if (options.force == null || options.force) {
                    yield rmRF(dest);
                }
                else {
                    throw new Error('Destination already exists');
                }
            }
        }
        yield mkdirP(path.dirname(dest));
        yield ioUtil.rename(source, dest);
    });
}
/**
 * Remove a path recursively with force
 *
 * @param inputPath path to remove
 */
function rmRF(inputPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (ioUtil.IS_WINDOWS) {
            // Check for invalid characters
            // https://docs.microsoft.com/en-us/windows/win32/fileio/naming-a-file
            if (/[*"<>|]/.test(inputPath)) {
                throw new Error('File path must not contain `*`, `"`, `<`, `>` or `|` on Windows');
            }
        }
        try {
            // note if path does not exist, error is silent
            yield ioUtil.rm(inputPath, {
                force: true,
                maxRetries: 3,
                recursive: true,
                retryDelay: 300
            });
        }
        catch (err) {
            throw new Error(`File was unable to be removed ${err}`);
        }
    });
}
/**
 * Make a directory.  Creates the full path with folders in between
 * Will throw if it fails
 *
 * @param   fsPath        path to create
 * @returns Promise<void>
 */
function mkdirP(fsPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        ok(fsPath, 'a path argument must be provided');
        yield ioUtil.mkdir(fsPath, { recursive: true });
    });
}
/**
 * Returns path of a tool had the tool actually been invoked.  Resolves via paths.
 * If you check and the tool does not exist, it will throw.
 *
 * @param     tool              name of the tool
 * @param     check             whether to check if tool exists
 * @returns   Promise<string>   path to tool
 */
function which(tool, check) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // recursive when check=true
        if (check) {
            const result = yield which(tool, false);
            if (!result) {
                if (IS_WINDOWS) {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file.`);
                }
                else {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.`);
                }
            }
            return result;
        }
        const matches = yield findInPath(tool);
        if (matches && matches.length > 0) {
            return matches[0];
        }
        return '';
    });
}
/**
 * Returns a list of all occurrences of the given tool on the system path.
 *
 * @returns   Promise<string[]>  the paths of the tool
 */
function findInPath(tool) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // build the list of extensions to try
        const extensions = [];
        if (IS_WINDOWS && process.env['PATHEXT']) {
            for (const extension of process.env['PATHEXT'].split(external_path_namespaceObject.delimiter)) {
                if (extension) {
                    extensions.push(extension);
                }
            }
        }
        // if it's rooted, return it if exists. otherwise return empty.
        if (isRooted(tool)) {
            const filePath = yield tryGetExecutablePath(tool, extensions);
            if (filePath) {
                return [filePath];
            }
            return [];
        }
        // if any path separators, return empty
        if (tool.includes(external_path_namespaceObject.sep)) {
            return [];
        }
        // build the list of directories
        //
        // Note, technically "where" checks the current directory on Windows. From a toolkit perspective,
        // it feels like we should not do this. Checking the current directory seems like more of a use
        // case of a shell, and the which() function exposed by the toolkit should strive for consistency
        // across platforms.
        const directories = [];
        if (process.env.PATH) {
            for (const p of process.env.PATH.split(external_path_namespaceObject.delimiter)) {
                if (p) {
                    directories.push(p);
                }
            }
        }
        // find all matches
        const matches = [];
        for (const directory of directories) {
            const filePath = yield tryGetExecutablePath(external_path_namespaceObject.join(directory, tool), extensions);
            if (filePath) {
                matches.push(filePath);
            }
        }
        return matches;
    });
}
function readCopyOptions(options) {
    const force = options.force == null ? true : options.force;
    const recursive = Boolean(options.recursive);
    const copySourceDirectory = options.copySourceDirectory == null
        ? true
        : Boolean(options.copySourceDirectory);
    return { force, recursive, copySourceDirectory };
}
function cpDirRecursive(sourceDir, destDir, currentDepth, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        // Ensure there is not a run away recursive copy
        if (currentDepth >= 255)
            return;
        currentDepth++;
        yield mkdirP(destDir);
        const files = yield ioUtil.readdir(sourceDir);
        for (const fileName of files) {
            const srcFile = `${sourceDir}/${fileName}`;
            const destFile = `${destDir}/${fileName}`;
            const srcFileStat = yield ioUtil.lstat(srcFile);
            if (srcFileStat.isDirectory()) {
                // Recurse
                yield cpDirRecursive(srcFile, destFile, currentDepth, force);
            }
            else {
                yield io_copyFile(srcFile, destFile, force);
            }
        }
        // Change the mode for the newly created directory
        yield ioUtil.chmod(destDir, (yield ioUtil.stat(sourceDir)).mode);
    });
}
// Buffered file copy
function io_copyFile(srcFile, destFile, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        if ((yield ioUtil.lstat(srcFile)).isSymbolicLink()) {
            // unlink/re-link it
            try {
                yield ioUtil.lstat(destFile);
                yield ioUtil.unlink(destFile);
            }
            catch (e) {
                // Try to override file permission
                if (e.code === 'EPERM') {
                    yield ioUtil.chmod(destFile, '0666');
                    yield ioUtil.unlink(destFile);
                }
                // other errors = it doesn't exist, no work to do
            }
            // Copy over symlink
            const symlinkFull = yield ioUtil.readlink(srcFile);
            yield ioUtil.symlink(symlinkFull, destFile, ioUtil.IS_WINDOWS ? 'junction' : null);
        }
        else if (!(yield ioUtil.exists(destFile)) || force) {
            yield ioUtil.copyFile(srcFile, destFile);
        }
    });
}
//# sourceMappingURL=io.js.map
;// CONCATENATED MODULE: external "timers"
const external_timers_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/toolrunner.js
var toolrunner_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};







/* eslint-disable @typescript-eslint/unbound-method */
const toolrunner_IS_WINDOWS = process.platform === 'win32';
/*
 * Class for running command line tools. Handles quoting and arg parsing in a platform agnostic way.
 */
class ToolRunner extends external_events_namespaceObject.EventEmitter {
    constructor(toolPath, args, options) {
        super();
        if (!toolPath) {
            throw new Error("Parameter 'toolPath' cannot be null or empty.");
        }
        this.toolPath = toolPath;
        this.args = args || [];
        this.options = options || {};
    }
    _debug(message) {
        if (this.options.listeners && this.options.listeners.debug) {
            this.options.listeners.debug(message);
        }
    }
    _getCommandString(options, noPrefix) {
        const toolPath = this._getSpawnFileName();
        const args = this._getSpawnArgs(options);
        let cmd = noPrefix ? '' : '[command]'; // omit prefix when piped to a second tool
        if (toolrunner_IS_WINDOWS) {
            // Windows + cmd file
            if (this._isCmdFile()) {
                cmd += toolPath;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows + verbatim
            else if (options.windowsVerbatimArguments) {
                cmd += `"${toolPath}"`;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows (regular)
            else {
                cmd += this._windowsQuoteCmdArg(toolPath);
                for (const a of args) {
                    cmd += ` ${this._windowsQuoteCmdArg(a)}`;
                }
            }
        }
        else {
            // OSX/Linux - this can likely be improved with some form of quoting.
            // creating processes on Unix is fundamentally different than Windows.
            // on Unix, execvp() takes an arg array.
            cmd += toolPath;
            for (const a of args) {
                cmd += ` ${a}`;
            }
        }
        return cmd;
    }
    _processLineBuffer(data, strBuffer, onLine) {
        try {
            let s = strBuffer + data.toString();
            let n = s.indexOf(external_os_namespaceObject.EOL);
            while (n > -1) {
                const line = s.substring(0, n);
                onLine(line);
                // the rest of the string ...
                s = s.substring(n + external_os_namespaceObject.EOL.length);
                n = s.indexOf(external_os_namespaceObject.EOL);
            }
            return s;
        }
        catch (err) {
            // streaming lines to console is best effort.  Don't fail a build.
            this._debug(`error processing line. Failed with error ${err}`);
            return '';
        }
    }
    _getSpawnFileName() {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                return process.env['COMSPEC'] || 'cmd.exe';
            }
        }
        return this.toolPath;
    }
    _getSpawnArgs(options) {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                let argline = `/D /S /C "${this._windowsQuoteCmdArg(this.toolPath)}`;
                for (const a of this.args) {
                    argline += ' ';
                    argline += options.windowsVerbatimArguments
                        ? a
                        : this._windowsQuoteCmdArg(a);
                }
                argline += '"';
                return [argline];
            }
        }
        return this.args;
    }
    _endsWith(str, end) {
        return str.endsWith(end);
    }
    _isCmdFile() {
        const upperToolPath = this.toolPath.toUpperCase();
        return (this._endsWith(upperToolPath, '.CMD') ||
            this._endsWith(upperToolPath, '.BAT'));
    }
    _windowsQuoteCmdArg(arg) {
        // for .exe, apply the normal quoting rules that libuv applies
        if (!this._isCmdFile()) {
            return this._uvQuoteCmdArg(arg);
        }
        // otherwise apply quoting rules specific to the cmd.exe command line parser.
        // the libuv rules are generic and are not designed specifically for cmd.exe
        // command line parser.
        //
        // for a detailed description of the cmd.exe command line parser, refer to
        // http://stackoverflow.com/questions/4094699/how-does-the-windows-command-interpreter-cmd-exe-parse-scripts/7970912#7970912
        // need quotes for empty arg
        if (!arg) {
            return '""';
        }
        // determine whether the arg needs to be quoted
        const cmdSpecialChars = [
            ' ',
            '\t',
            '&',
            '(',
            ')',
            '[',
            ']',
            '{',
            '}',
            '^',
            '=',
            ';',
            '!',
            "'",
            '+',
            ',',
            '`',
            '~',
            '|',
            '<',
            '>',
            '"'
        ];
        let needsQuotes = false;
        for (const char of arg) {
            if (cmdSpecialChars.some(x => x === char)) {
                needsQuotes = true;
                break;
            }
        }
        // short-circuit if quotes not needed
        if (!needsQuotes) {
            return arg;
        }
        // the following quoting rules are very similar to the rules that by libuv applies.
        //
        // 1) wrap the string in quotes
        //
        // 2) double-up quotes - i.e. " => ""
        //
        //    this is different from the libuv quoting rules. libuv replaces " with \", which unfortunately
        //    doesn't work well with a cmd.exe command line.
        //
        //    note, replacing " with "" also works well if the arg is passed to a downstream .NET console app.
        //    for example, the command line:
        //          foo.exe "myarg:""my val"""
        //    is parsed by a .NET console app into an arg array:
        //          [ "myarg:\"my val\"" ]
        //    which is the same end result when applying libuv quoting rules. although the actual
        //    command line from libuv quoting rules would look like:
        //          foo.exe "myarg:\"my val\""
        //
        // 3) double-up slashes that precede a quote,
        //    e.g.  hello \world    => "hello \world"
        //          hello\"world    => "hello\\""world"
        //          hello\\"world   => "hello\\\\""world"
        //          hello world\    => "hello world\\"
        //
        //    technically this is not required for a cmd.exe command line, or the batch argument parser.
        //    the reasons for including this as a .cmd quoting rule are:
        //
        //    a) this is optimized for the scenario where the argument is passed from the .cmd file to an
        //       external program. many programs (e.g. .NET console apps) rely on the slash-doubling rule.
        //
        //    b) it's what we've been doing previously (by deferring to node default behavior) and we
        //       haven't heard any complaints about that aspect.
        //
        // note, a weakness of the quoting rules chosen here, is that % is not escaped. in fact, % cannot be
        // escaped when used on the command line directly - even though within a .cmd file % can be escaped
        // by using %%.
        //
        // the saving grace is, on the command line, %var% is left as-is if var is not defined. this contrasts
        // the line parsing rules within a .cmd file, where if var is not defined it is replaced with nothing.
        //
        // one option that was explored was replacing % with ^% - i.e. %var% => ^%var^%. this hack would
        // often work, since it is unlikely that var^ would exist, and the ^ character is removed when the
        // variable is used. the problem, however, is that ^ is not removed when %* is used to pass the args
        // to an external program.
        //
        // an unexplored potential solution for the % escaping problem, is to create a wrapper .cmd file.
        // % can be escaped within a .cmd file.
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\'; // double the slash
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '"'; // double the quote
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _uvQuoteCmdArg(arg) {
        // Tool runner wraps child_process.spawn() and needs to apply the same quoting as
        // Node in certain cases where the undocumented spawn option windowsVerbatimArguments
        // is used.
        //
        // Since this function is a port of quote_cmd_arg from Node 4.x (technically, lib UV,
        // see https://github.com/nodejs/node/blob/v4.x/deps/uv/src/win/process.c for details),
        // pasting copyright notice from Node within this function:
        //
        //      Copyright Joyent, Inc. and other Node contributors. All rights reserved.
        //
        //      Permission is hereby granted, free of charge, to any person obtaining a copy
        //      of this software and associated documentation files (the "Software"), to
        //      deal in the Software without restriction, including without limitation the
        //      rights to use, copy, modify, merge, publish, distribute, sublicense, and/or
        //      sell copies of the Software, and to permit persons to whom the Software is
        //      furnished to do so, subject to the following conditions:
        //
        //      The above copyright notice and this permission notice shall be included in
        //      all copies or substantial portions of the Software.
        //
        //      THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
        //      IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
        //      FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
        //      AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
        //      LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
        //      FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
        //      IN THE SOFTWARE.
        if (!arg) {
            // Need double quotation for empty argument
            return '""';
        }
        if (!arg.includes(' ') && !arg.includes('\t') && !arg.includes('"')) {
            // No quotation needed
            return arg;
        }
        if (!arg.includes('"') && !arg.includes('\\')) {
            // No embedded double quotes or backslashes, so I can just wrap
            // quote marks around the whole thing.
            return `"${arg}"`;
        }
        // Expected input/output:
        //   input : hello"world
        //   output: "hello\"world"
        //   input : hello""world
        //   output: "hello\"\"world"
        //   input : hello\world
        //   output: hello\world
        //   input : hello\\world
        //   output: hello\\world
        //   input : hello\"world
        //   output: "hello\\\"world"
        //   input : hello\\"world
        //   output: "hello\\\\\"world"
        //   input : hello world\
        //   output: "hello world\\" - note the comment in libuv actually reads "hello world\"
        //                             but it appears the comment is wrong, it should be "hello world\\"
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\';
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '\\';
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _cloneExecOptions(options) {
        options = options || {};
        const result = {
            cwd: options.cwd || process.cwd(),
            env: options.env || process.env,
            silent: options.silent || false,
            windowsVerbatimArguments: options.windowsVerbatimArguments || false,
            failOnStdErr: options.failOnStdErr || false,
            ignoreReturnCode: options.ignoreReturnCode || false,
            delay: options.delay || 10000
        };
        result.outStream = options.outStream || process.stdout;
        result.errStream = options.errStream || process.stderr;
        return result;
    }
    _getSpawnOptions(options, toolPath) {
        options = options || {};
        const result = {};
        result.cwd = options.cwd;
        result.env = options.env;
        result['windowsVerbatimArguments'] =
            options.windowsVerbatimArguments || this._isCmdFile();
        if (options.windowsVerbatimArguments) {
            result.argv0 = `"${toolPath}"`;
        }
        return result;
    }
    /**
     * Exec a tool.
     * Output will be streamed to the live console.
     * Returns promise with return code
     *
     * @param     tool     path to tool to exec
     * @param     options  optional exec options.  See ExecOptions
     * @returns   number
     */
    exec() {
        return toolrunner_awaiter(this, void 0, void 0, function* () {
            // root the tool path if it is unrooted and contains relative pathing
            if (!isRooted(this.toolPath) &&
                (this.toolPath.includes('/') ||
                    (toolrunner_IS_WINDOWS && this.toolPath.includes('\\')))) {
                // prefer options.cwd if it is specified, however options.cwd may also need to be rooted
                this.toolPath = external_path_namespaceObject.resolve(process.cwd(), this.options.cwd || process.cwd(), this.toolPath);
            }
            // if the tool is only a file name, then resolve it from the PATH
            // otherwise verify it exists (add extension on Windows if necessary)
            this.toolPath = yield which(this.toolPath, true);
            return new Promise((resolve, reject) => toolrunner_awaiter(this, void 0, void 0, function* () {
                this._debug(`exec tool: ${this.toolPath}`);
                this._debug('arguments:');
                for (const arg of this.args) {
                    this._debug(`   ${arg}`);
                }
                const optionsNonNull = this._cloneExecOptions(this.options);
                if (!optionsNonNull.silent && optionsNonNull.outStream) {
                    optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + external_os_namespaceObject.EOL);
                }
                const state = new ExecState(optionsNonNull, this.toolPath);
                state.on('debug', (message) => {
                    this._debug(message);
                });
                if (this.options.cwd && !(yield exists(this.options.cwd))) {
                    return reject(new Error(`The cwd: ${this.options.cwd} does not exist!`));
                }
                const fileName = this._getSpawnFileName();
                const cp = external_child_process_namespaceObject.spawn(fileName, this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(this.options, fileName));
                let stdbuffer = '';
                if (cp.stdout) {
                    cp.stdout.on('data', (data) => {
                        if (this.options.listeners && this.options.listeners.stdout) {
                            this.options.listeners.stdout(data);
                        }
                        if (!optionsNonNull.silent && optionsNonNull.outStream) {
                            optionsNonNull.outStream.write(data);
                        }
                        stdbuffer = this._processLineBuffer(data, stdbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.stdline) {
                                this.options.listeners.stdline(line);
                            }
                        });
                    });
                }
                let errbuffer = '';
                if (cp.stderr) {
                    cp.stderr.on('data', (data) => {
                        state.processStderr = true;
                        if (this.options.listeners && this.options.listeners.stderr) {
                            this.options.listeners.stderr(data);
                        }
                        if (!optionsNonNull.silent &&
                            optionsNonNull.errStream &&
                            optionsNonNull.outStream) {
                            const s = optionsNonNull.failOnStdErr
                                ? optionsNonNull.errStream
                                : optionsNonNull.outStream;
                            s.write(data);
                        }
                        errbuffer = this._processLineBuffer(data, errbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.errline) {
                                this.options.listeners.errline(line);
                            }
                        });
                    });
                }
                cp.on('error', (err) => {
                    state.processError = err.message;
                    state.processExited = true;
                    state.processClosed = true;
                    state.CheckComplete();
                });
                cp.on('exit', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    this._debug(`Exit code ${code} received from tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                cp.on('close', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    state.processClosed = true;
                    this._debug(`STDIO streams have closed for tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                state.on('done', (error, exitCode) => {
                    if (stdbuffer.length > 0) {
                        this.emit('stdline', stdbuffer);
                    }
                    if (errbuffer.length > 0) {
                        this.emit('errline', errbuffer);
                    }
                    cp.removeAllListeners();
                    if (error) {
                        reject(error);
                    }
                    else {
                        resolve(exitCode);
                    }
                });
                if (this.options.input) {
                    if (!cp.stdin) {
                        throw new Error('child process missing stdin');
                    }
                    cp.stdin.end(this.options.input);
                }
            }));
        });
    }
}
/**
 * Convert an arg string to an array of args. Handles escaping
 *
 * @param    argString   string of arguments
 * @returns  string[]    array of arguments
 */
function argStringToArray(argString) {
    const args = [];
    let inQuotes = false;
    let escaped = false;
    let arg = '';
    function append(c) {
        // we only escape double quotes.
        if (escaped && c !== '"') {
            arg += '\\';
        }
        arg += c;
        escaped = false;
    }
    for (let i = 0; i < argString.length; i++) {
        const c = argString.charAt(i);
        if (c === '"') {
            if (!escaped) {
                inQuotes = !inQuotes;
            }
            else {
                append(c);
            }
            continue;
        }
        if (c === '\\' && escaped) {
            append(c);
            continue;
        }
        if (c === '\\' && inQuotes) {
            escaped = true;
            continue;
        }
        if (c === ' ' && !inQuotes) {
            if (arg.length > 0) {
                args.push(arg);
                arg = '';
            }
            continue;
        }
        append(c);
    }
    if (arg.length > 0) {
        args.push(arg.trim());
    }
    return args;
}
class ExecState extends external_events_namespaceObject.EventEmitter {
    constructor(options, toolPath) {
        super();
        this.processClosed = false; // tracks whether the process has exited and stdio is closed
        this.processError = '';
        this.processExitCode = 0;
        this.processExited = false; // tracks whether the process has exited
        this.processStderr = false; // tracks whether stderr was written to
        this.delay = 10000; // 10 seconds
        this.done = false;
        this.timeout = null;
        if (!toolPath) {
            throw new Error('toolPath must not be empty');
        }
        this.options = options;
        this.toolPath = toolPath;
        if (options.delay) {
            this.delay = options.delay;
        }
    }
    CheckComplete() {
        if (this.done) {
            return;
        }
        if (this.processClosed) {
            this._setResult();
        }
        else if (this.processExited) {
            this.timeout = (0,external_timers_namespaceObject.setTimeout)(ExecState.HandleTimeout, this.delay, this);
        }
    }
    _debug(message) {
        this.emit('debug', message);
    }
    _setResult() {
        // determine whether there is an error
        let error;
        if (this.processExited) {
            if (this.processError) {
                error = new Error(`There was an error when attempting to execute the process '${this.toolPath}'. This may indicate the process failed to start. Error: ${this.processError}`);
            }
            else if (this.processExitCode !== 0 && !this.options.ignoreReturnCode) {
                error = new Error(`The process '${this.toolPath}' failed with exit code ${this.processExitCode}`);
            }
            else if (this.processStderr && this.options.failOnStdErr) {
                error = new Error(`The process '${this.toolPath}' failed because one or more lines were written to the STDERR stream`);
            }
        }
        // clear the timeout
        if (this.timeout) {
            clearTimeout(this.timeout);
            this.timeout = null;
        }
        this.done = true;
        this.emit('done', error, this.processExitCode);
    }
    static HandleTimeout(state) {
        if (state.done) {
            return;
        }
        if (!state.processClosed && state.processExited) {
            const message = `The STDIO streams did not close within ${state.delay / 1000} seconds of the exit event from process '${state.toolPath}'. This may indicate a child process inherited the STDIO streams and has not yet exited.`;
            state._debug(message);
        }
        state._setResult();
    }
}
//# sourceMappingURL=toolrunner.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/exec.js
var exec_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


/**
 * Exec a command.
 * Output will be streamed to the live console.
 * Returns promise with return code
 *
 * @param     commandLine        command to execute (can include additional args). Must be correctly escaped.
 * @param     args               optional arguments for tool. Escaping is handled by the lib.
 * @param     options            optional exec options.  See ExecOptions
 * @returns   Promise<number>    exit code
 */
function exec(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        const commandArgs = argStringToArray(commandLine);
        if (commandArgs.length === 0) {
            throw new Error(`Parameter 'commandLine' cannot be null or empty.`);
        }
        // Path to tool to execute should be first arg
        const toolPath = commandArgs[0];
        args = commandArgs.slice(1).concat(args || []);
        const runner = new ToolRunner(toolPath, args, options);
        return runner.exec();
    });
}
/**
 * Exec a command and get the output.
 * Output will be streamed to the live console.
 * Returns promise with the exit code and collected stdout and stderr
 *
 * @param     commandLine           command to execute (can include additional args). Must be correctly escaped.
 * @param     args                  optional arguments for tool. Escaping is handled by the lib.
 * @param     options               optional exec options.  See ExecOptions
 * @returns   Promise<ExecOutput>   exit code, stdout, and stderr
 */
function getExecOutput(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        var _a, _b;
        let stdout = '';
        let stderr = '';
        //Using string decoder covers the case where a mult-byte character is split
        const stdoutDecoder = new external_string_decoder_namespaceObject.StringDecoder('utf8');
        const stderrDecoder = new external_string_decoder_namespaceObject.StringDecoder('utf8');
        const originalStdoutListener = (_a = options === null || options === void 0 ? void 0 : options.listeners) === null || _a === void 0 ? void 0 : _a.stdout;
        const originalStdErrListener = (_b = options === null || options === void 0 ? void 0 : options.listeners) === null || _b === void 0 ? void 0 : _b.stderr;
        const stdErrListener = (data) => {
            stderr += stderrDecoder.write(data);
            if (originalStdErrListener) {
                originalStdErrListener(data);
            }
        };
        const stdOutListener = (data) => {
            stdout += stdoutDecoder.write(data);
            if (originalStdoutListener) {
                originalStdoutListener(data);
            }
        };
        const listeners = Object.assign(Object.assign({}, options === null || options === void 0 ? void 0 : options.listeners), { stdout: stdOutListener, stderr: stdErrListener });
        const exitCode = yield exec(commandLine, args, Object.assign(Object.assign({}, options), { listeners }));
        //flush any remaining characters
        stdout += stdoutDecoder.end();
        stderr += stderrDecoder.end();
        return {
            exitCode,
            stdout,
            stderr
        };
    });
}
//# sourceMappingURL=exec.js.map
;// CONCATENATED MODULE: ./src/io/exec.ts
// The one seam through which imagegate runs programs: argv arrays only, never a shell string.
// Static methods so tests can spy on them (ESM namespace exports cannot be replaced).



class ExecError extends Error {
    command;
    args;
    result;
    constructor(command, args, result) {
        const last = lastLine(result.stderr) || lastLine(result.stdout) || '(no output)';
        super(`${command} ${args[0] ?? ''} exited with ${result.exitCode}: ${last}`);
        this.command = command;
        this.args = args;
        this.result = result;
        this.name = 'ExecError';
    }
}
class Exec {
    /** Runs a program and returns its exit code and output; a missing program is an InfrastructureError. */
    static async run(command, args, opts = {}) {
        const env = opts.env ? { ...process.env, ...opts.env } : undefined;
        const started = Date.now();
        try {
            const result = await getExecOutput(command, [...args], {
                cwd: opts.cwd,
                env,
                input: opts.input !== undefined ? Buffer.from(opts.input) : undefined,
                ignoreReturnCode: true,
                silent: !opts.stream,
                outStream: process.stderr,
                errStream: process.stderr,
                listeners: opts.onOutput ? { stdout: chunkTo(opts.onOutput), stderr: chunkTo(opts.onOutput) } : undefined
            });
            if (process.env.IMAGEGATE_TRACE)
                process.stderr.write(`trace: ${Date.now() - started}ms exit ${result.exitCode}: ${command} ${args.join(' ')}\n`);
            return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr };
        }
        catch (e) {
            const message = e instanceof Error ? e.message : String(e);
            if (/Unable to locate executable file|ENOENT/.test(message)) {
                throw new InfrastructureError(`\`${command}\` is not installed or not on PATH (${message}); install it, or run scripts/testbed up`);
            }
            throw e;
        }
    }
    /** Runs a program and returns its stdout; a non-zero exit is an ExecError. */
    static async output(command, args, opts = {}) {
        const result = await Exec.run(command, args, opts);
        if (result.exitCode !== 0)
            throw new ExecError(command, args, result);
        return result.stdout;
    }
}
function chunkTo(sink) {
    return data => sink(data.toString('utf8'));
}

;// CONCATENATED MODULE: ./src/io/docker.ts
// Runs the docker CLI (and its buildx plugin) with argv built in src/core/docker-args.ts.






class Docker {
    opts;
    constructor(opts = {}) {
        this.opts = opts;
    }
    env() {
        // Content trust would make docker contact a notary for every reference.
        return { DOCKER_CONTENT_TRUST: 'false', ...(this.opts.configDir ? { DOCKER_CONFIG: this.opts.configDir } : {}) };
    }
    /** `opts.env` adds variables for this call only (build secrets read from the environment). */
    async run(args, opts = {}) {
        return Exec.run('docker', args, { ...opts, env: { ...opts.env, ...this.env() } });
    }
    async output(args, opts = {}) {
        const result = await this.run(args, opts);
        if (result.exitCode !== 0)
            throw new ExecError('docker', args, result);
        return result.stdout;
    }
    /** The engine answers, keeps multi-platform images (containerd store), and buildx is there. */
    async requireEngine() {
        const [info, buildx] = await Promise.all([
            this.run(['info', '--format', '{{json .DriverStatus}}']),
            this.run(['buildx', 'version'])
        ]);
        if (info.exitCode !== 0) {
            const why = info.stderr.trim().split('\n').pop() ?? '';
            throw new InfrastructureError(`no Docker engine answers (${why}); start one (on this repository's machines: \`scripts/testbed up\`)`);
        }
        if (!info.stdout.includes('io.containerd.snapshotter')) {
            throw new InfrastructureError('the Docker engine does not use the containerd image store, so it cannot keep a multi-platform image to test every platform of the exact bytes it pushes. ' +
                'Enable it with `{"features": {"containerd-snapshotter": true}}` in /etc/docker/daemon.json and restart dockerd ' +
                '(on GitHub runners: docker/setup-docker-action with that daemon-config)');
        }
        if (buildx.exitCode !== 0) {
            throw new InfrastructureError('docker buildx is not installed: install the buildx CLI plugin (Debian: docker-buildx; GitHub: docker/setup-buildx-action)');
        }
    }
    /** A named buildx builder (remote, kubernetes, docker-container) must exist before a build is sent to it. */
    async requireBuilder(name) {
        const inspect = await this.run(['buildx', 'inspect', name]);
        if (inspect.exitCode !== 0) {
            throw new InfrastructureError(`buildx builder \`${name}\` is not usable (${lastLine(inspect.stderr)}); create it first (\`docker buildx create --name ${name} …\`) or list them with \`docker buildx ls\``);
        }
    }
}
/**
 * A DOCKER_CONFIG of this run's own holding the user's config plus logins made from environment
 * credentials, so the user's docker config is never modified. Passwords go through stdin.
 */
async function withLogins(hosts, credentials, fn) {
    if (!credentials)
        return fn(new Docker());
    const dir = await (0,promises_namespaceObject.mkdtemp)((0,external_node_path_namespaceObject.join)((0,external_node_os_namespaceObject.tmpdir)(), 'imagegate-docker-'));
    try {
        await (0,promises_namespaceObject.mkdir)(dir, { recursive: true, mode: 0o700 });
        const userConfig = (0,external_node_path_namespaceObject.join)(process.env.DOCKER_CONFIG ?? (0,external_node_path_namespaceObject.join)(process.env.HOME ?? (0,external_node_os_namespaceObject.tmpdir)(), '.docker'), 'config.json');
        const existing = await (0,promises_namespaceObject.readFile)(userConfig, 'utf8').catch(() => '{}');
        await (0,promises_namespaceObject.writeFile)((0,external_node_path_namespaceObject.join)(dir, 'config.json'), existing, { mode: 0o600 });
        const docker = new Docker({ configDir: dir });
        for (const host of [...new Set(hosts)]) {
            const result = await docker.run(['login', host, '--username', credentials.username, '--password-stdin'], {
                input: credentials.password
            });
            if (result.exitCode !== 0) {
                throw new InfrastructureError(`docker login to ${host} as ${credentials.username} failed: ${result.stderr.trim().split('\n').pop() ?? ''}; check IMAGEGATE_REGISTRY_USER and IMAGEGATE_REGISTRY_PASSWORD`);
            }
        }
        return await fn(docker);
    }
    finally {
        await (0,promises_namespaceObject.rm)(dir, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./src/core/docker-args.ts
// argv for docker and buildx, built from the configuration. Pure: src/io/ runs them.

function buildxBuildArgs(req) {
    const { image } = req;
    const context = external_node_path_namespaceObject.posix.resolve(req.baseDir, image.context);
    const args = ['buildx', 'build'];
    if (req.builder)
        args.push('--builder', req.builder);
    args.push('--platform', image.platforms.join(','));
    args.push('--file', external_node_path_namespaceObject.posix.resolve(context, image.containerfile));
    if (image.target !== undefined)
        args.push('--target', image.target);
    for (const [key, value] of Object.entries(image.buildArgs))
        args.push('--build-arg', `${key}=${value}`);
    for (const [name, ref] of Object.entries(req.buildContexts ?? {}))
        args.push('--build-context', `${name}=docker-image://${ref}`);
    for (const secret of image.secrets ?? []) {
        args.push('--secret', 'env' in secret
            ? `id=${secret.id},env=${secret.env}`
            : `id=${secret.id},src=${external_node_path_namespaceObject.posix.resolve(req.baseDir, secret.file)}`);
    }
    const labels = { ...req.oci, ...image.labels };
    for (const [key, value] of Object.entries(labels))
        args.push('--label', `${key}=${value}`);
    args.push(...attestationArgs(image));
    const annotations = { ...req.oci, ...image.annotations };
    const levels = producesIndex(image) ? ['index', 'manifest'] : ['manifest'];
    for (const [key, value] of Object.entries(annotations))
        for (const level of levels)
            args.push('--annotation', `${level}:${key}=${value}`);
    const configured = image.cache && (image.cache.from.length || image.cache.to.length) ? image.cache : undefined;
    const cache = configured ?? req.defaultCache ?? { from: [], to: [] };
    for (const from of cache.from)
        args.push('--cache-from', from);
    for (const to of cache.to)
        args.push('--cache-to', tolerantCacheTo(to));
    for (const tag of req.tags)
        args.push('--tag', tag);
    if (req.load)
        args.push('--load');
    if (req.metadataFile)
        args.push('--metadata-file', req.metadataFile);
    args.push(context);
    return args;
}
function attestationArgs(image) {
    const provenance = image.attestations?.provenance ?? 'min';
    const args = [provenance === 'off' ? '--provenance=false' : `--provenance=mode=${provenance}`];
    if (image.attestations?.sbom)
        args.push('--sbom=true');
    return args;
}
/** buildx refuses index annotations on a single-platform image without attestations. */
function producesIndex(image) {
    return (image.platforms.length > 1 || (image.attestations?.provenance ?? 'min') !== 'off' || !!image.attestations?.sbom);
}
/** A cache that cannot be written must warn, never fail the build. */
function tolerantCacheTo(spec) {
    return /(^|,)ignore-error=/.test(spec) ? spec : `${spec},ignore-error=true`;
}
function dockerRunArgs(req) {
    const args = ['run', '--rm', '--pull', 'never', '--platform', req.platform];
    if (req.name)
        args.push('--name', req.name);
    if (req.user !== undefined)
        args.push('--user', req.user);
    if (req.workdir !== undefined)
        args.push('--workdir', req.workdir);
    for (const [key, value] of Object.entries(req.env ?? {}))
        args.push('--env', `${key}=${value}`);
    for (const m of req.mounts ?? [])
        args.push('--mount', `type=bind,source=${m.source},target=${m.target},readonly`);
    if (req.command === undefined)
        return [...args, req.image];
    const argv = typeof req.command === 'string' ? ['/bin/sh', '-c', req.command] : req.command;
    if (req.entrypoint === 'keep')
        return [...args, req.image, ...argv];
    const [entrypoint, ...rest] = argv;
    return [...args, '--entrypoint', entrypoint ?? '', req.image, ...rest];
}
/** A throwaway derivative of the built image with test-only tooling; it keeps the image's USER. */
function setupContainerfile(base, setup, user) {
    const lines = [`FROM ${base}`, 'USER root'];
    // The exec form with JSON keeps a multi-line script intact, newlines included.
    for (const step of setup)
        lines.push(`RUN ${JSON.stringify(typeof step === 'string' ? ['/bin/sh', '-c', step] : step)}`);
    lines.push(`USER ${user || 'root'}`);
    return `${lines.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./src/core/results.ts
// What a check or gate run found: per image, per platform, per test. Rendered as JSON (--json),
// GitHub outputs and summary, JUnit XML and the terminal summary.
function imagePassed(image) {
    return image.status === 'passed';
}
function countTests(images) {
    const tests = images.flatMap(i => i.platforms.flatMap(p => p.tests));
    const passed = tests.filter(t => t.status === 'passed').length;
    return { passed, failed: tests.length - passed };
}
/** Keeps the last `lines` lines (and at most `bytes` characters) of a command's output. */
function tail(text, lines = 20, bytes = 4000) {
    const kept = text.replace(/\s+$/, '').split('\n').slice(-lines).join('\n');
    return kept.length > bytes ? `…${kept.slice(-bytes)}` : kept;
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
        const buildEnv = this.buildEnv(inputs);
        const dir = await (0,promises_namespaceObject.mkdtemp)((0,external_node_path_namespaceObject.join)((0,external_node_os_namespaceObject.tmpdir)(), 'imagegate-build-'));
        const runTag = localTagFor(image.name, inputs.runId);
        try {
            const metadataFile = (0,external_node_path_namespaceObject.join)(dir, 'metadata.json');
            const args = buildxBuildArgs({
                image,
                baseDir: inputs.baseDir,
                tags: [runTag],
                load: true,
                metadataFile,
                oci: inputs.oci,
                buildContexts: this.baseContexts(inputs),
                ...(this.opts.builder ? { builder: this.opts.builder } : {}),
                ...(this.githubCache(image.name) ? { defaultCache: this.githubCache(image.name) } : {})
            });
            let output = '';
            const started = Date.now();
            const result = await this.opts.docker.run(args, {
                stream: true,
                env: buildEnv,
                onOutput: chunk => void (output = tail(output + chunk, 60, 16000))
            });
            const buildMs = Date.now() - started;
            if (result.exitCode !== 0)
                return { ok: false, reason: buildFailure(output), outputTail: tail(output) };
            const metadata = JSON.parse(await (0,promises_namespaceObject.readFile)(metadataFile, 'utf8'));
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
                    outputTail: tail(output)
                };
            }
            // The run's own tag names exactly the tested digest (checked above), and nothing else uses it.
            return { ok: true, image: { name: image.name, digest, localRef: runTag, platforms: image.platforms, user, buildMs } };
        }
        finally {
            await (0,promises_namespaceObject.rm)(dir, { recursive: true, force: true });
        }
    }
    /** A dependent image's FROM <base repository> resolves to the base's tested local image. */
    baseContexts(inputs) {
        return inputs.base ? { [inputs.base.repository]: inputs.base.built.localRef } : {};
    }
    /** What buildx reads from its environment: env secrets (masked) and SOURCE_DATE_EPOCH, nothing else of ours. */
    buildEnv(inputs) {
        const env = {};
        for (const secret of inputs.image.secrets) {
            if (!('env' in secret))
                continue;
            const value = this.opts.env[secret.env];
            if (value === undefined) {
                throw new UsageError(`image ${inputs.image.name}: secret \`${secret.id}\` reads the environment variable ${secret.env}, which is not set; export it before running imagegate`);
            }
            this.opts.reporter.mask(value);
            env[secret.env] = value;
        }
        // buildx reads SOURCE_DATE_EPOCH from its environment (image `created`, reproducible timestamps).
        if (this.opts.env.SOURCE_DATE_EPOCH !== undefined)
            env.SOURCE_DATE_EPOCH = this.opts.env.SOURCE_DATE_EPOCH;
        return env;
    }
    githubCache(name) {
        const env = this.opts.env;
        if (env.GITHUB_ACTIONS !== 'true' ||
            !env.ACTIONS_RUNTIME_TOKEN ||
            !(env.ACTIONS_CACHE_URL || env.ACTIONS_RESULTS_URL))
            return undefined;
        const scope = `imagegate-${name}`;
        return { from: [`type=gha,scope=${scope}`], to: [`type=gha,mode=max,scope=${scope}`] };
    }
}
function buildFailure(output) {
    const line = output
        .split('\n')
        .reverse()
        .find(l => /ERROR|error:/.test(l));
    return line ? `build failed: ${line.replace(/^.*?ERROR:?\s*/, '').trim()}` : 'build failed (see the build log above)';
}

;// CONCATENATED MODULE: ./src/core/test-plan.ts
// Which test commands run on which platform, in order.

function testsForPlatform(image, platform) {
    return image.test.commands.filter(c => !c.platforms || c.platforms.some(p => samePlatformText(p, platform)));
}

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
    const parsed = parsePlatform(platform);
    const arch = parsed.ok ? parsed.value.architecture : platform;
    if (arch === hostArchitecture())
        return { native: true };
    const machine = UNAME_MACHINE[arch] ?? arch;
    const handler = `qemu-${machine}`;
    // A CI job in a container that drives the host's engine (or a docker:dind service) has no
    // binfmt_misc mounted: its /proc says nothing about where the containers will run.
    const mounted = await (0,promises_namespaceObject.readFile)(`${binfmtDir}/status`, 'utf8').then(() => true, () => false);
    if (!mounted)
        return { native: false, handler, ready: true, checked: false };
    const status = await (0,promises_namespaceObject.readFile)(`${binfmtDir}/${handler}`, 'utf8').catch(() => undefined);
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
    const parsed = parsePlatform(platform);
    const arch = parsed.ok ? parsed.value.architecture : platform;
    return (`exec format error: the engine cannot run ${platform} binaries (no QEMU handler where the engine runs); ` +
        `register one on that host with \`docker run --privileged --rm tonistiigi/binfmt --install ${arch}\``);
}

;// CONCATENATED MODULE: ./src/io/test-runner.ts
// Runs the configured tests inside the exact built image, on every platform, each command in a
// fresh container, with the image's own USER, WORKDIR and ENV unless the test says otherwise.










// What a test's log group keeps of its output.
const LOG_LINES = 400;
const LOG_CHARS = 64000;
class TestRunner {
    opts;
    constructor(opts) {
        this.opts = opts;
    }
    async run(image, built) {
        const target = image.test.setup.length ? await this.setupDerivative(image, built) : { ref: built.localRef };
        try {
            // Platforms run side by side (each under its own emulator); commands within one run in order.
            return await Promise.all(built.platforms.map(platform => this.runPlatform(image, platform, target)));
        }
        finally {
            if (target.ref !== built.localRef)
                await this.opts.docker.run(['image', 'rm', target.ref]);
        }
    }
    async runPlatform(image, platform, target) {
        const started = Date.now();
        const commands = testsForPlatform(image, platform);
        const emulation = await emulationFor(platform, this.opts.binfmtDir);
        const emulated = !emulation.native;
        const blocked = target.error ?? (!emulation.native && !emulation.ready ? emulation.fix : undefined);
        const tests = [];
        for (const command of commands) {
            if (blocked) {
                tests.push({ name: command.name, platform, status: 'error', durationMs: 0, outputTail: '', error: blocked });
                continue;
            }
            const { result, log } = await this.runCommand(image, platform, command, target.ref);
            if (!emulation.native && emulation.ready && emulation.checked === false && result.status === 'failed') {
                const error = unregisteredEmulation(platform, result.outputTail);
                if (error)
                    result.error = error;
            }
            // Output is printed whole once the command ends, so parallel platforms never interleave.
            await this.opts.reporter.group(`test ${image.name} ${platform}: ${command.name} — ${result.status}`, async () => {
                this.opts.reporter.info(log);
            });
            tests.push(result);
        }
        if (blocked)
            this.opts.reporter.error(`${image.name} ${platform}: ${blocked}`);
        return { platform, emulated, tests, durationMs: Date.now() - started };
    }
    async runCommand(image, platform, command, ref) {
        const name = `imagegate-test-${(0,external_node_crypto_namespaceObject.randomBytes)(6).toString('hex')}`;
        const mounts = image.test.mount
            ? [{ source: (0,external_node_path_namespaceObject.resolve)(this.opts.baseDir, image.test.mount.source), target: image.test.mount.target }]
            : [];
        const args = dockerRunArgs({
            image: ref,
            platform,
            command: command.run,
            entrypoint: command.entrypoint,
            env: command.env,
            name,
            mounts,
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
        try {
            const result = await this.opts.docker.run(args, {
                onOutput: chunk => {
                    output = tail(output + chunk, 40, 8000);
                    log = tail(log + chunk, LOG_LINES, LOG_CHARS);
                }
            });
            const durationMs = Date.now() - started;
            const base = { name: command.name, platform, exitCode: result.exitCode, durationMs, outputTail: tail(output) };
            log += `\n(exit code ${result.exitCode}, ${(durationMs / 1000).toFixed(1)}s)`;
            if (timedOut)
                return { result: { ...base, status: 'timed-out', error: `timed out after ${command.timeoutMs / 1000}s` }, log };
            // 125: docker itself failed (no such image, bad flag); 126/127: the command could not start.
            if (result.exitCode === 125) {
                return {
                    result: { ...base, status: 'error', error: `docker could not start the container: ${lastLine(output)}` },
                    log
                };
            }
            return { result: { ...base, status: result.exitCode === 0 ? 'passed' : 'failed' }, log };
        }
        finally {
            clearTimeout(timer);
        }
    }
    /** Test-only tooling goes into a throwaway derivative; the built image itself stays untouched. */
    async setupDerivative(image, built) {
        const ref = `${LOCAL_REGISTRY}/${image.name}-test:${built.digest.replace(/^sha256:/, '').slice(0, 32)}`;
        const dir = await (0,promises_namespaceObject.mkdtemp)((0,external_node_path_namespaceObject.join)((0,external_node_os_namespaceObject.tmpdir)(), 'imagegate-setup-'));
        try {
            return await this.opts.reporter.group(`test setup ${image.name}`, async () => {
                const containerfile = setupContainerfile(built.localRef, image.test.setup, built.user);
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
                    dir
                ];
                let output = '';
                const result = await this.opts.docker.run(args, {
                    stream: true,
                    input: containerfile,
                    onOutput: c => void (output = tail(output + c, 40, 8000))
                });
                if (result.exitCode !== 0)
                    return { ref: built.localRef, error: `test setup failed: ${lastLine(output)}` };
                return { ref };
            });
        }
        finally {
            await (0,promises_namespaceObject.rm)(dir, { recursive: true, force: true });
        }
    }
}

;// CONCATENATED MODULE: ./src/core/split.ts
// Scale-out: one gate job per platform, then `merge`. Pure parts: narrowing a configuration to one
// platform, the per-platform staging tag, the record a platform job leaves for merge, checking the
// records, and assembling the index from exactly the recorded tested manifests.


const RECORD_KIND = 'imagegate/platform-record';
const RECORD_VERSION = 1;
/** Where platform jobs write their records and merge reads them, unless told otherwise. */
const DEFAULT_RECORDS_DIR = 'imagegate-records';
/** The tag suffix of a platform: `linux/arm64/v8` → `linux-arm64-v8`. */
function platformSuffix(platform) {
    return platform.replace(/\//g, '-');
}
/** The staging reference a platform job pushes to: the image's staging tag plus its platform. */
function platformStagingRef(stagingRef, platform) {
    return `${stagingRef}-${platformSuffix(platform)}`;
}
function recordFileName(image, platform) {
    return `${image}-${platformSuffix(platform)}.json`;
}
/**
 * The images a job for `platform` builds, each narrowed to that platform. An image that does not
 * list the platform is left out (its other jobs cover it); a dependency must list it too.
 */
function narrowToPlatform(images, platformText) {
    const parsed = parsePlatform(platformText);
    if (!parsed.ok)
        throw new UsageError(`--platform ${platformText}: ${parsed.error}; e.g. \`--platform linux/arm64\``);
    const same = (p) => samePlatformText(p, platformText);
    const kept = images.filter(i => i.platforms.some(same));
    // The image's own spelling, so tags and records match what the configuration lists.
    const platform = kept[0]?.platforms.find(same) ?? platformText;
    if (kept.length === 0) {
        const listed = [...new Set(images.flatMap(i => i.platforms))].join(', ');
        throw new UsageError(`--platform ${platform}: no image lists it; the configuration builds ${listed}`);
    }
    const names = new Set(kept.map(i => i.name));
    for (const image of kept) {
        if (image.dependsOn !== undefined && !names.has(image.dependsOn))
            throw new UsageError(`--platform ${platform}: image ${image.name} depends on ${image.dependsOn}, which is not built for ${platform}; add ${platform} to ${image.dependsOn}'s platforms`);
    }
    return {
        platform,
        images: kept.map(i => ({ ...i, platforms: [i.platforms.find(same)] })),
        skipped: images.filter(i => !names.has(i.name)).map(i => i.name)
    };
}
/** A record read from a file: every field checked, so a broken artifact is named instead of half-used. */
function parseRecord(text, file) {
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch (e) {
        throw new UsageError(`${file}: not JSON (${e.message}); it should be a record written by \`imagegate gate --platform\``);
    }
    const r = doc;
    const bad = (what) => {
        throw new UsageError(`${file}: ${what}; it should be a record written by \`imagegate gate --platform\``);
    };
    if (!r || typeof r !== 'object')
        return bad('not an object');
    if (r.kind !== RECORD_KIND)
        return bad(`kind is ${JSON.stringify(r.kind)}, not ${RECORD_KIND}`);
    if (r.version !== RECORD_VERSION)
        return bad(`version ${String(r.version)} is not ${RECORD_VERSION}`);
    for (const key of ['image', 'platform', 'identity'])
        if (typeof r[key] !== 'string' || r[key] === '')
            bad(`\`${key}\` is missing`);
    if (r.status !== 'passed' && r.status !== 'failed')
        bad(`\`status\` is ${JSON.stringify(r.status)}`);
    if (r.status === 'passed') {
        if (typeof r.ref !== 'string')
            bad('a passed record has no `ref`');
        if (typeof r.digest !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(r.digest))
            bad('a passed record has no sha256 `digest`');
    }
    return r;
}
/** Checks that every platform of an image has exactly one passed record of one identity; returns them in platform order. */
function checkRecords(input) {
    const problems = [];
    const ordered = [];
    for (const platform of input.platforms) {
        const found = input.records.filter(r => samePlatformText(r.platform, platform));
        if (found.length === 0)
            problems.push(`${platform}: no record (its job did not run or its artifact was not passed on)`);
        else if (found.length > 1)
            problems.push(`${platform}: ${found.length} records; keep the one of this pipeline`);
        else if (found[0].status !== 'passed')
            problems.push(`${platform}: its job failed (${found[0].tests.failed} failed test(s)); nothing of it was pushed`);
        else
            ordered.push(found[0]);
    }
    for (const r of input.records)
        if (!input.platforms.some(p => samePlatformText(p, r.platform)))
            problems.push(`${r.platform}: a record for a platform the image does not list (${input.platforms.join(', ')})`);
    const identities = [...new Set(input.records.map(r => r.identity))];
    if (identities.length > 1)
        problems.push(`the records come from different sources (identities ${identities.join(', ')}); all jobs must build one commit`);
    const shas = [...new Set(input.records.flatMap(r => (r.sha ? [r.sha] : [])))];
    if (shas.length > 1)
        problems.push(`the records come from different commits (${shas.join(', ')})`);
    if (problems.length)
        throw new MergeRefused(`merge refused for ${input.image}; nothing was published:\n  ${problems.join('\n  ')}`);
    return { identity: identities[0], records: ordered };
}
class MergeRefused extends Error {
}
/** The merged index: exactly the recorded platforms' entries, in the configured platform order. */
function assembleIndex(parts) {
    const manifests = parts.flatMap(p => p.entries);
    const seen = new Set();
    for (const m of manifests) {
        if (seen.has(m.digest))
            throw new MergeRefused(`two platforms share the manifest ${m.digest}`);
        seen.add(m.digest);
    }
    return JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests }, null, 2);
}

;// CONCATENATED MODULE: ./src/app/gate.ts
// check and gate: build every image once, test every platform of the exact build, and — for gate,
// only when every test of every image passed — push exactly those bytes to staging and prove it
// by reading the digest back from the registry.
















async function runGate(req) {
    const started = Date.now();
    if (req.plan.refusal)
        throw new UsageError(req.plan.refusal);
    const split = req.platform ? narrowToPlatform(req.loaded.config.images, req.platform) : undefined;
    const configured = split?.images ?? req.loaded.config.images;
    if (split?.skipped.length)
        req.reporter.info(`--platform ${split.platform}: ${split.skipped.join(', ')} not built here (not listed for it)`);
    const staging = req.scenario === 'gate' ? stagingRefs(req.plan, split?.platform) : new Map();
    return withLogins(registryHosts(req.loaded.config), credentialsFrom(req.env, req.reporter), async (docker) => {
        await docker.requireEngine();
        if (req.buildxBuilder)
            await docker.requireBuilder(req.buildxBuilder);
        const builder = new DockerfileBuilder({
            docker,
            reporter: req.reporter,
            env: req.env,
            ...(req.buildxBuilder ? { builder: req.buildxBuilder } : {})
        });
        const runner = new TestRunner({
            docker,
            reporter: req.reporter,
            baseDir: req.loaded.dir,
            ...(req.binfmtDir ? { binfmtDir: req.binfmtDir } : {})
        });
        const { images, built } = await buildAndTestAll(req, configured, builder, runner);
        const report = { scenario: req.scenario, images, pushed: false, refs: [], durationMs: 0 };
        // A report that cannot be written must not cost the run its push: warn and go on.
        if (req.junitFile)
            await (0,promises_namespaceObject.writeFile)(req.junitFile, renderJUnit(images)).catch((e) => req.reporter.warning(`could not write the JUnit report ${req.junitFile}: ${e.message}; check --junit`));
        if (req.scenario === 'gate') {
            if (images.every(i => i.status === 'passed'))
                await pushTested(docker, req.reporter, images, built, staging, report);
            else
                req.reporter.warning('nothing was pushed: not every test of every image passed');
            if (split)
                report.records = await writeRecords(req, split.platform, images);
        }
        await releaseLocalImages(docker, req.reporter, images, built);
        report.durationMs = Date.now() - started;
        return report;
    });
}
function stagingRefs(plan, platform) {
    const refs = new Map();
    for (const image of plan.images) {
        if (!image.staging)
            throw new UsageError(`gate needs the source identity of image ${image.name} to name its staging tag, but ${image.identity.error ?? 'it is unknown'}`);
        refs.set(image.name, platform ? platformStagingRef(image.staging.value, platform) : image.staging.value);
    }
    return refs;
}
/** One record per image built here, passed or not, for `imagegate merge`. */
async function writeRecords(req, platform, images) {
    const dir = (0,external_node_path_namespaceObject.resolve)(req.recordsDir ?? DEFAULT_RECORDS_DIR);
    await (0,promises_namespaceObject.mkdir)(dir, { recursive: true });
    const files = [];
    for (const image of images) {
        const planned = req.plan.images.find(i => i.name === image.name);
        const tests = {
            passed: image.platforms.flatMap(p => p.tests).filter(t => t.status === 'passed').length,
            failed: image.platforms.flatMap(p => p.tests).filter(t => t.status !== 'passed').length
        };
        const record = {
            kind: RECORD_KIND,
            version: RECORD_VERSION,
            image: image.name,
            platform,
            identity: planned.identity.value.key,
            ...(req.plan.git.sha ? { sha: req.plan.git.sha.value } : {}),
            status: image.status === 'passed' && image.pushed ? 'passed' : 'failed',
            ...(image.pushed ? { ref: image.pushed.ref, digest: image.pushed.digest } : {}),
            tests
        };
        const file = (0,external_node_path_namespaceObject.join)(dir, recordFileName(image.name, platform));
        await (0,promises_namespaceObject.writeFile)(file, `${JSON.stringify(record, null, 2)}\n`);
        files.push(file);
        req.reporter.info(`${image.name}: record for merge written to ${file}`);
    }
    return files;
}
function credentialsFrom(env, reporter) {
    const username = env.IMAGEGATE_REGISTRY_USER;
    const password = env.IMAGEGATE_REGISTRY_PASSWORD;
    if (!username && !password)
        return undefined;
    if (!username || !password)
        throw new UsageError('set both IMAGEGATE_REGISTRY_USER and IMAGEGATE_REGISTRY_PASSWORD, or neither (then docker’s own config is used)');
    reporter.mask(password);
    return { username, password };
}
/** Builds in dependency order, independent images `parallel` at a time; a failed base skips its dependents. */
async function buildAndTestAll(req, configured, builder, runner) {
    const order = buildOrder(configured);
    const runId = (0,external_node_crypto_namespaceObject.randomBytes)(6).toString('hex');
    const oci = ociMetadata(req);
    const slots = new Limiter(Math.max(1, req.parallel));
    const done = new Map();
    for (const image of order) {
        const base = image.dependsOn !== undefined ? done.get(image.dependsOn) : undefined;
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
            return slots.run(() => buildAndTest(req, builder, runner, image, runId, oci, baseOutcome?.built));
        })());
    }
    const outcomes = await Promise.all(order.map(i => done.get(i.name)));
    const built = new Map(outcomes.flatMap(o => (o.built ? [[o.built.name, o.built]] : [])));
    return { images: outcomes.map(o => o.result), built };
}
async function buildAndTest(req, builder, runner, image, runId, oci, base) {
    const baseConfig = base ? req.loaded.config.images.find(i => i.name === base.name) : undefined;
    const outcome = await req.reporter.group(`build ${image.name} (${image.platforms.join(', ')})`, () => builder.build({
        image,
        baseDir: req.loaded.dir,
        oci,
        runId,
        ...(base && baseConfig ? { base: { repository: baseConfig.repository, built: base } } : {})
    }));
    if (!outcome.ok) {
        req.reporter.error(`${image.name}: ${outcome.reason}`);
        return { result: { name: image.name, status: 'build-failed', reason: outcome.reason, platforms: [] } };
    }
    const built = outcome.image;
    const platforms = await runner.run(image, built);
    const failed = platforms.flatMap(p => p.tests.filter(t => t.status !== 'passed').map(t => `${t.name} on ${p.platform} (${t.error ?? t.status})`));
    const result = {
        name: image.name,
        status: failed.length ? 'failed' : 'passed',
        digest: built.digest,
        platforms,
        buildMs: built.buildMs
    };
    if (failed.length)
        result.reason = `failed: ${failed.join('; ')}`;
    return { result, built };
}
function ociMetadata(req) {
    const oci = {};
    const env = req.env;
    const source = env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY
        ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}`
        : env.CI_PROJECT_URL;
    if (source)
        oci['org.opencontainers.image.source'] = source;
    if (req.plan.git.sha)
        oci['org.opencontainers.image.revision'] = req.plan.git.sha.value;
    const epoch = env.SOURCE_DATE_EPOCH;
    if (epoch && /^\d+$/.test(epoch))
        oci['org.opencontainers.image.created'] = new Date(Number(epoch) * 1000).toISOString();
    return oci;
}
async function pushTested(docker, reporter, images, built, staging, report) {
    for (const image of images) {
        const ref = staging.get(image.name);
        const local = built.get(image.name).localRef;
        await reporter.group(`push ${image.name} → ${ref}`, async () => {
            await docker.output(['tag', local, ref]);
            try {
                const tagged = (await docker.output(['image', 'inspect', '--format', '{{.Id}}', ref])).trim();
                if (tagged !== image.digest) {
                    throw new InfrastructureError(`${ref} resolves locally to ${tagged}, not the tested ${image.digest}; nothing was pushed for it`);
                }
                let push = await docker.run(['push', ref], { stream: true });
                if (push.exitCode !== 0) {
                    // A registry may answer a transient 5xx mid-push; the same content pushes again idempotently.
                    reporter.warning(`pushing ${ref} failed (${lastLine(push.stderr)}); trying once more`);
                    push = await docker.run(['push', ref], { stream: true });
                }
                if (push.exitCode !== 0) {
                    const pushedSoFar = report.refs.length ? ` Already pushed: ${report.refs.join(', ')}.` : '';
                    throw new InfrastructureError(`pushing ${ref} failed: ${lastLine(push.stderr)}.${pushedSoFar}`);
                }
            }
            finally {
                await docker.run(['image', 'rm', ref]);
            }
            const readBack = await readManifest(docker, ref);
            if (readBack.digest !== image.digest) {
                throw new InfrastructureError(`the registry holds ${ref} as ${readBack.digest}, not the tested ${image.digest}; refusing to report it as pushed`);
            }
            for (const platform of image.platforms)
                platform.manifestDigest = readBack.platforms.find(p => samePlatformText(p.platform, platform.platform))?.digest;
            image.pushed = { ref, digest: readBack.digest, verified: true };
            report.refs.push(`${ref}@${readBack.digest}`);
            report.pushed = true;
            reporter.info(`pushed ${ref}@${readBack.digest} (the tested digest, read back from the registry)`);
        });
    }
}
/**
 * A passed image stays as `imagegate.local/<name>:last-passed` (moving that tag is instant, where
 * deleting an image's content takes seconds); a failed one keeps its run tag, for a look inside.
 */
async function releaseLocalImages(docker, reporter, images, built) {
    for (const image of images) {
        const local = built.get(image.name);
        if (!local)
            continue;
        if (image.status === 'passed') {
            await docker.run(['tag', local.localRef, `${LOCAL_REGISTRY}/${image.name}:last-passed`]);
            await docker.run(['image', 'rm', local.localRef]);
        }
        else {
            const platform = image.platforms.find(p => p.tests.some(t => t.status !== 'passed'))?.platform ?? local.platforms[0];
            reporter.info(`${image.name}: kept ${local.localRef} to look inside: docker run --rm -it --platform ${platform} --entrypoint /bin/sh ${local.localRef}`);
        }
    }
}
/** The manifest exactly as the registry serves it: its digest is the sha256 of these bytes. */
async function readManifest(docker, ref) {
    if (!parseReference(ref).ok)
        throw new InfrastructureError(`cannot read back ${ref}: not a reference`);
    const raw = await docker.output(['buildx', 'imagetools', 'inspect', '--raw', ref]);
    const digest = `sha256:${(0,external_node_crypto_namespaceObject.createHash)('sha256').update(raw, 'utf8').digest('hex')}`;
    const doc = JSON.parse(raw);
    const platforms = (doc.manifests ?? [])
        .filter(m => m.platform && m.platform.os !== 'unknown')
        .map(m => ({
        platform: [m.platform.os, m.platform.architecture, m.platform.variant].filter(Boolean).join('/'),
        digest: m.digest
    }));
    return { digest, platforms };
}

;// CONCATENATED MODULE: external "node:stream"
const external_node_stream_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");
;// CONCATENATED MODULE: ./src/registry/errors.ts
// Registry failures, with the HTTP status and the OCI error code when the registry sent one.

class RegistryError extends InfrastructureError {
    status;
    code;
    constructor(message, status, code) {
        super(message);
        this.status = status;
        this.code = code;
    }
}
/** The first OCI error code and message of an error body, if it is one. */
function ociError(body) {
    if (!body || body.length === 0)
        return {};
    try {
        const doc = JSON.parse(body.toString());
        const first = doc.errors?.[0];
        return first ? { ...(first.code ? { code: first.code } : {}), ...(first.message ? { message: first.message } : {}) } : {};
    }
    catch {
        return {};
    }
}

;// CONCATENATED MODULE: ./src/registry/types.ts
// OCI image-spec and Docker distribution shapes, with their JSON field names kept verbatim.

const MEDIA = {
    ociIndex: 'application/vnd.oci.image.index.v1+json',
    ociManifest: 'application/vnd.oci.image.manifest.v1+json',
    dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
    dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
    ociEmpty: 'application/vnd.oci.empty.v1+json'
};
const MANIFEST_ACCEPT = [MEDIA.ociIndex, MEDIA.dockerList, MEDIA.ociManifest, MEDIA.dockerManifest].join(', ');
function sha256Digest(bytes) {
    return `sha256:${(0,external_node_crypto_namespaceObject.createHash)('sha256').update(bytes).digest('hex')}`;
}
function isIndexMediaType(mediaType) {
    return mediaType === MEDIA.ociIndex || mediaType === MEDIA.dockerList;
}
/** Parses manifest bytes; the media type comes from the document itself or the registry's header. */
function parseManifest(m) {
    const doc = JSON.parse(m.bytes.toString('utf8'));
    const mediaType = doc.mediaType ?? m.mediaType;
    if (isIndexMediaType(mediaType) || (Array.isArray(doc.manifests) && !doc.config)) {
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
function platformText(p) {
    return p ? [p.os, p.architecture, p.variant].filter(Boolean).join('/') : 'unknown';
}
/** buildx attaches provenance/SBOM as `unknown/unknown` manifests that point at the image they describe. */
function isAttestation(d) {
    return d.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest';
}

;// CONCATENATED MODULE: ./src/registry/retry.ts
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

;// CONCATENATED MODULE: ./src/registry/client.ts
// The OCI distribution API, one method per operation. Manifests travel as exact bytes; every
// digest a registry reports is checked against the bytes; blob bodies are verified as they stream.





// One streamed PUT is fastest and cheapest; chunks only pay off for very large blobs, and
// distribution 2.8 drops an upload session whose PATCH was interrupted anyway.
const DEFAULT_CHUNK = 512 * 1024 * 1024;
const UPLOAD_RECOVERIES = 10;
const DIGEST_MISMATCH = 'ERR_DIGEST_MISMATCH';
class RegistryClient {
    transport;
    opts;
    constructor(transport, opts = {}) {
        this.transport = transport;
        this.opts = opts;
    }
    /** The digest, media type and size a tag or digest resolves to, or undefined when absent. */
    async headManifest(repo, reference) {
        const res = await this.send(repo, { method: 'HEAD', path: `/v2/${repo.repository}/manifests/${reference}`, headers: { accept: MANIFEST_ACCEPT } }, ['pull']);
        if (res.status === 404)
            return undefined;
        expectStatus(res, [200], `HEAD manifest ${at(repo, reference)}`);
        const digest = header(res, 'docker-content-digest');
        if (digest)
            return { digest, mediaType: header(res, 'content-type') ?? '', size: Number(header(res, 'content-length') ?? 0) };
        // Without the header, only the bytes tell the digest.
        const m = await this.getManifest(repo, reference);
        return m && { digest: m.digest, mediaType: m.mediaType, size: m.bytes.length };
    }
    /** The manifest's exact bytes; by digest, they must hash to it. Undefined when absent. */
    async getManifest(repo, reference) {
        const res = await this.send(repo, { method: 'GET', path: `/v2/${repo.repository}/manifests/${reference}`, headers: { accept: MANIFEST_ACCEPT } }, ['pull']);
        if (res.status === 404)
            return undefined;
        expectStatus(res, [200], `GET manifest ${at(repo, reference)}`);
        const digest = sha256Digest(res.body);
        if (reference.startsWith('sha256:') && digest !== reference) {
            throw new RegistryError(`${at(repo, reference)} served bytes that hash to ${digest}; refusing them`);
        }
        const claimed = header(res, 'docker-content-digest');
        if (claimed && claimed !== digest)
            throw new RegistryError(`${at(repo, reference)}: the registry says ${claimed} but the bytes hash to ${digest}`);
        const mediaType = header(res, 'content-type') ?? JSON.parse(res.body.toString('utf8')).mediaType ?? '';
        return { bytes: res.body, mediaType, digest };
    }
    /** Stores manifest bytes as they are, under a digest or a tag; returns the digest the registry confirmed. */
    async putManifest(repo, reference, manifest, opts = {}) {
        const what = `PUT manifest ${at(repo, reference)}`;
        const tries = opts.waitForBlobs === false ? 1 : 4;
        // A registry may not yet see children or blobs written a moment ago (eventual consistency).
        for (let attempt = 1;; attempt++) {
            const res = await this.send(repo, {
                method: 'PUT',
                path: `/v2/${repo.repository}/manifests/${reference}`,
                headers: { 'content-type': manifest.mediaType },
                body: manifest.bytes
            }, ['pull', 'push']);
            const code = ociError(res.body).code;
            if (res.status === 400 && (code === 'MANIFEST_BLOB_UNKNOWN' || code === 'BLOB_UNKNOWN') && attempt < tries) {
                await delay(250 * attempt);
                continue;
            }
            expectStatus(res, [200, 201], what);
            const confirmed = header(res, 'docker-content-digest');
            if (confirmed && confirmed !== manifest.digest)
                throw new RegistryError(`${what}: the registry stored ${confirmed}, not ${manifest.digest}`);
            return manifest.digest;
        }
    }
    async headBlob(repo, digest) {
        const res = await this.send(repo, { method: 'HEAD', path: `/v2/${repo.repository}/blobs/${digest}` }, ['pull']);
        if (res.status === 404)
            return false;
        expectStatus(res, [200], `HEAD blob ${at(repo, digest)}`);
        return true;
    }
    /**
     * Cross-repository mount within one registry. True when mounted; false when the registry
     * refused in any way (then the caller uploads), cancelling any upload session it opened.
     */
    async mountBlob(repo, digest, from) {
        const path = `/v2/${repo.repository}/blobs/uploads/?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(from)}`;
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
        const location = header(res, 'location');
        if (res.status === 202 && location)
            await this.send(repo, { method: 'DELETE', path: location, noRetry: true }, ['pull', 'push']).catch(() => undefined);
        return false;
    }
    /** A verified stream of a blob's bytes from `offset`; it errors if the whole blob does not hash to its digest. */
    async getBlob(repo, blob, offset = 0) {
        const headers = offset ? { range: `bytes=${offset}-` } : {};
        let res = await this.send(repo, { method: 'GET', path: `/v2/${repo.repository}/blobs/${blob.digest}`, headers, stream: true }, ['pull']);
        // Blob storage often redirects (S3, CDNs): follow without our credentials if the host changes.
        for (let hops = 0; [301, 302, 303, 307, 308].includes(res.status) && hops < 3; hops++) {
            const location = header(res, 'location');
            if (!location)
                break;
            res = await this.send(repo, { method: 'GET', path: new URL(location, res.url).toString(), headers, stream: true }, [
                'pull'
            ]);
        }
        if (res.status !== 200 && res.status !== 206) {
            expectStatus(res, [200], `GET blob ${at(repo, blob.digest)}`);
        }
        if (offset && res.status !== 206)
            throw new RegistryError(`GET blob ${at(repo, blob.digest)} ignored the Range request; cannot resume at ${offset}`);
        const body = res.stream;
        return offset ? body.pipe(new external_node_stream_namespaceObject.PassThrough()) : body.pipe(verifier(blob));
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
                const status = e instanceof RegistryError ? e.status : undefined;
                if (e instanceof RegistryError && e.code === DIGEST_MISMATCH && ++mismatches > 1)
                    throw new RegistryError(`blob ${blob.digest} came from its source with the right size but other bytes, twice: the source serves corrupt data for it (${e.message}); nothing was tagged`, undefined, DIGEST_MISMATCH);
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
                await delay(Math.min(2000, 100 * 2 ** recoveries));
            }
        }
    }
    /** Makes sure a small blob is in the repository: one HEAD when it is, else a monolithic upload. */
    async putSmallBlob(repo, bytes) {
        const digest = sha256Digest(bytes);
        if (await this.headBlob(repo, digest))
            return digest;
        const res = await this.send(repo, {
            method: 'POST',
            path: `/v2/${repo.repository}/blobs/uploads/?digest=${encodeURIComponent(digest)}`,
            headers: { 'content-type': 'application/octet-stream' },
            body: bytes
        }, ['pull', 'push']);
        if (res.status === 202) {
            // This registry does not take a monolithic POST: finish through the session it opened.
            const location = header(res, 'location');
            if (!location)
                throw new RegistryError(`${repo.registry} started an upload without a Location`);
            const put = await this.send(repo, {
                method: 'PUT',
                path: withQuery(location, 'digest', digest),
                headers: { 'content-type': 'application/octet-stream' },
                body: bytes
            }, ['pull', 'push']);
            expectStatus(put, [201], `PUT blob ${at(repo, digest)}`);
            return digest;
        }
        expectStatus(res, [201], `POST blob ${at(repo, digest)}`);
        return digest;
    }
    async startUpload(repo) {
        const res = await this.send(repo, { method: 'POST', path: `/v2/${repo.repository}/blobs/uploads/`, headers: { 'content-length': '0' } }, ['pull', 'push']);
        expectStatus(res, [202], `POST upload ${repo.registry}/${repo.repository}`);
        const location = header(res, 'location');
        if (!location)
            throw new RegistryError(`${repo.registry} started an upload without a Location`);
        return location;
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
            expectStatus(res, [202], `PATCH blob ${at(repo, blob.digest)} at ${offset}`);
            url = header(res, 'location') ?? url;
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
        return this.send(repo, { method: 'DELETE', path: `/v2/${repo.repository}/manifests/${reference}`, noRetry: false }, [
            'pull',
            'push',
            'delete'
        ]);
    }
    async listTags(repo) {
        const tags = [];
        let path = `/v2/${repo.repository}/tags/list?n=1000`;
        while (path) {
            const res = await this.send(repo, { method: 'GET', path }, ['pull']);
            if (res.status === 404)
                return tags;
            expectStatus(res, [200], `list tags of ${repo.registry}/${repo.repository}`);
            tags.push(...(JSON.parse(res.body.toString('utf8')).tags ?? []));
            const next = /<([^>]+)>;\s*rel="next"/.exec(header(res, 'link') ?? '')?.[1];
            path = next;
        }
        return tags;
    }
    send(repo, req, actions) {
        return this.transport.send({ registry: repo.registry, scope: { repository: repo.repository, actions }, ...req });
    }
}
function expectStatus(res, ok, what) {
    if (ok.includes(res.status))
        return;
    res.stream?.resume();
    const { code, message } = ociError(res.body);
    throw new RegistryError(`${what} answered ${res.status}${code ? ` ${code}` : ''}${message ? `: ${message}` : ''}`, res.status, code);
}
function checkBlobDigest(res, repo, blob) {
    const confirmed = header(res, 'docker-content-digest');
    if (confirmed && confirmed !== blob.digest)
        throw new RegistryError(`${repo.registry}/${repo.repository} stored blob ${confirmed}, expected ${blob.digest}`);
}
function header(res, name) {
    const v = res.headers[name];
    return Array.isArray(v) ? v[0] : v;
}
function at(repo, reference) {
    return `${repo.registry}/${repo.repository}${reference.startsWith('sha256:') ? '@' : ':'}${reference}`;
}
function withQuery(location, key, value) {
    return `${location}${location.includes('?') ? '&' : '?'}${key}=${encodeURIComponent(value)}`;
}
/** Passes bytes through and fails at the end unless they have the descriptor's size and digest. */
function verifier(blob) {
    const hash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
    let size = 0;
    return new external_node_stream_namespaceObject.Transform({
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

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: ./src/registry/credentials.ts
// Where registry credentials come from, per registry host, in this order:
//   1. IMAGEGATE_REGISTRY_USER + IMAGEGATE_REGISTRY_PASSWORD, for the hosts named in .imagegate.yml only;
//   2. docker's config.json: credHelpers[host] (a docker-credential-* helper), else auths[host]
//      (`auth` = base64 user:pass, or `username`/`password`, or `identitytoken`), else the global credsStore helper;
//   3. nothing: anonymous.
// Helpers speak the docker-credential-helpers protocol: `get`, the server URL on stdin, JSON on stdout.
// Every secret seen is remembered for log masking, and no error message ever contains one.






const ENV_USER = 'IMAGEGATE_REGISTRY_USER';
const ENV_PASSWORD = 'IMAGEGATE_REGISTRY_PASSWORD';
const ENV_SOURCE = `${ENV_USER}/PASSWORD`;
/** The key docker writes Docker Hub credentials under. */
const DOCKER_HUB_KEY = 'https://index.docker.io/v1/';
const DOCKER_HUB_HOSTS = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
/** What a credential helper prints when it holds nothing for the server. */
const NOT_FOUND = /credentials not found/i;
const TOKEN_USERNAME = '<token>';
/** Resolves and caches credentials per registry host; see the top of this file for the order. */
class CredentialStore {
    env;
    envHosts;
    configDir;
    cache = new Map();
    seen = new Set();
    config;
    constructor(opts) {
        this.env = opts.env;
        this.envHosts = new Set((opts.envHosts ?? []).map(canonicalHost));
        this.configDir =
            opts.dockerConfigDir ??
                (opts.env.DOCKER_CONFIG || undefined) ??
                (opts.env.HOME ? (0,external_node_path_namespaceObject.join)(opts.env.HOME, '.docker') : undefined);
        // Mask the environment's password from the start, even before (or without) it being used.
        const user = opts.env[ENV_USER];
        const password = opts.env[ENV_PASSWORD];
        if (password)
            this.remember(password);
        if (user && password)
            this.remember(basicAuth(user, password));
    }
    /** Credentials for a registry host ('ghcr.io', 'localhost:5002', 'docker.io'), or undefined for anonymous. Cached per host. */
    get(host) {
        let key;
        try {
            key = canonicalHost(host);
        }
        catch (e) {
            return Promise.reject(e);
        }
        let pending = this.cache.get(key);
        if (!pending) {
            pending = this.resolve(key);
            this.cache.set(key, pending);
            // A failure is not cached: fixing the cause (installing a helper) and asking again works.
            pending.catch(() => this.cache.delete(key));
        }
        return pending;
    }
    /** Every secret value seen so far (passwords, tokens, and derived forms like base64(user:pass)), for log masking. */
    secrets() {
        return [...this.seen];
    }
    async resolve(host) {
        const fromEnv = this.fromEnv(host);
        if (fromEnv)
            return fromEnv;
        const config = await this.loadConfig();
        if (!config)
            return undefined;
        const helperKey = findKey(config.credHelpers, host);
        if (helperKey !== undefined) {
            const helper = config.credHelpers[helperKey];
            return this.fromHelper(helper, host, `${config.file} credHelpers[${JSON.stringify(helperKey)}]`);
        }
        const authKey = findKey(config.auths, host, key => hasCredentials(config.auths[key]));
        if (authKey !== undefined)
            return this.fromAuthEntry(config, authKey);
        if (config.credsStore)
            return this.fromHelper(config.credsStore, host, `${config.file} credsStore`);
        return undefined;
    }
    fromEnv(host) {
        const username = this.env[ENV_USER];
        const password = this.env[ENV_PASSWORD];
        if (!username && !password)
            return undefined;
        if (!username || !password) {
            const [set, unset] = username ? [ENV_USER, ENV_PASSWORD] : [ENV_PASSWORD, ENV_USER];
            throw new UsageError(`${set} is set but ${unset} is not; set both ${ENV_USER} and ${ENV_PASSWORD}, or neither (then docker's config.json is used)`);
        }
        if (!this.envHosts.has(host))
            return undefined;
        return { credentials: { kind: 'basic', username, password }, source: ENV_SOURCE };
    }
    fromAuthEntry(config, key) {
        const entry = config.auths[key];
        const source = `${config.file} auths[${JSON.stringify(key)}]`;
        let basic;
        if (entry.auth) {
            this.remember(entry.auth);
            basic = decodeAuth(entry.auth);
            if (basic)
                this.remember(basic.password);
            else
                throw new UsageError(`the "auth" of ${JSON.stringify(key)} in ${config.file} is not base64 of user:password; run \`docker login ${key}\` again, or fix or delete that entry`);
        }
        else if (entry.username || entry.password) {
            if (entry.password)
                this.remember(entry.password);
            if (!entry.username || !entry.password)
                throw new UsageError(`the entry for ${JSON.stringify(key)} in ${config.file} has a ${entry.username ? '"username" but no "password"' : '"password" but no "username"'}; give both, or run \`docker login ${key}\` again`);
            basic = { username: entry.username, password: entry.password };
        }
        if (basic)
            this.remember(basicAuth(basic.username, basic.password));
        if (entry.identitytoken) {
            this.remember(entry.identitytoken);
            return { credentials: { kind: 'identity-token', token: entry.identitytoken }, source };
        }
        return { credentials: { kind: 'basic', ...basic }, source };
    }
    /** Runs `docker-credential-<name> get` with the server URL on stdin. `referrer` says which setting named it. */
    async fromHelper(name, host, referrer) {
        const program = `docker-credential-${name}`;
        const missing = () => new InfrastructureError(`${program} is not installed or not on PATH, but ${referrer} refers to it; install ${program}, or remove that setting from the file`);
        const path = await findProgram(program, this.env.PATH ?? process.env.PATH ?? '');
        if (!path)
            throw missing();
        const serverUrl = host === 'docker.io' ? DOCKER_HUB_KEY : host;
        let result;
        try {
            result = await Exec.run(path, ['get'], { input: serverUrl, env: definedOnly(this.env) });
        }
        catch (e) {
            if (e instanceof InfrastructureError)
                throw missing();
            throw e;
        }
        const output = `${result.stdout}\n${result.stderr}`;
        if (result.exitCode !== 0) {
            if (NOT_FOUND.test(output))
                return undefined;
            const last = this.mask(lastLine(result.stderr) || lastLine(result.stdout) || '(no output)');
            throw new InfrastructureError(`${program} get failed for ${serverUrl} (exit ${result.exitCode}: ${last}), as ${referrer} asks; check it with \`echo ${serverUrl} | ${program} get\`, or remove that setting`);
        }
        if (!result.stdout.trim())
            return undefined;
        let answer;
        try {
            answer = JSON.parse(result.stdout);
        }
        catch {
            throw new InfrastructureError(`${program} get printed something other than JSON for ${serverUrl}; it does not speak the docker-credential-helpers protocol, fix it or remove ${referrer}`);
        }
        if (!isObject(answer) || (answer.Secret !== undefined && typeof answer.Secret !== 'string'))
            throw new InfrastructureError(`${program} get answered ${serverUrl} without a string "Secret"; it does not speak the docker-credential-helpers protocol, fix it or remove ${referrer}`);
        const secret = typeof answer.Secret === 'string' ? answer.Secret : '';
        const username = typeof answer.Username === 'string' ? answer.Username : '';
        if (!secret)
            return undefined;
        this.remember(secret);
        const source = `credential helper ${program}`;
        if (username === TOKEN_USERNAME)
            return { credentials: { kind: 'identity-token', token: secret }, source };
        this.remember(basicAuth(username, secret));
        return { credentials: { kind: 'basic', username, password: secret }, source };
    }
    loadConfig() {
        this.config ??= this.configDir
            ? readDockerConfig((0,external_node_path_namespaceObject.join)(this.configDir, 'config.json')).catch((e) => {
                this.config = undefined; // fixed files are read again
                throw e;
            })
            : Promise.resolve(undefined);
        return this.config;
    }
    remember(secret) {
        if (secret)
            this.seen.add(secret);
    }
    mask(text) {
        return [...this.seen].reduce((t, s) => t.split(s).join('***'), text);
    }
}
/** The host a registry name or config key refers to: scheme and path dropped, lower case, Docker Hub as `docker.io`. */
function canonicalHost(text) {
    const host = text
        .trim()
        .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
        .split('/')[0]
        .toLowerCase();
    if (!host)
        throw new UsageError(`\`${text}\` is not a registry host; write it as e.g. ghcr.io or localhost:5000`);
    return DOCKER_HUB_HOSTS.has(host) ? 'docker.io' : host;
}
/** The key of `map` for `host`: written exactly as the host (or Docker Hub's URL) first, else any key naming that host. */
function findKey(map, host, usable = () => true) {
    const keys = Object.keys(map).filter(usable);
    const exact = host === 'docker.io' ? [DOCKER_HUB_KEY, 'docker.io'] : [host];
    return (exact.find(k => keys.includes(k)) ??
        keys.find(k => {
            try {
                return canonicalHost(k) === host;
            }
            catch {
                return false;
            }
        }));
}
/** Docker writes `{}` entries when a credsStore holds the secret: those say nothing. */
function hasCredentials(entry) {
    return Boolean(entry.auth || entry.username || entry.password || entry.identitytoken);
}
function decodeAuth(auth) {
    const text = auth.trim();
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || text.length % 4 === 1)
        return undefined;
    const decoded = Buffer.from(text, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0 || colon === decoded.length - 1)
        return undefined;
    return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
function basicAuth(username, password) {
    return Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
}
async function readDockerConfig(file) {
    let text;
    try {
        text = await (0,promises_namespaceObject.readFile)(file, 'utf8');
    }
    catch (e) {
        const code = e.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            return undefined;
        throw new UsageError(`cannot read docker's ${file} (${code ?? String(e)}); fix its permissions, or point DOCKER_CONFIG at another directory`);
    }
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (e) {
        throw new UsageError(`docker's ${file} is not valid JSON (${describeJsonError(e, text)}); fix it, or point DOCKER_CONFIG at another directory`);
    }
    const shape = (what) => new UsageError(`docker's ${file}: ${what}; fix it, or point DOCKER_CONFIG at another directory`);
    if (!isObject(data))
        throw shape('the file must hold a JSON object');
    const { auths = {}, credHelpers = {}, credsStore } = data;
    if (!isObject(auths))
        throw shape('"auths" must be an object of registry entries');
    for (const [key, entry] of Object.entries(auths)) {
        if (!isObject(entry))
            throw shape(`auths[${JSON.stringify(key)}] must be an object`);
        for (const field of ['auth', 'username', 'password', 'identitytoken'])
            if (entry[field] !== undefined && typeof entry[field] !== 'string')
                throw shape(`auths[${JSON.stringify(key)}].${field} must be a string`);
    }
    if (!isObject(credHelpers))
        throw shape('"credHelpers" must map registry hosts to helper names');
    for (const [key, name] of Object.entries(credHelpers))
        if (typeof name !== 'string' || !isHelperName(name))
            throw shape(`credHelpers[${JSON.stringify(key)}] must be a helper name such as "ecr-login"`);
    if (credsStore !== undefined && (typeof credsStore !== 'string' || (credsStore !== '' && !isHelperName(credsStore))))
        throw shape('"credsStore" must be a helper name such as "desktop"');
    return {
        file,
        auths: auths,
        credHelpers: credHelpers,
        credsStore: credsStore || undefined
    };
}
function isHelperName(name) {
    return /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name);
}
/** V8's JSON error without the excerpt of the file it may quote (the file holds secrets), with a line and column. */
function describeJsonError(e, text) {
    const message = e instanceof Error ? e.message : String(e);
    let kind = message
        .replace(/,\s*(?:\.\.\.)?".*$/s, '')
        .replace(/\s+(?:in JSON\s+)?at position \d+.*$/s, '')
        .replace(/\s+\(line \d+ column \d+\)$/, '');
    // Name the offending token only when it is JSON punctuation, never a character of a value.
    kind = kind.replace(/\s*'([^']*)'/g, (_m, token) => (/^[{}[\]:,"]$/.test(token) ? ` '${token}'` : ''));
    kind = kind.replace(/"[^"]*"/g, '').trim() || 'not valid JSON';
    const position = /at position (\d+)/.exec(message);
    if (!position)
        return kind;
    const before = text.slice(0, Number(position[1]));
    const line = before.split('\n').length;
    const col = before.length - before.lastIndexOf('\n');
    return `${kind} at line ${line} column ${col}`;
}
async function findProgram(name, pathList) {
    for (const dir of pathList.split(external_node_path_namespaceObject.delimiter)) {
        if (!dir)
            continue;
        const candidate = (0,external_node_path_namespaceObject.join)(dir, name);
        try {
            await (0,promises_namespaceObject.access)(candidate, external_node_fs_namespaceObject.constants.X_OK);
            if ((await (0,promises_namespaceObject.stat)(candidate)).isFile())
                return candidate;
        }
        catch {
            // not here
        }
    }
    return undefined;
}
function definedOnly(env) {
    const out = {};
    for (const [k, v] of Object.entries(env))
        if (v !== undefined)
            out[k] = v;
    return out;
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: external "node:http"
const external_node_http_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");
var external_node_http_default = /*#__PURE__*/__nccwpck_require__.n(external_node_http_namespaceObject);
;// CONCATENATED MODULE: external "node:https"
const external_node_https_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");
var external_node_https_default = /*#__PURE__*/__nccwpck_require__.n(external_node_https_namespaceObject);
;// CONCATENATED MODULE: ./src/registry/challenge.ts
// WWW-Authenticate challenges (RFC 7235) as registries send them, and the token scopes we ask for.
/** Parses `Bearer realm="…",service="…",scope="…"` (several challenges may share one header). */
function parseChallenges(header) {
    if (!header)
        return [];
    const out = [];
    const re = /([A-Za-z][\w-]*)\s*(?:=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+)))?\s*,?/g;
    let current;
    for (let m = re.exec(header); m; m = re.exec(header)) {
        const [, name = '', quoted, token] = m;
        if (quoted === undefined && token === undefined) {
            current = { scheme: name.toLowerCase(), params: {} };
            out.push(current);
        }
        else if (current) {
            current.params[name.toLowerCase()] = quoted !== undefined ? quoted.replace(/\\(.)/g, '$1') : (token ?? '');
        }
        if (m[0] === '')
            re.lastIndex++;
    }
    return out;
}
/** `repository:acme/web:pull,push` */
function scopeFor(repository, actions) {
    return `repository:${repository}:${[...new Set(actions)].sort(actionOrder).join(',')}`;
}
function actionOrder(a, b) {
    const order = ['pull', 'push', 'delete'];
    return order.indexOf(a) - order.indexOf(b);
}

;// CONCATENATED MODULE: ./src/registry/transport.ts
// HTTP to registries in three layers: auth (anonymous, basic, bearer tokens per repository scope,
// refreshed once on 401, sent only to the registry's own host), then retry (one policy, no nested
// retries, only replayable bodies), then timeouts (idle and overall). Built on node:http(s) so
// bodies stream both ways and every byte can be counted.







const gate = new HostGate();
/** Requests to one host being started or waiting for their response headers at once. */
const MAX_STARTS_PER_HOST = 6;
class RegistryTransport {
    opts;
    stats = { requests: 0, bytesSent: 0, bytesReceived: 0, byMethod: {} };
    tokens = new Map();
    basicHosts = new Set();
    // No socket limit in the agents: a request queued inside an agent would go out later without
    // passing the host gate again. Concurrency is bounded per host by `starts` instead.
    agents = { http: new (external_node_http_default()).Agent({ keepAlive: true }), https: new (external_node_https_default()).Agent({ keepAlive: true }) };
    starts = new Map();
    retry;
    constructor(opts = {}) {
        this.opts = opts;
        this.retry = opts.retry ?? DEFAULT_RETRY;
    }
    close() {
        this.agents.http.destroy();
        this.agents.https.destroy();
    }
    /** Sends a request with auth, retries and timeouts; resolves with any HTTP status. */
    async send(req) {
        // Bodies are Buffers or stream factories, so every attempt can send the whole body again.
        const attempts = req.noRetry ? 1 : this.retry.attempts;
        let lastError;
        for (let attempt = 1; attempt <= attempts; attempt++) {
            this.checkDeadline(req);
            try {
                const res = await this.startsFor(req.registry).run(async () => {
                    await gate.wait(req.registry);
                    return this.sendWithAuth(req);
                });
                if (!isRetryableStatus(res.status))
                    return res;
                if (attempt === attempts) {
                    // Out of attempts, but the registry's wish still holds for whatever asks it next.
                    const asked = parseRetryAfter(headerText(res.headers['retry-after']));
                    if (asked !== undefined)
                        gate.hold(req.registry, Math.min(asked, this.retry.maxRetryAfterMs));
                    return res;
                }
                const wait = this.waitFor(res, attempt, req);
                if (res.status === 429 || res.status === 503)
                    gate.hold(req.registry, wait);
                res.stream?.resume();
                await delay(res.status === 429 || res.status === 503 ? 0 : wait);
                lastError = new RegistryError(describe(req, res), res.status, ociError(res.body).code);
            }
            catch (e) {
                if (e instanceof RegistryError && e.status !== undefined)
                    throw e;
                if (!isRetryableError(e) || attempt === attempts)
                    throw wrapNetworkError(req, e);
                lastError = e;
                await delay(backoffMs(this.retry, attempt));
            }
        }
        throw wrapNetworkError(req, lastError);
    }
    startsFor(host) {
        let limiter = this.starts.get(host);
        if (!limiter)
            this.starts.set(host, (limiter = new Limiter(MAX_STARTS_PER_HOST)));
        return limiter;
    }
    waitFor(res, attempt, req) {
        const asked = parseRetryAfter(headerText(res.headers['retry-after']));
        if (asked === undefined)
            return backoffMs(this.retry, attempt);
        if (asked > this.retry.maxRetryAfterMs) {
            throw new RegistryError(`${req.registry} asks to wait ${Math.round(asked / 1000)}s before ${req.method} ${pathOf(req)} (Retry-After), more than the ${this.retry.maxRetryAfterMs / 1000}s imagegate waits; try again later`, res.status);
        }
        return asked;
    }
    checkDeadline(req) {
        if (this.opts.deadline !== undefined && Date.now() > this.opts.deadline) {
            throw new RegistryError(`the operation ran past its deadline before ${req.method} ${pathOf(req)} on ${req.registry}`);
        }
    }
    /** One attempt: sends with what we know of the host's auth; on a challenge, authenticates once and resends. */
    async sendWithAuth(req) {
        const url = this.urlFor(req);
        const sameHost = url.host === req.registry;
        const scope = scopeString(req);
        const auth = sameHost ? this.cachedAuth(req.registry, scope) : undefined;
        const first = await this.raw(req, url, auth);
        if (first.status !== 401 || !sameHost)
            return first;
        const challenges = parseChallenges(headerText(first.headers['www-authenticate']));
        first.stream?.resume();
        const header = await this.authenticate(req, challenges, scope);
        if (!header)
            return first;
        const second = await this.raw(req, url, header);
        if (second.status === 401) {
            second.stream?.resume();
            throw new RegistryError(`credentials rejected by ${req.registry} for ${scope} (${ociError(second.body).message ?? 'unauthorized'}); check them`, 401, ociError(second.body).code);
        }
        return second;
    }
    cachedAuth(registry, scope) {
        const token = this.tokens.get(`${registry} ${scope}`);
        if (token && token.expires > Date.now())
            return token.header;
        return this.basicHosts.has(registry) ? this.basicHeaders.get(registry) : undefined;
    }
    basicHeaders = new Map();
    async authenticate(req, challenges, scope) {
        const credentials = (await this.opts.credentials?.get(req.registry))?.credentials;
        const bearer = challenges.find(c => c.scheme === 'bearer');
        if (bearer)
            return this.fetchToken(req, bearer, scope, credentials);
        const basic = challenges.find(c => c.scheme === 'basic');
        if (basic && credentials?.kind === 'basic') {
            this.refusePlainCredentials(req.registry);
            const header = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
            this.opts.onSecret?.(header.slice(6));
            this.basicHosts.add(req.registry);
            this.basicHeaders.set(req.registry, header);
            return header;
        }
        if (basic)
            throw new RegistryError(`${req.registry} needs credentials for ${scope}: set IMAGEGATE_REGISTRY_USER and IMAGEGATE_REGISTRY_PASSWORD, or log in with docker login`, 401);
        return undefined;
    }
    async fetchToken(req, challenge, scope, credentials) {
        const realm = challenge.params.realm;
        if (!realm)
            throw new RegistryError(`${req.registry} sent a bearer challenge without a realm`, 401);
        const realmUrl = new URL(realm);
        if (realmUrl.protocol !== 'https:' && !isLoopback(realmUrl.host) && !this.isInsecure(realmUrl.host)) {
            throw new RegistryError(`${req.registry} points its token service at ${realmUrl.origin}, which is not https; refusing to send credentials there`);
        }
        const scopes = [
            scope,
            ...(challenge.params.scope && challenge.params.scope !== scope ? [challenge.params.scope] : []),
            ...(req.scope.extra ?? [])
        ];
        if (challenge.params.service)
            realmUrl.searchParams.set('service', challenge.params.service);
        for (const s of scopes)
            realmUrl.searchParams.append('scope', s);
        const headers = {};
        if (credentials?.kind === 'basic') {
            if (realmUrl.protocol !== 'https:')
                this.refusePlainCredentials(realmUrl.host);
            headers.authorization = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
        }
        const tokenReq = {
            method: 'GET',
            registry: realmUrl.host,
            path: realmUrl.toString(),
            headers,
            scope: req.scope
        };
        const res = await this.raw(tokenReq, realmUrl, headers.authorization);
        if (res.status !== 200) {
            throw new RegistryError(`the token service of ${req.registry} answered ${res.status} for ${scope}${credentials ? '; check the credentials' : '; it may need credentials'}`, res.status);
        }
        const doc = JSON.parse(res.body.toString('utf8'));
        const token = doc.token ?? doc.access_token;
        if (!token)
            throw new RegistryError(`the token service of ${req.registry} answered without a token`);
        this.opts.onSecret?.(token);
        // Tokens live at least 60 s (token spec default); renew 5 s early.
        const lifetime = Math.max(60, doc.expires_in ?? 60) * 1000 - 5000;
        const header = `Bearer ${token}`;
        this.tokens.set(`${req.registry} ${scope}`, { header, expires: Date.now() + lifetime });
        return header;
    }
    refusePlainCredentials(host) {
        if (!isLoopback(host) && !this.isInsecure(host)) {
            throw new RegistryError(`refusing to send credentials to ${host} over plain HTTP; use https or list the host as insecure`);
        }
    }
    isInsecure(host) {
        return (this.opts.insecureHosts ?? []).includes(host);
    }
    urlFor(req) {
        if (/^https?:\/\//.test(req.path))
            return new URL(req.path);
        const scheme = isLoopback(req.registry) || this.isInsecure(req.registry) ? 'http' : 'https';
        return new URL(`${scheme}://${req.registry}${req.path}`);
    }
    /** One HTTP exchange, no auth logic, no retry. */
    raw(req, url, authorization) {
        this.stats.requests++;
        this.stats.byMethod[req.method] = (this.stats.byMethod[req.method] ?? 0) + 1;
        const headers = { 'user-agent': this.opts.userAgent ?? 'imagegate', ...req.headers };
        if (authorization)
            headers.authorization = authorization;
        else
            delete headers.authorization;
        if (req.bodyLength !== undefined)
            headers['content-length'] = String(req.bodyLength);
        else if (Buffer.isBuffer(req.body))
            headers['content-length'] = String(req.body.length);
        const client = url.protocol === 'https:' ? (external_node_https_default()) : (external_node_http_default());
        const agent = url.protocol === 'https:' ? this.agents.https : this.agents.http;
        return new Promise((resolve, reject) => {
            const request = client.request(url, { method: req.method, headers, agent });
            request.setTimeout(this.opts.idleTimeoutMs ?? 60000, () => request.destroy(Object.assign(new Error(`no answer from ${url.host} for ${this.opts.idleTimeoutMs ?? 60000} ms`), {
                code: 'ERR_IDLE_TIMEOUT'
            })));
            request.on('error', reject);
            request.on('response', res => {
                if (req.stream && res.statusCode !== undefined && res.statusCode < 300) {
                    // Counting through a Transform keeps the body paused until the caller reads it.
                    const stats = this.stats;
                    const counted = new external_node_stream_namespaceObject.Transform({
                        transform(chunk, _encoding, done) {
                            stats.bytesReceived += chunk.length;
                            done(null, chunk);
                        }
                    });
                    res.on('error', e => counted.destroy(e));
                    res.on('aborted', () => counted.destroy(Object.assign(new Error('response aborted'), { code: 'ECONNRESET' })));
                    resolve({
                        status: res.statusCode,
                        headers: res.headers,
                        body: Buffer.alloc(0),
                        stream: res.pipe(counted),
                        url
                    });
                    return;
                }
                const chunks = [];
                res.on('data', (c) => {
                    chunks.push(c);
                    this.stats.bytesReceived += c.length;
                });
                res.on('error', reject);
                res.on('aborted', () => reject(Object.assign(new Error('response aborted'), { code: 'ECONNRESET' })));
                res.on('end', () => {
                    const body = Buffer.concat(chunks);
                    const expected = Number(res.headers['content-length']);
                    if (req.method !== 'HEAD' && Number.isFinite(expected) && body.length < expected) {
                        reject(Object.assign(new Error(`short body from ${url.host}: ${body.length} of ${expected} bytes`), {
                            code: 'ERR_SHORT_BODY'
                        }));
                        return;
                    }
                    resolve({ status: res.statusCode ?? 0, headers: res.headers, body, url });
                });
            });
            this.writeBody(req, request, reject);
        });
    }
    writeBody(req, request, reject) {
        if (req.body === undefined) {
            request.end();
            return;
        }
        if (Buffer.isBuffer(req.body)) {
            this.stats.bytesSent += req.body.length;
            request.end(req.body);
            return;
        }
        // A stream the registry stopped reading (it answered early, e.g. 401) is closed, so the
        // source's connection is not held; the next send opens a fresh one.
        Promise.resolve()
            .then(() => req.body())
            .then(stream => {
            stream.on('data', (c) => void (this.stats.bytesSent += c.length));
            stream.on('error', e => {
                request.destroy(e);
                reject(e);
            });
            request.on('response', () => {
                if (!stream.readableEnded) {
                    stream.unpipe(request);
                    stream.destroy();
                }
            });
            request.on('close', () => stream.destroyed || stream.readableEnded || stream.destroy());
            stream.pipe(request);
        })
            .catch((e) => {
            request.destroy(e instanceof Error ? e : new Error(String(e)));
            reject(e);
        });
    }
}
function isLoopback(host) {
    const name = host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
    return name === 'localhost' || name.startsWith('127.') || name === '::1';
}
function scopeString(req) {
    return scopeFor(req.scope.repository, req.scope.actions);
}
function headerText(value) {
    return Array.isArray(value) ? value.join(', ') : value;
}
function pathOf(req) {
    return /^https?:\/\//.test(req.path) ? new URL(req.path).pathname : req.path.split('?')[0];
}
function describe(req, res) {
    const { code, message } = ociError(res.body);
    return `${req.method} ${pathOf(req)} on ${req.registry} answered ${res.status}${code ? ` ${code}` : ''}${message ? `: ${message}` : ''}`;
}
function wrapNetworkError(req, e) {
    if (e instanceof RegistryError)
        return e;
    const message = e instanceof Error ? e.message : String(e);
    const code = e?.code;
    return new RegistryError(`${req.method} ${pathOf(req)} on ${req.registry} failed: ${message}`, undefined, typeof code === 'string' ? code : undefined);
}

;// CONCATENATED MODULE: ./src/registry/untag.ts
// Removing one tag without ever removing another. On distribution 2.8 a manifest DELETE by digest
// also removes every tag pointing at that digest — including a final tag just promoted from this
// staging tag. So the tag is first pointed at a tombstone manifest of its own (unique bytes), and
// that tombstone is deleted by digest: only the staging tag goes.


const EMPTY_CONFIG = Buffer.from('{}');
const EMPTY_DIGEST = sha256Digest(EMPTY_CONFIG);
/** A manifest no other tag can share: it names the tag and a random nonce. */
function tombstoneManifest(tag, nonce = (0,external_node_crypto_namespaceObject.randomBytes)(16).toString('hex')) {
    const doc = {
        schemaVersion: 2,
        mediaType: MEDIA.ociManifest,
        artifactType: 'application/vnd.imagegate.tombstone',
        config: { mediaType: MEDIA.ociEmpty, digest: EMPTY_DIGEST, size: EMPTY_CONFIG.length },
        layers: [],
        annotations: { 'dev.imagegate.tombstone': `${tag} ${nonce}` }
    };
    const bytes = Buffer.from(JSON.stringify(doc));
    return { bytes, mediaType: MEDIA.ociManifest, digest: sha256Digest(bytes) };
}
function isTombstone(manifest) {
    return manifest.bytes.length < 1024 && manifest.bytes.includes('"dev.imagegate.tombstone"');
}
class Untagger {
    client;
    deletesRefused = new Map();
    constructor(client) {
        this.client = client;
    }
    async removeTag(repo, tag) {
        if (await this.refusesDeletes(repo)) {
            return {
                removed: false,
                tag,
                reason: `${repo.registry} refuses deletes through the registry API (405); remove it with the registry's own API or UI`
            };
        }
        const tombstone = tombstoneManifest(tag);
        // Its 2-byte config goes up in one request (a no-op if the repository has it).
        await this.client.putSmallBlob(repo, EMPTY_CONFIG);
        await this.client.putManifest(repo, tag, tombstone, { waitForBlobs: false });
        const res = await this.client.deleteManifest(repo, tombstone.digest);
        if (res.status === 202 || res.status === 200 || res.status === 404)
            return { removed: true, tag };
        return {
            removed: false,
            tag,
            reason: `deleting its tombstone ${tombstone.digest} answered ${res.status}; the tag now points at that empty tombstone`
        };
    }
    /** Asks once per registry: deleting a digest nobody has answers 404 where deletes work, 405 where they are off. */
    async refusesDeletes(repo) {
        const known = this.deletesRefused.get(repo.registry);
        if (known !== undefined)
            return known;
        const res = await this.client.deleteManifest(repo, sha256Digest(`imagegate probe ${(0,external_node_crypto_namespaceObject.randomBytes)(8).toString('hex')}`));
        const refused = res.status === 405;
        this.deletesRefused.set(repo.registry, refused);
        return refused;
    }
}

;// CONCATENATED MODULE: ./src/app/merge.ts
// merge: after one gate job per platform, assemble each image's index from exactly the digests the
// platform jobs tested and recorded, push it under the staging tag (children are already there: zero
// layer bytes), read it back, then remove the per-platform staging tags. Refuses, publishing
// nothing, when a platform is missing or failed, or the registry holds other bytes than recorded.












async function runMerge(req) {
    const started = Date.now();
    // merge writes the staging tag, as gate does: never on a run that may not write.
    if (!req.plan.trusted)
        throw new UsageError(`merge is refused: this run may not write to any registry (${req.plan.reason})`);
    const records = await readRecords((0,external_node_path_namespaceObject.resolve)(req.recordsDir ?? DEFAULT_RECORDS_DIR));
    const credentials = new CredentialStore({ env: req.env, envHosts: registryHosts(req.loaded.config) });
    credentials.secrets().forEach(s => req.reporter.mask(s));
    const transport = req.transport ?? new RegistryTransport({ credentials, onSecret: s => req.reporter.mask(s), userAgent: 'imagegate' });
    const client = new RegistryClient(transport);
    const report = { images: [], refs: [], warnings: [], http: transport.stats, durationMs: 0 };
    try {
        const unknown = records.filter(r => !req.loaded.config.images.some(i => i.name === r.image));
        if (unknown.length)
            throw new UsageError(`records for images the configuration does not have: ${[...new Set(unknown.map(r => r.image))].join(', ')}; merge runs with the configuration the platform jobs used`);
        // Check every image before writing anything: one refusal publishes nothing.
        const checked = req.loaded.config.images.map(image => {
            try {
                return {
                    image,
                    ...checkRecords({
                        image: image.name,
                        platforms: image.platforms,
                        records: records.filter(r => r.image === image.name)
                    })
                };
            }
            catch (e) {
                throw e instanceof MergeRefused ? new FailedError(e.message) : e;
            }
        });
        const located = [];
        for (const { image, records: ordered } of checked) {
            const staging = stagingOf(image.name, ordered, req.plan);
            located.push({ name: image.name, staging, parts: await Promise.all(ordered.map(r => locate(client, r))) });
        }
        for (const { name, staging, parts } of located)
            report.images.push(await publish(client, req.reporter, name, staging, parts, report));
    }
    finally {
        if (!req.transport)
            transport.close();
    }
    report.durationMs = Date.now() - started;
    return report;
}
async function readRecords(dir) {
    let names;
    try {
        names = (await (0,promises_namespaceObject.readdir)(dir)).filter(n => n.endsWith('.json')).sort();
    }
    catch {
        throw new UsageError(`no records directory ${dir}: pass the records the \`gate --platform\` jobs wrote (CI artifacts) with --records DIR`);
    }
    if (names.length === 0)
        throw new UsageError(`${dir} holds no records: pass on the artifacts of the \`gate --platform\` jobs`);
    return Promise.all(names.map(async (n) => parseRecord(await (0,promises_namespaceObject.readFile)((0,external_node_path_namespaceObject.join)(dir, n), 'utf8'), (0,external_node_path_namespaceObject.join)(dir, n))));
}
/** The staging reference the records name (their ref minus the platform suffix), checked against the configuration. */
function stagingOf(name, records, plan) {
    const texts = new Set(records.map(r => {
        const suffix = `-${platformSuffix(r.platform)}`;
        if (!r.ref.endsWith(suffix))
            throw new FailedError(`merge refused for ${name}: the ${r.platform} record's ref ${r.ref} is not a per-platform staging tag`);
        return r.ref.slice(0, -suffix.length);
    }));
    if (texts.size !== 1)
        throw new FailedError(`merge refused for ${name}: the records name different staging tags (${[...texts].join(', ')})`);
    const text = [...texts][0];
    const parsed = parseReference(text);
    if (!parsed.ok || !parsed.value.tag)
        throw new FailedError(`merge refused for ${name}: ${text} is not a tag reference`);
    const planned = plan.images.find(i => i.name === name)?.staging?.value;
    const repoOf = (ref) => ref.slice(0, ref.lastIndexOf(':'));
    if (planned && repoOf(planned) !== repoOf(text))
        throw new FailedError(`merge refused for ${name}: the records staged in ${repoOf(text)}, but this configuration stages in ${repoOf(planned)}`);
    return { repo: { registry: parsed.value.registry, repository: parsed.value.repository }, tag: parsed.value.tag, text };
}
/** Reads what a record names and proves it is what the job tested, for the record's platform. */
async function locate(client, record) {
    const parsed = parseReference(record.ref);
    if (!parsed.ok || !parsed.value.tag)
        throw new FailedError(`${record.image} ${record.platform}: bad ref ${record.ref}`);
    const repo = { registry: parsed.value.registry, repository: parsed.value.repository };
    const tag = parsed.value.tag;
    const what = `${record.image} ${record.platform}`;
    const now = (await client.headManifest(repo, tag))?.digest;
    if (now !== undefined && now !== record.digest)
        throw new FailedError(`merge refused for ${record.image}: ${record.ref} now points at ${now}, but the ${record.platform} job tested and recorded ${record.digest}; the staging tag was overwritten after the test. Re-run the ${record.platform} job.`);
    const manifest = await client.getManifest(repo, record.digest);
    if (!manifest)
        throw new FailedError(`merge refused for ${record.image}: ${repo.registry}/${repo.repository}@${record.digest} (the tested ${record.platform} image) is not in the registry; re-run the ${record.platform} job`);
    return {
        record,
        repo,
        tag,
        tagged: now !== undefined,
        manifests: await entriesOf(client, repo, manifest, record, what)
    };
}
async function entriesOf(client, repo, manifest, record, what) {
    const parsed = parseManifest(manifest);
    if (parsed.kind === 'index') {
        const images = parsed.index.manifests.filter(m => !isAttestation(m));
        if (images.length !== 1 || !samePlatformText(platformText(images[0].platform), record.platform))
            throw new FailedError(`merge refused for ${what}: ${record.digest} holds ${images.map(m => platformText(m.platform)).join(', ') || 'no image'}, not exactly ${record.platform}`);
        return { platform: record.platform, entries: parsed.index.manifests.map(toEntry) };
    }
    // A lone image manifest carries its platform in its config.
    const config = parsed.manifest.config;
    const chunks = [];
    for await (const c of await client.getBlob(repo, config))
        chunks.push(c);
    const doc = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const platform = {
        os: doc.os ?? 'unknown',
        architecture: doc.architecture ?? 'unknown',
        ...(doc.variant ? { variant: doc.variant } : {})
    };
    if (!samePlatformText(platformText(platform), record.platform))
        throw new FailedError(`merge refused for ${what}: ${record.digest} is a ${platformText(platform)} image, not ${record.platform}`);
    return {
        platform: record.platform,
        entries: [{ mediaType: manifest.mediaType, digest: manifest.digest, size: manifest.bytes.length, platform }]
    };
}
function toEntry(d) {
    return {
        mediaType: d.mediaType,
        digest: d.digest,
        size: d.size,
        ...(d.platform ? { platform: d.platform } : {}),
        ...(d.annotations ? { annotations: d.annotations } : {})
    };
}
async function publish(client, reporter, name, staging, parts, report) {
    for (const part of parts)
        if (part.repo.registry !== staging.repo.registry || part.repo.repository !== staging.repo.repository)
            throw new FailedError(`merge refused for ${name}: ${part.record.ref} is not in ${staging.repo.registry}/${staging.repo.repository}`);
    const bytes = Buffer.from(assembleIndex(parts.map(p => p.manifests)));
    const index = { bytes, mediaType: MEDIA.ociIndex, digest: sha256Digest(bytes) };
    const before = (await client.headManifest(staging.repo, staging.tag))?.digest;
    let action = 'unchanged';
    if (before !== index.digest) {
        await client.putManifest(staging.repo, staging.tag, index);
        const readBack = (await client.headManifest(staging.repo, staging.tag))?.digest;
        if (readBack !== index.digest)
            throw new FailedError(`${staging.text} reads back as ${readBack ?? '(absent)'}, not the merged ${index.digest}`);
        action = before ? 'moved' : 'created';
        report.refs.push(`${staging.text}@${index.digest}`);
        reporter.info(`${staging.text} → ${index.digest} (${parts.map(p => p.record.platform).join(' + ')}, as tested)`);
    }
    else
        reporter.info(`${staging.text} already holds the merged ${index.digest}`);
    const untagger = new Untagger(client);
    const cleanup = { removed: [], left: [] };
    for (const part of parts.filter(p => p.tagged)) {
        const result = await untagger.removeTag(part.repo, part.tag);
        if (result.removed)
            cleanup.removed.push(part.record.ref);
        else {
            cleanup.left.push(part.record.ref);
            const warning = `${part.record.ref} was left in place: ${result.reason}`;
            report.warnings.push(warning);
            reporter.warning(warning);
        }
    }
    return {
        name,
        digest: index.digest,
        ref: staging.text,
        action,
        platforms: parts.map(p => ({ platform: p.record.platform, digest: p.record.digest })),
        cleanup
    };
}

;// CONCATENATED MODULE: ./src/app/maintenance.ts
// verify: is everything a reference needs in the registry? cleanup: remove stale staging tags,
// and nothing outside the staging namespace.








function clientFor(env, hosts, reporter) {
    const credentials = new CredentialStore({ env, envHosts: hosts });
    credentials.secrets().forEach(secret => reporter.mask(secret));
    return new RegistryClient(new RegistryTransport({ credentials, onSecret: s => reporter.mask(s) }));
}
/** Walks an index, its children and their blobs; every missing or mismatching piece is a problem. */
async function verifyRef(text, env, reporter) {
    const parsed = parseReference(text);
    if (!parsed.ok)
        throw new UsageError(`imagegate verify: ${parsed.error}`);
    const { registry, repository, tag, digest } = parsed.value;
    const repo = { registry, repository };
    const client = clientFor(env, [registry], reporter);
    const report = { ref: text, manifests: 0, blobs: 0, problems: [] };
    try {
        const top = await client.getManifest(repo, digest ?? tag ?? 'latest');
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
            const doc = parseManifest(m);
            if (doc.kind === 'index') {
                for (const child of doc.index.manifests)
                    await walk(child.digest, isAttestation(child)
                        ? `attestation of ${child.annotations?.['vnd.docker.reference.digest'] ?? '?'}`
                        : platformText(child.platform));
                return;
            }
            for (const blob of blobsOf(doc.manifest)) {
                report.blobs++;
                if (!(await client.headBlob(repo, blob.digest)))
                    report.problems.push(`blob ${blob.digest} of ${label} is missing`);
            }
        };
        await walk(top.digest, 'top');
    }
    finally {
        client.transport.close();
    }
    return report;
}
/** Staging tags older than `olderThanMs` go; tags outside the staging namespace are never read for removal. */
async function cleanupStale(loaded, olderThanMs, env, reporter) {
    const { config } = loaded;
    const client = clientFor(env, registryHosts(config), reporter);
    const untagger = new Untagger(client);
    const report = { removed: [], kept: [], leftovers: [] };
    const now = Date.now();
    try {
        for (const image of config.images) {
            const { repo, pattern } = stagingNamespace(loaded, image.name, image.repository);
            for (const tag of (await client.listTags(repo)).filter(t => pattern.test(t))) {
                const ref = `${repo.registry}/${repo.repository}:${tag}`;
                const created = await createdAt(client, repo, tag);
                if (created === undefined || now - created < olderThanMs) {
                    report.kept.push(ref);
                    continue;
                }
                const result = await untagger.removeTag(repo, tag);
                if (result.removed)
                    report.removed.push(ref);
                else
                    report.leftovers.push({ ref, reason: result.reason });
                reporter.info(result.removed
                    ? `removed ${ref} (created ${new Date(created).toISOString()})`
                    : `left ${ref}: ${result.reason}`);
            }
        }
    }
    finally {
        client.transport.close();
    }
    return report;
}
function stagingNamespace(loaded, name, repository) {
    const staging = loaded.config.staging;
    const text = staging.kind === 'registry' ? `${staging.registry}/${name}` : repository;
    const parsed = parseReference(text);
    if (!parsed.ok)
        throw new UsageError(parsed.error);
    const prefix = staging.kind === 'tag-prefix' ? staging.tagPrefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : '';
    return {
        repo: { registry: parsed.value.registry, repository: parsed.value.repository },
        pattern: new RegExp(`^${prefix}[0-9a-f]{32}$`)
    };
}
/** When an image was built: its config's `created`, read from the first platform image. */
async function createdAt(client, repo, tag) {
    const top = await client.getManifest(repo, tag);
    if (!top)
        return undefined;
    let doc = parseManifest(top);
    if (doc.kind === 'index') {
        const first = doc.index.manifests.find(m => !isAttestation(m));
        const child = first && (await client.getManifest(repo, first.digest));
        if (!child)
            return undefined;
        doc = parseManifest(child);
    }
    if (doc.kind !== 'image')
        return undefined;
    const stream = await client.getBlob(repo, doc.manifest.config);
    const chunks = [];
    for await (const chunk of stream)
        chunks.push(chunk);
    const created = JSON.parse(Buffer.concat(chunks).toString('utf8')).created;
    const time = created ? Date.parse(created) : NaN;
    return Number.isNaN(time) ? undefined : time;
}

;// CONCATENATED MODULE: ./src/core/config/diagnostics.ts
function formatDiagnostic(file, d) {
    return `${file}:${d.line}:${d.col}: ${d.message}`;
}
function sortDiagnostics(list) {
    return [...list].sort((a, b) => a.line - b.line || a.col - b.col);
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __nccwpck_require__(8815);
;// CONCATENATED MODULE: ./src/core/scenario.ts
// Which scenario a CI run gets, inferred from the host's environment and event payload alone.
// Trust is decided here too: a run that may execute code from outside the repository, or that
// runs without the repository's write credentials, gets `check` and may not write to any registry.
// Every value says where it came from, so a surprising decision can be traced to one variable.
const SCENARIOS = ['check', 'gate', 'promote', 'release'];
const EFFECT = {
    check: 'check (build and test, no registry writes)',
    gate: 'gate (build, test, then push the tested bytes to staging)',
    promote: 'promote (copy the staged image to its final tags, no rebuild)',
    release: 'release (publish the version tags)'
};
function parseScenario(text) {
    return SCENARIOS.includes(text) ? text : undefined;
}
function inferScenario(env, event) {
    if (env.GITHUB_ACTIONS === 'true')
        return inferGitHub(env, asPayload(event));
    if (env.GITLAB_CI === 'true')
        return inferGitLab(env);
    return {
        host: 'local',
        event: 'local',
        scenario: { value: 'check', source: 'default' },
        reason: `not running in GitHub Actions or GitLab CI: local runs default to ${EFFECT.check}`,
        trusted: true,
        fork: false,
        git: {}
    };
}
function finish(host, event, decision, git) {
    const { scenario, decidedBy, reason, trusted, fork = false, bot } = decision;
    const inference = {
        host,
        event,
        scenario: { value: scenario, source: decidedBy.join(', ') },
        reason,
        trusted,
        fork,
        git
    };
    if (bot)
        inference.bot = bot;
    return inference;
}
// ---------------------------------------------------------------- reading env and payload
function asPayload(event) {
    return typeof event === 'object' && event !== null && !Array.isArray(event) ? event : undefined;
}
function lookup(payload, path) {
    let node = payload;
    for (const key of path.split('.')) {
        if (typeof node !== 'object' || node === null)
            return undefined;
        node = node[key];
    }
    return node;
}
function fromEvent(payload, path) {
    const value = lookup(payload, path);
    if (typeof value === 'number')
        return { value: String(value), source: `event ${path}` };
    return typeof value === 'string' && value !== '' ? { value, source: `event ${path}` } : undefined;
}
// Hosts set some variables to '' when they do not apply (GITHUB_HEAD_REF outside pull requests).
function fromEnv(env, name) {
    const value = env[name];
    return value ? { value, source: `env ${name}` } : undefined;
}
function firstOf(...facts) {
    return facts.find(fact => fact !== undefined);
}
function mapFact(fact, map) {
    const value = fact === undefined ? undefined : map(fact.value);
    return fact === undefined || value === undefined ? undefined : { value, source: fact.source };
}
function explained(fact, why) {
    return fact && { value: fact.value, source: `${fact.source} (${why})` };
}
function stripPrefix(prefix) {
    return value => (value.startsWith(prefix) && value.length > prefix.length ? value.slice(prefix.length) : undefined);
}
function compact(git) {
    return Object.fromEntries(Object.entries(git).filter(([, fact]) => fact !== undefined));
}
// ---------------------------------------------------------------- GitHub Actions
const GITHUB_BOTS = { 'dependabot[bot]': 'dependabot', 'renovate[bot]': 'renovate' };
function inferGitHub(env, payload) {
    const event = env.GITHUB_EVENT_NAME || 'unknown';
    return finish('github', event, decideGitHub(event, env, payload), gitHubGit(event, env, payload));
}
function decideGitHub(event, env, payload) {
    switch (event) {
        case 'pull_request':
            return decidePullRequest(env, payload);
        case 'pull_request_target':
            return decidePullRequestTarget(env, payload);
        case 'merge_group':
            return decideMergeGroup(env, payload);
        case 'push':
        case 'workflow_dispatch':
            return decideRefRun(event, env, payload);
        case 'schedule':
            return decideSchedule(env);
        case 'release':
            return decideRelease(payload);
        default:
            return decideUnknownGitHubEvent(env);
    }
}
function pullRequestOrigin(env, payload) {
    const base = firstOf(fromEvent(payload, 'pull_request.base.repo.full_name'), fromEnv(env, 'GITHUB_REPOSITORY'));
    return {
        number: pullRequestNumber(env, payload),
        base,
        head: headRepository(payload, base),
        bot: gitHubBot(env, payload)
    };
}
function headRepository(payload, base) {
    const path = 'pull_request.head.repo';
    if (lookup(payload, 'pull_request.head') !== undefined && lookup(payload, path) === null) {
        return { kind: 'fork', name: 'a deleted fork', decidedBy: [`event ${path}`] };
    }
    const head = fromEvent(payload, `${path}.full_name`);
    if (!head || !base)
        return { kind: 'unknown', decidedBy: [`event ${path}.full_name`] };
    const decidedBy = [head.source, base.source];
    return head.value === base.value ? { kind: 'same', decidedBy } : { kind: 'fork', name: `fork ${head.value}`, decidedBy };
}
// Dependabot is looked for in both places before Renovate: mistaking it for anything else would
// hand a read-only, secret-less run a scenario that needs to push.
function gitHubBot(env, payload) {
    const logins = [fromEvent(payload, 'pull_request.user.login'), fromEnv(env, 'GITHUB_ACTOR')];
    for (const bot of ['dependabot', 'renovate']) {
        const login = logins.find(fact => fact && GITHUB_BOTS[fact.value] === bot);
        if (login)
            return { value: bot, source: login.source };
    }
    return undefined;
}
function describePullRequest(origin) {
    return `pull request${origin.number ? ` #${origin.number.value}` : ''}`;
}
function decidePullRequest(env, payload) {
    const origin = pullRequestOrigin(env, payload);
    const { head } = origin;
    const pr = describePullRequest(origin);
    const bot = origin.bot?.value;
    const decidedBy = ['env GITHUB_EVENT_NAME', ...head.decidedBy];
    if (head.kind === 'unknown') {
        const reason = `${pr}: the event payload does not say which repository its head is in, so it may be a fork and gets ${EFFECT.check}`;
        return { scenario: 'check', decidedBy, reason, trusted: false, bot };
    }
    const base = origin.base?.value ?? 'this repository';
    if (head.kind === 'fork') {
        const reason = `${pr} from ${head.name} into ${base}: forks get ${EFFECT.check}`;
        return { scenario: 'check', decidedBy, reason, trusted: false, fork: true, bot };
    }
    if (origin.bot?.value === 'dependabot') {
        const reason = `${pr} by dependabot[bot]: Dependabot runs get a read-only token and no secrets, so ${EFFECT.check}`;
        return { scenario: 'check', decidedBy: [...decidedBy, origin.bot.source], reason, trusted: false, bot };
    }
    const by = bot ? ` by ${bot}[bot]` : '';
    const branch = firstOf(fromEnv(env, 'GITHUB_HEAD_REF'), fromEvent(payload, 'pull_request.head.ref'));
    const reason = `${pr}${by} from branch ${branch?.value ?? '(unknown)'} within ${base}: same-repository pull requests get ${EFFECT.gate}`;
    return { scenario: 'gate', decidedBy, reason, trusted: true, bot };
}
function decidePullRequestTarget(env, payload) {
    const origin = pullRequestOrigin(env, payload);
    const fork = origin.head.kind === 'fork' ? origin.head.name : undefined;
    const reason = `pull_request_target run for ${describePullRequest(origin)}${fork ? ` from ${fork}` : ''} has the base repository's secrets and write token: ` +
        `it gets ${EFFECT.check}, and a checkout of the pull request's head must never push`;
    return {
        scenario: 'check',
        decidedBy: ['env GITHUB_EVENT_NAME'],
        reason,
        trusted: false,
        fork: fork !== undefined,
        bot: origin.bot?.value
    };
}
function decideMergeGroup(env, payload) {
    const base = mapFact(fromEvent(payload, 'merge_group.base_ref'), stripPrefix('refs/heads/'));
    const head = mapFact(firstOf(fromEvent(payload, 'merge_group.head_ref'), fromEnv(env, 'GITHUB_REF')), stripPrefix('refs/heads/'));
    const reason = `merge queue group ${head?.value ?? '(unknown branch)'} into ${base?.value ?? 'the base branch'}: ` +
        `the tested tree is the tree that will be merged, so it gets ${EFFECT.gate}`;
    return { scenario: 'gate', decidedBy: ['env GITHUB_EVENT_NAME'], reason, trusted: true };
}
function decideRefRun(event, env, payload) {
    const run = event === 'push' ? 'push to' : 'manual run (workflow_dispatch) on';
    const decidedBy = ['env GITHUB_EVENT_NAME', 'env GITHUB_REF'];
    const ref = gitHubRef(env);
    if (event === 'push' && lookup(payload, 'deleted') === true) {
        const reason = `push deletes ${ref.ref?.value ?? 'a ref'}: nothing new to publish, so it gets ${EFFECT.check}`;
        return { scenario: 'check', decidedBy: [...decidedBy, 'event deleted'], reason, trusted: true };
    }
    if (ref.tag)
        return { scenario: 'release', decidedBy, reason: `${run} tag ${ref.tag.value}: ${EFFECT.release}`, trusted: true };
    if (!ref.branch) {
        const reason = `${run} ${ref.ref?.value ?? 'an unknown ref'}, which is neither a branch nor a tag: ${EFFECT.check}`;
        return { scenario: 'check', decidedBy, reason, trusted: true };
    }
    const defaultBranch = fromEvent(payload, 'repository.default_branch');
    const unknownDefault = 'the event payload has no repository.default_branch';
    return decideBranchRun({ run, branch: ref.branch, defaultBranch, unknownDefault, decidedBy });
}
function decideBranchRun({ run, branch, defaultBranch, unknownDefault, decidedBy }) {
    if (!defaultBranch) {
        const reason = `${run} branch ${branch.value}, but the default branch is unknown (${unknownDefault}): ${EFFECT.check}`;
        return { scenario: 'check', decidedBy, reason, trusted: true };
    }
    const withDefault = [...decidedBy, defaultBranch.source];
    if (branch.value === defaultBranch.value) {
        const reason = `${run} branch ${branch.value}, the default branch: ${EFFECT.promote}`;
        return { scenario: 'promote', decidedBy: withDefault, reason, trusted: true };
    }
    const reason = `${run} branch ${branch.value}, not the default branch ${defaultBranch.value}: only the default branch promotes, so ${EFFECT.check}`;
    return { scenario: 'check', decidedBy: withDefault, reason, trusted: true };
}
function decideSchedule(env) {
    const on = gitHubRef(env).branch?.value;
    const reason = `scheduled run${on ? ` on branch ${on}` : ''}: scheduled runs get ${EFFECT.check}`;
    return { scenario: 'check', decidedBy: ['env GITHUB_EVENT_NAME'], reason, trusted: true };
}
function decideRelease(payload) {
    const action = fromEvent(payload, 'action');
    const tag = fromEvent(payload, 'release.tag_name');
    const decidedBy = ['env GITHUB_EVENT_NAME', 'event action'];
    if (!action || !tag) {
        const reason = `release event without a readable payload: whether a release was published is unknown, so it gets ${EFFECT.check}`;
        return { scenario: 'check', decidedBy, reason, trusted: true };
    }
    if (action.value !== 'published') {
        const reason = `release ${tag.value} was ${action.value}, not published: ${EFFECT.check}`;
        return { scenario: 'check', decidedBy, reason, trusted: true };
    }
    return {
        scenario: 'release',
        decidedBy: [...decidedBy, tag.source],
        reason: `release ${tag.value} published: ${EFFECT.release}`,
        trusted: true
    };
}
function decideUnknownGitHubEvent(env) {
    const event = env.GITHUB_EVENT_NAME;
    const what = event ? `event ${event} is not one imagegate publishes from` : 'GITHUB_EVENT_NAME is not set';
    return {
        scenario: 'check',
        decidedBy: ['env GITHUB_EVENT_NAME'],
        reason: `${what}: it gets ${EFFECT.check}`,
        trusted: false
    };
}
function gitHubRef(env) {
    const ref = fromEnv(env, 'GITHUB_REF');
    if (ref)
        return { ref, branch: mapFact(ref, stripPrefix('refs/heads/')), tag: mapFact(ref, stripPrefix('refs/tags/')) };
    const name = fromEnv(env, 'GITHUB_REF_NAME');
    const type = env.GITHUB_REF_TYPE;
    return { branch: type === 'branch' ? name : undefined, tag: type === 'tag' ? name : undefined };
}
function gitHubGit(event, env, payload) {
    const { ref, branch, tag } = gitHubRef(env);
    const common = {
        sha: fromEnv(env, 'GITHUB_SHA'),
        ref,
        branch,
        tag,
        defaultBranch: fromEvent(payload, 'repository.default_branch'),
        changeNumber: undefined,
        baseBranch: undefined
    };
    if (event === 'pull_request' || event === 'pull_request_target')
        return compact({ ...common, ...pullRequestGit(event, env, payload) });
    if (event === 'merge_group')
        return compact({ ...common, ...mergeGroupGit(payload) });
    if (event === 'release')
        return compact({ ...common, tag: firstOf(fromEvent(payload, 'release.tag_name'), tag) });
    return compact(common);
}
function pullRequestNumber(env, payload) {
    const fromMergeRef = mapFact(fromEnv(env, 'GITHUB_REF'), ref => /^refs\/pull\/(\d+)\/merge$/.exec(ref)?.[1]);
    return firstOf(fromEvent(payload, 'pull_request.number'), fromEvent(payload, 'number'), fromMergeRef);
}
function pullRequestGit(event, env, payload) {
    const otherSha = event === 'pull_request' ? 'the test merge commit' : 'the base branch tip';
    const headSha = explained(fromEvent(payload, 'pull_request.head.sha'), `the pull request head; GITHUB_SHA is ${otherSha}`);
    const fallbackSha = explained(fromEnv(env, 'GITHUB_SHA'), `${otherSha}; the payload has no pull_request.head.sha`);
    return {
        sha: firstOf(headSha, fallbackSha),
        branch: firstOf(fromEnv(env, 'GITHUB_HEAD_REF'), fromEvent(payload, 'pull_request.head.ref')),
        tag: undefined,
        baseBranch: firstOf(fromEnv(env, 'GITHUB_BASE_REF'), fromEvent(payload, 'pull_request.base.ref')),
        changeNumber: pullRequestNumber(env, payload)
    };
}
function mergeGroupGit(payload) {
    const branch = mapFact(fromEvent(payload, 'merge_group.head_ref'), stripPrefix('refs/heads/'));
    return {
        sha: fromEvent(payload, 'merge_group.head_sha'),
        branch,
        baseBranch: mapFact(fromEvent(payload, 'merge_group.base_ref'), stripPrefix('refs/heads/')),
        // Queue branches are named gh-readonly-queue/<base>/pr-<number>-<base sha>.
        changeNumber: mapFact(branch, name => /\/pr-(\d+)-[0-9a-f]+$/.exec(name)?.[1])
    };
}
// ---------------------------------------------------------------- GitLab CI
const GITLAB_BRANCH_SOURCES = ['push', 'web', 'api', 'trigger', 'pipeline'];
const GITLAB_MR_PIPELINES = {
    detached: 'detached pipeline',
    merged_result: 'merged results pipeline',
    merge_train: 'merge train'
};
function inferGitLab(env) {
    const source = env.CI_PIPELINE_SOURCE || 'unknown';
    const mrType = env.CI_MERGE_REQUEST_EVENT_TYPE;
    const event = source === 'merge_request_event' && mrType ? `${source}/${mrType}` : source;
    return finish('gitlab', event, decideGitLab(source, env), gitLabGit(env));
}
function decideGitLab(source, env) {
    const decidedBy = ['env CI_PIPELINE_SOURCE'];
    if (source === 'merge_request_event')
        return decideMergeRequest(env);
    if (source === 'schedule') {
        return {
            scenario: 'check',
            decidedBy,
            reason: `scheduled pipeline: scheduled runs get ${EFFECT.check}`,
            trusted: true
        };
    }
    if (!GITLAB_BRANCH_SOURCES.includes(source)) {
        const what = env.CI_PIPELINE_SOURCE
            ? `pipeline source ${source} is not one imagegate publishes from`
            : 'CI_PIPELINE_SOURCE is not set';
        return { scenario: 'check', decidedBy, reason: `${what}: it gets ${EFFECT.check}`, trusted: false };
    }
    const tag = fromEnv(env, 'CI_COMMIT_TAG');
    if (tag) {
        return {
            scenario: 'release',
            decidedBy: [...decidedBy, tag.source],
            reason: `${source} pipeline for tag ${tag.value}: ${EFFECT.release}`,
            trusted: true
        };
    }
    const branch = fromEnv(env, 'CI_COMMIT_BRANCH');
    if (!branch) {
        const reason = `${source} pipeline on ${env.CI_COMMIT_REF_NAME || 'an unknown ref'}, which is neither a branch nor a tag: ${EFFECT.check}`;
        return { scenario: 'check', decidedBy, reason, trusted: true };
    }
    return decideBranchRun({
        run: `${source} pipeline on`,
        branch,
        defaultBranch: fromEnv(env, 'CI_DEFAULT_BRANCH'),
        unknownDefault: 'CI_DEFAULT_BRANCH is not set',
        decidedBy: [...decidedBy, branch.source]
    });
}
function decideMergeRequest(env) {
    const type = env.CI_MERGE_REQUEST_EVENT_TYPE ?? '';
    const iid = env.CI_MERGE_REQUEST_IID;
    const mr = `merge request${iid ? ` !${iid}` : ''} (${GITLAB_MR_PIPELINES[type] ?? 'merge request pipeline'})`;
    const bot = gitLabBot(env);
    const origin = mergeRequestOrigin(env);
    const fork = origin.kind === 'fork';
    const decidedBy = ['env CI_PIPELINE_SOURCE', 'env CI_MERGE_REQUEST_EVENT_TYPE'];
    if (type === 'merge_train') {
        const into = env.CI_MERGE_REQUEST_TARGET_BRANCH_NAME || 'the target branch';
        const reason = `${mr} into ${into}: the tested tree is the tree that will be merged, so it gets ${EFFECT.gate}`;
        return { scenario: 'gate', decidedBy, reason, trusted: true, fork, bot };
    }
    const byProject = [...decidedBy, ...origin.decidedBy];
    if (origin.kind === 'unknown') {
        const reason = `${mr}: the source project is unknown, so it may be a fork and gets ${EFFECT.check}`;
        return { scenario: 'check', decidedBy: byProject, reason, trusted: false, bot };
    }
    if (origin.kind === 'fork') {
        const reason = `${mr} from fork ${origin.name} into ${origin.target}: forks get ${EFFECT.check}`;
        return { scenario: 'check', decidedBy: byProject, reason, trusted: false, fork, bot };
    }
    const branch = env.CI_MERGE_REQUEST_SOURCE_BRANCH_NAME || '(unknown)';
    const by = bot ? ` by ${env.GITLAB_USER_LOGIN}` : '';
    const reason = `${mr}${by} from branch ${branch} within ${origin.target}: same-project merge requests get ${EFFECT.gate}`;
    return { scenario: 'gate', decidedBy: byProject, reason, trusted: true, bot };
}
// A fork's merge request may run in the parent project (CI_PROJECT_ID is the parent's) or in the
// fork itself (CI_PROJECT_ID is the fork's, only CI_MERGE_REQUEST_PROJECT_ID names the parent).
function mergeRequestOrigin(env) {
    const source = fromEnv(env, 'CI_MERGE_REQUEST_SOURCE_PROJECT_ID');
    const projects = [fromEnv(env, 'CI_PROJECT_ID'), fromEnv(env, 'CI_MERGE_REQUEST_PROJECT_ID')].filter((fact) => fact !== undefined);
    const decidedBy = [source?.source ?? 'env CI_MERGE_REQUEST_SOURCE_PROJECT_ID', ...projects.map(p => p.source)];
    if (!source || projects.length === 0)
        return { kind: 'unknown', decidedBy };
    const target = env.CI_MERGE_REQUEST_PROJECT_PATH || env.CI_PROJECT_PATH || `project ${projects[0]?.value}`;
    if (projects.every(project => project.value === source.value))
        return { kind: 'same', target, decidedBy };
    const name = env.CI_MERGE_REQUEST_SOURCE_PROJECT_PATH || `project ${source.value}`;
    return { kind: 'fork', name, target, decidedBy };
}
// GitLab has no [bot] suffix convention; self-hosted Renovate and dependabot-gitlab run as ordinary users.
function gitLabBot(env) {
    const login = env.GITLAB_USER_LOGIN?.toLowerCase() ?? '';
    const match = /^(renovate|dependabot)(?:[-_]?bot)?$/.exec(login);
    return match?.[1];
}
function gitLabGit(env) {
    const tag = fromEnv(env, 'CI_COMMIT_TAG');
    const commitBranch = fromEnv(env, 'CI_COMMIT_BRANCH');
    const refOf = (prefix) => (name) => `${prefix}${name}`;
    return compact({
        sha: gitLabSha(env),
        ref: firstOf(fromEnv(env, 'CI_MERGE_REQUEST_REF_PATH'), mapFact(tag, refOf('refs/tags/')), mapFact(commitBranch, refOf('refs/heads/')), fromEnv(env, 'CI_COMMIT_REF_NAME')),
        branch: firstOf(fromEnv(env, 'CI_MERGE_REQUEST_SOURCE_BRANCH_NAME'), commitBranch),
        tag,
        defaultBranch: fromEnv(env, 'CI_DEFAULT_BRANCH'),
        changeNumber: fromEnv(env, 'CI_MERGE_REQUEST_IID'),
        baseBranch: fromEnv(env, 'CI_MERGE_REQUEST_TARGET_BRANCH_NAME')
    });
}
// Same choice as GitHub pull requests: name the request's head, not the host's merged-result commit.
// A merge train's commit is the one that lands on the target branch, so it keeps CI_COMMIT_SHA.
function gitLabSha(env) {
    if (env.CI_MERGE_REQUEST_EVENT_TYPE === 'merged_result') {
        const head = fromEnv(env, 'CI_MERGE_REQUEST_SOURCE_BRANCH_SHA');
        if (head)
            return explained(head, 'the merge request head; CI_COMMIT_SHA is the merged-result commit');
    }
    return fromEnv(env, 'CI_COMMIT_SHA');
}

;// CONCATENATED MODULE: ./src/core/config/formats.ts
// The semantic string checks named by `format` in the schema. Each returns an error with its fix,
// or undefined when the value is fine.



function checkFormat(format, value) {
    return CHECKS[format](value);
}
const CHECKS = {
    'registry-prefix': checkRegistryPrefix,
    'image-reference': value => {
        const r = parseReference(value);
        return r.ok ? undefined : r.error;
    },
    repository: value => {
        const r = parseReference(value);
        if (!r.ok)
            return r.error;
        if (r.value.tag !== undefined || r.value.digest !== undefined)
            return `\`${value}\` is a repository: remove the tag or digest (tags go in \`tags\`)`;
        return undefined;
    },
    platform: value => {
        const r = parsePlatform(value);
        return r.ok ? undefined : r.error;
    },
    'tag-template': value => {
        const r = parseTagTemplate(value);
        return r.ok ? undefined : r.error;
    },
    'tag-prefix': value => {
        if (value.length > 64)
            return `the prefix is ${value.length} characters; keep it to 64 so the staging tag fits in 128`;
        if (!isValidTag(`${value}x`))
            return `\`${value}\` cannot start a tag: use letters, digits, \`_\`, \`.\` and \`-\`, starting with a letter or digit`;
        return undefined;
    },
    duration: value => parseDuration(value) === undefined
        ? `\`${value}\` is not a duration; write e.g. \`90s\`, \`5m\` or \`1h30m\``
        : undefined,
    'relative-path': value => {
        if (value.startsWith('/'))
            return `\`${value}\` is absolute; write it relative to the configuration file so it works on every machine`;
        if (value.includes('\\'))
            return `\`${value}\` uses backslashes; write \`${value.replace(/\\/g, '/')}\``;
        return undefined;
    },
    'absolute-path': value => value.startsWith('/')
        ? undefined
        : `\`${value}\` must be an absolute path inside the container, e.g. \`/${value}\``,
    'buildpack-uri': checkBuildpackUri
};
function checkRegistryPrefix(value) {
    if (value.includes('://'))
        return `write \`${value.replace(/^\w+:\/\//, '')}\` without a URL scheme`;
    if (value.endsWith('/'))
        return `remove the trailing \`/\`: \`${value.replace(/\/+$/, '')}\``;
    if (/[@]/.test(value) || /\/[^/]*:/.test(value))
        return `\`${value}\` must be a registry and path prefix, without a tag or digest`;
    const [host = '', ...rest] = value.split('/');
    if (!looksLikeRegistryHost(host)) {
        return `\`${value}\` does not start with a registry host; write it in full, e.g. \`docker.io/${value}\` or \`ghcr.io/${value}\``;
    }
    const ref = parseReference(`${value}${rest.length ? '' : '/x'}`);
    if (!ref.ok)
        return ref.error;
    if (rest.length) {
        const path = parseRepositoryPath(rest.join('/'));
        if (!path.ok)
            return path.error;
    }
    return undefined;
}
const BUILDPACK_SCHEMES = ['docker://', 'urn:cnb:builder:', 'urn:cnb:registry:', 'https://', 'file://', 'from=builder'];
function checkBuildpackUri(value) {
    if (BUILDPACK_SCHEMES.some(s => value.startsWith(s))) {
        if (value.startsWith('docker://')) {
            const ref = parseReference(value.slice('docker://'.length));
            if (!ref.ok)
                return `buildpack \`${value}\`: ${ref.error}`;
        }
        return undefined;
    }
    return `\`${value}\` is not a full buildpack URI; write e.g. \`docker://docker.io/${value.includes('/') ? value : `acme/${value}`}@sha256:…\` or \`urn:cnb:builder:${value}\``;
}
/** Milliseconds of `1h30m`, `90s`, `250ms`; undefined when it is not a duration. */
function parseDuration(text) {
    const units = { ms: 1, s: 1000, m: 60000, h: 3600000 };
    if (!/^(\d+(ms|s|m|h))+$/.test(text))
        return undefined;
    let total = 0;
    for (const m of text.matchAll(/(\d+)(ms|s|m|h)/g))
        total += Number(m[1]) * (units[m[2] ?? 's'] ?? 0);
    return total > 0 ? total : undefined;
}

;// CONCATENATED MODULE: ./src/core/config/semantics.ts
// Checks that need more than one value: names, dependencies, conflicting options, pins.



function checkConfig(config, raw, source) {
    const out = { errors: [], warnings: [] };
    const pos = (path) => source.position(path) ?? { line: 1, col: 1 };
    const error = (path, message) => void out.errors.push({ ...pos(path), message });
    const warn = (path, message) => void out.warnings.push({ ...pos(path), message });
    checkStaging(config, raw, error);
    checkNames(config.images, error);
    checkRepositories(config.images, raw, error);
    checkDependencies(config.images, error);
    for (const image of config.images) {
        const at = `images[${image.index}]`;
        checkBuilder(image, raw.images[image.index] ?? { name: image.name }, at, error, warn);
        checkTestPlatforms(image, at, error);
        checkTags(image, config, at, error);
        checkPlatformsUnique(image, at, error);
        checkSecrets(raw.images[image.index] ?? { name: image.name }, at, error);
    }
    return out;
}
function checkStaging(config, raw, error) {
    const staging = raw.staging ?? {};
    if (staging['tag-prefix'] !== undefined && staging.registry !== undefined) {
        error('staging.registry', 'conflicting options: `staging.tag-prefix` stages in the final repository, `staging.registry` in an intermediate registry; keep one of them');
        return;
    }
    if (config.staging.kind === 'registry' && config.staging.registry === config.registry) {
        error('staging.registry', '`staging.registry` is the final `registry` itself; stage in the same repository with `tag-prefix: staging-` instead, or name a separate registry');
    }
}
function checkNames(images, error) {
    const seen = new Map();
    for (const image of images) {
        const first = seen.get(image.name);
        if (first !== undefined)
            error(`images[${image.index}].name`, `image name \`${image.name}\` is already used by images[${first}]; names must be unique`);
        else
            seen.set(image.name, image.index);
    }
}
function checkRepositories(images, raw, error) {
    const seen = new Map();
    for (const image of images) {
        const other = seen.get(image.repository);
        if (other && other.name !== image.name) {
            const path = raw.images[image.index]?.repository !== undefined ? 'repository' : 'name';
            error(`images[${image.index}].${path}`, `images \`${other.name}\` and \`${image.name}\` would both publish to ${image.repository}; give one a different \`repository\``);
        }
        seen.set(image.repository, image);
    }
}
function checkDependencies(images, error) {
    const byName = new Map(images.map(i => [i.name, i]));
    for (const image of images) {
        if (image.dependsOn === undefined)
            continue;
        const at = `images[${image.index}].depends-on`;
        const base = byName.get(image.dependsOn);
        if (image.dependsOn === image.name) {
            error(at, `image \`${image.name}\` cannot depend on itself`);
            continue;
        }
        if (!base) {
            const guess = closest(image.dependsOn, [...byName.keys()]);
            error(at, `\`depends-on: ${image.dependsOn}\` names no image in this file${guess ? `; did you mean \`${guess}\`?` : ''}`);
            continue;
        }
        if (image.builder.kind !== 'dockerfile') {
            error(at, '`depends-on` needs the `dockerfile` builder: a buildpacks build takes its base from the builder');
        }
        const missing = image.platforms.filter(p => !base.platforms.some(b => samePlatformText(p, b)));
        if (missing.length) {
            error(at, `\`${image.name}\` builds for ${missing.join(', ')}, which its base \`${base.name}\` does not build; add them to \`${base.name}\`'s platforms`);
        }
    }
    const cycle = findCycle(images, byName);
    if (cycle)
        error(`images[${cycle[0].index}].depends-on`, `\`depends-on\` forms a cycle: ${cycle.map(i => i.name).join(' → ')} → ${cycle[0].name}`);
}
function findCycle(images, byName) {
    for (const start of images) {
        const chain = [];
        let current = start;
        while (current && !chain.includes(current)) {
            chain.push(current);
            current =
                current.dependsOn !== undefined && current.dependsOn !== current.name
                    ? byName.get(current.dependsOn)
                    : undefined;
        }
        if (current === start)
            return chain;
    }
    return undefined;
}
function checkBuilder(image, raw, at, error, warn) {
    if (image.builder.kind !== 'buildpacks')
        return;
    for (const key of ['containerfile', 'target']) {
        if (raw[key] !== undefined) {
            error(`${at}.${key}`, `conflicting options: \`${key}\` applies to the \`dockerfile\` builder, but this image is built with buildpacks; remove \`${key}\``);
        }
    }
    const ref = parseReference(image.builder.image);
    if (!ref.ok)
        return;
    const imagePath = `${at}.builder.buildpacks.image`;
    if (ref.value.digest === undefined && !image.builder.allowUnpinnedBuilder) {
        error(imagePath, `builder \`${image.builder.image}\` is not pinned by digest, so CI may build with a different builder than production; pin it as \`${image.builder.image}@sha256:…\` (the digest production uses), or set \`allow-unpinned-builder: true\``);
    }
    else if (ref.value.digest === undefined) {
        warn(imagePath, `builder \`${image.builder.image}\` is pinned by tag only; CI may not match production`);
    }
}
function checkTestPlatforms(image, at, error) {
    image.test.commands.forEach((command, i) => {
        for (const [j, p] of (command.platforms ?? []).entries()) {
            if (!image.platforms.some(b => samePlatformText(p, b))) {
                error(`${at}.test${testPath(image, i)}.platforms[${j}]`, `test platform ${p} is not one of the image's platforms (${image.platforms.join(', ')})`);
            }
        }
    });
}
function testPath(image, i) {
    return image.test.setup.length || image.test.mount ? `.commands[${i}]` : `[${i}]`;
}
function checkTags(image, config, at, error) {
    const seen = new Set();
    image.tags.forEach((rule, i) => {
        const text = rule.template.source;
        if (seen.has(text))
            error(`${at}.tags[${i}]`, `tag \`${text}\` is listed twice`);
        seen.add(text);
        if (config.staging.kind === 'tag-prefix' && text.startsWith(config.staging.tagPrefix)) {
            error(`${at}.tags[${i}]`, `tag \`${text}\` starts with the staging prefix \`${config.staging.tagPrefix}\`; staging cleanup would delete it: rename the tag or change \`staging.tag-prefix\``);
        }
    });
}
function checkPlatformsUnique(image, at, error) {
    image.platforms.forEach((p, i) => {
        if (image.platforms.slice(0, i).some(q => samePlatformText(p, q)))
            error(`${at}.platforms[${i}]`, `platform ${p} is listed twice`);
    });
}
function checkSecrets(raw, at, error) {
    const seen = new Set();
    (raw.secrets ?? []).forEach((secret, i) => {
        const path = `${at}.secrets[${i}]`;
        if ((secret.env === undefined) === (secret.file === undefined)) {
            error(path, `secret \`${secret.id}\` needs exactly one of \`env\` (an environment variable) or \`file\` (a file), not ${secret.env === undefined ? 'neither' : 'both'}`);
        }
        if (seen.has(secret.id))
            error(`${path}.id`, `secret id \`${secret.id}\` is listed twice`);
        seen.add(secret.id);
    });
}

;// CONCATENATED MODULE: ./src/core/config/schema.ts
// The JSON Schema of .imagegate.yml: the one source of truth for the file's shape. It is published
// as schema/imagegate.schema.json (for editors), drives our own validator (which adds positions and
// fixes to every error) and generates the README's configuration reference.
//
// Only this subset of JSON Schema is used, and the validator implements exactly it: type,
// properties, required, additionalProperties, items, enum, pattern, minItems, minLength, oneOf
// (alternatives told apart by their type), $ref to $defs, and `format` naming our semantic checks.
const DURATION_HINT = 'a duration such as `90s`, `5m` or `1h30m`';
const runCommand = {
    description: 'The command. A string runs through the image’s `/bin/sh -c`; an array runs as argv, with no shell.',
    oneOf: [
        { type: 'string', minLength: 1 },
        { type: 'array', items: { type: 'string' }, minItems: 1 }
    ]
};
const envMap = {
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
    description: 'Environment variables (values are turned into strings).'
};
const SCHEMA = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://imagegate.dev/schema/imagegate.schema.json',
    title: 'imagegate configuration (.imagegate.yml)',
    type: 'object',
    additionalProperties: false,
    required: ['registry', 'images'],
    properties: {
        version: { type: 'integer', enum: [1], default: 1, description: 'Version of this file format.' },
        registry: {
            type: 'string',
            format: 'registry-prefix',
            description: 'Where final images live: a registry host with an optional path prefix. Image `NAME` is published as `<registry>/NAME` unless it sets `repository`.',
            examples: ['ghcr.io/acme', 'localhost:5000/acme']
        },
        staging: {
            type: 'object',
            additionalProperties: false,
            description: 'Where the gate pushes tested images before promotion: a tag prefix in the final repository, or an intermediate registry. Default: `tag-prefix: staging-`.',
            properties: {
                'tag-prefix': {
                    type: 'string',
                    format: 'tag-prefix',
                    description: 'Staging tags are `<tag-prefix><source identity>` in the final repository.',
                    default: 'staging-'
                },
                registry: {
                    type: 'string',
                    format: 'registry-prefix',
                    description: 'An intermediate registry (host and optional path prefix) that holds staged images instead.'
                }
            }
        },
        promote: {
            type: 'object',
            additionalProperties: false,
            description: 'How `promote` and `release` publish staged images.',
            properties: {
                'on-missing': {
                    type: 'string',
                    enum: ['fail', 'build'],
                    default: 'fail',
                    description: 'When staging has no image for the merged source (the merged tree differs from every tested tree, or a fork PR was never staged): `fail` with the reason, or `build` (run the gate now, then promote).'
                },
                cleanup: {
                    type: 'boolean',
                    default: true,
                    description: 'Remove the staging tag once the final tags point at its digest.'
                },
                sign: {
                    type: 'string',
                    enum: ['cosign'],
                    description: 'Sign every promoted digest with cosign (with `cosign-key`, or keyless where an OIDC identity exists).'
                },
                'cosign-key': {
                    type: 'string',
                    minLength: 1,
                    description: 'The cosign private key: a file relative to the configuration file, or `env://VAR`. Its password comes from COSIGN_PASSWORD.'
                },
                'cosign-tlog': {
                    type: 'boolean',
                    default: true,
                    description: 'Record signatures in the transparency log (turn off for air-gapped registries).'
                }
            }
        },
        scenario: {
            type: 'string',
            enum: ['check', 'gate', 'promote', 'release'],
            description: 'Force a scenario instead of inferring it from the CI environment (a `--scenario` flag or action input still wins).'
        },
        images: {
            type: 'array',
            minItems: 1,
            description: 'The images to build, test and publish.',
            items: { $ref: '#/$defs/image' }
        }
    },
    $defs: {
        image: {
            type: 'object',
            additionalProperties: false,
            required: ['name'],
            properties: {
                name: {
                    type: 'string',
                    pattern: '^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$',
                    'x-pattern-name': 'an image name (lowercase letters and digits, joined by `.`, `_`, `__` or `-`)',
                    description: 'Image name; also the last part of its repository.'
                },
                context: {
                    type: 'string',
                    format: 'relative-path',
                    default: '.',
                    description: 'Build context, relative to the configuration file.'
                },
                containerfile: {
                    type: 'string',
                    format: 'relative-path',
                    default: 'Dockerfile',
                    description: 'Dockerfile/Containerfile path, relative to the context.'
                },
                target: { type: 'string', minLength: 1, description: 'Build stage to build (`docker build --target`).' },
                'build-args': { ...envMap, description: 'Build arguments (`--build-arg KEY=VALUE`).' },
                platforms: {
                    type: 'array',
                    minItems: 1,
                    items: { type: 'string', format: 'platform' },
                    default: ['linux/amd64'],
                    description: 'Platforms to build and test, as `os/arch[/variant]`. Every one is tested (foreign ones under QEMU).'
                },
                tags: {
                    type: 'array',
                    default: ['{{sha}}'],
                    description: 'Final tags, as templates. Variables: `{{sha}}`, `{{short_sha}}`, `{{branch}}`, `{{tag}}`, `{{version}}`, `{{major}}`, `{{minor}}`, `{{patch}}`, `{{prerelease}}`. Tags using a release variable are published by `release`, the others by `promote`, unless `on` says otherwise.',
                    items: {
                        oneOf: [
                            { type: 'string', format: 'tag-template' },
                            {
                                type: 'object',
                                additionalProperties: false,
                                required: ['tag'],
                                properties: {
                                    tag: { type: 'string', format: 'tag-template', description: 'The tag template.' },
                                    on: {
                                        type: 'array',
                                        minItems: 1,
                                        items: { type: 'string', enum: ['promote', 'release'] },
                                        description: 'Scenarios that publish this tag.'
                                    }
                                }
                            }
                        ]
                    }
                },
                labels: {
                    ...envMap,
                    description: 'Image labels (`--label`). imagegate adds the OCI source, revision and created labels.'
                },
                annotations: {
                    ...envMap,
                    description: 'OCI annotations on the index and manifests (`--annotation`). imagegate adds the OCI source, revision and created annotations.'
                },
                secrets: {
                    type: 'array',
                    description: 'Build secrets (`RUN --mount=type=secret,id=…`). Values come from an environment variable or a file and never reach argv or logs.',
                    items: {
                        type: 'object',
                        additionalProperties: false,
                        required: ['id'],
                        properties: {
                            id: {
                                type: 'string',
                                pattern: '^[A-Za-z0-9_.-]+$',
                                'x-pattern-name': 'a secret id (letters, digits, `_`, `.`, `-`)',
                                description: 'The id the Dockerfile mounts.'
                            },
                            env: {
                                type: 'string',
                                pattern: '^[A-Za-z_][A-Za-z0-9_]*$',
                                'x-pattern-name': 'an environment variable name',
                                description: 'Take the value from this environment variable.'
                            },
                            file: {
                                type: 'string',
                                format: 'relative-path',
                                description: 'Take the value from this file, relative to the configuration file.'
                            }
                        }
                    }
                },
                cache: {
                    type: 'object',
                    additionalProperties: false,
                    description: 'Build cache, in buildx syntax. A cache that cannot be read or written only warns. On GitHub, `type=gha` is used when nothing is set.',
                    properties: {
                        from: {
                            type: 'array',
                            items: { type: 'string', minLength: 1 },
                            description: 'Sources, e.g. `type=registry,ref=ghcr.io/acme/web:cache` or `type=local,src=.cache`.'
                        },
                        to: {
                            type: 'array',
                            items: { type: 'string', minLength: 1 },
                            description: 'Destinations, e.g. `type=registry,ref=ghcr.io/acme/web:cache,mode=max`.'
                        }
                    }
                },
                attestations: {
                    type: 'object',
                    additionalProperties: false,
                    description: 'Attestations buildx attaches to the image (kept in the tested index and pushed with it).',
                    properties: {
                        provenance: {
                            type: 'string',
                            enum: ['off', 'min', 'max'],
                            default: 'min',
                            description: 'SLSA provenance mode.'
                        },
                        sbom: {
                            type: 'boolean',
                            default: false,
                            description: 'Attach an SBOM (needs the buildkit SBOM scanner image).'
                        }
                    }
                },
                repository: {
                    type: 'string',
                    format: 'repository',
                    description: 'Full repository (`host/path`) for this image instead of `<registry>/<name>`.'
                },
                'depends-on': {
                    type: 'string',
                    description: 'Name of another image in this file that this one is built FROM. It is built and tested first, and this image is built on exactly its tested bytes.'
                },
                test: {
                    description: 'Commands run inside the built image, on every platform, before anything is pushed. A list of commands, or a mapping with `commands`, `setup`, `timeout` and `mount`.',
                    oneOf: [{ type: 'array', items: { $ref: '#/$defs/testCommand' } }, { $ref: '#/$defs/testSuite' }]
                },
                builder: {
                    description: 'How the image is built: `dockerfile` (buildx, the default) or `{buildpacks: {...}}`.',
                    default: 'dockerfile',
                    oneOf: [
                        { type: 'string', enum: ['dockerfile'] },
                        {
                            type: 'object',
                            additionalProperties: false,
                            required: ['buildpacks'],
                            properties: { buildpacks: { $ref: '#/$defs/buildpacks' } }
                        }
                    ]
                }
            }
        },
        testCommand: {
            oneOf: [
                { type: 'string', minLength: 1, description: 'Shorthand for `{run: STRING}`.' },
                {
                    type: 'object',
                    additionalProperties: false,
                    required: ['run'],
                    properties: {
                        run: runCommand,
                        name: { type: 'string', minLength: 1, description: 'Name shown in logs and reports.' },
                        timeout: { type: 'string', format: 'duration', description: `Time limit, ${DURATION_HINT}.` },
                        user: { type: 'string', minLength: 1, description: 'Run as this user instead of the image’s USER.' },
                        entrypoint: {
                            type: 'string',
                            enum: ['replace', 'keep'],
                            default: 'replace',
                            description: '`replace`: the command runs instead of the image’s ENTRYPOINT. `keep`: the command is passed to the ENTRYPOINT as its arguments (for wrapper entrypoints that set up the environment).'
                        },
                        workdir: {
                            type: 'string',
                            format: 'absolute-path',
                            description: 'Run in this directory instead of the image’s WORKDIR.'
                        },
                        env: { ...envMap, description: 'Extra environment variables for this command.' },
                        platforms: {
                            type: 'array',
                            minItems: 1,
                            items: { type: 'string', format: 'platform' },
                            description: 'Run only on these platforms (default: every platform of the image).'
                        }
                    }
                }
            ]
        },
        testSuite: {
            type: 'object',
            additionalProperties: false,
            required: ['commands'],
            properties: {
                commands: { type: 'array', items: { $ref: '#/$defs/testCommand' }, description: 'The test commands.' },
                setup: {
                    type: 'array',
                    items: {
                        oneOf: [
                            { type: 'string', minLength: 1 },
                            { type: 'array', items: { type: 'string' }, minItems: 1 }
                        ]
                    },
                    description: 'Commands that add test-only tooling to a throwaway derivative of the built image (never pushed).'
                },
                timeout: {
                    type: 'string',
                    format: 'duration',
                    default: '10m',
                    description: `Default time limit of each command, ${DURATION_HINT}.`
                },
                mount: {
                    type: 'object',
                    additionalProperties: false,
                    required: ['source'],
                    description: 'Mount repository files read-only into the test containers.',
                    properties: {
                        source: {
                            type: 'string',
                            format: 'relative-path',
                            description: 'Directory, relative to the configuration file.'
                        },
                        target: {
                            type: 'string',
                            format: 'absolute-path',
                            default: '/imagegate/tests',
                            description: 'Mount point inside the container.'
                        }
                    }
                }
            }
        },
        buildpacks: {
            type: 'object',
            additionalProperties: false,
            required: ['image'],
            description: 'Build with Cloud Native Buildpacks, exactly as production does.',
            properties: {
                image: {
                    type: 'string',
                    format: 'image-reference',
                    description: 'The production builder image, pinned by digest (`REPO[:TAG]@sha256:…`).'
                },
                mode: {
                    type: 'string',
                    enum: ['pack', 'lifecycle'],
                    default: 'pack',
                    description: '`pack` runs a pinned pack CLI; `lifecycle` runs the builder’s own `/cnb/lifecycle/creator`.'
                },
                'pre-buildpacks': {
                    type: 'array',
                    items: { type: 'string', format: 'buildpack-uri' },
                    description: 'Buildpacks production injects before the builder’s order (full URIs).'
                },
                'post-buildpacks': {
                    type: 'array',
                    items: { type: 'string', format: 'buildpack-uri' },
                    description: 'Buildpacks production injects after the builder’s order (full URIs).'
                },
                env: { ...envMap, description: 'Build-time environment (`--env`).' },
                'allow-unpinned-builder': {
                    type: 'boolean',
                    default: false,
                    description: 'Accept a builder pinned by tag only (CI may then not match production).'
                }
            }
        }
    }
};

;// CONCATENATED MODULE: ./src/core/config/validate.ts
// Walks a parsed YAML document against SCHEMA, producing a plain value, the position of every
// value, and a diagnostic (with position and fix) for every mismatch.




function pathText(path) {
    return (path.map((seg, i) => (typeof seg === 'number' ? `[${seg}]` : i === 0 ? seg : `.${seg}`)).join('') || '(top level)');
}
const MAX_NODES = 10000;
function walkDocument(doc, lines) {
    const out = { value: undefined, positions: new Map(), keyPositions: new Map(), diagnostics: [] };
    let visited = 0;
    const at = (node) => {
        const offset = node?.range?.[0] ?? 0;
        const p = lines.linePos(offset);
        return { line: p.line, col: p.col };
    };
    const report = (pos, message) => {
        out.diagnostics.push({ ...pos, message });
    };
    const walk = (node, schema, path, pos) => {
        if (++visited > MAX_NODES) {
            if (visited === MAX_NODES + 1)
                report(pos, `the file expands to more than ${MAX_NODES} values (alias loop?); simplify it`);
            return undefined;
        }
        if (node && (0,dist/* isAlias */.Vj)(node)) {
            const target = node.resolve(doc);
            if (!target) {
                report(at(node), `unknown alias \`*${node.source}\`; define it first with \`&${node.source}\``);
                return undefined;
            }
            return walk(target, schema, path, at(node));
        }
        out.positions.set(pathText(path), pos);
        const resolved = resolveRef(schema);
        const unquoted = quoteHint(node);
        if (unquoted && acceptsString(resolved)) {
            report(pos, `\`${pathText(path)}\`${unquoted.replace(/^; /, ': ')}`);
            return undefined;
        }
        if (resolved.oneOf)
            return walkOneOf(node, resolved, path, pos);
        const got = typeOf(node);
        const expected = resolved.type;
        if (expected && !typeMatches(got, expected)) {
            report(pos, typeError(path, expected, got, node, resolved));
            return undefined;
        }
        if (expected === 'object')
            return walkMap(node, resolved, path, pos);
        if (expected === 'array')
            return walkSeq(node, resolved, path, pos);
        const value = (0,dist/* isScalar */.jn)(node) ? node.value : null;
        checkScalar(value, resolved, path, pos);
        return value;
    };
    const walkOneOf = (node, schema, path, pos) => {
        const got = typeOf(node);
        const options = (schema.oneOf ?? []).map(resolveRef);
        const match = options.find(o => o.type !== undefined && typeMatches(got, o.type));
        if (match)
            return walk(node, match, path, pos);
        const names = [...new Set(options.map(o => describeType(o.type ?? 'string')))];
        report(pos, `\`${pathText(path)}\` must be ${names.join(' or ')}, not ${describeGot(got)}${quoteHint(node)}`);
        return undefined;
    };
    const walkMap = (node, schema, path, pos) => {
        const result = {};
        const known = Object.keys(schema.properties ?? {});
        const suggested = new Set();
        if (!(0,dist/* isMap */.jh)(node))
            return result;
        for (const pair of node.items) {
            if (!(0,dist/* isPair */.tO)(pair))
                continue;
            const keyNode = pair.key;
            const keyPos = at(keyNode);
            if (!(0,dist/* isScalar */.jn)(keyNode) || typeof keyNode.value !== 'string') {
                report(keyPos, `keys in \`${pathText(path)}\` must be plain words${quoteHint(keyNode)}`);
                continue;
            }
            const key = keyNode.value;
            const childPath = [...path, key];
            const valueNode = pair.value;
            const valuePos = valueNode ? at(valueNode) : keyPos;
            let childSchema = schema.properties?.[key];
            if (!childSchema) {
                if (schema.additionalProperties === false) {
                    const guess = closest(key, known);
                    if (guess)
                        suggested.add(guess);
                    report(keyPos, unknownKeyMessage(key, path, known, guess));
                    continue;
                }
                childSchema = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : {};
            }
            out.keyPositions.set(pathText(childPath), keyPos);
            result[key] = walk(valueNode, childSchema, childPath, valuePos);
        }
        for (const required of schema.required ?? []) {
            if (suggested.has(required))
                continue;
            if (!(required in result) && !node.items.some(p => (0,dist/* isPair */.tO)(p) && (0,dist/* isScalar */.jn)(p.key) && p.key.value === required)) {
                report(pos, `missing required key \`${required}\` in \`${pathText(path)}\`${requiredHint(required)}`);
            }
        }
        return result;
    };
    const walkSeq = (node, schema, path, pos) => {
        const items = (0,dist/* isSeq */.oP)(node) ? node.items : [];
        if (schema.minItems !== undefined && items.length < schema.minItems) {
            report(pos, `\`${pathText(path)}\` needs at least ${schema.minItems} item${schema.minItems === 1 ? '' : 's'}`);
        }
        return items.map((item, i) => walk(item, schema.items ?? {}, [...path, i], item ? at(item) : pos));
    };
    const checkScalar = (value, schema, path, pos) => {
        const name = `\`${pathText(path)}\``;
        if (schema.enum && !schema.enum.includes(value)) {
            const guess = typeof value === 'string' ? closest(value, schema.enum.map(String)) : undefined;
            const choices = schema.enum.map(v => `\`${v}\``).join(', ');
            report(pos, `${name} must be one of ${choices}, not \`${String(value)}\`${guess ? `; did you mean \`${guess}\`?` : ''}`);
            return;
        }
        if (typeof value !== 'string')
            return;
        if (schema.minLength !== undefined && value.length < schema.minLength) {
            report(pos, `${name} must not be empty`);
            return;
        }
        if (schema.pattern && !new RegExp(schema.pattern).test(value)) {
            report(pos, `${name}: \`${value}\` is not ${schema['x-pattern-name'] ?? `matching ${schema.pattern}`}`);
            return;
        }
        if (schema.format) {
            const error = checkFormat(schema.format, value);
            if (error)
                report(pos, `${name}: ${error}`);
        }
    };
    const contents = doc.contents;
    if (contents === null || ((0,dist/* isScalar */.jn)(contents) && contents.value === null)) {
        report({ line: 1, col: 1 }, 'the file is empty; it needs at least `registry:` and `images:` (see the README)');
        return out;
    }
    out.value = walk(contents, SCHEMA, [], at(contents));
    return out;
}
function resolveRef(schema) {
    if (!schema.$ref)
        return schema;
    const name = schema.$ref.replace('#/$defs/', '');
    const target = SCHEMA.$defs[name];
    if (!target)
        throw new Error(`schema: unknown $ref ${schema.$ref}`);
    return { ...target, ...schema, $ref: undefined, description: schema.description ?? target.description };
}
function acceptsString(schema) {
    return schema.type === 'string' || (schema.oneOf ?? []).some(o => resolveRef(o).type === 'string');
}
function typeOf(node) {
    if (node === null)
        return 'null';
    if ((0,dist/* isMap */.jh)(node))
        return 'object';
    if ((0,dist/* isSeq */.oP)(node))
        return 'array';
    if ((0,dist/* isScalar */.jn)(node)) {
        const v = node.value;
        if (v === null)
            return 'null';
        if (typeof v === 'boolean')
            return 'boolean';
        if (typeof v === 'number')
            return Number.isInteger(v) ? 'integer' : 'number';
        return 'string';
    }
    return 'string';
}
function typeMatches(got, expected) {
    return got === expected || (expected === 'number' && got === 'integer');
}
function describeType(t) {
    return {
        string: 'a string',
        integer: 'a whole number',
        number: 'a number',
        boolean: 'true or false',
        array: 'a list',
        object: 'a mapping'
    }[t];
}
function describeGot(got) {
    return got === 'null' ? 'empty' : describeType(got);
}
function typeError(path, expected, got, node, schema) {
    const name = `\`${pathText(path)}\``;
    let fix = quoteHint(node);
    if (!fix && expected === 'array' && got === 'string' && (0,dist/* isScalar */.jn)(node))
        fix = `; write a list: \`[${String(node.value)}]\``;
    if (!fix && expected === 'string' && (got === 'integer' || got === 'number' || got === 'boolean') && (0,dist/* isScalar */.jn)(node)) {
        fix = `; quote it: \`"${node.source ?? String(node.value)}"\``;
    }
    if (!fix && got === 'null')
        fix = `; give it a value or remove the key`;
    if (!fix && schema.examples?.[0] !== undefined)
        fix = `, e.g. \`${JSON.stringify(schema.examples[0])}\``;
    return `${name} must be ${describeType(expected)}, not ${describeGot(got)}${fix}`;
}
/** `{{sha}}` unquoted is a YAML flow mapping; say so instead of "must be a string". */
function quoteHint(node) {
    if (node && (0,dist/* isMap */.jh)(node) && node.flow && node.items.length === 1) {
        const inner = node.items[0];
        if ((0,dist/* isPair */.tO)(inner) && (0,dist/* isMap */.jh)(inner.key)) {
            const text = inner.key.items[0]?.key?.value;
            return `; \`{{${String(text)}}}\` must be quoted in YAML: write \`"{{${String(text)}}}"\``;
        }
    }
    return '';
}
function unknownKeyMessage(key, path, known, guess) {
    const where = path.length ? ` in \`${pathText(path)}\`` : '';
    if (guess)
        return `unknown key \`${key}\`${where}, did you mean \`${guess}\`?`;
    return `unknown key \`${key}\`${where}; allowed keys: ${known.map(k => `\`${k}\``).join(', ')}`;
}
function requiredHint(key) {
    const hints = {
        registry: ', e.g. `registry: ghcr.io/acme`',
        images: ', a list with at least one `- name: …`',
        name: ', e.g. `name: web`',
        run: ', the command to run, e.g. `run: test -f /app/ready`',
        image: ', the builder pinned by digest, e.g. `image: docker.io/heroku/builder:24@sha256:…`',
        commands: ', the list of test commands',
        source: ', a directory relative to the configuration file',
        tag: ', the tag template, e.g. `tag: "{{version}}"`',
        buildpacks: ''
    };
    return hints[key] ?? '';
}

;// CONCATENATED MODULE: ./src/core/config/load.ts
// .imagegate.yml text → a checked, normalised Config with the position of every value.
// Pure: the caller reads the file; nothing here touches a process or the network.







const DEFAULT_TEST_TIMEOUT = '10m';
const DEFAULT_STAGING_PREFIX = 'staging-';
function loadConfig(text, file) {
    const lines = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true });
    const syntax = doc.errors.map(e => yamlDiagnostic(e, text, lines));
    if (syntax.length)
        return { ok: false, diagnostics: sortDiagnostics(syntax) };
    const walked = walkDocument(doc, lines);
    if (walked.diagnostics.length)
        return { ok: false, diagnostics: sortDiagnostics(walked.diagnostics) };
    const source = makeSource(file, walked.positions);
    const config = normalise(walked.value);
    const checked = checkConfig(config, walked.value, source);
    if (checked.errors.length)
        return { ok: false, diagnostics: sortDiagnostics(checked.errors) };
    return { ok: true, config, source, warnings: sortDiagnostics(checked.warnings) };
}
function yamlDiagnostic(error, text, lines) {
    const offset = error.pos[0];
    const { line, col } = lines.linePos(offset);
    const end = text.indexOf('\n', offset);
    const here = text.slice(offset, end < 0 ? undefined : end);
    const messages = {
        TAB_AS_INDENT: () => 'tab character used for indentation; YAML allows only spaces there: replace the tab with spaces',
        DUPLICATE_KEY: () => {
            const key = /^\s*([^:\s]+)/.exec(here)?.[1] ?? 'this key';
            return `duplicate key \`${key}\`; each key may appear once: remove or merge one of them`;
        },
        MULTIPLE_DOCS: () => 'the file holds more than one YAML document (`---`); keep exactly one',
        BAD_INDENT: () => `YAML syntax error: ${error.message}; check the indentation and closing brackets`,
        MISSING_CHAR: () => `YAML syntax error: ${error.message}`
    };
    return { line, col, message: messages[error.code]?.() ?? `YAML syntax error: ${error.message}` };
}
function makeSource(file, positions) {
    const base = file.split('/').pop() ?? file;
    return {
        file,
        position: path => positions.get(path),
        where: path => {
            const p = positions.get(path);
            return p ? `${base}:${p.line}` : undefined;
        }
    };
}
function normalise(raw) {
    const staging = raw.staging?.registry !== undefined
        ? { kind: 'registry', registry: raw.staging.registry }
        : { kind: 'tag-prefix', tagPrefix: raw.staging?.['tag-prefix'] ?? DEFAULT_STAGING_PREFIX };
    const promote = {
        onMissing: raw.promote?.['on-missing'] ?? 'fail',
        cleanup: raw.promote?.cleanup ?? true
    };
    if (raw.promote?.sign === 'cosign') {
        const key = raw.promote['cosign-key'];
        promote.sign = { tool: 'cosign', tlog: raw.promote['cosign-tlog'] ?? true, ...(key !== undefined ? { key } : {}) };
    }
    const config = {
        registry: raw.registry,
        staging,
        promote,
        images: raw.images.map((img, i) => normaliseImage(img, i, raw.registry))
    };
    const scenario = raw.scenario !== undefined ? parseScenario(raw.scenario) : undefined;
    if (scenario)
        config.scenario = scenario;
    return config;
}
function normaliseImage(raw, index, registry) {
    const image = {
        name: raw.name,
        index,
        context: raw.context ?? '.',
        containerfile: raw.containerfile ?? 'Dockerfile',
        buildArgs: strings(raw['build-args']),
        platforms: raw.platforms ?? ['linux/amd64'],
        tags: (raw.tags ?? ['{{sha}}']).map(normaliseTag),
        repository: raw.repository ?? `${registry}/${raw.name}`,
        test: normaliseSuite(raw.test),
        builder: normaliseBuilder(raw.builder),
        labels: strings(raw.labels),
        annotations: strings(raw.annotations),
        secrets: (raw.secrets ?? []).map(s => s.env !== undefined ? { id: s.id, env: s.env } : { id: s.id, file: s.file ?? '' }),
        cache: { from: raw.cache?.from ?? [], to: raw.cache?.to ?? [] },
        attestations: { provenance: raw.attestations?.provenance ?? 'min', sbom: raw.attestations?.sbom ?? false }
    };
    if (raw.target !== undefined)
        image.target = raw.target;
    if (raw['depends-on'] !== undefined)
        image.dependsOn = raw['depends-on'];
    return image;
}
function normaliseTag(raw) {
    const text = typeof raw === 'string' ? raw : raw.tag;
    const parsed = parseTagTemplate(text);
    if (!parsed.ok)
        throw new Error(`schema let an invalid tag template through: ${text}`);
    const on = typeof raw === 'object' && raw.on ? [...new Set(raw.on)] : defaultTagScenarios(parsed.value);
    return { template: parsed.value, on };
}
function normaliseSuite(raw) {
    const suite = Array.isArray(raw) ? { commands: raw } : (raw ?? { commands: [] });
    const timeoutMs = parseDuration(suite.timeout ?? DEFAULT_TEST_TIMEOUT) ?? 600000;
    const out = {
        commands: suite.commands.map(c => normaliseCommand(c, timeoutMs)),
        setup: suite.setup ?? []
    };
    if (suite.mount)
        out.mount = { source: suite.mount.source, target: suite.mount.target ?? '/imagegate/tests' };
    return out;
}
function normaliseCommand(raw, timeoutMs) {
    const c = typeof raw === 'string' ? { run: raw } : raw;
    const command = {
        name: c.name ?? (typeof c.run === 'string' ? c.run : c.run.join(' ')),
        run: c.run,
        timeoutMs: c.timeout !== undefined ? (parseDuration(c.timeout) ?? timeoutMs) : timeoutMs,
        env: strings(c.env),
        entrypoint: c.entrypoint ?? 'replace'
    };
    if (c.user !== undefined)
        command.user = c.user;
    if (c.workdir !== undefined)
        command.workdir = c.workdir;
    if (c.platforms !== undefined)
        command.platforms = c.platforms;
    return command;
}
function normaliseBuilder(raw) {
    if (raw === undefined || raw === 'dockerfile')
        return { kind: 'dockerfile' };
    const b = raw.buildpacks;
    return {
        kind: 'buildpacks',
        image: b.image,
        mode: b.mode ?? 'pack',
        preBuildpacks: b['pre-buildpacks'] ?? [],
        postBuildpacks: b['post-buildpacks'] ?? [],
        env: strings(b.env),
        allowUnpinnedBuilder: b['allow-unpinned-builder'] ?? false
    };
}
function strings(map) {
    return Object.fromEntries(Object.entries(map ?? {}).map(([k, v]) => [k, String(v)]));
}

;// CONCATENATED MODULE: ./src/core/identity.ts
// The source identity of an image: what it was built and tested from. Promotion keys staging tags
// on it, so what is promoted was built from exactly the merged source.

const IDENTITY_LENGTH = 32;
function sourceIdentity(image, inputs) {
    const configHash = sha256(canonicalJson(buildRelevantConfig(image)));
    const key = sha256(canonicalJson({
        v: 1,
        context: inputs.contextTree,
        containerfile: inputs.containerfile ?? null,
        config: configHash,
        deps: inputs.dependencies
    })).slice(0, IDENTITY_LENGTH);
    const identity = { key, contextTree: inputs.contextTree, configHash, dirty: inputs.dirty };
    if (inputs.containerfile)
        identity.containerfile = inputs.containerfile;
    return identity;
}
/** Tags and the repository only say where bytes go; everything else changes what is built or tested. */
function buildRelevantConfig(image) {
    const { tags: _tags, repository: _repository, index: _index, ...rest } = image;
    return rest;
}
function canonicalJson(value) {
    if (Array.isArray(value))
        return `[${value.map(canonicalJson).join(',')}]`;
    if (value !== null && typeof value === 'object') {
        const entries = Object.entries(value)
            .filter(([, v]) => v !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
    }
    return JSON.stringify(value);
}
function sha256(text) {
    return (0,external_node_crypto_namespaceObject.createHash)('sha256').update(text).digest('hex');
}

;// CONCATENATED MODULE: ./src/io/git.ts
// What git knows about the checkout: the commit, branch and tag, and the tree of a build context
// including uncommitted changes (what `docker build` would actually send).





async function readLocalGit(cwd) {
    const top = await Exec.run('git', ['rev-parse', '--show-toplevel'], { cwd });
    if (top.exitCode !== 0)
        return undefined;
    const facts = { root: top.stdout.trim() };
    const sha = await Exec.run('git', ['rev-parse', '--verify', '--quiet', 'HEAD'], { cwd });
    if (sha.exitCode === 0)
        facts.sha = sha.stdout.trim();
    const branch = await Exec.run('git', ['symbolic-ref', '--quiet', '--short', 'HEAD'], { cwd });
    if (branch.exitCode === 0)
        facts.branch = branch.stdout.trim();
    if (facts.sha) {
        const tags = await Exec.run('git', ['tag', '--points-at', 'HEAD', '--sort=-version:refname'], { cwd });
        const tag = tags.stdout
            .split('\n')
            .map(t => t.trim())
            .find(Boolean);
        if (tag)
            facts.tag = tag;
    }
    return facts;
}
/**
 * Hashes the current content of paths inside a git checkout the way git would commit it (tracked and
 * untracked files, .gitignore respected), without touching the user's index: a throwaway index is used.
 */
async function hashWorktreePaths(root, paths) {
    const dir = await (0,promises_namespaceObject.mkdtemp)((0,external_node_path_namespaceObject.join)((0,external_node_os_namespaceObject.tmpdir)(), 'imagegate-index-'));
    const env = { GIT_INDEX_FILE: (0,external_node_path_namespaceObject.join)(dir, 'index') };
    try {
        const head = await Exec.run('git', ['rev-parse', '--verify', '--quiet', 'HEAD^{tree}'], { cwd: root });
        const hasHead = head.exitCode === 0;
        await Exec.output('git', hasHead ? ['read-tree', 'HEAD'] : ['read-tree', '--empty'], { cwd: root, env });
        const rels = paths.map(p => (0,external_node_path_namespaceObject.relative)(root, (0,external_node_path_namespaceObject.resolve)(root, p)) || '.');
        // imagegate's own output (per-platform records) never changes the source it describes.
        const ownOutput = `:(exclude,glob)**/${DEFAULT_RECORDS_DIR}/**`;
        await Exec.output('git', ['add', '--all', '--', ...rels, ownOutput], { cwd: root, env });
        const tree = (await Exec.output('git', ['write-tree'], { cwd: root, env })).trim();
        const hashes = [];
        for (const rel of rels) {
            const spec = rel === '.' ? '' : rel;
            const id = (await Exec.output('git', ['rev-parse', `${tree}:${spec}`], { cwd: root })).trim();
            const committed = hasHead
                ? await Exec.run('git', ['rev-parse', '--verify', '--quiet', `HEAD:${spec}`], { cwd: root })
                : undefined;
            hashes.push({ id, dirty: committed?.stdout.trim() !== id });
        }
        return hashes;
    }
    finally {
        await (0,promises_namespaceObject.rm)(dir, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./src/app/plan.ts
// Reads what a plan needs from the machine — the configuration file, the CI event payload, git —
// and hands it to the pure planner. Configuration errors are raised before any process runs.










const DEFAULT_CONFIG = '.imagegate.yml';
/** Reads and checks the configuration file; every problem is a ConfigError or UsageError (exit 2). */
async function readConfigFile(cwd, path) {
    const file = (0,external_node_path_namespaceObject.resolve)(cwd, path ?? DEFAULT_CONFIG);
    const shown = (0,external_node_path_namespaceObject.relative)(cwd, file) || file;
    let text;
    try {
        text = await (0,promises_namespaceObject.readFile)(file, 'utf8');
    }
    catch (e) {
        const code = e.code;
        if (code === 'ENOENT' && path === undefined) {
            throw new UsageError(`no ${DEFAULT_CONFIG} in ${cwd}; create one (see the README) or pass --config FILE`);
        }
        if (code === 'ENOENT')
            throw new UsageError(`configuration file ${shown} does not exist; check --config`);
        if (code === 'EISDIR')
            throw new UsageError(`${shown} is a directory; --config takes a file`);
        throw new UsageError(`cannot read ${shown}: ${e.message}`);
    }
    const loaded = loadConfig(text, shown);
    if (!loaded.ok)
        throw new ConfigError(loaded.diagnostics.map(d => formatDiagnostic(shown, d)));
    const dir = (0,external_node_path_namespaceObject.dirname)(file);
    const missing = await missingPaths(loaded.config, loaded.source, dir);
    if (missing.length)
        throw new ConfigError(missing.map(d => formatDiagnostic(shown, d)));
    return {
        path: file,
        dir,
        config: loaded.config,
        source: loaded.source,
        warnings: loaded.warnings.map(d => formatDiagnostic(shown, { ...d, message: `warning: ${d.message}` }))
    };
}
async function missingPaths(config, source, dir) {
    const out = [];
    const expect = async (path, kind, at, fix) => {
        const found = await (0,promises_namespaceObject.stat)(path).catch(() => undefined);
        const ok = found && (kind === 'dir' ? found.isDirectory() : found.isFile());
        if (!ok)
            out.push({
                ...(source.position(at) ?? { line: 1, col: 1 }),
                message: `${(0,external_node_path_namespaceObject.relative)(dir, path) || '.'} is not a ${kind === 'dir' ? 'directory' : 'file'}; ${fix}`
            });
    };
    for (const image of config.images) {
        const at = `images[${image.index}]`;
        const context = (0,external_node_path_namespaceObject.resolve)(dir, image.context);
        await expect(context, 'dir', `${at}.context`, 'fix `context` (relative to the configuration file)');
        if (image.builder.kind === 'dockerfile') {
            const where = source.position(`${at}.containerfile`) ? `${at}.containerfile` : at;
            await expect((0,external_node_path_namespaceObject.resolve)(context, image.containerfile), 'file', where, 'fix `containerfile` (relative to the context)');
        }
        if (image.test.mount)
            await expect((0,external_node_path_namespaceObject.resolve)(dir, image.test.mount.source), 'dir', `${at}.test.mount.source`, 'fix `mount.source`');
    }
    return out;
}
async function readEventPayload(env) {
    const path = env.GITHUB_EVENT_PATH;
    if (!path)
        return {};
    try {
        return { event: JSON.parse(await (0,promises_namespaceObject.readFile)(path, 'utf8')) };
    }
    catch (e) {
        return {
            warning: `cannot read the event payload GITHUB_EVENT_PATH=${path}: ${e.message}; inferring from the environment only`
        };
    }
}
async function computeIdentities(loaded, git) {
    const out = new Map();
    for (const image of buildOrder(loaded.config.images)) {
        if (!git) {
            out.set(image.name, { error: `${loaded.dir} is not in a git repository` });
            continue;
        }
        const context = (0,external_node_path_namespaceObject.resolve)(loaded.dir, image.context);
        const paths = [context, ...(image.builder.kind === 'dockerfile' ? [(0,external_node_path_namespaceObject.join)(context, image.containerfile)] : [])];
        const [tree, containerfile] = await hashWorktreePaths(git.root, paths);
        const base = image.dependsOn !== undefined ? out.get(image.dependsOn) : undefined;
        if (base && !('key' in base)) {
            out.set(image.name, { error: `its base ${image.dependsOn} has none` });
            continue;
        }
        const inputs = {
            contextTree: tree.id,
            dirty: tree.dirty || !!containerfile?.dirty,
            dependencies: base ? [base.key] : []
        };
        out.set(image.name, sourceIdentity(image, containerfile ? { ...inputs, containerfile: containerfile.id } : inputs));
    }
    return out;
}
async function makePlan(request) {
    const loaded = await readConfigFile(request.cwd, request.configPath);
    const payload = await readEventPayload(request.env);
    const git = await readLocalGit(loaded.dir);
    const inference = applyTrust(inferScenario(request.env, payload.event), {
        ...(git?.sha ? { checkoutSha: git.sha } : {}),
        ...(request.env.GITHUB_SHA ? { baseSha: request.env.GITHUB_SHA } : {}),
        allowPullRequestTargetPush: request.allowPullRequestTargetPush ?? request.env.IMAGEGATE_ALLOW_PULL_REQUEST_TARGET_PUSH === 'true'
    });
    const local = inference.host === 'local' ? git : undefined;
    const identities = await computeIdentities(loaded, git);
    const inputs = { config: loaded.config, source: loaded.source, inference, identities };
    const override = request.scenarioFor?.(inference) ?? request.scenario;
    const plan = buildPlan({
        ...inputs,
        ...(override ? { scenarioOverride: override } : {}),
        ...(local ? { localGit: local } : {})
    });
    return { plan, loaded, inference, notices: [...loaded.warnings, ...(payload.warning ? [payload.warning] : [])] };
}

;// CONCATENATED MODULE: ./src/core/config/reference-doc.ts
// The README's configuration reference, generated from SCHEMA so the two never disagree.

function renderConfigReference() {
    const rows = ['| key | type | default | description |', '|---|---|---|---|'];
    const visit = (schema, path, required) => {
        const s = resolve(schema);
        if (path)
            rows.push(`| \`${path}\`${required ? ' (required)' : ''} | ${typeName(s)} | ${s.default !== undefined ? `\`${JSON.stringify(s.default)}\`` : ''} | ${cell(s.description ?? schema.description ?? '')} |`);
        const object = s.type === 'object' ? s : (s.oneOf ?? []).map(resolve).find(o => o.type === 'object' && o.properties);
        const list = s.type === 'array' ? s : (s.oneOf ?? []).map(resolve).find(o => o.type === 'array');
        if (object?.properties) {
            for (const [key, child] of Object.entries(object.properties))
                visit(child, path ? `${path}.${key}` : key, (object.required ?? []).includes(key));
        }
        else if (list?.items) {
            const item = resolve(list.items);
            const itemObject = item.type === 'object' ? item : (item.oneOf ?? []).map(resolve).find(o => o.type === 'object');
            if (itemObject?.properties) {
                for (const [key, child] of Object.entries(itemObject.properties))
                    visit(child, `${path}[].${key}`, (itemObject.required ?? []).includes(key));
            }
        }
    };
    visit(SCHEMA, '', false);
    return `${rows.join('\n')}\n`;
}
function resolve(schema) {
    if (!schema.$ref)
        return schema;
    const target = SCHEMA.$defs[schema.$ref.replace('#/$defs/', '')];
    return { ...target, description: schema.description ?? target?.description };
}
function typeName(schema) {
    if (schema.oneOf)
        return [...new Set(schema.oneOf.map(o => typeName(resolve(o))))].join(' \\| ');
    if (schema.enum)
        return schema.enum.map(v => `\`${v}\``).join(' \\| ');
    if (schema.type === 'array') {
        const item = schema.items ? typeName(resolve(schema.items)) : 'values';
        return `list of ${item.includes('|') ? `(${item})` : item}`;
    }
    return schema.format ? `${schema.type ?? 'value'} (${schema.format})` : (schema.type ?? 'value');
}
function cell(text) {
    return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

;// CONCATENATED MODULE: ./src/registry/copy.ts
// Copies an image by digest, byte for byte, in referential order: blobs, then child manifests,
// then the index; tags are the caller's last step. Blobs already in the target are skipped, blobs in
// the same registry are mounted (zero bytes moved), others stream from source to target, several at once.



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
        this.limit = new Limiter(opts.parallel ?? 4);
    }
    /** Makes `digest` (and everything it references) exist in `target`; returns the root manifest. */
    async copy(source, target, digest, known) {
        const manifest = known?.digest === digest ? known : await this.client.getManifest(source, digest);
        if (!manifest)
            throw new RegistryError(`${source.registry}/${source.repository}@${digest} does not exist`);
        if (sameRepo(source, target))
            return manifest;
        await this.ensureManifest(source, target, manifest);
        return manifest;
    }
    async ensureManifest(source, target, manifest, root = true) {
        // A manifest is only ever written after everything it references, so one that exists is
        // complete. Only the root is asked: re-putting a child after an interrupted copy costs one PUT.
        if (root && (await this.client.headManifest(target, manifest.digest))) {
            this.stats.manifestsPresent++;
            return;
        }
        const parsed = parseManifest(manifest);
        if (parsed.kind === 'index') {
            await Promise.all(parsed.index.manifests.map(async (child) => {
                const bytes = await this.client.getManifest(source, child.digest);
                if (!bytes)
                    throw new RegistryError(`${source.registry}/${source.repository}@${manifest.digest} lists ${child.digest}, which the registry does not have`);
                await this.ensureManifest(source, target, bytes, false);
            }));
        }
        else {
            await Promise.all(blobsOf(parsed.manifest).map(blob => this.ensureBlob(source, target, blob)));
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
function sameRepo(a, b) {
    return a.registry === b.registry && a.repository === b.repository;
}

;// CONCATENATED MODULE: ./src/core/cosign-args.ts
// argv for `cosign sign`, always by digest (never a tag that could move between test and signature).
function cosignSignArgs(req) {
    if (!/@sha256:[0-9a-f]{64}$/.test(req.ref))
        throw new Error(`cosign signs digests only, not ${req.ref}`);
    const args = ['sign', '--yes'];
    if (req.key !== undefined)
        args.push('--key', req.key);
    if (!req.tlog)
        args.push('--tlog-upload=false');
    if (req.insecure)
        args.push('--allow-insecure-registry');
    args.push(req.ref);
    return args;
}

;// CONCATENATED MODULE: ./src/io/cosign.ts
// Signs promoted digests with cosign. Registry credentials reach it through a docker config file of
// its own (0600, removed afterwards); the key's password through COSIGN_PASSWORD; never argv.






async function cosignSign(req, host, credentials, env) {
    const dir = credentials ? await (0,promises_namespaceObject.mkdtemp)((0,external_node_path_namespaceObject.join)((0,external_node_os_namespaceObject.tmpdir)(), 'imagegate-cosign-')) : undefined;
    try {
        const childEnv = {};
        if (env.COSIGN_PASSWORD !== undefined)
            childEnv.COSIGN_PASSWORD = env.COSIGN_PASSWORD;
        if (dir && credentials) {
            const auth = credentials.kind === 'basic'
                ? { auth: Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64') }
                : { identitytoken: credentials.token };
            await (0,promises_namespaceObject.writeFile)((0,external_node_path_namespaceObject.join)(dir, 'config.json'), JSON.stringify({ auths: { [host]: auth } }), { mode: 0o600 });
            childEnv.DOCKER_CONFIG = dir;
        }
        const result = await Exec.run('cosign', cosignSignArgs(req), { env: childEnv });
        if (result.exitCode !== 0) {
            const last = (result.stderr.trim() || result.stdout.trim()).split('\n').pop() ?? '';
            throw new InfrastructureError(`cosign could not sign ${req.ref}: ${last}`);
        }
    }
    finally {
        if (dir)
            await (0,promises_namespaceObject.rm)(dir, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./src/app/promote.ts
// promote and release: no build. For each image, find the staged digest for the merged source
// identity, make it exist in the final repository (retag, mount or copy), point the final tags at
// it (tags last, read back), then remove the staging tag without touching any other.










async function runPromote(req) {
    const started = Date.now();
    if (req.plan.refusal)
        throw new UsageError(req.plan.refusal);
    const credentials = new CredentialStore({ env: req.env, envHosts: registryHosts(req.loaded.config) });
    credentials.secrets().forEach(s => req.reporter.mask(s));
    const transport = req.transport ?? new RegistryTransport({ credentials, onSecret: s => req.reporter.mask(s), userAgent: 'imagegate' });
    const client = new RegistryClient(transport);
    const targets = targetsOf(req.plan);
    const report = {
        scenario: req.scenario,
        images: [],
        refs: [],
        warnings: [],
        http: transport.stats,
        durationMs: 0
    };
    try {
        let staged = await stagedDigests(client, targets);
        const missing = targets.filter(t => !staged.get(t.name));
        if (missing.length) {
            if (req.loaded.config.promote.onMissing !== 'build' || !req.gate)
                throw missingError(missing, req.plan);
            req.reporter.warning(`staging has no image for ${missing.map(m => m.name).join(', ')}; on-missing: build runs the gate first`);
            await req.gate();
            staged = await stagedDigests(client, targets);
            const still = targets.filter(t => !staged.get(t.name));
            if (still.length)
                throw missingError(still, req.plan);
        }
        // Where a copy runs first (another repository or registry), final tags are read before it, so
        // a tag moved by someone else while the copy ran is caught; a retag has no such window.
        const before = new Map();
        for (const target of targets.filter(t => !sameRepo(t.staging, t.final))) {
            for (const tag of target.tags)
                before.set(`${target.final.repository}:${tag}`, (await client.headManifest(target.final, tag))?.digest);
        }
        const untagger = new Untagger(client);
        for (const target of targets) {
            const digest = staged.get(target.name);
            report.images.push(await req.reporter.group(`${req.scenario} ${target.name}: ${target.staging.text} → ${target.final.registry}/${target.final.repository}`, () => promoteOne(client, untagger, req, target, digest, before, report)));
        }
    }
    finally {
        report.durationMs = Date.now() - started;
        if (!req.transport)
            transport.close();
    }
    return report;
}
function targetsOf(plan) {
    return plan.images.map(image => {
        if (!image.staging)
            throw new UsageError(`${image.name}: no source identity to find its staged image (${image.identity.error ?? 'unknown'})`);
        const staging = repoOf(image.staging.value);
        const final = repoOf(image.repository.value);
        const tags = image.tags.filter(t => t.published && t.tag).map(t => t.tag);
        const promoted = image.tags
            .filter(t => t.on.includes('promote') && t.tag && /\{\{\s*(short_)?sha\s*\}\}/.test(t.template))
            .map(t => t.tag);
        return {
            name: image.name,
            staging: { ...staging, reference: staging.reference, text: image.staging.value },
            final,
            tags,
            promoted,
            fromStaging: true
        };
    });
}
function repoOf(text) {
    const parsed = parseReference(text);
    if (!parsed.ok)
        throw new UsageError(`\`${text}\`: ${parsed.error}`);
    return {
        registry: parsed.value.registry,
        repository: parsed.value.repository,
        ...(parsed.value.tag ? { reference: parsed.value.tag } : {})
    };
}
/**
 * The digest staged for each image's source identity. After promotion removed the staging tag, a
 * release of the same commit finds it under the commit's own final tag (`{{sha}}`), if there is one.
 */
async function stagedDigests(client, targets) {
    const out = new Map();
    for (const t of targets) {
        // GET, not HEAD: a staging tag an interrupted cleanup left on its tombstone counts as absent.
        const staged = await client.getManifest(t.staging, t.staging.reference);
        let digest = staged && !isTombstone(staged) ? staged.digest : undefined;
        if (digest)
            t.manifest = staged;
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
        out.set(t.name, digest);
    }
    return out;
}
function missingError(missing, plan) {
    const lines = missing.map(m => `  ${m.name}: ${m.staging.text} does not exist`);
    return new FailedError(`${plan.scenario.value} refused: staging has no tested image for the merged source of ${missing.map(m => m.name).join(', ')}:\n${lines.join('\n')}\n` +
        'The merged tree differs from every tree the gate tested (merge without a merge queue/train, or a rebase after the gate), or the change came from a fork and was never staged. ' +
        'Run the gate on this commit, or set `promote: {on-missing: build}` to build, test and stage it here.');
}
async function promoteOne(client, untagger, req, target, digest, before, report) {
    const copier = new ImageCopier(client);
    const manifest = await copier.copy(target.staging, target.final, digest, target.manifest);
    if (!sameRepo(target.staging, target.final))
        await copyReferrers(client, copier, target, digest);
    const tags = [];
    for (const tag of target.tags) {
        const key = `${target.final.repository}:${tag}`;
        const now = (await client.headManifest(target.final, tag))?.digest;
        const was = before.has(key) ? before.get(key) : now;
        if (now === digest) {
            tags.push({ ref: refText(target.final, tag), ...(was ? { before: was } : {}), action: 'unchanged' });
            continue;
        }
        if (now !== was) {
            throw new FailedError(`${req.scenario} refused: ${refText(target.final, tag)} moved from ${was ?? '(absent)'} to ${now ?? '(absent)'} while this promotion ran; another pipeline is publishing it. Re-run when it is done.`);
        }
        await client.putManifest(target.final, tag, manifest);
        const readBack = (await client.headManifest(target.final, tag))?.digest;
        if (readBack !== digest)
            throw new FailedError(`${refText(target.final, tag)} reads back as ${readBack ?? '(absent)'}, not ${digest}`);
        tags.push({ ref: refText(target.final, tag), ...(was ? { before: was } : {}), action: was ? 'moved' : 'created' });
        report.refs.push(`${refText(target.final, tag)}@${digest}`);
        req.reporter.info(`${refText(target.final, tag)} → ${digest}${was ? ` (was ${was})` : ''}`);
    }
    const promoted = { name: target.name, digest, staging: target.staging.text, tags, copy: copier.stats };
    const sign = req.loaded.config.promote.sign;
    if (sign)
        promoted.signed = await signOnce(client, req, target.final, digest, sign);
    if (req.loaded.config.promote.cleanup && req.scenario === 'promote' && target.fromStaging) {
        const result = await untagger.removeTag(target.staging, target.staging.reference);
        promoted.cleanup = result.removed ? { removed: true } : { removed: false, reason: result.reason };
        if (!result.removed) {
            const warning = `${target.staging.text} was left in place: ${result.reason}`;
            report.warnings.push(warning);
            req.reporter.warning(warning);
        }
    }
    return promoted;
}
/** cosign signatures and attestations stored as `sha256-<hex>.sig|.att|.sbom` tags travel with the image. */
async function copyReferrers(client, copier, target, digest) {
    const prefix = digest.replace(':', '-');
    const tags = (await client.listTags(target.staging)).filter(t => t === prefix || t.startsWith(`${prefix}.`));
    for (const tag of tags) {
        const head = await client.headManifest(target.staging, tag);
        if (!head)
            continue;
        const manifest = await copier.copy(target.staging, target.final, head.digest);
        await client.putManifest(target.final, tag, manifest);
    }
}
/** Signs the promoted digest unless its signature is already there (a re-run). */
async function signOnce(client, req, final, digest, sign) {
    const ref = `${final.registry}/${final.repository}@${digest}`;
    const signature = `${digest.replace(':', '-')}.sig`;
    if (await client.headManifest(final, signature))
        return { ref, signature, created: false };
    if (sign.key === undefined && !req.env.ACTIONS_ID_TOKEN_REQUEST_URL && !req.env.SIGSTORE_ID_TOKEN) {
        throw new UsageError('`promote.sign: cosign` without `cosign-key` signs keyless, which needs an OIDC identity (GitHub `id-token: write`, or SIGSTORE_ID_TOKEN); set `promote.cosign-key`');
    }
    const key = sign.key === undefined || sign.key.startsWith('env://') ? sign.key : (0,external_node_path_namespaceObject.resolve)(req.loaded.dir, sign.key);
    const credentials = (await new CredentialStore({ env: req.env, envHosts: registryHosts(req.loaded.config) }).get(final.registry))?.credentials;
    await req.reporter.group(`sign ${ref}`, () => cosignSign({ ref, ...(key !== undefined ? { key } : {}), tlog: sign.tlog, insecure: isLoopback(final.registry) }, final.registry, credentials, req.env));
    return { ref, signature, created: true };
}
function refText(repo, tag) {
    return `${repo.registry}/${repo.repository}:${tag}`;
}

;// CONCATENATED MODULE: ./src/core/tools.ts
// The tools `imagegate setup` installs, pinned by version and SHA-256 per platform. A download whose
// bytes hash to anything else is refused, so a mirror (IMAGEGATE_TOOLS_MIRROR) can serve them but never
// change them. Checksums are the publishers' own (cosign_checksums.txt, pack's per-asset .sha256).

const COSIGN = 'https://github.com/sigstore/cosign/releases/download/v3.0.6';
const PACK = 'https://github.com/buildpacks/pack/releases/download/v0.39.1';
const PINNED_TOOLS = [
    {
        name: 'cosign',
        version: '3.0.6',
        assets: {
            x64: {
                url: `${COSIGN}/cosign-linux-amd64`,
                sha256: 'c956e5dfcac53d52bcf058360d579472f0c1d2d9b69f55209e256fe7783f4c74',
                kind: 'binary'
            },
            arm64: {
                url: `${COSIGN}/cosign-linux-arm64`,
                sha256: 'bedac92e8c3729864e13d4a17048007cfafa79d5deca993a43a90ffe018ef2b8',
                kind: 'binary'
            }
        }
    },
    {
        name: 'pack',
        version: '0.39.1',
        assets: {
            x64: {
                url: `${PACK}/pack-v0.39.1-linux.tgz`,
                sha256: '77109791ec8ad73749bc9efc5ecd3905f49175a5071c50e4be59840041ee4b42',
                kind: 'tgz',
                member: 'pack'
            },
            arm64: {
                url: `${PACK}/pack-v0.39.1-linux-arm64.tgz`,
                sha256: '6ffe978d5fe59ecc17ed685f51da35b7d6a003aeaa3676e831e7aeeb0ddd09c8',
                kind: 'tgz',
                member: 'pack'
            }
        }
    }
];
/** What to download for `names` (comma or space separated) on this machine, or a UsageError naming the fix. */
function toolDownloads(names, arch, mirror, table = PINNED_TOOLS) {
    const wanted = names.split(/[\s,]+/).filter(Boolean);
    const known = table.map(t => t.name);
    return [...new Set(wanted)].map(name => {
        const tool = table.find(t => t.name === name);
        if (!tool)
            throw new UsageError(`unknown tool \`${name}\`; imagegate setup installs ${known.join(', ')}`);
        const asset = tool.assets[arch];
        if (!asset)
            throw new UsageError(`${name} ${tool.version} is pinned for linux x64 and arm64, not ${arch}; install it yourself and leave it out of \`tools\``);
        const file = asset.url.slice(asset.url.lastIndexOf('/') + 1);
        const url = mirror ? `${mirror.replace(/\/+$/, '')}/${name}/v${tool.version}/${file}` : asset.url;
        return { name, version: tool.version, ...asset, url };
    });
}

;// CONCATENATED MODULE: ./src/io/install-tools.ts
// Downloads the pinned tools, checks every byte against the pinned SHA-256 before anything runs,
// and installs them into a versioned directory (the runner's tool cache when there is one).






async function installTool(tool, root) {
    const work = await (0,promises_namespaceObject.mkdtemp)((0,external_node_path_namespaceObject.join)((0,external_node_os_namespaceObject.tmpdir)(), `imagegate-${tool.name}-`));
    try {
        const bytes = await download(tool.url);
        const actual = (0,external_node_crypto_namespaceObject.createHash)('sha256').update(bytes).digest('hex');
        if (actual !== tool.sha256)
            throw new InfrastructureError(`${tool.url} has SHA-256 ${actual}, not the pinned ${tool.sha256}: refusing to install ${tool.name} ${tool.version}. ` +
                'A proxy or mirror served different bytes; fix the mirror (IMAGEGATE_TOOLS_MIRROR) or download from the publisher');
        const file = (0,external_node_path_namespaceObject.join)(work, 'download');
        await (0,promises_namespaceObject.writeFile)(file, bytes);
        const dir = (0,external_node_path_namespaceObject.join)(root, tool.name, tool.version);
        await (0,promises_namespaceObject.mkdir)(dir, { recursive: true });
        if (tool.kind === 'tgz') {
            const r = await Exec.run('tar', ['-xzf', file, '-C', work, '--', tool.member ?? tool.name]);
            if (r.exitCode !== 0)
                throw new InfrastructureError(`cannot unpack ${tool.url}: ${r.stderr.trim() || `tar exited ${r.exitCode}`}`);
            await (0,promises_namespaceObject.copyFile)((0,external_node_path_namespaceObject.join)(work, tool.member ?? tool.name), (0,external_node_path_namespaceObject.join)(dir, tool.name));
        }
        else {
            await (0,promises_namespaceObject.copyFile)(file, (0,external_node_path_namespaceObject.join)(dir, tool.name));
        }
        await (0,promises_namespaceObject.chmod)((0,external_node_path_namespaceObject.join)(dir, tool.name), 0o755);
        return { name: tool.name, version: tool.version, dir };
    }
    finally {
        await (0,promises_namespaceObject.rm)(work, { recursive: true, force: true });
    }
}
async function download(url) {
    let res;
    try {
        res = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(300_000) });
    }
    catch (e) {
        throw new InfrastructureError(`cannot download ${url}: ${e.message}; check the network or set IMAGEGATE_TOOLS_MIRROR`);
    }
    if (!res.ok)
        throw new InfrastructureError(`cannot download ${url}: HTTP ${res.status}`);
    return Buffer.from(await res.arrayBuffer());
}

;// CONCATENATED MODULE: ./src/app/setup.ts
// `imagegate setup`: installs the pinned tools and puts them on PATH for the rest of the job
// (GITHUB_PATH on GitHub; elsewhere the directories are printed for the caller to add).





const DEFAULT_TOOLS = 'cosign,pack';
async function setupTools(tools, env, reporter) {
    const downloads = toolDownloads(tools, process.arch, env.IMAGEGATE_TOOLS_MIRROR || undefined);
    const root = env.RUNNER_TOOL_CACHE
        ? (0,external_node_path_namespaceObject.join)(env.RUNNER_TOOL_CACHE, 'imagegate')
        : (0,external_node_path_namespaceObject.join)(env.HOME || (0,external_node_os_namespaceObject.homedir)(), '.cache', 'imagegate', 'tools');
    const installed = [];
    for (const tool of downloads) {
        const done = await reporter.group(`install ${tool.name} ${tool.version}`, () => installTool(tool, root));
        installed.push(done);
        if (env.GITHUB_PATH)
            await (0,promises_namespaceObject.appendFile)(env.GITHUB_PATH, `${done.dir}\n`);
    }
    return installed;
}

;// CONCATENATED MODULE: ./src/app/promote-summary.ts
// A promotion's outcome as people read it.
function renderPromoteText(report) {
    const lines = [
        `imagegate ${report.scenario}: ${report.images.length} image(s), ${report.refs.length} tag(s) written in ${(report.durationMs / 1000).toFixed(2)}s`
    ];
    for (const image of report.images) {
        lines.push(`  ${image.name}  ${image.digest}  from ${image.staging}`);
        for (const tag of image.tags)
            lines.push(`    ${tag.action.padEnd(9)} ${tag.ref}${tag.before && tag.action === 'moved' ? ` (was ${tag.before})` : ''}`);
        const c = image.copy;
        lines.push(`    copied: ${c.manifests} manifest(s), ${c.blobsMounted} blob(s) mounted, ${c.blobsUploaded} uploaded (${c.bytesUploaded} bytes), ${c.blobsPresent + c.manifestsPresent} already there`);
        if (image.cleanup)
            lines.push(`    staging tag ${image.cleanup.removed ? 'removed' : `left: ${image.cleanup.reason ?? ''}`}`);
    }
    lines.push(`HTTP: ${report.http.requests} requests, ${report.http.bytesSent} bytes sent, ${report.http.bytesReceived} received`);
    for (const w of report.warnings)
        lines.push(`warning: ${w}`);
    return `${lines.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./src/core/outputs.ts
// What a run hands to the jobs and steps after it: the scenario, the digests, the tags and refs it
// wrote. One shape for every scenario, rendered here as a GitLab dotenv report
// (artifacts:reports:dotenv), whose values must each fit on one line.
function gateOutputs(report) {
    return {
        scenario: report.scenario,
        digests: Object.fromEntries(report.images.flatMap(i => (i.digest ? [[i.name, i.digest]] : []))),
        tags: report.images.flatMap(i => (i.pushed ? [withoutDigest(i.pushed.ref)] : [])),
        refs: report.refs,
        pushed: report.pushed
    };
}
function publishOutputs(report) {
    return {
        scenario: report.scenario,
        digests: Object.fromEntries(report.images.map(i => [i.name, i.digest])),
        tags: report.images.flatMap(i => i.tags.map(t => withoutDigest(t.ref))),
        refs: report.refs,
        pushed: report.refs.length > 0
    };
}
/** `merge`: the assembled index of each image, under its staging tag (a gate-side write). */
function mergeOutputs(report) {
    return {
        scenario: 'gate',
        digests: Object.fromEntries(report.images.map(i => [i.name, i.digest])),
        tags: report.images.map(i => i.ref),
        refs: report.refs,
        pushed: report.refs.length > 0
    };
}
/**
 * IMAGEGATE_SCENARIO, IMAGEGATE_DIGEST (the digest when there is one image, else `name=digest`
 * pairs), IMAGEGATE_DIGEST_<NAME> per image, IMAGEGATE_TAGS and IMAGEGATE_REFS (space-separated),
 * IMAGEGATE_PUSHED (`true`/`false`).
 */
function renderDotenv(outputs) {
    const entries = Object.entries(outputs.digests);
    const digest = entries.length === 1 ? entries[0][1] : entries.map(([name, value]) => `${name}=${value}`).join(' ');
    const lines = [
        ['IMAGEGATE_SCENARIO', outputs.scenario],
        ['IMAGEGATE_DIGEST', digest],
        ...entries.map(([name, value]) => [`IMAGEGATE_DIGEST_${variableSuffix(name)}`, value]),
        ['IMAGEGATE_TAGS', outputs.tags.join(' ')],
        ['IMAGEGATE_REFS', outputs.refs.join(' ')],
        ['IMAGEGATE_PUSHED', String(outputs.pushed)]
    ];
    return lines.map(([key, value]) => `${key}=${oneLine(value)}\n`).join('');
}
/** `web-api` → `WEB_API`: image names allow characters that variable names do not. */
function variableSuffix(name) {
    return name.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}
function withoutDigest(ref) {
    const at = ref.indexOf('@');
    return at < 0 ? ref : ref.slice(0, at);
}
// Image names, tags and digests never hold whitespace; this only keeps a surprise from breaking the file.
function oneLine(value) {
    return value.replace(/\s+/g, ' ').trim();
}

;// CONCATENATED MODULE: ./src/core/render-plan.ts
// A plan as people read it: a terminal listing and a markdown table for CI summaries.
function renderPlanText(plan) {
    const lines = [];
    lines.push(`imagegate plan — scenario ${plan.scenario.value}  [${plan.scenario.source}]`);
    lines.push(`  ${plan.reason}`);
    const trust = plan.trusted ? 'trusted: may write to registries' : 'untrusted: no registry writes';
    lines.push(`  host ${plan.host}, event ${plan.event}, ${trust}`);
    for (const key of ['sha', 'branch', 'tag']) {
        const fact = plan.git[key];
        if (fact)
            lines.push(row(`git ${key}`, fact.value, fact.source, 2));
    }
    for (const image of plan.images)
        lines.push('', ...renderImage(image));
    lines.push('');
    lines.push(plan.writes.length
        ? `Registry writes in ${plan.scenario.value}:`
        : `Registry writes in ${plan.scenario.value}: none`);
    for (const ref of plan.writes)
        lines.push(`  ${ref}`);
    for (const warning of plan.warnings)
        lines.push(`warning: ${warning}`);
    if (plan.refusal)
        lines.push(`refused: ${plan.refusal}`);
    return `${lines.join('\n')}\n`;
}
function renderImage(image) {
    const out = [`image ${image.name}`];
    const fact = (label, f, show = (v) => String(v)) => {
        if (f)
            out.push(row(label, show(f.value), f.source));
    };
    fact('builder', image.builder);
    fact('context', image.context);
    fact('containerfile', image.containerfile);
    fact('target', image.target);
    fact('depends-on', image.dependsOn);
    fact('platforms', image.platforms, v => v.join(', '));
    const args = Object.entries(image.buildArgs.value);
    if (args.length)
        out.push(row('build-args', args.map(([k, v]) => `${k}=${v}`).join(' '), image.buildArgs.source));
    fact('repository', image.repository);
    if (image.identity.value) {
        const id = image.identity.value;
        const detail = `context tree ${id.contextTree.slice(0, 12)}, config ${id.configHash.slice(0, 12)}${id.dirty ? ', uncommitted changes' : ''}`;
        out.push(row('source identity', `${id.key} (${detail})`, image.identity.source));
    }
    else {
        out.push(row('source identity', `unavailable: ${image.identity.error ?? 'unknown'}`, image.identity.source));
    }
    fact('tests', image.tests, v => `${String(v)} command(s)`);
    fact('staging', image.staging);
    for (const tag of image.tags) {
        const when = `on ${tag.on.join(', ')}`;
        const value = tag.ref
            ? `${tag.ref}${tag.published ? '' : ` (${when})`}`
            : `"${tag.template}" skipped: ${tag.skipped ?? ''}`;
        out.push(row(tag.published ? 'tag (published)' : 'tag', value, `${tag.source} "${tag.template}"`));
    }
    out.push(row('steps', image.steps.join(' → '), ''));
    return out;
}
function row(label, value, source, indent = 2) {
    const left = `${' '.repeat(indent)}${label.padEnd(16)} ${value}`;
    return source ? `${left.padEnd(72)}  [${source}]` : left;
}
function renderPlanMarkdown(plan) {
    const lines = [
        `### imagegate: ${plan.scenario.value}`,
        '',
        `${escapeCell(plan.reason)} (scenario from ${escapeCell(plan.scenario.source)})`,
        '',
        '| image | platforms | source identity | staging | tags written |',
        '|---|---|---|---|---|'
    ];
    for (const image of plan.images) {
        const tags = image.tags
            .filter(t => t.published)
            .map(t => `\`${t.tag}\``)
            .join(' ') || '—';
        const staging = image.staging ? `\`${image.staging.value}\`` : '—';
        lines.push(`| ${image.name} | ${image.platforms.value.join(', ')} | \`${image.identity.value?.key ?? 'n/a'}\` | ${staging} | ${tags} |`);
    }
    return `${lines.join('\n')}\n`;
}
function escapeCell(text) {
    return text.replace(/\|/g, '\\|').replace(/[<>]/g, c => (c === '<' ? '&lt;' : '&gt;'));
}

;// CONCATENATED MODULE: ./src/core/summary.ts
// A run's outcome as people read it: a terminal summary and a markdown table for CI summaries.

const MARK = { passed: 'PASS', failed: 'FAIL', 'timed-out': 'TIME', error: 'ERR ' };
function renderRunText(report) {
    const lines = [`imagegate ${report.scenario}: ${verdict(report)}`];
    for (const image of report.images) {
        lines.push(`  ${image.name}  ${image.status}${image.digest ? `  ${image.digest}` : ''}${image.reason && image.status !== 'failed' ? `  (${image.reason})` : ''}`);
        for (const platform of image.platforms) {
            lines.push(`    ${platform.platform}${platform.emulated ? ' (QEMU)' : ''}${platform.manifestDigest ? `  ${platform.manifestDigest}` : ''}`);
            for (const test of platform.tests) {
                const exit = test.exitCode !== undefined ? ` exit ${test.exitCode}` : '';
                lines.push(`      ${MARK[test.status] ?? test.status} ${test.name}  ${summary_seconds(test.durationMs)}${exit}${test.error ? `  ${test.error}` : ''}`);
                if (test.status !== 'passed' && test.outputTail)
                    lines.push(...indent(test.outputTail.split('\n').slice(-8), '        | '));
            }
        }
        if (image.pushed)
            lines.push(`    pushed ${image.pushed.ref}@${image.pushed.digest}`);
    }
    lines.push(report.pushed ? `Pushed (digests read back from the registry): ${report.refs.join(', ')}` : 'Pushed: nothing');
    return `${lines.join('\n')}\n`;
}
function renderRunMarkdown(report) {
    const lines = [
        `### imagegate ${report.scenario}: ${verdict(report)}`,
        '',
        '| image | platform | digest | tests | time |',
        '|---|---|---|---|---|'
    ];
    for (const image of report.images) {
        if (!image.platforms.length)
            lines.push(`| ${image.name} | — | — | ${image.status}: ${summary_cell(image.reason ?? '')} | — |`);
        for (const platform of image.platforms) {
            const passed = platform.tests.filter(t => t.status === 'passed').length;
            const failed = platform.tests.filter(t => t.status !== 'passed').map(t => `${t.name} (${t.status})`);
            const tests = `${passed}/${platform.tests.length} passed${failed.length ? `; ${failed.join(', ')}` : ''}`;
            const digest = platform.manifestDigest ?? image.digest ?? '—';
            lines.push(`| ${image.name} | ${platform.platform}${platform.emulated ? ' (QEMU)' : ''} | \`${summary_short(digest)}\` | ${summary_cell(tests)} | ${summary_seconds(platform.durationMs)} |`);
        }
    }
    lines.push('', report.pushed ? `Pushed: ${report.refs.map(r => `\`${r}\``).join(', ')}` : 'Pushed: nothing');
    return `${lines.join('\n')}\n`;
}
function verdict(report) {
    const { passed, failed } = countTests(report.images);
    const bad = report.images.filter((i) => i.status !== 'passed').length;
    return `${bad ? `${bad} of ${report.images.length} image(s) did not pass` : `all ${report.images.length} image(s) passed`} (${passed} passed, ${failed} failed)`;
}
function summary_seconds(ms) {
    return `${(ms / 1000).toFixed(1)}s`;
}
function summary_short(digest) {
    return digest.replace(/^(sha256:[0-9a-f]{12})[0-9a-f]+$/, '$1…');
}
function indent(lines, prefix) {
    return lines.map(l => `${prefix}${l}`);
}
function summary_cell(text) {
    return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

;// CONCATENATED MODULE: ./src/host/reporter.ts
// How progress reaches people: collapsible groups, warnings and errors with file positions, and
// masking of secrets. One interface, one implementation per host (terminal/GitLab, GitHub).
/** Terminal output on stderr, with the CI host's section syntax when running in one. */
class StreamReporter {
    write;
    style;
    secrets = [];
    sections = 0;
    constructor(write, style = 'plain') {
        this.write = write;
        this.style = style;
    }
    static forEnv(write, env) {
        const style = env.GITHUB_ACTIONS === 'true' ? 'github' : env.GITLAB_CI === 'true' ? 'gitlab' : 'plain';
        return new StreamReporter(write, style);
    }
    info(text) {
        this.line(text);
    }
    warning(text, where) {
        this.annotated('warning', text, where);
    }
    error(text, where) {
        this.annotated('error', text, where);
    }
    async group(title, fn) {
        const id = `imagegate_${++this.sections}`;
        if (this.style === 'github')
            this.line(`::group::${title}`);
        else if (this.style === 'gitlab')
            this.write(`\x1b[0Ksection_start:${reporter_seconds()}:${id}[collapsed=true]\r\x1b[0K${this.clean(title)}\n`);
        else
            this.line(`── ${title}`);
        try {
            return await fn();
        }
        finally {
            if (this.style === 'github')
                this.line('::endgroup::');
            else if (this.style === 'gitlab')
                this.write(`\x1b[0Ksection_end:${reporter_seconds()}:${id}\r\x1b[0K\n`);
        }
    }
    mask(secret) {
        if (secret.length < 3)
            return;
        this.secrets.push(secret);
        if (this.style === 'github')
            this.write(`::add-mask::${secret}\n`);
    }
    annotated(kind, text, where) {
        if (this.style === 'github') {
            const props = where
                ? ` file=${where.file}${where.line ? `,line=${where.line}` : ''}${where.col ? `,col=${where.col}` : ''}`
                : '';
            this.line(`::${kind}${props}::${text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}`);
            return;
        }
        const at = where ? `${where.file}${where.line ? `:${where.line}` : ''}${where.col ? `:${where.col}` : ''}: ` : '';
        this.line(`${at}${kind}: ${text}`);
    }
    line(text) {
        this.write(`${this.clean(text)}\n`);
    }
    clean(text) {
        return this.secrets.reduce((t, s) => t.split(s).join('***'), text);
    }
}
function reporter_seconds() {
    return Math.floor(Date.now() / 1000);
}

;// CONCATENATED MODULE: ./src/cli/args.ts
// Command-line arguments → what to do. Pure: errors are UsageErrors (exit 2) naming the fix.




const VERBS = [
    'plan',
    'check',
    'gate',
    'merge',
    'promote',
    'release',
    'run',
    'verify',
    'cleanup',
    'setup'
];
const FLAGS_WITH_VALUE = [
    '--config',
    '--scenario',
    '--parallel',
    '--junit',
    '--dotenv',
    '--older-than',
    '--platform',
    '--records',
    '--builder',
    '--tools'
];
const BOOLEAN_FLAGS = ['--json', '--help', '--version', '--markdown'];
const SHORT = { '-c': '--config', '-h': '--help', '-V': '--version' };
function parseArgs(argv) {
    const args = { verb: 'help', json: false };
    let verb;
    for (let i = 0; i < argv.length; i++) {
        const raw = argv[i];
        if (!raw.startsWith('-') || raw === '-') {
            if (verb === 'verify' && args.target === undefined) {
                args.target = raw;
                continue;
            }
            if (verb !== undefined)
                throw new UsageError(`unexpected argument \`${raw}\` after \`${verb}\`; see \`imagegate --help\``);
            verb = raw;
            continue;
        }
        const [flagText, inline] = splitInline(raw);
        const flag = SHORT[flagText] ?? flagText;
        if (FLAGS_WITH_VALUE.includes(flag)) {
            const value = inline ?? argv[++i];
            if (value === undefined || (inline === undefined && value.startsWith('--')))
                throw new UsageError(`${flag} needs a value, e.g. ${example(flag)}`);
            if (flag === '--config')
                args.config = value;
            else if (flag === '--scenario')
                args.scenario = scenarioValue(value);
            else if (flag === '--parallel')
                args.parallel = positiveInteger(flag, value);
            else if (flag === '--older-than')
                args.olderThanMs = duration(flag, value);
            else if (flag === '--platform')
                args.platform = value;
            else if (flag === '--records')
                args.records = value;
            else if (flag === '--builder')
                args.builder = value;
            else if (flag === '--dotenv')
                args.dotenv = value;
            else if (flag === '--tools')
                args.tools = value;
            else
                args.junit = value;
            continue;
        }
        if (BOOLEAN_FLAGS.includes(flag)) {
            if (inline !== undefined)
                throw new UsageError(`${flag} takes no value`);
            if (flag === '--json')
                args.json = true;
            if (flag === '--markdown')
                args.markdown = true;
            if (flag === '--help')
                return { ...args, verb: 'help' };
            if (flag === '--version')
                return { ...args, verb: 'version' };
            continue;
        }
        const guess = closest(flag.replace(/^-+/, ''), [...FLAGS_WITH_VALUE, ...BOOLEAN_FLAGS].map(f => f.slice(2)));
        throw new UsageError(`unknown option \`${flagText}\`${guess ? `, did you mean \`--${guess}\`?` : '; see `imagegate --help`'}`);
    }
    if (verb === undefined || verb === 'help')
        return { ...args, verb: 'help' };
    if (verb === 'schema')
        return { ...args, verb: 'schema' };
    if (!VERBS.includes(verb)) {
        const guess = closest(verb, VERBS);
        throw new UsageError(`unknown command \`${verb}\`${guess ? `, did you mean \`${guess}\`?` : ''}; commands: ${VERBS.join(', ')}`);
    }
    args.verb = verb;
    if (args.platform !== undefined && !['check', 'gate', 'run', 'plan'].includes(verb))
        throw new UsageError(`--platform is for check, gate and run (one platform of a split build), not \`${verb}\``);
    if (verb === 'verify' && args.target === undefined) {
        throw new UsageError('`imagegate verify` needs a reference, e.g. `imagegate verify ghcr.io/acme/web:latest`');
    }
    return args;
}
function splitInline(raw) {
    const eq = raw.indexOf('=');
    return eq > 0 ? [raw.slice(0, eq), raw.slice(eq + 1)] : [raw, undefined];
}
function scenarioValue(value) {
    const scenario = parseScenario(value);
    if (scenario)
        return scenario;
    const guess = closest(value, SCENARIOS);
    throw new UsageError(`unknown scenario \`${value}\`${guess ? `, did you mean \`${guess}\`?` : ''}; scenarios: ${SCENARIOS.join(', ')}`);
}
function duration(flag, value) {
    const ms = parseDuration(value);
    if (ms === undefined)
        throw new UsageError(`${flag} takes a duration such as \`24h\` or \`90m\`, not \`${value}\``);
    return ms;
}
function positiveInteger(flag, value) {
    if (!/^[1-9]\d{0,2}$/.test(value))
        throw new UsageError(`${flag} takes a whole number from 1 to 999, not \`${value}\``);
    return Number(value);
}
function example(flag) {
    const examples = {
        '--config': '.imagegate.yml',
        '--scenario': 'check',
        '--parallel': '2',
        '--junit': 'imagegate-junit.xml',
        '--platform': 'linux/arm64',
        '--records': 'imagegate-records',
        '--builder': 'my-remote-builder',
        '--dotenv': 'imagegate.env',
        '--tools': 'cosign,pack'
    };
    return `\`${flag} ${examples[flag] ?? 'VALUE'}\``;
}
const USAGE = `imagegate — build container images, test inside the exact image on every platform,
push only the tested bytes, promote on merge without rebuilding.

Usage: imagegate <command> [--config FILE] [--scenario S] [--json] [--parallel N] [--junit FILE]
                           [--dotenv FILE] [--platform P] [--records DIR] [--builder NAME]

Commands:
  plan      print the resolved plan: scenario, images, platforms, tags, where each is pushed,
            and where every value came from
  run       infer the scenario from the CI environment, then do what it says
  check     build and test every platform; push nothing
  gate      check, then push the tested bytes to staging
            (--platform P: only platform P, pushed by digest under a per-platform staging tag,
            with a record for merge)
  merge     assemble each image's index from the tested digests the per-platform gate jobs
            recorded (--records DIR), push it under the staging tag; refuses if any is missing,
            failed, or differs in the registry
  promote   publish the staged bytes under the final tags, without rebuilding
  release   publish version tags for a release tag
  verify    check that a reference's index, children and blobs all exist: imagegate verify REF
  cleanup   remove staging tags older than --older-than (default 24h), nothing else
  setup     install the pinned tools (--tools cosign,pack), each checked against its pinned SHA-256
  schema    print the JSON Schema of the configuration file (--markdown: the reference table)

Options:
  -c, --config FILE   configuration file (default: .imagegate.yml in the current directory)
      --scenario S    force the scenario: check, gate, promote or release
      --json          print one JSON document on stdout (human output goes to stderr)
      --parallel N    build and test up to N independent images at once (default 2)
      --junit FILE    write JUnit XML of the in-image tests to FILE
      --dotenv FILE   write the outputs (IMAGEGATE_SCENARIO, _DIGEST, _TAGS, _REFS, _PUSHED) to FILE,
                      e.g. for GitLab's artifacts:reports:dotenv
      --older-than D  for cleanup: how old a staging tag must be, e.g. 24h
      --platform P    for check/gate/run: build and test only platform P (split build)
      --records DIR   where gate --platform writes its record and merge reads them
                      (default: imagegate-records)
      --builder NAME  build with this buildx builder (remote, kubernetes, docker-container)
      --tools LIST    for setup: which pinned tools to install (default cosign,pack)
  -h, --help          show this help
  -V, --version       print the version

Exit codes: 0 success, 1 a test failed or promotion was refused, 2 configuration or usage error,
3 infrastructure error (engine, registry, tool missing).
`;

;// CONCATENATED MODULE: ./src/cli/main.ts
// The imagegate command line: parse, dispatch, map every outcome to the documented exit code.


















const DEFAULT_PARALLEL = 2;
async function main(argv, io) {
    let args;
    try {
        args = parseArgs(argv);
        if (args.verb === 'help') {
            io.stdout(USAGE);
            return EXIT.ok;
        }
        if (args.verb === 'version') {
            io.stdout(`imagegate ${io.version}\n`);
            return EXIT.ok;
        }
        if (args.verb === 'schema') {
            io.stdout(args.markdown ? renderConfigReference() : `${JSON.stringify(SCHEMA, null, 2)}\n`);
            return EXIT.ok;
        }
        if (args.verb === 'verify')
            return await verifyCommand(args, io);
        if (args.verb === 'cleanup')
            return await cleanupCommand(args, io);
        if (args.verb === 'setup')
            return await setupCommand(args, io);
        const planned = await makePlan({
            cwd: io.cwd,
            env: io.env,
            configPath: args.config,
            ...scenarioFor(args, args.verb)
        });
        for (const notice of planned.notices)
            io.stderr(`${notice}\n`);
        if (args.verb === 'plan')
            return printPlan(args, planned, io);
        if (args.verb === 'merge')
            return await mergeCommand(args, planned, io);
        return await runScenario(args, planned, io);
    }
    catch (e) {
        return reportError(e, args, io);
    }
}
/** `check` and `gate` name their scenario; `plan` and `run` take the flag or infer it. */
function scenarioFor(args, verb) {
    if (verb === 'merge') {
        if (args.scenario)
            throw new UsageError('`imagegate merge` writes staging like gate; it takes no --scenario');
        return { scenario: { value: 'gate', source: 'command `imagegate merge` (writes staging)' } };
    }
    const fromVerb = verb === 'check' || verb === 'gate' || verb === 'promote' || verb === 'release' ? verb : undefined;
    if (fromVerb && args.scenario && args.scenario !== fromVerb) {
        throw new UsageError(`\`imagegate ${verb}\` runs the ${verb} scenario; drop \`--scenario ${args.scenario}\` or use \`imagegate run --scenario ${args.scenario}\``);
    }
    if (fromVerb)
        return { scenario: { value: fromVerb, source: `command \`imagegate ${verb}\`` } };
    return args.scenario ? { scenario: { value: args.scenario, source: '--scenario' } } : {};
}
function printPlan(args, { plan }, io) {
    printResult(args, io, renderPlanText(plan), plan);
    return EXIT.ok;
}
async function runScenario(args, planned, io) {
    const { plan, loaded } = planned;
    const scenario = plan.scenario.value;
    io.stderr(`imagegate: scenario ${scenario} [${plan.scenario.source}]: ${plan.reason}\n`);
    for (const warning of plan.warnings)
        io.stderr(`warning: ${warning}\n`);
    const reporter = StreamReporter.forEnv(io.stderr, io.env);
    if ((scenario === 'promote' || scenario === 'release') && args.platform)
        throw new UsageError(`--platform splits a build; the ${scenario} scenario builds nothing (drop --platform there)`);
    if (scenario === 'promote' || scenario === 'release')
        return promoteScenario(args, planned, scenario, io, reporter);
    const report = await runGate({
        loaded,
        plan,
        scenario,
        reporter,
        env: io.env,
        parallel: args.parallel ?? DEFAULT_PARALLEL,
        ...(args.junit ? { junitFile: (0,external_node_path_namespaceObject.resolve)(io.cwd, args.junit) } : {}),
        ...(args.platform ? { platform: args.platform } : {}),
        ...(args.builder ? { buildxBuilder: args.builder } : {}),
        ...(args.records ? { recordsDir: (0,external_node_path_namespaceObject.resolve)(io.cwd, args.records) } : { recordsDir: (0,external_node_path_namespaceObject.resolve)(io.cwd, DEFAULT_RECORDS_DIR) })
    });
    const text = renderRunText(report);
    printResult(args, io, text, report);
    await writeDotenv(args, io, gateOutputs(report));
    return report.images.every(i => i.status === 'passed') ? EXIT.ok : EXIT.failed;
}
async function promoteScenario(args, planned, scenario, io, reporter) {
    const gate = async () => {
        const gated = await makePlan({
            cwd: io.cwd,
            env: io.env,
            configPath: args.config,
            scenario: { value: 'gate', source: 'promote.on-missing: build' }
        });
        const report = await runGate({
            loaded: gated.loaded,
            plan: gated.plan,
            scenario: 'gate',
            reporter,
            env: io.env,
            parallel: args.parallel ?? DEFAULT_PARALLEL,
            ...(args.builder ? { buildxBuilder: args.builder } : {})
        });
        if (!report.images.every(i => i.status === 'passed'))
            throw new FailedError(`on-missing: build ran the gate and it failed:\n${renderRunText(report)}`);
    };
    const report = await runPromote({ loaded: planned.loaded, plan: planned.plan, scenario, reporter, env: io.env, gate });
    const text = renderPromoteText(report);
    printResult(args, io, text, report);
    await writeDotenv(args, io, publishOutputs(report));
    return EXIT.ok;
}
async function mergeCommand(args, { plan, loaded }, io) {
    const report = await runMerge({
        loaded,
        plan,
        reporter: StreamReporter.forEnv(io.stderr, io.env),
        env: io.env,
        recordsDir: (0,external_node_path_namespaceObject.resolve)(io.cwd, args.records ?? DEFAULT_RECORDS_DIR)
    });
    const lines = report.images.map(i => `  ${i.name}: ${i.ref}@${i.digest} (${i.action}; ${i.platforms.map(p => `${p.platform} ${p.digest.slice(0, 19)}`).join(', ')})\n`);
    printResult(args, io, `imagegate merge: ${report.images.length} image(s) assembled from tested digests\n${lines.join('')}`, report);
    await writeDotenv(args, io, mergeOutputs(report));
    return EXIT.ok;
}
async function verifyCommand(args, io) {
    const report = await verifyRef(args.target, io.env, StreamReporter.forEnv(io.stderr, io.env));
    const problems = report.problems.map(p => `  ${p}\n`).join('');
    const text = `${problems ? 'INCOMPLETE' : 'complete'}: ${report.ref}${report.digest ? `@${report.digest}` : ''} (${report.manifests} manifests, ${report.blobs} blobs)\n${problems}`;
    printResult(args, io, text, report);
    return report.problems.length ? EXIT.failed : EXIT.ok;
}
async function cleanupCommand(args, io) {
    const loaded = await readConfigFile(io.cwd, args.config);
    const report = await cleanupStale(loaded, args.olderThanMs ?? 24 * 3600 * 1000, io.env, StreamReporter.forEnv(io.stderr, io.env));
    const left = report.leftovers.map(l => `  left ${l.ref}: ${l.reason}\n`).join('');
    const text = `imagegate cleanup: removed ${report.removed.length}, kept ${report.kept.length} newer, ${report.leftovers.length} left (deletes refused)\n${left}`;
    printResult(args, io, text, report);
    return EXIT.ok;
}
async function writeDotenv(args, io, outputs) {
    if (!args.dotenv)
        return;
    const file = (0,external_node_path_namespaceObject.resolve)(io.cwd, args.dotenv);
    try {
        await (0,promises_namespaceObject.writeFile)(file, renderDotenv(outputs));
    }
    catch (e) {
        throw new UsageError(`cannot write --dotenv ${args.dotenv}: ${e.message}; pass a writable path`);
    }
}
async function setupCommand(args, io) {
    const installed = await setupTools(args.tools ?? DEFAULT_TOOLS, io.env, StreamReporter.forEnv(io.stderr, io.env));
    const text = installed.map(t => `installed ${t.name} ${t.version} in ${t.dir}\n`).join('');
    printResult(args, io, text, installed);
    return EXIT.ok;
}
/** Human text on stdout, or — with --json — the text on stderr and one JSON document on stdout. */
function printResult(args, io, text, doc) {
    if (args.json) {
        io.stderr(text);
        io.stdout(`${JSON.stringify(doc, null, 2)}\n`);
    }
    else {
        io.stdout(text);
    }
}
function reportError(e, args, io) {
    const code = e instanceof ImagegateError ? e.exitCode : EXIT.infrastructure;
    const message = e instanceof ImagegateError
        ? e.message
        : `unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
    io.stderr(`${message}\n`);
    if (args?.json)
        io.stdout(`${JSON.stringify({ error: { exitCode: code, message } })}\n`);
    return code;
}


/***/ }),

/***/ 311:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ VERSION)
/* harmony export */ });
const VERSION = '0.1.0';


/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 7349:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveBlockMap = __nccwpck_require__(7103);
var resolveBlockSeq = __nccwpck_require__(334);
var resolveFlowCollection = __nccwpck_require__(3142);

function resolveCollection(CN, ctx, token, onError, tagName, tag) {
    const coll = token.type === 'block-map'
        ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag)
        : token.type === 'block-seq'
            ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag)
            : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
    const Coll = coll.constructor;
    // If we got a tagName matching the class, or the tag name is '!',
    // then use the tagName from the node class used to create it.
    if (tagName === '!' || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
    }
    if (tagName)
        coll.tag = tagName;
    return coll;
}
function composeCollection(CN, ctx, token, props, onError) {
    const tagToken = props.tag;
    const tagName = !tagToken
        ? null
        : ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg));
    if (token.type === 'block-seq') {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken
            ? anchor.offset > tagToken.offset
                ? anchor
                : tagToken
            : (anchor ?? tagToken);
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
            const message = 'Missing newline after block sequence props';
            onError(lastProp, 'MISSING_CHAR', message);
        }
    }
    const expType = token.type === 'block-map'
        ? 'map'
        : token.type === 'block-seq'
            ? 'seq'
            : token.start.source === '{'
                ? 'map'
                : 'seq';
    // shortcut: check if it's a generic YAMLMap or YAMLSeq
    // before jumping into the custom tag logic.
    if (!tagToken ||
        !tagName ||
        tagName === '!' ||
        (tagName === YAMLMap.YAMLMap.tagName && expType === 'map') ||
        (tagName === YAMLSeq.YAMLSeq.tagName && expType === 'seq')) {
        return resolveCollection(CN, ctx, token, onError, tagName);
    }
    let tag = ctx.schema.tags.find(t => t.tag === tagName && t.collection === expType);
    if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
            ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
            tag = kt;
        }
        else {
            if (kt) {
                onError(tagToken, 'BAD_COLLECTION_TYPE', `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? 'scalar'}`, true);
            }
            else {
                onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, true);
            }
            return resolveCollection(CN, ctx, token, onError, tagName);
        }
    }
    const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
    const res = tag.resolve?.(coll, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg), ctx.options) ?? coll;
    const node = identity.isNode(res)
        ? res
        : new Scalar.Scalar(res);
    node.range = coll.range;
    node.tag = tagName;
    if (tag?.format)
        node.format = tag.format;
    return node;
}

exports.composeCollection = composeCollection;


/***/ }),

/***/ 3683:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Document = __nccwpck_require__(3021);
var composeNode = __nccwpck_require__(5937);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);

function composeDoc(options, directives, { offset, start, value, end }, onError) {
    const opts = Object.assign({ _directives: directives }, options);
    const doc = new Document.Document(undefined, opts);
    const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
    };
    const props = resolveProps.resolveProps(start, {
        indicator: 'doc-start',
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
    });
    if (props.found) {
        doc.directives.docStart = true;
        if (value &&
            (value.type === 'block-map' || value.type === 'block-seq') &&
            !props.hasNewline)
            onError(props.end, 'MISSING_CHAR', 'Block collection cannot start on same line with directives-end marker');
    }
    // @ts-expect-error If Contents is set, let's trust the user
    doc.contents = value
        ? composeNode.composeNode(ctx, value, props, onError)
        : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
    const contentEnd = doc.contents.range[2];
    const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
    if (re.comment)
        doc.comment = re.comment;
    doc.range = [offset, contentEnd, re.offset];
    return doc;
}

exports.composeDoc = composeDoc;


/***/ }),

/***/ 5937:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var composeCollection = __nccwpck_require__(7349);
var composeScalar = __nccwpck_require__(5413);
var resolveEnd = __nccwpck_require__(7788);
var utilEmptyScalarPosition = __nccwpck_require__(2599);

const CN = { composeNode, composeEmptyNode };
function composeNode(ctx, token, props, onError) {
    const atKey = ctx.atKey;
    const { spaceBefore, comment, anchor, tag } = props;
    let node;
    let isSrcToken = true;
    switch (token.type) {
        case 'alias':
            node = composeAlias(ctx, token, onError);
            if (anchor || tag)
                onError(token, 'ALIAS_PROPS', 'An alias node must not specify any properties');
            break;
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'block-scalar':
            node = composeScalar.composeScalar(ctx, token, tag, onError);
            if (anchor)
                node.anchor = anchor.source.substring(1);
            break;
        case 'block-map':
        case 'block-seq':
        case 'flow-collection':
            try {
                node = composeCollection.composeCollection(CN, ctx, token, props, onError);
                if (anchor)
                    node.anchor = anchor.source.substring(1);
            }
            catch (error) {
                // Almost certainly here due to a stack overflow
                const message = error instanceof Error ? error.message : String(error);
                onError(token, 'RESOURCE_EXHAUSTION', message);
            }
            break;
        default: {
            const message = token.type === 'error'
                ? token.message
                : `Unsupported token (type: ${token.type})`;
            onError(token, 'UNEXPECTED_TOKEN', message);
            isSrcToken = false;
        }
    }
    node ?? (node = composeEmptyNode(ctx, token.offset, undefined, null, props, onError));
    if (anchor && node.anchor === '')
        onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    if (atKey &&
        ctx.options.stringKeys &&
        (!identity.isScalar(node) ||
            typeof node.value !== 'string' ||
            (node.tag && node.tag !== 'tag:yaml.org,2002:str'))) {
        const msg = 'With stringKeys, all keys must be strings';
        onError(tag ?? token, 'NON_STRING_KEY', msg);
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        if (token.type === 'scalar' && token.source === '')
            node.comment = comment;
        else
            node.commentBefore = comment;
    }
    // @ts-expect-error Type checking misses meaning of isSrcToken
    if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
    return node;
}
function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
    const token = {
        type: 'scalar',
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ''
    };
    const node = composeScalar.composeScalar(ctx, token, tag, onError);
    if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === '')
            onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        node.comment = comment;
        node.range[2] = end;
    }
    return node;
}
function composeAlias({ options }, { offset, source, end }, onError) {
    const alias = new Alias.Alias(source.substring(1));
    if (alias.source === '')
        onError(offset, 'BAD_ALIAS', 'Alias cannot be an empty string');
    if (alias.source.endsWith(':'))
        onError(offset + source.length - 1, 'BAD_ALIAS', 'Alias ending in : is ambiguous', true);
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
    alias.range = [offset, valueEnd, re.offset];
    if (re.comment)
        alias.comment = re.comment;
    return alias;
}

exports.composeEmptyNode = composeEmptyNode;
exports.composeNode = composeNode;


/***/ }),

/***/ 5413:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);

function composeScalar(ctx, token, tagToken, onError) {
    const { value, type, comment, range } = token.type === 'block-scalar'
        ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError)
        : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
    const tagName = tagToken
        ? ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg))
        : null;
    let tag;
    if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
    }
    else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
    else if (token.type === 'scalar')
        tag = findScalarTagByTest(ctx, value, token, onError);
    else
        tag = ctx.schema[identity.SCALAR];
    let scalar;
    try {
        const res = tag.resolve(value, msg => onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
    }
    catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg);
        scalar = new Scalar.Scalar(value);
    }
    scalar.range = range;
    scalar.source = value;
    if (type)
        scalar.type = type;
    if (tagName)
        scalar.tag = tagName;
    if (tag.format)
        scalar.format = tag.format;
    if (comment)
        scalar.comment = comment;
    return scalar;
}
function findScalarTagByName(schema, value, tagName, tagToken, onError) {
    if (tagName === '!')
        return schema[identity.SCALAR]; // non-specific tag
    const matchWithTest = [];
    for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
            if (tag.default && tag.test)
                matchWithTest.push(tag);
            else
                return tag;
        }
    }
    for (const tag of matchWithTest)
        if (tag.test?.test(value))
            return tag;
    const kt = schema.knownTags[tagName];
    if (kt && !kt.collection) {
        // Ensure that the known tag is available for stringifying,
        // but does not get used by default.
        schema.tags.push(Object.assign({}, kt, { default: false, test: undefined }));
        return kt;
    }
    onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, tagName !== 'tag:yaml.org,2002:str');
    return schema[identity.SCALAR];
}
function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
    const tag = schema.tags.find(tag => (tag.default === true || (atKey && tag.default === 'key')) &&
        tag.test?.test(value)) || schema[identity.SCALAR];
    if (schema.compat) {
        const compat = schema.compat.find(tag => tag.default && tag.test?.test(value)) ??
            schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
            const ts = directives.tagString(tag.tag);
            const cs = directives.tagString(compat.tag);
            const msg = `Value may be parsed as either ${ts} or ${cs}`;
            onError(token, 'TAG_RESOLVE_FAILED', msg, true);
        }
    }
    return tag;
}

exports.composeScalar = composeScalar;


/***/ }),

/***/ 9984:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var directives = __nccwpck_require__(1342);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var identity = __nccwpck_require__(1127);
var composeDoc = __nccwpck_require__(3683);
var resolveEnd = __nccwpck_require__(7788);

function getErrorPos(src) {
    if (typeof src === 'number')
        return [src, src + 1];
    if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
    const { offset, source } = src;
    return [offset, offset + (typeof source === 'string' ? source.length : 1)];
}
function parsePrelude(prelude) {
    let comment = '';
    let atComment = false;
    let afterEmptyLine = false;
    for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
            case '#':
                comment +=
                    (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') +
                        (source.substring(1) || ' ');
                atComment = true;
                afterEmptyLine = false;
                break;
            case '%':
                if (prelude[i + 1]?.[0] !== '#')
                    i += 1;
                atComment = false;
                break;
            default:
                // This may be wrong after doc-end, but in that case it doesn't matter
                if (!atComment)
                    afterEmptyLine = true;
                atComment = false;
        }
    }
    return { comment, afterEmptyLine };
}
/**
 * Compose a stream of CST nodes into a stream of YAML Documents.
 *
 * ```ts
 * import { Composer, Parser } from 'yaml'
 *
 * const src: string = ...
 * const tokens = new Parser().parse(src)
 * const docs = new Composer().compose(tokens)
 * ```
 */
class Composer {
    constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
            const pos = getErrorPos(source);
            if (warning)
                this.warnings.push(new errors.YAMLWarning(pos, code, message));
            else
                this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        this.directives = new directives.Directives({ version: options.version || '1.2' });
        this.options = options;
    }
    decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        //console.log({ dc: doc.comment, prelude, comment })
        if (comment) {
            const dc = doc.contents;
            if (afterDoc) {
                doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
            }
            else if (afterEmptyLine || doc.directives.docStart || !dc) {
                doc.commentBefore = comment;
            }
            else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
                let it = dc.items[0];
                if (identity.isPair(it))
                    it = it.key;
                const cb = it.commentBefore;
                it.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
            else {
                const cb = dc.commentBefore;
                dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
        }
        if (afterDoc) {
            for (let i = 0; i < this.errors.length; ++i)
                doc.errors.push(this.errors[i]);
            for (let i = 0; i < this.warnings.length; ++i)
                doc.warnings.push(this.warnings[i]);
        }
        else {
            doc.errors = this.errors;
            doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
    }
    /**
     * Current stream status information.
     *
     * Mostly useful at the end of input for an empty stream.
     */
    streamInfo() {
        return {
            comment: parsePrelude(this.prelude).comment,
            directives: this.directives,
            errors: this.errors,
            warnings: this.warnings
        };
    }
    /**
     * Compose tokens into documents.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
            yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
    }
    /** Advance the composer by one CST token. */
    *next(token) {
        if (node_process.env.LOG_STREAM)
            console.dir(token, { depth: null });
        switch (token.type) {
            case 'directive':
                this.directives.add(token.source, (offset, message, warning) => {
                    const pos = getErrorPos(token);
                    pos[0] += offset;
                    this.onError(pos, 'BAD_DIRECTIVE', message, warning);
                });
                this.prelude.push(token.source);
                this.atDirectives = true;
                break;
            case 'document': {
                const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
                if (this.atDirectives && !doc.directives.docStart)
                    this.onError(token, 'MISSING_CHAR', 'Missing directives-end/doc-start indicator line');
                this.decorate(doc, false);
                if (this.doc)
                    yield this.doc;
                this.doc = doc;
                this.atDirectives = false;
                break;
            }
            case 'byte-order-mark':
            case 'space':
                break;
            case 'comment':
            case 'newline':
                this.prelude.push(token.source);
                break;
            case 'error': {
                const msg = token.source
                    ? `${token.message}: ${JSON.stringify(token.source)}`
                    : token.message;
                const error = new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg);
                if (this.atDirectives || !this.doc)
                    this.errors.push(error);
                else
                    this.doc.errors.push(error);
                break;
            }
            case 'doc-end': {
                if (!this.doc) {
                    const msg = 'Unexpected doc-end without preceding document';
                    this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg));
                    break;
                }
                this.doc.directives.docEnd = true;
                const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
                this.decorate(this.doc, true);
                if (end.comment) {
                    const dc = this.doc.comment;
                    this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
                }
                this.doc.range[2] = end.offset;
                break;
            }
            default:
                this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', `Unsupported token ${token.type}`));
        }
    }
    /**
     * Call at end of input to yield any remaining document.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
            this.decorate(this.doc, true);
            yield this.doc;
            this.doc = null;
        }
        else if (forceDoc) {
            const opts = Object.assign({ _directives: this.directives }, this.options);
            const doc = new Document.Document(undefined, opts);
            if (this.atDirectives)
                this.onError(endOffset, 'MISSING_CHAR', 'Missing directives-end indicator line');
            doc.range = [0, endOffset, endOffset];
            this.decorate(doc, false);
            yield doc;
        }
    }
}

exports.Composer = Composer;


/***/ }),

/***/ 7103:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilFlowIndentCheck = __nccwpck_require__(4051);
var utilMapIncludes = __nccwpck_require__(1187);

const startColMsg = 'All mapping items must start at the same column';
function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
    const map = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    let offset = bm.offset;
    let commentEnd = null;
    for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        // key properties
        const keyProps = resolveProps.resolveProps(start, {
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: bm.indent,
            startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
            if (key) {
                if (key.type === 'block-seq')
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key');
                else if ('indent' in key && key.indent !== bm.indent)
                    onError(offset, 'BAD_INDENT', startColMsg);
            }
            if (!keyProps.anchor && !keyProps.tag && !sep) {
                commentEnd = keyProps.end;
                if (keyProps.comment) {
                    if (map.comment)
                        map.comment += '\n' + keyProps.comment;
                    else
                        map.comment = keyProps.comment;
                }
                continue;
            }
            if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
                onError(key ?? start[start.length - 1], 'MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line');
            }
        }
        else if (keyProps.found?.indent !== bm.indent) {
            onError(offset, 'BAD_INDENT', startColMsg);
        }
        // key value
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key
            ? composeNode(ctx, key, keyProps, onError)
            : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
            onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
        // value properties
        const valueProps = resolveProps.resolveProps(sep ?? [], {
            indicator: 'map-value-ind',
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: bm.indent,
            startOnNewline: !key || key.type === 'block-scalar'
        });
        offset = valueProps.end;
        if (valueProps.found) {
            if (implicitKey) {
                if (value?.type === 'block-map' && !valueProps.hasNewline)
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'Nested mappings are not allowed in compact mappings');
                if (ctx.options.strict &&
                    keyProps.start < valueProps.found.offset - 1024)
                    onError(keyNode.range, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
            if (ctx.schema.compat)
                utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
            offset = valueNode.range[2];
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
        else {
            // key with no value
            if (implicitKey)
                onError(keyNode.range, 'MISSING_CHAR', 'Implicit map keys need to be followed by map values');
            if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
    }
    if (commentEnd && commentEnd < offset)
        onError(commentEnd, 'IMPOSSIBLE', 'Map comment with trailing content');
    map.range = [bm.offset, offset, commentEnd ?? offset];
    return map;
}

exports.resolveBlockMap = resolveBlockMap;


/***/ }),

/***/ 8913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function resolveBlockScalar(ctx, scalar, onError) {
    const start = scalar.offset;
    const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
    if (!header)
        return { value: '', type: null, comment: '', range: [start, start, start] };
    const type = header.mode === '>' ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
    const lines = scalar.source ? splitLines(scalar.source) : [];
    // determine the end of content & start of chomping
    let chompStart = lines.length;
    for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === '' || content === '\r')
            chompStart = i;
        else
            break;
    }
    // shortcut for empty contents
    if (chompStart === 0) {
        const value = header.chomp === '+' && lines.length > 0
            ? '\n'.repeat(Math.max(1, lines.length - 1))
            : '';
        let end = start + header.length;
        if (scalar.source)
            end += scalar.source.length;
        return { value, type, comment: header.comment, range: [start, end, end] };
    }
    // find the indentation level to trim from start
    let trimIndent = scalar.indent + header.indent;
    let offset = scalar.offset + header.length;
    let contentStart = 0;
    for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === '' || content === '\r') {
            if (header.indent === 0 && indent.length > trimIndent)
                trimIndent = indent.length;
        }
        else {
            if (indent.length < trimIndent) {
                const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
                onError(offset + indent.length, 'MISSING_CHAR', message);
            }
            if (header.indent === 0)
                trimIndent = indent.length;
            contentStart = i;
            if (trimIndent === 0 && !ctx.atRoot) {
                const message = 'Block scalar values in collections must be indented';
                onError(offset, 'BAD_INDENT', message);
            }
            break;
        }
        offset += indent.length + content.length + 1;
    }
    // include trailing more-indented empty lines in content
    for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
            chompStart = i + 1;
    }
    let value = '';
    let sep = '';
    let prevMoreIndented = false;
    // leading whitespace is kept intact
    for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + '\n';
    for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === '\r';
        if (crlf)
            content = content.slice(0, -1);
        /* istanbul ignore if already caught in lexer */
        if (content && indent.length < trimIndent) {
            const src = header.indent
                ? 'explicit indentation indicator'
                : 'first line';
            const message = `Block scalar lines must not be less indented than their ${src}`;
            onError(offset - content.length - (crlf ? 2 : 1), 'BAD_INDENT', message);
            indent = '';
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
        }
        else if (indent.length > trimIndent || content[0] === '\t') {
            // more-indented content within a folded block
            if (sep === ' ')
                sep = '\n';
            else if (!prevMoreIndented && sep === '\n')
                sep = '\n\n';
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
            prevMoreIndented = true;
        }
        else if (content === '') {
            // empty line
            if (sep === '\n')
                value += '\n';
            else
                sep = '\n';
        }
        else {
            value += sep + content;
            sep = ' ';
            prevMoreIndented = false;
        }
    }
    switch (header.chomp) {
        case '-':
            break;
        case '+':
            for (let i = chompStart; i < lines.length; ++i)
                value += '\n' + lines[i][0].slice(trimIndent);
            if (value[value.length - 1] !== '\n')
                value += '\n';
            break;
        default:
            value += '\n';
    }
    const end = start + header.length + scalar.source.length;
    return { value, type, comment: header.comment, range: [start, end, end] };
}
function parseBlockScalarHeader({ offset, props }, strict, onError) {
    /* istanbul ignore if should not happen */
    if (props[0].type !== 'block-scalar-header') {
        onError(props[0], 'IMPOSSIBLE', 'Block scalar header not found');
        return null;
    }
    const { source } = props[0];
    const mode = source[0];
    let indent = 0;
    let chomp = '';
    let error = -1;
    for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === '-' || ch === '+'))
            chomp = ch;
        else {
            const n = Number(ch);
            if (!indent && n)
                indent = n;
            else if (error === -1)
                error = offset + i;
        }
    }
    if (error !== -1)
        onError(error, 'UNEXPECTED_TOKEN', `Block scalar header includes extra characters: ${source}`);
    let hasSpace = false;
    let comment = '';
    let length = source.length;
    for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
            case 'space':
                hasSpace = true;
            // fallthrough
            case 'newline':
                length += token.source.length;
                break;
            case 'comment':
                if (strict && !hasSpace) {
                    const message = 'Comments must be separated from other tokens by white space characters';
                    onError(token, 'MISSING_CHAR', message);
                }
                length += token.source.length;
                comment = token.source.substring(1);
                break;
            case 'error':
                onError(token, 'UNEXPECTED_TOKEN', token.message);
                length += token.source.length;
                break;
            /* istanbul ignore next should not happen */
            default: {
                const message = `Unexpected token in block scalar header: ${token.type}`;
                onError(token, 'UNEXPECTED_TOKEN', message);
                const ts = token.source;
                if (ts && typeof ts === 'string')
                    length += ts.length;
            }
        }
    }
    return { mode, indent, chomp, comment, length };
}
/** @returns Array of lines split up as `[indent, content]` */
function splitLines(source) {
    const split = source.split(/\n( *)/);
    const first = split[0];
    const m = first.match(/^( *)/);
    const line0 = m?.[1]
        ? [m[1], first.slice(m[1].length)]
        : ['', first];
    const lines = [line0];
    for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
    return lines;
}

exports.resolveBlockScalar = resolveBlockScalar;


/***/ }),

/***/ 334:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var YAMLSeq = __nccwpck_require__(2223);
var resolveProps = __nccwpck_require__(4631);
var utilFlowIndentCheck = __nccwpck_require__(4051);

function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
    const seq = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = bs.offset;
    let commentEnd = null;
    for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
            indicator: 'seq-item-ind',
            next: value,
            offset,
            onError,
            parentIndent: bs.indent,
            startOnNewline: true
        });
        if (!props.found) {
            if (props.anchor || props.tag || value) {
                if (value?.type === 'block-seq')
                    onError(props.end, 'BAD_INDENT', 'All sequence items must start at the same column');
                else
                    onError(offset, 'MISSING_CHAR', 'Sequence item without - indicator');
            }
            else {
                commentEnd = props.end;
                if (props.comment)
                    seq.comment = props.comment;
                continue;
            }
        }
        const node = value
            ? composeNode(ctx, value, props, onError)
            : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
    }
    seq.range = [bs.offset, offset, commentEnd ?? offset];
    return seq;
}

exports.resolveBlockSeq = resolveBlockSeq;


/***/ }),

/***/ 7788:
/***/ ((__unused_webpack_module, exports) => {



function resolveEnd(end, offset, reqSpace, onError) {
    let comment = '';
    if (end) {
        let hasSpace = false;
        let sep = '';
        for (const token of end) {
            const { source, type } = token;
            switch (type) {
                case 'space':
                    hasSpace = true;
                    break;
                case 'comment': {
                    if (reqSpace && !hasSpace)
                        onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                    const cb = source.substring(1) || ' ';
                    if (!comment)
                        comment = cb;
                    else
                        comment += sep + cb;
                    sep = '';
                    break;
                }
                case 'newline':
                    if (comment)
                        sep += source;
                    hasSpace = true;
                    break;
                default:
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${type} at node end`);
            }
            offset += source.length;
        }
    }
    return { comment, offset };
}

exports.resolveEnd = resolveEnd;


/***/ }),

/***/ 3142:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilMapIncludes = __nccwpck_require__(1187);

const blockMsg = 'Block collections are not allowed within flow collections';
const isBlock = (token) => token && (token.type === 'block-map' || token.type === 'block-seq');
function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
    const isMap = fc.start.source === '{';
    const fcName = isMap ? 'flow map' : 'flow sequence';
    const NodeClass = (tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq));
    const coll = new NodeClass(ctx.schema);
    coll.flow = true;
    const atRoot = ctx.atRoot;
    if (atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = fc.offset + fc.start.source.length;
    for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
            flow: fcName,
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
        });
        if (!props.found) {
            if (!props.anchor && !props.tag && !sep && !value) {
                if (i === 0 && props.comma)
                    onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
                else if (i < fc.items.length - 1)
                    onError(props.start, 'UNEXPECTED_TOKEN', `Unexpected empty item in ${fcName}`);
                if (props.comment) {
                    if (coll.comment)
                        coll.comment += '\n' + props.comment;
                    else
                        coll.comment = props.comment;
                }
                offset = props.end;
                continue;
            }
            if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
                onError(key, // checked by containsNewline()
                'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
        }
        if (i === 0) {
            if (props.comma)
                onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
        }
        else {
            if (!props.comma)
                onError(props.start, 'MISSING_CHAR', `Missing , between ${fcName} items`);
            if (props.comment) {
                let prevItemComment = '';
                loop: for (const st of start) {
                    switch (st.type) {
                        case 'comma':
                        case 'space':
                            break;
                        case 'comment':
                            prevItemComment = st.source.substring(1);
                            break loop;
                        default:
                            break loop;
                    }
                }
                if (prevItemComment) {
                    let prev = coll.items[coll.items.length - 1];
                    if (identity.isPair(prev))
                        prev = prev.value ?? prev.key;
                    if (prev.comment)
                        prev.comment += '\n' + prevItemComment;
                    else
                        prev.comment = prevItemComment;
                    props.comment = props.comment.substring(prevItemComment.length + 1);
                }
            }
        }
        if (!isMap && !sep && !props.found) {
            // item is a value in a seq
            // → key & sep are empty, start does not include ? or :
            const valueNode = value
                ? composeNode(ctx, value, props, onError)
                : composeEmptyNode(ctx, props.end, sep, null, props, onError);
            coll.items.push(valueNode);
            offset = valueNode.range[2];
            if (isBlock(value))
                onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
        }
        else {
            // item is a key+value pair
            // key value
            ctx.atKey = true;
            const keyStart = props.end;
            const keyNode = key
                ? composeNode(ctx, key, props, onError)
                : composeEmptyNode(ctx, keyStart, start, null, props, onError);
            if (isBlock(key))
                onError(keyNode.range, 'BLOCK_IN_FLOW', blockMsg);
            ctx.atKey = false;
            // value properties
            const valueProps = resolveProps.resolveProps(sep ?? [], {
                flow: fcName,
                indicator: 'map-value-ind',
                next: value,
                offset: keyNode.range[2],
                onError,
                parentIndent: fc.indent,
                startOnNewline: false
            });
            if (valueProps.found) {
                if (!isMap && !props.found && ctx.options.strict) {
                    if (sep)
                        for (const st of sep) {
                            if (st === valueProps.found)
                                break;
                            if (st.type === 'newline') {
                                onError(st, 'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
                                break;
                            }
                        }
                    if (props.start < valueProps.found.offset - 1024)
                        onError(valueProps.found, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
                }
            }
            else if (value) {
                if ('source' in value && value.source?.[0] === ':')
                    onError(value, 'MISSING_CHAR', `Missing space after : in ${fcName}`);
                else
                    onError(valueProps.start, 'MISSING_CHAR', `Missing , or : between ${fcName} items`);
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : valueProps.found
                    ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError)
                    : null;
            if (valueNode) {
                if (isBlock(value))
                    onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
            }
            else if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            if (isMap) {
                const map = coll;
                if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
                    onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
                map.items.push(pair);
            }
            else {
                const map = new YAMLMap.YAMLMap(ctx.schema);
                map.flow = true;
                map.items.push(pair);
                const endRange = (valueNode ?? keyNode).range;
                map.range = [keyNode.range[0], endRange[1], endRange[2]];
                coll.items.push(map);
            }
            offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
    }
    const expectedEnd = isMap ? '}' : ']';
    const [ce, ...ee] = fc.end;
    let cePos = offset;
    if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
    else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot
            ? `${name} must end with a ${expectedEnd}`
            : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? 'MISSING_CHAR' : 'BAD_INDENT', msg);
        if (ce && ce.source.length !== 1)
            ee.unshift(ce);
    }
    if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
            if (coll.comment)
                coll.comment += '\n' + end.comment;
            else
                coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
    }
    else {
        coll.range = [fc.offset, cePos, cePos];
    }
    return coll;
}

exports.resolveFlowCollection = resolveFlowCollection;


/***/ }),

/***/ 6842:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var resolveEnd = __nccwpck_require__(7788);

function resolveFlowScalar(scalar, strict, onError) {
    const { offset, type, source, end } = scalar;
    let _type;
    let value;
    const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
    switch (type) {
        case 'scalar':
            _type = Scalar.Scalar.PLAIN;
            value = plainValue(source, _onError);
            break;
        case 'single-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_SINGLE;
            value = singleQuotedValue(source, _onError);
            break;
        case 'double-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_DOUBLE;
            value = doubleQuotedValue(source, _onError);
            break;
        /* istanbul ignore next should not happen */
        default:
            onError(scalar, 'UNEXPECTED_TOKEN', `Expected a flow scalar value, but found: ${type}`);
            return {
                value: '',
                type: null,
                comment: '',
                range: [offset, offset + source.length, offset + source.length]
            };
    }
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
    return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
    };
}
function plainValue(source, onError) {
    let badChar = '';
    switch (source[0]) {
        /* istanbul ignore next should not happen */
        case '\t':
            badChar = 'a tab character';
            break;
        case ',':
            badChar = 'flow indicator character ,';
            break;
        case '%':
            badChar = 'directive indicator character %';
            break;
        case '|':
        case '>': {
            badChar = `block scalar indicator ${source[0]}`;
            break;
        }
        case '@':
        case '`': {
            badChar = `reserved character ${source[0]}`;
            break;
        }
    }
    if (badChar)
        onError(0, 'BAD_SCALAR_START', `Plain value cannot start with ${badChar}`);
    return unfoldLines(source);
}
function singleQuotedValue(source, onError) {
    if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, 'MISSING_CHAR', "Missing closing 'quote");
    return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
}
function unfoldLines(source) {
    const line = /(.*?)\r?\n/sy;
    let match = line.exec(source);
    if (!match)
        return source;
    /**
     * The negative lookbehinds in these RegExps are to
     * prevent causing a polynomial search time in certain cases.
     *
     * The try-catch is for Safari < 16.4 and other old browsers:
     * https://caniuse.com/js-regexp-lookbehind
     */
    let trimEnd, trimBoth;
    try {
        trimEnd = new RegExp('(?<![ \t])[ \t]+$');
        trimBoth = new RegExp('^[ \t]+|(?<![ \t])[ \t]+$', 'g');
    }
    catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
    }
    let res = match[1].replace(trimEnd, '');
    let sep = ' ';
    let pos = line.lastIndex;
    while ((match = line.exec(source))) {
        const lm = match[1].replace(trimBoth, '');
        if (lm === '') {
            if (sep === '\n')
                res += sep;
            else
                sep = '\n';
        }
        else {
            res += sep + lm;
            sep = ' ';
        }
        pos = line.lastIndex;
    }
    const last = /[ \t]*(.*)/sy;
    last.lastIndex = pos;
    match = last.exec(source);
    return res + sep + (match?.[1] ?? '');
}
function doubleQuotedValue(source, onError) {
    let res = '';
    for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === '\r' && source[i + 1] === '\n')
            continue;
        if (ch === '\n') {
            const { fold, offset } = foldNewline(source, i);
            res += fold;
            i = offset;
        }
        else if (ch === '\\') {
            let next = source[++i];
            const cc = escapeCodes[next];
            if (cc)
                res += cc;
            else if (next === '\n') {
                // skip escaped newlines, but still trim the following line
                next = source[i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === '\r' && source[i + 1] === '\n') {
                // skip escaped CRLF newlines, but still trim the following line
                next = source[++i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === 'x' || next === 'u' || next === 'U') {
                const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
                res += parseCharCode(source, i + 1, length, onError);
                i += length;
            }
            else {
                const raw = source.substr(i - 1, 2);
                onError(i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
                res += raw;
            }
        }
        else if (ch === ' ' || ch === '\t') {
            // trim trailing whitespace
            const wsStart = i;
            let next = source[i + 1];
            while (next === ' ' || next === '\t')
                next = source[++i + 1];
            if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
                res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        }
        else {
            res += ch;
        }
    }
    if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, 'MISSING_CHAR', 'Missing closing "quote');
    return res;
}
/**
 * Fold a single newline into a space, multiple newlines to N - 1 newlines.
 * Presumes `source[offset] === '\n'`
 */
function foldNewline(source, offset) {
    let fold = '';
    let ch = source[offset + 1];
    while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        if (ch === '\r' && source[offset + 2] !== '\n')
            break;
        if (ch === '\n')
            fold += '\n';
        offset += 1;
        ch = source[offset + 1];
    }
    if (!fold)
        fold = ' ';
    return { fold, offset };
}
const escapeCodes = {
    '0': '\0', // null character
    a: '\x07', // bell character
    b: '\b', // backspace
    e: '\x1b', // escape character
    f: '\f', // form feed
    n: '\n', // line feed
    r: '\r', // carriage return
    t: '\t', // horizontal tab
    v: '\v', // vertical tab
    N: '\u0085', // Unicode next line
    _: '\u00a0', // Unicode non-breaking space
    L: '\u2028', // Unicode line separator
    P: '\u2029', // Unicode paragraph separator
    ' ': ' ',
    '"': '"',
    '/': '/',
    '\\': '\\',
    '\t': '\t'
};
function parseCharCode(source, offset, length, onError) {
    const cc = source.substr(offset, length);
    const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
    const code = ok ? parseInt(cc, 16) : NaN;
    try {
        return String.fromCodePoint(code);
    }
    catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
        return raw;
    }
}

exports.resolveFlowScalar = resolveFlowScalar;


/***/ }),

/***/ 4631:
/***/ ((__unused_webpack_module, exports) => {



function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
    let spaceBefore = false;
    let atNewline = startOnNewline;
    let hasSpace = startOnNewline;
    let comment = '';
    let commentSep = '';
    let hasNewline = false;
    let reqSpace = false;
    let tab = null;
    let anchor = null;
    let tag = null;
    let newlineAfterProp = null;
    let comma = null;
    let found = null;
    let start = null;
    for (const token of tokens) {
        if (reqSpace) {
            if (token.type !== 'space' &&
                token.type !== 'newline' &&
                token.type !== 'comma')
                onError(token.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
            reqSpace = false;
        }
        if (tab) {
            if (atNewline && token.type !== 'comment' && token.type !== 'newline') {
                onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
            }
            tab = null;
        }
        switch (token.type) {
            case 'space':
                // At the doc level, tabs at line start may be parsed
                // as leading white space rather than indentation.
                // In a flow collection, only the parser handles indent.
                if (!flow &&
                    (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
                    token.source.includes('\t')) {
                    tab = token;
                }
                hasSpace = true;
                break;
            case 'comment': {
                if (!hasSpace)
                    onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                const cb = token.source.substring(1) || ' ';
                if (!comment)
                    comment = cb;
                else
                    comment += commentSep + cb;
                commentSep = '';
                atNewline = false;
                break;
            }
            case 'newline':
                if (atNewline) {
                    if (comment)
                        comment += token.source;
                    else if (!found || indicator !== 'seq-item-ind')
                        spaceBefore = true;
                }
                else
                    commentSep += token.source;
                atNewline = true;
                hasNewline = true;
                if (anchor || tag)
                    newlineAfterProp = token;
                hasSpace = true;
                break;
            case 'anchor':
                if (anchor)
                    onError(token, 'MULTIPLE_ANCHORS', 'A node can have at most one anchor');
                if (token.source.endsWith(':'))
                    onError(token.offset + token.source.length - 1, 'BAD_ALIAS', 'Anchor ending in : is ambiguous', true);
                anchor = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            case 'tag': {
                if (tag)
                    onError(token, 'MULTIPLE_TAGS', 'A node can have at most one tag');
                tag = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            }
            case indicator:
                // Could here handle preceding comments differently
                if (anchor || tag)
                    onError(token, 'BAD_PROP_ORDER', `Anchors and tags must be after the ${token.source} indicator`);
                if (found)
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.source} in ${flow ?? 'collection'}`);
                found = token;
                atNewline =
                    indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
                hasSpace = false;
                break;
            case 'comma':
                if (flow) {
                    if (comma)
                        onError(token, 'UNEXPECTED_TOKEN', `Unexpected , in ${flow}`);
                    comma = token;
                    atNewline = false;
                    hasSpace = false;
                    break;
                }
            // else fallthrough
            default:
                onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.type} token`);
                atNewline = false;
                hasSpace = false;
        }
    }
    const last = tokens[tokens.length - 1];
    const end = last ? last.offset + last.source.length : offset;
    if (reqSpace &&
        next &&
        next.type !== 'space' &&
        next.type !== 'newline' &&
        next.type !== 'comma' &&
        (next.type !== 'scalar' || next.source !== '')) {
        onError(next.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
    }
    if (tab &&
        ((atNewline && tab.indent <= parentIndent) ||
            next?.type === 'block-map' ||
            next?.type === 'block-seq'))
        onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
    return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
    };
}

exports.resolveProps = resolveProps;


/***/ }),

/***/ 9499:
/***/ ((__unused_webpack_module, exports) => {



function containsNewline(key) {
    if (!key)
        return null;
    switch (key.type) {
        case 'alias':
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            if (key.source.includes('\n'))
                return true;
            if (key.end)
                for (const st of key.end)
                    if (st.type === 'newline')
                        return true;
            return false;
        case 'flow-collection':
            for (const it of key.items) {
                for (const st of it.start)
                    if (st.type === 'newline')
                        return true;
                if (it.sep)
                    for (const st of it.sep)
                        if (st.type === 'newline')
                            return true;
                if (containsNewline(it.key) || containsNewline(it.value))
                    return true;
            }
            return false;
        default:
            return true;
    }
}

exports.containsNewline = containsNewline;


/***/ }),

/***/ 2599:
/***/ ((__unused_webpack_module, exports) => {



function emptyScalarPosition(offset, before, pos) {
    if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
            let st = before[i];
            switch (st.type) {
                case 'space':
                case 'comment':
                case 'newline':
                    offset -= st.source.length;
                    continue;
            }
            // Technically, an empty scalar is immediately after the last non-empty
            // node, but it's more useful to place it after any whitespace.
            st = before[++i];
            while (st?.type === 'space') {
                offset += st.source.length;
                st = before[++i];
            }
            break;
        }
    }
    return offset;
}

exports.emptyScalarPosition = emptyScalarPosition;


/***/ }),

/***/ 4051:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var utilContainsNewline = __nccwpck_require__(9499);

function flowIndentCheck(indent, fc, onError) {
    if (fc?.type === 'flow-collection') {
        const end = fc.end[0];
        if (end.indent === indent &&
            (end.source === ']' || end.source === '}') &&
            utilContainsNewline.containsNewline(fc)) {
            const msg = 'Flow end indicator should be more indented than parent';
            onError(end, 'BAD_INDENT', msg, true);
        }
    }
}

exports.flowIndentCheck = flowIndentCheck;


/***/ }),

/***/ 1187:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

function mapIncludes(ctx, items, search) {
    const { uniqueKeys } = ctx.options;
    if (uniqueKeys === false)
        return false;
    const isEqual = typeof uniqueKeys === 'function'
        ? uniqueKeys
        : (a, b) => a === b || (identity.isScalar(a) && identity.isScalar(b) && a.value === b.value);
    return items.some(pair => isEqual(pair.key, search));
}

exports.mapIncludes = mapIncludes;


/***/ }),

/***/ 3021:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var toJS = __nccwpck_require__(4043);
var Schema = __nccwpck_require__(5840);
var stringifyDocument = __nccwpck_require__(6829);
var anchors = __nccwpck_require__(1596);
var applyReviver = __nccwpck_require__(3661);
var createNode = __nccwpck_require__(2404);
var directives = __nccwpck_require__(1342);

class Document {
    constructor(value, replacer, options) {
        /** A comment before this Document */
        this.commentBefore = null;
        /** A comment immediately after this Document */
        this.comment = null;
        /** Errors encountered during parsing. */
        this.errors = [];
        /** Warnings encountered during parsing. */
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === 'function' || Array.isArray(replacer)) {
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const opt = Object.assign({
            intAsBigInt: false,
            keepSourceTokens: false,
            logLevel: 'warn',
            prettyErrors: true,
            strict: true,
            stringKeys: false,
            uniqueKeys: true,
            version: '1.2'
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
            this.directives = options._directives.atDocument();
            if (this.directives.yaml.explicit)
                version = this.directives.yaml.version;
        }
        else
            this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        // @ts-expect-error We can't really know that this matches Contents.
        this.contents =
            value === undefined ? null : this.createNode(value, _replacer, options);
    }
    /**
     * Create a deep copy of this Document and its contents.
     *
     * Custom Node values that inherit from `Object` still refer to their original instances.
     */
    clone() {
        const copy = Object.create(Document.prototype, {
            [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
            copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        // @ts-expect-error We can't really know that this matches Contents.
        copy.contents = identity.isNode(this.contents)
            ? this.contents.clone(copy.schema)
            : this.contents;
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** Adds a value to the document. */
    add(value) {
        if (assertCollection(this.contents))
            this.contents.add(value);
    }
    /** Adds a value to the document. */
    addIn(path, value) {
        if (assertCollection(this.contents))
            this.contents.addIn(path, value);
    }
    /**
     * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
     *
     * If `node` already has an anchor, `name` is ignored.
     * Otherwise, the `node.anchor` value will be set to `name`,
     * or if an anchor with that name is already present in the document,
     * `name` will be used as a prefix for a new unique anchor.
     * If `name` is undefined, the generated anchor will use 'a' as a prefix.
     */
    createAlias(node, name) {
        if (!node.anchor) {
            const prev = anchors.anchorNames(this);
            node.anchor =
                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
                !name || prev.has(name) ? anchors.findNewAnchor(name || 'a', prev) : name;
        }
        return new Alias.Alias(node.anchor);
    }
    createNode(value, replacer, options) {
        let _replacer = undefined;
        if (typeof replacer === 'function') {
            value = replacer.call({ '': value }, '', value);
            _replacer = replacer;
        }
        else if (Array.isArray(replacer)) {
            const keyToStr = (v) => typeof v === 'number' || v instanceof String || v instanceof Number;
            const asStr = replacer.filter(keyToStr).map(String);
            if (asStr.length > 0)
                replacer = replacer.concat(asStr);
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(this, 
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        anchorPrefix || 'a');
        const ctx = {
            aliasDuplicateObjects: aliasDuplicateObjects ?? true,
            keepUndefined: keepUndefined ?? false,
            onAnchor,
            onTagObj,
            replacer: _replacer,
            schema: this.schema,
            sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
            node.flow = true;
        setAnchors();
        return node;
    }
    /**
     * Convert a key and a value into a `Pair` using the current schema,
     * recursively wrapping all values as `Scalar` or `Collection` nodes.
     */
    createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
            if (this.contents == null)
                return false;
            // @ts-expect-error Presumed impossible if Strict extends false
            this.contents = null;
            return true;
        }
        return assertCollection(this.contents)
            ? this.contents.deleteIn(path)
            : false;
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    get(key, keepScalar) {
        return identity.isCollection(this.contents)
            ? this.contents.get(key, keepScalar)
            : undefined;
    }
    /**
     * Returns item at `path`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
            return !keepScalar && identity.isScalar(this.contents)
                ? this.contents.value
                : this.contents;
        return identity.isCollection(this.contents)
            ? this.contents.getIn(path, keepScalar)
            : undefined;
    }
    /**
     * Checks if the document includes a value with the key `key`.
     */
    has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
    }
    /**
     * Checks if the document includes a value at `path`.
     */
    hasIn(path) {
        if (Collection.isEmptyPath(path))
            return this.contents !== undefined;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    set(key, value) {
        if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, [key], value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.set(key, value);
        }
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = value;
        }
        else if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.setIn(path, value);
        }
    }
    /**
     * Change the YAML version and schema used by the document.
     * A `null` version disables support for directives, explicit tags, anchors, and aliases.
     * It also requires the `schema` option to be given as a `Schema` instance value.
     *
     * Overrides all previously set schema options.
     */
    setSchema(version, options = {}) {
        if (typeof version === 'number')
            version = String(version);
        let opt;
        switch (version) {
            case '1.1':
                if (this.directives)
                    this.directives.yaml.version = '1.1';
                else
                    this.directives = new directives.Directives({ version: '1.1' });
                opt = { resolveKnownTags: false, schema: 'yaml-1.1' };
                break;
            case '1.2':
            case 'next':
                if (this.directives)
                    this.directives.yaml.version = version;
                else
                    this.directives = new directives.Directives({ version });
                opt = { resolveKnownTags: true, schema: 'core' };
                break;
            case null:
                if (this.directives)
                    delete this.directives;
                opt = null;
                break;
            default: {
                const sv = JSON.stringify(version);
                throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
            }
        }
        // Not using `instanceof Schema` to allow for duck typing
        if (options.schema instanceof Object)
            this.schema = options.schema;
        else if (opt)
            this.schema = new Schema.Schema(Object.assign(opt, options));
        else
            throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
    }
    // json & jsonArg are only used from toJSON()
    toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
            anchors: new Map(),
            doc: this,
            keep: !json,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
    /**
     * A JSON representation of the document `contents`.
     *
     * @param jsonArg Used by `JSON.stringify` to indicate the array index or
     *   property name.
     */
    toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
    }
    /** A YAML representation of the document. */
    toString(options = {}) {
        if (this.errors.length > 0)
            throw new Error('Document with errors cannot be stringified');
        if ('indent' in options &&
            (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
            const s = JSON.stringify(options.indent);
            throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
    }
}
function assertCollection(contents) {
    if (identity.isCollection(contents))
        return true;
    throw new Error('Expected a YAML collection as document contents');
}

exports.Document = Document;


/***/ }),

/***/ 1596:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

/**
 * Verify that the input string is a valid anchor.
 *
 * Will throw on errors.
 */
function anchorIsValid(anchor) {
    if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
    }
    return true;
}
function anchorNames(root) {
    const anchors = new Set();
    visit.visit(root, {
        Value(_key, node) {
            if (node.anchor)
                anchors.add(node.anchor);
        }
    });
    return anchors;
}
/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
function findNewAnchor(prefix, exclude) {
    for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
            return name;
    }
}
function createNodeAnchors(doc, prefix) {
    const aliasObjects = [];
    const sourceObjects = new Map();
    let prevAnchors = null;
    return {
        onAnchor: (source) => {
            aliasObjects.push(source);
            prevAnchors ?? (prevAnchors = anchorNames(doc));
            const anchor = findNewAnchor(prefix, prevAnchors);
            prevAnchors.add(anchor);
            return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
            for (const source of aliasObjects) {
                const ref = sourceObjects.get(source);
                if (typeof ref === 'object' &&
                    ref.anchor &&
                    (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
                    ref.node.anchor = ref.anchor;
                }
                else {
                    const error = new Error('Failed to resolve repeated object (this should not happen)');
                    error.source = source;
                    throw error;
                }
            }
        },
        sourceObjects
    };
}

exports.anchorIsValid = anchorIsValid;
exports.anchorNames = anchorNames;
exports.createNodeAnchors = createNodeAnchors;
exports.findNewAnchor = findNewAnchor;


/***/ }),

/***/ 3661:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
 * in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
 * 2021 edition: https://tc39.es/ecma262/#sec-json.parse
 *
 * Includes extensions for handling Map and Set objects.
 */
function applyReviver(reviver, obj, key, val) {
    if (val && typeof val === 'object') {
        if (Array.isArray(val)) {
            for (let i = 0, len = val.length; i < len; ++i) {
                const v0 = val[i];
                const v1 = applyReviver(reviver, val, String(i), v0);
                // eslint-disable-next-line @typescript-eslint/no-array-delete
                if (v1 === undefined)
                    delete val[i];
                else if (v1 !== v0)
                    val[i] = v1;
            }
        }
        else if (val instanceof Map) {
            for (const k of Array.from(val.keys())) {
                const v0 = val.get(k);
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    val.delete(k);
                else if (v1 !== v0)
                    val.set(k, v1);
            }
        }
        else if (val instanceof Set) {
            for (const v0 of Array.from(val)) {
                const v1 = applyReviver(reviver, val, v0, v0);
                if (v1 === undefined)
                    val.delete(v0);
                else if (v1 !== v0) {
                    val.delete(v0);
                    val.add(v1);
                }
            }
        }
        else {
            for (const [k, v0] of Object.entries(val)) {
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    delete val[k];
                else if (v1 !== v0)
                    val[k] = v1;
            }
        }
    }
    return reviver.call(obj, key, val);
}

exports.applyReviver = applyReviver;


/***/ }),

/***/ 2404:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

const defaultTagPrefix = 'tag:yaml.org,2002:';
function findTagObject(value, tagName, tags) {
    if (tagName) {
        const match = tags.filter(t => t.tag === tagName);
        const tagObj = match.find(t => !t.format) ?? match[0];
        if (!tagObj)
            throw new Error(`Tag ${tagName} not found`);
        return tagObj;
    }
    return tags.find(t => t.identify?.(value) && !t.format);
}
function createNode(value, tagName, ctx) {
    if (identity.isDocument(value))
        value = value.contents;
    if (identity.isNode(value))
        return value;
    if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
    }
    if (value instanceof String ||
        value instanceof Number ||
        value instanceof Boolean ||
        (typeof BigInt !== 'undefined' && value instanceof BigInt) // not supported everywhere
    ) {
        // https://tc39.es/ecma262/#sec-serializejsonproperty
        value = value.valueOf();
    }
    const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
    // Detect duplicate references to the same object & use Alias nodes for all
    // after first. The `ref` wrapper allows for circular references to resolve.
    let ref = undefined;
    if (aliasDuplicateObjects && value && typeof value === 'object') {
        ref = sourceObjects.get(value);
        if (ref) {
            ref.anchor ?? (ref.anchor = onAnchor(value));
            return new Alias.Alias(ref.anchor);
        }
        else {
            ref = { anchor: null, node: null };
            sourceObjects.set(value, ref);
        }
    }
    if (tagName?.startsWith('!!'))
        tagName = defaultTagPrefix + tagName.slice(2);
    let tagObj = findTagObject(value, tagName, schema.tags);
    if (!tagObj) {
        if (value && typeof value.toJSON === 'function') {
            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
            value = value.toJSON();
        }
        if (!value || typeof value !== 'object') {
            const node = new Scalar.Scalar(value);
            if (ref)
                ref.node = node;
            return node;
        }
        tagObj =
            value instanceof Map
                ? schema[identity.MAP]
                : Symbol.iterator in Object(value)
                    ? schema[identity.SEQ]
                    : schema[identity.MAP];
    }
    if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
    }
    const node = tagObj?.createNode
        ? tagObj.createNode(ctx.schema, value, ctx)
        : typeof tagObj?.nodeClass?.from === 'function'
            ? tagObj.nodeClass.from(ctx.schema, value, ctx)
            : new Scalar.Scalar(value);
    if (tagName)
        node.tag = tagName;
    else if (!tagObj.default)
        node.tag = tagObj.tag;
    if (ref)
        ref.node = node;
    return node;
}

exports.createNode = createNode;


/***/ }),

/***/ 1342:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

const escapeChars = {
    '!': '%21',
    ',': '%2C',
    '[': '%5B',
    ']': '%5D',
    '{': '%7B',
    '}': '%7D'
};
const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, ch => escapeChars[ch]);
class Directives {
    constructor(yaml, tags) {
        /**
         * The directives-end/doc-start marker `---`. If `null`, a marker may still be
         * included in the document's stringified representation.
         */
        this.docStart = null;
        /** The doc-end marker `...`.  */
        this.docEnd = false;
        this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, Directives.defaultTags, tags);
    }
    clone() {
        const copy = new Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
    }
    /**
     * During parsing, get a Directives instance for the current document and
     * update the stream state according to the current version's spec.
     */
    atDocument() {
        const res = new Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
            case '1.1':
                this.atNextDocument = true;
                break;
            case '1.2':
                this.atNextDocument = false;
                this.yaml = {
                    explicit: Directives.defaultYaml.explicit,
                    version: '1.2'
                };
                this.tags = Object.assign({}, Directives.defaultTags);
                break;
        }
        return res;
    }
    /**
     * @param onError - May be called even if the action was successful
     * @returns `true` on success
     */
    add(line, onError) {
        if (this.atNextDocument) {
            this.yaml = { explicit: Directives.defaultYaml.explicit, version: '1.1' };
            this.tags = Object.assign({}, Directives.defaultTags);
            this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
            case '%TAG': {
                if (parts.length !== 2) {
                    onError(0, '%TAG directive should contain exactly two parts');
                    if (parts.length < 2)
                        return false;
                }
                const [handle, prefix] = parts;
                this.tags[handle] = prefix;
                return true;
            }
            case '%YAML': {
                this.yaml.explicit = true;
                if (parts.length !== 1) {
                    onError(0, '%YAML directive should contain exactly one part');
                    return false;
                }
                const [version] = parts;
                if (version === '1.1' || version === '1.2') {
                    this.yaml.version = version;
                    return true;
                }
                else {
                    const isValid = /^\d+\.\d+$/.test(version);
                    onError(6, `Unsupported YAML version ${version}`, isValid);
                    return false;
                }
            }
            default:
                onError(0, `Unknown directive ${name}`, true);
                return false;
        }
    }
    /**
     * Resolves a tag, matching handles to those defined in %TAG directives.
     *
     * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
     *   `'!local'` tag, or `null` if unresolvable.
     */
    tagName(source, onError) {
        if (source === '!')
            return '!'; // non-specific tag
        if (source[0] !== '!') {
            onError(`Not a valid tag: ${source}`);
            return null;
        }
        if (source[1] === '<') {
            const verbatim = source.slice(2, -1);
            if (verbatim === '!' || verbatim === '!!') {
                onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
                return null;
            }
            if (source[source.length - 1] !== '>')
                onError('Verbatim tags must end with a >');
            return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
            onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
            try {
                return prefix + decodeURIComponent(suffix);
            }
            catch (error) {
                onError(String(error));
                return null;
            }
        }
        if (handle === '!')
            return source; // local tag
        onError(`Could not resolve tag: ${source}`);
        return null;
    }
    /**
     * Given a fully resolved tag, returns its printable string form,
     * taking into account current tag prefixes and defaults.
     */
    tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
            if (tag.startsWith(prefix))
                return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === '!' ? tag : `!<${tag}>`;
    }
    toString(doc) {
        const lines = this.yaml.explicit
            ? [`%YAML ${this.yaml.version || '1.2'}`]
            : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
            const tags = {};
            visit.visit(doc.contents, (_key, node) => {
                if (identity.isNode(node) && node.tag)
                    tags[node.tag] = true;
            });
            tagNames = Object.keys(tags);
        }
        else
            tagNames = [];
        for (const [handle, prefix] of tagEntries) {
            if (handle === '!!' && prefix === 'tag:yaml.org,2002:')
                continue;
            if (!doc || tagNames.some(tn => tn.startsWith(prefix)))
                lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join('\n');
    }
}
Directives.defaultYaml = { explicit: false, version: '1.2' };
Directives.defaultTags = { '!!': 'tag:yaml.org,2002:' };

exports.Directives = Directives;


/***/ }),

/***/ 1464:
/***/ ((__unused_webpack_module, exports) => {



class YAMLError extends Error {
    constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
    }
}
class YAMLParseError extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLParseError', pos, code, message);
    }
}
class YAMLWarning extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLWarning', pos, code, message);
    }
}
const prettifyError = (src, lc) => (error) => {
    if (error.pos[0] === -1)
        return;
    error.linePos = error.pos.map(pos => lc.linePos(pos));
    const { line, col } = error.linePos[0];
    error.message += ` at line ${line}, column ${col}`;
    let ci = col - 1;
    let lineStr = src
        .substring(lc.lineStarts[line - 1], lc.lineStarts[line])
        .replace(/[\n\r]+$/, '');
    // Trim to max 80 chars, keeping col position near the middle
    if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = '…' + lineStr.substring(trimStart);
        ci -= trimStart - 1;
    }
    if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + '…';
    // Include previous line in context if pointing at line start
    if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        // Regexp won't match if start is trimmed
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
            prev = prev.substring(0, 79) + '…\n';
        lineStr = prev + lineStr;
    }
    if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
            count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = ' '.repeat(ci) + '^'.repeat(count);
        error.message += `:\n\n${lineStr}\n${pointer}\n`;
    }
};

exports.YAMLError = YAMLError;
exports.YAMLParseError = YAMLParseError;
exports.YAMLWarning = YAMLWarning;
exports.prettifyError = prettifyError;


/***/ }),

/***/ 8815:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var Schema = __nccwpck_require__(5840);
var errors = __nccwpck_require__(1464);
var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);
var publicApi = __nccwpck_require__(4047);
var visit = __nccwpck_require__(204);



__webpack_unused_export__ = composer.Composer;
__webpack_unused_export__ = Document.Document;
__webpack_unused_export__ = Schema.Schema;
__webpack_unused_export__ = errors.YAMLError;
__webpack_unused_export__ = errors.YAMLParseError;
__webpack_unused_export__ = errors.YAMLWarning;
__webpack_unused_export__ = Alias.Alias;
exports.Vj = identity.isAlias;
__webpack_unused_export__ = identity.isCollection;
__webpack_unused_export__ = identity.isDocument;
exports.jh = identity.isMap;
__webpack_unused_export__ = identity.isNode;
exports.tO = identity.isPair;
exports.jn = identity.isScalar;
exports.oP = identity.isSeq;
__webpack_unused_export__ = Pair.Pair;
__webpack_unused_export__ = Scalar.Scalar;
__webpack_unused_export__ = YAMLMap.YAMLMap;
__webpack_unused_export__ = YAMLSeq.YAMLSeq;
__webpack_unused_export__ = cst;
__webpack_unused_export__ = lexer.Lexer;
exports.HN = lineCounter.LineCounter;
__webpack_unused_export__ = parser.Parser;
__webpack_unused_export__ = publicApi.parse;
__webpack_unused_export__ = publicApi.parseAllDocuments;
exports.Tp = publicApi.parseDocument;
__webpack_unused_export__ = publicApi.stringify;
__webpack_unused_export__ = visit.visit;
__webpack_unused_export__ = visit.visitAsync;


/***/ }),

/***/ 7249:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);

function debug(logLevel, ...messages) {
    if (logLevel === 'debug')
        console.log(...messages);
}
function warn(logLevel, warning) {
    if (logLevel === 'debug' || logLevel === 'warn') {
        if (typeof node_process.emitWarning === 'function')
            node_process.emitWarning(warning);
        else
            console.warn(warning);
    }
}

exports.debug = debug;
exports.warn = warn;


/***/ }),

/***/ 4065:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var visit = __nccwpck_require__(204);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

class Alias extends Node.NodeBase {
    constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, 'tag', {
            set() {
                throw new Error('Alias nodes cannot have tags');
            }
        });
    }
    /**
     * Resolve the value of this alias within `doc`, finding the last
     * instance of the `source` anchor before this node.
     */
    resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
            throw new ReferenceError('Alias resolution is disabled');
        let nodes;
        if (ctx?.aliasResolveCache) {
            nodes = ctx.aliasResolveCache;
        }
        else {
            nodes = [];
            visit.visit(doc, {
                Node: (_key, node) => {
                    if (identity.isAlias(node) || identity.hasAnchor(node))
                        nodes.push(node);
                }
            });
            if (ctx)
                ctx.aliasResolveCache = nodes;
        }
        let found = undefined;
        for (const node of nodes) {
            if (node === this)
                break;
            if (node.anchor === this.source)
                found = node;
        }
        if (found && ctx) {
            const { anchors, doc, maxAliasCount } = ctx;
            let data = anchors.get(found);
            if (!data) {
                // Resolve anchors for Node.prototype.toJS()
                toJS.toJS(found, null, ctx);
                data = anchors.get(found);
            }
            /* istanbul ignore if */
            if (data?.res === undefined) {
                const msg = 'This should not happen: Alias anchor was not resolved?';
                throw new ReferenceError(msg);
            }
            if (maxAliasCount >= 0) {
                data.count += 1;
                if (data.aliasCount === 0)
                    data.aliasCount = getAliasCount(doc, found, anchors);
                if (data.count * data.aliasCount > maxAliasCount) {
                    const msg = 'Excessive alias count indicates a resource exhaustion attack';
                    throw new ReferenceError(msg);
                }
            }
        }
        return found;
    }
    toJSON(_arg, ctx) {
        if (!ctx)
            return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
    }
    toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
            anchors.anchorIsValid(this.source);
            if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
                const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
                throw new Error(msg);
            }
            if (ctx.implicitKey)
                return `${src} `;
        }
        return src;
    }
}
function getAliasCount(doc, node, anchors) {
    if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors && source && anchors.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
    }
    else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
            const c = getAliasCount(doc, item, anchors);
            if (c > count)
                count = c;
        }
        return count;
    }
    else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors);
        const vc = getAliasCount(doc, node.value, anchors);
        return Math.max(kc, vc);
    }
    return 1;
}

exports.Alias = Alias;


/***/ }),

/***/ 101:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);

function collectionFromPath(schema, path, value) {
    let v = value;
    for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === 'number' && Number.isInteger(k) && k >= 0) {
            const a = [];
            a[k] = v;
            v = a;
        }
        else {
            v = new Map([[k, v]]);
        }
    }
    return createNode.createNode(v, undefined, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
            throw new Error('This should not happen, please report a bug.');
        },
        schema,
        sourceObjects: new Map()
    });
}
// Type guard is intentionally a little wrong so as to be more useful,
// as it does not cover untypable empty non-string iterables (e.g. []).
const isEmptyPath = (path) => path == null ||
    (typeof path === 'object' && !!path[Symbol.iterator]().next().done);
class Collection extends Node.NodeBase {
    constructor(type, schema) {
        super(type);
        Object.defineProperty(this, 'schema', {
            value: schema,
            configurable: true,
            enumerable: false,
            writable: true
        });
    }
    /**
     * Create a copy of this collection.
     *
     * @param schema - If defined, overwrites the original's schema
     */
    clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
            copy.schema = schema;
        copy.items = copy.items.map(it => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /**
     * Adds a value to the collection. For `!!map` and `!!omap` the value must
     * be a Pair instance or a `{ key, value }` object, which may not have a key
     * that already exists in the map.
     */
    addIn(path, value) {
        if (isEmptyPath(path))
            this.add(value);
        else {
            const [key, ...rest] = path;
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.addIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
    /**
     * Removes a value from the collection.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
            return node.deleteIn(rest);
        else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
            return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
            return identity.isCollection(node) ? node.getIn(rest, keepScalar) : undefined;
    }
    hasAllNullValues(allowScalar) {
        return this.items.every(node => {
            if (!identity.isPair(node))
                return false;
            const n = node.value;
            return (n == null ||
                (allowScalar &&
                    identity.isScalar(n) &&
                    n.value == null &&
                    !n.commentBefore &&
                    !n.comment &&
                    !n.tag));
        });
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     */
    hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
            this.set(key, value);
        }
        else {
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.setIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
}

exports.Collection = Collection;
exports.collectionFromPath = collectionFromPath;
exports.isEmptyPath = isEmptyPath;


/***/ }),

/***/ 6673:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var applyReviver = __nccwpck_require__(3661);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

class NodeBase {
    constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
    }
    /** Create a copy of this node.  */
    clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** A plain JavaScript representation of this node. */
    toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
            throw new TypeError('A document argument is required');
        const ctx = {
            anchors: new Map(),
            doc,
            keep: true,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
}

exports.NodeBase = NodeBase;


/***/ }),

/***/ 7165:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyPair = __nccwpck_require__(9748);
var addPairToJSMap = __nccwpck_require__(7104);
var identity = __nccwpck_require__(1127);

function createPair(key, value, ctx) {
    const k = createNode.createNode(key, undefined, ctx);
    const v = createNode.createNode(value, undefined, ctx);
    return new Pair(k, v);
}
class Pair {
    constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
    }
    clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
            key = key.clone(schema);
        if (identity.isNode(value))
            value = value.clone(schema);
        return new Pair(key, value);
    }
    toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
    }
    toString(ctx, onComment, onChompKeep) {
        return ctx?.doc
            ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep)
            : JSON.stringify(this);
    }
}

exports.Pair = Pair;
exports.createPair = createPair;


/***/ }),

/***/ 3301:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

const isScalarValue = (value) => !value || (typeof value !== 'function' && typeof value !== 'object');
class Scalar extends Node.NodeBase {
    constructor(value) {
        super(identity.SCALAR);
        this.value = value;
    }
    toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
    }
    toString() {
        return String(this.value);
    }
}
Scalar.BLOCK_FOLDED = 'BLOCK_FOLDED';
Scalar.BLOCK_LITERAL = 'BLOCK_LITERAL';
Scalar.PLAIN = 'PLAIN';
Scalar.QUOTE_DOUBLE = 'QUOTE_DOUBLE';
Scalar.QUOTE_SINGLE = 'QUOTE_SINGLE';

exports.Scalar = Scalar;
exports.isScalarValue = isScalarValue;


/***/ }),

/***/ 4454:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyCollection = __nccwpck_require__(1212);
var addPairToJSMap = __nccwpck_require__(7104);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);

function findPair(items, key) {
    const k = identity.isScalar(key) ? key.value : key;
    for (const it of items) {
        if (identity.isPair(it)) {
            if (it.key === key || it.key === k)
                return it;
            if (identity.isScalar(it.key) && it.key.value === k)
                return it;
        }
    }
    return undefined;
}
class YAMLMap extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:map';
    }
    constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
    }
    /**
     * A generic collection parsing method that can be extended
     * to other node classes that inherit from YAMLMap
     */
    static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
            if (typeof replacer === 'function')
                value = replacer.call(obj, key, value);
            else if (Array.isArray(replacer) && !replacer.includes(key))
                return;
            if (value !== undefined || keepUndefined)
                map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
            for (const [key, value] of obj)
                add(key, value);
        }
        else if (obj && typeof obj === 'object') {
            for (const key of Object.keys(obj))
                add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === 'function') {
            map.items.sort(schema.sortMapEntries);
        }
        return map;
    }
    /**
     * Adds a value to the collection.
     *
     * @param overwrite - If not set `true`, using a key that is already in the
     *   collection will throw. Otherwise, overwrites the previous value.
     */
    add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
            _pair = pair;
        else if (!pair || typeof pair !== 'object' || !('key' in pair)) {
            // In TypeScript, this never happens.
            _pair = new Pair.Pair(pair, pair?.value);
        }
        else
            _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
            if (!overwrite)
                throw new Error(`Key ${_pair.key} already set`);
            // For scalars, keep the old node & its comments and anchors
            if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
                prev.value.value = _pair.value;
            else
                prev.value = _pair.value;
        }
        else if (sortEntries) {
            const i = this.items.findIndex(item => sortEntries(_pair, item) < 0);
            if (i === -1)
                this.items.push(_pair);
            else
                this.items.splice(i, 0, _pair);
        }
        else {
            this.items.push(_pair);
        }
    }
    delete(key) {
        const it = findPair(this.items, key);
        if (!it)
            return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? undefined;
    }
    has(key) {
        return !!findPair(this.items, key);
    }
    set(key, value) {
        this.add(new Pair.Pair(key, value), true);
    }
    /**
     * @param ctx - Conversion context, originally set in Document#toJS()
     * @param {Class} Type - If set, forces the returned collection type
     * @returns Instance of Type, Map, or Object
     */
    toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? new Map() : {};
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const item of this.items)
            addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        for (const item of this.items) {
            if (!identity.isPair(item))
                throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
            ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '',
            flowChars: { start: '{', end: '}' },
            itemIndent: ctx.indent || '',
            onChompKeep,
            onComment
        });
    }
}

exports.YAMLMap = YAMLMap;
exports.findPair = findPair;


/***/ }),

/***/ 2223:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyCollection = __nccwpck_require__(1212);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var toJS = __nccwpck_require__(4043);

class YAMLSeq extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:seq';
    }
    constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
    }
    add(value) {
        this.items.push(value);
    }
    /**
     * Removes a value from the collection.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     *
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return undefined;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     */
    has(key) {
        const idx = asItemIndex(key);
        return typeof idx === 'number' && idx < this.items.length;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     *
     * If `key` does not contain a representation of an integer, this will throw.
     * It may be wrapped in a `Scalar`.
     */
    set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
            prev.value = value;
        else
            this.items[idx] = value;
    }
    toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
            ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
            seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '- ',
            flowChars: { start: '[', end: ']' },
            itemIndent: (ctx.indent || '') + '  ',
            onChompKeep,
            onComment
        });
    }
    static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
            let i = 0;
            for (let it of obj) {
                if (typeof replacer === 'function') {
                    const key = obj instanceof Set ? it : String(i++);
                    it = replacer.call(obj, key, it);
                }
                seq.items.push(createNode.createNode(it, undefined, ctx));
            }
        }
        return seq;
    }
}
function asItemIndex(key) {
    let idx = identity.isScalar(key) ? key.value : key;
    if (idx && typeof idx === 'string')
        idx = Number(idx);
    return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0
        ? idx
        : null;
}

exports.YAMLSeq = YAMLSeq;


/***/ }),

/***/ 7104:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var log = __nccwpck_require__(7249);
var merge = __nccwpck_require__(452);
var stringify = __nccwpck_require__(2148);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

function addPairToJSMap(ctx, map, { key, value }) {
    if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
    // TODO: Should drop this special case for bare << handling
    else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
    else {
        const jsKey = toJS.toJS(key, '', ctx);
        if (map instanceof Map) {
            map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        }
        else if (map instanceof Set) {
            map.add(jsKey);
        }
        else {
            const stringKey = stringifyKey(key, jsKey, ctx);
            const jsValue = toJS.toJS(value, stringKey, ctx);
            if (stringKey in map)
                Object.defineProperty(map, stringKey, {
                    value: jsValue,
                    writable: true,
                    enumerable: true,
                    configurable: true
                });
            else
                map[stringKey] = jsValue;
        }
    }
    return map;
}
function stringifyKey(key, jsKey, ctx) {
    if (jsKey === null)
        return '';
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    if (typeof jsKey !== 'object')
        return String(jsKey);
    if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = new Set();
        for (const node of ctx.anchors.keys())
            strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
            let jsonStr = JSON.stringify(strKey);
            if (jsonStr.length > 40)
                jsonStr = jsonStr.substring(0, 36) + '..."';
            log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
            ctx.mapKeyWarned = true;
        }
        return strKey;
    }
    return JSON.stringify(jsKey);
}

exports.addPairToJSMap = addPairToJSMap;


/***/ }),

/***/ 1127:
/***/ ((__unused_webpack_module, exports) => {



const ALIAS = Symbol.for('yaml.alias');
const DOC = Symbol.for('yaml.document');
const MAP = Symbol.for('yaml.map');
const PAIR = Symbol.for('yaml.pair');
const SCALAR = Symbol.for('yaml.scalar');
const SEQ = Symbol.for('yaml.seq');
const NODE_TYPE = Symbol.for('yaml.node.type');
const isAlias = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === ALIAS;
const isDocument = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === DOC;
const isMap = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === MAP;
const isPair = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === PAIR;
const isScalar = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SCALAR;
const isSeq = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SEQ;
function isCollection(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case MAP:
            case SEQ:
                return true;
        }
    return false;
}
function isNode(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case ALIAS:
            case MAP:
            case SCALAR:
            case SEQ:
                return true;
        }
    return false;
}
const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

exports.ALIAS = ALIAS;
exports.DOC = DOC;
exports.MAP = MAP;
exports.NODE_TYPE = NODE_TYPE;
exports.PAIR = PAIR;
exports.SCALAR = SCALAR;
exports.SEQ = SEQ;
exports.hasAnchor = hasAnchor;
exports.isAlias = isAlias;
exports.isCollection = isCollection;
exports.isDocument = isDocument;
exports.isMap = isMap;
exports.isNode = isNode;
exports.isPair = isPair;
exports.isScalar = isScalar;
exports.isSeq = isSeq;


/***/ }),

/***/ 4043:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

/**
 * Recursively convert any node or its contents to native JavaScript
 *
 * @param value - The input value
 * @param arg - If `value` defines a `toJSON()` method, use this
 *   as its first argument
 * @param ctx - Conversion context, originally set in Document#toJS(). If
 *   `{ keep: true }` is not set, output should be suitable for JSON
 *   stringification.
 */
function toJS(value, arg, ctx) {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
    if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
    if (value && typeof value.toJSON === 'function') {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-call
        if (!ctx || !identity.hasAnchor(value))
            return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: undefined };
        ctx.anchors.set(value, data);
        ctx.onCreate = res => {
            data.res = res;
            delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
            ctx.onCreate(res);
        return res;
    }
    if (typeof value === 'bigint' && !ctx?.keep)
        return Number(value);
    return value;
}

exports.toJS = toJS;


/***/ }),

/***/ 110:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);
var errors = __nccwpck_require__(1464);
var stringifyString = __nccwpck_require__(3069);

function resolveAsScalar(token, strict = true, onError) {
    if (token) {
        const _onError = (pos, code, message) => {
            const offset = typeof pos === 'number' ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
            if (onError)
                onError(offset, code, message);
            else
                throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
            case 'block-scalar':
                return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
    }
    return null;
}
/**
 * Create a new scalar token with `value`
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.end Comments and whitespace after the end of the value, or after the block scalar header. If undefined, a newline will be added.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.indent The indent level of the token.
 * @param context.inFlow Is this scalar within a flow collection? This may affect the resolved type of the token's value.
 * @param context.offset The offset position of the token.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function createScalarToken(value, context) {
    const { implicitKey = false, indent, inFlow = false, offset = -1, type = 'PLAIN' } = context;
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    const end = context.end ?? [
        { type: 'newline', offset: -1, indent, source: '\n' }
    ];
    switch (source[0]) {
        case '|':
        case '>': {
            const he = source.indexOf('\n');
            const head = source.substring(0, he);
            const body = source.substring(he + 1) + '\n';
            const props = [
                { type: 'block-scalar-header', offset, indent, source: head }
            ];
            if (!addEndtoBlockProps(props, end))
                props.push({ type: 'newline', offset: -1, indent, source: '\n' });
            return { type: 'block-scalar', offset, indent, props, source: body };
        }
        case '"':
            return { type: 'double-quoted-scalar', offset, indent, source, end };
        case "'":
            return { type: 'single-quoted-scalar', offset, indent, source, end };
        default:
            return { type: 'scalar', offset, indent, source, end };
    }
}
/**
 * Set the value of `token` to the given string `value`, overwriting any previous contents and type that it may have.
 *
 * Best efforts are made to retain any comments previously associated with the `token`,
 * though all contents within a collection's `items` will be overwritten.
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param token Any token. If it does not include an `indent` value, the value will be stringified as if it were an implicit key.
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.afterKey In most cases, values after a key should have an additional level of indentation.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.inFlow Being within a flow collection may affect the resolved type of the token's value.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function setScalarValue(token, value, context = {}) {
    let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
    let indent = 'indent' in token ? token.indent : null;
    if (afterKey && typeof indent === 'number')
        indent += 2;
    if (!type)
        switch (token.type) {
            case 'single-quoted-scalar':
                type = 'QUOTE_SINGLE';
                break;
            case 'double-quoted-scalar':
                type = 'QUOTE_DOUBLE';
                break;
            case 'block-scalar': {
                const header = token.props[0];
                if (header.type !== 'block-scalar-header')
                    throw new Error('Invalid block scalar header');
                type = header.source[0] === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
                break;
            }
            default:
                type = 'PLAIN';
        }
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    switch (source[0]) {
        case '|':
        case '>':
            setBlockScalarValue(token, source);
            break;
        case '"':
            setFlowScalarValue(token, source, 'double-quoted-scalar');
            break;
        case "'":
            setFlowScalarValue(token, source, 'single-quoted-scalar');
            break;
        default:
            setFlowScalarValue(token, source, 'scalar');
    }
}
function setBlockScalarValue(token, source) {
    const he = source.indexOf('\n');
    const head = source.substring(0, he);
    const body = source.substring(he + 1) + '\n';
    if (token.type === 'block-scalar') {
        const header = token.props[0];
        if (header.type !== 'block-scalar-header')
            throw new Error('Invalid block scalar header');
        header.source = head;
        token.source = body;
    }
    else {
        const { offset } = token;
        const indent = 'indent' in token ? token.indent : -1;
        const props = [
            { type: 'block-scalar-header', offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, 'end' in token ? token.end : undefined))
            props.push({ type: 'newline', offset: -1, indent, source: '\n' });
        for (const key of Object.keys(token))
            if (key !== 'type' && key !== 'offset')
                delete token[key];
        Object.assign(token, { type: 'block-scalar', indent, props, source: body });
    }
}
/** @returns `true` if last token is a newline */
function addEndtoBlockProps(props, end) {
    if (end)
        for (const st of end)
            switch (st.type) {
                case 'space':
                case 'comment':
                    props.push(st);
                    break;
                case 'newline':
                    props.push(st);
                    return true;
            }
    return false;
}
function setFlowScalarValue(token, source, type) {
    switch (token.type) {
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            token.type = type;
            token.source = source;
            break;
        case 'block-scalar': {
            const end = token.props.slice(1);
            let oa = source.length;
            if (token.props[0].type === 'block-scalar-header')
                oa -= token.props[0].source.length;
            for (const tok of end)
                tok.offset += oa;
            delete token.props;
            Object.assign(token, { type, source, end });
            break;
        }
        case 'block-map':
        case 'block-seq': {
            const offset = token.offset + source.length;
            const nl = { type: 'newline', offset, indent: token.indent, source: '\n' };
            delete token.items;
            Object.assign(token, { type, source, end: [nl] });
            break;
        }
        default: {
            const indent = 'indent' in token ? token.indent : -1;
            const end = 'end' in token && Array.isArray(token.end)
                ? token.end.filter(st => st.type === 'space' ||
                    st.type === 'comment' ||
                    st.type === 'newline')
                : [];
            for (const key of Object.keys(token))
                if (key !== 'type' && key !== 'offset')
                    delete token[key];
            Object.assign(token, { type, indent, source, end });
        }
    }
}

exports.createScalarToken = createScalarToken;
exports.resolveAsScalar = resolveAsScalar;
exports.setScalarValue = setScalarValue;


/***/ }),

/***/ 1733:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringify a CST document, token, or collection item
 *
 * Fair warning: This applies no validation whatsoever, and
 * simply concatenates the sources in their logical order.
 */
const stringify = (cst) => 'type' in cst ? stringifyToken(cst) : stringifyItem(cst);
function stringifyToken(token) {
    switch (token.type) {
        case 'block-scalar': {
            let res = '';
            for (const tok of token.props)
                res += stringifyToken(tok);
            return res + token.source;
        }
        case 'block-map':
        case 'block-seq': {
            let res = '';
            for (const item of token.items)
                res += stringifyItem(item);
            return res;
        }
        case 'flow-collection': {
            let res = token.start.source;
            for (const item of token.items)
                res += stringifyItem(item);
            for (const st of token.end)
                res += st.source;
            return res;
        }
        case 'document': {
            let res = stringifyItem(token);
            if (token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
        default: {
            let res = token.source;
            if ('end' in token && token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
    }
}
function stringifyItem({ start, key, sep, value }) {
    let res = '';
    for (const st of start)
        res += st.source;
    if (key)
        res += stringifyToken(key);
    if (sep)
        for (const st of sep)
            res += st.source;
    if (value)
        res += stringifyToken(value);
    return res;
}

exports.stringify = stringify;


/***/ }),

/***/ 7715:
/***/ ((__unused_webpack_module, exports) => {



const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove item');
/**
 * Apply a visitor to a CST document or item.
 *
 * Walks through the tree (depth-first) starting from the root, calling a
 * `visitor` function with two arguments when entering each item:
 *   - `item`: The current item, which included the following members:
 *     - `start: SourceToken[]` – Source tokens before the key or value,
 *       possibly including its anchor or tag.
 *     - `key?: Token | null` – Set for pair values. May then be `null`, if
 *       the key before the `:` separator is empty.
 *     - `sep?: SourceToken[]` – Source tokens between the key and the value,
 *       which should include the `:` map value indicator if `value` is set.
 *     - `value?: Token` – The value of a sequence item, or of a map pair.
 *   - `path`: The steps from the root to the current node, as an array of
 *     `['key' | 'value', number]` tuples.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this token, continue with
 *      next sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current item, then continue with the next one
 *   - `number`: Set the index of the next step. This is useful especially if
 *     the index of the current token has changed.
 *   - `function`: Define the next visitor for this item. After the original
 *     visitor is called on item entry, next visitors are called after handling
 *     a non-empty `key` and when exiting the item.
 */
function visit(cst, visitor) {
    if ('type' in cst && cst.type === 'document')
        cst = { start: cst.start, value: cst.value };
    _visit(Object.freeze([]), cst, visitor);
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current item */
visit.SKIP = SKIP;
/** Remove the current item */
visit.REMOVE = REMOVE;
/** Find the item at `path` from `cst` as the root */
visit.itemAtPath = (cst, path) => {
    let item = cst;
    for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && 'items' in tok) {
            item = tok.items[index];
        }
        else
            return undefined;
    }
    return item;
};
/**
 * Get the immediate parent collection of the item at `path` from `cst` as the root.
 *
 * Throws an error if the collection is not found, which should never happen if the item itself exists.
 */
visit.parentCollection = (cst, path) => {
    const parent = visit.itemAtPath(cst, path.slice(0, -1));
    const field = path[path.length - 1][0];
    const coll = parent?.[field];
    if (coll && 'items' in coll)
        return coll;
    throw new Error('Parent collection not found');
};
function _visit(path, item, visitor) {
    let ctrl = visitor(item, path);
    if (typeof ctrl === 'symbol')
        return ctrl;
    for (const field of ['key', 'value']) {
        const token = item[field];
        if (token && 'items' in token) {
            for (let i = 0; i < token.items.length; ++i) {
                const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    token.items.splice(i, 1);
                    i -= 1;
                }
            }
            if (typeof ctrl === 'function' && field === 'key')
                ctrl = ctrl(item, path);
        }
    }
    return typeof ctrl === 'function' ? ctrl(item, path) : ctrl;
}

exports.visit = visit;


/***/ }),

/***/ 3461:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cstScalar = __nccwpck_require__(110);
var cstStringify = __nccwpck_require__(1733);
var cstVisit = __nccwpck_require__(7715);

/** The byte order mark */
const BOM = '\u{FEFF}';
/** Start of doc-mode */
const DOCUMENT = '\x02'; // C0: Start of Text
/** Unexpected end of flow-mode */
const FLOW_END = '\x18'; // C0: Cancel
/** Next token is a scalar value */
const SCALAR = '\x1f'; // C0: Unit Separator
/** @returns `true` if `token` is a flow or block collection */
const isCollection = (token) => !!token && 'items' in token;
/** @returns `true` if `token` is a flow or block scalar; not an alias */
const isScalar = (token) => !!token &&
    (token.type === 'scalar' ||
        token.type === 'single-quoted-scalar' ||
        token.type === 'double-quoted-scalar' ||
        token.type === 'block-scalar');
/* istanbul ignore next */
/** Get a printable representation of a lexer token */
function prettyToken(token) {
    switch (token) {
        case BOM:
            return '<BOM>';
        case DOCUMENT:
            return '<DOC>';
        case FLOW_END:
            return '<FLOW_END>';
        case SCALAR:
            return '<SCALAR>';
        default:
            return JSON.stringify(token);
    }
}
/** Identify the type of a lexer token. May return `null` for unknown tokens. */
function tokenType(source) {
    switch (source) {
        case BOM:
            return 'byte-order-mark';
        case DOCUMENT:
            return 'doc-mode';
        case FLOW_END:
            return 'flow-error-end';
        case SCALAR:
            return 'scalar';
        case '---':
            return 'doc-start';
        case '...':
            return 'doc-end';
        case '':
        case '\n':
        case '\r\n':
            return 'newline';
        case '-':
            return 'seq-item-ind';
        case '?':
            return 'explicit-key-ind';
        case ':':
            return 'map-value-ind';
        case '{':
            return 'flow-map-start';
        case '}':
            return 'flow-map-end';
        case '[':
            return 'flow-seq-start';
        case ']':
            return 'flow-seq-end';
        case ',':
            return 'comma';
    }
    switch (source[0]) {
        case ' ':
        case '\t':
            return 'space';
        case '#':
            return 'comment';
        case '%':
            return 'directive-line';
        case '*':
            return 'alias';
        case '&':
            return 'anchor';
        case '!':
            return 'tag';
        case "'":
            return 'single-quoted-scalar';
        case '"':
            return 'double-quoted-scalar';
        case '|':
        case '>':
            return 'block-scalar-header';
    }
    return null;
}

exports.createScalarToken = cstScalar.createScalarToken;
exports.resolveAsScalar = cstScalar.resolveAsScalar;
exports.setScalarValue = cstScalar.setScalarValue;
exports.stringify = cstStringify.stringify;
exports.visit = cstVisit.visit;
exports.BOM = BOM;
exports.DOCUMENT = DOCUMENT;
exports.FLOW_END = FLOW_END;
exports.SCALAR = SCALAR;
exports.isCollection = isCollection;
exports.isScalar = isScalar;
exports.prettyToken = prettyToken;
exports.tokenType = tokenType;


/***/ }),

/***/ 361:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cst = __nccwpck_require__(3461);

/*
START -> stream

stream
  directive -> line-end -> stream
  indent + line-end -> stream
  [else] -> line-start

line-end
  comment -> line-end
  newline -> .
  input-end -> END

line-start
  doc-start -> doc
  doc-end -> stream
  [else] -> indent -> block-start

block-start
  seq-item-start -> block-start
  explicit-key-start -> block-start
  map-value-start -> block-start
  [else] -> doc

doc
  line-end -> line-start
  spaces -> doc
  anchor -> doc
  tag -> doc
  flow-start -> flow -> doc
  flow-end -> error -> doc
  seq-item-start -> error -> doc
  explicit-key-start -> error -> doc
  map-value-start -> doc
  alias -> doc
  quote-start -> quoted-scalar -> doc
  block-scalar-header -> line-end -> block-scalar(min) -> line-start
  [else] -> plain-scalar(false, min) -> doc

flow
  line-end -> flow
  spaces -> flow
  anchor -> flow
  tag -> flow
  flow-start -> flow -> flow
  flow-end -> .
  seq-item-start -> error -> flow
  explicit-key-start -> flow
  map-value-start -> flow
  alias -> flow
  quote-start -> quoted-scalar -> flow
  comma -> flow
  [else] -> plain-scalar(true, 0) -> flow

quoted-scalar
  quote-end -> .
  [else] -> quoted-scalar

block-scalar(min)
  newline + peek(indent < min) -> .
  [else] -> block-scalar(min)

plain-scalar(is-flow, min)
  scalar-end(is-flow) -> .
  peek(newline + (indent < min)) -> .
  [else] -> plain-scalar(min)
*/
function isEmpty(ch) {
    switch (ch) {
        case undefined:
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            return true;
        default:
            return false;
    }
}
const hexDigits = new Set('0123456789ABCDEFabcdef');
const tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
const flowIndicatorChars = new Set(',[]{}');
const invalidAnchorChars = new Set(' ,[]{}\n\r\t');
const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
/**
 * Splits an input string into lexical tokens, i.e. smaller strings that are
 * easily identifiable by `tokens.tokenType()`.
 *
 * Lexing starts always in a "stream" context. Incomplete input may be buffered
 * until a complete token can be emitted.
 *
 * In addition to slices of the original input, the following control characters
 * may also be emitted:
 *
 * - `\x02` (Start of Text): A document starts with the next token
 * - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
 * - `\x1f` (Unit Separator): Next token is a scalar value
 * - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
 */
class Lexer {
    constructor() {
        /**
         * Flag indicating whether the end of the current buffer marks the end of
         * all input
         */
        this.atEnd = false;
        /**
         * Explicit indent set in block scalar header, as an offset from the current
         * minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
         * explicitly set.
         */
        this.blockScalarIndent = -1;
        /**
         * Block scalars that include a + (keep) chomping indicator in their header
         * include trailing empty lines, which are otherwise excluded from the
         * scalar's contents.
         */
        this.blockScalarKeep = false;
        /** Current input */
        this.buffer = '';
        /**
         * Flag noting whether the map value indicator : can immediately follow this
         * node within a flow context.
         */
        this.flowKey = false;
        /** Count of surrounding flow collection levels. */
        this.flowLevel = 0;
        /**
         * Minimum level of indentation required for next lines to be parsed as a
         * part of the current scalar value.
         */
        this.indentNext = 0;
        /** Indentation level of the current line. */
        this.indentValue = 0;
        /** Position of the next \n character. */
        this.lineEndPos = null;
        /** Stores the state of the lexer if reaching the end of incpomplete input */
        this.next = null;
        /** A pointer to `buffer`; the current position of the lexer. */
        this.pos = 0;
    }
    /**
     * Generate YAML tokens from the `source` string. If `incomplete`,
     * a part of the last line may be left as a buffer for the next call.
     *
     * @returns A generator of lexical tokens
     */
    *lex(source, incomplete = false) {
        if (source) {
            if (typeof source !== 'string')
                throw TypeError('source is not a string');
            this.buffer = this.buffer ? this.buffer + source : source;
            this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? 'stream';
        while (next && (incomplete || this.hasChars(1)))
            next = yield* this.parseNext(next);
    }
    atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === ' ' || ch === '\t')
            ch = this.buffer[++i];
        if (!ch || ch === '#' || ch === '\n')
            return true;
        if (ch === '\r')
            return this.buffer[i + 1] === '\n';
        return false;
    }
    charAt(n) {
        return this.buffer[this.pos + n];
    }
    continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
            let indent = 0;
            while (ch === ' ')
                ch = this.buffer[++indent + offset];
            if (ch === '\r') {
                const next = this.buffer[indent + offset + 1];
                if (next === '\n' || (!next && !this.atEnd))
                    return offset + indent + 1;
            }
            return ch === '\n' || indent >= this.indentNext || (!ch && !this.atEnd)
                ? offset + indent
                : -1;
        }
        if (ch === '-' || ch === '.') {
            const dt = this.buffer.substr(offset, 3);
            if ((dt === '---' || dt === '...') && isEmpty(this.buffer[offset + 3]))
                return -1;
        }
        return offset;
    }
    getLine() {
        let end = this.lineEndPos;
        if (typeof end !== 'number' || (end !== -1 && end < this.pos)) {
            end = this.buffer.indexOf('\n', this.pos);
            this.lineEndPos = end;
        }
        if (end === -1)
            return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === '\r')
            end -= 1;
        return this.buffer.substring(this.pos, end);
    }
    hasChars(n) {
        return this.pos + n <= this.buffer.length;
    }
    setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
    }
    peek(n) {
        return this.buffer.substr(this.pos, n);
    }
    *parseNext(next) {
        switch (next) {
            case 'stream':
                return yield* this.parseStream();
            case 'line-start':
                return yield* this.parseLineStart();
            case 'block-start':
                return yield* this.parseBlockStart();
            case 'doc':
                return yield* this.parseDocument();
            case 'flow':
                return yield* this.parseFlowCollection();
            case 'quoted-scalar':
                return yield* this.parseQuotedScalar();
            case 'block-scalar':
                return yield* this.parseBlockScalar();
            case 'plain-scalar':
                return yield* this.parsePlainScalar();
        }
    }
    *parseStream() {
        let line = this.getLine();
        if (line === null)
            return this.setNext('stream');
        if (line[0] === cst.BOM) {
            yield* this.pushCount(1);
            line = line.substring(1);
        }
        if (line[0] === '%') {
            let dirEnd = line.length;
            let cs = line.indexOf('#');
            while (cs !== -1) {
                const ch = line[cs - 1];
                if (ch === ' ' || ch === '\t') {
                    dirEnd = cs - 1;
                    break;
                }
                else {
                    cs = line.indexOf('#', cs + 1);
                }
            }
            while (true) {
                const ch = line[dirEnd - 1];
                if (ch === ' ' || ch === '\t')
                    dirEnd -= 1;
                else
                    break;
            }
            const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
            yield* this.pushCount(line.length - n); // possible comment
            this.pushNewline();
            return 'stream';
        }
        if (this.atLineEnd()) {
            const sp = yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - sp);
            yield* this.pushNewline();
            return 'stream';
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
    }
    *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
            return this.setNext('line-start');
        if (ch === '-' || ch === '.') {
            if (!this.atEnd && !this.hasChars(4))
                return this.setNext('line-start');
            const s = this.peek(3);
            if ((s === '---' || s === '...') && isEmpty(this.charAt(3))) {
                yield* this.pushCount(3);
                this.indentValue = 0;
                this.indentNext = 0;
                return s === '---' ? 'doc' : 'stream';
            }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
            this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
    }
    *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
            return this.setNext('block-start');
        if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
            const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
            this.indentNext = this.indentValue + 1;
            this.indentValue += n;
            return 'block-start';
        }
        return 'doc';
    }
    *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
            return this.setNext('doc');
        let n = yield* this.pushIndicators();
        switch (line[n]) {
            case '#':
                yield* this.pushCount(line.length - n);
            // fallthrough
            case undefined:
                yield* this.pushNewline();
                return yield* this.parseLineStart();
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel = 1;
                return 'flow';
            case '}':
            case ']':
                // this is an error
                yield* this.pushCount(1);
                return 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'doc';
            case '"':
            case "'":
                return yield* this.parseQuotedScalar();
            case '|':
            case '>':
                n += yield* this.parseBlockScalarHeader();
                n += yield* this.pushSpaces(true);
                yield* this.pushCount(line.length - n);
                yield* this.pushNewline();
                return yield* this.parseBlockScalar();
            default:
                return yield* this.parsePlainScalar();
        }
    }
    *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
            nl = yield* this.pushNewline();
            if (nl > 0) {
                sp = yield* this.pushSpaces(false);
                this.indentValue = indent = sp;
            }
            else {
                sp = 0;
            }
            sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
            return this.setNext('flow');
        if ((indent !== -1 && indent < this.indentNext && line[0] !== '#') ||
            (indent === 0 &&
                (line.startsWith('---') || line.startsWith('...')) &&
                isEmpty(line[3]))) {
            // Allowing for the terminal ] or } at the same (rather than greater)
            // indent level as the initial [ or { is technically invalid, but
            // failing here would be surprising to users.
            const atFlowEndMarker = indent === this.indentNext - 1 &&
                this.flowLevel === 1 &&
                (line[0] === ']' || line[0] === '}');
            if (!atFlowEndMarker) {
                // this is an error
                this.flowLevel = 0;
                yield cst.FLOW_END;
                return yield* this.parseLineStart();
            }
        }
        let n = 0;
        while (line[n] === ',') {
            n += yield* this.pushCount(1);
            n += yield* this.pushSpaces(true);
            this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
            case undefined:
                return 'flow';
            case '#':
                yield* this.pushCount(line.length - n);
                return 'flow';
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel += 1;
                return 'flow';
            case '}':
            case ']':
                yield* this.pushCount(1);
                this.flowKey = true;
                this.flowLevel -= 1;
                return this.flowLevel ? 'flow' : 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'flow';
            case '"':
            case "'":
                this.flowKey = true;
                return yield* this.parseQuotedScalar();
            case ':': {
                const next = this.charAt(1);
                if (this.flowKey || isEmpty(next) || next === ',') {
                    this.flowKey = false;
                    yield* this.pushCount(1);
                    yield* this.pushSpaces(true);
                    return 'flow';
                }
            }
            // fallthrough
            default:
                this.flowKey = false;
                return yield* this.parsePlainScalar();
        }
    }
    *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
            while (end !== -1 && this.buffer[end + 1] === "'")
                end = this.buffer.indexOf("'", end + 2);
        }
        else {
            // double-quote
            while (end !== -1) {
                let n = 0;
                while (this.buffer[end - 1 - n] === '\\')
                    n += 1;
                if (n % 2 === 0)
                    break;
                end = this.buffer.indexOf('"', end + 1);
            }
        }
        // Only looking for newlines within the quotes
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf('\n', this.pos);
        if (nl !== -1) {
            while (nl !== -1) {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = qb.indexOf('\n', cs);
            }
            if (nl !== -1) {
                // this is an error caused by an unexpected unindent
                end = nl - (qb[nl - 1] === '\r' ? 2 : 1);
            }
        }
        if (end === -1) {
            if (!this.atEnd)
                return this.setNext('quoted-scalar');
            end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? 'flow' : 'doc';
    }
    *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
            const ch = this.buffer[++i];
            if (ch === '+')
                this.blockScalarKeep = true;
            else if (ch > '0' && ch <= '9')
                this.blockScalarIndent = Number(ch) - 1;
            else if (ch !== '-')
                break;
        }
        return yield* this.pushUntil(ch => isEmpty(ch) || ch === '#');
    }
    *parseBlockScalar() {
        let nl = this.pos - 1; // may be -1 if this.pos === 0
        let indent = 0;
        let ch;
        loop: for (let i = this.pos; (ch = this.buffer[i]); ++i) {
            switch (ch) {
                case ' ':
                    indent += 1;
                    break;
                case '\n':
                    nl = i;
                    indent = 0;
                    break;
                case '\r': {
                    const next = this.buffer[i + 1];
                    if (!next && !this.atEnd)
                        return this.setNext('block-scalar');
                    if (next === '\n')
                        break;
                } // fallthrough
                default:
                    break loop;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('block-scalar');
        if (indent >= this.indentNext) {
            if (this.blockScalarIndent === -1)
                this.indentNext = indent;
            else {
                this.indentNext =
                    this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
            }
            do {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = this.buffer.indexOf('\n', cs);
            } while (nl !== -1);
            if (nl === -1) {
                if (!this.atEnd)
                    return this.setNext('block-scalar');
                nl = this.buffer.length;
            }
        }
        // Trailing insufficiently indented tabs are invalid.
        // To catch that during parsing, we include them in the block scalar value.
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === ' ')
            ch = this.buffer[++i];
        if (ch === '\t') {
            while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n')
                ch = this.buffer[++i];
            nl = i - 1;
        }
        else if (!this.blockScalarKeep) {
            do {
                let i = nl - 1;
                let ch = this.buffer[i];
                if (ch === '\r')
                    ch = this.buffer[--i];
                const lastChar = i; // Drop the line if last char not more indented
                while (ch === ' ')
                    ch = this.buffer[--i];
                if (ch === '\n' && i >= this.pos && i + 1 + indent > lastChar)
                    nl = i;
                else
                    break;
            } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
    }
    *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while ((ch = this.buffer[++i])) {
            if (ch === ':') {
                const next = this.buffer[i + 1];
                if (isEmpty(next) || (inFlow && flowIndicatorChars.has(next)))
                    break;
                end = i;
            }
            else if (isEmpty(ch)) {
                let next = this.buffer[i + 1];
                if (ch === '\r') {
                    if (next === '\n') {
                        i += 1;
                        ch = '\n';
                        next = this.buffer[i + 1];
                    }
                    else
                        end = i;
                }
                if (next === '#' || (inFlow && flowIndicatorChars.has(next)))
                    break;
                if (ch === '\n') {
                    const cs = this.continueScalar(i + 1);
                    if (cs === -1)
                        break;
                    i = Math.max(i, cs - 2); // to advance, but still account for ' #'
                }
            }
            else {
                if (inFlow && flowIndicatorChars.has(ch))
                    break;
                end = i;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('plain-scalar');
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? 'flow' : 'doc';
    }
    *pushCount(n) {
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos += n;
            return n;
        }
        return 0;
    }
    *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
            yield s;
            this.pos += s.length;
            return s.length;
        }
        else if (allowEmpty)
            yield '';
        return 0;
    }
    *pushIndicators() {
        let n = 0;
        loop: while (true) {
            switch (this.charAt(0)) {
                case '!':
                    n += yield* this.pushTag();
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '&':
                    n += yield* this.pushUntil(isNotAnchorChar);
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '-': // this is an error
                case '?': // this is an error outside flow collections
                case ':': {
                    const inFlow = this.flowLevel > 0;
                    const ch1 = this.charAt(1);
                    if (isEmpty(ch1) || (inFlow && flowIndicatorChars.has(ch1))) {
                        if (!inFlow)
                            this.indentNext = this.indentValue + 1;
                        else if (this.flowKey)
                            this.flowKey = false;
                        n += yield* this.pushCount(1);
                        n += yield* this.pushSpaces(true);
                        continue loop;
                    }
                }
            }
            break loop;
        }
        return n;
    }
    *pushTag() {
        if (this.charAt(1) === '<') {
            let i = this.pos + 2;
            let ch = this.buffer[i];
            while (!isEmpty(ch) && ch !== '>')
                ch = this.buffer[++i];
            return yield* this.pushToIndex(ch === '>' ? i + 1 : i, false);
        }
        else {
            let i = this.pos + 1;
            let ch = this.buffer[i];
            while (ch) {
                if (tagChars.has(ch))
                    ch = this.buffer[++i];
                else if (ch === '%' &&
                    hexDigits.has(this.buffer[i + 1]) &&
                    hexDigits.has(this.buffer[i + 2])) {
                    ch = this.buffer[(i += 3)];
                }
                else
                    break;
            }
            return yield* this.pushToIndex(i, false);
        }
    }
    *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === '\n')
            return yield* this.pushCount(1);
        else if (ch === '\r' && this.charAt(1) === '\n')
            return yield* this.pushCount(2);
        else
            return 0;
    }
    *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
            ch = this.buffer[++i];
        } while (ch === ' ' || (allowTabs && ch === '\t'));
        const n = i - this.pos;
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos = i;
        }
        return n;
    }
    *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
            ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
    }
}

exports.Lexer = Lexer;


/***/ }),

/***/ 6628:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Tracks newlines during parsing in order to provide an efficient API for
 * determining the one-indexed `{ line, col }` position for any offset
 * within the input.
 */
class LineCounter {
    constructor() {
        this.lineStarts = [];
        /**
         * Should be called in ascending order. Otherwise, call
         * `lineCounter.lineStarts.sort()` before calling `linePos()`.
         */
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        /**
         * Performs a binary search and returns the 1-indexed { line, col }
         * position of `offset`. If `line === 0`, `addNewLine` has never been
         * called or `offset` is before the first known newline.
         */
        this.linePos = (offset) => {
            let low = 0;
            let high = this.lineStarts.length;
            while (low < high) {
                const mid = (low + high) >> 1; // Math.floor((low + high) / 2)
                if (this.lineStarts[mid] < offset)
                    low = mid + 1;
                else
                    high = mid;
            }
            if (this.lineStarts[low] === offset)
                return { line: low + 1, col: 1 };
            if (low === 0)
                return { line: 0, col: offset };
            const start = this.lineStarts[low - 1];
            return { line: low, col: offset - start + 1 };
        };
    }
}

exports.LineCounter = LineCounter;


/***/ }),

/***/ 3456:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);

function includesToken(list, type) {
    for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
            return true;
    return false;
}
function findNonEmptyIndex(list) {
    for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
            case 'space':
            case 'comment':
            case 'newline':
                break;
            default:
                return i;
        }
    }
    return -1;
}
function isFlowToken(token) {
    switch (token?.type) {
        case 'alias':
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'flow-collection':
            return true;
        default:
            return false;
    }
}
function getPrevProps(parent) {
    switch (parent.type) {
        case 'document':
            return parent.start;
        case 'block-map': {
            const it = parent.items[parent.items.length - 1];
            return it.sep ?? it.start;
        }
        case 'block-seq':
            return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
            return [];
    }
}
/** Note: May modify input array */
function getFirstKeyStartProps(prev) {
    if (prev.length === 0)
        return [];
    let i = prev.length;
    loop: while (--i >= 0) {
        switch (prev[i].type) {
            case 'doc-start':
            case 'explicit-key-ind':
            case 'map-value-ind':
            case 'seq-item-ind':
            case 'newline':
                break loop;
        }
    }
    while (prev[++i]?.type === 'space') {
        /* loop */
    }
    return prev.splice(i, prev.length);
}
function arrayPushArray(target, source) {
    // May exhaust call stack with large `source` array
    if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
    else
        for (let i = 0; i < source.length; ++i)
            target.push(source[i]);
}
function fixFlowSeqItems(fc) {
    if (fc.start.type === 'flow-seq-start') {
        for (const it of fc.items) {
            if (it.sep &&
                !it.value &&
                !includesToken(it.start, 'explicit-key-ind') &&
                !includesToken(it.sep, 'map-value-ind')) {
                if (it.key)
                    it.value = it.key;
                delete it.key;
                if (isFlowToken(it.value)) {
                    if (it.value.end)
                        arrayPushArray(it.value.end, it.sep);
                    else
                        it.value.end = it.sep;
                }
                else
                    arrayPushArray(it.start, it.sep);
                delete it.sep;
            }
        }
    }
}
/**
 * A YAML concrete syntax tree (CST) parser
 *
 * ```ts
 * const src: string = ...
 * for (const token of new Parser().parse(src)) {
 *   // token: Token
 * }
 * ```
 *
 * To use the parser with a user-provided lexer:
 *
 * ```ts
 * function* parse(source: string, lexer: Lexer) {
 *   const parser = new Parser()
 *   for (const lexeme of lexer.lex(source))
 *     yield* parser.next(lexeme)
 *   yield* parser.end()
 * }
 *
 * const src: string = ...
 * const lexer = new Lexer()
 * for (const token of parse(src, lexer)) {
 *   // token: Token
 * }
 * ```
 */
class Parser {
    /**
     * @param onNewLine - If defined, called separately with the start position of
     *   each new line (in `parse()`, including the start of input).
     */
    constructor(onNewLine) {
        /** If true, space and sequence indicators count as indentation */
        this.atNewLine = true;
        /** If true, next token is a scalar value */
        this.atScalar = false;
        /** Current indentation level */
        this.indent = 0;
        /** Current offset since the start of parsing */
        this.offset = 0;
        /** On the same line with a block map key */
        this.onKeyLine = false;
        /** Top indicates the node that's currently being built */
        this.stack = [];
        /** The source of the current token, set in parse() */
        this.source = '';
        /** The type of the current token, set in parse() */
        this.type = '';
        // Must be defined after `next()`
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
    }
    /**
     * Parse `source` as a YAML stream.
     * If `incomplete`, a part of the last line may be left as a buffer for the next call.
     *
     * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
     *
     * @returns A generator of tokens representing each directive, document, and other structure.
     */
    *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
            this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
            yield* this.next(lexeme);
        if (!incomplete)
            yield* this.end();
    }
    /**
     * Advance the parser by the `source` of one lexical token.
     */
    *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
            console.log('|', cst.prettyToken(source));
        if (this.atScalar) {
            this.atScalar = false;
            yield* this.step();
            this.offset += source.length;
            return;
        }
        const type = cst.tokenType(source);
        if (!type) {
            const message = `Not a YAML token: ${source}`;
            yield* this.pop({ type: 'error', offset: this.offset, message, source });
            this.offset += source.length;
        }
        else if (type === 'scalar') {
            this.atNewLine = false;
            this.atScalar = true;
            this.type = 'scalar';
        }
        else {
            this.type = type;
            yield* this.step();
            switch (type) {
                case 'newline':
                    this.atNewLine = true;
                    this.indent = 0;
                    if (this.onNewLine)
                        this.onNewLine(this.offset + source.length);
                    break;
                case 'space':
                    if (this.atNewLine && source[0] === ' ')
                        this.indent += source.length;
                    break;
                case 'explicit-key-ind':
                case 'map-value-ind':
                case 'seq-item-ind':
                    if (this.atNewLine)
                        this.indent += source.length;
                    break;
                case 'doc-mode':
                case 'flow-error-end':
                    return;
                default:
                    this.atNewLine = false;
            }
            this.offset += source.length;
        }
    }
    /** Call at end of input to push out any remaining constructions */
    *end() {
        while (this.stack.length > 0)
            yield* this.pop();
    }
    get sourceToken() {
        const st = {
            type: this.type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
        return st;
    }
    *step() {
        const top = this.peek(1);
        if (this.type === 'doc-end' && top?.type !== 'doc-end') {
            while (this.stack.length > 0)
                yield* this.pop();
            this.stack.push({
                type: 'doc-end',
                offset: this.offset,
                source: this.source
            });
            return;
        }
        if (!top)
            return yield* this.stream();
        switch (top.type) {
            case 'document':
                return yield* this.document(top);
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return yield* this.scalar(top);
            case 'block-scalar':
                return yield* this.blockScalar(top);
            case 'block-map':
                return yield* this.blockMap(top);
            case 'block-seq':
                return yield* this.blockSequence(top);
            case 'flow-collection':
                return yield* this.flowCollection(top);
            case 'doc-end':
                return yield* this.documentEnd(top);
        }
        /* istanbul ignore next should not happen */
        yield* this.pop();
    }
    peek(n) {
        return this.stack[this.stack.length - n];
    }
    *pop(error) {
        const token = error ?? this.stack.pop();
        /* istanbul ignore if should not happen */
        if (!token) {
            const message = 'Tried to pop an empty stack';
            yield { type: 'error', offset: this.offset, source: '', message };
        }
        else if (this.stack.length === 0) {
            yield token;
        }
        else {
            const top = this.peek(1);
            if (token.type === 'block-scalar') {
                // Block scalars use their parent rather than header indent
                token.indent = 'indent' in top ? top.indent : 0;
            }
            else if (token.type === 'flow-collection' && top.type === 'document') {
                // Ignore all indent for top-level flow collections
                token.indent = 0;
            }
            if (token.type === 'flow-collection')
                fixFlowSeqItems(token);
            switch (top.type) {
                case 'document':
                    top.value = token;
                    break;
                case 'block-scalar':
                    top.props.push(token); // error
                    break;
                case 'block-map': {
                    const it = top.items[top.items.length - 1];
                    if (it.value) {
                        top.items.push({ start: [], key: token, sep: [] });
                        this.onKeyLine = true;
                        return;
                    }
                    else if (it.sep) {
                        it.value = token;
                    }
                    else {
                        Object.assign(it, { key: token, sep: [] });
                        this.onKeyLine = !it.explicitKey;
                        return;
                    }
                    break;
                }
                case 'block-seq': {
                    const it = top.items[top.items.length - 1];
                    if (it.value)
                        top.items.push({ start: [], value: token });
                    else
                        it.value = token;
                    break;
                }
                case 'flow-collection': {
                    const it = top.items[top.items.length - 1];
                    if (!it || it.value)
                        top.items.push({ start: [], key: token, sep: [] });
                    else if (it.sep)
                        it.value = token;
                    else
                        Object.assign(it, { key: token, sep: [] });
                    return;
                }
                /* istanbul ignore next should not happen */
                default:
                    yield* this.pop();
                    yield* this.pop(token);
            }
            if ((top.type === 'document' ||
                top.type === 'block-map' ||
                top.type === 'block-seq') &&
                (token.type === 'block-map' || token.type === 'block-seq')) {
                const last = token.items[token.items.length - 1];
                if (last &&
                    !last.sep &&
                    !last.value &&
                    last.start.length > 0 &&
                    findNonEmptyIndex(last.start) === -1 &&
                    (token.indent === 0 ||
                        last.start.every(st => st.type !== 'comment' || st.indent < token.indent))) {
                    if (top.type === 'document')
                        top.end = last.start;
                    else
                        top.items.push({ start: last.start });
                    token.items.splice(-1, 1);
                }
            }
        }
    }
    *stream() {
        switch (this.type) {
            case 'directive-line':
                yield { type: 'directive', offset: this.offset, source: this.source };
                return;
            case 'byte-order-mark':
            case 'space':
            case 'comment':
            case 'newline':
                yield this.sourceToken;
                return;
            case 'doc-mode':
            case 'doc-start': {
                const doc = {
                    type: 'document',
                    offset: this.offset,
                    start: []
                };
                if (this.type === 'doc-start')
                    doc.start.push(this.sourceToken);
                this.stack.push(doc);
                return;
            }
        }
        yield {
            type: 'error',
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML stream`,
            source: this.source
        };
    }
    *document(doc) {
        if (doc.value)
            return yield* this.lineEnd(doc);
        switch (this.type) {
            case 'doc-start': {
                if (findNonEmptyIndex(doc.start) !== -1) {
                    yield* this.pop();
                    yield* this.step();
                }
                else
                    doc.start.push(this.sourceToken);
                return;
            }
            case 'anchor':
            case 'tag':
            case 'space':
            case 'comment':
            case 'newline':
                doc.start.push(this.sourceToken);
                return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
            this.stack.push(bv);
        else {
            yield {
                type: 'error',
                offset: this.offset,
                message: `Unexpected ${this.type} token in YAML document`,
                source: this.source
            };
        }
    }
    *scalar(scalar) {
        if (this.type === 'map-value-ind') {
            const prev = getPrevProps(this.peek(2));
            const start = getFirstKeyStartProps(prev);
            let sep;
            if (scalar.end) {
                sep = scalar.end;
                sep.push(this.sourceToken);
                delete scalar.end;
            }
            else
                sep = [this.sourceToken];
            const map = {
                type: 'block-map',
                offset: scalar.offset,
                indent: scalar.indent,
                items: [{ start, key: scalar, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
        }
        else
            yield* this.lineEnd(scalar);
    }
    *blockScalar(scalar) {
        switch (this.type) {
            case 'space':
            case 'comment':
            case 'newline':
                scalar.props.push(this.sourceToken);
                return;
            case 'scalar':
                scalar.source = this.source;
                // block-scalar source includes trailing newline
                this.atNewLine = true;
                this.indent = 0;
                if (this.onNewLine) {
                    let nl = this.source.indexOf('\n') + 1;
                    while (nl !== 0) {
                        this.onNewLine(this.offset + nl);
                        nl = this.source.indexOf('\n', nl) + 1;
                    }
                }
                yield* this.pop();
                break;
            /* istanbul ignore next should not happen */
            default:
                yield* this.pop();
                yield* this.step();
        }
    }
    *blockMap(map) {
        const it = map.items[map.items.length - 1];
        // it.sep is true-ish if pair already has key or : separator
        switch (this.type) {
            case 'newline':
                this.onKeyLine = false;
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    it.start.push(this.sourceToken);
                }
                return;
            case 'space':
            case 'comment':
                if (it.value) {
                    map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    if (this.atIndentedComment(it.start, map.indent)) {
                        const prev = map.items[map.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            map.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
        }
        if (this.indent >= map.indent) {
            const atMapIndent = !this.onKeyLine && this.indent === map.indent;
            const atNextItem = atMapIndent &&
                (it.sep || it.explicitKey) &&
                this.type !== 'seq-item-ind';
            // For empty nodes, assign newline-separated not indented empty tokens to following node
            let start = [];
            if (atNextItem && it.sep && !it.value) {
                const nl = [];
                for (let i = 0; i < it.sep.length; ++i) {
                    const st = it.sep[i];
                    switch (st.type) {
                        case 'newline':
                            nl.push(i);
                            break;
                        case 'space':
                            break;
                        case 'comment':
                            if (st.indent > map.indent)
                                nl.length = 0;
                            break;
                        default:
                            nl.length = 0;
                    }
                }
                if (nl.length >= 2)
                    start = it.sep.splice(nl[1]);
            }
            switch (this.type) {
                case 'anchor':
                case 'tag':
                    if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        it.sep.push(this.sourceToken);
                    }
                    else {
                        it.start.push(this.sourceToken);
                    }
                    return;
                case 'explicit-key-ind':
                    if (!it.sep && !it.explicitKey) {
                        it.start.push(this.sourceToken);
                        it.explicitKey = true;
                    }
                    else if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start, explicitKey: true });
                    }
                    else {
                        this.stack.push({
                            type: 'block-map',
                            offset: this.offset,
                            indent: this.indent,
                            items: [{ start: [this.sourceToken], explicitKey: true }]
                        });
                    }
                    this.onKeyLine = true;
                    return;
                case 'map-value-ind':
                    if (it.explicitKey) {
                        if (!it.sep) {
                            if (includesToken(it.start, 'newline')) {
                                Object.assign(it, { key: null, sep: [this.sourceToken] });
                            }
                            else {
                                const start = getFirstKeyStartProps(it.start);
                                this.stack.push({
                                    type: 'block-map',
                                    offset: this.offset,
                                    indent: this.indent,
                                    items: [{ start, key: null, sep: [this.sourceToken] }]
                                });
                            }
                        }
                        else if (it.value) {
                            map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else if (isFlowToken(it.key) &&
                            !includesToken(it.sep, 'newline')) {
                            const start = getFirstKeyStartProps(it.start);
                            const key = it.key;
                            const sep = it.sep;
                            sep.push(this.sourceToken);
                            // @ts-expect-error type guard is wrong here
                            delete it.key;
                            // @ts-expect-error type guard is wrong here
                            delete it.sep;
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key, sep }]
                            });
                        }
                        else if (start.length > 0) {
                            // Not actually at next item
                            it.sep = it.sep.concat(start, this.sourceToken);
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    else {
                        if (!it.sep) {
                            Object.assign(it, { key: null, sep: [this.sourceToken] });
                        }
                        else if (it.value || atNextItem) {
                            map.items.push({ start, key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start: [], key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    this.onKeyLine = true;
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (atNextItem || it.value) {
                        map.items.push({ start, key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        this.stack.push(fs);
                    }
                    else {
                        Object.assign(it, { key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    return;
                }
                default: {
                    const bv = this.startBlockValue(map);
                    if (bv) {
                        if (bv.type === 'block-seq') {
                            if (!it.explicitKey &&
                                it.sep &&
                                !includesToken(it.sep, 'newline')) {
                                yield* this.pop({
                                    type: 'error',
                                    offset: this.offset,
                                    message: 'Unexpected block-seq-ind on same line with key',
                                    source: this.source
                                });
                                return;
                            }
                        }
                        else if (atMapIndent) {
                            map.items.push({ start });
                        }
                        this.stack.push(bv);
                        return;
                    }
                }
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
            case 'newline':
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        seq.items.push({ start: [this.sourceToken] });
                }
                else
                    it.start.push(this.sourceToken);
                return;
            case 'space':
            case 'comment':
                if (it.value)
                    seq.items.push({ start: [this.sourceToken] });
                else {
                    if (this.atIndentedComment(it.start, seq.indent)) {
                        const prev = seq.items[seq.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            seq.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
            case 'anchor':
            case 'tag':
                if (it.value || this.indent <= seq.indent)
                    break;
                it.start.push(this.sourceToken);
                return;
            case 'seq-item-ind':
                if (this.indent !== seq.indent)
                    break;
                if (it.value || includesToken(it.start, 'seq-item-ind'))
                    seq.items.push({ start: [this.sourceToken] });
                else
                    it.start.push(this.sourceToken);
                return;
        }
        if (this.indent > seq.indent) {
            const bv = this.startBlockValue(seq);
            if (bv) {
                this.stack.push(bv);
                return;
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === 'flow-error-end') {
            let top;
            do {
                yield* this.pop();
                top = this.peek(1);
            } while (top?.type === 'flow-collection');
        }
        else if (fc.end.length === 0) {
            switch (this.type) {
                case 'comma':
                case 'explicit-key-ind':
                    if (!it || it.sep)
                        fc.items.push({ start: [this.sourceToken] });
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'map-value-ind':
                    if (!it || it.value)
                        fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        Object.assign(it, { key: null, sep: [this.sourceToken] });
                    return;
                case 'space':
                case 'comment':
                case 'newline':
                case 'anchor':
                case 'tag':
                    if (!it || it.value)
                        fc.items.push({ start: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (!it || it.value)
                        fc.items.push({ start: [], key: fs, sep: [] });
                    else if (it.sep)
                        this.stack.push(fs);
                    else
                        Object.assign(it, { key: fs, sep: [] });
                    return;
                }
                case 'flow-map-end':
                case 'flow-seq-end':
                    fc.end.push(this.sourceToken);
                    return;
            }
            const bv = this.startBlockValue(fc);
            /* istanbul ignore else should not happen */
            if (bv)
                this.stack.push(bv);
            else {
                yield* this.pop();
                yield* this.step();
            }
        }
        else {
            const parent = this.peek(2);
            if (parent.type === 'block-map' &&
                ((this.type === 'map-value-ind' && parent.indent === fc.indent) ||
                    (this.type === 'newline' &&
                        !parent.items[parent.items.length - 1].sep))) {
                yield* this.pop();
                yield* this.step();
            }
            else if (this.type === 'map-value-ind' &&
                parent.type !== 'flow-collection') {
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                fixFlowSeqItems(fc);
                const sep = fc.end.splice(1, fc.end.length);
                sep.push(this.sourceToken);
                const map = {
                    type: 'block-map',
                    offset: fc.offset,
                    indent: fc.indent,
                    items: [{ start, key: fc, sep }]
                };
                this.onKeyLine = true;
                this.stack[this.stack.length - 1] = map;
            }
            else {
                yield* this.lineEnd(fc);
            }
        }
    }
    flowScalar(type) {
        if (this.onNewLine) {
            let nl = this.source.indexOf('\n') + 1;
            while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf('\n', nl) + 1;
            }
        }
        return {
            type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
    }
    startBlockValue(parent) {
        switch (this.type) {
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return this.flowScalar(this.type);
            case 'block-scalar-header':
                return {
                    type: 'block-scalar',
                    offset: this.offset,
                    indent: this.indent,
                    props: [this.sourceToken],
                    source: ''
                };
            case 'flow-map-start':
            case 'flow-seq-start':
                return {
                    type: 'flow-collection',
                    offset: this.offset,
                    indent: this.indent,
                    start: this.sourceToken,
                    items: [],
                    end: []
                };
            case 'seq-item-ind':
                return {
                    type: 'block-seq',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [this.sourceToken] }]
                };
            case 'explicit-key-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                start.push(this.sourceToken);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, explicitKey: true }]
                };
            }
            case 'map-value-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                };
            }
        }
        return null;
    }
    atIndentedComment(start, indent) {
        if (this.type !== 'comment')
            return false;
        if (this.indent <= indent)
            return false;
        return start.every(st => st.type === 'newline' || st.type === 'space');
    }
    *documentEnd(docEnd) {
        if (this.type !== 'doc-mode') {
            if (docEnd.end)
                docEnd.end.push(this.sourceToken);
            else
                docEnd.end = [this.sourceToken];
            if (this.type === 'newline')
                yield* this.pop();
        }
    }
    *lineEnd(token) {
        switch (this.type) {
            case 'comma':
            case 'doc-start':
            case 'doc-end':
            case 'flow-seq-end':
            case 'flow-map-end':
            case 'map-value-ind':
                yield* this.pop();
                yield* this.step();
                break;
            case 'newline':
                this.onKeyLine = false;
            // fallthrough
            case 'space':
            case 'comment':
            default:
                // all other values are errors
                if (token.end)
                    token.end.push(this.sourceToken);
                else
                    token.end = [this.sourceToken];
                if (this.type === 'newline')
                    yield* this.pop();
        }
    }
}

exports.Parser = Parser;


/***/ }),

/***/ 4047:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var log = __nccwpck_require__(7249);
var identity = __nccwpck_require__(1127);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);

function parseOptions(options) {
    const prettyErrors = options.prettyErrors !== false;
    const lineCounter$1 = options.lineCounter || (prettyErrors && new lineCounter.LineCounter()) || null;
    return { lineCounter: lineCounter$1, prettyErrors };
}
/**
 * Parse the input as a stream of YAML documents.
 *
 * Documents should be separated from each other by `...` or `---` marker lines.
 *
 * @returns If an empty `docs` array is returned, it will be of type
 *   EmptyStream and contain additional stream information. In
 *   TypeScript, you should use `'empty' in docs` as a type guard for it.
 */
function parseAllDocuments(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    const docs = Array.from(composer$1.compose(parser$1.parse(source)));
    if (prettyErrors && lineCounter)
        for (const doc of docs) {
            doc.errors.forEach(errors.prettifyError(source, lineCounter));
            doc.warnings.forEach(errors.prettifyError(source, lineCounter));
        }
    if (docs.length > 0)
        return docs;
    return Object.assign([], { empty: true }, composer$1.streamInfo());
}
/** Parse an input string into a single YAML.Document */
function parseDocument(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    // `doc` is always set by compose.end(true) at the very latest
    let doc = null;
    for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
            doc = _doc;
        else if (doc.options.logLevel !== 'silent') {
            doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
            break;
        }
    }
    if (prettyErrors && lineCounter) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter));
    }
    return doc;
}
function parse(src, reviver, options) {
    let _reviver = undefined;
    if (typeof reviver === 'function') {
        _reviver = reviver;
    }
    else if (options === undefined && reviver && typeof reviver === 'object') {
        options = reviver;
    }
    const doc = parseDocument(src, options);
    if (!doc)
        return null;
    doc.warnings.forEach(warning => log.warn(doc.options.logLevel, warning));
    if (doc.errors.length > 0) {
        if (doc.options.logLevel !== 'silent')
            throw doc.errors[0];
        else
            doc.errors = [];
    }
    return doc.toJS(Object.assign({ reviver: _reviver }, options));
}
function stringify(value, replacer, options) {
    let _replacer = null;
    if (typeof replacer === 'function' || Array.isArray(replacer)) {
        _replacer = replacer;
    }
    else if (options === undefined && replacer) {
        options = replacer;
    }
    if (typeof options === 'string')
        options = options.length;
    if (typeof options === 'number') {
        const indent = Math.round(options);
        options = indent < 1 ? undefined : indent > 8 ? { indent: 8 } : { indent };
    }
    if (value === undefined) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
            return undefined;
    }
    if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
    return new Document.Document(value, _replacer, options).toString(options);
}

exports.parse = parse;
exports.parseAllDocuments = parseAllDocuments;
exports.parseDocument = parseDocument;
exports.stringify = stringify;


/***/ }),

/***/ 5840:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var tags = __nccwpck_require__(18);

const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
class Schema {
    constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat)
            ? tags.getTags(compat, 'compat')
            : compat
                ? tags.getTags(null, compat)
                : null;
        this.name = (typeof schema === 'string' && schema) || 'core';
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        // Used by createMap()
        this.sortMapEntries =
            typeof sortMapEntries === 'function'
                ? sortMapEntries
                : sortMapEntries === true
                    ? sortMapEntriesByKey
                    : null;
    }
    clone() {
        const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
    }
}

exports.Schema = Schema;


/***/ }),

/***/ 7451:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLMap = __nccwpck_require__(4454);

const map = {
    collection: 'map',
    default: true,
    nodeClass: YAMLMap.YAMLMap,
    tag: 'tag:yaml.org,2002:map',
    resolve(map, onError) {
        if (!identity.isMap(map))
            onError('Expected a mapping for this tag');
        return map;
    },
    createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
};

exports.map = map;


/***/ }),

/***/ 3632:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const nullTag = {
    identify: value => value == null,
    createNode: () => new Scalar.Scalar(null),
    default: true,
    tag: 'tag:yaml.org,2002:null',
    test: /^(?:~|[Nn]ull|NULL)?$/,
    resolve: () => new Scalar.Scalar(null),
    stringify: ({ source }, ctx) => typeof source === 'string' && nullTag.test.test(source)
        ? source
        : ctx.options.nullStr
};

exports.nullTag = nullTag;


/***/ }),

/***/ 1706:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLSeq = __nccwpck_require__(2223);

const seq = {
    collection: 'seq',
    default: true,
    nodeClass: YAMLSeq.YAMLSeq,
    tag: 'tag:yaml.org,2002:seq',
    resolve(seq, onError) {
        if (!identity.isSeq(seq))
            onError('Expected a sequence for this tag');
        return seq;
    },
    createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
};

exports.seq = seq;


/***/ }),

/***/ 6464:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyString = __nccwpck_require__(3069);

const string = {
    identify: value => typeof value === 'string',
    default: true,
    tag: 'tag:yaml.org,2002:str',
    resolve: str => str,
    stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
    }
};

exports.string = string;


/***/ }),

/***/ 3959:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const boolTag = {
    identify: value => typeof value === 'boolean',
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
    resolve: str => new Scalar.Scalar(str[0] === 't' || str[0] === 'T'),
    stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
            const sv = source[0] === 't' || source[0] === 'T';
            if (value === sv)
                return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
};

exports.boolTag = boolTag;


/***/ }),

/***/ 8405:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: str => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    resolve: str => parseFloat(str),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf('.');
        if (dot !== -1 && str[str.length - 1] === '0')
            node.minFractionDigits = str.length - dot - 1;
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 9874:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
const intResolve = (str, offset, radix, { intAsBigInt }) => (intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix));
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
    return stringifyNumber.stringifyNumber(node);
}
const intOct = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^0o[0-7]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
    stringify: node => intStringify(node, 8, '0o')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^0x[0-9a-fA-F]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 896:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.boolTag,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float
];

exports.schema = schema;


/***/ }),

/***/ 3559:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);

function intIdentify(value) {
    return typeof value === 'bigint' || Number.isInteger(value);
}
const stringifyJSON = ({ value }) => JSON.stringify(value);
const jsonScalars = [
    {
        identify: value => typeof value === 'string',
        default: true,
        tag: 'tag:yaml.org,2002:str',
        resolve: str => str,
        stringify: stringifyJSON
    },
    {
        identify: value => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: 'tag:yaml.org,2002:null',
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
    },
    {
        identify: value => typeof value === 'boolean',
        default: true,
        tag: 'tag:yaml.org,2002:bool',
        test: /^true$|^false$/,
        resolve: str => str === 'true',
        stringify: stringifyJSON
    },
    {
        identify: intIdentify,
        default: true,
        tag: 'tag:yaml.org,2002:int',
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
    },
    {
        identify: value => typeof value === 'number',
        default: true,
        tag: 'tag:yaml.org,2002:float',
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: str => parseFloat(str),
        stringify: stringifyJSON
    }
];
const jsonError = {
    default: true,
    tag: '',
    test: /^/,
    resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
    }
};
const schema = [map.map, seq.seq].concat(jsonScalars, jsonError);

exports.schema = schema;


/***/ }),

/***/ 18:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);
var schema = __nccwpck_require__(896);
var schema$1 = __nccwpck_require__(3559);
var binary = __nccwpck_require__(6083);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var schema$2 = __nccwpck_require__(5913);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schemas = new Map([
    ['core', schema.schema],
    ['failsafe', [map.map, seq.seq, string.string]],
    ['json', schema$1.schema],
    ['yaml11', schema$2.schema],
    ['yaml-1.1', schema$2.schema]
]);
const tagsByName = {
    binary: binary.binary,
    bool: bool.boolTag,
    float: float.float,
    floatExp: float.floatExp,
    floatNaN: float.floatNaN,
    floatTime: timestamp.floatTime,
    int: int.int,
    intHex: int.intHex,
    intOct: int.intOct,
    intTime: timestamp.intTime,
    map: map.map,
    merge: merge.merge,
    null: _null.nullTag,
    omap: omap.omap,
    pairs: pairs.pairs,
    seq: seq.seq,
    set: set.set,
    timestamp: timestamp.timestamp
};
const coreKnownTags = {
    'tag:yaml.org,2002:binary': binary.binary,
    'tag:yaml.org,2002:merge': merge.merge,
    'tag:yaml.org,2002:omap': omap.omap,
    'tag:yaml.org,2002:pairs': pairs.pairs,
    'tag:yaml.org,2002:set': set.set,
    'tag:yaml.org,2002:timestamp': timestamp.timestamp
};
function getTags(customTags, schemaName, addMergeTag) {
    const schemaTags = schemas.get(schemaName);
    if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge)
            ? schemaTags.concat(merge.merge)
            : schemaTags.slice();
    }
    let tags = schemaTags;
    if (!tags) {
        if (Array.isArray(customTags))
            tags = [];
        else {
            const keys = Array.from(schemas.keys())
                .filter(key => key !== 'yaml11')
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
    }
    if (Array.isArray(customTags)) {
        for (const tag of customTags)
            tags = tags.concat(tag);
    }
    else if (typeof customTags === 'function') {
        tags = customTags(tags.slice());
    }
    if (addMergeTag)
        tags = tags.concat(merge.merge);
    return tags.reduce((tags, tag) => {
        const tagObj = typeof tag === 'string' ? tagsByName[tag] : tag;
        if (!tagObj) {
            const tagName = JSON.stringify(tag);
            const keys = Object.keys(tagsByName)
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags.includes(tagObj))
            tags.push(tagObj);
        return tags;
    }, []);
}

exports.coreKnownTags = coreKnownTags;
exports.getTags = getTags;


/***/ }),

/***/ 6083:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_buffer = __nccwpck_require__(181);
var Scalar = __nccwpck_require__(3301);
var stringifyString = __nccwpck_require__(3069);

const binary = {
    identify: value => value instanceof Uint8Array, // Buffer inherits from Uint8Array
    default: false,
    tag: 'tag:yaml.org,2002:binary',
    /**
     * Returns a Buffer in node and an Uint8Array in browsers
     *
     * To use the resulting buffer as an image, you'll want to do something like:
     *
     *   const blob = new Blob([buffer], { type: 'image/jpeg' })
     *   document.querySelector('#photo').src = URL.createObjectURL(blob)
     */
    resolve(src, onError) {
        if (typeof node_buffer.Buffer === 'function') {
            return node_buffer.Buffer.from(src, 'base64');
        }
        else if (typeof atob === 'function') {
            // On IE 11, atob() can't handle newlines
            const str = atob(src.replace(/[\n\r]/g, ''));
            const buffer = new Uint8Array(str.length);
            for (let i = 0; i < str.length; ++i)
                buffer[i] = str.charCodeAt(i);
            return buffer;
        }
        else {
            onError('This environment does not support reading binary tags; either Buffer or atob is required');
            return src;
        }
    },
    stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
            return '';
        const buf = value; // checked earlier by binary.identify()
        let str;
        if (typeof node_buffer.Buffer === 'function') {
            str =
                buf instanceof node_buffer.Buffer
                    ? buf.toString('base64')
                    : node_buffer.Buffer.from(buf.buffer).toString('base64');
        }
        else if (typeof btoa === 'function') {
            let s = '';
            for (let i = 0; i < buf.length; ++i)
                s += String.fromCharCode(buf[i]);
            str = btoa(s);
        }
        else {
            throw new Error('This environment does not support writing binary tags; either Buffer or btoa is required');
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
            const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
            const n = Math.ceil(str.length / lineWidth);
            const lines = new Array(n);
            for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
                lines[i] = str.substr(o, lineWidth);
            }
            str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? '\n' : ' ');
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
    }
};

exports.binary = binary;


/***/ }),

/***/ 8398:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function boolStringify({ value, source }, ctx) {
    const boolObj = value ? trueTag : falseTag;
    if (source && boolObj.test.test(source))
        return source;
    return value ? ctx.options.trueStr : ctx.options.falseStr;
}
const trueTag = {
    identify: value => value === true,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
    resolve: () => new Scalar.Scalar(true),
    stringify: boolStringify
};
const falseTag = {
    identify: value => value === false,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
    resolve: () => new Scalar.Scalar(false),
    stringify: boolStringify
};

exports.falseTag = falseTag;
exports.trueTag = trueTag;


/***/ }),

/***/ 5782:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: (str) => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
    resolve: (str) => parseFloat(str.replace(/_/g, '')),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, '')));
        const dot = str.indexOf('.');
        if (dot !== -1) {
            const f = str.substring(dot + 1).replace(/_/g, '');
            if (f[f.length - 1] === '0')
                node.minFractionDigits = f.length;
        }
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 873:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
function intResolve(str, offset, radix, { intAsBigInt }) {
    const sign = str[0];
    if (sign === '-' || sign === '+')
        offset += 1;
    str = str.substring(offset).replace(/_/g, '');
    if (intAsBigInt) {
        switch (radix) {
            case 2:
                str = `0b${str}`;
                break;
            case 8:
                str = `0o${str}`;
                break;
            case 16:
                str = `0x${str}`;
                break;
        }
        const n = BigInt(str);
        return sign === '-' ? BigInt(-1) * n : n;
    }
    const n = parseInt(str, radix);
    return sign === '-' ? -1 * n : n;
}
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? '-' + prefix + str.substr(1) : prefix + str;
    }
    return stringifyNumber.stringifyNumber(node);
}
const intBin = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'BIN',
    test: /^[-+]?0b[0-1_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
    stringify: node => intStringify(node, 2, '0b')
};
const intOct = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^[-+]?0[0-7_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
    stringify: node => intStringify(node, 8, '0')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9][0-9_]*$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^[-+]?0x[0-9a-fA-F_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intBin = intBin;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 452:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

// If the value associated with a merge key is a single mapping node, each of
// its key/value pairs is inserted into the current mapping, unless the key
// already exists in it. If the value associated with the merge key is a
// sequence, then this sequence is expected to contain mapping nodes and each
// of these nodes is merged in turn according to its order in the sequence.
// Keys in mapping nodes earlier in the sequence override keys specified in
// later mapping nodes. -- http://yaml.org/type/merge.html
const MERGE_KEY = '<<';
const merge = {
    identify: value => value === MERGE_KEY ||
        (typeof value === 'symbol' && value.description === MERGE_KEY),
    default: 'key',
    tag: 'tag:yaml.org,2002:merge',
    test: /^<<$/,
    resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
    }),
    stringify: () => MERGE_KEY
};
const isMergeKey = (ctx, key) => (merge.identify(key) ||
    (identity.isScalar(key) &&
        (!key.type || key.type === Scalar.Scalar.PLAIN) &&
        merge.identify(key.value))) &&
    ctx?.doc.schema.tags.some(tag => tag.tag === merge.tag && tag.default);
function addMergeToJSMap(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (identity.isSeq(source))
        for (const it of source.items)
            mergeValue(ctx, map, it);
    else if (Array.isArray(source))
        for (const it of source)
            mergeValue(ctx, map, it);
    else
        mergeValue(ctx, map, source);
}
function mergeValue(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (!identity.isMap(source))
        throw new Error('Merge sources must be maps or map aliases');
    const srcMap = source.toJSON(null, ctx, Map);
    for (const [key, value] of srcMap) {
        if (map instanceof Map) {
            if (!map.has(key))
                map.set(key, value);
        }
        else if (map instanceof Set) {
            map.add(key);
        }
        else if (!Object.prototype.hasOwnProperty.call(map, key)) {
            Object.defineProperty(map, key, {
                value,
                writable: true,
                enumerable: true,
                configurable: true
            });
        }
    }
    return map;
}
function resolveAliasValue(ctx, value) {
    return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
}

exports.addMergeToJSMap = addMergeToJSMap;
exports.isMergeKey = isMergeKey;
exports.merge = merge;


/***/ }),

/***/ 303:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var pairs = __nccwpck_require__(8385);

class YAMLOMap extends YAMLSeq.YAMLSeq {
    constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = YAMLOMap.tag;
    }
    /**
     * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
     * but TypeScript won't allow widening the signature of a child method.
     */
    toJSON(_, ctx) {
        if (!ctx)
            return super.toJSON(_);
        const map = new Map();
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const pair of this.items) {
            let key, value;
            if (identity.isPair(pair)) {
                key = toJS.toJS(pair.key, '', ctx);
                value = toJS.toJS(pair.value, key, ctx);
            }
            else {
                key = toJS.toJS(pair, '', ctx);
            }
            if (map.has(key))
                throw new Error('Ordered maps must not include duplicate keys');
            map.set(key, value);
        }
        return map;
    }
    static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap = new this();
        omap.items = pairs$1.items;
        return omap;
    }
}
YAMLOMap.tag = 'tag:yaml.org,2002:omap';
const omap = {
    collection: 'seq',
    identify: value => value instanceof Map,
    nodeClass: YAMLOMap,
    default: false,
    tag: 'tag:yaml.org,2002:omap',
    resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
            if (identity.isScalar(key)) {
                if (seenKeys.includes(key.value)) {
                    onError(`Ordered maps must not include duplicate keys: ${key.value}`);
                }
                else {
                    seenKeys.push(key.value);
                }
            }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
    },
    createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
};

exports.YAMLOMap = YAMLOMap;
exports.omap = omap;


/***/ }),

/***/ 8385:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLSeq = __nccwpck_require__(2223);

function resolvePairs(seq, onError) {
    if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
            let item = seq.items[i];
            if (identity.isPair(item))
                continue;
            else if (identity.isMap(item)) {
                if (item.items.length > 1)
                    onError('Each pair must have its own sequence indicator');
                const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
                if (item.commentBefore)
                    pair.key.commentBefore = pair.key.commentBefore
                        ? `${item.commentBefore}\n${pair.key.commentBefore}`
                        : item.commentBefore;
                if (item.comment) {
                    const cn = pair.value ?? pair.key;
                    cn.comment = cn.comment
                        ? `${item.comment}\n${cn.comment}`
                        : item.comment;
                }
                item = pair;
            }
            seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
    }
    else
        onError('Expected a sequence for this tag');
    return seq;
}
function createPairs(schema, iterable, ctx) {
    const { replacer } = ctx;
    const pairs = new YAMLSeq.YAMLSeq(schema);
    pairs.tag = 'tag:yaml.org,2002:pairs';
    let i = 0;
    if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
            if (typeof replacer === 'function')
                it = replacer.call(iterable, String(i++), it);
            let key, value;
            if (Array.isArray(it)) {
                if (it.length === 2) {
                    key = it[0];
                    value = it[1];
                }
                else
                    throw new TypeError(`Expected [key, value] tuple: ${it}`);
            }
            else if (it && it instanceof Object) {
                const keys = Object.keys(it);
                if (keys.length === 1) {
                    key = keys[0];
                    value = it[key];
                }
                else {
                    throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
                }
            }
            else {
                key = it;
            }
            pairs.items.push(Pair.createPair(key, value, ctx));
        }
    return pairs;
}
const pairs = {
    collection: 'seq',
    default: false,
    tag: 'tag:yaml.org,2002:pairs',
    resolve: resolvePairs,
    createNode: createPairs
};

exports.createPairs = createPairs;
exports.pairs = pairs;
exports.resolvePairs = resolvePairs;


/***/ }),

/***/ 5913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var binary = __nccwpck_require__(6083);
var bool = __nccwpck_require__(8398);
var float = __nccwpck_require__(5782);
var int = __nccwpck_require__(873);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.trueTag,
    bool.falseTag,
    int.intBin,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float,
    binary.binary,
    merge.merge,
    omap.omap,
    pairs.pairs,
    set.set,
    timestamp.intTime,
    timestamp.floatTime,
    timestamp.timestamp
];

exports.schema = schema;


/***/ }),

/***/ 1528:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);

class YAMLSet extends YAMLMap.YAMLMap {
    constructor(schema) {
        super(schema);
        this.tag = YAMLSet.tag;
    }
    add(key) {
        let pair;
        if (identity.isPair(key))
            pair = key;
        else if (key &&
            typeof key === 'object' &&
            'key' in key &&
            'value' in key &&
            key.value === null)
            pair = new Pair.Pair(key.key, null);
        else
            pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
            this.items.push(pair);
    }
    /**
     * If `keepPair` is `true`, returns the Pair matching `key`.
     * Otherwise, returns the value of that Pair's key.
     */
    get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair)
            ? identity.isScalar(pair.key)
                ? pair.key.value
                : pair.key
            : pair;
    }
    set(key, value) {
        if (typeof value !== 'boolean')
            throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
            this.items.splice(this.items.indexOf(prev), 1);
        }
        else if (!prev && value) {
            this.items.push(new Pair.Pair(key));
        }
    }
    toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        if (this.hasAllNullValues(true))
            return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
            throw new Error('Set items must all have null values');
    }
    static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
            for (let value of iterable) {
                if (typeof replacer === 'function')
                    value = replacer.call(iterable, value, value);
                set.items.push(Pair.createPair(value, null, ctx));
            }
        return set;
    }
}
YAMLSet.tag = 'tag:yaml.org,2002:set';
const set = {
    collection: 'map',
    identify: value => value instanceof Set,
    nodeClass: YAMLSet,
    default: false,
    tag: 'tag:yaml.org,2002:set',
    createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
    resolve(map, onError) {
        if (identity.isMap(map)) {
            if (map.hasAllNullValues(true))
                return Object.assign(new YAMLSet(), map);
            else
                onError('Set items must all have null values');
        }
        else
            onError('Expected a mapping for this tag');
        return map;
    }
};

exports.YAMLSet = YAMLSet;
exports.set = set;


/***/ }),

/***/ 6752:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

/** Internal types handle bigint as number, because TS can't figure it out. */
function parseSexagesimal(str, asBigInt) {
    const sign = str[0];
    const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
    const num = (n) => asBigInt ? BigInt(n) : Number(n);
    const res = parts
        .replace(/_/g, '')
        .split(':')
        .reduce((res, p) => res * num(60) + num(p), num(0));
    return (sign === '-' ? num(-1) * res : res);
}
/**
 * hhhh:mm:ss.sss
 *
 * Internal types handle bigint as number, because TS can't figure it out.
 */
function stringifySexagesimal(node) {
    let { value } = node;
    let num = (n) => n;
    if (typeof value === 'bigint')
        num = n => BigInt(n);
    else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
    let sign = '';
    if (value < 0) {
        sign = '-';
        value *= num(-1);
    }
    const _60 = num(60);
    const parts = [value % _60]; // seconds, including ms
    if (value < 60) {
        parts.unshift(0); // at least one : is required
    }
    else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60); // minutes
        if (value >= 60) {
            value = (value - parts[0]) / _60;
            parts.unshift(value); // hours
        }
    }
    return (sign +
        parts
            .map(n => String(n).padStart(2, '0'))
            .join(':')
            .replace(/000000\d*$/, '') // % 60 may introduce error
    );
}
const intTime = {
    identify: value => typeof value === 'bigint' || Number.isInteger(value),
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
    resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
    stringify: stringifySexagesimal
};
const floatTime = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
    resolve: str => parseSexagesimal(str, false),
    stringify: stringifySexagesimal
};
const timestamp = {
    identify: value => value instanceof Date,
    default: true,
    tag: 'tag:yaml.org,2002:timestamp',
    // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
    // may be omitted altogether, resulting in a date format. In such a case, the time part is
    // assumed to be 00:00:00Z (start of day, UTC).
    test: RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})' + // YYYY-Mm-Dd
        '(?:' + // time is optional
        '(?:t|T|[ \\t]+)' + // t | T | whitespace
        '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)' + // Hh:Mm:Ss(.ss)?
        '(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?' + // Z | +5 | -03:30
        ')?$'),
    resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
            throw new Error('!!timestamp expects a date, starting with yyyy-mm-dd');
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== 'Z') {
            let d = parseSexagesimal(tz, false);
            if (Math.abs(d) < 30)
                d *= 60;
            date -= 60000 * d;
        }
        return new Date(date);
    },
    stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, '') ?? ''
};

exports.floatTime = floatTime;
exports.intTime = intTime;
exports.timestamp = timestamp;


/***/ }),

/***/ 4475:
/***/ ((__unused_webpack_module, exports) => {



const FOLD_FLOW = 'flow';
const FOLD_BLOCK = 'block';
const FOLD_QUOTED = 'quoted';
/**
 * Tries to keep input at up to `lineWidth` characters, splitting only on spaces
 * not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
 * terminated with `\n` and started with `indent`.
 */
function foldFlowLines(text, indent, mode = 'flow', { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
    if (!lineWidth || lineWidth < 0)
        return text;
    if (lineWidth < minContentWidth)
        minContentWidth = 0;
    const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
    if (text.length <= endStep)
        return text;
    const folds = [];
    const escapedFolds = {};
    let end = lineWidth - indent.length;
    if (typeof indentAtStart === 'number') {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
            folds.push(0);
        else
            end = lineWidth - indentAtStart;
    }
    let split = undefined;
    let prev = undefined;
    let overflow = false;
    let i = -1;
    let escStart = -1;
    let escEnd = -1;
    if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
            end = i + endStep;
    }
    for (let ch; (ch = text[(i += 1)]);) {
        if (mode === FOLD_QUOTED && ch === '\\') {
            escStart = i;
            switch (text[i + 1]) {
                case 'x':
                    i += 3;
                    break;
                case 'u':
                    i += 5;
                    break;
                case 'U':
                    i += 9;
                    break;
                default:
                    i += 1;
            }
            escEnd = i;
        }
        if (ch === '\n') {
            if (mode === FOLD_BLOCK)
                i = consumeMoreIndentedLines(text, i, indent.length);
            end = i + indent.length + endStep;
            split = undefined;
        }
        else {
            if (ch === ' ' &&
                prev &&
                prev !== ' ' &&
                prev !== '\n' &&
                prev !== '\t') {
                // space surrounded by non-space can be replaced with newline + indent
                const next = text[i + 1];
                if (next && next !== ' ' && next !== '\n' && next !== '\t')
                    split = i;
            }
            if (i >= end) {
                if (split) {
                    folds.push(split);
                    end = split + endStep;
                    split = undefined;
                }
                else if (mode === FOLD_QUOTED) {
                    // white-space collected at end may stretch past lineWidth
                    while (prev === ' ' || prev === '\t') {
                        prev = ch;
                        ch = text[(i += 1)];
                        overflow = true;
                    }
                    // Account for newline escape, but don't break preceding escape
                    const j = i > escEnd + 1 ? i - 2 : escStart - 1;
                    // Bail out if lineWidth & minContentWidth are shorter than an escape string
                    if (escapedFolds[j])
                        return text;
                    folds.push(j);
                    escapedFolds[j] = true;
                    end = j + endStep;
                    split = undefined;
                }
                else {
                    overflow = true;
                }
            }
        }
        prev = ch;
    }
    if (overflow && onOverflow)
        onOverflow();
    if (folds.length === 0)
        return text;
    if (onFold)
        onFold();
    let res = text.slice(0, folds[0]);
    for (let i = 0; i < folds.length; ++i) {
        const fold = folds[i];
        const end = folds[i + 1] || text.length;
        if (fold === 0)
            res = `\n${indent}${text.slice(0, end)}`;
        else {
            if (mode === FOLD_QUOTED && escapedFolds[fold])
                res += `${text[fold]}\\`;
            res += `\n${indent}${text.slice(fold + 1, end)}`;
        }
    }
    return res;
}
/**
 * Presumes `i + 1` is at the start of a line
 * @returns index of last newline in more-indented block
 */
function consumeMoreIndentedLines(text, i, indent) {
    let end = i;
    let start = i + 1;
    let ch = text[start];
    while (ch === ' ' || ch === '\t') {
        if (i < start + indent) {
            ch = text[++i];
        }
        else {
            do {
                ch = text[++i];
            } while (ch && ch !== '\n');
            end = i;
            start = i + 1;
            ch = text[start];
        }
    }
    return end;
}

exports.FOLD_BLOCK = FOLD_BLOCK;
exports.FOLD_FLOW = FOLD_FLOW;
exports.FOLD_QUOTED = FOLD_QUOTED;
exports.foldFlowLines = foldFlowLines;


/***/ }),

/***/ 2148:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var identity = __nccwpck_require__(1127);
var stringifyComment = __nccwpck_require__(9799);
var stringifyString = __nccwpck_require__(3069);

function createStringifyContext(doc, options) {
    const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: 'PLAIN',
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: 'false',
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: 'null',
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: 'true',
        verifyAliasOrder: true
    }, doc.schema.toStringOptions, options);
    let inFlow;
    switch (opt.collectionStyle) {
        case 'block':
            inFlow = false;
            break;
        case 'flow':
            inFlow = true;
            break;
        default:
            inFlow = null;
    }
    return {
        anchors: new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? ' ' : '',
        indent: '',
        indentStep: typeof opt.indent === 'number' ? ' '.repeat(opt.indent) : '  ',
        inFlow,
        options: opt
    };
}
function getTagObject(tags, item) {
    if (item.tag) {
        const match = tags.filter(t => t.tag === item.tag);
        if (match.length > 0)
            return match.find(t => t.format === item.format) ?? match[0];
    }
    let tagObj = undefined;
    let obj;
    if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter(t => t.identify?.(obj));
        if (match.length > 1) {
            const testMatch = match.filter(t => t.test);
            if (testMatch.length > 0)
                match = testMatch;
        }
        tagObj =
            match.find(t => t.format === item.format) ?? match.find(t => !t.format);
    }
    else {
        obj = item;
        tagObj = tags.find(t => t.nodeClass && obj instanceof t.nodeClass);
    }
    if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? 'null' : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
    }
    return tagObj;
}
// needs to be called before value stringifier to allow for circular anchor refs
function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
    if (!doc.directives)
        return '';
    const props = [];
    const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
    if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
    }
    const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
    if (tag)
        props.push(doc.directives.tagString(tag));
    return props.join(' ');
}
function stringify(item, ctx, onComment, onChompKeep) {
    if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
    if (identity.isAlias(item)) {
        if (ctx.doc.directives)
            return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
            throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        }
        else {
            if (ctx.resolvedAliases)
                ctx.resolvedAliases.add(item);
            else
                ctx.resolvedAliases = new Set([item]);
            item = item.resolve(ctx.doc);
        }
    }
    let tagObj = undefined;
    const node = identity.isNode(item)
        ? item
        : ctx.doc.createNode(item, { onTagObj: o => (tagObj = o) });
    tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
    const props = stringifyProps(node, tagObj, ctx);
    if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
    const str = typeof tagObj.stringify === 'function'
        ? tagObj.stringify(node, ctx, onComment, onChompKeep)
        : identity.isScalar(node)
            ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep)
            : node.toString(ctx, onComment, onChompKeep);
    if (!props)
        return str;
    return identity.isScalar(node) || str[0] === '{' || str[0] === '['
        ? `${props} ${str}`
        : `${props}\n${ctx.indent}${str}`;
}

exports.createStringifyContext = createStringifyContext;
exports.stringify = stringify;


/***/ }),

/***/ 1212:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyCollection(collection, ctx, options) {
    const flow = ctx.inFlow ?? collection.flow;
    const stringify = flow ? stringifyFlowCollection : stringifyBlockCollection;
    return stringify(collection, ctx, options);
}
function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
    const { indent, options: { commentString } } = ctx;
    const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
    let chompKeep = false; // flag for the preceding node's status
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (!chompKeep && item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (!chompKeep && ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
            }
        }
        chompKeep = false;
        let str = stringify.stringify(item, itemCtx, () => (comment = null), () => (chompKeep = true));
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        if (chompKeep && comment)
            chompKeep = false;
        lines.push(blockItemPrefix + str);
    }
    let str;
    if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
    }
    else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
            const line = lines[i];
            str += line ? `\n${indent}${line}` : '\n';
        }
    }
    if (comment) {
        str += '\n' + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
            onComment();
    }
    else if (chompKeep && onChompKeep)
        onChompKeep();
    return str;
}
function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
    const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
    itemIndent += indentStep;
    const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
    });
    let reqNewline = false;
    let linesAtValue = 0;
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, false);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, false);
                if (ik.comment)
                    reqNewline = true;
            }
            const iv = identity.isNode(item.value) ? item.value : null;
            if (iv) {
                if (iv.comment)
                    comment = iv.comment;
                if (iv.commentBefore)
                    reqNewline = true;
            }
            else if (item.value == null && ik?.comment) {
                comment = ik.comment;
            }
        }
        if (comment)
            reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => (comment = null));
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes('\n'));
        if (i < items.length - 1) {
            str += ',';
        }
        else if (ctx.options.trailingComma) {
            if (ctx.options.lineWidth > 0) {
                reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) +
                    (str.length + 2) >
                    ctx.options.lineWidth);
            }
            if (reqNewline) {
                str += ',';
            }
        }
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
    }
    const { start, end } = flowChars;
    if (lines.length === 0) {
        return start + end;
    }
    else {
        if (!reqNewline) {
            const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
            reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
            let str = start;
            for (const line of lines)
                str += line ? `\n${indentStep}${indent}${line}` : '\n';
            return `${str}\n${indent}${end}`;
        }
        else {
            return `${start}${fcPadding}${lines.join(' ')}${fcPadding}${end}`;
        }
    }
}
function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
    if (comment && chompKeep)
        comment = comment.replace(/^\n+/, '');
    if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart()); // Avoid double indent on first line
    }
}

exports.stringifyCollection = stringifyCollection;


/***/ }),

/***/ 9799:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringifies a comment.
 *
 * Empty comment lines are left empty,
 * lines consisting of a single space are replaced by `#`,
 * and all other lines are prefixed with a `#`.
 */
const stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, '#');
function indentComment(comment, indent) {
    if (/^\n+$/.test(comment))
        return comment.substring(1);
    return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
}
const lineComment = (str, indent, comment) => str.endsWith('\n')
    ? indentComment(comment, indent)
    : comment.includes('\n')
        ? '\n' + indentComment(comment, indent)
        : (str.endsWith(' ') ? '' : ' ') + comment;

exports.indentComment = indentComment;
exports.lineComment = lineComment;
exports.stringifyComment = stringifyComment;


/***/ }),

/***/ 6829:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyDocument(doc, options) {
    const lines = [];
    let hasDirectives = options.directives === true;
    if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
            lines.push(dir);
            hasDirectives = true;
        }
        else if (doc.directives.docStart)
            hasDirectives = true;
    }
    if (hasDirectives)
        lines.push('---');
    const ctx = stringify.createStringifyContext(doc, options);
    const { commentString } = ctx.options;
    if (doc.commentBefore) {
        if (lines.length !== 1)
            lines.unshift('');
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ''));
    }
    let chompKeep = false;
    let contentComment = null;
    if (doc.contents) {
        if (identity.isNode(doc.contents)) {
            if (doc.contents.spaceBefore && hasDirectives)
                lines.push('');
            if (doc.contents.commentBefore) {
                const cs = commentString(doc.contents.commentBefore);
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            // top-level block scalars need to be indented if followed by a comment
            ctx.forceBlockIndent = !!doc.comment;
            contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
        let body = stringify.stringify(doc.contents, ctx, () => (contentComment = null), onChompKeep);
        if (contentComment)
            body += stringifyComment.lineComment(body, '', commentString(contentComment));
        if ((body[0] === '|' || body[0] === '>') &&
            lines[lines.length - 1] === '---') {
            // Top-level block scalars with a preceding doc marker ought to use the
            // same line for their header.
            lines[lines.length - 1] = `--- ${body}`;
        }
        else
            lines.push(body);
    }
    else {
        lines.push(stringify.stringify(doc.contents, ctx));
    }
    if (doc.directives?.docEnd) {
        if (doc.comment) {
            const cs = commentString(doc.comment);
            if (cs.includes('\n')) {
                lines.push('...');
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            else {
                lines.push(`... ${cs}`);
            }
        }
        else {
            lines.push('...');
        }
    }
    else {
        let dc = doc.comment;
        if (dc && chompKeep)
            dc = dc.replace(/^\n+/, '');
        if (dc) {
            if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '')
                lines.push('');
            lines.push(stringifyComment.indentComment(commentString(dc), ''));
        }
    }
    return lines.join('\n') + '\n';
}

exports.stringifyDocument = stringifyDocument;


/***/ }),

/***/ 8689:
/***/ ((__unused_webpack_module, exports) => {



function stringifyNumber({ format, minFractionDigits, tag, value }) {
    if (typeof value === 'bigint')
        return String(value);
    const num = typeof value === 'number' ? value : Number(value);
    if (!isFinite(num))
        return isNaN(num) ? '.nan' : num < 0 ? '-.inf' : '.inf';
    let n = Object.is(value, -0) ? '-0' : JSON.stringify(value);
    if (!format &&
        minFractionDigits &&
        (!tag || tag === 'tag:yaml.org,2002:float') &&
        /^-?\d/.test(n) &&
        !n.includes('e')) {
        let i = n.indexOf('.');
        if (i < 0) {
            i = n.length;
            n += '.';
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
            n += '0';
    }
    return n;
}

exports.stringifyNumber = stringifyNumber;


/***/ }),

/***/ 9748:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
    const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
    let keyComment = (identity.isNode(key) && key.comment) || null;
    if (simpleKeys) {
        if (keyComment) {
            throw new Error('With simple keys, key nodes cannot have comments');
        }
        if (identity.isCollection(key) || (!identity.isNode(key) && typeof key === 'object')) {
            const msg = 'With simple keys, collection cannot be used as a key value';
            throw new Error(msg);
        }
    }
    let explicitKey = !simpleKeys &&
        (!key ||
            (keyComment && value == null && !ctx.inFlow) ||
            identity.isCollection(key) ||
            (identity.isScalar(key)
                ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL
                : typeof key === 'object'));
    ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
    });
    let keyCommentDone = false;
    let chompKeep = false;
    let str = stringify.stringify(key, ctx, () => (keyCommentDone = true), () => (chompKeep = true));
    if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
            throw new Error('With simple keys, single line scalar must not span more than 1024 characters');
        explicitKey = true;
    }
    if (ctx.inFlow) {
        if (allNullValues || value == null) {
            if (keyCommentDone && onComment)
                onComment();
            return str === '' ? '?' : explicitKey ? `? ${str}` : str;
        }
    }
    else if ((allNullValues && !simpleKeys) || (value == null && explicitKey)) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        }
        else if (chompKeep && onChompKeep)
            onChompKeep();
        return str;
    }
    if (keyCommentDone)
        keyComment = null;
    if (explicitKey) {
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}\n${indent}:`;
    }
    else {
        str = `${str}:`;
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
    }
    let vsb, vcb, valueComment;
    if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
    }
    else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === 'object')
            value = doc.createNode(value);
    }
    ctx.implicitKey = false;
    if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
    chompKeep = false;
    if (!indentSeq &&
        indentStep.length >= 2 &&
        !ctx.inFlow &&
        !explicitKey &&
        identity.isSeq(value) &&
        !value.flow &&
        !value.tag &&
        !value.anchor) {
        // If indentSeq === false, consider '- ' as part of indentation where possible
        ctx.indent = ctx.indent.substring(2);
    }
    let valueCommentDone = false;
    const valueStr = stringify.stringify(value, ctx, () => (valueCommentDone = true), () => (chompKeep = true));
    let ws = ' ';
    if (keyComment || vsb || vcb) {
        ws = vsb ? '\n' : '';
        if (vcb) {
            const cs = commentString(vcb);
            ws += `\n${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === '' && !ctx.inFlow) {
            if (ws === '\n' && valueComment)
                ws = '\n\n';
        }
        else {
            ws += `\n${ctx.indent}`;
        }
    }
    else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf('\n');
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
            let hasPropsLine = false;
            if (hasNewline && (vs0 === '&' || vs0 === '!')) {
                let sp0 = valueStr.indexOf(' ');
                if (vs0 === '&' &&
                    sp0 !== -1 &&
                    sp0 < nl0 &&
                    valueStr[sp0 + 1] === '!') {
                    sp0 = valueStr.indexOf(' ', sp0 + 1);
                }
                if (sp0 === -1 || nl0 < sp0)
                    hasPropsLine = true;
            }
            if (!hasPropsLine)
                ws = `\n${ctx.indent}`;
        }
    }
    else if (valueStr === '' || valueStr[0] === '\n') {
        ws = '';
    }
    str += ws + valueStr;
    if (ctx.inFlow) {
        if (valueCommentDone && onComment)
            onComment();
    }
    else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
    }
    else if (chompKeep && onChompKeep) {
        onChompKeep();
    }
    return str;
}

exports.stringifyPair = stringifyPair;


/***/ }),

/***/ 3069:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var foldFlowLines = __nccwpck_require__(4475);

const getFoldOptions = (ctx, isBlock) => ({
    indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
    lineWidth: ctx.options.lineWidth,
    minContentWidth: ctx.options.minContentWidth
});
// Also checks for lines starting with %, as parsing the output as YAML 1.1 will
// presume that's starting a new document.
const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
function lineLengthOverLimit(str, lineWidth, indentLength) {
    if (!lineWidth || lineWidth < 0)
        return false;
    const limit = lineWidth - indentLength;
    const strLen = str.length;
    if (strLen <= limit)
        return false;
    for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === '\n') {
            if (i - start > limit)
                return true;
            start = i + 1;
            if (strLen - start <= limit)
                return false;
        }
    }
    return true;
}
function doubleQuotedString(value, ctx) {
    const json = JSON.stringify(value);
    if (ctx.options.doubleQuotedAsJSON)
        return json;
    const { implicitKey } = ctx;
    const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    let str = '';
    let start = 0;
    for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
            // space before newline needs to be escaped to not be folded
            str += json.slice(start, i) + '\\ ';
            i += 1;
            start = i;
            ch = '\\';
        }
        if (ch === '\\')
            switch (json[i + 1]) {
                case 'u':
                    {
                        str += json.slice(start, i);
                        const code = json.substr(i + 2, 4);
                        switch (code) {
                            case '0000':
                                str += '\\0';
                                break;
                            case '0007':
                                str += '\\a';
                                break;
                            case '000b':
                                str += '\\v';
                                break;
                            case '001b':
                                str += '\\e';
                                break;
                            case '0085':
                                str += '\\N';
                                break;
                            case '00a0':
                                str += '\\_';
                                break;
                            case '2028':
                                str += '\\L';
                                break;
                            case '2029':
                                str += '\\P';
                                break;
                            default:
                                if (code.substr(0, 2) === '00')
                                    str += '\\x' + code.substr(2);
                                else
                                    str += json.substr(i, 6);
                        }
                        i += 5;
                        start = i + 1;
                    }
                    break;
                case 'n':
                    if (implicitKey ||
                        json[i + 2] === '"' ||
                        json.length < minMultiLineLength) {
                        i += 1;
                    }
                    else {
                        // folding will eat first newline
                        str += json.slice(start, i) + '\n\n';
                        while (json[i + 2] === '\\' &&
                            json[i + 3] === 'n' &&
                            json[i + 4] !== '"') {
                            str += '\n';
                            i += 2;
                        }
                        str += indent;
                        // space after newline needs to be escaped to not be folded
                        if (json[i + 2] === ' ')
                            str += '\\';
                        i += 1;
                        start = i + 1;
                    }
                    break;
                default:
                    i += 1;
            }
    }
    str = start ? str + json.slice(start) : json;
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
}
function singleQuotedString(value, ctx) {
    if (ctx.options.singleQuote === false ||
        (ctx.implicitKey && value.includes('\n')) ||
        /[ \t]\n|\n[ \t]/.test(value) // single quoted string can't have leading or trailing whitespace around newline
    )
        return doubleQuotedString(value, ctx);
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
    return ctx.implicitKey
        ? res
        : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function quotedString(value, ctx) {
    const { singleQuote } = ctx.options;
    let qs;
    if (singleQuote === false)
        qs = doubleQuotedString;
    else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
            qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
            qs = doubleQuotedString;
        else
            qs = singleQuote ? singleQuotedString : doubleQuotedString;
    }
    return qs(value, ctx);
}
// The negative lookbehind avoids a polynomial search,
// but isn't supported yet on Safari: https://caniuse.com/js-regexp-lookbehind
let blockEndNewlines;
try {
    blockEndNewlines = new RegExp('(^|(?<!\n))\n+(?!\n|$)', 'g');
}
catch {
    blockEndNewlines = /\n+(?!\n|$)/g;
}
function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
    const { blockQuote, commentString, lineWidth } = ctx.options;
    // 1. Block can't end in whitespace unless the last line is non-empty.
    // 2. Strings consisting of only whitespace are best rendered explicitly.
    if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
    }
    const indent = ctx.indent ||
        (ctx.forceBlockIndent || containsDocumentMarker(value) ? '  ' : '');
    const literal = blockQuote === 'literal'
        ? true
        : blockQuote === 'folded' || type === Scalar.Scalar.BLOCK_FOLDED
            ? false
            : type === Scalar.Scalar.BLOCK_LITERAL
                ? true
                : !lineLengthOverLimit(value, lineWidth, indent.length);
    if (!value)
        return literal ? '|\n' : '>\n';
    // determine chomping from whitespace at value end
    let chomp;
    let endStart;
    for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== '\n' && ch !== '\t' && ch !== ' ')
            break;
    }
    let end = value.substring(endStart);
    const endNlPos = end.indexOf('\n');
    if (endNlPos === -1) {
        chomp = '-'; // strip
    }
    else if (value === end || endNlPos !== end.length - 1) {
        chomp = '+'; // keep
        if (onChompKeep)
            onChompKeep();
    }
    else {
        chomp = ''; // clip
    }
    if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === '\n')
            end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
    }
    // determine indent indicator from whitespace at value start
    let startWithSpace = false;
    let startEnd;
    let startNlPos = -1;
    for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === ' ')
            startWithSpace = true;
        else if (ch === '\n')
            startNlPos = startEnd;
        else
            break;
    }
    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
    if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
    }
    const indentSize = indent ? '2' : '1'; // root is at -1
    // Leading | or > is added later
    let header = (startWithSpace ? indentSize : '') + chomp;
    if (comment) {
        header += ' ' + commentString(comment.replace(/ ?[\r\n]+/g, ' '));
        if (onComment)
            onComment();
    }
    if (!literal) {
        const foldedValue = value
            .replace(/\n+/g, '\n$&')
            .replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, '$1$2') // more-indented lines aren't folded
            //                ^ more-ind. ^ empty     ^ capture next empty lines only at end of indent
            .replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== 'folded' && type !== Scalar.Scalar.BLOCK_FOLDED) {
            foldOptions.onOverflow = () => {
                literalFallback = true;
            };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
            return `>${header}\n${indent}${body}`;
    }
    value = value.replace(/\n+/g, `$&${indent}`);
    return `|${header}\n${indent}${start}${value}${end}`;
}
function plainString(item, ctx, onComment, onChompKeep) {
    const { type, value } = item;
    const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
    if ((implicitKey && value.includes('\n')) ||
        (inFlow && /[[\]{},]/.test(value))) {
        return quotedString(value, ctx);
    }
    if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        // not allowed:
        // - '-' or '?'
        // - start with an indicator character (except [?:-]) or /[?-] /
        // - '\n ', ': ' or ' \n' anywhere
        // - '#' not preceded by a non-space char
        // - end with ' ' or ':'
        return implicitKey || inFlow || !value.includes('\n')
            ? quotedString(value, ctx)
            : blockString(item, ctx, onComment, onChompKeep);
    }
    if (!implicitKey &&
        !inFlow &&
        type !== Scalar.Scalar.PLAIN &&
        value.includes('\n')) {
        // Where allowed & type not set explicitly, prefer block style for multiline strings
        return blockString(item, ctx, onComment, onChompKeep);
    }
    if (containsDocumentMarker(value)) {
        if (indent === '') {
            ctx.forceBlockIndent = true;
            return blockString(item, ctx, onComment, onChompKeep);
        }
        else if (implicitKey && indent === indentStep) {
            return quotedString(value, ctx);
        }
    }
    const str = value.replace(/\n+/g, `$&\n${indent}`);
    // Verify that output will be parsed as a string, as e.g. plain numbers and
    // booleans get parsed with those types in v1.2 (e.g. '42', 'true' & '0.9e-3'),
    // and others in v1.1.
    if (actualString) {
        const test = (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
            return quotedString(value, ctx);
    }
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function stringifyString(item, ctx, onComment, onChompKeep) {
    const { implicitKey, inFlow } = ctx;
    const ss = typeof item.value === 'string'
        ? item
        : Object.assign({}, item, { value: String(item.value) });
    let { type } = item;
    if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        // force double quotes on control characters & unpaired surrogates
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
            type = Scalar.Scalar.QUOTE_DOUBLE;
    }
    const _stringify = (_type) => {
        switch (_type) {
            case Scalar.Scalar.BLOCK_FOLDED:
            case Scalar.Scalar.BLOCK_LITERAL:
                return implicitKey || inFlow
                    ? quotedString(ss.value, ctx) // blocks are not valid inside flow containers
                    : blockString(ss, ctx, onComment, onChompKeep);
            case Scalar.Scalar.QUOTE_DOUBLE:
                return doubleQuotedString(ss.value, ctx);
            case Scalar.Scalar.QUOTE_SINGLE:
                return singleQuotedString(ss.value, ctx);
            case Scalar.Scalar.PLAIN:
                return plainString(ss, ctx, onComment, onChompKeep);
            default:
                return null;
        }
    };
    let res = _stringify(type);
    if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = (implicitKey && defaultKeyType) || defaultStringType;
        res = _stringify(t);
        if (res === null)
            throw new Error(`Unsupported default string type ${t}`);
    }
    return res;
}

exports.stringifyString = stringifyString;


/***/ }),

/***/ 204:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove node');
/**
 * Apply a visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
function visit(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        visit_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current node */
visit.SKIP = SKIP;
/** Remove the current node */
visit.REMOVE = REMOVE;
function visit_(key, node, visitor, path) {
    const ctrl = callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = visit_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = visit_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = visit_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
/**
 * Apply an async visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `Promise`: Must resolve to one of the following values
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
async function visitAsync(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visitAsync.BREAK = BREAK;
/** Do not visit the children of the current node */
visitAsync.SKIP = SKIP;
/** Remove the current node */
visitAsync.REMOVE = REMOVE;
async function visitAsync_(key, node, visitor, path) {
    const ctrl = await callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = await visitAsync_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = await visitAsync_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = await visitAsync_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
function initVisitor(visitor) {
    if (typeof visitor === 'object' &&
        (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
            Alias: visitor.Node,
            Map: visitor.Node,
            Scalar: visitor.Node,
            Seq: visitor.Node
        }, visitor.Value && {
            Map: visitor.Value,
            Scalar: visitor.Value,
            Seq: visitor.Value
        }, visitor.Collection && {
            Map: visitor.Collection,
            Seq: visitor.Collection
        }, visitor);
    }
    return visitor;
}
function callVisitor(key, node, visitor, path) {
    if (typeof visitor === 'function')
        return visitor(key, node, path);
    if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
    if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
    if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
    if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
    if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
    return undefined;
}
function replaceNode(key, path, node) {
    const parent = path[path.length - 1];
    if (identity.isCollection(parent)) {
        parent.items[key] = node;
    }
    else if (identity.isPair(parent)) {
        if (key === 'key')
            parent.key = node;
        else
            parent.value = node;
    }
    else if (identity.isDocument(parent)) {
        parent.contents = node;
    }
    else {
        const pt = identity.isAlias(parent) ? 'alias' : 'scalar';
        throw new Error(`Cannot replace node with ${pt} parent`);
    }
}

exports.visit = visit;
exports.visitAsync = visitAsync;


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(486);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
