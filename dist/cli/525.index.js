export const id = 525;
export const ids = [525];
export const modules = {

/***/ 525:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/core/buildpacks/doctor.ts
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

;// CONCATENATED MODULE: ./src/core/config/hosts.ts
/** The registry hosts a configuration writes to: the final registry and, if set, the intermediate one. */
function registryHosts(config) {
    const prefixes = [
        config.registry,
        ...(config.staging.kind === 'registry' ? [config.staging.registry] : []),
        ...config.images.flatMap(i => i.mirrors ?? [])
    ];
    return [...new Set(prefixes.map(prefix => prefix.split('/')[0]))];
}

;// CONCATENATED MODULE: ./src/core/elf.ts
// ELF identification (the first 20 bytes of a file: e_ident's class and data, e_machine) and
// which machine each OCI platform runs, so an image's executables can be checked against the
// platform it is pushed for without running anything.
/** How many leading bytes `readElf` needs. */
const ELF_HEADER_BYTES = 20;
/** The ELF identity of a file from its first bytes; undefined for anything that is not ELF. */
function readElf(head) {
    if (head.length < ELF_HEADER_BYTES)
        return undefined;
    if (head[0] !== 0x7f || head[1] !== 0x45 || head[2] !== 0x4c || head[3] !== 0x46)
        return undefined;
    const bits = head[4] === 1 ? 32 : head[4] === 2 ? 64 : undefined;
    const endian = head[5] === 1 ? 'le' : head[5] === 2 ? 'be' : undefined;
    if (!bits || !endian)
        return undefined;
    const machine = endian === 'le' ? head[18] | (head[19] << 8) : (head[18] << 8) | head[19];
    return { bits, endian, machine };
}
const MACHINES = {
    3: '32-bit x86 (i386)',
    8: 'MIPS',
    20: 'PowerPC',
    21: 'PowerPC 64',
    22: 's390',
    40: '32-bit ARM',
    62: 'x86-64',
    183: 'AArch64',
    243: 'RISC-V',
    258: 'LoongArch'
};
/** A reader's name for an identity: `x86-64`, `32-bit ARM`, `64-bit PowerPC 64 (big endian)`. */
function describeElf(elf) {
    const name = MACHINES[elf.machine] ?? `machine ${elf.machine}`;
    const natural = NATURAL[elf.machine];
    const bits = natural && natural.bits === elf.bits && natural.endian === elf.endian ? '' : `${elf.bits}-bit `;
    const endian = natural && natural.endian !== elf.endian ? ' (big endian)' : '';
    return `${bits}${name}${endian}`.replace(/^64-bit x86-64$/, 'x86-64');
}
const NATURAL = {
    3: { bits: 32, endian: 'le' },
    40: { bits: 32, endian: 'le' },
    62: { bits: 64, endian: 'le' },
    183: { bits: 64, endian: 'le' },
    22: { bits: 64, endian: 'be' },
    243: { bits: 64, endian: 'le' },
    258: { bits: 64, endian: 'le' }
};
/** What a linux platform's kernel runs natively; undefined for a platform this check does not know. */
function elfForPlatform(platform) {
    const [os, arch] = platform.split('/');
    if (os !== 'linux')
        return undefined;
    switch (arch) {
        case 'amd64':
            return { bits: 64, endian: 'le', machine: 62 };
        case 'arm64':
            return { bits: 64, endian: 'le', machine: 183 };
        case 'arm':
            return { bits: 32, endian: 'le', machine: 40 };
        case '386':
            return { bits: 32, endian: 'le', machine: 3 };
        case 'ppc64le':
            return { bits: 64, endian: 'le', machine: 21 };
        case 'ppc64':
            return { bits: 64, endian: 'be', machine: 21 };
        case 's390x':
            return { bits: 64, endian: 'be', machine: 22 };
        case 'riscv64':
            return { bits: 64, endian: 'le', machine: 243 };
        case 'loong64':
            return { bits: 64, endian: 'le', machine: 258 };
        case 'mips64le':
            return { bits: 64, endian: 'le', machine: 8 };
        default:
            return undefined;
    }
}
function sameElf(a, b) {
    return a.bits === b.bits && a.endian === b.endian && a.machine === b.machine;
}

;// CONCATENATED MODULE: ./src/core/executables.ts
// The executables check: every executable ELF file of a platform's image filesystem must be for
// that platform's machine (class, byte order, e_machine). An arm64 image carrying an x86-64
// binary passes its tests on an amd64 host (the kernel runs it natively), and a 32-bit ARM one
// passes under qemu-arm, yet both fail on a real arm64 node.

/** The name of the check's result among a platform's tests. */
function executablesTestName(platform) {
    return `executables are for ${platform}`;
}
/** A glob over absolute paths: `*` and `?` within one path segment, `**` across segments. */
function globMatcher(patterns) {
    const res = patterns.map(p => {
        let re = '';
        for (let i = 0; i < p.length; i++) {
            const c = p[i];
            if (c === '*' && p[i + 1] === '*') {
                i++;
                if (p[i + 1] === '/') {
                    i++;
                    re += '(?:.*/)?';
                }
                else
                    re += '.*';
            }
            else if (c === '*')
                re += '[^/]*';
            else if (c === '?')
                re += '[^/]';
            else
                re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
        }
        // A directory pattern covers what is under it.
        return new RegExp(`^${re}(?:/.*)?$`);
    });
    return path => res.some(re => re.test(path));
}
/** Collects a platform's tar entries; `result()` is the finding once the stream ended. */
class ExecutablesCheck {
    platform;
    expected;
    checked = 0;
    elf = 0;
    ignored = 0;
    foreign = [];
    ignore;
    constructor(platform, expected, ignore) {
        this.platform = platform;
        this.expected = expected;
        this.ignore = globMatcher(ignore);
    }
    /** Undefined when this check does not know the platform's machine. */
    static for(platform, ignore) {
        const expected = elfForPlatform(platform);
        return expected ? new ExecutablesCheck(platform, expected, ignore) : undefined;
    }
    /** The first bytes an entry needs to be judged. */
    static headBytes = ELF_HEADER_BYTES;
    add(entry) {
        if (entry.type !== '0' && entry.type !== '\0' && entry.type !== '7')
            return;
        if ((entry.mode & 0o111) === 0)
            return;
        this.checked++;
        const elf = readElf(entry.head);
        if (!elf)
            return;
        this.elf++;
        if (sameElf(elf, this.expected))
            return;
        const path = `/${entry.path.replace(/^\.?\/+/, '')}`;
        if (this.ignore(path)) {
            this.ignored++;
            return;
        }
        this.foreign.push({ path, architecture: describeElf(elf) });
    }
    result() {
        return {
            platform: this.platform,
            checked: this.checked,
            elf: this.elf,
            foreign: [...this.foreign].sort((a, b) => a.path.localeCompare(b.path)),
            ignored: this.ignored
        };
    }
}
/** The failed check's one-line reason: each offending path with its architecture, and the fix. */
function describeForeign(finding, limit = 20) {
    const expected = describeElf(elfForPlatform(finding.platform));
    const shown = finding.foreign.slice(0, limit).map(f => `${f.path} (${f.architecture})`);
    const more = finding.foreign.length > limit ? `, and ${finding.foreign.length - limit} more` : '';
    return (`${finding.foreign.length} executable(s) of this ${finding.platform} image are not for ${expected} and fail with "exec format error" on a real ${finding.platform} node: ` +
        `${shown.join(', ')}${more}; install the ${finding.platform} build of each, or list a deliberate multi-architecture payload under \`executables.ignore\``);
}

;// CONCATENATED MODULE: ./src/core/annotations.ts
// Findings at a position in a file: failed tests at the line of the configuration file that defines
// them, configuration errors at their key. GitHub shows them next to the code, GitLab in its code
// quality report.

/** One error annotation per failed test (or per image that failed without a test), at `file`. */
function failureAnnotations(images, config, source, file) {
    const out = [];
    const at = (paths) => {
        for (const path of paths) {
            const p = source.position(path);
            if (p)
                return { file, line: p.line, col: p.col };
        }
        return { file };
    };
    for (const image of images.filter(i => i.status !== 'passed')) {
        const index = config.images.findIndex(i => i.name === image.name);
        const entry = config.images[index];
        const path = `images[${index}]`;
        const failed = image.platforms.flatMap(p => p.tests.filter(t => t.status !== 'passed'));
        if (!entry || failed.length === 0) {
            out.push({ level: 'error', message: `${image.name}: ${image.reason ?? image.status}`, where: at([path]) });
            continue;
        }
        for (const test of failed) {
            const k = entry.test.commands.findIndex(c => c.name === test.name);
            const how = test.error ?? (test.exitCode !== undefined ? `exit code ${test.exitCode}` : test.status);
            const last = test.outputTail.trim().split('\n').pop();
            out.push({
                level: 'error',
                message: `${image.name}: test \`${test.name}\` ${test.status} on ${test.platform} (${how})${last && !test.error ? `: ${last}` : ''}`,
                where: test.name === executablesTestName(test.platform)
                    ? at([`${path}.executables`, `${path}.platforms`, path])
                    : at([
                        ...(test.at !== undefined
                            ? [`${path}.${test.at}`]
                            : [`${path}.test[${k}]`, `${path}.test.commands[${k}]`]),
                        `${path}.test`,
                        path
                    ])
            });
        }
    }
    return out;
}
/** Configuration diagnostics of `file` as annotations. */
function diagnosticAnnotations(file, diagnostics) {
    return diagnostics.map(d => ({
        level: d.severity === 'warning' ? 'warning' : 'error',
        message: d.message,
        where: { file, line: d.line, col: d.col }
    }));
}

;// CONCATENATED MODULE: ./src/core/config/diagnostics.ts
/** `FILE:LINE:COL: message`, with `warning: ` before the message of a warning. */
function formatDiagnostic(file, d) {
    return `${file}:${d.line}:${d.col}: ${d.severity === 'warning' ? 'warning: ' : ''}${d.message}`;
}
function sortDiagnostics(list) {
    return [...list].sort((a, b) => a.line - b.line || a.col - b.col);
}
/**
 * At most `max` diagnostics in file order and, when there are more, one more line at the first one
 * left out that counts them, so that an error storm stays readable.
 */
function boundDiagnostics(list, max) {
    const sorted = sortDiagnostics(list);
    const omitted = sorted[max];
    if (!omitted)
        return sorted;
    const more = sorted.length - max;
    return [
        ...sorted.slice(0, max),
        {
            line: omitted.line,
            col: omitted.col,
            message: `and ${more} more problem${more === 1 ? '' : 's'} from here on (only the first ${max} are listed); fix these first`,
            ...(sorted.slice(max).every(d => d.severity === 'warning') ? { severity: 'warning' } : {})
        }
    ];
}

;// CONCATENATED MODULE: ./src/core/errors.ts
// Exit codes are a contract (docs/cli.md): 0 success, 1 a test failed or promotion was refused,
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
/** Problems at positions of one configuration file; the message shows each as `FILE:LINE:COL: message`. */
class ConfigError extends ImagegateError {
    file;
    diagnostics;
    constructor(file, diagnostics) {
        super(diagnostics.map(d => formatDiagnostic(file, d)).join('\n'), EXIT.usage);
        this.file = file;
        this.diagnostics = diagnostics;
    }
    /** Each diagnostic as `FILE:LINE:COL: message`. */
    get lines() {
        return this.diagnostics.map(d => formatDiagnostic(this.file, d));
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

;// CONCATENATED MODULE: ./src/core/outputs.ts
// What a run hands to the jobs and steps after it, computed once per run: the scenario, the plan,
// the digests, the tags and refs it wrote, the full report. Rendered for GitHub (step outputs, the
// names action.yml declares) and for GitLab (an artifacts:reports:dotenv file, one line per value).
/** Before anything ran (plan, or a step with nothing to do): the scenario and the plan. */
function planOutputs(plan) {
    return { scenario: plan.scenario.value, plan, images: [], tags: [], refs: [], pushed: false };
}
function gateOutputs(report, extra = {}) {
    return {
        scenario: report.scenario,
        ...(extra.plan ? { plan: extra.plan } : {}),
        images: report.images.map(i => ({ name: i.name, ...(i.digest ? { digest: i.digest } : {}) })),
        tags: report.images.flatMap(i => (i.pushed ? [withoutDigest(i.pushed.ref)] : [])),
        refs: report.refs,
        pushed: report.pushed,
        results: report,
        ...(extra.junit ? { junit: extra.junit } : {}),
        ...(extra.records ? { records: extra.records } : {})
    };
}
function publishOutputs(report, plan) {
    return {
        scenario: report.scenario,
        ...(plan ? { plan } : {}),
        images: report.images.map(i => ({ name: i.name, digest: i.digest })),
        tags: report.images.flatMap(i => i.tags.map(t => withoutDigest(t.ref))),
        refs: report.refs,
        pushed: report.refs.length > 0,
        results: report
    };
}
/** `merge`: the assembled index of each image, under its staging tag (a gate-side write). */
function mergeOutputs(report, plan) {
    return {
        scenario: 'gate',
        ...(plan ? { plan } : {}),
        images: report.images.map(i => ({ name: i.name, digest: i.digest })),
        tags: report.images.map(i => i.ref),
        refs: report.refs,
        pushed: report.refs.length > 0,
        results: report
    };
}
/**
 * The step outputs action.yml declares: `digest` (the digest when there is one image, else a JSON
 * object name → digest), `digests`, `refs` and `tags` (one per line), `pushed`, `results`, `plan`,
 * `junit`, `records`. Only what the run knows is set.
 */
function githubOutputs(outputs) {
    const out = {};
    if (outputs.scenario)
        out.scenario = outputs.scenario;
    if (outputs.plan)
        out.plan = JSON.stringify(outputs.plan);
    if (outputs.results !== undefined) {
        const digests = Object.fromEntries(outputs.images.map(i => [i.name, i.digest ?? '']));
        const only = outputs.images.length === 1 ? outputs.images[0] : undefined;
        out.digest = only ? (only.digest ?? '') : JSON.stringify(digests);
        out.digests = JSON.stringify(digests);
        out.refs = outputs.refs.join('\n');
        out.tags = outputs.tags.join('\n');
        out.results = JSON.stringify(outputs.results);
    }
    out.pushed = String(outputs.pushed);
    if (outputs.junit)
        out.junit = outputs.junit;
    if (outputs.records)
        out.records = outputs.records;
    return out;
}
/**
 * IMAGEGATE_SCENARIO, IMAGEGATE_DIGEST (the digest when there is one image, else `name=digest`
 * pairs), IMAGEGATE_DIGEST_<NAME> per image, IMAGEGATE_TAGS and IMAGEGATE_REFS (space-separated),
 * IMAGEGATE_PUSHED (`true`/`false`).
 */
function renderDotenv(outputs) {
    const entries = outputs.images.flatMap(i => (i.digest ? [[i.name, i.digest]] : []));
    const digest = entries.length === 1 ? entries[0][1] : entries.map(([name, value]) => `${name}=${value}`).join(' ');
    const lines = [
        ['IMAGEGATE_SCENARIO', outputs.scenario ?? ''],
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
    lines.push(`  credentials: ${plan.credentials.reason}`);
    for (const key of ['sha', 'branch', 'tag']) {
        const fact = plan.git[key];
        if (fact)
            lines.push(row(`git ${key}`, fact.value, fact.source, 2));
    }
    if (plan.selected)
        lines.push(row('images', plan.selected.value.join(', '), plan.selected.source, 2));
    for (const key of ['description', 'url', 'licenses']) {
        const fact = plan.repository?.[key];
        if (fact)
            lines.push(row(`oci ${key}`, fact.value, fact.source, 2));
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
    fact('mirrors', image.mirrors, v => v.join(', '));
    if (image.identity.value) {
        const id = image.identity.value;
        const detail = `context tree ${id.contextTree.slice(0, 12)}, config ${id.configHash.slice(0, 12)}${id.dirty ? ', uncommitted changes' : ''}`;
        out.push(row('source identity', `${id.key} (${detail})`, image.identity.source));
    }
    else {
        out.push(row('source identity', `unavailable: ${image.identity.error ?? 'unknown'}`, image.identity.source));
    }
    fact('tests', image.tests, v => testCounts(Number(v), image.testsByPlatform));
    for (const [platform, names] of Object.entries(image.checks ?? {}))
        if (names.length)
            out.push(row(`checks ${platform}`, names.join(', '), 'test.files, test.metadata'));
    out.push(...renderContract(image.contract));
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
function renderContract(contract) {
    if (!contract)
        return [];
    const out = [];
    const details = (r) => {
        for (const d of r.settings)
            out.push(row(d.setting, d.value, d.source, 6));
        for (const d of r.unsupported)
            out.push(row('not honoured', `${d.setting}: ${d.value}`, d.source, 6));
        for (const d of r.notReproducible)
            out.push(row('not reproducible', `${d.setting}: ${d.value} (give a stand-in)`, d.source, 6));
    };
    const image = contract.image;
    if (image) {
        out.push(row('run-as', `${image.spec}: ${image.what}`, image.source));
        out.push(row('  commands', image.commands.length
            ? `${image.commands.join(', ')}: run with these (a command's own user and env win)`
            : 'none to confine', ''));
        details(image);
    }
    for (const service of contract.services) {
        const r = service.runAs;
        out.push(row(`service ${service.name}`, r ? `run-as ${r.spec}${service.inherited ? ' (the image’s)' : ''}: ${r.what}` : 'the image’s own settings', r?.source ?? service.source));
        if (r)
            details(r);
    }
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
/** `2 command(s)`, or `2 command(s): 2 on linux/amd64, 1 on linux/arm64` when some are limited to platforms. */
function testCounts(total, byPlatform) {
    const counts = Object.entries(byPlatform);
    if (counts.every(([, n]) => n === total))
        return `${total} command(s)`;
    return `${total} command(s): ${counts.map(([p, n]) => `${n} on ${p}`).join(', ')}`;
}

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

;// CONCATENATED MODULE: ./src/oci/descriptor.ts
// An OCI content descriptor, with the image-spec's JSON field names kept verbatim.
/** buildx attaches provenance/SBOM as `unknown/unknown` manifests that point at the image they describe. */
function isAttestation(d) {
    return d.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest';
}
/** A descriptor with only the fields the image-spec defines, in its order (what an index lists). */
function plainDescriptor(d) {
    return {
        mediaType: d.mediaType,
        digest: d.digest,
        size: d.size,
        ...(d.platform ? { platform: d.platform } : {}),
        ...(d.annotations ? { annotations: d.annotations } : {}),
        ...(d.artifactType ? { artifactType: d.artifactType } : {})
    };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/oci/digest.ts
// Content digests: every manifest and blob is named by the sha256 of its exact bytes.

const DIGEST_RE = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
function sha256Digest(bytes) {
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex')}`;
}
function isValidDigest(digest) {
    return DIGEST_RE.test(digest);
}
/**
 * Why `digest` cannot name content in a registry path, or undefined when it can: the general
 * grammar, and for the algorithms the image-spec registers their exact length in lowercase hex.
 */
function digestProblem(digest) {
    const exact = { sha256: 64, sha512: 128 };
    const [algorithm = '', encoded = ''] = digest.split(':', 2);
    const length = exact[algorithm];
    const ok = isValidDigest(digest) && (length === undefined || new RegExp(`^[a-f0-9]{${length}}$`).test(encoded));
    return ok ? undefined : `\`${digest}\` is not a digest (expected \`sha256:\` and 64 lowercase hex digits)`;
}

;// CONCATENATED MODULE: ./src/oci/media-types.ts
// The media types imagegate reads and writes (OCI image-spec and Docker distribution).
const MEDIA = {
    ociIndex: 'application/vnd.oci.image.index.v1+json',
    ociManifest: 'application/vnd.oci.image.manifest.v1+json',
    dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
    dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
    ociEmpty: 'application/vnd.oci.empty.v1+json'
};
/** The Accept header for a manifest GET or HEAD: every manifest kind imagegate understands. */
const MANIFEST_ACCEPT = [MEDIA.ociIndex, MEDIA.dockerList, MEDIA.ociManifest, MEDIA.dockerManifest].join(', ');
function isIndexMediaType(mediaType) {
    return mediaType === MEDIA.ociIndex || mediaType === MEDIA.dockerList;
}

;// CONCATENATED MODULE: ./src/oci/image-index.ts
// The one place imagegate writes an image index: exactly the descriptors given, in their order.



/** An OCI index over `manifests`; refuses a manifest listed twice (two platforms claiming one image). */
function buildIndex(manifests) {
    const seen = new Set();
    for (const m of manifests) {
        if (seen.has(m.digest))
            throw new DuplicateManifest(m.digest);
        seen.add(m.digest);
    }
    const bytes = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MEDIA.ociIndex, manifests: manifests.map(plainDescriptor) }));
    return { bytes, mediaType: MEDIA.ociIndex, digest: sha256Digest(bytes) };
}
class DuplicateManifest extends Error {
    digest;
    constructor(digest) {
        super(`the index would list the manifest ${digest} twice`);
        this.digest = digest;
        this.name = 'DuplicateManifest';
    }
}

;// CONCATENATED MODULE: ./src/oci/platform.ts
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
/** A descriptor's platform as text; `unknown` where it has none (attestations, artifacts). */
function platformText(p) {
    return p ? formatPlatform(p) : 'unknown';
}
/** Docker's normalisation: `linux/arm64/v8` and `linux/arm64` are the same platform. */
function samePlatform(a, b) {
    return normalText(a) === normalText(b);
}
function normalText(p) {
    return formatPlatform(p.architecture === 'arm64' && p.variant === 'v8' ? { os: p.os, architecture: 'arm64' } : p);
}
/** Compares two platform strings as platforms (`linux/arm64/v8` = `linux/arm64`). */
function samePlatformText(a, b) {
    return platformKey(a) === platformKey(b);
}
/** One text for each platform, equal for two strings exactly when samePlatformText says so (for sets and maps). */
function platformKey(text) {
    const p = parsePlatform(text);
    return p.ok ? normalText(p.value) : text;
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
    try {
        return buildIndex(parts.flatMap(p => p.entries));
    }
    catch (e) {
        if (e instanceof DuplicateManifest)
            throw new MergeRefused(`two platforms share the manifest ${e.digest}`);
        throw e;
    }
}

;// CONCATENATED MODULE: ./src/core/results.ts
// What a check or gate run found: per image, per platform, per test. Rendered as JSON (--json),
// GitHub outputs and summary, JUnit XML and the terminal summary.
function countTests(images) {
    const tests = images.flatMap(i => i.platforms.flatMap(p => p.tests));
    const passed = tests.filter(t => t.status === 'passed').length;
    return { passed, failed: tests.length - passed };
}
/**
 * What to keep of output that is still streaming in: its last `bytes` characters, from a line start
 * where one is near. Nothing is trimmed, so chunks join as they were written (`tail` trims once, at the end).
 */
function keepLast(text, bytes) {
    if (text.length <= bytes)
        return text;
    const cut = text.slice(-bytes);
    const newline = cut.indexOf('\n');
    return newline >= 0 && newline < cut.length - 1 ? cut.slice(newline + 1) : cut;
}
/**
 * Why docker could not start a container (exit 125): its own error line, not the
 * "Run 'docker run --help'" hint it prints after it.
 */
function dockerStartFailure(output) {
    const lines = output
        .split(/\r?\n/)
        .map(l => l.trim())
        .filter(Boolean);
    const cause = lines.find(l => /^docker: /.test(l) || /Error response from daemon/.test(l)) ??
        [...lines].reverse().find(l => !/^Run '.*--help' for more information/.test(l) && !/^See '.*--help'/.test(l));
    return (cause ?? '(no output)').replace(/^docker: (Error response from daemon: )?/, '');
}
/** Keeps the last `lines` lines (and at most `bytes` characters) of a command's output. */
function tail(text, lines = 20, bytes = 4000) {
    const kept = text.replace(/\s+$/, '').split('\n').slice(-lines).join('\n');
    return kept.length > bytes ? `…${kept.slice(-bytes)}` : kept;
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
                lines.push(`      ${MARK[test.status] ?? test.status} ${test.name}  ${seconds(test.durationMs)}${exit}${test.error ? `  ${test.error}` : ''}`);
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
            lines.push(`| ${image.name} | — | — | ${image.status}: ${cell(image.reason ?? '')} | — |`);
        for (const platform of image.platforms) {
            const passed = platform.tests.filter(t => t.status === 'passed').length;
            const failed = platform.tests
                .filter(t => t.status !== 'passed')
                .map(t => `${t.name} (${t.status}${t.error ? `: ${t.error}` : ''})`);
            const tests = `${passed}/${platform.tests.length} passed${failed.length ? `; ${failed.join(', ')}` : ''}`;
            const digest = platform.manifestDigest ?? image.digest ?? '—';
            lines.push(`| ${image.name} | ${platform.platform}${platform.emulated ? ' (QEMU)' : ''} | \`${summary_short(digest)}\` | ${cell(tests)} | ${seconds(platform.durationMs)} |`);
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
function seconds(ms) {
    return `${(ms / 1000).toFixed(1)}s`;
}
function summary_short(digest) {
    return digest.replace(/^(sha256:[0-9a-f]{12})[0-9a-f]+$/, '$1…');
}
function indent(lines, prefix) {
    return lines.map(l => `${prefix}${l}`);
}
function cell(text) {
    return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
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
            headCheckedOut: true,
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
        headCheckedOut: true,
        trusted: false,
        reason: `${inference.reason}; the pull request's head is checked out (${trust_short(opts.checkoutSha)}), so nothing is pushed: ${why}`
    };
}
function credentialPolicy(inference) {
    if (!inference.trusted)
        return {
            use: 'none',
            reason: `no credentials on this run (it may not write: ${inference.reason}): no login, no docker config, no build secret from the job's environment`
        };
    if (inference.headCheckedOut)
        return {
            use: 'named-registries',
            reason: "the pull request's head is checked out, so its .imagegate.yml cannot name where credentials go: only the registries the workflow names (`registries`, IMAGEGATE_REGISTRIES) receive them"
        };
    return { use: 'configuration', reason: "the repository's configuration: its registries receive the run's credentials" };
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

;// CONCATENATED MODULE: ./src/core/builder.ts
// The one interface every way of building sits behind (buildx today, buildpacks next), so check,
// gate and promote do not care which built the image.
/** Local names never leave the engine: this registry host does not exist. */
const LOCAL_REGISTRY = 'imagegate.local';
/** This run's local tag for an image: FROM resolves a tag locally (a digest would go to a registry). */
function localTagFor(name, runId) {
    return `${LOCAL_REGISTRY}/${name}:run-${runId}`;
}

;// CONCATENATED MODULE: ./src/core/buildpacks/labels.ts
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

;// CONCATENATED MODULE: ./src/oci/reference.ts
// Image references after the distribution reference grammar
// (github.com/distribution/reference, reference.go): name [":" tag] ["@" digest].

const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN_NAME = `${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*`;
const IPV6 = '\\[(?:[a-fA-F0-9:]+)\\]';
const DOMAIN = `(?:${DOMAIN_NAME}|${IPV6})(?::[0-9]+)?`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const TAG = '[\\w][\\w.-]{0,127}';
const DOMAIN_RE = new RegExp(`^${DOMAIN}$`);
const PATH_COMPONENT_RE = new RegExp(`^${PATH_COMPONENT}$`);
const TAG_RE = new RegExp(`^${TAG}$`);
const NAME_MAX = 255;
/** True when the first path component names a registry host, as docker decides it. */
function looksLikeRegistryHost(component) {
    return component === 'localhost' || component.includes('.') || component.includes(':') || /[A-Z]/.test(component);
}
/** A registry as references name it: `host[:port]`, `[v6]:port`. */
function isValidRegistryHost(host) {
    return DOMAIN_RE.test(host);
}
/** The longest `registry/repository` name the distribution grammar allows. */
const NAME_MAX_LENGTH = NAME_MAX;
function isValidTag(tag) {
    return TAG_RE.test(tag);
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
function sameRepository(a, b) {
    return a.registry === b.registry && a.repository === b.repository;
}

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
    const host = parseReference(req.image);
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
    return external_node_path_.posix.join(CNB_PATHS.buildpacks, escapeBuildpackId(bp.id), bp.version);
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
        throw new UsageError(`builder.buildpacks.env: ${envFiles.error}`);
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
        onOutput: chunk => void (output = keepLast(output + chunk, 32000))
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
        const ref = parseReference(uri.slice('docker://'.length));
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
            throw new InfrastructureError(`cannot fetch buildpack ${bp.uri} for ${platform}: ${lastLine(created.stderr)}`);
        try {
            const copied = await docker.run(['cp', `${name}:/cnb/buildpacks/.`, target]);
            if (copied.exitCode !== 0)
                throw new InfrastructureError(`buildpack ${bp.uri} has no /cnb/buildpacks: ${lastLine(copied.stderr)}`);
        }
        finally {
            await docker.run(['rm', name]);
        }
        for (const id of await (0,promises_.readdir)(target))
            for (const version of await (0,promises_.readdir)((0,external_node_path_.join)(target, id)))
                mounts.push({ id: id === escapeBuildpackId(bp.id) ? bp.id : id, version, hostDir: (0,external_node_path_.join)(target, id, version) });
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
        onOutput: chunk => void (output = keepLast(output + chunk, 32000))
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

;// CONCATENATED MODULE: ./src/oci/manifest.ts
// Image manifests and indexes as registries store them (OCI image-spec and Docker distribution
// shapes, JSON field names verbatim), and what imagegate needs to read from them.

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
/** The descriptor of stored manifest bytes, as an index lists it. */
function describeManifest(m) {
    return { mediaType: m.mediaType, digest: m.digest, size: m.bytes.length };
}

;// CONCATENATED MODULE: ./src/io/buildpacks/image-config.ts
// An image's config (labels above all) straight from its registry: the manifest (by way of the
// index for a multi-platform image) and the config blob. No layer is fetched.




async function readImageConfig(client, ref, platform) {
    const parsed = parseReference(ref);
    if (!parsed.ok)
        throw new InfrastructureError(`cannot read ${ref}: ${parsed.error}`);
    const repo = { registry: parsed.value.registry, repository: parsed.value.repository };
    let requests = 1;
    const top = await client.getManifest(repo, parsed.value.digest ?? parsed.value.tag ?? 'latest');
    if (!top)
        throw new InfrastructureError(`${ref} does not exist in its registry; check the reference (and that production still has it)`);
    let doc = parseManifest(top);
    if (doc.kind === 'index') {
        const child = doc.index.manifests.find(m => platformText(m.platform) === platform);
        if (!child) {
            const has = doc.index.manifests.map(m => platformText(m.platform)).join(', ');
            throw new InfrastructureError(`${ref} has no ${platform} image (it has ${has}); build only platforms it has`);
        }
        requests++;
        const m = await client.getManifest(repo, child.digest);
        if (!m)
            throw new InfrastructureError(`${ref}: its ${platform} manifest ${child.digest} is missing from the registry`);
        doc = parseManifest(m);
    }
    if (doc.kind !== 'image')
        throw new InfrastructureError(`${ref}: a nested index is not an image`);
    requests++;
    const config = (await client.getJsonBlob(repo, doc.manifest.config));
    return { digest: top.digest, labels: config.config?.Labels ?? {}, requests };
}

;// CONCATENATED MODULE: ./src/io/buildpacks/preflight.ts
// The buildpacks preflight: what the builder and the injected buildpacks say about themselves
// (their labels, read from the registry: manifest and config blob, no layers), the app's runtime
// pins, and the verdict — before anything is pulled or built.








const PIN_FILES = ['.python-version', 'runtime.txt', 'package.json'];
async function buildpacksPreflight(opts) {
    const { client, config, log } = opts;
    const out = { failures: [], injected: [], requests: 0 };
    const builderConfig = await readImageConfig(client, config.image, opts.platform);
    out.requests += builderConfig.requests;
    const info = parseBuilderLabels(builderConfig.labels, config.image);
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
            const remote = await readImageConfig(client, ref, platform);
            const bp = parseBuildpackageLabels(remote.labels, ref);
            return bp.ok
                ? { injection: { ...bp.value, uri, fromBuilder: false, position }, requests: remote.requests }
                : { error: bp.error, requests: remote.requests };
        }
        case 'builder':
            return { injection: { id: parsed.id, version: parsed.version ?? '', uri, fromBuilder: true, position }, requests: 0 };
        case 'file': {
            const toml = await (0,promises_.readFile)((0,external_node_path_.join)(parsed.path, 'buildpack.toml'), 'utf8').catch(() => undefined);
            const bp = toml ? parseBuildpackToml(toml) : undefined;
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

;// CONCATENATED MODULE: ./src/io/buildpacks/publish.ts
// The per-platform images of a buildpacks build joined into one index in the build registry, then
// pulled by digest into the engine (every platform), where the tests run and gate pushes from.





async function publishIndex(opts) {
    const { client, docker, repo } = opts;
    const children = [];
    for (const image of opts.images) {
        const m = await client.getManifest(repo, image.digest);
        if (!m)
            throw new InfrastructureError(`${repo.registry}/${repo.repository}@${image.digest} vanished from the build registry`);
        const platform = parsePlatform(image.platform);
        if (!platform.ok)
            throw new InfrastructureError(`${image.platform}: ${platform.error}`);
        children.push({ ...describeManifest(m), platform: platform.value });
    }
    const digest = await client.putManifest(repo, opts.tag, buildIndex(children));
    const byDigest = `${repo.registry}/${repo.repository}@${digest}`;
    for (const image of opts.images) {
        const pulled = await docker.run(['pull', '--quiet', '--platform', image.platform, byDigest]);
        if (pulled.exitCode !== 0)
            throw new InfrastructureError(`pulling ${byDigest} (${image.platform}) failed: ${lastLine(pulled.stderr)}`);
    }
    await docker.output(['tag', byDigest, opts.localRef]);
    const [id = '', user = ''] = (await docker.output(['image', 'inspect', '--format', '{{.Id}} {{.Config.User}}', opts.localRef]))
        .trim()
        .split(' ');
    if (id !== digest)
        throw new InfrastructureError(`the engine holds ${opts.localRef} as ${id}, not the built ${digest}`);
    return { digest, user };
}

;// CONCATENATED MODULE: ./src/io/buildpacks/builder.ts
// Builds a buildpacks image exactly as production does: the preflight first (labels only, nothing
// pulled), then one build per platform with the pinned builder — pack, or the builder's own
// creator — published to a build registry on this machine, joined into one index and pulled by
// digest. From there on check, gate and promote treat it like any other built image.














const BUILD_REGISTRY_ENV = 'IMAGEGATE_BUILD_REGISTRY';
/** The build registry's host (`localhost:5000/imagegate-build` → `localhost:5000`), which needs a login of its own. */
function buildRegistryHost(buildRegistry) {
    return buildRegistry.split('/')[0];
}
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
        const ref = parseReference(`${prefix}/${name}`);
        if (!ref.ok)
            throw new UsageError(`${BUILD_REGISTRY_ENV}=${prefix}: ${ref.error}; write a registry on this machine, e.g. localhost:5000/imagegate-build`);
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
        outputTail: tail(built.output)
    };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/registry/credentials.ts
// The run's one credential model: where registry credentials come from, per registry host, in this order:
//   1. the run's explicit login for that host (the action's `registry-auths`, or
//      IMAGEGATE_REGISTRY_USER_<HOST> + IMAGEGATE_REGISTRY_PASSWORD_<HOST>), else the run's one explicit
//      login (action inputs, or IMAGEGATE_REGISTRY_USER + IMAGEGATE_REGISTRY_PASSWORD), for the hosts the
//      run names (its `explicitHosts`) only: a login for a host never goes to another;
//   2. docker's config.json: credHelpers[host] (a docker-credential-* helper), else auths[host]
//      (`auth` = base64 user:pass, or `username`/`password`, or `identitytoken`), else the global credsStore helper;
//   3. nothing: anonymous.
// Helpers speak the docker-credential-helpers protocol: `get`, the server URL on stdin, JSON on stdout.
// Every secret seen is remembered for log masking, and no error message ever contains one.





const ENV_USER = 'IMAGEGATE_REGISTRY_USER';
const ENV_PASSWORD = 'IMAGEGATE_REGISTRY_PASSWORD';
const ENV_SOURCE = `${ENV_USER}/PASSWORD`;
/** The explicit login of IMAGEGATE_REGISTRY_USER / IMAGEGATE_REGISTRY_PASSWORD in an environment. */
function environmentLogin(vars) {
    return {
        ...(vars[ENV_USER] ? { username: vars[ENV_USER] } : {}),
        ...(vars[ENV_PASSWORD] ? { password: vars[ENV_PASSWORD] } : {}),
        names: [ENV_USER, ENV_PASSWORD],
        source: ENV_SOURCE
    };
}
/** `ghcr.io` → `GHCR_IO`, `localhost:5002` → `LOCALHOST_5002`: the suffix of a host's own login variables. */
function hostVariableSuffix(host) {
    return canonicalHost(host)
        .toUpperCase()
        .replace(/[^A-Z0-9]/g, '_');
}
const HOST_USER = /^IMAGEGATE_REGISTRY_USER_([A-Z0-9_]+)$/;
/**
 * The per-host logins of an environment: IMAGEGATE_REGISTRY_USER_<HOST> and
 * IMAGEGATE_REGISTRY_PASSWORD_<HOST> for each host the run may name (`hosts`, matched by suffix).
 */
function environmentHostLogins(vars, hosts) {
    const bySuffix = new Map(hosts.map(h => [hostVariableSuffix(h), canonicalHost(h)]));
    const out = [];
    for (const name of Object.keys(vars)) {
        const suffix = HOST_USER.exec(name)?.[1];
        const host = suffix !== undefined ? bySuffix.get(suffix) : undefined;
        if (!suffix || !host)
            continue;
        const password = `IMAGEGATE_REGISTRY_PASSWORD_${suffix}`;
        out.push({
            host,
            ...(vars[name] ? { username: vars[name] } : {}),
            ...(vars[password] ? { password: vars[password] } : {}),
            names: [name, password],
            source: `${name}/PASSWORD_${suffix}`
        });
    }
    return out;
}
/** Whether a variable holds a per-host registry password (kept from the programs imagegate starts). */
function isHostPasswordVariable(name) {
    return name.startsWith('IMAGEGATE_REGISTRY_PASSWORD_');
}
/** The key docker writes Docker Hub credentials under. */
const DOCKER_HUB_KEY = 'https://index.docker.io/v1/';
const DOCKER_HUB_HOSTS = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
/** What a credential helper prints when it holds nothing for the server. */
const NOT_FOUND = /credentials not found/i;
const TOKEN_USERNAME = '<token>';
/** Resolves and caches credentials per registry host; see the top of this file for the order. */
class CredentialStore {
    opts;
    explicitHosts;
    cache = new Map();
    seen = new Set();
    config;
    constructor(opts) {
        this.opts = opts;
        this.explicitHosts = new Set((opts.explicitHosts ?? []).map(canonicalHost));
        // Mask the explicit passwords from the start, even before (or without) them being used.
        for (const { username, password } of [opts.login ?? {}, ...(opts.hostLogins ?? [])]) {
            if (password)
                this.remember(password);
            if (username && password)
                this.remember(basicAuth(username, password));
        }
    }
    /**
     * The explicit login as docker logins, one per host it may go to (none without a login); half a
     * login (a user without a password) is a UsageError naming both settings.
     */
    logins() {
        return [...new Set(this.opts.explicitHosts ?? [])].flatMap(host => {
            const resolved = this.fromExplicit(canonicalHost(host));
            return resolved?.credentials.kind === 'basic' ? [{ host, ...resolved.credentials }] : [];
        });
    }
    /** Where the explicit login came from, for messages: `IMAGEGATE_REGISTRY_USER and IMAGEGATE_REGISTRY_PASSWORD`. */
    loginSettings() {
        const [user, pass] = this.opts.login?.names ?? [ENV_USER, ENV_PASSWORD];
        return `${user} and ${pass}`;
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
        const explicit = this.fromExplicit(host);
        if (explicit)
            return explicit;
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
    fromExplicit(host) {
        const own = this.opts.hostLogins?.find(l => canonicalHost(l.host) === host);
        const login = own ?? this.opts.login;
        if (!login || (!login.username && !login.password))
            return undefined;
        const { username, password } = login;
        if (!username || !password) {
            const [user, pass] = login.names;
            const [set, unset] = username ? [user, pass] : [pass, user];
            throw new UsageError(`${set} is set but ${unset} is not; set both ${user} and ${pass}, or neither (then docker's config.json is used)`);
        }
        if (!this.explicitHosts.has(host))
            return undefined;
        return { credentials: { kind: 'basic', username, password }, source: login.source };
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
        const path = await findProgram(program, this.opts.path);
        if (!path)
            throw missing();
        const serverUrl = host === 'docker.io' ? DOCKER_HUB_KEY : host;
        let result;
        try {
            result = await this.opts.exec.run(path, ['get'], { input: serverUrl });
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
        this.config ??= this.opts.dockerConfigDir
            ? readDockerConfig((0,external_node_path_.join)(this.opts.dockerConfigDir, 'config.json')).catch((e) => {
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
        text = await (0,promises_.readFile)(file, 'utf8');
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
    for (const dir of pathList.split(external_node_path_.delimiter)) {
        if (!dir)
            continue;
        const candidate = (0,external_node_path_.join)(dir, name);
        try {
            await (0,promises_.access)(candidate, external_node_fs_.constants.X_OK);
            if ((await (0,promises_.stat)(candidate)).isFile())
                return candidate;
        }
        catch {
            // not here
        }
    }
    return undefined;
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/oci/referrers.ts
// OCI 1.1 referrers (distribution-spec "Listing Referrers", image-spec `subject` and `artifactType`):
// the artifacts that name a manifest as their subject (signatures, attestations, SBOMs, imagegate's
// own records), the fallback tag schema of registries without the referrers API, and the one place
// imagegate builds an artifact manifest.



/** The empty JSON object: config (and only layer) of an artifact that carries everything in annotations. */
const EMPTY_JSON = Buffer.from('{}');
const EMPTY_DESCRIPTOR = {
    mediaType: MEDIA.ociEmpty,
    digest: sha256Digest(EMPTY_JSON),
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
        mediaType: MEDIA.ociManifest,
        artifactType: opts.artifactType,
        config: EMPTY_DESCRIPTOR,
        layers: [EMPTY_DESCRIPTOR],
        subject: { mediaType: opts.subject.mediaType, digest: opts.subject.digest, size: opts.subject.size },
        annotations: opts.annotations
    };
    const bytes = Buffer.from(JSON.stringify(doc));
    return { bytes, mediaType: MEDIA.ociManifest, digest: sha256Digest(bytes) };
}
/**
 * How a referrer is listed: its descriptor with the manifest's `artifactType` (else its config's
 * media type, as the spec says a registry computes it) and its annotations.
 */
function referrerDescriptor(m) {
    const parsed = parseManifest(m);
    const doc = parsed.kind === 'index' ? parsed.index : parsed.manifest;
    const artifactType = doc.artifactType ??
        (parsed.kind === 'image' ? parsed.manifest.config.mediaType : undefined);
    return {
        mediaType: m.mediaType || doc.mediaType || MEDIA.ociManifest,
        digest: m.digest,
        size: m.bytes.length,
        ...(artifactType ? { artifactType } : {}),
        ...(doc.annotations && Object.keys(doc.annotations).length ? { annotations: doc.annotations } : {})
    };
}
/** The subject a manifest names, if any. */
function subjectOf(m) {
    const parsed = parseManifest(m);
    return parsed.kind === 'index' ? parsed.index.subject : parsed.manifest.subject;
}
/** The fallback index listing `manifests` (no duplicates, in the order given). */
function referrersIndex(manifests) {
    const seen = new Set();
    const unique = manifests.filter(m => !seen.has(m.digest) && seen.add(m.digest));
    const bytes = Buffer.from(JSON.stringify({
        schemaVersion: 2,
        mediaType: MEDIA.ociIndex,
        manifests: unique.map(d => ({
            mediaType: d.mediaType,
            digest: d.digest,
            size: d.size,
            ...(d.artifactType ? { artifactType: d.artifactType } : {}),
            ...(d.annotations ? { annotations: d.annotations } : {})
        }))
    }));
    return { bytes, mediaType: MEDIA.ociIndex, digest: sha256Digest(bytes) };
}

;// CONCATENATED MODULE: ./src/core/records.ts
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
    return artifactManifest({
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
function promotionManifest(subject, marker) {
    return artifactManifest({
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

;// CONCATENATED MODULE: ./src/registry/body.ts
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
/** The first OCI error code and message of an error body, if it is one (the message fit to print). */
function ociError(body) {
    if (!body || body.length === 0)
        return {};
    const doc = parseJsonObject(body);
    if (!doc.ok || !Array.isArray(doc.value.errors))
        return {};
    const first = doc.value.errors[0];
    if (!first || typeof first !== 'object')
        return {};
    const code = typeof first.code === 'string' ? printable(first.code, 64) : '';
    const message = typeof first.message === 'string' ? printable(first.message) : '';
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
    const text = body && body.length ? printable(body.toString('utf8')) : '';
    return text ? ` (${text})` : '';
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

;// CONCATENATED MODULE: ./src/registry/untag.ts
// Removing one tag without ever removing another. On distribution 2.8 a manifest DELETE by digest
// also removes every tag pointing at that digest — including a final tag just promoted from this
// staging tag. So the tag is first pointed at a tombstone manifest of its own (unique bytes), and
// that tombstone is deleted by digest: only the staging tag goes.





/** A manifest no other tag can share: it names the tag and a random nonce. */
function tombstoneManifest(tag, nonce = (0,external_node_crypto_.randomBytes)(16).toString('hex')) {
    const doc = {
        schemaVersion: 2,
        mediaType: MEDIA.ociManifest,
        artifactType: 'application/vnd.imagegate.tombstone',
        config: EMPTY_DESCRIPTOR,
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
    constructor(client) {
        this.client = client;
    }
    async removeTag(repo, tag) {
        if (await this.refusesDeletes(repo))
            return { removed: false, tag, reason: deletesRefused(repo, tag) };
        const tombstone = tombstoneManifest(tag);
        // Its 2-byte config is uploaded only where the registry says the repository lacks it.
        await this.client.putWithSmallBlob(repo, EMPTY_JSON, wait => this.client.putManifest(repo, tag, tombstone, { waitForBlobs: wait }));
        const res = await this.client.deleteManifest(repo, tombstone.digest);
        if (res.status === 202 || res.status === 200 || res.status === 404)
            return { removed: true, tag };
        return {
            removed: false,
            tag,
            reason: `deleting its tombstone ${tombstone.digest} answered ${res.status}; the tag now points at that empty tombstone`
        };
    }
    /**
     * Asks once per registry and run (the answer is shared by every image of the run): deleting a
     * digest nobody has answers 404 where deletes work, 405 where they are off.
     */
    refusesDeletes(repo) {
        const facts = this.client.facts.deletesRefused;
        let known = facts.get(repo.registry);
        if (!known) {
            known = this.client
                .deleteManifest(repo, sha256Digest(`imagegate probe ${(0,external_node_crypto_.randomBytes)(8).toString('hex')}`))
                .then(res => res.status === 405 || ociError(res.body).code === 'UNSUPPORTED');
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

;// CONCATENATED MODULE: ./src/registry/referrers.ts
// OCI 1.1 referrers over the registry client: list them through the referrers API where the
// registry has one, else through the fallback tag (`sha256-<hex>`, an index of the referrers);
// attach an artifact (a PUT by digest, plus a read-modify-write of the fallback index where the
// registry did not index it); detach entries; and copy every referrer of a set of manifests to
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
        if (opts.tags && !opts.tags.has(fallbackTag(digest)))
            return { api: false, manifests: [] };
        const fallback = await this.client.getManifest(repo, fallbackTag(digest));
        if (!fallback)
            return { api: false, manifests: [] };
        const parsed = parseManifest(fallback);
        if (parsed.kind !== 'index')
            throw new RegistryError(`${repo.registry}/${repo.repository}:${fallbackTag(digest)} is not an index of referrers (it is an image manifest); something else uses the referrers fallback tag`);
        const manifests = [];
        for (const d of parsed.index.manifests) {
            let described = d;
            if (!d.artifactType || d.artifactType === MEDIA.ociEmpty) {
                const m = await this.client.getManifest(repo, d.digest);
                if (!m)
                    continue; // listed, but gone: not a referrer any more
                const own = referrerDescriptor(m);
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
        const subject = subjectOf(manifest);
        if (!subject)
            throw new Error(`attach: manifest ${manifest.digest} names no subject`);
        // Stored under `tag` where there is one (one PUT stores the manifest and tags it); its empty
        // config goes up only where the repository turns out to lack it.
        const put = await this.client.putWithSmallBlob(repo, EMPTY_JSON, wait => this.client.putSubjectManifest(repo, manifest, subject.digest, {
            ...(opts.tag ? { tag: opts.tag } : {}),
            waitForBlobs: wait
        }), opts.mountFrom);
        if (put.indexed) {
            this.api.set(repo.registry, true);
            return 'api';
        }
        await this.updateFallback(repo, subject.digest, {
            add: [referrerDescriptor(manifest)],
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
        const { fallback } = await this.detachKeeping(repo, subject, drop);
        if (this.api.get(repo.registry))
            return;
        if (!fallback || isTombstone(fallback))
            return;
        const parsed = parseManifest(fallback);
        if (parsed.kind === 'index' && parsed.index.manifests.length === 0)
            await untagger.removeTag(repo, fallbackTag(subject));
    }
    /**
     * Read-modify-write of the fallback index of `subject`: the entries it has, minus `drop`, plus
     * `add`. distribution has no conditional PUT, so after writing it reads the index back; if another
     * writer's version replaced it without this change, it writes again (at most FALLBACK_ROUNDS).
     * An index with nothing left is left as an empty index (untagging is the caller's choice).
     */
    async updateFallback(repo, subject, change) {
        const tag = fallbackTag(subject);
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
                : referrersIndex([...kept, ...change.add.filter(a => !kept.some(k => k.digest === a.digest))]);
            await this.client.putManifest(repo, tag, next);
            const readBack = await this.client.getManifest(repo, tag);
            if (readBack && applied(indexEntries(readBack, repo, tag)))
                return readBack;
            if (round >= FALLBACK_ROUNDS)
                throw new RegistryError(`${repo.registry}/${repo.repository}:${tag} (the referrers of ${subject}) was rewritten by another writer ${round} times in a row; imagegate could not add its entry; re-run`);
            await delay(100 + Math.floor(Math.random() * 400));
        }
    }
}
function indexEntries(m, repo, tag) {
    const parsed = parseManifest(m);
    if (parsed.kind !== 'index')
        throw new RegistryError(`${repo.registry}/${repo.repository}:${tag} is not an index of referrers; something else uses the referrers fallback tag`);
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
        for (const tag of legacyCosignTags(digest).filter(t => sourceTags.has(t))) {
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
    const parsed = parseManifest(listed.fallback);
    const entry = parsed.kind === 'index' ? parsed.index.manifests.find(m => m.digest === d.digest) : undefined;
    return entry ?? d;
}

;// CONCATENATED MODULE: ./src/app/cleanup.ts
// cleanup: remove stale staging tags — judged by when imagegate staged them (their staging
// records), never by the image's own `created`, which reproducible builds and buildpacks set to
// 1970 or 1980 — with the per-platform tags of split builds and the referrers (signatures,
// attestations, records) of digests no other tag holds. Nothing else.








/** The last moment a reproducible build stamps: SOURCE_DATE_EPOCH=0, 1980-01-01 (zip, buildpacks' 1980-01-01T00:00:01Z). */
const FIXED_TIMES_UNTIL = Date.parse('1980-01-02T00:00:00Z');
async function cleanupStale(loaded, opts, { log, registry: client }) {
    const { config } = loaded;
    const untagger = new Untagger(client);
    const referrers = new Referrers(client);
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
            const verdict = isTombstone(manifest)
                ? { remove: true, why: 'the tombstone of an interrupted cleanup' }
                : await judge(client, referrers, repo, tag, manifest, now, opts);
            if (!verdict.remove) {
                report.kept.push({ ref, reason: verdict.why });
                continue;
            }
            const result = await untagger.removeTag(repo, tag);
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
    const records = (await referrers.list(repo, manifest.digest, { artifactType: STAGING_RECORD_TYPE })).manifests
        .map(d => readStagingRecord(d))
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
    const live = await liveDigests(client, repo, tags.filter(t => !gone.has(t) && !subjectOfReferrerTag(t)));
    const tagSet = new Set(tags);
    const at = (tag) => `${repo.registry}/${repo.repository}:${tag}`;
    for (const { tag, manifest } of removed) {
        if (isTombstone(manifest))
            continue;
        if (live.has(manifest.digest)) {
            await referrers
                .prune(repo, manifest.digest, d => readStagingRecord(d)?.tag === tag, untagger)
                .catch((e) => log.info(`the staging record of ${at(tag)} stays: ${e.message}`));
            continue;
        }
        const parsed = parseManifest(manifest);
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
            for (const referrerTag of referrerTagsOf(digest).filter(t => tagSet.has(t))) {
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
        if (!m || isTombstone(m))
            continue;
        live.add(m.digest);
        const parsed = parseManifest(m);
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
    const parsed = parseReference(text);
    if (!parsed.ok)
        throw new UsageError(parsed.error);
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

;// CONCATENATED MODULE: ./src/app/doctor.ts
// imagegate doctor PRODUCTION-REF: for every buildpacks image, compare the pinned builder with the
// builder production's tag points at now (manifests and config blobs only, no layers).





async function runDoctor(loaded, production, client) {
    const prod = parseReference(production);
    if (!prod.ok)
        throw new UsageError(`imagegate doctor: ${prod.error}`);
    const images = loaded.config.images.filter(i => i.builder.kind === 'buildpacks');
    if (!images.length)
        throw new UsageError(`${loaded.source.file} builds no image with buildpacks; doctor compares buildpacks builders`);
    const results = [];
    for (const image of images) {
        if (image.builder.kind !== 'buildpacks')
            continue;
        const platform = image.platforms[0];
        const [ci, now] = await Promise.all([
            readImageConfig(client, image.builder.image, platform),
            readImageConfig(client, production, platform)
        ]);
        const ciInfo = parseBuilderLabels(ci.labels, image.builder.image);
        const nowInfo = parseBuilderLabels(now.labels, production);
        if (!nowInfo.ok)
            throw new InfrastructureError(nowInfo.error);
        results.push({
            name: image.name,
            ciBuilder: image.builder.image,
            ciDigest: ci.digest,
            production,
            productionDigest: now.digest,
            matches: ci.digest === now.digest,
            differences: buildpackDifferences(ciInfo.ok ? ciInfo.value.buildpacks : [], nowInfo.value.buildpacks)
        });
    }
    return results;
}

;// CONCATENATED MODULE: ./src/core/junit.ts
// JUnit XML for CI hosts that show test reports (GitLab's artifacts:reports:junit, GitHub test
// reporters): one testsuite per image and platform, one testcase per command.
function renderJUnit(images) {
    const suites = images.flatMap(image => image.platforms.map(platform => {
        const failures = platform.tests.filter(t => t.status === 'failed' || t.status === 'timed-out').length;
        const errors = platform.tests.filter(t => t.status === 'error').length;
        const cases = platform.tests.map(test => {
            const attrs = `name="${xml(test.name)}" classname="${xml(`${image.name}.${platform.platform}`)}" time="${junit_seconds(test.durationMs)}"`;
            if (test.status === 'passed')
                return `    <testcase ${attrs}/>`;
            const tag = test.status === 'error' ? 'error' : 'failure';
            const message = test.error ?? (test.status === 'timed-out' ? 'timed out' : `exit code ${test.exitCode ?? '?'}`);
            return `    <testcase ${attrs}>\n      <${tag} message="${xml(message)}">${xml(test.outputTail)}</${tag}>\n    </testcase>`;
        });
        const name = `${image.name} ${platform.platform}`;
        return [
            `  <testsuite name="${xml(name)}" tests="${platform.tests.length}" failures="${failures}" errors="${errors}" time="${junit_seconds(platform.durationMs)}">`,
            ...cases,
            '  </testsuite>'
        ].join('\n');
    }));
    return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="imagegate">\n${suites.join('\n')}\n</testsuites>\n`;
}
function junit_seconds(ms) {
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

;// CONCATENATED MODULE: ./src/core/suggest.ts
/** The closest candidate to a misspelt word, if one is close enough to be what was meant. */
function closest(word, candidates) {
    const limit = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
    let best;
    let bestDistance = limit + 1;
    const lower = word.toLowerCase();
    for (const candidate of candidates) {
        // The distance is at least the difference in length: most candidates need no alignment at all.
        if (Math.abs(candidate.length - word.length) >= bestDistance)
            continue;
        const d = distance(lower, candidate.toLowerCase(), bestDistance - 1);
        if (d < bestDistance) {
            best = candidate;
            bestDistance = d;
        }
    }
    return best;
}
/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions) when it is at most
 * `max`, else some number above `max`. Only the band of the table within `max` of its diagonal is
 * computed (a cell outside it is more than `max` away), three rows of it at a time: the cost is the
 * length of `a` times `2 max + 1`, and a few rows for words that differ early.
 */
function distance(a, b, max) {
    const far = max + 1;
    if (Math.abs(a.length - b.length) > max)
        return far;
    let before = new Array(b.length + 1).fill(far);
    let previous = Array.from({ length: b.length + 1 }, (_, j) => (j <= max ? j : far));
    let current = new Array(b.length + 1).fill(far);
    let previousMin = 0;
    for (let i = 1; i <= a.length; i++) {
        const from = Math.max(1, i - max);
        const to = Math.min(b.length, i + max);
        // The cells just outside the band hold `far` (or the first column), whatever an older row left there.
        current[from - 1] = from === 1 ? i : far;
        if (to < b.length)
            current[to + 1] = far;
        let rowMin = far;
        for (let j = from; j <= to; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let v = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                v = Math.min(v, before[j - 2] + 1);
            current[j] = Math.min(v, far);
            rowMin = Math.min(rowMin, current[j]);
        }
        // Every later cell is at least the minimum of this row or the one before it (transpositions).
        if (rowMin > max && previousMin > max)
            return far;
        previousMin = rowMin;
        [before, previous, current] = [previous, current, before];
    }
    return previous[b.length];
}

;// CONCATENATED MODULE: ./src/core/tags.ts
// Tag templates such as `{{version}}` or `sha-{{short_sha}}`: parsing, rendering and which
// scenario publishes them. `{{date FORMAT}}` renders this run's clock (UTC) in FORMAT.


const RELEASE_VARIABLES = ['tag', 'version', 'major', 'minor', 'patch', 'prerelease'];
const TEMPLATE_VARIABLES = ['sha', 'short_sha', 'branch', 'pr', 'date', ...RELEASE_VARIABLES];
const SAMPLE = {
    sha: '0123456789abcdef0123456789abcdef01234567',
    short_sha: '0123456',
    branch: 'main',
    pr: '42',
    date: '',
    tag: 'v1.2.3',
    version: '1.2.3',
    major: '1',
    minor: '2',
    patch: '3',
    prerelease: 'rc.1'
};
function parseTagTemplate(source) {
    const parts = [];
    // No whitespace around the name in the pattern: `\s*([^{}]*?)\s*` backtracks quadratically.
    const re = /\{\{([^{}]*)\}\}/g;
    let last = 0;
    for (let m = re.exec(source); m; m = re.exec(source)) {
        if (m.index > last)
            parts.push({ text: source.slice(last, m.index) });
        const inner = (m[1] ?? '').trim();
        const dated = /^date\s+(.*)$/s.exec(inner);
        if (dated || inner === 'date') {
            const format = dateFormat(dated?.[1] ?? '');
            if (!format.ok)
                return { ok: false, error: `\`{{${inner}}}\` in \`${source}\`: ${format.error}` };
            parts.push({ variable: 'date', format: format.value });
            last = re.lastIndex;
            continue;
        }
        const name = inner;
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
    const sample = renderWith(template, SAMPLE, SAMPLE_DATE);
    if (!isValidTag(sample))
        return { ok: false, error: `\`${source}\` cannot make a valid tag: ${explainInvalidTag(sample)}` };
    return { ok: true, value: template };
}
/** Scenarios that publish a template when the configuration does not say: release variables → release, `{{pr}}` → gate. */
function defaultTagScenarios(template) {
    if (template.variables.some(v => RELEASE_VARIABLES.includes(v)))
        return ['release'];
    return template.variables.includes('pr') ? ['gate'] : ['promote'];
}
const SAMPLE_DATE = new Date(Date.UTC(2024, 0, 2, 3, 4, 5));
const DATE_TOKENS = ['YYYY', 'YY', 'MM', 'DD', 'HH', 'mm', 'ss'];
/** The format of `{{date FORMAT}}` (quotes optional), checked token by token. */
function dateFormat(text) {
    const format = text.trim().replace(/^(['"])(.*)\1$/s, '$2');
    if (!format)
        return { ok: false, error: 'give the date a format, e.g. `{{date YYYYMMDD}}`' };
    for (let i = 0; i < format.length;) {
        const token = DATE_TOKENS.find(t => format.startsWith(t, i));
        if (token)
            i += token.length;
        else if (/[-_.0-9]/.test(format[i]))
            i += 1;
        else
            return {
                ok: false,
                error: `\`${format.slice(i, i + 4)}\` is not a date token; use ${DATE_TOKENS.join(', ')} and the separators \`-\`, \`_\`, \`.\``
            };
    }
    return { ok: true, value: format };
}
/** `YYYYMMDD` of a moment, in UTC (a scheduled rebuild names the day it ran, wherever the runner is). */
function formatDate(date, format) {
    const two = (n) => String(n).padStart(2, '0');
    const values = {
        YYYY: String(date.getUTCFullYear()),
        YY: two(date.getUTCFullYear() % 100),
        MM: two(date.getUTCMonth() + 1),
        DD: two(date.getUTCDate()),
        HH: two(date.getUTCHours()),
        mm: two(date.getUTCMinutes()),
        ss: two(date.getUTCSeconds())
    };
    let out = '';
    for (let i = 0; i < format.length;) {
        const token = DATE_TOKENS.find(t => format.startsWith(t, i));
        out += token ? values[token] : format[i];
        i += token ? token.length : 1;
    }
    return out;
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
    if (git.pr)
        values.pr = git.pr;
    if (git.now)
        values.date = '';
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
    return { ok: true, tag: renderWith(template, values, git.now) };
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
    if (variable === 'pr')
        return 'no pull or merge request number is known (this run is not for one)';
    if (variable === 'date')
        return 'no clock is known';
    if (variable === 'tag')
        return 'no git tag is being released';
    if (git.tag === undefined)
        return 'no git tag is being released';
    if (variable === 'prerelease')
        return `${git.tag} is not a prerelease`;
    return `git tag \`${git.tag}\` is not a semantic version (vMAJOR.MINOR.PATCH)`;
}
function renderWith(template, values, now) {
    return template.parts
        .map(p => ('text' in p ? p.text : p.variable === 'date' ? formatDate(now, p.format ?? '') : values[p.variable]))
        .join('');
}

;// CONCATENATED MODULE: ./src/core/repository-facts.ts
// What the repository says about itself, for the OCI labels and annotations metadata-action users
// expect (`org.opencontainers.image.title`, `.description`, `.url`, `.licenses`, `.version`): from
// GitHub's event payload (`repository.*`) or GitLab's CI_PROJECT_* variables, each with its source.

function repositoryFacts(env, event) {
    const repo = record(record(event)?.repository);
    const out = {};
    const set = (key, value, source) => {
        if (out[key] === undefined && typeof value === 'string' && value.trim())
            out[key] = { value: value.trim(), source };
    };
    if (env.GITHUB_ACTIONS === 'true') {
        set('description', repo?.description, 'event repository.description');
        set('url', repo?.html_url, 'event repository.html_url');
        const spdx = record(repo?.license)?.spdx_id;
        // GitHub says NOASSERTION for a license it cannot name: no label then.
        if (spdx !== 'NOASSERTION')
            set('licenses', spdx, 'event repository.license.spdx_id');
    }
    if (env.GITLAB_CI === 'true') {
        set('description', env.CI_PROJECT_DESCRIPTION, 'env CI_PROJECT_DESCRIPTION');
        set('url', env.CI_PROJECT_URL, 'env CI_PROJECT_URL');
    }
    return out;
}
/**
 * The OCI labels (and annotations) of an image built on this commit: the image's name as its title,
 * the repository's description, address and license, and as version the release of the commit (its
 * git tag's semantic version), else the commit. A later release does not rebuild, so a promoted
 * image keeps the version of the commit it was built from.
 */
function repositoryLabels(name, facts, git) {
    const labels = { 'org.opencontainers.image.title': name };
    if (facts.description)
        labels['org.opencontainers.image.description'] = facts.description.value;
    if (facts.url)
        labels['org.opencontainers.image.url'] = facts.url.value;
    if (facts.licenses)
        labels['org.opencontainers.image.licenses'] = facts.licenses.value;
    const version = git.tag ? parseSemverTag(git.tag.value)?.version : undefined;
    const value = version ?? git.sha?.value;
    if (value)
        labels['org.opencontainers.image.version'] = value;
    return labels;
}
function record(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? value
        : undefined;
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

;// CONCATENATED MODULE: ./src/core/releases.ts
// Which release a moving tag belongs to. A release writes `latest` (and every tag without a
// version of its own) only when it is the highest release of the repository, `{{major}}` only when
// it is the highest of its major, `{{major}}.{{minor}}` of its minor: a backport `v1.4.9` after
// `v2.0.0` moves `1` and `1.4`, never `latest`. The releases are the repository's git tags.

/** Why a release tag is not moved by the release of `tag`; undefined when it is. */
function releaseAliasSkip(template, tag, releases) {
    const current = parseSemverTag(tag);
    const v = template.variables;
    if (!current || v.some(x => x === 'version' || x === 'patch' || x === 'prerelease' || x === 'tag'))
        return undefined;
    if (current.prerelease)
        return `\`${template.source}\` is not moved by prerelease ${current.version}`;
    const scope = v.includes('minor') ? 'minor' : v.includes('major') ? 'major' : 'all';
    const higher = (releases ?? [])
        .map(parseSemverTag)
        .filter((r) => !!r && !r.prerelease && sameLine(r, current, scope) && compareSemver(r, current) > 0)
        .sort(compareSemver)
        .at(-1);
    if (!higher)
        return undefined;
    const line = scope === 'all' ? '' : scope === 'major' ? ` of ${current.major}.x` : ` of ${current.major}.${current.minor}.x`;
    return `\`${template.source}\` stays with ${higher.version}: ${current.version} is not the highest release${line} (the repository's git tags)`;
}
function sameLine(a, b, scope) {
    if (scope === 'all')
        return true;
    return a.major === b.major && (scope === 'major' || a.minor === b.minor);
}
/** Semantic version precedence of releases (no prereleases): major, then minor, then patch. */
function compareSemver(a, b) {
    for (const key of ['major', 'minor', 'patch']) {
        const d = Number(a[key]) - Number(b[key]);
        if (d)
            return d;
    }
    return 0;
}

;// CONCATENATED MODULE: ./src/core/test-plan.ts
// Which test commands run on which platform, in order.

function testsForPlatform(image, platform) {
    return image.test.commands.filter(c => !c.platforms || c.platforms.some(p => samePlatformText(p, platform)));
}
function servicesForPlatform(image, platform) {
    return (image.test.services ?? []).filter(s => !s.platforms || s.platforms.some(p => samePlatformText(p, platform)));
}

;// CONCATENATED MODULE: ./src/core/image-checks.ts
// The assertions of a test, judged: a command's exit code and output against `expect`, a path of
// the image (as `docker cp` streams it, a tar) against a `files` check, the image config against
// `metadata`. Each failure says what was checked, what was expected and what was found.

/** At most this much of a file is read for content checks. */
const CONTENT_LIMIT = 4 * 1024 * 1024;
function quote(text, max = 200) {
    const clipped = text.length > max ? `…${text.slice(-max)}` : text;
    return JSON.stringify(clipped);
}
/** What a text check found wrong, one sentence each; `what` names the text (`stdout`, `/etc/os-release`). */
function textFailures(what, expect, text) {
    const out = [];
    for (const needle of expect.contains)
        if (!text.includes(needle))
            out.push(`${what} contains ${quote(needle)}: expected it, got ${quote(text)}`);
    for (const needle of expect.notContains)
        if (text.includes(needle))
            out.push(`${what} not-contains ${quote(needle)}: expected it absent, got ${quote(text)}`);
    if (expect.matches !== undefined && !new RegExp(expect.matches, 'm').test(text))
        out.push(`${what} matches /${expect.matches}/: expected a match, got ${quote(text)}`);
    if (expect.equals !== undefined && text.replace(/\r?\n+$/, '') !== expect.equals.replace(/\r?\n+$/, ''))
        out.push(`${what} equals: expected ${quote(expect.equals)}, got ${quote(text.replace(/\r?\n+$/, ''))}`);
    return out;
}
/** What a finished command did wrong against its `expect` (exit code 0 when it has none). */
function commandFailures(expect, run) {
    const codes = expect?.exitCodes ?? [0];
    const out = [];
    if (!codes.includes(run.exitCode))
        out.push(`exit-code: expected ${codes.length > 1 ? `one of ${codes.join(', ')}` : codes[0]}, got ${run.exitCode}`);
    if (expect?.stdout)
        out.push(...textFailures('stdout', expect.stdout, run.stdout));
    if (expect?.stderr)
        out.push(...textFailures('stderr', expect.stderr, run.stderr));
    return out;
}
/** The first entry of a tar stream (`docker cp CONTAINER:PATH -`), pax and GNU long names read; undefined when there is none. */
function firstTarEntry(tar) {
    let offset = 0;
    let pax = {};
    let longName;
    let longLink;
    while (offset + 512 <= tar.length) {
        const header = tar.subarray(offset, offset + 512);
        if (header.every(b => b === 0))
            return undefined;
        const size = octal(header.subarray(124, 136));
        const flag = String.fromCharCode(header[156] ?? 0);
        const body = tar.subarray(offset + 512, offset + 512 + size);
        const next = offset + 512 + Math.ceil(size / 512) * 512;
        if (flag === 'x') {
            pax = { ...pax, ...paxRecords(body) };
            offset = next;
            continue;
        }
        if (flag === 'g') {
            offset = next;
            continue;
        }
        if (flag === 'L' || flag === 'K') {
            const text = body.toString('utf8').replace(/\0+$/, '');
            if (flag === 'L')
                longName = text;
            else
                longLink = text;
            offset = next;
            continue;
        }
        const prefix = cString(header.subarray(345, 500));
        const baseName = cString(header.subarray(0, 100));
        const realSize = pax.size !== undefined ? Number(pax.size) : size;
        const type = flag === '0' || flag === '\0' || flag === '7'
            ? 'file'
            : flag === '5'
                ? 'directory'
                : flag === '2'
                    ? 'symlink'
                    : flag === '1'
                        ? 'hardlink'
                        : 'other';
        return {
            name: pax.path ?? longName ?? (prefix ? `${prefix}/${baseName}` : baseName),
            type,
            mode: octal(header.subarray(100, 108)) & 0o7777,
            uid: pax.uid !== undefined ? Number(pax.uid) : octal(header.subarray(108, 116)),
            gid: pax.gid !== undefined ? Number(pax.gid) : octal(header.subarray(116, 124)),
            size: realSize,
            linkname: pax.linkpath ?? longLink ?? cString(header.subarray(157, 257)),
            content: type === 'file' ? tar.subarray(offset + 512, offset + 512 + Math.min(realSize, CONTENT_LIMIT)) : Buffer.alloc(0)
        };
    }
    return undefined;
}
function cString(b) {
    const end = b.indexOf(0);
    return b.subarray(0, end < 0 ? b.length : end).toString('utf8');
}
function octal(b) {
    // Large values use the base-256 form: the high bit of the first byte set.
    if ((b[0] ?? 0) & 0x80) {
        let n = 0;
        for (let i = 1; i < b.length; i++)
            n = n * 256 + (b[i] ?? 0);
        return n;
    }
    const text = cString(b).trim();
    return text ? parseInt(text, 8) : 0;
}
function paxRecords(body) {
    const out = {};
    let offset = 0;
    while (offset < body.length) {
        const space = body.indexOf(0x20, offset);
        if (space < 0)
            break;
        const length = Number(body.subarray(offset, space).toString('ascii'));
        if (!Number.isInteger(length) || length <= 0)
            break;
        const record = body.subarray(space + 1, offset + length - 1).toString('utf8');
        const eq = record.indexOf('=');
        if (eq > 0)
            out[record.slice(0, eq)] = record.slice(eq + 1);
        offset += length;
    }
    return out;
}
function modeText(mode) {
    return `"${mode.toString(8).padStart(4, '0')}"`;
}
/** What a path of the image (undefined: it does not exist) did wrong against its check. */
function fileFailures(check, entry) {
    if (!entry)
        return check.exists ? [`exists: expected ${check.path} in the image, got no such path`] : [];
    if (!check.exists)
        return [`exists: expected ${check.path} to be absent, got a ${entry.type}`];
    const out = [];
    const type = check.type ?? (check.target !== undefined ? 'symlink' : undefined);
    if (type !== undefined && entry.type !== type)
        out.push(`type: expected ${type}, got ${entry.type}`);
    if (check.mode !== undefined && entry.mode !== check.mode)
        out.push(`mode: expected ${modeText(check.mode)}, got ${modeText(entry.mode)}`);
    if (check.uid !== undefined && entry.uid !== check.uid)
        out.push(`uid: expected ${check.uid}, got ${entry.uid}`);
    if (check.gid !== undefined && entry.gid !== check.gid)
        out.push(`gid: expected ${check.gid}, got ${entry.gid}`);
    if (check.target !== undefined && entry.type === 'symlink' && entry.linkname !== check.target)
        out.push(`target: expected ${quote(check.target)}, got ${quote(entry.linkname)}`);
    const needsContent = check.content || check.minSize !== undefined || check.maxSize !== undefined;
    if (needsContent && entry.type !== 'file') {
        out.push(`content: expected a regular file, got a ${entry.type}${entry.type === 'symlink' ? ` to ${entry.linkname}` : ''}`);
        return out;
    }
    if (check.minSize !== undefined && entry.size < check.minSize)
        out.push(`min-size: expected at least ${check.minSize} bytes, got ${entry.size}`);
    if (check.maxSize !== undefined && entry.size > check.maxSize)
        out.push(`max-size: expected at most ${check.maxSize} bytes, got ${entry.size}`);
    if (check.content) {
        if (entry.size > CONTENT_LIMIT)
            out.push(`content: the file is ${entry.size} bytes; content checks read at most ${CONTENT_LIMIT} bytes`);
        else
            out.push(...textFailures('content', check.content, entry.content.toString('utf8')));
    }
    return out;
}
/** Whether USER names root: empty, `root`, `0`, or a name whose uid in `passwd` (the image's /etc/passwd) is 0. */
function isRootUser(user, passwd) {
    const name = user.split(':')[0] ?? '';
    if (name === '' || name === 'root' || name === '0')
        return true;
    if (/^[0-9]+$/.test(name))
        return false;
    const line = (passwd ?? '').split('\n').find(l => l.split(':')[0] === name);
    return line?.split(':')[2] === '0';
}
/** Each configured metadata key, judged against the image config of `platform`. */
function metadataOutcomes(check, facts, platform, passwd) {
    const out = [];
    const add = (key, failures, name = `metadata ${key}`) => void out.push({ name, key, failures });
    const env = new Map(facts.env.map(e => {
        const eq = e.indexOf('=');
        return eq < 0 ? [e, ''] : [e.slice(0, eq), e.slice(eq + 1)];
    }));
    if (check.user !== undefined)
        add('user', facts.user === check.user ? [] : [`user: expected ${quote(check.user)}, got ${quote(facts.user)}`]);
    if (check.nonRoot !== undefined) {
        const root = isRootUser(facts.user, passwd);
        const ok = check.nonRoot ? !root : root;
        add('non-root', ok
            ? []
            : [
                `non-root: expected ${check.nonRoot ? 'a user other than root' : 'root'}, got ${quote(facts.user)}${facts.user === '' ? ' (no USER: root)' : ''}`
            ]);
    }
    if (check.workdir !== undefined)
        add('workdir', facts.workdir === check.workdir ? [] : [`workdir: expected ${quote(check.workdir)}, got ${quote(facts.workdir)}`]);
    for (const [name, want] of Object.entries(check.env)) {
        const got = env.get(name);
        const failures = want === true
            ? got === undefined
                ? [`env ${name}: expected it set, got not set`]
                : []
            : want === false
                ? got !== undefined
                    ? [`env ${name}: expected it not set, got ${quote(got)}`]
                    : []
                : got !== want
                    ? [`env ${name}: expected ${quote(want)}, got ${got === undefined ? 'not set' : quote(got)}`]
                    : [];
        add('env', failures, `metadata env ${name}`);
    }
    if (check.exposedPorts.length) {
        const missing = check.exposedPorts.filter(p => !facts.exposedPorts.includes(p));
        add('exposed-ports', missing.length
            ? [`exposed-ports: expected ${missing.join(', ')} exposed, got ${facts.exposedPorts.join(', ') || 'none'}`]
            : []);
    }
    for (const [name, want] of Object.entries(check.labels)) {
        const got = facts.labels[name];
        add('labels', got === want
            ? []
            : [`label ${name}: expected ${quote(want)}, got ${got === undefined ? 'no such label' : quote(got)}`], `metadata label ${name}`);
    }
    const argv = (key, want, got) => {
        if (want === undefined)
            return;
        add(key, JSON.stringify(want) === JSON.stringify(got)
            ? []
            : [`${key}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`]);
    };
    argv('entrypoint', check.entrypoint, facts.entrypoint);
    argv('cmd', check.cmd, facts.cmd);
    if (check.healthcheck !== undefined)
        add('healthcheck', facts.healthcheck === check.healthcheck
            ? []
            : [
                `healthcheck: expected ${check.healthcheck ? 'a HEALTHCHECK' : 'none'}, got ${facts.healthcheck ? 'a HEALTHCHECK' : 'none'}`
            ]);
    if (check.stopSignal !== undefined)
        add('stop-signal', facts.stopSignal === check.stopSignal
            ? []
            : [
                `stop-signal: expected ${quote(check.stopSignal)}, got ${facts.stopSignal ? quote(facts.stopSignal) : 'none (SIGTERM)'}`
            ]);
    if (check.platform !== undefined && check.platform !== false) {
        const want = check.platform === true ? platform : check.platform;
        const same = facts.platform !== undefined && samePlatformText(want, facts.platform);
        add('platform', same
            ? []
            : [
                `platform: expected ${want}, got ${facts.platform ?? 'unknown: this docker cannot show the config of one platform (`docker image inspect --platform` needs Docker 28.1 or later)'}`
            ]);
    }
    return out;
}
/** Facts from `docker container inspect` of a created (never started) container: its `Config`. */
function factsFromInspect(config, platform) {
    const str = (v) => (typeof v === 'string' ? v : '');
    const list = (v) => (Array.isArray(v) ? v.filter((x) => typeof x === 'string') : []);
    const health = config.Healthcheck;
    const test = list(health?.Test);
    const facts = {
        user: str(config.User),
        workdir: str(config.WorkingDir),
        env: list(config.Env),
        exposedPorts: Object.keys(config.ExposedPorts ?? {}),
        labels: Object.fromEntries(Object.entries(config.Labels ?? {}).map(([k, v]) => [k, str(v)])),
        entrypoint: list(config.Entrypoint),
        cmd: list(config.Cmd),
        healthcheck: test.length > 0 && test[0] !== 'NONE',
        stopSignal: str(config.StopSignal)
    };
    if (platform !== undefined)
        facts.platform = platform;
    return facts;
}
/** Why `test.setup` failed, in words a user can act on: a shell-less image (distroless, scratch) gets the reason and what to do instead. */
function setupFailure(output, fallback) {
    const shell = /(\/bin\/sh|exec: "?[^"\s]+"?): (no such file or directory|not found|executable file not found)/i.exec(output);
    if (!shell)
        return `test setup failed: ${fallback}`;
    return ('test setup failed: the image has no shell or program to run it with (' +
        shell[0] +
        '), as a distroless or `scratch` image has none. `setup` runs inside the image itself; check such an image with `test.files` and `test.metadata` (they read the image without running anything), or test a stage that has the tools (`target`)');
}
/** The names of the `files` and `metadata` checks that run on `platform`, as the reports will show them. */
function plannedChecks(files, metadata, platform) {
    const applies = (platforms) => !platforms || platforms.some(p => samePlatformText(p, platform));
    const names = (files ?? []).filter(f => applies(f.platforms)).map(f => f.name);
    if (metadata && applies(metadata.platforms)) {
        const empty = {
            user: '',
            workdir: '',
            env: [],
            exposedPorts: [],
            labels: {},
            entrypoint: [],
            cmd: [],
            healthcheck: false,
            stopSignal: ''
        };
        names.push(...metadataOutcomes(metadata, empty, platform).map(o => o.name));
    }
    return names;
}

;// CONCATENATED MODULE: ./src/core/run-as/apply.ts
// A test with its `run-as` derivation: the deployment's settings first, what the test itself writes
// over them. One implementation for every reader (Kubernetes, Compose) and every level (the image's
// `run-as`, a service test's own).
/** A service test started as the deployment says: its env added, its args/user/workdir, ready and probes kept. */
function applyDerived(service, derived) {
    const own = service.runtime;
    const runtime = { ...derived.runtime, env: { ...derived.runtime.env, ...own.env } };
    if (own.args)
        runtime.args = own.args;
    if (own.user !== undefined)
        runtime.user = own.user;
    if (own.workdir !== undefined)
        runtime.workdir = own.workdir;
    runtime.ports = [...new Set([...derived.runtime.ports, ...own.ports])];
    for (const missing of derived.runAs.notReproducible) {
        const key = missing.setting.replace(/^env /, '');
        const standIn = service.standIns?.[key];
        if (standIn !== undefined)
            runtime.env[key] = standIn;
    }
    const out = { ...service, runtime, runAs: derived.runAs, probes: [...derived.probes, ...service.probes] };
    if (service.ready.kind === 'auto' && derived.ready) {
        out.ready = derived.ready;
        if (service.readyTimeoutMs === undefined && derived.readyTimeoutMs !== undefined) {
            out.readyTimeoutMs = derived.readyTimeoutMs;
            out.scaleTimings = true;
        }
        if (derived.readyIntervalMs !== undefined)
            out.readyIntervalMs = derived.readyIntervalMs;
        if (derived.readyInitialDelayMs)
            out.readyInitialDelayMs = derived.readyInitialDelayMs;
    }
    if (service.stopGraceMs === undefined && derived.stopGraceMs !== undefined)
        out.stopGraceMs = derived.stopGraceMs;
    return out;
}
/**
 * A test command confined as production confines the container: read-only root and tmpfs,
 * capabilities, no-new-privileges, memory and cpu limits always (a command cannot set them); the
 * user and env only where the command sets none of its own (its `user`, its env keys win). The
 * entrypoint, args, workdir and ports are the command's business and are not taken.
 */
function applyToCommand(command, derived) {
    const r = derived.runtime;
    const contract = { tmpfs: r.tmpfs, capDrop: r.capDrop, capAdd: r.capAdd };
    if (r.readOnly)
        contract.readOnly = true;
    if (r.noNewPrivileges)
        contract.noNewPrivileges = true;
    if (r.memory !== undefined)
        contract.memory = r.memory;
    if (r.cpus !== undefined)
        contract.cpus = r.cpus;
    const out = { ...command, env: { ...r.env, ...command.env }, contract };
    if (command.user === undefined && r.user !== undefined)
        out.user = r.user;
    return out;
}
const COMMAND_SETTINGS = new Set([
    'user',
    'read-only',
    'tmpfs',
    'cap-drop',
    'cap-add',
    'security-opt',
    'memory',
    'cpus'
]);
/** The derived settings applyToCommand gives a test command, for the plan. */
function commandSettings(runAs) {
    return runAs.settings.filter(s => COMMAND_SETTINGS.has(s.setting) || s.setting.startsWith('env '));
}

;// CONCATENATED MODULE: ./src/core/run-as/plan.ts
// What the plan shows of `run-as`: per image and per service test, every derived setting with the
// line it came from, the fields imagegate cannot honour and the env it cannot reproduce.

function planRunAs(image, source) {
    const at = `images[${image.index}]`;
    const where = (key) => source.where(key) ?? key;
    const planned = (runAs, key, settings = runAs.settings) => ({
        spec: runAs.spec,
        what: runAs.what,
        source: where(key),
        settings,
        unsupported: runAs.unsupported,
        notReproducible: runAs.notReproducible
    });
    const out = { services: [] };
    if (image.runAs)
        out.image = {
            ...planned(image.runAs, `${at}.run-as`, commandSettings(image.runAs)),
            commands: image.test.commands.map(c => c.name)
        };
    for (const [i, service] of (image.test.services ?? []).entries()) {
        const key = `${at}.test.services[${i}]`;
        const inherited = service.runAs !== undefined && service.runAsSpec === undefined;
        const s = { name: service.name, source: where(key) };
        if (service.runAs) {
            s.runAs = planned(service.runAs, inherited ? `${at}.run-as` : `${key}.run-as`);
            if (inherited)
                s.inherited = true;
        }
        out.services.push(s);
    }
    return out;
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
/**
 * The plan. Every reference it names is checked after rendering, before anything acts on it: a
 * commit that is not a commit id is a UsageError, a repository or a published tag outside the
 * distribution grammar a ConfigError at the value that makes it (exit 2 either way).
 */
function buildPlan(inputs) {
    const { config, source, inference } = inputs;
    const scenario = resolveScenario(inputs);
    const git = mergeGit(inference, inputs.localGit);
    if (inputs.releaseVersion)
        git.tag = inputs.releaseVersion;
    checkCommit(git.sha);
    const gitValues = {};
    if (git.sha)
        gitValues.sha = git.sha.value;
    if (git.branch)
        gitValues.branch = git.branch.value;
    if (git.tag)
        gitValues.tag = git.tag.value;
    if (git.pr)
        gitValues.pr = git.pr.value;
    const now = inputs.now ?? new Date();
    gitValues.now = now;
    git.date = { value: now.toISOString(), source: 'clock of this run (UTC)' };
    const problems = [];
    const images = buildOrder(config.images).map(image => planImage(image, inputs, {
        scenario: scenario.value,
        git: gitValues,
        facts: git,
        problems,
        ...(inputs.releases ? { releases: inputs.releases } : {})
    }));
    if (problems.length)
        throw new ConfigError(source.file, problems);
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
        credentials: credentialPolicy(inference),
        git,
        images,
        writes: refusal
            ? []
            : images.flatMap(i => [
                ...(scenario.value === 'gate' && i.staging ? [i.staging.value] : []),
                ...i.tags.filter(t => t.published && t.ref).map(t => t.ref),
                ...(scenario.value === 'promote' || scenario.value === 'release'
                    ? (i.mirrors?.value ?? []).flatMap(m => i.tags.filter(t => t.published && t.tag).map(t => `${m}:${t.tag}`))
                    : [])
            ]),
        warnings: planWarnings(scenario, images)
    };
    if (refusal)
        plan.refusal = refusal;
    if (inputs.repository)
        plan.repository = inputs.repository;
    const selected = source.where('images');
    if (selected?.startsWith('flag '))
        plan.selected = { value: config.images.map(i => i.name), source: selected };
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
        for (const context of Object.values(image.build?.contexts ?? {}))
            if ('image' in context && byName.has(context.image))
                visit(byName.get(context.image), depth + 1);
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
    if (inference.git.changeNumber)
        out.pr = inference.git.changeNumber;
    return out;
}
/** A git commit id: 40 hex digits (SHA-1) or 64 (SHA-256). */
const COMMIT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i;
function checkCommit(sha) {
    if (!sha || COMMIT_ID.test(sha.value))
        return;
    throw new UsageError(`the commit ${quoted(sha.value)} (${sha.source}) is not a commit id (40 or 64 hex digits), and tags, labels and records would be named after it; it must be the full commit id: fix what sets it`);
}
/** A value from the environment as a message shows it: in backticks, or as JSON when it holds control characters. */
function quoted(value) {
    // eslint-disable-next-line no-control-regex
    return /[\u0000-\u001f\u007f`]/.test(value) ? JSON.stringify(value) : `\`${value}\``;
}
function referenceError(text) {
    const parsed = parseReference(text);
    return parsed.ok ? undefined : parsed.error;
}
/** The position of the first of `paths` the file writes, else of the image. */
function positionOf(source, at, ...paths) {
    for (const path of [...paths, `${at}.name`, at]) {
        const found = source.position(path);
        if (found)
            return found;
    }
    return { line: 1, col: 1 };
}
function planImage(image, inputs, rendering) {
    const { config, source } = inputs;
    const { scenario, problems } = rendering;
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
        testsByPlatform: Object.fromEntries(image.platforms.map(p => [p, testsForPlatform(image, p).length])),
        steps: [],
        tags: []
    };
    const checks = Object.fromEntries(image.platforms.map(p => [p, plannedChecks(image.test.files, image.test.metadata, p)]));
    if (Object.values(checks).some(c => c.length))
        plan.checks = checks;
    const contract = planRunAs(image, source);
    if (contract.image || contract.services.length)
        plan.contract = contract;
    if (image.builder.kind === 'dockerfile')
        plan.containerfile = { value: image.containerfile, source: from('containerfile') };
    if (image.target !== undefined)
        plan.target = { value: image.target, source: from('target') };
    if (image.dependsOn !== undefined)
        plan.dependsOn = { value: image.dependsOn, source: from('depends-on') };
    if (image.mirrors)
        plan.mirrors = {
            value: image.mirrors,
            source: source.where(`${at}.mirrors`) ?? `mirrors (${source.where('mirrors') ?? 'config'}) + name`
        };
    const key = identity && 'key' in identity ? identity.key : undefined;
    const repositoryError = referenceError(image.repository);
    if (repositoryError)
        problems.push({
            ...positionOf(source, at, `${at}.repository`),
            message: `repository ${quoted(image.repository)} (${plan.repository.source}) is not a valid repository: ${repositoryError}; fix \`name\`, the \`registry\` prefix or \`repository\``
        });
    if (key) {
        plan.staging = stagingRef(image, config, source, key);
        const stagingError = referenceError(plan.staging.value);
        if (stagingError)
            problems.push({
                ...positionOf(source, at, 'staging.registry', 'staging.tag-prefix'),
                message: `staging reference ${quoted(plan.staging.value)} (${plan.staging.source}) is not a valid reference: ${stagingError}; fix \`staging\` or \`name\``
            });
    }
    plan.tags = image.tags.map((rule, i) => planTag(rule, source.where(`${at}.tags[${i}]`) ?? 'default', publishedIn(image, config), rendering, message => problems.push({ ...positionOf(source, at, `${at}.tags[${i}]`, `${at}.tags`), message })));
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
/**
 * A tag rule as this run renders it. A rendered tag outside the tag grammar is never planned: where
 * this scenario publishes it, it is a problem (naming the values and where they came from), else
 * the tag is skipped with the reason.
 */
function planTag(rule, where, target, { scenario, git, facts, releases }, report) {
    const rendered = renderTagTemplate(rule.template, git);
    const planned = { template: rule.template.source, on: rule.on, source: where, published: false };
    if (!rendered.ok) {
        planned.skipped = rendered.skipped;
        return planned;
    }
    const published = rule.on.includes(scenario);
    if (published && scenario === 'release' && git.tag !== undefined) {
        const skipped = releaseAliasSkip(rule.template, git.tag, releases);
        if (skipped)
            return { ...planned, skipped };
    }
    const tag = flavored(rendered.tag, rule.template.source, target.flavor);
    // gate writes its tags where it stages (the final repository, or the intermediate registry).
    const ref = `${scenario === 'gate' ? target.staging : target.final}:${tag}`;
    const invalid = isValidTag(tag) ? referenceError(ref) : explainInvalidTag(tag);
    if (invalid === undefined)
        return { ...planned, tag, ref, published };
    if (published) {
        const values = [...new Set(rule.template.variables)].map(v => `\`{{${v}}}\` from ${facts[FACT_OF[v]]?.source ?? 'git'}`);
        const fix = tag.length > 128
            ? 'shorten the template (e.g. `{{short_sha}}` instead of `{{sha}}`)'
            : 'fix the value where it comes from, or the template';
        const from = values.length ? ` (${values.join(', ')})` : '';
        report(`tag \`${rule.template.source}\` renders to ${quoted(tag)}${from}: ${invalid}; ${fix}`);
    }
    return { ...planned, skipped: `renders to an invalid tag: ${invalid}` };
}
function publishedIn(image, config) {
    const staging = config.staging.kind === 'registry' ? `${config.staging.registry}/${image.name}` : image.repository;
    return { final: image.repository, staging, ...(image.flavor ? { flavor: image.flavor } : {}) };
}
/** `flavor`: the prefix and suffix of every tag (of `latest` only with `on-latest`), as metadata-action's flavor. */
function flavored(tag, template, flavor) {
    if (!flavor || (template === 'latest' && !flavor.onLatest))
        return tag;
    return `${flavor.prefix}${tag}${flavor.suffix}`;
}
/** The git fact each template variable is made of. */
const FACT_OF = {
    sha: 'sha',
    short_sha: 'sha',
    branch: 'branch',
    pr: 'pr',
    date: 'date',
    tag: 'tag',
    version: 'tag',
    major: 'tag',
    minor: 'tag',
    patch: 'tag',
    prerelease: 'tag'
};
function steps(plan, scenario) {
    const platforms = plan.platforms.value.join(', ');
    const build = [
        `build ${platforms}`,
        plan.tests.value
            ? testStep(plan.testsByPlatform)
            : plan.checks || plan.contract?.services.length
                ? 'no test commands'
                : `no tests configured (add \`test:\`)`,
        ...(plan.checks ? [checkStep(plan.checks)] : []),
        ...(plan.contract?.services.length
            ? [`run service test(s) ${plan.contract.services.map(s => s.name).join(', ')}`]
            : [])
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
/** `test 2 command(s) on each of linux/amd64, linux/arm64`, or per platform when they differ. */
function testStep(byPlatform) {
    const counts = Object.entries(byPlatform);
    if (new Set(counts.map(([, n]) => n)).size === 1)
        return `test ${counts[0][1]} command(s) on each of ${counts.map(([p]) => p).join(', ')}`;
    return `test ${counts.map(([p, n]) => `${n} command(s) on ${p}`).join(', ')}`;
}
function checkStep(byPlatform) {
    const counts = Object.entries(byPlatform).map(([p, names]) => [p, names.length]);
    if (new Set(counts.map(([, n]) => n)).size === 1)
        return `check files and metadata (${counts[0][1]} check(s)) on each of ${counts.map(([p]) => p).join(', ')}`;
    return `check files and metadata: ${counts.map(([p, n]) => `${n} check(s) on ${p}`).join(', ')}`;
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

;// CONCATENATED MODULE: ./src/app/gate-tags.ts
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
        throw new InfrastructureError(`${staging}@${digest} is gone from the registry; no gate tag is written`);
    const written = [];
    for (const tag of tags) {
        const to = repositoryOf(tag.ref);
        if ((await client.headManifest(to, tag.tag))?.digest !== digest)
            await client.putManifest(to, tag.tag, manifest);
        const readBack = (await client.headManifest(to, tag.tag))?.digest;
        if (readBack !== digest)
            throw new InfrastructureError(`${tag.ref} reads back as ${readBack ?? '(absent)'}, not the tested ${digest}`);
        written.push(`${tag.ref}@${digest}`);
        log.info(`${tag.ref} → ${digest} (gate tag, the tested bytes)`);
    }
    return written;
}
function repositoryOf(ref) {
    const parsed = parseReference(ref);
    if (!parsed.ok)
        throw new InfrastructureError(`\`${ref}\`: ${parsed.error}`);
    return { registry: parsed.value.registry, repository: parsed.value.repository };
}

;// CONCATENATED MODULE: ./src/app/gate.ts
// check and gate: build every image once, test every platform of the exact build, and — for gate,
// only when every test of every image passed — push exactly those bytes to staging and prove it
// by reading the digest back from the registry.

















async function runGate(req, services) {
    const started = Date.now();
    const { log, engine } = services;
    if (req.plan.refusal)
        throw new UsageError(req.plan.refusal);
    const split = req.platform ? narrowToPlatform(req.loaded.config.images, req.platform) : undefined;
    const configured = split?.images ?? req.loaded.config.images;
    if (split?.skipped.length)
        log.info(`--platform ${split.platform}: ${split.skipped.join(', ')} not built here (not listed for it)`);
    const staging = req.scenario === 'gate' ? stagingRefs(req.plan, split?.platform) : new Map();
    const { images, built } = await buildAndTestAll(req, services, configured);
    const report = { scenario: req.scenario, images, pushed: false, refs: [], durationMs: 0 };
    // A report that cannot be written must not cost the run its push: warn and go on.
    if (req.junitFile)
        await (0,promises_.writeFile)(req.junitFile, renderJUnit(images)).catch((e) => log.warning(`could not write the JUnit report ${req.junitFile}: ${e.message}; check --junit`));
    if (req.scenario === 'gate') {
        if (images.every(i => i.status === 'passed'))
            await pushTested(services, req.plan, images, built, staging, report);
        if (!split && report.pushed)
            for (const image of images.filter(i => i.pushed))
                report.refs.push(...(await writeGateTags(services.registry, log, req.plan, image.name, image.pushed.ref, image.pushed.digest)));
        else
            log.warning('nothing was pushed: not every test of every image passed');
        if (split)
            report.records = await writeRecords(req, log, split.platform, images);
    }
    for (const image of images) {
        const local = built.get(image.name);
        if (!local)
            continue;
        const failedOn = image.platforms.find(p => p.tests.some(t => t.status !== 'passed'))?.platform;
        const hint = await engine.release(local, image.status === 'passed', failedOn);
        if (hint)
            log.info(`${image.name}: ${hint}`);
    }
    report.durationMs = Date.now() - started;
    return report;
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
async function writeRecords(req, log, platform, images) {
    await (0,promises_.mkdir)(req.recordsDir, { recursive: true });
    const files = [];
    for (const image of images) {
        const planned = req.plan.images.find(i => i.name === image.name);
        const tests = image.platforms.flatMap(p => p.tests);
        const record = {
            kind: RECORD_KIND,
            version: RECORD_VERSION,
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
        const file = (0,external_node_path_.join)(req.recordsDir, recordFileName(image.name, platform));
        await (0,promises_.writeFile)(file, `${JSON.stringify(record, null, 2)}\n`);
        files.push(file);
        log.info(`${image.name}: record for merge written to ${file}`);
    }
    return files;
}
/** Builds in dependency order, independent images `parallel` at a time; a failed base skips its dependents. */
async function buildAndTestAll(req, services, configured) {
    const order = buildOrder(configured);
    const runId = (0,external_node_crypto_.randomBytes)(6).toString('hex');
    const oci = ociMetadata(req.plan, services.env);
    const slots = new Limiter(Math.max(1, req.parallel));
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
            const labels = { ...oci, ...repositoryLabels(image.name, req.plan.repository ?? {}, req.plan.git) };
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
                if (e instanceof InfrastructureError && pushedSoFar)
                    throw new InfrastructureError(`${e.message}${pushedSoFar}`);
                throw e;
            }
            const readBack = await readBackManifest(registry, ref);
            if (readBack.digest !== image.digest) {
                throw new InfrastructureError(`the registry holds ${ref} as ${readBack.digest}, not the tested ${image.digest}; refusing to report it as pushed`);
            }
            for (const platform of image.platforms)
                platform.manifestDigest = readBack.platforms.find(p => samePlatformText(p.platform, platform.platform))?.digest;
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
    const parsed = parseReference(ref);
    if (!parsed.ok || !parsed.value.tag)
        return;
    const { registry: host, repository, tag } = parsed.value;
    const record = stagingRecordManifest(subject, {
        tag,
        stagedAt: new Date(),
        ...(facts.identity ? { identity: facts.identity } : {}),
        ...(facts.commit ? { commit: facts.commit } : {})
    });
    try {
        const via = await new Referrers(registry).attach({ registry: host, repository }, record, {
            replaces: d => readStagingRecord(d)?.tag === tag
        });
        log.info(`${ref}: staging record ${record.digest} (${via === 'api' ? 'listed by the referrers API' : `in ${fallbackTag(subject.digest)}`})`);
    }
    catch (e) {
        log.warning(`${ref}: could not write its staging record (${e.message}); \`imagegate cleanup\` will keep this tag until a record exists`);
    }
}
/** The manifest exactly as the registry serves it (the client checks that its bytes hash to its digest). */
async function readBackManifest(registry, ref) {
    const parsed = parseReference(ref);
    if (!parsed.ok || !parsed.value.tag)
        throw new InfrastructureError(`cannot read back ${ref}: not a tag reference`);
    const { registry: host, repository, tag } = parsed.value;
    const manifest = await registry.getManifest({ registry: host, repository }, tag);
    if (!manifest)
        throw new InfrastructureError(`${ref} is not in the registry after the push; nothing is reported as pushed`);
    const doc = parseManifest(manifest);
    const platforms = doc.kind === 'index'
        ? doc.index.manifests
            .filter(m => m.platform && m.platform.os !== 'unknown' && !isAttestation(m))
            .map(m => ({ platform: platformText(m.platform), digest: m.digest }))
        : [];
    return { digest: manifest.digest, subject: describeManifest(manifest), platforms };
}

;// CONCATENATED MODULE: ./src/app/merge.ts
// merge: after one gate job per platform, assemble each image's index from exactly the digests the
// platform jobs tested and recorded, push it under the staging tag (children are already there: zero
// layer bytes), read it back, then remove the per-platform staging tags. Refuses, publishing
// nothing, when a platform is missing or failed, or the registry holds other bytes than recorded.














async function runMerge(req, { log, registry: client, stats }) {
    const started = Date.now();
    // merge writes the staging tag, as gate does: never on a run that may not write.
    if (!req.plan.trusted)
        throw new UsageError(`merge is refused: this run may not write to any registry (${req.plan.reason})`);
    const records = await readRecords(req.recordsDir);
    const report = { images: [], refs: [], warnings: [], http: stats, durationMs: 0 };
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
    for (const { name, staging, parts } of located) {
        const merged = await publish(client, log, name, staging, parts, report);
        report.images.push(merged);
        report.refs.push(...(await writeGateTags(client, log, req.plan, name, staging.text, merged.digest)));
    }
    report.durationMs = Date.now() - started;
    return report;
}
async function readRecords(dir) {
    let names;
    try {
        names = (await (0,promises_.readdir)(dir)).filter(n => n.endsWith('.json')).sort();
    }
    catch {
        throw new UsageError(`no records directory ${dir}: pass the records the \`gate --platform\` jobs wrote (CI artifacts) with --records DIR`);
    }
    if (names.length === 0)
        throw new UsageError(`${dir} holds no records: pass on the artifacts of the \`gate --platform\` jobs`);
    return Promise.all(names.map(async (n) => parseRecord(await (0,promises_.readFile)((0,external_node_path_.join)(dir, n), 'utf8'), (0,external_node_path_.join)(dir, n))));
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
        return { platform: record.platform, entries: parsed.index.manifests };
    }
    // A lone image manifest carries its platform in its config.
    const config = parsed.manifest.config;
    const doc = (await client.getJsonBlob(repo, config));
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
async function publish(client, log, name, staging, parts, report) {
    for (const part of parts)
        if (part.repo.registry !== staging.repo.registry || part.repo.repository !== staging.repo.repository)
            throw new FailedError(`merge refused for ${name}: ${part.record.ref} is not in ${staging.repo.registry}/${staging.repo.repository}`);
    const index = assembleIndex(parts.map(p => p.manifests));
    const before = (await client.headManifest(staging.repo, staging.tag))?.digest;
    let action = 'unchanged';
    if (before !== index.digest) {
        await client.putManifest(staging.repo, staging.tag, index);
        const readBack = (await client.headManifest(staging.repo, staging.tag))?.digest;
        if (readBack !== index.digest)
            throw new FailedError(`${staging.text} reads back as ${readBack ?? '(absent)'}, not the merged ${index.digest}`);
        action = before ? 'moved' : 'created';
        report.refs.push(`${staging.text}@${index.digest}`);
        log.info(`${staging.text} → ${index.digest} (${parts.map(p => p.record.platform).join(' + ')}, as tested)`);
        await recordStaging(client, log, staging.text, describeManifest(index), {
            identity: parts[0]?.record.identity,
            commit: parts[0]?.record.sha
        });
    }
    else
        log.info(`${staging.text} already holds the merged ${index.digest}`);
    const untagger = new Untagger(client);
    const cleanup = { removed: [], left: [] };
    const referrers = new Referrers(client);
    for (const part of parts.filter(p => p.tagged)) {
        const result = await untagger.removeTag(part.repo, part.tag);
        if (result.removed) {
            cleanup.removed.push(part.record.ref);
            // The platform's digest lives on in the index; the removed tag's staging record does not.
            await referrers
                .prune(part.repo, part.record.digest, d => readStagingRecord(d)?.tag === part.tag, untagger)
                .catch((e) => log.info(`the staging record of ${part.record.ref} stays: ${e.message}`));
        }
        else {
            cleanup.left.push(part.record.ref);
            const warning = `${part.record.ref} was left in place: ${result.reason}`;
            report.warnings.push(warning);
            log.warning(warning);
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

;// CONCATENATED MODULE: ./src/core/config/limits.ts
// The bounds of a configuration file, each refused with a diagnostic that names it. They keep the
// whole check linear and fast (docs/configuration.md#limits has the measured figures) and keep
// every value within what the programs imagegate starts can take; real files stay far below them.
const LIMITS = {
    /** Bytes of the file. */
    fileBytes: 1024 * 1024,
    /** YAML tokens (scalars, indicators, comments, line breaks): what the YAML parser works through. */
    tokens: 500_000,
    /** Keys and values, each use of an alias counting again. */
    values: 20_000,
    /** Collections nested in one another (the schema itself needs 7). */
    depth: 32,
    /** Characters of a key. */
    keyLength: 1024,
    /** Characters of a name, path, reference, platform, tag or duration. */
    formattedLength: 4096,
    /** Characters of any other string (a command, a label, an environment value): one argument stays under Linux's 128 KiB. */
    textLength: 32_768,
    /** Diagnostics listed; the rest are counted in one more line. */
    diagnostics: 50,
    /** A test's time limit: at least a second (the container must start), at most a day. */
    timeoutMinMs: 1000,
    timeoutMaxMs: 24 * 60 * 60 * 1000
};
/** A value echoed in a message, cut to a readable length. */
function clip(text, length = 60) {
    return text.length > length ? `${text.slice(0, length)}…` : text;
}

;// CONCATENATED MODULE: ./src/core/config/check-schema.ts
// The schema of a test's assertions: `expect` on a command, and the suite's `files` and `metadata`
// checks, which read the image itself (its filesystem and its config) without running anything in it.
const texts = {
    oneOf: [
        { type: 'string', minLength: 1 },
        { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 }
    ]
};
const streamExpect = {
    type: 'object',
    additionalProperties: false,
    properties: {
        contains: { ...texts, description: 'Text (or a list of texts) the output must contain.' },
        'not-contains': { ...texts, description: 'Text (or a list of texts) the output must not contain.' },
        matches: {
            type: 'string',
            format: 'regex',
            description: 'A regular expression (JavaScript syntax, multi-line) the output must match somewhere.'
        },
        equals: { type: 'string', description: 'The whole output, compared without its trailing newlines.' }
    }
};
const EXPECT_SCHEMA = {
    type: 'object',
    additionalProperties: false,
    description: 'What the command must do to pass: its exit code and what it writes. A failed expectation shows what was expected and what came, in the report, the JUnit case and the annotation at this test.',
    properties: {
        'exit-code': {
            default: 0,
            description: 'The exit code, or a list of the exit codes that pass.',
            oneOf: [
                { type: 'integer', minimum: 0, maximum: 255 },
                { type: 'array', minItems: 1, items: { type: 'integer', minimum: 0, maximum: 255 } }
            ]
        },
        stdout: {
            ...streamExpect,
            description: 'Checks of the standard output: `contains`, `not-contains`, `matches`, `equals`.'
        },
        stderr: {
            ...streamExpect,
            description: 'Checks of the standard error: `contains`, `not-contains`, `matches`, `equals`.'
        }
    }
};
const size = {
    oneOf: [
        { type: 'integer', minimum: 0 },
        { type: 'string', pattern: '^[0-9]+[bkmgBKMG]?$', 'x-pattern-name': 'a size such as `512`, `64k` or `2m`' }
    ]
};
const checkPlatforms = {
    type: 'array',
    minItems: 1,
    items: { type: 'string', format: 'platform' },
    description: 'Check only these platforms (default: every platform of the image).'
};
const FILE_CHECK_SCHEMA = {
    type: 'object',
    additionalProperties: false,
    required: ['path'],
    properties: {
        path: {
            type: 'string',
            format: 'absolute-path',
            description: 'The path in the image. A symbolic link is checked itself, not what it points to.'
        },
        name: { type: 'string', minLength: 1, description: 'Name shown in logs and reports (default: `file PATH`).' },
        exists: { type: 'boolean', default: true, description: '`false`: the path must not exist in the image.' },
        type: { type: 'string', enum: ['file', 'directory', 'symlink'], description: 'What the path must be.' },
        mode: {
            type: 'string',
            pattern: '^0?[0-7]{3,4}$',
            'x-pattern-name': 'an octal mode such as `"0755"` (quoted)',
            description: 'The permission bits, in octal (`"0755"`, `"4755"` with setuid); quote it.'
        },
        uid: { type: 'integer', minimum: 0, description: 'The owner’s numeric user id.' },
        gid: { type: 'integer', minimum: 0, description: 'The owner’s numeric group id.' },
        target: {
            type: 'string',
            minLength: 1,
            description: 'The target a symbolic link points to, as it is written in the link.'
        },
        contains: { ...texts, description: 'Text (or a list of texts) the file must contain.' },
        'not-contains': { ...texts, description: 'Text (or a list of texts) the file must not contain.' },
        matches: {
            type: 'string',
            format: 'regex',
            description: 'A regular expression the file’s content must match somewhere.'
        },
        'min-size': { ...size, description: 'The smallest size the file may have: bytes, or `k`, `m`, `g` (1024-based).' },
        'max-size': { ...size, description: 'The largest size the file may have: bytes, or `k`, `m`, `g` (1024-based).' },
        platforms: checkPlatforms
    }
};
const METADATA_SCHEMA = {
    type: 'object',
    additionalProperties: false,
    description: 'Checks of the image config of every platform (as `docker image inspect` shows it), read without starting the image; each key is its own check in the reports.',
    properties: {
        user: { type: 'string', description: 'The USER, exactly as the image config says it (`""` for none).' },
        'non-root': {
            type: 'boolean',
            description: '`true`: the USER is set and is not root (not empty, `root`, `0`, or a name with uid 0 in the image’s `/etc/passwd`).'
        },
        workdir: { type: 'string', description: 'The WORKDIR (`""` for none).' },
        env: {
            type: 'object',
            description: 'Environment variables of the image config: a string (or number) is the value it must have, `true` means it must be set, `false` that it must not be.',
            additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] }
        },
        'exposed-ports': {
            type: 'array',
            items: {
                oneOf: [
                    { type: 'integer', minimum: 1, maximum: 65535 },
                    {
                        type: 'string',
                        pattern: '^[0-9]{1,5}(/(tcp|udp|sctp))?$',
                        'x-pattern-name': 'a port such as `8080` or `53/udp`'
                    }
                ]
            },
            description: 'Ports the image must EXPOSE (`8080` is `8080/tcp`); others may be exposed too.'
        },
        labels: {
            type: 'object',
            description: 'Labels and the values they must have.',
            additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] }
        },
        entrypoint: {
            type: 'array',
            items: { type: 'string' },
            description: 'The ENTRYPOINT, as argv (`[]` for none).'
        },
        cmd: { type: 'array', items: { type: 'string' }, description: 'The CMD, as argv (`[]` for none).' },
        healthcheck: {
            description: '`present` (or `true`): the image has a HEALTHCHECK (not `NONE`); `absent` (or `false`): it has none.',
            oneOf: [{ type: 'string', enum: ['present', 'absent'] }, { type: 'boolean' }]
        },
        'stop-signal': { type: 'string', minLength: 1, description: 'The STOPSIGNAL, e.g. `SIGTERM`.' },
        platform: {
            description: '`true`: the config’s os, architecture and variant are the platform it was built and tested for (a wrong base image shows here); or the platform it must name, e.g. `linux/arm64/v8` (with `platforms`).',
            oneOf: [{ type: 'boolean' }, { type: 'string', format: 'platform' }]
        },
        platforms: checkPlatforms
    }
};

;// CONCATENATED MODULE: ./src/core/config/service-schema.ts
// The schema of service tests (`test.services`): start the image as the platform starts it, wait
// until it is ready, probe it, stop it. Spread into SCHEMA.$defs.
const DURATION_HINT = 'a duration such as `90s`, `5m` or `1h30m`';
const command = {
    oneOf: [
        { type: 'string', minLength: 1 },
        { type: 'array', items: { type: 'string' }, minItems: 1 }
    ]
};
const env = {
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] }
};
const port = { type: 'integer', description: 'A port of the container (1–65535).' };
const SERVICE_DEFS = {
    testService: {
        type: 'object',
        additionalProperties: false,
        description: 'A service test: a container from the tested image started with its own ENTRYPOINT and CMD (or `args`), USER, env and exposed ports; imagegate waits until it is `ready`, runs the `probes`, stops it with the image’s stop signal and checks that it exits within `stop.grace` and did not crash.',
        properties: {
            name: { type: 'string', minLength: 1, description: 'Name shown in logs and reports (default: `service`).' },
            args: {
                ...command,
                description: 'Arguments instead of the image’s CMD (the ENTRYPOINT stays). A string is split on whitespace; an array is taken as it is.'
            },
            env: { ...env, description: 'Extra environment variables of the service.' },
            user: { type: 'string', minLength: 1, description: 'Run as this user instead of the image’s USER.' },
            workdir: {
                type: 'string',
                format: 'absolute-path',
                description: 'Working directory instead of the image’s WORKDIR.'
            },
            ports: {
                type: 'array',
                items: port,
                description: 'Container ports to publish on the machine (default: the image’s EXPOSE ports and every port `ready` and the probes name).'
            },
            'run-as': {
                type: 'string',
                minLength: 1,
                description: 'Start the service as production deploys it: `FILE` (a Kubernetes manifest or a Compose file, relative to the configuration file), `FILE#NAME` to choose the container (Kubernetes) or service (Compose). See [run-as](#run-as).'
            },
            'stand-ins': {
                ...env,
                description: 'Values for environment variables that the `run-as` file does not give: a Kubernetes manifest’s from Secrets or ConfigMaps, a Compose file’s interpolated (`${VAR}`), host-taken (a key without a value) or from `env_file` (not reproducible; named in the plan and the report).'
            },
            ready: {
                type: 'object',
                additionalProperties: false,
                description: 'When the service is ready: one of `healthcheck`, `tcp`, `http`, `log` (default: the image’s HEALTHCHECK if it has one, else the first port accepting TCP, else running).',
                properties: {
                    healthcheck: { type: 'boolean', description: '`true`: wait until the image’s HEALTHCHECK reports healthy.' },
                    tcp: { ...port, description: 'Wait until this container port accepts a TCP connection.' },
                    http: { $ref: '#/$defs/serviceHttp' },
                    log: {
                        type: 'string',
                        minLength: 1,
                        description: 'Wait until a line of the service’s output matches this regular expression.'
                    },
                    timeout: {
                        type: 'string',
                        format: 'duration',
                        description: `Deadline, ${DURATION_HINT} (default: 30s, 150s under QEMU).`
                    }
                }
            },
            probes: {
                type: 'array',
                items: { $ref: '#/$defs/serviceProbe' },
                description: 'Checks run in order once the service is ready; the test fails at the first that fails.'
            },
            stop: {
                type: 'object',
                additionalProperties: false,
                description: 'How the service is stopped.',
                properties: {
                    grace: {
                        type: 'string',
                        format: 'duration',
                        description: `Time the service has to exit after the image’s stop signal, ${DURATION_HINT} (default: 10s, 30s under QEMU).`
                    }
                }
            },
            timeout: {
                type: 'string',
                format: 'duration',
                description: `Time limit of the whole service test, ${DURATION_HINT} (default: 5m, 15m under QEMU).`
            },
            platforms: {
                type: 'array',
                minItems: 1,
                items: { type: 'string', format: 'platform' },
                description: 'Run only on these platforms (default: every platform of the image).'
            }
        }
    },
    serviceHttp: {
        type: 'object',
        additionalProperties: false,
        required: ['path'],
        description: 'An HTTP request from the machine to a published port of the service.',
        properties: {
            path: { type: 'string', pattern: '^/', 'x-pattern-name': 'a path starting with /', description: 'Request path.' },
            port: { ...port, description: 'Container port (default: the first published port).' },
            method: {
                type: 'string',
                enum: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
                default: 'GET',
                description: 'HTTP method.'
            },
            headers: { type: 'object', additionalProperties: { type: 'string' }, description: 'Request headers.' },
            body: { type: 'string', description: 'Request body.' },
            status: { type: 'integer', default: 200, description: 'Expected status code.' },
            'body-contains': { type: 'string', description: 'The response body must contain this text.' },
            'body-matches': { type: 'string', description: 'The response body must match this regular expression.' },
            json: {
                type: 'object',
                additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
                description: 'The response body is JSON and each path (`status`, `items.0.name`, `$.a.b`) equals the given value.'
            }
        }
    },
    serviceProbe: {
        type: 'object',
        additionalProperties: false,
        description: 'One probe: exactly one of `http`, `exec`, `container`.',
        properties: {
            name: { type: 'string', minLength: 1, description: 'Name shown in logs and reports.' },
            http: { $ref: '#/$defs/serviceHttp' },
            exec: {
                ...command,
                description: 'A command run inside the running service container (`docker exec`); must exit 0. A string runs through `/bin/sh -c`.'
            },
            container: {
                type: 'object',
                additionalProperties: false,
                required: ['image', 'run'],
                description: 'A separate probe container on the service’s network, for images without a shell; the service is reachable as host `service`. Must exit 0.',
                properties: {
                    image: { type: 'string', minLength: 1, description: 'The probe image (a local or pullable reference).' },
                    run: { ...command, description: 'The probe command (a string runs through `/bin/sh -c`).' }
                }
            },
            timeout: {
                type: 'string',
                format: 'duration',
                description: `Time limit of this probe, ${DURATION_HINT} (default: 10s, 50s under QEMU).`
            }
        }
    }
};

;// CONCATENATED MODULE: ./src/core/config/schema.ts
// The JSON Schema of .imagegate.yml: the one source of truth for the file's shape. It is published
// as schema/imagegate.schema.json (for editors), drives our own validator (which adds positions and
// fixes to every error) and generates the configuration reference in docs/configuration.md.
//
// Only this subset of JSON Schema is used, and the validator implements exactly it: type,
// properties, required, additionalProperties, items, enum, pattern, minItems, minLength, maxLength,
// minimum, maximum,
// oneOf (alternatives told apart by their type), $ref to $defs, and `format` naming our semantic
// checks. Every string is also bounded by limits.ts.


const schema_DURATION_HINT = 'a duration such as `90s`, `5m` or `1h30m`';
const runCommand = {
    description: 'The command. A string runs through the image’s `/bin/sh -c`; an array runs as argv, with no shell. In a buildpacks image both go through the CNB launcher (`--entrypoint launcher`), so the buildpacks’ environment applies.',
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
// `as const` keeps every literal, so raw.ts can derive the document's type from this value.
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
        mirrors: {
            type: 'array',
            items: { type: 'string', format: 'registry-prefix' },
            description: 'More registries every image is published to, as `<mirror>/<name>` (e.g. `docker.io/acme` beside `ghcr.io/acme`): promote and release copy the same digest and tags to each, with each registry’s own credentials.',
            examples: [['docker.io/acme']]
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
                    description: 'The cosign private key: a file relative to the configuration file (inside the repository), or `env://VAR`. Its password comes from COSIGN_PASSWORD.'
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
        ...SERVICE_DEFS,
        image: {
            type: 'object',
            additionalProperties: false,
            required: ['name'],
            properties: {
                name: {
                    type: 'string',
                    pattern: '^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$',
                    maxLength: 128,
                    'x-pattern-name': 'an image name (lowercase letters and digits, joined by `.`, `_`, `__` or `-`)',
                    description: 'Image name; also the last part of its repository.'
                },
                context: {
                    type: 'string',
                    format: 'relative-path',
                    default: '.',
                    description: 'Build context, relative to the configuration file; inside the repository.'
                },
                containerfile: {
                    type: 'string',
                    format: 'relative-path',
                    default: 'Dockerfile',
                    description: 'Dockerfile/Containerfile path, relative to the context; inside the repository.'
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
                    description: 'Final tags, as templates. Variables: `{{sha}}`, `{{short_sha}}`, `{{branch}}` (made tag-safe), `{{pr}}` (the pull/merge request number), `{{date FORMAT}}` (this run’s UTC clock: `YYYY`, `YY`, `MM`, `DD`, `HH`, `mm`, `ss`), `{{tag}}`, `{{version}}`, `{{major}}`, `{{minor}}`, `{{patch}}`, `{{prerelease}}`. Tags using a release variable are published by `release`, `{{pr}}` tags by `gate`, the others by `promote`, unless `on` says otherwise. A release moves a tag without a version of its own (`latest`, `{{major}}`) only when it is the highest release (of that major) among the repository’s git tags.',
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
                                        items: { type: 'string', enum: ['gate', 'promote', 'release'] },
                                        description: 'Scenarios that publish this tag. `gate` writes it where it stages (pointing at the tested bytes), `promote` and `release` in the final repository.'
                                    }
                                }
                            }
                        ]
                    }
                },
                flavor: {
                    type: 'object',
                    additionalProperties: false,
                    description: 'A prefix and a suffix for every final tag, as metadata-action’s `flavor` (e.g. `suffix: -alpine` for a variant image).',
                    properties: {
                        prefix: { type: 'string', format: 'tag-prefix', description: 'Written before every tag.' },
                        suffix: {
                            type: 'string',
                            pattern: '^[A-Za-z0-9_.-]{1,64}$',
                            'x-pattern-name': 'a tag suffix (at most 64 of letters, digits, `_`, `.`, `-`)',
                            description: 'Written after every tag.'
                        },
                        'on-latest': {
                            type: 'boolean',
                            default: false,
                            description: 'Also put the prefix and suffix on a `latest` tag (metadata-action’s `onlatest`).'
                        }
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
                                description: 'Take the value from this file, relative to the configuration file; inside the repository.'
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
                executables: {
                    type: 'object',
                    additionalProperties: false,
                    description: 'The executables check: before the tests, every executable ELF file of each platform’s image (read from its filesystem, no shell needed) must be for that platform’s machine; an x86-64 or 32-bit ARM binary in an arm64 image fails the gate with its path and architecture.',
                    properties: {
                        check: {
                            type: 'boolean',
                            default: true,
                            description: '`false` turns the executables check off for this image.'
                        },
                        ignore: {
                            type: 'array',
                            items: { type: 'string', format: 'absolute-path' },
                            description: 'Paths or globs (`*`, `?` within a segment, `**` across; a directory covers what is under it) of deliberate multi-architecture payloads the check allows, e.g. `/opt/sdk/toolchains/**`.'
                        }
                    }
                },
                attestations: {
                    type: 'object',
                    additionalProperties: false,
                    description: 'Attestations buildx attaches to the image (kept in the tested index and pushed with it).',
                    properties: {
                        provenance: {
                            default: 'min',
                            description: 'SLSA provenance mode: `min`, `max` (buildx `--provenance=mode=…`), or `off`; as build-push-action writes it, `false` is `off` and `true` is `min`.',
                            oneOf: [{ type: 'string', enum: ['off', 'min', 'max'] }, { type: 'boolean' }]
                        },
                        sbom: {
                            default: false,
                            description: "Attach an SBOM attestation to every platform: `true` runs BuildKit's default scanner (`docker/buildkit-syft-scanner`, pulled by BuildKit), `{generator: IMAGE}` another SBOM generator image (BuildKit's SBOM protocol), e.g. the scanner pinned by digest or mirrored into your registry.",
                            oneOf: [
                                { type: 'boolean' },
                                {
                                    type: 'object',
                                    additionalProperties: false,
                                    required: ['generator'],
                                    properties: {
                                        generator: {
                                            type: 'string',
                                            format: 'image-reference',
                                            description: 'The SBOM generator image (`--attest type=sbom,generator=IMAGE`).'
                                        }
                                    }
                                }
                            ]
                        }
                    }
                },
                ssh: {
                    type: 'array',
                    items: {
                        type: 'string',
                        pattern: '^[A-Za-z0-9_.-]+$',
                        'x-pattern-name': 'an ssh id (letters, digits, `_`, `.`, `-`)'
                    },
                    description: 'SSH agent forwarding for `RUN --mount=type=ssh,id=…`: each id forwards the job’s agent (`SSH_AUTH_SOCK`, e.g. `default`); keys stay in the agent, never in argv. Refused where the run may not use the job’s credentials.'
                },
                'build-contexts': {
                    type: 'object',
                    description: 'Named build contexts (`--build-context NAME=…`, what `FROM NAME` or `COPY --from=NAME` resolves to): `docker-image://REF`, `oci-layout://…`, `https://…`, a git URL, a directory relative to the configuration file, or `{image: NAME}`, another image of this file, built and tested first and used by its tested digest.',
                    additionalProperties: {
                        oneOf: [
                            { type: 'string', format: 'build-context' },
                            {
                                type: 'object',
                                additionalProperties: false,
                                required: ['image'],
                                properties: {
                                    image: { type: 'string', maxLength: 128, description: 'The name of another image of this file.' }
                                }
                            }
                        ]
                    }
                },
                'no-cache': { type: 'boolean', default: false, description: 'Build without any cache (`--no-cache`).' },
                'no-cache-filters': {
                    type: 'array',
                    items: { type: 'string', minLength: 1 },
                    description: 'Stages to build without cache (`--no-cache-filter`).'
                },
                pull: {
                    type: 'boolean',
                    default: false,
                    description: 'Always pull a newer version of the base images (`--pull`), e.g. for a scheduled rebuild.'
                },
                network: {
                    type: 'string',
                    enum: ['default', 'none', 'host'],
                    description: 'Network of the `RUN` steps (`--network`).'
                },
                'shm-size': {
                    type: 'string',
                    pattern: '^[1-9][0-9]*[bkmgBKMG]?$',
                    'x-pattern-name': 'a size such as `512m` or `2g`',
                    description: 'Size of `/dev/shm` for the `RUN` steps (`--shm-size`).'
                },
                ulimit: {
                    type: 'array',
                    items: {
                        type: 'string',
                        pattern: '^[a-z]+=-?[0-9]+(:-?[0-9]+)?$',
                        'x-pattern-name': 'a ulimit such as `nofile=1024:1024`'
                    },
                    description: 'Resource limits of the `RUN` steps (`--ulimit`).'
                },
                'add-hosts': {
                    type: 'array',
                    items: {
                        type: 'string',
                        pattern: '^[A-Za-z0-9][A-Za-z0-9.-]*[:=][0-9A-Fa-f:.]+$',
                        'x-pattern-name': 'a host entry such as `db.internal:10.0.0.5`'
                    },
                    description: 'Extra `/etc/hosts` entries of the `RUN` steps (`--add-host`).'
                },
                'dockerfile-checks': {
                    type: 'string',
                    enum: ['off', 'warn', 'error'],
                    default: 'off',
                    description: 'Run the Dockerfile checks (`docker buildx build --call check`) before the build: `warn` annotates each finding at its Dockerfile line, `error` also fails the image (nothing of it is pushed).'
                },
                repository: {
                    type: 'string',
                    format: 'repository',
                    description: 'Full repository (`host/path`) for this image instead of `<registry>/<name>`.'
                },
                mirrors: {
                    type: 'array',
                    items: { type: 'string', format: 'repository' },
                    description: 'More repositories this image is published to (full `host/path`), instead of the top-level `mirrors`; `[]` for none.'
                },
                'run-as': {
                    type: 'string',
                    minLength: 1,
                    description: 'The runtime contract production deploys this image with: `FILE` or `FILE#NAME`, a Kubernetes manifest (`#container`) or a Compose file (`#service`), relative to the configuration file. Every service test starts as it says unless the test has a `run-as` of its own; the test commands get its security settings (user, read-only root and tmpfs, capabilities, no-new-privileges, memory and cpu limits, env) where they set none themselves. See [run-as](#run-as).'
                },
                'depends-on': {
                    type: 'string',
                    maxLength: 128,
                    description: 'Name of another image in this file that this one is built FROM. It is built and tested first, and this image is built on exactly its tested bytes: every spelling of its repository in the Dockerfile (any tag or digest, with or without the registry host, in FROM, `COPY --from=` and `RUN --mount=from=`) resolves to it; a Dockerfile that never names it is refused.'
                },
                test: {
                    description: 'Commands run inside the built image, on every platform, before anything is pushed. A list of commands, or a mapping with `commands`, `files` and `metadata` checks, `services`, `setup`, `timeout` and `mount`.',
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
                    properties: {
                        run: runCommand,
                        args: {
                            type: 'array',
                            items: { type: 'string' },
                            description: 'With `entrypoint: keep` and no `run`: arguments added after the image’s ENTRYPOINT and CMD (the image runs as its scheduler runs it, plus these).'
                        },
                        expect: EXPECT_SCHEMA,
                        name: { type: 'string', minLength: 1, description: 'Name shown in logs and reports.' },
                        timeout: { type: 'string', format: 'duration', description: `Time limit, ${schema_DURATION_HINT}.` },
                        user: { type: 'string', minLength: 1, description: 'Run as this user instead of the image’s USER.' },
                        entrypoint: {
                            type: 'string',
                            enum: ['replace', 'keep'],
                            default: 'replace',
                            description: '`replace`: the command runs instead of the image’s ENTRYPOINT. `keep`: the command is passed to the ENTRYPOINT as its arguments (for wrapper entrypoints that set up the environment); `keep` without `run` runs the image exactly as-is, its ENTRYPOINT and CMD unchanged (plus `args`).'
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
            properties: {
                commands: { type: 'array', items: { $ref: '#/$defs/testCommand' }, description: 'The test commands.' },
                files: {
                    type: 'array',
                    items: FILE_CHECK_SCHEMA,
                    description: 'Checks of paths in the image’s filesystem, read from the built image itself (no shell needed: they work on distroless and `scratch` images): existence, type, mode, owner, size, content.'
                },
                metadata: METADATA_SCHEMA,
                services: {
                    type: 'array',
                    items: { $ref: '#/$defs/testService' },
                    description: 'Service tests: the image started as the platform starts it, made ready, probed and stopped (see [service tests](#service-tests)).'
                },
                setup: {
                    type: 'array',
                    items: {
                        oneOf: [
                            { type: 'string', minLength: 1 },
                            { type: 'array', items: { type: 'string' }, minItems: 1 }
                        ]
                    },
                    description: 'Commands that add test-only tooling to a throwaway derivative of the built image (never pushed). With `mount`, each step sees the mounted directory read-only at its target (tooling and requirements files kept in the repository install from there); nothing of it lands in a layer.'
                },
                timeout: {
                    type: 'string',
                    format: 'duration',
                    default: '10m',
                    description: `Default time limit of each command, ${schema_DURATION_HINT}.`
                },
                mount: {
                    type: 'object',
                    additionalProperties: false,
                    required: ['source'],
                    description: 'Mount repository files read-only into the test containers and the `setup` steps.',
                    properties: {
                        source: {
                            type: 'string',
                            format: 'relative-path',
                            description: 'Directory, relative to the configuration file; inside the repository.'
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
                    description: '`pack` runs a pinned pack CLI (sha256-verified download); `lifecycle` runs the builder’s own `/cnb/lifecycle/creator` in a container, as Toolforge and Tekton do. Either publishes to a registry on this machine (`IMAGEGATE_BUILD_REGISTRY`, default `localhost:5000/imagegate-build`) before the tests.'
                },
                'pre-buildpacks': {
                    type: 'array',
                    items: { type: 'string', format: 'buildpack-uri' },
                    description: 'Buildpacks production injects before every group of the builder’s order (full URIs: `docker://…@sha256:…`, `urn:cnb:builder:ID`, `file:///dir`; pack mode also takes `https://` and `urn:cnb:registry:`).'
                },
                'post-buildpacks': {
                    type: 'array',
                    items: { type: 'string', format: 'buildpack-uri' },
                    description: 'Buildpacks production injects after every group of the builder’s order (full URIs).'
                },
                env: {
                    ...envMap,
                    description: 'Build-time environment: `<platform>/env/NAME` files (pack: `--env`). Not present at run time.'
                },
                'allow-unpinned-builder': {
                    type: 'boolean',
                    default: false,
                    description: 'Accept a builder pinned by tag only (CI may then not match production).'
                },
                'cache-image': {
                    type: 'string',
                    format: 'repository',
                    description: 'A registry image holding the buildpacks’ layer cache between runs (pack `--cache-image`, the lifecycle’s `-cache-image`), e.g. `ghcr.io/acme/web-cache`.'
                },
                'cache-volume': {
                    type: 'string',
                    pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$',
                    'x-pattern-name': 'a docker volume name',
                    description: 'A docker volume holding the layer cache on this machine (pack `--cache type=build;format=volume;name=…`, the lifecycle’s `-cache-dir`); for a runner that keeps its volumes.'
                }
            }
        }
    }
};

;// CONCATENATED MODULE: ./src/core/config/effective.ts
// The settings both the checks and normalise read, as the configuration means them: what the file
// says, or the schema's default where it says nothing.


const IMAGE = SCHEMA.$defs.image.properties;
// The schema's defaults of formatted values, parsed; a test holds each to the schema's text.
/** `{{sha}}` */
const DEFAULT_TAG = { source: '{{sha}}', parts: [{ variable: 'sha' }], variables: ['sha'] };
/** `10m` */
const DEFAULT_TEST_TIMEOUT_MS = 10 * 60 * 1000;
function effective_stagingOf(raw) {
    if (raw.staging?.registry !== undefined)
        return { kind: 'registry', registry: raw.staging.registry };
    return {
        kind: 'tag-prefix',
        tagPrefix: raw.staging?.['tag-prefix'] ?? SCHEMA.properties.staging.properties['tag-prefix'].default
    };
}
function imagePlatforms(image) {
    return image.platforms ?? [...IMAGE.platforms.default];
}
/** The final repository: `repository`, or `<registry>/<name>`. */
function imageRepository(image, registry) {
    return image.repository ?? `${registry}/${image.name}`;
}
function imageTags(image) {
    return (image.tags ?? [DEFAULT_TAG]).map(tagRule);
}
function tagRule(tag) {
    if (!('tag' in tag))
        return { template: tag, on: defaultTagScenarios(tag) };
    return { template: tag.tag, on: tag.on ? [...new Set(tag.on)] : defaultTagScenarios(tag.tag) };
}
/** `test` as a suite: a bare list of commands is the suite's `commands`. */
function testSuite(image) {
    if (Array.isArray(image.test))
        return { commands: image.test };
    return { ...image.test, commands: image.test?.commands ?? [] };
}

;// CONCATENATED MODULE: ./src/core/config/normalise-checks.ts
// A test's assertions as the file writes them → what the runner checks (see check-types.ts).
function normaliseExpect(raw) {
    const code = raw['exit-code'] ?? 0;
    const expect = { exitCodes: typeof code === 'number' ? [code] : [...new Set(code)] };
    if (raw.stdout)
        expect.stdout = normaliseText(raw.stdout);
    if (raw.stderr)
        expect.stderr = normaliseText(raw.stderr);
    return expect;
}
function normaliseText(raw) {
    const text = { contains: list(raw.contains), notContains: list(raw['not-contains']) };
    if (raw.matches !== undefined)
        text.matches = raw.matches;
    if (raw.equals !== undefined)
        text.equals = raw.equals;
    return text;
}
function list(value) {
    return value === undefined ? [] : typeof value === 'string' ? [value] : value;
}
function normaliseFile(raw) {
    const check = { name: raw.name ?? `file ${raw.path}`, path: raw.path, exists: raw.exists ?? true };
    if (raw.type !== undefined)
        check.type = raw.type;
    if (raw.mode !== undefined)
        check.mode = parseInt(raw.mode, 8);
    if (raw.uid !== undefined)
        check.uid = raw.uid;
    if (raw.gid !== undefined)
        check.gid = raw.gid;
    if (raw.target !== undefined)
        check.target = raw.target;
    if (raw.contains !== undefined || raw['not-contains'] !== undefined || raw.matches !== undefined)
        check.content = normaliseText(raw);
    if (raw['min-size'] !== undefined)
        check.minSize = bytes(raw['min-size']);
    if (raw['max-size'] !== undefined)
        check.maxSize = bytes(raw['max-size']);
    if (raw.platforms !== undefined)
        check.platforms = raw.platforms;
    return check;
}
/** `512`, `64k`, `2m`, `1g` (1024-based). */
function bytes(size) {
    if (typeof size === 'number')
        return size;
    const m = /^([0-9]+)([bkmg]?)$/i.exec(size);
    const unit = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[(m?.[2] ?? '').toLowerCase()] ?? 1;
    return Number(m?.[1] ?? 0) * unit;
}
function normaliseMetadata(raw) {
    const check = {
        env: Object.fromEntries(Object.entries(raw.env ?? {}).map(([k, v]) => [k, typeof v === 'boolean' ? v : String(v)])),
        exposedPorts: (raw['exposed-ports'] ?? []).map(p => (typeof p === 'number' || !p.includes('/') ? `${p}/tcp` : p)),
        labels: Object.fromEntries(Object.entries(raw.labels ?? {}).map(([k, v]) => [k, String(v)]))
    };
    if (raw.user !== undefined)
        check.user = raw.user;
    if (raw['non-root'] !== undefined)
        check.nonRoot = raw['non-root'];
    if (raw.workdir !== undefined)
        check.workdir = raw.workdir;
    if (raw.entrypoint !== undefined)
        check.entrypoint = raw.entrypoint;
    if (raw.cmd !== undefined)
        check.cmd = raw.cmd;
    if (raw.healthcheck !== undefined)
        check.healthcheck = typeof raw.healthcheck === 'boolean' ? raw.healthcheck : raw.healthcheck === 'present';
    if (raw['stop-signal'] !== undefined)
        check.stopSignal = raw['stop-signal'];
    if (raw.platform !== undefined)
        check.platform = raw.platform;
    if (raw.platforms !== undefined)
        check.platforms = raw.platforms;
    return check;
}

;// CONCATENATED MODULE: ./src/core/service/normalise.ts
// `test.services` as the file writes it → ServiceTest. Timeouts left out stay undefined: their
// defaults depend on the platform (longer under QEMU), settled by `serviceDeadlines`.
function normaliseServices(raw) {
    return (raw ?? []).map((s, i) => normaliseService(s, i, raw?.length ?? 0));
}
function normaliseService(raw, index, count) {
    const service = {
        name: raw.name ?? (count > 1 ? `service ${index + 1}` : 'service'),
        runtime: {
            env: strings(raw.env),
            tmpfs: [],
            capDrop: [],
            capAdd: [],
            ports: raw.ports ?? []
        },
        ready: readiness(raw.ready),
        probes: (raw.probes ?? []).map((p, i) => probe(p, i))
    };
    if (raw.args !== undefined)
        service.runtime.args = typeof raw.args === 'string' ? raw.args.split(/\s+/).filter(Boolean) : raw.args;
    if (raw.user !== undefined)
        service.runtime.user = raw.user;
    if (raw.workdir !== undefined)
        service.runtime.workdir = raw.workdir;
    if (raw.ready?.timeout !== undefined)
        service.readyTimeoutMs = raw.ready.timeout;
    if (raw.stop?.grace !== undefined)
        service.stopGraceMs = raw.stop.grace;
    if (raw.timeout !== undefined)
        service.timeoutMs = raw.timeout;
    if (raw.platforms !== undefined)
        service.platforms = raw.platforms;
    if (raw['run-as'] !== undefined)
        service.runAsSpec = raw['run-as'];
    if (raw['stand-ins'] !== undefined)
        service.standIns = strings(raw['stand-ins']);
    return service;
}
function readiness(raw) {
    if (raw?.healthcheck)
        return { kind: 'healthcheck' };
    if (raw?.tcp !== undefined)
        return { kind: 'tcp', port: raw.tcp };
    if (raw?.http)
        return { kind: 'http', http: httpCheck(raw.http) };
    if (raw?.log !== undefined)
        return { kind: 'log', pattern: raw.log };
    if (raw?.healthcheck === false)
        return { kind: 'running' };
    return { kind: 'auto' };
}
function httpCheck(raw) {
    const check = {
        path: raw.path,
        method: raw.method ?? 'GET',
        headers: raw.headers ?? {},
        status: raw.status ?? 200,
        json: raw.json ?? {}
    };
    if (raw.port !== undefined)
        check.port = raw.port;
    if (raw.body !== undefined)
        check.body = raw.body;
    if (raw['body-contains'] !== undefined)
        check.bodyContains = raw['body-contains'];
    if (raw['body-matches'] !== undefined)
        check.bodyMatches = raw['body-matches'];
    return check;
}
function probe(raw, index) {
    const timeout = raw.timeout !== undefined ? { timeoutMs: raw.timeout } : {};
    if (raw.http) {
        const http = httpCheck(raw.http);
        return { kind: 'http', name: raw.name ?? `${http.method} ${http.path}`, http, ...timeout };
    }
    if (raw.exec !== undefined)
        return { kind: 'exec', name: raw.name ?? `exec ${commandText(raw.exec)}`, run: raw.exec, ...timeout };
    if (raw.container)
        return {
            kind: 'container',
            name: raw.name ?? `${raw.container.image}: ${commandText(raw.container.run)}`,
            image: raw.container.image,
            run: raw.container.run,
            ...timeout
        };
    // semantics refuses a probe without a kind; this keeps the type total.
    return { kind: 'exec', name: raw.name ?? `probe ${index + 1}`, run: ['true'], ...timeout };
}
function commandText(run) {
    return typeof run === 'string' ? run : run.join(' ');
}
function strings(map) {
    return Object.fromEntries(Object.entries(map ?? {}).map(([k, v]) => [k, String(v)]));
}

;// CONCATENATED MODULE: ./src/core/config/normalise.ts
// A checked document → the Config the rest of imagegate reads: camel-case names, the schema's
// default for every key the file leaves out, numbers and booleans of string maps as strings.





const PROMOTE = SCHEMA.properties.promote.properties;
const normalise_IMAGE = SCHEMA.$defs.image.properties;
/** The mapping form of a test command (the other is a bare string). */
const COMMAND = SCHEMA.$defs.testCommand.oneOf[1].properties;
const SUITE = SCHEMA.$defs.testSuite.properties;
const BUILDPACKS = SCHEMA.$defs.buildpacks.properties;
function normalise(checked) {
    const config = {
        registry: checked.registry,
        staging: effective_stagingOf(checked),
        promote: normalisePromote(checked.promote),
        images: checked.images.map((image, index) => normaliseImage(image, index, checked.registry, checked.mirrors))
    };
    if (checked.scenario !== undefined)
        config.scenario = checked.scenario;
    return config;
}
function normalisePromote(raw) {
    const promote = {
        onMissing: raw?.['on-missing'] ?? PROMOTE['on-missing'].default,
        cleanup: raw?.cleanup ?? PROMOTE.cleanup.default
    };
    if (raw?.sign === 'cosign') {
        const key = raw['cosign-key'];
        promote.sign = {
            tool: 'cosign',
            tlog: raw['cosign-tlog'] ?? PROMOTE['cosign-tlog'].default,
            ...(key !== undefined ? { key } : {})
        };
    }
    return promote;
}
function normaliseImage(raw, index, registry, topMirrors) {
    const image = {
        name: raw.name,
        index,
        context: raw.context ?? normalise_IMAGE.context.default,
        containerfile: raw.containerfile ?? normalise_IMAGE.containerfile.default,
        buildArgs: normalise_strings(raw['build-args']),
        platforms: imagePlatforms(raw),
        tags: imageTags(raw),
        repository: imageRepository(raw, registry),
        test: normaliseSuite(testSuite(raw)),
        builder: normaliseBuilder(raw.builder ?? normalise_IMAGE.builder.default),
        labels: normalise_strings(raw.labels),
        annotations: normalise_strings(raw.annotations),
        secrets: raw.secrets,
        cache: { from: raw.cache?.from ?? [], to: raw.cache?.to ?? [] },
        attestations: {
            provenance: provenanceOf(raw.attestations?.provenance),
            ...sbomOf(raw.attestations?.sbom)
        }
    };
    const mirrors = raw.mirrors ?? (topMirrors ?? []).map(prefix => `${prefix}/${raw.name}`);
    if (mirrors.length)
        image.mirrors = mirrors;
    const build = buildSettings(raw);
    if (build)
        image.build = build;
    if (raw.flavor)
        image.flavor = {
            prefix: raw.flavor.prefix ?? '',
            suffix: raw.flavor.suffix ?? '',
            onLatest: raw.flavor['on-latest'] ?? normalise_IMAGE.flavor.properties['on-latest'].default
        };
    if (raw.executables)
        image.executables = {
            check: raw.executables.check ?? normalise_IMAGE.executables.properties.check.default,
            ignore: raw.executables.ignore ?? []
        };
    if (raw.target !== undefined)
        image.target = raw.target;
    if (raw['depends-on'] !== undefined)
        image.dependsOn = raw['depends-on'];
    if (raw['run-as'] !== undefined)
        image.runAsSpec = raw['run-as'];
    return image;
}
function provenanceOf(raw) {
    if (raw === undefined)
        return normalise_IMAGE.attestations.properties.provenance.default;
    if (typeof raw === 'boolean')
        return raw ? 'min' : 'off';
    return raw;
}
function sbomOf(raw) {
    if (raw === undefined)
        return { sbom: normalise_IMAGE.attestations.properties.sbom.default };
    if (typeof raw === 'boolean')
        return { sbom: raw };
    return { sbom: true, sbomGenerator: formatReference(raw.generator) };
}
/** The buildx settings the file sets, only those (an image that sets none keeps its source identity). */
function buildSettings(raw) {
    const build = {};
    if (raw.ssh?.length)
        build.ssh = raw.ssh;
    const contexts = Object.entries(raw['build-contexts'] ?? {});
    if (contexts.length)
        build.contexts = Object.fromEntries(contexts.map(([name, value]) => [name, typeof value === 'string' ? { source: value } : { image: value.image }]));
    if (raw['no-cache'])
        build.noCache = true;
    if (raw['no-cache-filters']?.length)
        build.noCacheFilters = raw['no-cache-filters'];
    if (raw.pull)
        build.pull = true;
    if (raw.network !== undefined)
        build.network = raw.network;
    if (raw['shm-size'] !== undefined)
        build.shmSize = raw['shm-size'];
    if (raw.ulimit?.length)
        build.ulimits = raw.ulimit;
    if (raw['add-hosts']?.length)
        build.addHosts = raw['add-hosts'];
    const checks = raw['dockerfile-checks'];
    if (checks !== undefined && checks !== 'off')
        build.checks = checks;
    return Object.keys(build).length ? build : undefined;
}
function normaliseSuite(raw) {
    const timeoutMs = raw.timeout ?? DEFAULT_TEST_TIMEOUT_MS;
    const suite = {
        commands: (raw.commands ?? []).map(c => normaliseCommand(c, timeoutMs)),
        setup: raw.setup ?? []
    };
    if (raw.files?.length)
        suite.files = raw.files.map(normaliseFile);
    if (raw.metadata)
        suite.metadata = normaliseMetadata(raw.metadata);
    if (raw.services?.length)
        suite.services = normaliseServices(raw.services);
    if (raw.mount)
        suite.mount = { source: raw.mount.source, target: raw.mount.target ?? SUITE.mount.properties.target.default };
    return suite;
}
function normaliseCommand(raw, timeoutMs) {
    const c = typeof raw === 'string' ? { run: raw } : raw;
    const command = {
        name: c.name ?? commandName(c),
        timeoutMs: c.timeout ?? timeoutMs,
        env: normalise_strings(c.env),
        entrypoint: c.entrypoint ?? COMMAND.entrypoint.default
    };
    if (c.run !== undefined)
        command.run = c.run;
    if (c.args?.length)
        command.args = c.args;
    if (c.expect)
        command.expect = normaliseExpect(c.expect);
    if (c.user !== undefined)
        command.user = c.user;
    if (c.workdir !== undefined)
        command.workdir = c.workdir;
    if (c.platforms !== undefined)
        command.platforms = c.platforms;
    return command;
}
function commandName(c) {
    if (typeof c.run === 'string')
        return c.run;
    if (c.run)
        return c.run.join(' ');
    return ['(as-is: ENTRYPOINT CMD)', ...(c.args ?? [])].join(' ');
}
function normaliseBuilder(raw) {
    if (raw === 'dockerfile')
        return { kind: 'dockerfile' };
    const b = raw.buildpacks;
    return {
        kind: 'buildpacks',
        image: formatReference(b.image),
        mode: b.mode ?? BUILDPACKS.mode.default,
        preBuildpacks: b['pre-buildpacks'] ?? [],
        postBuildpacks: b['post-buildpacks'] ?? [],
        env: normalise_strings(b.env),
        allowUnpinnedBuilder: b['allow-unpinned-builder'] ?? BUILDPACKS['allow-unpinned-builder'].default,
        ...(b['cache-image'] !== undefined || b['cache-volume'] !== undefined
            ? {
                cache: {
                    ...(b['cache-image'] !== undefined ? { image: b['cache-image'] } : {}),
                    ...(b['cache-volume'] !== undefined ? { volume: b['cache-volume'] } : {})
                }
            }
            : {})
    };
}
/** A map of the file, whose values may be numbers or booleans, with every value as a string. */
function normalise_strings(map) {
    return Object.fromEntries(Object.entries(map ?? {}).map(([k, v]) => [k, String(v)]));
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/core/config/tree.ts
// The nodes of a parsed YAML document in document order (each key before its value), without
// recursion; and what each alias stands for, found in the same one pass.

function eachNode(doc, visit) {
    const stack = [doc.contents];
    while (stack.length) {
        const node = stack.pop();
        if ((0,dist/* isPair */.tO)(node)) {
            stack.push(node.value, node.key);
            continue;
        }
        if (!(0,dist/* isNode */.Ll)(node))
            continue;
        visit(node);
        if ((0,dist/* isMap */.jh)(node) || (0,dist/* isSeq */.oP)(node))
            for (let i = node.items.length - 1; i >= 0; i--)
                stack.push(node.items[i]);
    }
}
/** Each alias's node: the last node before it with its anchor, as YAML resolves it. */
function aliasTargets(doc) {
    const anchors = new Map();
    const targets = new Map();
    eachNode(doc, node => {
        if ((0,dist/* isAlias */.Vj)(node)) {
            const target = anchors.get(node.source);
            if (target)
                targets.set(node, target);
        }
        else if (node.anchor)
            anchors.set(node.anchor, node);
    });
    return targets;
}

;// CONCATENATED MODULE: ./src/core/config/parse.ts
// YAML text → a document that knows the line and column of every node, or the syntax errors, each
// with its fix. The parser is driven token by token so that the limits (tokens, values, nesting)
// stop it early, whatever the file holds, and every YAML feature imagegate does not read (tags,
// directives other than `%YAML 1.2`) is refused where it is written.



const TOO_MANY_VALUES = `the file holds more than ${LIMITS.values} keys and values (each use of an alias counts again); a configuration needs far fewer: simplify it`;
function parseYaml(text) {
    const lines = new dist/* LineCounter */.HN();
    const tokens = readTokens(text, lines);
    if (!tokens.ok)
        return tokens;
    const composer = new dist/* Composer */.Dk({ prettyErrors: false, uniqueKeys: false, strict: true });
    let doc;
    for (const next of composer.compose(tokens.tokens, true, text.length)) {
        if (!doc)
            doc = next;
        else {
            const [start, end] = next.range;
            doc.errors.push(new dist/* YAMLParseError */.XT([start, end], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
            break;
        }
    }
    if (!doc)
        throw new Error('the YAML composer made no document');
    const diagnostics = [...doc.errors.map(e => syntaxDiagnostic(e, lines)), ...structureDiagnostics(doc, lines)];
    return diagnostics.length ? { ok: false, diagnostics } : { ok: true, doc, lines };
}
/** The parser's tokens, or the first limit the text exceeds or YAML feature it uses that imagegate does not read. */
function readTokens(text, lines) {
    const parser = new dist/* Parser */.iX(lines.addNewLine);
    lines.addNewLine(0);
    const tokens = [];
    let count = 0;
    let values = 0;
    let atScalar = false;
    const refuse = (offset, message) => ({
        ok: false,
        diagnostics: [{ ...lines.linePos(offset), message }]
    });
    for (const lexeme of new dist/* Lexer */.JG().lex(text)) {
        const offset = parser.offset;
        if (++count > LIMITS.tokens) {
            return refuse(offset, `the file holds more than ${LIMITS.tokens} YAML tokens (values, indicators, comments, line breaks); a configuration needs far fewer: remove what imagegate does not read`);
        }
        // A scalar's text follows its marker; it is no token of its own, whatever it starts with.
        const type = atScalar ? 'scalar-text' : dist/* CST */.DB.tokenType(lexeme);
        atScalar = type === 'scalar';
        if (type === 'scalar' ||
            type === 'single-quoted-scalar' ||
            type === 'double-quoted-scalar' ||
            type === 'alias' ||
            type === 'flow-map-start' ||
            type === 'flow-seq-start') {
            if (++values > LIMITS.values)
                return refuse(offset, TOO_MANY_VALUES);
        }
        else if (type === 'tag' && lexeme !== '!!str') {
            return refuse(offset, tagMessage(lexeme));
        }
        else if (type === 'directive-line') {
            const problem = directiveProblem(lexeme);
            if (problem)
                return refuse(offset, problem);
        }
        for (const token of parser.next(lexeme))
            tokens.push(token);
        // The parser's stack holds the document, each open collection and at most one scalar.
        if (parser.stack.length > LIMITS.depth + 1 && parser.stack.filter(t => 'items' in t).length > LIMITS.depth) {
            return refuse(offset, `values nested more than ${LIMITS.depth} levels deep; a configuration nests at most 7 (images, an image, test, commands, a command, env): flatten it`);
        }
    }
    for (const token of parser.end())
        tokens.push(token);
    return { ok: true, tokens };
}
function tagMessage(tag) {
    const fix = tag === '!!binary' ? 'write the value as text' : 'remove the tag (quote the value to make it a string)';
    return `YAML tag \`${clip(tag, 40)}\` is not supported: imagegate reads plain strings, numbers, booleans, lists and mappings; ${fix}`;
}
function directiveProblem(line) {
    const directive = line.trim();
    const version = /^%YAML[ \t]+([^\s#]+)/.exec(directive)?.[1];
    if (version === '1.2')
        return undefined;
    if (version === '1.1') {
        return '`%YAML 1.1`: imagegate reads YAML 1.2, where `yes`, `no`, `on` and `off` are strings and `<<` merges nothing; remove the directive';
    }
    if (version !== undefined)
        return `\`%YAML ${clip(version, 20)}\`: imagegate reads YAML 1.2; remove the directive`;
    if (/^%TAG\b/.test(directive))
        return '`%TAG` declares tags, which imagegate does not read; remove the directive';
    return `unknown directive \`${clip(directive, 40)}\`; remove it`;
}
/** What the document's shape says beyond the syntax: keys given twice, `!!str` on a list or mapping. */
function structureDiagnostics(doc, lines) {
    const found = [];
    eachNode(doc, node => {
        if (!(0,dist/* isMap */.jh)(node) && !(0,dist/* isSeq */.oP)(node))
            return;
        if (node.tag) {
            found.push({
                ...lines.linePos(node.range?.[0] ?? 0),
                message: `\`!!str\` makes a single value a string; remove it from this ${(0,dist/* isMap */.jh)(node) ? 'mapping' : 'list'}`
            });
        }
        if (!(0,dist/* isMap */.jh)(node))
            return;
        const seen = new Set();
        for (const pair of node.items) {
            const key = pair.key;
            if (!(0,dist/* isScalar */.jn)(key))
                continue;
            if (!seen.has(key.value)) {
                seen.add(key.value);
                continue;
            }
            found.push({
                ...lines.linePos(key.range?.[0] ?? 0),
                message: `duplicate key \`${clip(String(key.value))}\`; each key may appear once: remove or merge one of them`
            });
        }
    });
    return found;
}
function syntaxDiagnostic(error, lines) {
    const offset = error.pos[0];
    const { line, col } = lines.linePos(offset);
    const messages = {
        TAB_AS_INDENT: () => 'tab character used for indentation; YAML allows only spaces there: replace the tab with spaces',
        MULTIPLE_DOCS: () => 'the file holds more than one YAML document (`---`); keep exactly one',
        BAD_INDENT: () => `YAML syntax error: ${firstLine(error)}; check the indentation and closing brackets`,
        RESOURCE_EXHAUSTION: () => `values nested too deeply for the YAML parser; a configuration nests at most 7: flatten it`
    };
    return { line, col, message: messages[error.code]?.() ?? `YAML syntax error: ${firstLine(error)}` };
}
function firstLine(error) {
    return clip(error.message.split('\n')[0] ?? '', 200);
}

;// CONCATENATED MODULE: ./src/core/config/positions.ts
// Where each value of the document stands in the file, by its path (`images[0].platforms`).
function pathText(path) {
    return (path.map((seg, i) => (typeof seg === 'number' ? `[${seg}]` : i === 0 ? seg : `.${seg}`)).join('') || '(top level)');
}
class Positions {
    root;
    byPath;
    constructor(root, byPath) {
        this.root = root;
        this.byPath = byPath;
    }
    /** The position of the value at `path`; undefined for a value the file leaves out. */
    of(path) {
        return this.byPath.get(path);
    }
    /** The position of the value at `path` or, where the file leaves it out, of the nearest value that holds it. */
    at(path) {
        for (let length = path.length; length > 0; length--) {
            const found = this.byPath.get(pathText(path.slice(0, length)));
            if (found)
                return found;
        }
        return this.root;
    }
}
function configSource(file, positions) {
    const base = file.split('/').pop() ?? file;
    return {
        file,
        position: path => positions.of(path),
        where: path => {
            const p = positions.of(path);
            return p ? `${base}:${p.line}` : undefined;
        }
    };
}

;// CONCATENATED MODULE: ./src/core/config/check-semantics.ts
// Checks of a test's assertions that need more than one value: a command without `run` runs the
// image as-is only with `entrypoint: keep`, file checks that contradict themselves, check platforms
// the image does not build.



function checkAssertions(image, at, error) {
    const suite = testSuite(image);
    const commandsAt = Array.isArray(image.test) ? [...at, 'test'] : [...at, 'test', 'commands'];
    suite.commands.forEach((command, i) => {
        if (typeof command === 'string')
            return;
        const path = [...commandsAt, i];
        const keep = command.entrypoint === 'keep';
        if (command.run === undefined && !keep)
            error(path, 'this test has no `run`: give it the command to run (e.g. `run: test -f /app/ready`), or `entrypoint: keep` to run the image as-is, its ENTRYPOINT and CMD unchanged');
        if (command.args !== undefined && (command.run !== undefined || !keep))
            error([...path, 'args'], command.run !== undefined
                ? '`args` goes with a test that runs the image as-is (`entrypoint: keep`, no `run`); with `run`, write the arguments in `run`'
                : '`args` are added after the image’s ENTRYPOINT and CMD: set `entrypoint: keep` (and no `run`) to run the image as-is');
    });
    const platforms = imagePlatforms(image);
    const built = new Set(platforms.map(platformKey));
    const checkPlatforms = (list, path) => (list ?? []).forEach((p, j) => {
        if (!built.has(platformKey(p)))
            error([...path, 'platforms', j], `check platform ${p} is not one of the image's platforms (${platforms.join(', ')})`);
    });
    (suite.files ?? []).forEach((file, i) => {
        const path = [...at, 'test', 'files', i];
        checkPlatforms(file.platforms, path);
        const others = ['type', 'mode', 'uid', 'gid', 'target', 'contains', 'not-contains', 'matches', 'min-size', 'max-size'].filter(k => file[k] !== undefined);
        if (file.exists === false && others.length) {
            error([...path, others[0]], `conflicting options: \`exists: false\` checks that ${file.path} is absent, so \`${others[0]}\` cannot apply; remove one of them`);
            return;
        }
        const content = ['contains', 'not-contains', 'matches', 'min-size', 'max-size'].find(k => file[k] !== undefined);
        if (content && file.type !== undefined && file.type !== 'file')
            error([...path, content], `\`${content}\` checks a file's content, but \`type: ${file.type}\` has none; use \`type: file\` or remove \`${content}\``);
        if (file.target !== undefined && file.type !== undefined && file.type !== 'symlink')
            error([...path, 'target'], `\`target\` is a symbolic link's target, but \`type: ${file.type}\`; use \`type: symlink\` or remove \`target\``);
        const min = file['min-size'];
        const max = file['max-size'];
        if (min !== undefined && max !== undefined && bytes(min) > bytes(max))
            error([...path, 'min-size'], `\`min-size\` (${min}) is larger than \`max-size\` (${max}); no file can pass`);
    });
    if (suite.metadata)
        checkPlatforms(suite.metadata.platforms, [...at, 'test', 'metadata']);
}

;// CONCATENATED MODULE: ./src/core/service/semantics.ts
// Checks of `test.services` that the schema cannot say: one readiness kind, one probe kind, ports
// in range, regular expressions that compile, platforms the image has.

const READY_KINDS = ['healthcheck', 'tcp', 'http', 'log'];
const PROBE_KINDS = ['http', 'exec', 'container'];
function checkServices(services, platforms, at, error) {
    const built = new Set(platforms.map(platformKey));
    (services ?? []).forEach((service, i) => {
        const here = [...at, i];
        const ready = service.ready ?? {};
        const kinds = READY_KINDS.filter(k => ready[k] !== undefined);
        if (kinds.length > 1)
            error([...here, 'ready', kinds[1] ?? ''], `conflicting options: \`ready\` takes one of ${READY_KINDS.map(k => `\`${k}\``).join(', ')}; this one sets ${kinds.map(k => `\`${k}\``).join(' and ')}; keep one`);
        if (ready.log !== undefined)
            checkRegex(ready.log, [...here, 'ready', 'log'], error);
        for (const port of [...(service.ports ?? []).map((p, j) => [p, [...here, 'ports', j]])])
            checkPort(port[0], port[1], error);
        if (ready.tcp !== undefined)
            checkPort(ready.tcp, [...here, 'ready', 'tcp'], error);
        if (ready.http)
            checkHttp(ready.http, [...here, 'ready', 'http'], error);
        (service.probes ?? []).forEach((probe, j) => {
            const probeAt = [...here, 'probes', j];
            const set = PROBE_KINDS.filter(k => probe[k] !== undefined);
            if (set.length === 0)
                error(probeAt, `a probe needs one of ${PROBE_KINDS.map(k => `\`${k}\``).join(', ')}; add e.g. \`http: {path: /}\``);
            else if (set.length > 1)
                error([...probeAt, set[1] ?? ''], `conflicting options: a probe is one of ${PROBE_KINDS.map(k => `\`${k}\``).join(', ')}; this one sets ${set.map(k => `\`${k}\``).join(' and ')}; split it into two probes`);
            if (probe.http)
                checkHttp(probe.http, [...probeAt, 'http'], error);
        });
        (service.platforms ?? []).forEach((p, j) => {
            if (!built.has(platformKey(p)))
                error([...here, 'platforms', j], `service test platform ${p} is not one of the image's platforms (${platforms.join(', ')})`);
        });
    });
}
function checkHttp(http, at, error) {
    if (!http)
        return;
    if (http.port !== undefined)
        checkPort(http.port, [...at, 'port'], error);
    if (http.status !== undefined && (http.status < 100 || http.status > 599))
        error([...at, 'status'], `\`status\` ${http.status} is not an HTTP status; write one from 100 to 599, e.g. 200`);
    if (http['body-matches'] !== undefined)
        checkRegex(http['body-matches'], [...at, 'body-matches'], error);
}
function checkPort(port, at, error) {
    if (!Number.isInteger(port) || port < 1 || port > 65535)
        error(at, `port ${port} is not a TCP port; write one from 1 to 65535, e.g. 8080`);
}
function checkRegex(pattern, at, error) {
    try {
        new RegExp(pattern);
    }
    catch (e) {
        error(at, `\`${pattern}\` is not a regular expression (${e.message}); fix it or escape the special characters`);
    }
}

;// CONCATENATED MODULE: ./src/core/config/semantics.ts
// Checks that need more than one value: names, dependencies, conflicting options, pins. They read
// the document the schema walk accepted and settle what normalise needs beyond it: the one source
// of each secret.







function checkDocument(raw, positions) {
    const errors = [];
    const warnings = [];
    const error = (path, message) => void errors.push({ ...positions.at(path), message });
    const warn = (path, message) => void warnings.push({ ...positions.at(path), message, severity: 'warning' });
    checkStaging(raw, error);
    checkNames(raw.images, error);
    checkRepositories(raw, error);
    checkRepositoryNames(raw, error);
    checkDependencies(raw.images, error);
    checkContextImages(raw.images, error);
    checkMirrors(raw, error);
    const staging = effective_stagingOf(raw);
    const images = raw.images.map((image, index) => {
        const at = ['images', index];
        checkBuilder(image, at, error, warn);
        checkTestPlatforms(image, at, error);
        checkAssertions(image, at, error);
        if (!Array.isArray(image.test) && image.test?.services)
            checkServices(image.test.services, imagePlatforms(image), [...at, 'test', 'services'], error);
        checkTags(image, staging, at, error);
        checkPlatformsUnique(image, at, error);
        return { ...image, secrets: checkSecrets(image, at, error) };
    });
    if (errors.length)
        return { ok: false, diagnostics: errors };
    return { ok: true, config: { ...raw, images }, warnings };
}
function checkStaging(raw, error) {
    const staging = raw.staging ?? {};
    if (staging['tag-prefix'] !== undefined && staging.registry !== undefined) {
        error(['staging', 'registry'], 'conflicting options: `staging.tag-prefix` stages in the final repository, `staging.registry` in an intermediate registry; keep one of them');
        return;
    }
    if (staging.registry === raw.registry) {
        error(['staging', 'registry'], '`staging.registry` is the final `registry` itself; stage in the same repository with `tag-prefix: staging-` instead, or name a separate registry');
    }
}
function checkNames(images, error) {
    const seen = new Map();
    images.forEach((image, index) => {
        const first = seen.get(image.name);
        if (first !== undefined)
            error(['images', index, 'name'], `image name \`${image.name}\` is already used by images[${first}]; names must be unique`);
        else
            seen.set(image.name, index);
    });
}
function checkRepositories(raw, error) {
    const seen = new Map();
    raw.images.forEach((image, index) => {
        const repository = imageRepository(image, raw.registry);
        const other = seen.get(repository);
        if (other && other.name !== image.name) {
            error(['images', index, image.repository !== undefined ? 'repository' : 'name'], `images \`${other.name}\` and \`${image.name}\` would both publish to ${repository}; give one a different \`repository\``);
        }
        seen.set(repository, image);
    });
}
/** `<registry>/<name>` and `<staging.registry>/<name>` as the distribution grammar takes them (at most 255 characters). */
function checkRepositoryNames(raw, error) {
    raw.images.forEach((image, index) => {
        const names = [];
        if (image.repository === undefined)
            names.push(['repository', `${raw.registry}/${image.name}`, '`registry`']);
        if (raw.staging?.registry !== undefined)
            names.push(['staging repository', `${raw.staging.registry}/${image.name}`, '`staging.registry`']);
        for (const [what, name, prefix] of names) {
            const parsed = parseReference(name);
            if (!parsed.ok)
                error(['images', index, 'name'], `the ${what} \`${name}\`: ${parsed.error}; shorten \`name\` or ${prefix}`);
        }
    });
}
function checkDependencies(images, error) {
    const byName = new Map(images.map(image => [image.name, image]));
    const names = [...byName.keys()];
    // Suggestions compare against every name: only as many as are ever listed.
    let suggestions = 0;
    images.forEach((image, index) => {
        const dependsOn = image['depends-on'];
        if (dependsOn === undefined)
            return;
        const at = ['images', index, 'depends-on'];
        const base = byName.get(dependsOn);
        if (dependsOn === image.name) {
            error(at, `image \`${image.name}\` cannot depend on itself`);
            return;
        }
        if (!base) {
            const guess = suggestions++ < LIMITS.diagnostics ? closest(dependsOn, names) : undefined;
            error(at, `\`depends-on: ${dependsOn}\` names no image in this file${guess ? `; did you mean \`${guess}\`?` : ''}`);
            return;
        }
        if (image.builder !== undefined && image.builder !== 'dockerfile') {
            error(at, '`depends-on` needs the `dockerfile` builder: a buildpacks build takes its base from the builder');
        }
        const basePlatforms = new Set(imagePlatforms(base).map(platformKey));
        const missing = imagePlatforms(image).filter(p => !basePlatforms.has(platformKey(p)));
        if (missing.length) {
            error(at, `\`${image.name}\` builds for ${missing.join(', ')}, which its base \`${base.name}\` does not build; add them to \`${base.name}\`'s platforms`);
        }
    });
    const cycle = findCycle(images, byName);
    if (cycle) {
        // A long cycle is named by its first and last images.
        const names = cycle.names;
        const shown = names.length > 12 ? [...names.slice(0, 10), `… (${names.length - 12} more)`, ...names.slice(-2)] : names;
        error(['images', cycle.index, 'depends-on'], `\`depends-on\` forms a cycle: ${shown.join(' → ')}`);
    }
}
/**
 * The first image whose `depends-on` chain leads back to it, and the names along the way, back to
 * it. Each image has one base, so each chain is followed once: one that reaches an image of an
 * earlier chain finds no new cycle.
 */
function findCycle(images, byName) {
    const base = (image) => {
        const next = image['depends-on'];
        return next !== undefined && next !== image.name ? byName.get(next) : undefined;
    };
    const settled = new Set();
    const onCycle = new Set();
    for (const start of images) {
        const chain = [];
        const onChain = new Set();
        let current = start;
        while (current && !onChain.has(current) && !settled.has(current)) {
            chain.push(current);
            onChain.add(current);
            current = base(current);
        }
        if (current && onChain.has(current))
            for (const image of chain.slice(chain.indexOf(current)))
                onCycle.add(image);
        for (const image of chain)
            settled.add(image);
    }
    const index = images.findIndex(image => onCycle.has(image));
    const first = images[index];
    if (!first)
        return undefined;
    const names = [first.name];
    for (let image = base(first); image && image !== first; image = base(image))
        names.push(image.name);
    return { index, names: [...names, first.name] };
}
/** A mirror is another repository than the image's own, named once. */
function checkMirrors(raw, error) {
    raw.images.forEach((image, index) => {
        const own = imageRepository(image, raw.registry);
        const mirrors = image.mirrors ?? (raw.mirrors ?? []).map(prefix => `${prefix}/${image.name}`);
        const at = image.mirrors ? ['images', index, 'mirrors'] : ['mirrors'];
        const seen = new Set();
        mirrors.forEach((mirror, i) => {
            if (mirror === own)
                error([...at, i], `mirror ${mirror} is the image's own repository; list only the other registries`);
            else if (seen.has(mirror))
                error([...at, i], `mirror ${mirror} is listed twice`);
            seen.add(mirror);
        });
    });
}
/** buildx settings a buildpacks build has no use for. */
const DOCKERFILE_ONLY = [
    'containerfile',
    'target',
    'ssh',
    'build-contexts',
    'no-cache-filters',
    'shm-size',
    'ulimit',
    'add-hosts',
    'dockerfile-checks'
];
/** `build-contexts: {NAME: {image: OTHER}}`: OTHER is an image of this file, built before, on every platform this one builds. */
function checkContextImages(images, error) {
    const byName = new Map(images.map(image => [image.name, image]));
    const needs = (image) => [
        ...(image['depends-on'] !== undefined ? [image['depends-on']] : []),
        ...Object.values(image['build-contexts'] ?? {}).flatMap(v => (typeof v === 'string' ? [] : [v.image]))
    ];
    images.forEach((image, index) => {
        for (const [name, value] of Object.entries(image['build-contexts'] ?? {})) {
            if (typeof value === 'string')
                continue;
            const at = ['images', index, 'build-contexts', name, 'image'];
            const other = byName.get(value.image);
            if (value.image === image.name) {
                error(at, `build context \`${name}\` names \`${image.name}\` itself; name another image of this file`);
                continue;
            }
            if (!other) {
                const guess = closest(value.image, [...byName.keys()]);
                error(at, `build context \`${name}\` names no image \`${value.image}\` of this file${guess ? `; did you mean \`${guess}\`?` : ''}`);
                continue;
            }
            const platforms = new Set(imagePlatforms(other).map(platformKey));
            const missing = imagePlatforms(image).filter(p => !platforms.has(platformKey(p)));
            if (missing.length)
                error(at, `\`${image.name}\` builds for ${missing.join(', ')}, which \`${other.name}\` (build context \`${name}\`) does not build`);
            // The image must not be needed, through bases and contexts, to build what it uses.
            const seen = new Set();
            const queue = [value.image];
            while (queue.length) {
                const next = queue.shift();
                if (next === image.name) {
                    error(at, `build context \`${name}\`: \`${value.image}\` is itself built from \`${image.name}\` (a cycle)`);
                    break;
                }
                if (seen.has(next) || seen.size > images.length)
                    continue;
                seen.add(next);
                const found = byName.get(next);
                if (found)
                    queue.push(...needs(found));
            }
        }
    });
}
function checkBuilder(image, at, error, warn) {
    if (image.builder === undefined || image.builder === 'dockerfile')
        return;
    for (const key of DOCKERFILE_ONLY) {
        if (image[key] !== undefined) {
            error([...at, key], `conflicting options: \`${key}\` applies to the \`dockerfile\` builder, but this image is built with buildpacks; remove \`${key}\``);
        }
    }
    const { image: builder, 'allow-unpinned-builder': allowUnpinned } = image.builder.buildpacks;
    const text = formatReference(builder);
    const path = [...at, 'builder', 'buildpacks', 'image'];
    if (builder.digest === undefined && !allowUnpinned) {
        error(path, `builder \`${text}\` is not pinned by digest, so CI may build with a different builder than production; pin it as \`${text}@sha256:…\` (the digest production uses), or set \`allow-unpinned-builder: true\``);
    }
    else if (builder.digest === undefined) {
        warn(path, `builder \`${text}\` is pinned by tag only; CI may not match production`);
    }
}
function checkTestPlatforms(image, at, error) {
    const platforms = imagePlatforms(image);
    const built = new Set(platforms.map(platformKey));
    const commandsAt = Array.isArray(image.test) ? [...at, 'test'] : [...at, 'test', 'commands'];
    testSuite(image).commands.forEach((command, i) => {
        if (typeof command === 'string')
            return;
        (command.platforms ?? []).forEach((p, j) => {
            if (!built.has(platformKey(p))) {
                error([...commandsAt, i, 'platforms', j], `test platform ${p} is not one of the image's platforms (${platforms.join(', ')})`);
            }
        });
    });
}
function checkTags(image, staging, at, error) {
    const seen = new Set();
    imageTags(image).forEach(({ template: { source } }, i) => {
        const path = [...at, 'tags', i];
        if (seen.has(source))
            error(path, `tag \`${source}\` is listed twice`);
        seen.add(source);
        if (staging.kind === 'tag-prefix' && source.startsWith(staging.tagPrefix)) {
            error(path, `tag \`${source}\` starts with the staging prefix \`${staging.tagPrefix}\`; staging cleanup would delete it: rename the tag or change \`staging.tag-prefix\``);
        }
    });
}
function checkPlatformsUnique(image, at, error) {
    const seen = new Set();
    imagePlatforms(image).forEach((p, i) => {
        const key = platformKey(p);
        if (seen.has(key))
            error([...at, 'platforms', i], `platform ${p} is listed twice`);
        seen.add(key);
    });
}
/** Each secret with its one source; a secret with none or two is an error. */
function checkSecrets(image, at, error) {
    const secrets = [];
    const seen = new Set();
    (image.secrets ?? []).forEach(({ id, env, file }, i) => {
        const path = [...at, 'secrets', i];
        if (env !== undefined && file === undefined)
            secrets.push({ id, env });
        else if (file !== undefined && env === undefined)
            secrets.push({ id, file });
        else {
            error(path, `secret \`${id}\` needs exactly one of \`env\` (an environment variable) or \`file\` (a file), not ${env === undefined ? 'neither' : 'both'}`);
        }
        if (seen.has(id))
            error([...path, 'id'], `secret id \`${id}\` is listed twice`);
        seen.add(id);
    });
    return secrets;
}

;// CONCATENATED MODULE: ./src/core/config/text.ts
// The file as text, before any YAML: its size, its encoding, and characters no YAML file holds.

const MIB = 1024 * 1024;
/** The bytes of the file as text: at most LIMITS.fileBytes of UTF-8 (a byte order mark is kept for the parser). */
function decodeConfig(bytes) {
    if (bytes.length > LIMITS.fileBytes)
        return refused({ line: 1, col: 1 }, tooLarge());
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
        return refused({ line: 1, col: 1 }, 'the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8');
    }
    let text;
    try {
        text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    }
    catch {
        const offset = firstInvalidUtf8(bytes);
        const before = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, offset));
        const byte = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
        return refused(text_positionOf(before, before.length), `the file is not UTF-8 (byte 0x${byte} at offset ${offset} starts no UTF-8 character); save it as UTF-8`);
    }
    return checkText(text);
}
/** Text the YAML parser may read: within the size limit, without control characters. */
function checkText(text) {
    // At most three bytes of UTF-8 for each UTF-16 unit: only a long text needs counting.
    if (text.length * 3 > LIMITS.fileBytes) {
        const bytes = Buffer.byteLength(text, 'utf8');
        if (bytes > LIMITS.fileBytes)
            return refused({ line: 1, col: 1 }, tooLarge());
    }
    // YAML's printable characters: tab, line breaks and everything from U+0020 but DEL, the C1
    // controls other than NEL, U+FFFE and U+FFFF.
    const control = text.search(/[^\t\n\r\u0020-\u007e\u0085\u00a0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u);
    if (control >= 0) {
        const code = text.codePointAt(control) ?? 0;
        const hex = code.toString(16).toUpperCase().padStart(2, '0');
        const message = code === 0
            ? 'the file contains a NUL character (U+0000); a configuration file is text, not binary: remove it'
            : `the file contains the ${code < 0xa0 ? 'control ' : ''}character U+${hex.padStart(4, '0')}; YAML files hold only printable characters: remove it, or write it as an escape (\`\\x${hex}\`) inside double quotes`;
        return refused(text_positionOf(text, control), message);
    }
    return { ok: true, text };
}
function tooLarge() {
    return `the file is larger than ${LIMITS.fileBytes / MIB} MiB, the most a configuration file may hold`;
}
function refused(position, message) {
    return { ok: false, diagnostics: [{ ...position, message }] };
}
function text_positionOf(text, offset) {
    let line = 1;
    let start = 0;
    for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
        line++;
        start = i + 1;
    }
    return { line, col: offset - start + 1 };
}
/** The offset of the first byte that does not start a well-formed UTF-8 character. */
function firstInvalidUtf8(bytes) {
    let i = 0;
    while (i < bytes.length) {
        const lead = bytes[i];
        if (lead < 0x80) {
            i++;
            continue;
        }
        const length = lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xf0 && lead <= 0xf4 ? 3 : 0;
        if (length === 0)
            return i;
        let code = lead & [0x1f, 0x0f, 0x07][length - 1];
        for (let k = 1; k <= length; k++) {
            const next = bytes[i + k];
            if (next === undefined || (next & 0xc0) !== 0x80)
                return i;
            code = (code << 6) | (next & 0x3f);
        }
        const min = [0x80, 0x800, 0x10000][length - 1];
        if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
            return i;
        i += length + 1;
    }
    return bytes.length;
}

;// CONCATENATED MODULE: ./src/core/config/formats.ts
// The semantic string formats named by `format` in the schema. Each parses a value into what the
// steps after the schema walk use, or returns the error with its fix. Most formats only check, and
// their value stays the string; a tag template, a duration and an image reference arrive parsed.




const FORMATS = {
    'registry-prefix': checked(checkRegistryPrefix),
    'image-reference': parseReference,
    repository: checked(value => {
        const r = parseReference(value);
        if (!r.ok)
            return r.error;
        if (r.value.tag !== undefined || r.value.digest !== undefined)
            return `\`${value}\` is a repository: remove the tag or digest (tags go in \`tags\`)`;
        return undefined;
    }),
    platform: checked(value => {
        const r = parsePlatform(value);
        return r.ok ? undefined : r.error;
    }),
    'tag-template': parseTagTemplate,
    'tag-prefix': checked(value => {
        if (value.length > 64)
            return `the prefix is ${value.length} characters; keep it to 64 so the staging tag fits in 128`;
        if (!isValidTag(`${value}x`))
            return `\`${value}\` cannot start a tag: use letters, digits, \`_\`, \`.\` and \`-\`, starting with a letter or digit`;
        return undefined;
    }),
    duration: (value) => {
        const ms = durationMs(value);
        if (ms === undefined)
            return { ok: false, error: `\`${value}\` is not a duration; write e.g. \`90s\`, \`5m\` or \`1h30m\`` };
        if (ms < LIMITS.timeoutMinMs)
            return {
                ok: false,
                error: `\`${value}\` is too short: a time limit is at least \`${LIMITS.timeoutMinMs / 1000}s\` (the container must start)`
            };
        if (ms > LIMITS.timeoutMaxMs)
            return {
                ok: false,
                error: `\`${value}\` is too long: a time limit is at most \`${LIMITS.timeoutMaxMs / 3600000}h\``
            };
        return { ok: true, value: ms };
    },
    'relative-path': checked(value => {
        if (value.startsWith('/'))
            return `\`${value}\` is absolute; write it relative to the configuration file so it works on every machine`;
        if (value.includes('\\'))
            return `\`${value}\` uses backslashes; write \`${value.replace(/\\/g, '/')}\``;
        return undefined;
    }),
    'absolute-path': checked(value => value.startsWith('/') ? undefined : `\`${value}\` must be an absolute path inside the container, e.g. \`/${value}\``),
    regex: checked(value => {
        try {
            new RegExp(value, 'm');
            return undefined;
        }
        catch (e) {
            return `\`${value}\` is not a regular expression (${e instanceof Error ? e.message.replace(/^Invalid regular expression: /, '') : String(e)}); escape special characters with \`\\\``;
        }
    }),
    'buildpack-uri': checked(checkBuildpackUri),
    'build-context': checked(checkBuildContext)
};
function parseFormat(format, value) {
    return FORMATS[format](value);
}
/** A format that only checks: its value is the string. */
function checked(check) {
    return value => {
        const error = check(value);
        return error === undefined ? { ok: true, value } : { ok: false, error };
    };
}
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
const CONTEXT_SCHEMES = ['docker-image://', 'oci-layout://', 'https://', 'git@', 'git://', 'ssh://'];
/** A buildx named context: an image, a layout, a URL, or a directory relative to the configuration file. */
function checkBuildContext(value) {
    if (value.startsWith('docker-image://')) {
        const ref = parseReference(value.slice('docker-image://'.length));
        return ref.ok ? undefined : `build context \`${value}\`: ${ref.error}`;
    }
    if (CONTEXT_SCHEMES.some(s => value.startsWith(s)))
        return undefined;
    if (value.includes('://'))
        return `\`${value}\` is not a build context buildx reads; write \`docker-image://REF\`, \`oci-layout://…\`, \`https://…\`, a git URL or a directory`;
    if (value.startsWith('/'))
        return `\`${value}\` is absolute; write the directory relative to the configuration file so it works on every machine`;
    return undefined;
}
/** Milliseconds of `1h30m`, `90s`, `250ms`; undefined when it is not a duration (or none at all). */
function parseDuration(text) {
    const ms = durationMs(text);
    return ms !== undefined && ms > 0 && Number.isSafeInteger(ms) ? ms : undefined;
}
/** Milliseconds of a duration, zero and more than can be counted (Infinity) included; undefined when it is none. */
function durationMs(text) {
    const units = { ms: 1, s: 1000, m: 60000, h: 3600000 };
    if (!/^(\d+(ms|s|m|h))+$/.test(text))
        return undefined;
    let total = 0;
    for (const m of text.matchAll(/(\d+)(ms|s|m|h)/g))
        total += Number(m[1]) * (units[m[2] ?? 's'] ?? 0);
    return total;
}

;// CONCATENATED MODULE: ./src/core/config/validate.ts
// Walks a parsed YAML document against SCHEMA. A document that fits comes back as a RawConfig (each
// formatted string parsed by its format) with the position of every value; one that does not, as a
// diagnostic (with position and fix) for every mismatch.








const DEFS = SCHEMA.$defs;
function walkDocument(doc, lines) {
    const positions = new Map();
    const diagnostics = [];
    const aliases = aliasTargets(doc);
    let visited = 0;
    /** Where the alias being expanded is used, if one is: the values it stands for are counted there. */
    let expanding;
    /** False once the file holds more keys and values than LIMITS.values (reported once). */
    const count = (pos) => {
        if (++visited <= LIMITS.values)
            return true;
        if (visited === LIMITS.values + 1)
            report(expanding ?? pos, TOO_MANY_VALUES);
        return false;
    };
    const at = (node) => {
        const offset = node?.range?.[0] ?? 0;
        const p = lines.linePos(offset);
        return { line: p.line, col: p.col };
    };
    const report = (pos, message) => {
        diagnostics.push({ ...pos, message });
    };
    const walk = (node, schema, path, pos) => {
        if (!count(pos))
            return undefined;
        if (node && (0,dist/* isAlias */.Vj)(node)) {
            const target = aliases.get(node);
            if (!target) {
                report(at(node), `unknown alias \`*${node.source}\`; define it first with \`&${node.source}\``);
                return undefined;
            }
            if (expanding)
                return walk(target, schema, path, at(node));
            expanding = at(node);
            const value = walk(target, schema, path, expanding);
            expanding = undefined;
            return value;
        }
        positions.set(pathText(path), pos);
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
        return walkScalar((0,dist/* isScalar */.jn)(node) ? node.value : null, resolved, path, pos);
    };
    const walkOneOf = (node, schema, path, pos) => {
        const got = typeOf(node);
        const options = (schema.oneOf ?? []).map(resolveRef);
        const match = options.find(o => o.type !== undefined && typeMatches(got, o.type));
        if (match && match.type !== 'string' && options.some(o => o.type === 'string') && (0,dist/* isScalar */.jn)(node)) {
            // A value that is turned into a string: the string must be what the file says.
            const source = node.source ?? '';
            if (node.type === 'PLAIN' && String(node.value) !== source) {
                report(pos, `\`${pathText(path)}\` is read as the ${got === 'boolean' ? 'boolean' : 'number'} ${String(node.value)}, not \`${clip(source)}\`; quote it: \`"${clip(source)}"\``);
                return undefined;
            }
        }
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
            if (!count(keyPos))
                return result;
            const problem = keyProblem(key, keyNode, path);
            if (problem) {
                report(keyPos, problem);
                continue;
            }
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
    /** The value, or what its format parses it into; undefined (and a diagnostic) when it fails a check. */
    const walkScalar = (value, schema, path, pos) => {
        const name = `\`${pathText(path)}\``;
        if (schema.enum && !schema.enum.includes(value)) {
            const guess = typeof value === 'string' ? closest(value, schema.enum.map(String)) : undefined;
            const choices = schema.enum.map(v => `\`${v}\``).join(', ');
            report(pos, `${name} must be one of ${choices}, not \`${String(value)}\`${guess ? `; did you mean \`${guess}\`?` : ''}`);
            return undefined;
        }
        if (typeof value === 'number' && schema.minimum !== undefined && value < schema.minimum) {
            report(pos, `${name} must be at least ${schema.minimum}, not ${value}`);
            return undefined;
        }
        if (typeof value === 'number' && schema.maximum !== undefined && value > schema.maximum) {
            report(pos, `${name} must be at most ${schema.maximum}, not ${value}`);
            return undefined;
        }
        if (typeof value !== 'string')
            return value;
        const longest = Math.min(schema.maxLength ?? Infinity, schema.format || schema.pattern ? LIMITS.formattedLength : LIMITS.textLength);
        if (value.length > longest) {
            report(pos, `${name} is ${value.length} characters long; it may be at most ${longest}`);
            return undefined;
        }
        if (value.includes('\0')) {
            report(pos, `${name} contains a NUL character (\`\\0\`), which no command line can carry; remove it`);
            return undefined;
        }
        if (schema.minLength !== undefined && value.length < schema.minLength) {
            report(pos, `${name} must not be empty`);
            return undefined;
        }
        if (schema.pattern && !new RegExp(schema.pattern).test(value)) {
            report(pos, `${name}: \`${value}\` is not ${schema['x-pattern-name'] ?? `matching ${schema.pattern}`}`);
            return undefined;
        }
        if (!schema.format)
            return value;
        const parsed = parseFormat(schema.format, value);
        if (parsed.ok)
            return parsed.value;
        report(pos, `${name}: ${parsed.error}`);
        return undefined;
    };
    const contents = doc.contents;
    if (contents === null || ((0,dist/* isScalar */.jn)(contents) && contents.value === null)) {
        return {
            ok: false,
            diagnostics: [
                { line: 1, col: 1, message: 'the file is empty; it needs at least `registry:` and `images:` (see the README)' }
            ]
        };
    }
    const root = at(contents);
    const value = walk(contents, SCHEMA, [], root);
    if (diagnostics.length)
        return { ok: false, diagnostics };
    // Every value passed SCHEMA, the schema RawConfig is derived from.
    return { ok: true, value: value, positions: new Positions(root, positions) };
}
function resolveRef(schema) {
    if (!schema.$ref)
        return schema;
    const name = schema.$ref.replace('#/$defs/', '');
    const target = DEFS[name];
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
    return `unknown key \`${clip(key)}\`${where}; allowed keys: ${known.map(k => `\`${k}\``).join(', ')}`;
}
/** Why a key cannot be read, if it cannot: a merge key, a key too long, a NUL character. */
function keyProblem(key, node, path) {
    const where = path.length ? ` in \`${pathText(path)}\`` : '';
    if (key === '<<' && node.type === 'PLAIN') {
        return `merge key \`<<\`${where}: YAML merge keys are not supported; write the keys out, or use an alias for a whole value (\`platforms: *platforms\`)`;
    }
    if (key.length > LIMITS.keyLength)
        return `key \`${clip(key)}\`${where} is ${key.length} characters long; a key may be at most ${LIMITS.keyLength}`;
    if (key.includes('\0'))
        return `key \`${clip(key)}\`${where} contains a NUL character (\`\\0\`); remove it`;
    return undefined;
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
// .imagegate.yml text → a checked, normalised Config with the position of every value: check the
// text, parse with positions, check the document (the schema walk, then the checks across values),
// and only then normalise. Pure: the caller reads the file; nothing here touches a process or the
// network. Every step is linear in the file and stops at the limits of limits.ts.








function loadConfig(text, file) {
    const checkedText = checkText(text);
    if (!checkedText.ok)
        return load_refused(checkedText.diagnostics);
    const parsed = parseYaml(text);
    if (!parsed.ok)
        return load_refused(parsed.diagnostics);
    const walked = walkDocument(parsed.doc, parsed.lines);
    if (!walked.ok)
        return load_refused(walked.diagnostics);
    const checked = checkDocument(walked.value, walked.positions);
    if (!checked.ok)
        return load_refused(checked.diagnostics);
    return {
        ok: true,
        config: normalise(checked.config),
        source: configSource(file, walked.positions),
        warnings: boundDiagnostics(checked.warnings, LIMITS.diagnostics)
    };
}
function load_refused(diagnostics) {
    return { ok: false, diagnostics: boundDiagnostics(diagnostics, LIMITS.diagnostics) };
}

;// CONCATENATED MODULE: ./src/core/config/overrides.ts
// What the command line may change of a configuration for one run, as the image pipelines of
// ../../docs/cli.md#overrides do: the final registry, which images, which of their platforms, and
// the version a release writes. Each override is checked like the key it stands for (exit 2 before
// anything runs) and is shown in `plan` as where the value came from ("flag --registry").





/** The configuration as this run's flags change it; a flag that names nothing the file has is a UsageError. */
function applyOverrides(config, source, overrides) {
    const flags = new Map();
    const notes = [];
    let images = config.images;
    let registry = config.registry;
    if (overrides.registry !== undefined) {
        const checked = parseFormat('registry-prefix', overrides.registry);
        if (!checked.ok)
            throw new UsageError(`--registry ${overrides.registry}: ${checked.error}`);
        registry = overrides.registry;
        flags.set('registry', 'flag --registry');
        images = images.map(image => source.position(`images[${image.index}].repository`) ? image : { ...image, repository: `${registry}/${image.name}` });
    }
    if (overrides.images?.length)
        images = selectImages(images, overrides.images, notes);
    if (overrides.platforms?.length)
        images = narrowPlatforms(images, overrides.platforms, flags, notes);
    if (overrides.images?.length)
        flags.set('images', 'flag --image');
    if (!images.length)
        throw new UsageError('the flags leave no image to build; check --image and --platforms');
    const where = (path) => flags.get(path) ?? source.where(path);
    return { config: { ...config, registry, images }, source: { ...source, where }, notes };
}
/** The named images and, where one is built FROM another of the file, that base too (it is built first). */
function selectImages(images, names, notes) {
    const byName = new Map(images.map(i => [i.name, i]));
    const wanted = new Set();
    for (const name of names) {
        if (!byName.has(name)) {
            const guess = closest(name, [...byName.keys()]);
            throw new UsageError(`--image ${name}: the configuration has no image \`${name}\`${guess ? `; did you mean \`${guess}\`?` : ''} (images: ${[...byName.keys()].join(', ')})`);
        }
        wanted.add(name);
    }
    for (const name of [...wanted]) {
        for (let base = byName.get(name)?.dependsOn; base !== undefined && !wanted.has(base);) {
            wanted.add(base);
            notes.push(`--image: ${base} is built too: ${name} is built FROM it`);
            base = byName.get(base)?.dependsOn;
        }
    }
    return images.filter(i => wanted.has(i.name));
}
/** Each image with only the listed platforms it has; an image with none of them is left out. */
function narrowPlatforms(images, platforms, flags, notes) {
    const keys = new Set();
    for (const p of platforms) {
        const checked = parseFormat('platform', p);
        if (!checked.ok)
            throw new UsageError(`--platforms ${platforms.join(',')}: ${checked.error}`);
        keys.add(platformKey(p));
    }
    const anyImage = new Set(images.flatMap(i => i.platforms.map(platformKey)));
    const unknown = platforms.filter(p => !anyImage.has(platformKey(p)));
    if (unknown.length)
        throw new UsageError(`--platforms: no image builds ${unknown.join(', ')} (the configuration lists ${[...new Set(images.flatMap(i => i.platforms))].join(', ')})`);
    const out = [];
    for (const image of images) {
        const kept = image.platforms.filter(p => keys.has(platformKey(p)));
        if (!kept.length) {
            notes.push(`--platforms: ${image.name} is left out: it builds none of ${platforms.join(', ')}`);
            continue;
        }
        flags.set(`images[${image.index}].platforms`, 'flag --platforms');
        out.push({ ...image, platforms: kept });
    }
    const names = new Set(out.map(i => i.name));
    for (const image of out)
        if (image.dependsOn !== undefined && !names.has(image.dependsOn))
            throw new UsageError(`--platforms: ${image.name} is built FROM ${image.dependsOn}, which builds none of ${platforms.join(', ')}`);
    return out;
}
/** `--release-version 1.2.3` (or `v1.2.3`): a semantic version, else a UsageError naming the form. */
function checkReleaseVersion(text) {
    if (!parseSemverTag(text))
        throw new UsageError(`--release-version ${text} is not a semantic version; write e.g. \`--release-version 1.2.3\` or \`v2.0.0-rc.1\``);
    return text;
}

;// CONCATENATED MODULE: ./src/core/docker-args.ts
// argv for docker and buildx, built from the configuration. Pure: src/io/ runs them.

function buildxBuildArgs(req) {
    const { image } = req;
    const context = external_node_path_.posix.resolve(req.baseDir, image.context);
    const args = ['buildx', 'build'];
    if (req.builder)
        args.push('--builder', req.builder);
    args.push('--platform', image.platforms.join(','));
    args.push('--file', external_node_path_.posix.resolve(context, image.containerfile));
    if (image.target !== undefined)
        args.push('--target', image.target);
    for (const [key, value] of Object.entries(image.buildArgs))
        args.push('--build-arg', `${key}=${value}`);
    for (const [name, ref] of Object.entries(req.buildContexts ?? {}))
        args.push('--build-context', `${name}=docker-image://${ref}`);
    args.push(...buildSettingArgs(req));
    for (const secret of image.secrets ?? []) {
        args.push('--secret', 'env' in secret
            ? `id=${secret.id},env=${secret.env}`
            : `id=${secret.id},src=${external_node_path_.posix.resolve(req.baseDir, secret.file)}`);
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
/** The settings of `build` (ssh ids, named contexts, cache, network, …) as buildx flags. */
function buildSettingArgs({ image, baseDir, imageContexts }) {
    const build = image.build;
    if (!build)
        return [];
    const args = [];
    // An id alone forwards the agent of SSH_AUTH_SOCK: no key path, no key material, ever.
    for (const id of build.ssh ?? [])
        args.push('--ssh', id);
    for (const [name, context] of Object.entries(build.contexts ?? {})) {
        const value = 'image' in context
            ? `docker-image://${imageContexts?.[name] ?? context.image}`
            : isLocalContext(context.source)
                ? external_node_path_.posix.resolve(baseDir, context.source)
                : context.source;
        args.push('--build-context', `${name}=${value}`);
    }
    if (build.noCache)
        args.push('--no-cache');
    for (const stage of build.noCacheFilters ?? [])
        args.push('--no-cache-filter', stage);
    if (build.pull)
        args.push('--pull');
    if (build.network !== undefined)
        args.push('--network', build.network);
    if (build.shmSize !== undefined)
        args.push('--shm-size', build.shmSize);
    for (const limit of build.ulimits ?? [])
        args.push('--ulimit', limit);
    for (const host of build.addHosts ?? [])
        args.push('--add-host', host);
    return args;
}
/** A named context that is a directory of the repository (no scheme, no git remote). */
function isLocalContext(source) {
    return !source.includes('://') && !source.startsWith('git@');
}
/**
 * `buildx build --call check,format=json`: the Dockerfile checks of the build `args` would run,
 * with the same file, target, arguments and contexts, and no output.
 */
function buildxCheckArgs(args) {
    const dropped = new Set(['--load', '--push']);
    const withValue = new Set(['--tag', '--metadata-file', '--cache-to', '--label', '--annotation']);
    const out = [];
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        if (dropped.has(arg) || arg.startsWith('--provenance') || arg.startsWith('--sbom') || arg.startsWith('--attest'))
            continue;
        if (withValue.has(arg)) {
            i++;
            continue;
        }
        out.push(arg);
    }
    const context = out.pop();
    return [...out, '--call', 'check,format=json', context];
}
function attestationArgs(image) {
    const provenance = image.attestations?.provenance ?? 'min';
    const args = [provenance === 'off' ? '--provenance=false' : `--provenance=mode=${provenance}`];
    const generator = image.attestations?.sbomGenerator;
    if (generator)
        args.push(`--attest=type=sbom,generator=${generator}`);
    else if (image.attestations?.sbom)
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
    const c = req.contract;
    if (c?.readOnly)
        args.push('--read-only');
    for (const path of c?.tmpfs ?? [])
        args.push('--tmpfs', path);
    for (const cap of c?.capDrop ?? [])
        args.push('--cap-drop', cap);
    for (const cap of c?.capAdd ?? [])
        args.push('--cap-add', cap);
    if (c?.noNewPrivileges)
        args.push('--security-opt', 'no-new-privileges');
    if (c?.memory !== undefined)
        args.push('--memory', c.memory);
    if (c?.cpus !== undefined)
        args.push('--cpus', c.cpus);
    if (req.command === undefined)
        return [...args, req.image];
    if (req.launcher && req.entrypoint !== 'keep') {
        // buildpacks/spec platform.md "launcher": a string is the shell form, `--` then argv runs directly.
        const rest = typeof req.command === 'string' ? [req.command] : ['--', ...req.command];
        return [...args, '--entrypoint', 'launcher', req.image, ...rest];
    }
    const argv = typeof req.command === 'string' ? ['/bin/sh', '-c', req.command] : req.command;
    if (req.entrypoint === 'keep')
        return [...args, req.image, ...argv];
    const [entrypoint, ...rest] = argv;
    return [...args, '--entrypoint', entrypoint ?? '', req.image, ...rest];
}
/**
 * A throwaway derivative of the built image with test-only tooling; it keeps the image's USER.
 * `files`: where each step sees the build context (the `test.mount` directory) read-only: a bind
 * mount, so nothing of it lands in a layer.
 */
function setupContainerfile(base, setup, user, files) {
    const lines = [`FROM ${base}`, 'USER root'];
    const mount = files ? `--mount=type=bind,${csvField(`target=${files}`)},readonly ` : '';
    // The exec form with JSON keeps a multi-line script intact, newlines included.
    for (const step of setup)
        lines.push(`RUN ${mount}${JSON.stringify(typeof step === 'string' ? ['/bin/sh', '-c', step] : step)}`);
    lines.push(`USER ${user || 'root'}`);
    return `${lines.join('\n')}\n`;
}
/** One field of a `--mount` spec (CSV): quoted when it holds a comma or a quote. */
function csvField(field) {
    return /[",]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
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
/** Tags, their flavor and the repository only say where bytes go; everything else changes what is built or tested. */
function buildRelevantConfig(image) {
    const { tags: _tags, repository: _repository, index: _index, flavor: _flavor, mirrors: _mirrors, ...rest } = image;
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
    return (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex');
}

;// CONCATENATED MODULE: ./src/io/paths.ts
// Where paths of the configuration really lead: symbolic links followed, and the repository that
// holds the configuration file, found without running git.


/**
 * The path with every symbolic link followed. A path that does not exist (yet) keeps its missing
 * tail on the real path of its deepest existing ancestor, so a link above it is still followed.
 */
async function physicalPath(path) {
    const tail = [];
    for (let head = path;; head = (0,external_node_path_.dirname)(head)) {
        const real = await (0,promises_.realpath)(head).catch(() => undefined);
        if (real !== undefined)
            return (0,external_node_path_.join)(real, ...tail.reverse());
        if ((0,external_node_path_.dirname)(head) === head)
            return path;
        tail.push((0,external_node_path_.basename)(head));
    }
}
/**
 * The repository holding `dir`: the nearest directory at or above it with a `.git` (the directory
 * of a checkout, or the file of a worktree or submodule) — the top level git itself reports —
 * else `dir` itself. Both are real paths.
 */
async function repositoryRoot(dir) {
    const start = await physicalPath(dir);
    for (let at = start;; at = (0,external_node_path_.dirname)(at)) {
        if (await (0,promises_.lstat)((0,external_node_path_.join)(at, '.git')).catch(() => undefined))
            return at;
        if ((0,external_node_path_.dirname)(at) === at)
            return start;
    }
}
/** True when `path` is `root` or below it (both real paths). */
function isInside(root, path) {
    const rel = (0,external_node_path_.relative)(root, path);
    return rel === '' || (rel !== '..' && !rel.startsWith(`..${external_node_path_.sep}`) && !(0,external_node_path_.isAbsolute)(rel));
}

;// CONCATENATED MODULE: ./src/core/run-as/shell-words.ts
// Compose's string form of `command`/`entrypoint` is split into words as a POSIX shell would split
// them (quotes and backslashes), without running a shell and without expanding anything.
function shellWords(text) {
    const words = [];
    let word = '';
    let inWord = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === "'") {
            const end = text.indexOf("'", i + 1);
            if (end < 0)
                return { ok: false, error: `unterminated ' quote at character ${i + 1}` };
            word += text.slice(i + 1, end);
            inWord = true;
            i = end;
        }
        else if (c === '"') {
            let j = i + 1;
            for (; j < text.length && text[j] !== '"'; j++) {
                // Inside double quotes a backslash escapes only $ ` " \ and a newline.
                if (text[j] === '\\' && j + 1 < text.length && '$`"\\\n'.includes(text[j + 1])) {
                    if (text[j + 1] !== '\n')
                        word += text[j + 1];
                    j++;
                }
                else
                    word += text[j];
            }
            if (j >= text.length)
                return { ok: false, error: `unterminated " quote at character ${i + 1}` };
            inWord = true;
            i = j;
        }
        else if (c === '\\') {
            if (i + 1 < text.length && text[i + 1] !== '\n') {
                word += text[i + 1];
                inWord = true;
            }
            i++;
        }
        else if (/\s/.test(c)) {
            if (inWord)
                words.push(word);
            word = '';
            inWord = false;
        }
        else {
            word += c;
            inWord = true;
        }
    }
    if (inWord)
        words.push(word);
    return { ok: true, words };
}
/** Words joined back into one shell command line, each quoted where it needs it. */
function shellJoin(words) {
    return words.map(w => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`)).join(' ');
}

;// CONCATENATED MODULE: ./src/core/run-as/compose.ts
// A Compose file's service → the `docker run` settings, readiness and stop of a service test: what
// `docker compose up` would start, with the tested image instead of `image:`/`build:`. Every
// derived value keeps its source line; a key imagegate cannot honour is listed, never dropped.


/** Keys read elsewhere or that do not change how the container runs. */
const IGNORED = new Set(['image', 'build', 'container_name', 'pull_policy', 'labels', 'platform']);
/** Keys with a reason more precise than "not reproduced". */
const WHY = {
    volumes: 'host and named volumes are not mounted (only `type: tmpfs` is)',
    networks: 'the service runs on its own; Compose networks are not created',
    network_mode: 'the service runs on its own network',
    depends_on: 'other Compose services are not started',
    links: 'other Compose services are not started',
    secrets: 'Compose secrets are not mounted; give stand-ins for what they provide',
    configs: 'Compose configs are not mounted',
    extends: 'services are not merged from another file',
    restart: 'a crash fails the test instead of restarting',
    profiles: 'profiles do not change how the service runs',
    privileged: 'privileged containers are not started by tests',
    devices: 'host devices are not passed in',
    env_file: 'env files are read by Compose on the deploying machine'
};
function isCompose(doc) {
    return !!doc?.isMap() && doc.get('services')?.isMap() === true && doc.get('kind') === undefined;
}
function deriveFromCompose(doc, file, spec, name) {
    const services = doc.get('services');
    const names = services.keys();
    if (!names.length)
        return { ok: false, diagnostics: [doc.keyAt('services').diagnostic(`${file} defines no services; add one`)] };
    const chosen = name ?? (names.length === 1 ? names[0] : undefined);
    const service = chosen !== undefined ? services.get(chosen) : undefined;
    if (chosen === undefined || !service) {
        const guess = name !== undefined ? closest(name, names) : undefined;
        return {
            ok: false,
            diagnostics: [
                doc
                    .keyAt('services')
                    .diagnostic(name === undefined
                    ? `${file} has ${names.length} services (${names.join(', ')}); choose one: \`run-as: ${spec}#${names[0]}\``
                    : `no service named ${name} in ${file}${guess ? `; did you mean ${guess}?` : ''} (services: ${names.join(', ')}); fix the name after #`)
            ]
        };
    }
    if (!service.isMap())
        return {
            ok: false,
            diagnostics: [service.diagnostic(`service ${chosen} is not a mapping; write its keys under it`)]
        };
    const derived = derive(service, chosen, file, spec);
    return 'error' in derived ? { ok: false, diagnostics: [derived.error] } : { ok: true, derived };
}
function derive(s, name, file, spec) {
    const settings = [];
    const unsupported = [];
    const notReproducible = [];
    const set = (setting, value, at) => void settings.push({ setting, value, source: at.where() });
    const cannot = (setting, why, at) => void unsupported.push({ setting, value: why, source: at.where() });
    const runtime = { env: {}, tmpfs: [], capDrop: [], capAdd: [], ports: [] };
    const derived = {
        runAs: { spec, file, what: `compose service ${name}`, settings, unsupported, notReproducible },
        runtime,
        probes: []
    };
    /** A scalar, unless it interpolates the deploying machine's variables (then listed, not used). */
    const literal = (key, at) => {
        const text = at?.text();
        if (text === undefined || !at)
            return undefined;
        if (interpolates(text)) {
            cannot(key, `\`${text}\` interpolates variables of the machine that deploys; write the value`, at);
            return undefined;
        }
        return compose_unescape(text);
    };
    const image = s.get('image');
    if (image)
        set('image', `the tested image (instead of ${image.text() ?? '?'})`, image);
    else if (s.get('build'))
        set('image', 'the tested image (the service is built)', s.get('build'));
    for (const key of ['entrypoint', 'command']) {
        const at = s.get(key);
        if (!at)
            continue;
        let words;
        if (at.isSeq())
            words = at.strings();
        else {
            const split = shellWords(at.text() ?? '');
            if (!split.ok)
                return { error: at.diagnostic(`${key}: ${split.error}; fix the quoting or write a list`) };
            words = split.words;
        }
        if (words.some(interpolates)) {
            cannot(key, 'interpolates variables of the machine that deploys; write the values', at);
            continue;
        }
        words = words.map(compose_unescape);
        if (key === 'entrypoint')
            runtime.entrypoint = words;
        else
            runtime.args = words;
        set(key === 'entrypoint' ? 'entrypoint' : 'args', shellJoin(words), at);
    }
    const user = literal('user', s.get('user'));
    if (user !== undefined) {
        runtime.user = user;
        set('user', user, s.get('user'));
    }
    const workdir = literal('working_dir', s.get('working_dir'));
    if (workdir !== undefined) {
        runtime.workdir = workdir;
        set('workdir', workdir, s.get('working_dir'));
    }
    environment(s.get('environment'), runtime, set, notReproducible);
    const envFile = s.get('env_file');
    if (envFile)
        notReproducible.push({
            setting: 'env_file',
            value: (envFile.strings() ?? [envFile.text() ?? envFile.get('path')?.text() ?? '?']).join(', '),
            source: envFile.where()
        });
    for (const p of s.get('ports')?.items() ?? []) {
        const port = containerPort(p);
        if (typeof port === 'string')
            cannot(`ports ${p.text() ?? ''}`.trim(), port, p);
        else {
            runtime.ports.push(port);
            set('port', String(port), p);
        }
    }
    for (const p of s.get('expose')?.items() ?? []) {
        const port = Number(/^(\d+)(\/tcp)?$/.exec(p.text() ?? '')?.[1]);
        if (Number.isInteger(port) && port > 0) {
            runtime.ports.push(port);
            set('port', `${port} (expose)`, p);
        }
        else
            cannot(`expose ${p.text() ?? ''}`, 'only single TCP ports are probed', p);
    }
    const ro = s.get('read_only');
    if (ro?.scalar() === true) {
        runtime.readOnly = true;
        set('read-only', 'true (read_only)', ro);
    }
    const tmpfs = s.get('tmpfs');
    for (const t of tmpfs ? (tmpfs.isSeq() ? tmpfs.items() : [tmpfs]) : []) {
        const mount = t.text();
        if (!mount)
            continue;
        runtime.tmpfs.push(mount);
        set('tmpfs', mount, t);
    }
    for (const v of s.get('volumes')?.items() ?? []) {
        const target = v.get('target')?.text();
        if (v.get('type')?.text() === 'tmpfs' && target) {
            const opts = v.get('tmpfs');
            const size = opts?.get('size')?.text();
            const mode = opts?.get('mode')?.text();
            const options = [size !== undefined ? `size=${composeSize(size)}` : '', mode !== undefined ? `mode=${mode}` : '']
                .filter(Boolean)
                .join(',');
            const mount = options ? `${target}:${options}` : target;
            runtime.tmpfs.push(mount);
            set('tmpfs', `${mount} (volume type tmpfs)`, v);
        }
        else
            cannot(`volumes ${v.text() ?? target ?? ''}`.trim(), WHY['volumes'], v);
    }
    for (const [key, list] of [
        ['cap_drop', runtime.capDrop],
        ['cap_add', runtime.capAdd]
    ])
        for (const cap of s.get(key)?.items() ?? []) {
            list.push(cap.text() ?? '');
            set(key.replace('_', '-'), cap.text() ?? '', cap);
        }
    for (const opt of s.get('security_opt')?.items() ?? []) {
        const text = opt.text() ?? '';
        const nnp = /^no-new-privileges(?:[:=](true|false))?$/.exec(text);
        if (nnp && nnp[1] !== 'false') {
            runtime.noNewPrivileges = true;
            set('security-opt', 'no-new-privileges', opt);
        }
        else if (!nnp)
            cannot(`security_opt ${text}`, 'only no-new-privileges is reproduced', opt);
    }
    const limits = s.get('deploy')?.get('resources')?.get('limits');
    const memory = s.get('mem_limit') ?? limits?.get('memory');
    if (memory?.text()) {
        runtime.memory = composeSize(memory.text());
        set('memory', runtime.memory, memory);
    }
    const cpus = s.get('cpus') ?? limits?.get('cpus');
    if (cpus?.text()) {
        runtime.cpus = cpus.text();
        set('cpus', runtime.cpus, cpus);
    }
    const shm = s.get('shm_size');
    if (shm?.text()) {
        runtime.shmSize = composeSize(shm.text());
        set('shm-size', runtime.shmSize, shm);
    }
    const init = s.get('init');
    if (init?.scalar() === true) {
        runtime.init = true;
        set('init', 'true', init);
    }
    const signal = s.get('stop_signal');
    if (signal?.text()) {
        runtime.stopSignal = signal.text();
        set('stop signal', runtime.stopSignal, signal);
    }
    const grace = s.get('stop_grace_period');
    if (grace?.text()) {
        const ms = composeDuration(grace.text());
        if (ms === undefined)
            return {
                error: grace.diagnostic(`stop_grace_period: \`${grace.text()}\` is not a duration; write e.g. 10s or 1m30s`)
            };
        derived.stopGraceMs = ms;
        set('stop grace', grace.text(), grace);
    }
    for (const [limit, value] of pairs(s.get('ulimits'))) {
        const soft = value.get('soft')?.text();
        const hard = value.get('hard')?.text();
        const text = value.text() ?? (soft !== undefined && hard !== undefined ? `${soft}:${hard}` : undefined);
        if (text === undefined || !/^-?\d+(:-?\d+)?$/.test(text)) {
            cannot(`ulimits.${limit}`, 'write a number or {soft, hard}', value);
            continue;
        }
        runtime.ulimits = [...(runtime.ulimits ?? []), `${limit}=${text}`];
        set('ulimit', `${limit}=${text}`, value);
    }
    const health = healthcheck(s.get('healthcheck'), derived, set, cannot);
    if (health)
        return health;
    for (const key of s.keys()) {
        if (key.startsWith('x-') || IGNORED.has(key) || HANDLED.has(key))
            continue;
        cannot(key, WHY[key] ?? 'not reproduced by docker run', s.keyAt(key));
    }
    return derived;
}
const HANDLED = new Set([
    'entrypoint',
    'command',
    'user',
    'working_dir',
    'environment',
    'env_file',
    'ports',
    'expose',
    'read_only',
    'tmpfs',
    'volumes',
    'cap_drop',
    'cap_add',
    'security_opt',
    'mem_limit',
    'cpus',
    'shm_size',
    'init',
    'stop_signal',
    'stop_grace_period',
    'ulimits',
    'healthcheck',
    'deploy'
]);
function environment(env, runtime, set, notReproducible) {
    const entries = env?.isSeq()
        ? env.items().map(i => {
            const text = i.text() ?? '';
            const eq = text.indexOf('=');
            return eq < 0 ? [text, undefined, i] : [text.slice(0, eq), text.slice(eq + 1), i];
        })
        : pairs(env).map(([k, v]) => [k, v.scalar() === null ? undefined : v.text(), v]);
    for (const [key, value, at] of entries) {
        if (value === undefined)
            notReproducible.push({
                setting: `env ${key}`,
                value: 'from the deploying machine’s environment',
                source: at.where()
            });
        else if (interpolates(value))
            notReproducible.push({ setting: `env ${key}`, value: `interpolated: ${value}`, source: at.where() });
        else {
            runtime.env[key] = compose_unescape(value);
            set(`env ${key}`, runtime.env[key], at);
        }
    }
}
function healthcheck(h, derived, set, cannot) {
    if (!h)
        return undefined;
    const test = h.get('test');
    const words = test?.strings();
    if (h.get('disable')?.scalar() === true || words?.[0] === 'NONE') {
        derived.runtime.health = 'none';
        set('healthcheck', 'none (the image’s HEALTHCHECK is disabled)', h);
        return undefined;
    }
    let cmd;
    if (test?.text() !== undefined)
        cmd = test.text();
    else if (words?.[0] === 'CMD-SHELL')
        cmd = words.slice(1).join(' ');
    else if (words?.[0] === 'CMD') {
        cmd = shellJoin(words.slice(1));
        cannot('healthcheck.test', 'the CMD form runs through the image’s /bin/sh (docker run has only --health-cmd)', test);
    }
    else if (test)
        return { error: test.diagnostic('healthcheck.test: start the list with CMD, CMD-SHELL or NONE, or write a string') };
    const durations = {};
    for (const key of ['interval', 'timeout', 'start_period', 'start_interval']) {
        const at = h.get(key);
        if (!at?.text())
            continue;
        const ms = composeDuration(at.text());
        if (ms === undefined)
            return { error: at.diagnostic(`healthcheck.${key}: \`${at.text()}\` is not a duration; write e.g. 5s or 1m30s`) };
        durations[key] = ms;
    }
    if (h.get('start_interval'))
        cannot('healthcheck.start_interval', 'not passed to docker run', h.keyAt('start_interval'));
    const retries = Number(h.get('retries')?.text() ?? 3);
    // Docker's defaults: interval 30s, timeout 30s, retries 3, start period 0.
    const interval = durations['interval'] ?? 30_000;
    const start = durations['start_period'] ?? 0;
    if (cmd !== undefined) {
        derived.runtime.health = {
            cmd,
            ...(h.get('interval') ? { interval: h.get('interval').text() } : {}),
            ...(h.get('timeout') ? { timeout: h.get('timeout').text() } : {}),
            ...(h.get('retries') ? { retries } : {}),
            ...(h.get('start_period') ? { startPeriod: h.get('start_period').text() } : {})
        };
    }
    derived.ready = { kind: 'healthcheck' };
    derived.readyTimeoutMs = start + interval * (Math.max(1, retries) + 1) + (durations['timeout'] ?? 0);
    derived.readyIntervalMs = Math.min(1000, interval);
    set('ready', `HEALTHCHECK healthy${cmd !== undefined ? `: ${cmd}` : ' (the image’s)'} (interval ${interval / 1000}s × retries ${retries}, start period ${start / 1000}s; ×5 under QEMU)`, h);
    return undefined;
}
/** The entries of a mapping, in order. */
function pairs(map) {
    return (map?.keys() ?? []).map(k => [k, map.get(k)]);
}
/** `8080`, `80:8080`, `127.0.0.1:80:8080/tcp`, `{target: 8080}` → 8080; else why it is not probed. */
function containerPort(p) {
    const target = p.get('target')?.text();
    const protocol = p.get('protocol')?.text();
    const text = target ?? p.text() ?? '';
    const m = /^(?:.*:)?(\d+)(?:\/(tcp|udp|sctp))?$/.exec(text);
    if (!m)
        return 'port ranges and interpolated ports are not probed';
    if ((m[2] ?? protocol ?? 'tcp') !== 'tcp')
        return `protocol ${m[2] ?? protocol} is not probed`;
    return Number(m[1]);
}
/** `$VAR`, `${VAR}`, `${VAR:-x}`; `$$` is a literal `$`. */
function interpolates(text) {
    return /(^|[^$])(\$\$)*\$(\{|[A-Za-z_])/.test(text);
}
function compose_unescape(text) {
    return text.replace(/\$\$/g, '$');
}
/** Compose byte values → docker's: `64m`, `1gb` → `1g`, `512MB` → `512m`, bytes as they are. */
function composeSize(text) {
    const m = /^(\d+(?:\.\d+)?)\s*([bkmg])?b?$/i.exec(text.trim());
    if (!m)
        return text;
    return `${m[1]}${(m[2] ?? '').toLowerCase()}`;
}
/** Compose (Go) durations → milliseconds: `1m30s`, `1.5s`, `500ms`, `10us`; undefined when not one. */
function composeDuration(text) {
    const units = { h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 0.001, ns: 0.000001 };
    if (text === '0')
        return 0;
    if (!/^((\d+(\.\d+)?)(h|ms|m|s|us|ns))+$/.test(text))
        return undefined;
    let total = 0;
    for (const m of text.matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s|us|ns)/g))
        total += Number(m[1]) * (units[m[2]] ?? 0);
    return Math.round(total);
}

;// CONCATENATED MODULE: ./src/core/run-as/yaml-nodes.ts
// Reading a manifest with positions: every value comes with `file:line` for the plan, every error
// with line:col.

class Located {
    node;
    lines;
    file;
    constructor(node, lines, file) {
        this.node = node;
        this.lines = lines;
        this.file = file;
    }
    position() {
        const offset = this.node?.range?.[0] ?? 0;
        const { line, col } = this.lines.linePos(offset);
        return { line, col };
    }
    /** `deploy/app.yaml:23`. */
    where() {
        return `${this.file}:${this.position().line}`;
    }
    get(key) {
        if (!(0,dist/* isMap */.jh)(this.node))
            return undefined;
        for (const pair of this.node.items) {
            const k = pair.key;
            if ((0,dist/* isScalar */.jn)(k) && String(k.value) === key)
                return new Located(pair.value, this.lines, this.file);
        }
        return undefined;
    }
    /** The key's own position (for "unsupported field" lines). */
    keyAt(key) {
        if (!(0,dist/* isMap */.jh)(this.node))
            return undefined;
        for (const pair of this.node.items) {
            const k = pair.key;
            if ((0,dist/* isScalar */.jn)(k) && String(k.value) === key)
                return new Located(k, this.lines, this.file);
        }
        return undefined;
    }
    keys() {
        if (!(0,dist/* isMap */.jh)(this.node))
            return [];
        return this.node.items.map(p => ((0,dist/* isScalar */.jn)(p.key) ? String(p.key.value) : '')).filter(Boolean);
    }
    items() {
        if (!(0,dist/* isSeq */.oP)(this.node))
            return [];
        return this.node.items.map(n => new Located(n, this.lines, this.file));
    }
    isMap() {
        return (0,dist/* isMap */.jh)(this.node);
    }
    isSeq() {
        return (0,dist/* isSeq */.oP)(this.node);
    }
    scalar() {
        if (!(0,dist/* isScalar */.jn)(this.node))
            return undefined;
        const v = this.node.value;
        return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null ? v : String(v);
    }
    text() {
        const v = this.scalar();
        return v === undefined || v === null ? undefined : String(v);
    }
    strings() {
        if (!(0,dist/* isSeq */.oP)(this.node))
            return undefined;
        return this.items().map(i => i.text() ?? '');
    }
    diagnostic(message) {
        return { ...this.position(), message };
    }
}
function yaml_nodes_parseDocuments(text, file) {
    const lines = new dist/* LineCounter */.HN();
    const docs = (0,dist/* parseAllDocuments */.hR)(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    const list = Array.isArray(docs) ? docs : [docs];
    const diagnostics = [];
    for (const doc of list)
        for (const e of doc.errors) {
            const { line, col } = e.linePos?.[0] ?? lines.linePos(e.pos[0]);
            diagnostics.push({ line, col, message: `malformed YAML: ${e.message.split('\n')[0]}; fix the YAML syntax there` });
        }
    if (diagnostics.length)
        return { ok: false, diagnostics };
    return {
        ok: true,
        docs: list.filter(d => d.contents !== null).map(d => new Located(d.contents, lines, file))
    };
}

;// CONCATENATED MODULE: ./src/core/run-as/kubernetes.ts
// A Kubernetes manifest → the `docker run` settings, readiness and probes of a service test: what
// the kubelet would start. Every derived value keeps its source line; a field imagegate cannot
// honour is listed, never dropped.


const POD_SPEC = {
    Pod: d => d.get('spec'),
    Deployment: d => d.get('spec')?.get('template')?.get('spec'),
    StatefulSet: d => d.get('spec')?.get('template')?.get('spec'),
    DaemonSet: d => d.get('spec')?.get('template')?.get('spec'),
    ReplicaSet: d => d.get('spec')?.get('template')?.get('spec'),
    Job: d => d.get('spec')?.get('template')?.get('spec'),
    CronJob: d => d.get('spec')?.get('jobTemplate')?.get('spec')?.get('template')?.get('spec')
};
const WORKLOADS = Object.keys(POD_SPEC);
/** Kinds that hold no container and are passed over in a multi-document file. */
const NOT_WORKLOADS = new Set([
    'Service',
    'ConfigMap',
    'Secret',
    'Ingress',
    'ServiceAccount',
    'NetworkPolicy',
    'PersistentVolumeClaim',
    'HorizontalPodAutoscaler',
    'PodDisruptionBudget',
    'Namespace',
    'Role',
    'RoleBinding'
]);
const CONTAINER_KNOWN = new Set([
    'name',
    'image',
    'imagePullPolicy',
    'command',
    'args',
    'env',
    'envFrom',
    'ports',
    'resources',
    'workingDir',
    'securityContext',
    'volumeMounts',
    'readinessProbe',
    'livenessProbe',
    'startupProbe',
    'terminationMessagePath',
    'terminationMessagePolicy'
]);
const POD_KNOWN = new Set([
    'containers',
    'volumes',
    'securityContext',
    'restartPolicy',
    'terminationGracePeriodSeconds'
]);
function deriveFromKubernetes(text, file, spec, name) {
    const parsed = parseDocuments(text, file);
    if (!parsed.ok)
        return parsed;
    return deriveFromManifests(parsed.docs, file, spec, name);
}
/** The same, from documents already parsed (run-as/derive.ts reads a file once to tell its kind). */
function deriveFromManifests(docs, file, spec, name) {
    const parsed = { docs };
    const candidates = [];
    const kinds = [];
    for (const doc of parsed.docs) {
        const kindNode = doc.get('kind');
        const kind = kindNode?.text();
        if (!kind || !kindNode)
            continue;
        if (NOT_WORKLOADS.has(kind))
            continue;
        kinds.push(kindNode);
        const pod = POD_SPEC[kind]?.(doc);
        if (!pod)
            continue;
        const object = doc.get('metadata')?.get('name')?.text() ?? '?';
        for (const c of pod.get('containers')?.items() ?? [])
            candidates.push({ kind, object, pod, container: c, name: c.get('name')?.text() ?? '' });
    }
    if (!candidates.length) {
        const bad = kinds.find(k => !WORKLOADS.includes(k.text() ?? ''));
        const at = bad ?? parsed.docs[0];
        const message = bad
            ? `kind ${bad.text()} is not supported by run-as; point it at a ${WORKLOADS.join(', ')}${closest(bad.text() ?? '', WORKLOADS) ? ` (did you mean ${closest(bad.text() ?? '', WORKLOADS)}?)` : ''}`
            : `no workload with containers in ${file}; run-as reads a ${WORKLOADS.join(', ')} (multi-document files are fine)`;
        return { ok: false, diagnostics: [at ? at.diagnostic(message) : { line: 1, col: 1, message }] };
    }
    const names = candidates.map(c => c.name);
    const chosen = name === undefined ? (candidates.length === 1 ? candidates[0] : undefined) : candidates.find(c => c.name === name);
    if (!chosen) {
        const first = candidates[0].container;
        const guess = name !== undefined ? closest(name, names) : undefined;
        return {
            ok: false,
            diagnostics: [
                first.diagnostic(name === undefined
                    ? `${file} has ${candidates.length} containers (${names.join(', ')}); choose one: \`run-as: ${spec}#${names[0]}\``
                    : `no container named ${name} in ${file}${guess ? `; did you mean ${guess}?` : ''} (containers: ${names.join(', ')}); fix the name after #`)
            ]
        };
    }
    return { ok: true, derived: kubernetes_derive(chosen, file, spec) };
}
function kubernetes_derive(c, file, spec) {
    const settings = [];
    const unsupported = [];
    const notReproducible = [];
    const set = (setting, value, at) => void settings.push({ setting, value, source: at.where() });
    const cannot = (setting, why, at) => void unsupported.push({ setting, value: why, source: at.where() });
    const runtime = { env: {}, tmpfs: [], capDrop: [], capAdd: [], ports: [] };
    const { container, pod } = c;
    for (const key of container.keys())
        if (!CONTAINER_KNOWN.has(key))
            cannot(`containers[${c.name}].${key}`, 'not reproduced by docker run', container.keyAt(key));
    for (const key of pod.keys())
        if (!POD_KNOWN.has(key))
            cannot(`spec.${key}`, 'not reproduced by docker run', pod.keyAt(key));
    const image = container.get('image');
    if (image)
        set('image', `the tested image (instead of ${image.text() ?? '?'})`, image);
    const command = container.get('command');
    if (command?.strings()) {
        runtime.entrypoint = command.strings();
        set('entrypoint', runtime.entrypoint.join(' '), command);
    }
    const args = container.get('args');
    if (args?.strings()) {
        runtime.args = args.strings();
        set('args', runtime.args.join(' '), args);
    }
    const workdir = container.get('workingDir');
    if (workdir?.text()) {
        runtime.workdir = workdir.text();
        set('workdir', runtime.workdir, workdir);
    }
    for (const e of container.get('env')?.items() ?? []) {
        const key = e.get('name')?.text() ?? '';
        const value = e.get('value');
        const from = e.get('valueFrom');
        if (from)
            notReproducible.push({
                setting: `env ${key}`,
                value: `from ${from.keys()[0] ?? 'valueFrom'}`,
                source: from.where()
            });
        else {
            runtime.env[key] = value?.text() ?? '';
            set(`env ${key}`, runtime.env[key] ?? '', value ?? e);
        }
    }
    for (const e of container.get('envFrom')?.items() ?? [])
        notReproducible.push({ setting: 'envFrom', value: e.keys()[0] ?? '?', source: e.where() });
    const namedPorts = new Map();
    for (const p of container.get('ports')?.items() ?? []) {
        const port = Number(p.get('containerPort')?.text());
        if (!Number.isInteger(port))
            continue;
        if ((p.get('protocol')?.text() ?? 'TCP') !== 'TCP') {
            cannot(`port ${port}`, `protocol ${p.get('protocol')?.text()} is not probed`, p);
            continue;
        }
        runtime.ports.push(port);
        const n = p.get('name')?.text();
        if (n)
            namedPorts.set(n, port);
        set('port', String(port), p);
    }
    // securityContext: the container's fields over the pod's.
    const podSc = pod.get('securityContext');
    const sc = container.get('securityContext');
    const field = (key) => sc?.get(key) ?? podSc?.get(key);
    const uid = field('runAsUser');
    const gid = field('runAsGroup');
    if (uid?.text() !== undefined) {
        runtime.user = gid?.text() !== undefined ? `${uid.text()}:${gid.text()}` : uid.text();
        set('user', runtime.user, uid);
    }
    else if (gid)
        cannot('runAsGroup', 'without runAsUser docker cannot set only the group', gid);
    const nonRoot = field('runAsNonRoot');
    if (nonRoot?.scalar() === true) {
        runtime.nonRoot = true;
        set('runAsNonRoot', 'true: an image that runs as root is refused, as the kubelet does', nonRoot);
    }
    const ro = sc?.get('readOnlyRootFilesystem');
    if (ro?.scalar() === true) {
        runtime.readOnly = true;
        set('read-only', 'true (readOnlyRootFilesystem)', ro);
    }
    const ape = sc?.get('allowPrivilegeEscalation');
    if (ape?.scalar() === false) {
        runtime.noNewPrivileges = true;
        set('security-opt', 'no-new-privileges (allowPrivilegeEscalation: false)', ape);
    }
    const caps = sc?.get('capabilities');
    for (const cap of caps?.get('drop')?.items() ?? []) {
        runtime.capDrop.push(cap.text() ?? '');
        set('cap-drop', cap.text() ?? '', cap);
    }
    for (const cap of caps?.get('add')?.items() ?? []) {
        runtime.capAdd.push(cap.text() ?? '');
        set('cap-add', cap.text() ?? '', cap);
    }
    for (const key of sc?.keys() ?? [])
        if (![
            'runAsUser',
            'runAsGroup',
            'runAsNonRoot',
            'readOnlyRootFilesystem',
            'allowPrivilegeEscalation',
            'capabilities'
        ].includes(key))
            cannot(`securityContext.${key}`, 'not reproduced by docker run', sc.keyAt(key));
    for (const key of podSc?.keys() ?? [])
        if (!['runAsUser', 'runAsGroup', 'runAsNonRoot'].includes(key))
            cannot(`spec.securityContext.${key}`, 'not reproduced by docker run', podSc.keyAt(key));
    // emptyDir volumes become tmpfs mounts; other volumes cannot be reproduced.
    const volumes = new Map();
    for (const v of pod.get('volumes')?.items() ?? [])
        volumes.set(v.get('name')?.text() ?? '', v);
    for (const m of container.get('volumeMounts')?.items() ?? []) {
        const volume = volumes.get(m.get('name')?.text() ?? '');
        const path = m.get('mountPath')?.text() ?? '';
        const emptyDir = volume?.get('emptyDir');
        if (emptyDir) {
            const size = emptyDir.get('sizeLimit')?.text();
            const mount = size ? `${path}:size=${dockerSize(size)}` : path;
            runtime.tmpfs.push(mount);
            set('tmpfs', `${mount} (emptyDir ${volume?.get('name')?.text()})`, m);
        }
        else
            cannot(`volumeMount ${path}`, `volume ${volume?.keys().find(k => k !== 'name') ?? 'missing'} is not mounted`, m);
    }
    const limits = container.get('resources')?.get('limits');
    const memory = limits?.get('memory');
    if (memory?.text()) {
        runtime.memory = dockerSize(memory.text());
        set('memory', runtime.memory, memory);
    }
    const cpu = limits?.get('cpu');
    if (cpu?.text()) {
        runtime.cpus = dockerCpus(cpu.text());
        set('cpus', runtime.cpus, cpu);
    }
    const derived = {
        runAs: { spec, file, what: `${c.kind} ${c.object}, container ${c.name}`, settings, unsupported, notReproducible },
        runtime,
        probes: []
    };
    const grace = pod.get('terminationGracePeriodSeconds');
    if (grace?.text()) {
        derived.stopGraceMs = Number(grace.text()) * 1000;
        set('stop grace', `${grace.text()}s`, grace);
    }
    const readiness = container.get('readinessProbe') ?? container.get('startupProbe');
    if (readiness) {
        const r = probeOf(readiness, namedPorts, 'readiness', cannot);
        if (r) {
            if (r.kind === 'http')
                derived.ready = { kind: 'http', http: r.http };
            else if (r.kind === 'tcp')
                derived.ready = { kind: 'tcp', port: r.port };
            else
                derived.probes.push({ kind: 'exec', name: 'readinessProbe exec', run: r.run, source: readiness.where() });
            const t = timings(readiness);
            derived.readyInitialDelayMs = t.initialDelayS * 1000;
            derived.readyIntervalMs = t.periodS * 1000;
            derived.readyTimeoutMs = (t.initialDelayS + t.periodS * t.failureThreshold + 1) * 1000;
            set('ready', `${describe(r)} (initialDelay ${t.initialDelaySeconds}, period ${t.periodS}s × failureThreshold ${t.failureThreshold}; ×5 under QEMU)`, readiness);
        }
    }
    for (const key of ['startupProbe', 'livenessProbe']) {
        const p = container.get(key);
        if (!p || p === readiness || (key === 'startupProbe' && !container.get('readinessProbe')))
            continue;
        const r = probeOf(p, namedPorts, key, cannot);
        if (!r)
            continue;
        const name = `${key} ${describe(r)}`;
        if (r.kind === 'http')
            derived.probes.push({ kind: 'http', name, http: r.http, source: p.where() });
        else if (r.kind === 'exec')
            derived.probes.push({ kind: 'exec', name, run: r.run, source: p.where() });
        else
            derived.probes.push({ kind: 'exec', name, run: ['true'], source: p.where() });
        set('probe', name, p);
    }
    return derived;
}
function probeOf(probe, named, what, cannot) {
    const port = (p) => {
        const t = p?.text();
        if (t === undefined)
            return undefined;
        return /^\d+$/.test(t) ? Number(t) : named.get(t);
    };
    const http = probe.get('httpGet');
    if (http) {
        if ((http.get('scheme')?.text() ?? 'HTTP') !== 'HTTP')
            cannot(`${what}.httpGet.scheme`, 'HTTPS probes are sent as HTTP', http);
        const headers = {};
        for (const h of http.get('httpHeaders')?.items() ?? [])
            headers[h.get('name')?.text() ?? ''] = h.get('value')?.text() ?? '';
        const p = port(http.get('port'));
        return {
            kind: 'http',
            // The kubelet counts any status from 200 to 399 as success.
            http: {
                path: http.get('path')?.text() ?? '/',
                method: 'GET',
                headers,
                status: 200,
                statusMax: 399,
                json: {},
                ...(p !== undefined ? { port: p } : {})
            }
        };
    }
    const tcp = probe.get('tcpSocket');
    if (tcp) {
        const p = port(tcp.get('port'));
        if (p !== undefined)
            return { kind: 'tcp', port: p };
    }
    const exec = probe.get('exec')?.get('command')?.strings();
    if (exec)
        return { kind: 'exec', run: exec };
    const grpc = probe.get('grpc');
    if (grpc) {
        const p = port(grpc.get('port'));
        cannot(`${what}.grpc`, 'gRPC health checks are checked as a TCP connection to the port', grpc);
        if (p !== undefined)
            return { kind: 'tcp', port: p };
    }
    cannot(what, 'no httpGet, tcpSocket, exec or grpc imagegate can run', probe);
    return undefined;
}
function timings(probe) {
    const n = (key, d) => {
        const v = Number(probe.get(key)?.text());
        return Number.isFinite(v) && v >= 0 ? v : d;
    };
    const initialDelayS = n('initialDelaySeconds', 0);
    return {
        initialDelayS,
        initialDelaySeconds: `${initialDelayS}s`,
        periodS: Math.max(1, n('periodSeconds', 10)),
        failureThreshold: Math.max(1, n('failureThreshold', 3))
    };
}
function describe(p) {
    if (p.kind === 'http')
        return `HTTP GET ${p.http.path}${p.http.port !== undefined ? ` on ${p.http.port}` : ''}`;
    if (p.kind === 'tcp')
        return `TCP ${p.port}`;
    return `exec ${p.run.join(' ')}`;
}
/** Kubernetes quantity → docker size: `128Mi` → `128m`, `1Gi` → `1g`, `500M` → bytes. */
function dockerSize(q) {
    const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|k|K|M|G|T)?$/.exec(q.trim());
    if (!m)
        return q;
    const n = Number(m[1]);
    const unit = m[2] ?? '';
    const binary = { Ki: 'k', Mi: 'm', Gi: 'g', Ti: 't' };
    if (binary[unit] && Number.isInteger(n))
        return `${n}${binary[unit]}`;
    const factor = {
        '': 1,
        k: 1e3,
        K: 1e3,
        M: 1e6,
        G: 1e9,
        T: 1e12,
        Ki: 1024,
        Mi: 1024 ** 2,
        Gi: 1024 ** 3,
        Ti: 1024 ** 4
    };
    return String(Math.round(n * (factor[unit] ?? 1)));
}
/** `500m` → `0.5`, `2` → `2`. */
function dockerCpus(q) {
    const m = /^(\d+)m$/.exec(q.trim());
    return m ? String(Number(m[1]) / 1000) : q;
}

;// CONCATENATED MODULE: ./src/core/run-as/derive.ts
// One entry for every `run-as` file: a Compose file (top-level `services:`) or Kubernetes manifests
// (`apiVersion`/`kind`), told apart by their content, not their name.



function deriveRunAs(text, file, spec, name) {
    const parsed = yaml_nodes_parseDocuments(text, file);
    if (!parsed.ok)
        return parsed;
    const [first] = parsed.docs;
    if (parsed.docs.length === 1 && isCompose(first))
        return deriveFromCompose(first, file, spec, name);
    if (parsed.docs.some(d => d.get('kind') !== undefined || d.get('apiVersion') !== undefined))
        return deriveFromManifests(parsed.docs, file, spec, name);
    const message = `${file} is neither a Compose file (a top-level \`services:\` mapping) nor a Kubernetes manifest (\`apiVersion\` and \`kind\`); point \`run-as\` at the file production deploys`;
    return { ok: false, diagnostics: [first ? first.diagnostic(message) : { line: 1, col: 1, message }] };
}

;// CONCATENATED MODULE: ./src/io/run-as.ts
// Reads the files `run-as` names (relative to the configuration file) — the image's and each service
// test's — and derives the runtime contract of its tests; every problem is a ConfigError (exit 2) at
// file:line:col, before any build.





async function resolveRunAs(config, source, dir, cwd) {
    const read = reader(source, dir, cwd);
    for (const image of config.images) {
        const own = image.runAsSpec !== undefined ? await read(image.runAsSpec, `images[${image.index}].run-as`) : undefined;
        if (own) {
            image.runAs = own.runAs;
            image.test.commands = image.test.commands.map(c => applyToCommand(c, own));
        }
        const services = image.test.services ?? [];
        for (const [i, service] of services.entries()) {
            const derived = service.runAsSpec !== undefined
                ? await read(service.runAsSpec, `images[${image.index}].test.services[${i}].run-as`)
                : own;
            if (derived)
                services[i] = applyDerived(service, derived);
        }
    }
}
/** Reads and derives one `run-as` (each file is read once, however many tests name it). */
function reader(source, dir, cwd) {
    const texts = new Map();
    return async (spec, key) => {
        const hash = spec.indexOf('#');
        const path = hash >= 0 ? spec.slice(0, hash) : spec;
        const name = hash >= 0 ? spec.slice(hash + 1) : undefined;
        const file = (0,external_node_path_.resolve)(dir, path);
        const shown = (0,external_node_path_.relative)(cwd, file) || file;
        const at = source.position(key) ?? { line: 1, col: 1 };
        if (!texts.has(file))
            texts.set(file, (0,promises_.readFile)(file, 'utf8'));
        let text;
        try {
            text = await texts.get(file);
        }
        catch (e) {
            const code = e.code;
            throw new ConfigError(source.file, [
                {
                    ...at,
                    message: code === 'ENOENT'
                        ? `run-as: ${shown} does not exist; point \`run-as\` at the Kubernetes manifest or Compose file production deploys (relative to the configuration file)`
                        : `run-as: cannot read ${shown} (${e.message}); point \`run-as\` at a readable file`
                }
            ]);
        }
        const derived = deriveRunAs(text, shown, spec, name);
        if (!derived.ok)
            throw new ConfigError(shown, derived.diagnostics);
        return derived.derived;
    };
}

;// CONCATENATED MODULE: ./src/app/plan.ts
// Reads what a plan needs from the machine — the configuration file, the CI event payload, git —
// and hands it to the pure planner. Configuration errors are raised before any process runs.
















const DEFAULT_CONFIG = '.imagegate.yml';
/** Reads and checks the configuration file; every problem is a ConfigError or UsageError (exit 2). */
async function readConfigFile(cwd, path) {
    const file = (0,external_node_path_.resolve)(cwd, path ?? DEFAULT_CONFIG);
    const shown = (0,external_node_path_.relative)(cwd, file) || file;
    let bytes;
    try {
        bytes = await readAtMost(file, LIMITS.fileBytes + 1);
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
    const text = decodeConfig(bytes);
    if (!text.ok)
        throw new ConfigError(shown, text.diagnostics);
    const loaded = loadConfig(text.text, shown);
    if (!loaded.ok)
        throw new ConfigError(shown, loaded.diagnostics);
    const dir = (0,external_node_path_.dirname)(file);
    const problems = await checkPaths(loaded.config, loaded.source, dir);
    if (problems.length)
        throw new ConfigError(shown, boundDiagnostics(problems, LIMITS.diagnostics));
    await resolveRunAs(loaded.config, loaded.source, dir, cwd);
    return {
        path: file,
        shown,
        dir,
        config: loaded.config,
        source: loaded.source,
        warnings: loaded.warnings
    };
}
/** The file's first `max` bytes (all of a smaller one): a huge file, a FIFO or a device is never read whole. */
async function readAtMost(file, max) {
    const handle = await (0,promises_.open)(file, 'r');
    try {
        const chunks = [];
        let total = 0;
        while (total < max) {
            const chunk = Buffer.alloc(Math.min(1 << 20, max - total));
            const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
            if (bytesRead === 0)
                break;
            chunks.push(chunk.subarray(0, bytesRead));
            total += bytesRead;
        }
        return Buffer.concat(chunks);
    }
    finally {
        await handle.close();
    }
}
/**
 * Every path of the configuration must lead (symbolic links followed) into the repository — the
 * git checkout holding the configuration file, else the file's directory — and exist where it must.
 */
async function checkPaths(config, source, dir) {
    const out = [];
    const root = await repositoryRoot(dir);
    const realDir = await physicalPath(dir);
    /** True when the path is where it must be; a problem is reported at its key. */
    const check = async ({ path, value, at, outside, must }) => {
        const report = (message) => {
            out.push({ ...(source.position(at) ?? { line: 1, col: 1 }), message });
            return false;
        };
        const real = await physicalPath(path);
        if (!isInside(root, real)) {
            const via = isInside(root, (0,external_node_path_.resolve)(realDir, (0,external_node_path_.relative)(dir, path))) ? 'through a symbolic link ' : '';
            return report(`\`${value}\` leads ${via}to ${real}, outside the repository ${root}; ${outside}`);
        }
        if (!must)
            return true;
        const found = await (0,promises_.stat)(path).catch(() => undefined);
        if (found && (must.kind === 'dir' ? found.isDirectory() : found.isFile()))
            return true;
        return report(`${(0,external_node_path_.relative)(dir, path) || '.'} is not a ${must.kind === 'dir' ? 'directory' : 'file'}; ${must.fix}`);
    };
    for (const image of config.images) {
        const at = `images[${image.index}]`;
        const context = (0,external_node_path_.resolve)(dir, image.context);
        const contextOk = await check({
            path: context,
            value: image.context,
            at: `${at}.context`,
            outside: 'point `context` at a directory inside the repository (relative to the configuration file)',
            must: { kind: 'dir', fix: 'fix `context` (relative to the configuration file)' }
        });
        if (contextOk && image.builder.kind === 'dockerfile')
            await check({
                path: (0,external_node_path_.resolve)(context, image.containerfile),
                value: image.containerfile,
                at: source.position(`${at}.containerfile`) ? `${at}.containerfile` : at,
                outside: 'point `containerfile` at a file inside the repository (relative to the context)',
                must: { kind: 'file', fix: 'fix `containerfile` (relative to the context)' }
            });
        if (image.test.mount)
            await check({
                path: (0,external_node_path_.resolve)(dir, image.test.mount.source),
                value: image.test.mount.source,
                at: `${at}.test.mount.source`,
                outside: 'point `mount.source` at a directory inside the repository',
                must: { kind: 'dir', fix: 'fix `mount.source`' }
            });
        const runAs = [
            ...(image.runAsSpec !== undefined ? [[image.runAsSpec, `${at}.run-as`]] : []),
            ...(image.test.services ?? []).flatMap((s, i) => s.runAsSpec !== undefined ? [[s.runAsSpec, `${at}.test.services[${i}].run-as`]] : [])
        ];
        for (const [spec, key] of runAs) {
            const file = spec.split('#')[0] ?? spec;
            await check({
                path: (0,external_node_path_.resolve)(dir, file),
                value: file,
                at: key,
                outside: 'keep the deployment file `run-as` reads inside the repository (relative to the configuration file)'
            });
        }
        for (const [i, secret] of image.secrets.entries())
            if ('file' in secret)
                await check({
                    path: (0,external_node_path_.resolve)(dir, secret.file),
                    value: secret.file,
                    at: `${at}.secrets[${i}].file`,
                    outside: 'keep the secret file inside the repository, or pass the secret with `env`'
                });
    }
    for (const image of config.images)
        for (const [name, contextDir] of localContexts(image))
            await check({
                path: (0,external_node_path_.resolve)(dir, contextDir),
                value: contextDir,
                at: `images[${image.index}].build-contexts.${name}`,
                outside: 'point the build context at a directory inside the repository (relative to the configuration file)',
                must: { kind: 'dir', fix: `fix \`build-contexts.${name}\` (a directory relative to the configuration file)` }
            });
    const key = config.promote.sign?.key;
    if (key !== undefined && !key.startsWith('env://'))
        await check({
            path: (0,external_node_path_.resolve)(dir, key),
            value: key,
            at: 'promote.cosign-key',
            outside: 'keep the key file inside the repository, or pass the key as `env://VAR`'
        });
    return out;
}
async function readEventPayload(path) {
    if (!path)
        return {};
    try {
        return { event: JSON.parse(await (0,promises_.readFile)(path, 'utf8')) };
    }
    catch (e) {
        return {
            warning: `cannot read the event payload GITHUB_EVENT_PATH=${path}: ${e.message}; inferring from the environment only`
        };
    }
}
async function computeIdentities(loaded, git, reader) {
    const out = new Map();
    const order = buildOrder(loaded.config.images);
    if (!git) {
        for (const image of order)
            out.set(image.name, { error: `${loaded.dir} is not in a git repository` });
        return out;
    }
    // Git hashes what the paths lead to: it refuses a path through a symbolic link or outside the checkout.
    const root = await physicalPath(git.root);
    const pathsOf = new Map();
    for (const image of order) {
        const context = (0,external_node_path_.resolve)(loaded.dir, image.context);
        pathsOf.set(image.name, await Promise.all([
            context,
            ...(image.builder.kind === 'dockerfile' ? [(0,external_node_path_.join)(context, image.containerfile)] : []),
            ...localContexts(image).map(([, dir]) => (0,external_node_path_.resolve)(loaded.dir, dir))
        ].map(physicalPath)));
    }
    // One pass of git over every image's paths: the cost of a plan does not grow with the images.
    const inside = [...new Set([...pathsOf.values()].flat().filter(p => isInside(root, p)))];
    const hashes = new Map((await reader.hashPaths(root, inside)).map((h, i) => [inside[i], h]));
    for (const image of order) {
        const paths = pathsOf.get(image.name);
        const outside = paths.find(p => !isInside(root, p));
        if (outside) {
            out.set(image.name, { error: `${outside} is outside the git checkout ${root}` });
            continue;
        }
        const [tree, containerfile, ...named] = paths.map(p => hashes.get(p));
        const namedTrees = localContexts(image).map(([name], i) => `context ${name}:${named[i].id}`);
        const base = image.dependsOn !== undefined ? out.get(image.dependsOn) : undefined;
        if (base && !('key' in base)) {
            out.set(image.name, { error: `its base ${image.dependsOn} has none` });
            continue;
        }
        // Images used as named build contexts are built from too: their identities are part of this one's.
        const used = Object.values(image.build?.contexts ?? {}).flatMap(c => ('image' in c ? [out.get(c.image)] : []));
        const unknown = used.find(u => !u || !('key' in u));
        if (unknown) {
            out.set(image.name, { error: 'an image it uses as a build context has none' });
            continue;
        }
        const inputs = {
            contextTree: tree.id,
            dirty: tree.dirty || !!containerfile?.dirty || named.some(n => n.dirty),
            dependencies: [...(base ? [base.key] : []), ...used.map(u => u.key), ...namedTrees]
        };
        out.set(image.name, sourceIdentity(image, containerfile ? { ...inputs, containerfile: containerfile.id } : inputs));
    }
    return out;
}
/** `build-contexts` that are directories of the repository: [name, directory relative to the configuration file]. */
function localContexts(image) {
    return Object.entries(image.build?.contexts ?? {}).flatMap(([name, c]) => 'source' in c && isLocalContext(c.source) ? [[name, c.source]] : []);
}
/** What the CI says this run is — the event, and who may write where — with the checkout at `dir`. */
async function inferRun(dir, services, allowPullRequestTargetPush) {
    const { env } = services;
    const payload = await readEventPayload(env.eventPath);
    const git = await services.git.read(dir);
    const inference = applyTrust(inferScenario(env.variables, payload.event), {
        ...(git?.sha ? { checkoutSha: git.sha } : {}),
        ...(env.baseSha ? { baseSha: env.baseSha } : {}),
        allowPullRequestTargetPush: allowPullRequestTargetPush ?? env.allowPullRequestTargetPush
    });
    return {
        inference,
        repository: repositoryFacts(env.variables, payload.event),
        git,
        notices: payload.warning ? [payload.warning] : []
    };
}
async function makePlan(request, services) {
    const reader = services.git;
    const read = await readConfigFile(request.cwd, request.configPath);
    const overridden = request.overrides ? applyOverrides(read.config, read.source, request.overrides) : undefined;
    const loaded = overridden ? { ...read, config: overridden.config, source: overridden.source } : read;
    const { inference, git, notices, repository } = await inferRun(loaded.dir, services, request.allowPullRequestTargetPush);
    notices.push(...(overridden?.notes ?? []));
    const local = inference.host === 'local' ? git : undefined;
    const identities = await computeIdentities(loaded, git, reader);
    const step = request.step ? stepScenario(request.step, inference) : undefined;
    const override = step && 'scenario' in step ? step.scenario : request.scenario;
    const plan = buildPlan({
        config: loaded.config,
        source: loaded.source,
        inference,
        identities,
        ...(override ? { scenarioOverride: override } : {}),
        ...(local ? { localGit: local } : {}),
        ...(git?.releases ? { releases: git.releases } : {}),
        repository,
        ...(request.overrides?.releaseVersion !== undefined
            ? { releaseVersion: { value: request.overrides.releaseVersion, source: 'flag --release-version' } }
            : {})
    });
    return { plan, loaded, inference, notices };
}

;// CONCATENATED MODULE: ./src/app/present.ts
// The outcomes of merge, promote, verify, cleanup and setup as people read them (check and gate:
// core/summary.ts; plan: core/render-plan.ts).
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
        if (image.referrers)
            lines.push(`    referrers: ${image.referrers.manifests} manifest(s) and ${image.referrers.tags} cosign tag(s) copied`);
        if (image.marker)
            lines.push(`    marker: ${image.marker.tag} → ${image.marker.digest}${image.marker.created ? '' : ' (already there)'}`);
        if (image.signed)
            lines.push(`    signed: ${image.signed.created ? 'now' : 'already'} by cosign ${image.signed.cosign.version} (${image.signed.format === 'bundle' ? 'bundle referrer' : '.sig tag'} ${image.signed.signature})${image.signed.verified ? ', verified' : ''}`);
        if (image.cleanup)
            lines.push(`    staging tag ${image.cleanup.removed ? 'removed' : `left: ${image.cleanup.reason ?? ''}`}`);
    }
    lines.push(`HTTP: ${report.http.requests} requests, ${report.http.bytesSent} bytes sent, ${report.http.bytesReceived} received`);
    for (const w of report.warnings)
        lines.push(`warning: ${w}`);
    return `${lines.join('\n')}\n`;
}
function renderMergeText(report) {
    const lines = report.images.map(i => `  ${i.name}: ${i.ref}@${i.digest} (${i.action}; ${i.platforms.map(p => `${p.platform} ${p.digest.slice(0, 19)}`).join(', ')})\n`);
    return `imagegate merge: ${report.images.length} image(s) assembled from tested digests\n${lines.join('')}`;
}
function renderVerifyText(report) {
    const problems = report.problems.map(p => `  ${p}\n`).join('');
    return `${problems ? 'INCOMPLETE' : 'complete'}: ${report.ref}${report.digest ? `@${report.digest}` : ''} (${report.manifests} manifests, ${report.blobs} blobs)\n${problems}`;
}
function renderCleanupText(report) {
    const lines = [
        `imagegate cleanup: removed ${report.removed.length} staging tag(s) and ${report.referrers.length} referrer(s) of them, kept ${report.kept.length}, ${report.leftovers.length} left (deletes refused)`,
        ...report.removed.map(r => `  removed ${r}`),
        ...report.referrers.map(r => `  removed ${r} (referred only to a removed staging digest)`),
        ...report.kept.map(k => `  kept ${k.ref}: ${k.reason}`),
        ...report.leftovers.map(l => `  left ${l.ref}: ${l.reason}`)
    ];
    return `${lines.join('\n')}\n`;
}
function renderSetupText(installed) {
    return installed.map(t => `installed ${t.name} ${t.version} in ${t.dir}\n`).join('');
}
/** A fenced block under a heading, for CI summary pages. */
function fencedMarkdown(title, text) {
    return `### ${title}\n\n\`\`\`\n${text}\`\`\`\n`;
}

;// CONCATENATED MODULE: ./src/host/ordered-log.ts
// Several tasks that log at once, printed as if they had run one after another: each task gets a
// log of its own that records what it says (groups included); a task's record is printed once it
// is done and every task before it has been printed, so every group stays whole and in order.
// Masking goes straight to the real log: a secret is never printed, not even from a record.
class RecordingLog {
    real;
    entries = [];
    target = this.entries;
    constructor(real) {
        this.real = real;
    }
    info(text) {
        this.target.push({ kind: 'info', text });
    }
    notice(text) {
        this.target.push({ kind: 'notice', text });
    }
    warning(text, where) {
        this.target.push({ kind: 'warning', text, ...(where ? { where } : {}) });
    }
    error(text, where) {
        this.target.push({ kind: 'error', text, ...(where ? { where } : {}) });
    }
    verbatim(text) {
        this.target.push({ kind: 'verbatim', text });
    }
    block() {
        const entry = { kind: 'block', chunks: [] };
        this.target.push(entry);
        return { write: text => void entry.chunks.push(text), end: () => undefined };
    }
    async group(title, fn) {
        const entry = { kind: 'group', title, entries: [] };
        this.target.push(entry);
        const outer = this.target;
        this.target = entry.entries;
        try {
            return await fn();
        }
        finally {
            this.target = outer;
        }
    }
    mask(secret) {
        this.real.mask(secret);
    }
    redact(text) {
        return this.real.redact(text);
    }
}
async function replay(log, entries) {
    for (const e of entries) {
        if (e.kind === 'group')
            await log.group(e.title, () => replay(log, e.entries));
        else if (e.kind === 'block') {
            const block = log.block();
            for (const chunk of e.chunks)
                block.write(chunk);
            block.end();
        }
        else if (e.kind === 'warning' || e.kind === 'error')
            log[e.kind](e.text, e.where);
        else
            log[e.kind](e.text);
    }
}
/**
 * Runs `tasks` through `schedule` (which bounds how many run at once) and prints what each logged
 * in task order. Resolves with every task's outcome, in order, once all have settled.
 */
async function runOrdered(log, tasks, schedule) {
    const records = tasks.map(() => new RecordingLog(log));
    const settled = tasks.map((task, i) => schedule(i, () => task(records[i])).then(value => ({ status: 'fulfilled', value }), (reason) => ({ status: 'rejected', reason })));
    const out = [];
    for (const [i, outcome] of settled.entries()) {
        out.push(await outcome);
        await replay(log, records[i].entries);
    }
    return out;
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
    /**
     * `askTarget: false`: the caller knows the target is very unlikely to hold the image (a first
     * promotion): the HEAD of the root that would skip the copy is not sent.
     */
    async copy(source, target, digest, known, opts = {}) {
        const manifest = known?.digest === digest ? known : await this.client.getManifest(source, digest);
        if (!manifest)
            throw new RegistryError(`${source.registry}/${source.repository}@${digest} does not exist`);
        if (sameRepository(source, target))
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

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
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

;// CONCATENATED MODULE: ./src/registry/hosts.ts
// Which hosts the transport treats as one, and which token realms may receive a registry's
// credentials (docs/promotion.md, "Token realms"):
//   - a realm must be https, or plain http on loopback or on a host listed as insecure;
//   - the registry's credentials go to a realm on the registry's own host (any port), a subdomain
//     of it, or a host under the registry's parent domain when that parent has two labels or more
//     (registry.gitlab.com → gitlab.com, registry-1.docker.io → auth.docker.io,
//     registry.example.com → gitlab.example.com); every loopback name is one host;
//   - any other realm host only when it is trusted explicitly (`trustedRealms`: `host`,
//     `host:port` or `*.domain`);
//   - without credentials any https realm may be asked, except an internal address (loopback,
//     link-local, private) that is not the registry's own.
function isLoopback(host) {
    return isLoopbackName(hostnameOf(host));
}
/**
 * Why `realm` may not be asked for a token on behalf of `registry`, or undefined when it may.
 * `withCredentials`: the request would carry the registry's credentials.
 */
function realmRefusal(registry, realm, withCredentials, policy) {
    const realmHost = realm.host.toLowerCase();
    const plainAllowed = isLoopback(realmHost) || policy.insecureHosts.includes(realmHost);
    if (realm.protocol !== 'https:' && !(realm.protocol === 'http:' && plainAllowed))
        return `${registry} points its token service at ${realm.origin}, which is not https; refusing to ${withCredentials ? 'send credentials' : 'ask for a token'} there`;
    if (trusted(realm, policy.trustedRealms) || sameSite(registry, realm.hostname))
        return undefined;
    const name = hostnameOf(realm.hostname);
    if (withCredentials)
        return (`${registry} sends its token requests to ${realm.origin}, outside the registry's own host and domain; ` +
            `imagegate sends the credentials for ${registry} only to a token realm on ${siteOf(registry)}, ` +
            `or on a host trusted explicitly. If ${name} is the token service of ${registry}, allow it with ` +
            `IMAGEGATE_TRUSTED_REALMS=${name}`);
    if (isInternalAddress(name))
        return `${registry} points its token service at ${realm.origin}, an internal address that is not the registry's; refusing to ask it for a token (IMAGEGATE_TRUSTED_REALMS=${name} allows it)`;
    return undefined;
}
/** The realm hosts `registry`'s credentials may go to without an explicit trust, in words. */
function siteOf(registry) {
    const host = hostnameOf(registry);
    if (isLoopbackName(host))
        return 'this machine (loopback)';
    if (isIpLiteral(host))
        return host;
    const parent = parentDomain(host);
    return parent ? `${host}, ${parent} or a host under either` : `${host} or a host under it`;
}
function sameSite(registry, realmHostname) {
    const a = hostnameOf(registry);
    const b = hostnameOf(realmHostname);
    if (a === b)
        return true;
    if (isLoopbackName(a) && isLoopbackName(b))
        return true;
    if (isIpLiteral(a) || isIpLiteral(b))
        return false;
    if (b.endsWith(`.${a}`))
        return true;
    const parent = parentDomain(a);
    return parent !== undefined && (b === parent || b.endsWith(`.${parent}`));
}
/** `gitlab.com` for `registry.gitlab.com`; none when it would be a single label (`io` for `ghcr.io`). */
function parentDomain(host) {
    const labels = host.split('.');
    return labels.length >= 3 ? labels.slice(1).join('.') : undefined;
}
function trusted(realm, entries) {
    const name = hostnameOf(realm.hostname);
    const host = realm.host.toLowerCase();
    return entries.some(raw => {
        const entry = raw.trim().toLowerCase();
        if (entry.startsWith('*.'))
            return name.endsWith(entry.slice(1));
        return entry === name || entry === host;
    });
}
/** The host name without port or IPv6 brackets, lowercase. */
function hostnameOf(host) {
    const lower = host.toLowerCase();
    if (lower.startsWith('['))
        return lower.slice(1, lower.indexOf(']'));
    return lower.replace(/:\d+$/, '');
}
function isLoopbackName(name) {
    return name === 'localhost' || name.startsWith('127.') || name === '::1';
}
function isIpLiteral(name) {
    return /^\d+\.\d+\.\d+\.\d+$/.test(name) || name.includes(':');
}
function isInternalAddress(name) {
    if (isLoopbackName(name))
        return true;
    const v4 = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(name);
    if (v4) {
        const [a, b] = [Number(v4[1]), Number(v4[2])];
        return (a === 0 || a === 10 || (a === 172 && b >= 16 && b < 32) || (a === 192 && b === 168) || (a === 169 && b === 254));
    }
    return name.includes(':') && /^(fe[89ab]|f[cd])/.test(name);
}

;// CONCATENATED MODULE: ./src/registry/transport.ts
// HTTP to registries in three layers: auth (anonymous, basic, bearer tokens per repository scope,
// refreshed once on 401, sent only to the registry's own host; token realms under the policy of
// hosts.ts), then retry (one policy, no nested retries, only replayable bodies), then limits: an
// idle timeout, an overall deadline per exchange, a low-speed rule for bulk bodies, and a size
// limit for every buffered body (body.ts). Built on node:http(s) so bodies stream both ways and
// every byte can be counted.









/** The time limits of one exchange (docs/promotion.md, "Limits"). */
const DEFAULT_TIME_LIMITS = {
    idleTimeoutMs: 60_000,
    requestTimeoutMs: 60_000,
    lowSpeed: { bytesPerSecond: 16 * 1024, windowMs: 30_000 }
};
/** Request bodies above this size are sent as a stream under the low-speed rule, not under the deadline. */
const BULK_BODY = BODY_LIMITS.other;
/** Methods a request that ran past its deadline may be sent again for: reads, which change nothing. */
const SAFE_METHODS = new Set(['GET', 'HEAD']);
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
    idleMs;
    requestMs;
    lowSpeed;
    realms;
    constructor(opts = {}) {
        this.opts = opts;
        this.retry = opts.retry ?? DEFAULT_RETRY;
        this.idleMs = opts.idleTimeoutMs ?? DEFAULT_TIME_LIMITS.idleTimeoutMs;
        this.requestMs = opts.requestTimeoutMs ?? DEFAULT_TIME_LIMITS.requestTimeoutMs;
        this.lowSpeed = opts.lowSpeed ?? DEFAULT_TIME_LIMITS.lowSpeed;
        this.realms = { insecureHosts: opts.insecureHosts ?? [], trustedRealms: opts.trustedRealms ?? [] };
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
        let pastDeadline = 0;
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
                lastError = new RegistryError(transport_describe(req, res), res.status, ociError(res.body).code);
            }
            catch (e) {
                if (e instanceof RegistryError && e.status !== undefined)
                    throw e;
                // A read that ran past its deadline is tried once more (another connection, maybe another
                // backend); a write is not: the registry may have done it.
                const retryable = errorCode(e) === 'ERR_REQUEST_TIMEOUT'
                    ? SAFE_METHODS.has(req.method) && ++pastDeadline < 2
                    : isRetryableError(e);
                if (!retryable || attempt === attempts)
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
        let realmUrl;
        try {
            realmUrl = new URL(realm);
        }
        catch {
            throw new RegistryError(`${req.registry} sent a bearer challenge whose realm \`${printable(realm)}\` is not a URL`, 401);
        }
        const refusal = realmRefusal(req.registry, realmUrl, credentials?.kind === 'basic', this.realms);
        if (refusal)
            throw new RegistryError(refusal, undefined, 'ERR_REALM_REFUSED');
        const service = `the token service of ${req.registry} (${realmUrl.origin}${realmUrl.pathname})`;
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
            scope: req.scope,
            maxBody: { bytes: BODY_LIMITS.token, what: 'a token response' }
        };
        let res;
        try {
            res = await this.raw(tokenReq, realmUrl, headers.authorization);
        }
        catch (e) {
            throw e instanceof RegistryError ? new RegistryError(`${service}: ${e.message}`, e.status, e.code) : e;
        }
        if (res.status !== 200) {
            throw new RegistryError(`${service} answered ${res.status}${errorDetail(res.body)} for ${scope}${credentials ? '; check the credentials' : '; it may need credentials'}`, res.status);
        }
        const doc = parseJsonObject(res.body);
        if (!doc.ok)
            throw new RegistryError(`${service} answered 200 with a body that is ${doc.error}`);
        const { token: given, access_token: access, expires_in: expiresIn } = doc.value;
        const token = typeof given === 'string' && given ? given : typeof access === 'string' && access ? access : '';
        if (!token)
            throw new RegistryError(`${service} answered without a token`);
        this.opts.onSecret?.(token);
        // Tokens live at least 60 s (token spec default); renew 5 s early.
        const seconds = typeof expiresIn === 'number' && Number.isFinite(expiresIn) ? expiresIn : 60;
        const lifetime = Math.max(60, seconds) * 1000 - 5000;
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
        return this.realms.insecureHosts.includes(host);
    }
    urlFor(req) {
        if (/^https?:\/\//.test(req.path))
            return new URL(req.path);
        const scheme = isLoopback(req.registry) || this.isInsecure(req.registry) ? 'http' : 'https';
        return new URL(`${scheme}://${req.registry}${req.path}`);
    }
    /** One HTTP exchange under the time and size limits, no auth logic, no retry. */
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
        const bulk = req.body !== undefined && (!Buffer.isBuffer(req.body) || req.body.length > BULK_BODY);
        return new Promise((resolve, reject) => {
            const request = client.request(url, { method: req.method, headers, agent });
            const abort = (code, message) => void request.destroy(Object.assign(new Error(message), { code }));
            request.setTimeout(this.idleMs, () => abort('ERR_IDLE_TIMEOUT', `no answer from ${url.host} for ${this.idleMs} ms`));
            // The deadline covers the whole exchange; with a bulk body, what follows its last byte.
            let deadline;
            let stopped = false;
            const startDeadline = () => {
                if (deadline !== undefined || stopped)
                    return;
                deadline = setTimeout(() => abort('ERR_REQUEST_TIMEOUT', `the registry did not finish its answer within ${this.requestMs} ms (imagegate's deadline for one request; a body trickling in is cut off)`), this.requestMs);
            };
            const stopDeadline = () => {
                stopped = true;
                clearTimeout(deadline);
            };
            if (bulk)
                request.on('finish', startDeadline);
            else
                startDeadline();
            request.on('close', stopDeadline);
            request.on('error', e => {
                stopDeadline();
                reject(e);
            });
            request.on('response', res => {
                const status = res.statusCode ?? 0;
                if (req.stream && status >= 200 && status < 300) {
                    stopDeadline();
                    resolve({
                        status,
                        headers: res.headers,
                        body: Buffer.alloc(0),
                        stream: this.guarded(req, url, request, res),
                        url
                    });
                    return;
                }
                // An answer before the end of a bulk body (a 401, a refusal) is under the deadline too.
                startDeadline();
                this.buffered(req, url, res).then(r => {
                    stopDeadline();
                    resolve(r);
                }, (e) => {
                    stopDeadline();
                    request.destroy();
                    reject(e);
                });
            });
            this.writeBody(req, request, bulk, reject);
        });
    }
    /**
     * Reads an answer into memory, within its limit: a 2xx body larger than `maxBody` is refused (by
     * its Content-Length before reading, else once it passes); of an error body only the first
     * ERROR_BODY_KEPT bytes are kept and the rest is not read.
     */
    buffered(req, url, res) {
        const status = res.statusCode ?? 0;
        const ok = status >= 200 && status < 300;
        const limit = ok ? (req.maxBody?.bytes ?? BODY_LIMITS.other) : ERROR_BODY_KEPT;
        const tooLarge = (size) => new RegistryError(`${req.method} ${where(req, url)}: the registry sent ${size}, more than the ${formatSize(limit)} imagegate reads for ${req.maxBody?.what ?? 'an answer like this'}; refusing it`, undefined, 'ERR_BODY_TOO_LARGE');
        return new Promise((resolve, reject) => {
            const done = (body) => resolve({ status, headers: res.headers, body, url });
            const declared = Number(res.headers['content-length']);
            // The verdict first: destroying the response emits events that would settle it otherwise.
            if (req.method !== 'HEAD' && declared > limit) {
                if (ok)
                    reject(tooLarge(`${declared} bytes (Content-Length)`));
                else
                    done(Buffer.alloc(0));
                res.destroy();
                return;
            }
            const chunks = [];
            let length = 0;
            res.on('data', (c) => {
                this.stats.bytesReceived += c.length;
                if (length + c.length <= limit) {
                    chunks.push(c);
                    length += c.length;
                    return;
                }
                if (ok)
                    reject(tooLarge(`more than ${limit} bytes without a Content-Length that said so`));
                else
                    done(Buffer.concat([...chunks, c.subarray(0, limit - length)]));
                res.destroy();
            });
            res.on('error', reject);
            res.on('aborted', () => reject(Object.assign(new Error('response aborted'), { code: 'ECONNRESET' })));
            res.on('end', () => {
                const body = Buffer.concat(chunks);
                if (req.method !== 'HEAD' && Number.isFinite(declared) && body.length < declared) {
                    reject(Object.assign(new Error(`short body from ${url.host}: ${body.length} of ${declared} bytes`), {
                        code: 'ERR_SHORT_BODY'
                    }));
                    return;
                }
                done(body);
            });
        });
    }
    /** A streamed answer (a blob), counted, under the low-speed rule; paused until the caller reads it. */
    guarded(req, url, request, res) {
        const stats = this.stats;
        let moved = 0;
        const counted = new external_node_stream_.Transform({
            transform(chunk, _encoding, done) {
                stats.bytesReceived += chunk.length;
                moved += chunk.length;
                done(null, chunk);
            }
        });
        // The registry is slow only while the reader waits: bytes waiting in the stream are the reader's delay.
        const stop = this.lowSpeedWatch(() => counted.readableLength === 0, () => {
            const bytes = moved;
            moved = 0;
            return bytes;
        }, rate => {
            const e = Object.assign(new Error(`${req.method} ${where(req, url)}: the body arrived at less than ${this.lowSpeed.bytesPerSecond} bytes/s (${rate}) while imagegate waited for it; a registry this slow is cut off`), { code: 'ERR_TOO_SLOW' });
            request.destroy(e);
            counted.destroy(e);
        });
        counted.on('close', stop);
        res.on('error', e => counted.destroy(e));
        res.on('aborted', () => counted.destroy(Object.assign(new Error('response aborted'), { code: 'ECONNRESET' })));
        return res.pipe(counted);
    }
    /**
     * Samples ten times per window whether imagegate waits on the other side; once it has waited a
     * whole window, the bytes moved meanwhile must reach the low-speed limit, or `fail` is called.
     * Returns the function that stops watching.
     */
    lowSpeedWatch(waiting, take, fail) {
        const { bytesPerSecond, windowMs } = this.lowSpeed;
        const step = Math.max(10, Math.floor(windowMs / 10));
        let waited = 0;
        const timer = setInterval(() => {
            if (waiting())
                waited += step;
            if (waited < windowMs)
                return;
            const bytes = take();
            waited = 0;
            if (bytes < (bytesPerSecond * windowMs) / 1000) {
                clearInterval(timer);
                fail(`${bytes} bytes in ${windowMs} ms`);
            }
        }, step);
        timer.unref();
        return () => clearInterval(timer);
    }
    writeBody(req, request, bulk, reject) {
        const body = req.body;
        if (body === undefined) {
            request.end();
            return;
        }
        if (Buffer.isBuffer(body) && !bulk) {
            this.stats.bytesSent += body.length;
            request.end(body);
            return;
        }
        // A stream the registry stopped reading (it answered early, e.g. 401) is closed, so the
        // source's connection is not held; the next send opens a fresh one.
        const open = Buffer.isBuffer(body) ? () => external_node_stream_.Readable.from(slices(body)) : body;
        Promise.resolve()
            .then(open)
            .then(stream => {
            let moved = 0;
            stream.on('data', (c) => {
                this.stats.bytesSent += c.length;
                moved += c.length;
            });
            stream.on('error', e => {
                request.destroy(e);
                reject(e);
            });
            // The registry is slow only while it leaves what imagegate has to send waiting.
            const stop = this.lowSpeedWatch(() => request.writableNeedDrain, () => {
                const bytes = moved;
                moved = 0;
                return bytes;
            }, rate => request.destroy(Object.assign(new Error(`${req.registry} reads the upload at less than ${this.lowSpeed.bytesPerSecond} bytes/s (${rate}) while imagegate has more to send; a registry this slow is cut off`), { code: 'ERR_TOO_SLOW' })));
            request.on('finish', stop);
            request.on('response', () => {
                stop();
                if (!stream.readableEnded) {
                    stream.unpipe(request);
                    stream.destroy();
                }
            });
            request.on('close', () => {
                stop();
                if (!stream.destroyed && !stream.readableEnded)
                    stream.destroy();
            });
            stream.pipe(request);
        })
            .catch((e) => {
            request.destroy(e instanceof Error ? e : new Error(String(e)));
            reject(e);
        });
    }
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
function transport_describe(req, res) {
    return `${req.method} ${pathOf(req)} on ${req.registry} answered ${res.status}${errorDetail(res.body)}`;
}
/** `GET /v2/…/manifests/x on registry:5000`, or the absolute URL when the request left the registry (a token realm, a redirect). */
function where(req, url) {
    return url.host === req.registry ? `${url.pathname} on ${req.registry}` : `${url.origin}${url.pathname}`;
}
function errorCode(e) {
    const code = e?.code;
    return typeof code === 'string' ? code : undefined;
}
/** A large buffered body as a stream of 1 MiB views (no copies), so it goes under the low-speed rule. */
function* slices(body) {
    for (let at = 0; at < body.length; at += BULK_BODY)
        yield body.subarray(at, at + BULK_BODY);
}
function wrapNetworkError(req, e) {
    if (e instanceof RegistryError)
        return e;
    const message = e instanceof Error ? e.message : String(e);
    return new RegistryError(`${req.method} ${pathOf(req)} on ${req.registry} failed: ${message}`, undefined, errorCode(e));
}

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
            limits.set(host, (limit = new Limiter(IMAGES_PER_HOST)));
        return limit.run(task);
    };
    if (req.plan.refusal)
        throw new UsageError(req.plan.refusal);
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
            .filter(f => !sameRepository(target.staging, f))
            .flatMap(final => target.tags.map(tag => ({ final, tag }))));
        await Promise.all(reads.map(({ final, tag }) => perHost(final.registry, async () => {
            before.set(tagKey(final, tag), (await client.headManifest(final, tag))?.digest);
        })));
        const untagger = new Untagger(client);
        // Independent images at once, at most IMAGES_PER_HOST per final registry; each image's log is
        // printed whole, in the configuration's order. After a failure, images not started stay so.
        let failed = false;
        const parts = targets.map(() => ({ refs: [], warnings: [] }));
        const outcomes = await runOrdered(services.log, targets.map((target, i) => async (log) => {
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
            throw new UsageError(`${image.name}: no source identity to find its staged image (${image.identity.error ?? 'unknown'})`);
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
    let digest = staged && !isTombstone(staged) ? staged.digest : undefined;
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
    const tag = promotionTag(t.identity);
    const m = await client.getManifest(t.final, tag);
    if (!m)
        return undefined;
    const marker = readPromotionMarker(referrerDescriptor(m));
    const subject = subjectOf(m);
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
        return new FailedError(`${scenario} refused: staging has no tested image for the merged source of ${missing.map(m => m.name).join(', ')}:\n${lines.join('\n')}\n` +
            'The merged tree differs from every tree the gate tested (merge without a merge queue/train, or a rebase after the gate), or the change came from a fork and was never staged. ' +
            'Run the gate on this commit, or set `promote: {on-missing: build}` to build, test and stage it here.');
    }
    const referrers = new Referrers(client);
    const lines = [];
    for (const m of missing) {
        const image = plan.images.find(i => i.name === m.name);
        const head = `  ${m.name}: the tagged commit's source (identity ${m.identity}) has no staging tag (${m.staging.text}) and no promotion marker (${refText(m.final, promotionTag(m.identity))})`;
        const held = [];
        for (const tag of [...new Set(image.tags.filter(t => t.on.includes('promote') && t.tag).map(t => t.tag))]) {
            const digest = (await client.headManifest(m.final, tag))?.digest;
            if (!digest)
                continue;
            const markers = (await referrers.list(m.final, digest, { artifactType: PROMOTION_MARKER_TYPE })).manifests
                .map(d => readPromotionMarker(d))
                .filter((x) => x !== undefined);
            held.push(markers.length
                ? `${refText(m.final, tag)} holds ${digest}, promoted from another tree: ${markers.map(x => `identity ${x.identity}${x.commit ? ` (commit ${x.commit.slice(0, 12)})` : ''} on ${x.promotedAt.toISOString()}`).join('; ')}`
                : `${refText(m.final, tag)} holds ${digest}, which has no promotion marker (promoted by an imagegate before markers, or its marker was removed): imagegate cannot tell whether it was built from this commit's source`);
        }
        lines.push(held.length
            ? `${head}; ${held.join('; ')}`
            : `${head}; nothing is published under its promoted tags: this source was never promoted`);
    }
    return new FailedError(`release refused: no promoted image for the tagged commit's source of ${missing.map(m => m.name).join(', ')}:\n${lines.join('\n')}\n` +
        'Release publishes the bytes promote published for exactly this source. Tag the commit that was promoted (the merge commit on the default branch), or promote this commit first.');
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
        const one = { ...target, final, fromStaging: cleanup };
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
        throw new FailedError(`${req.scenario} of ${target.name} is incomplete: ${failed.length} of ${destinations.length} destinations failed:\n${failed.join('\n')}\n` +
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
    if (!sameRepository(target.staging, target.final)) {
        // The staging records concern the staging tags, not the published image: they stay behind.
        const copied = await copyReferrers(client, new ImageCopier(client), target.staging, target.final, manifestsOf(manifest), {
            skip: d => d.artifactType === STAGING_RECORD_TYPE
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
        const now = (await client.headManifest(target.final, tag))?.digest;
        const was = before.has(key) ? before.get(key) : now;
        if (now === digest) {
            tags.push({ ref: refText(target.final, tag), ...(was ? { before: was } : {}), action: 'unchanged' });
            continue;
        }
        if (now !== was) {
            throw new FailedError(`${req.scenario} refused: ${refText(target.final, tag)} moved from ${was ?? '(absent)'} to ${now ?? '(absent)'} while this promotion ran; another pipeline is publishing it. Re-run when it is done.`);
        }
        // The registry's answer names the digest it stored under the tag: a read-back only where it does not.
        const confirmed = await client.putTag(target.final, tag, manifest);
        const readBack = confirmed ? digest : (await client.headManifest(target.final, tag))?.digest;
        if (readBack !== digest)
            throw new FailedError(`${refText(target.final, tag)} reads back as ${readBack ?? '(absent)'}, not ${digest}`);
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
        const result = await untagger.removeTag(target.staging, target.staging.reference);
        promoted.cleanup = result.removed ? { removed: true } : { removed: false, reason: result.reason };
        if (!result.removed) {
            const warning = `${target.staging.text} was left in place: ${result.reason}`;
            report.warnings.push(warning);
            log.warning(warning);
        }
        else {
            // Its staging record is stale now; what else refers to the digest stays.
            const tag = target.staging.reference;
            await new Referrers(client)
                .prune(target.staging, digest, d => readStagingRecord(d)?.tag === tag, untagger)
                .catch((e) => log.info(`the staging record of ${target.staging.text} stays: ${e.message}`));
        }
    }
    return promoted;
}
/** The digests whose referrers travel with an image: the index (or image) and every manifest it lists. */
function manifestsOf(manifest) {
    const parsed = parseManifest(manifest);
    return [manifest.digest, ...(parsed.kind === 'index' ? parsed.index.manifests.map(m => m.digest) : [])];
}
/**
 * Records which source was promoted to the digest: a promotion marker (a referrer of the digest, so
 * the digest's referrers name its source) tagged `imagegate-promoted-<identity>` (so release finds
 * the digest by identity). Idempotent: a marker of this identity on this digest is left alone; one
 * on another digest (the source was promoted again, rebuilt) is moved.
 */
async function markPromotion(client, log, req, target, manifest, opts) {
    const tag = promotionTag(target.identity);
    const existing = opts.lookFirst ? await client.getManifest(target.final, tag) : undefined;
    if (existing &&
        subjectOf(existing)?.digest === manifest.digest &&
        readPromotionMarker(referrerDescriptor(existing))?.identity === target.identity)
        return { tag: refText(target.final, tag), digest: existing.digest, created: false };
    const marker = promotionManifest(describeManifest(manifest), {
        identity: target.identity,
        image: target.name,
        from: target.staging.text,
        promotedAt: new Date(),
        ...(req.plan.git.sha ? { commit: req.plan.git.sha.value } : {})
    });
    await new Referrers(client).attach(target.final, marker, { tag, mountFrom: target.staging });
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
        throw new UsageError('`promote.sign: cosign` without `cosign-key` signs keyless, which needs an OIDC identity (GitHub `id-token: write`, or SIGSTORE_ID_TOKEN); set `promote.cosign-key`');
    }
    const key = sign.key === undefined || sign.key.startsWith('env://') ? sign.key : (0,external_node_path_.resolve)(req.loaded.dir, sign.key);
    const request = { ref, ...(key !== undefined ? { key } : {}), tlog: sign.tlog, insecure: isLoopback(final.registry) };
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
            throw new InfrastructureError(`cosign signed ${ref}, but the signature does not verify: ${check.reason}`);
    });
    const made = (await findSignatures(client, final, digest)).find(f => f.format === (cosign.major >= 3 ? 'bundle' : 'legacy'));
    const fallback = {
        signature: cosign.major >= 3 ? `a bundle referrer of ${digest}` : legacyCosignTags(digest)[0],
        format: cosign.major >= 3 ? 'bundle' : 'legacy'
    };
    return { ref, cosign: about, ...(made ?? fallback), created: true, verified: true };
}
/** cosign signatures of `digest` in `repo`, both formats: the `.sig` tag, and bundle referrers that sign (not attest). */
async function findSignatures(client, repo, digest) {
    const out = [];
    const sig = legacyCosignTags(digest)[0];
    if (await client.headManifest(repo, sig))
        out.push({ signature: sig, format: 'legacy' });
    const listed = await new Referrers(client).list(repo, digest);
    for (const d of listed.manifests)
        if (SIGSTORE_BUNDLE.test(d.artifactType ?? '') &&
            (d.annotations?.['dev.sigstore.bundle.predicateType'] ?? COSIGN_SIGN_PREDICATE) === COSIGN_SIGN_PREDICATE)
            out.push({ signature: d.digest, format: 'bundle' });
    return out;
}
function refText(repo, tag) {
    return `${repo.registry}/${repo.repository}:${tag}`;
}

;// CONCATENATED MODULE: ./src/app/request.ts
// What a run is asked to do, whichever entry point asked: the CLI parses argv into it, the action
// its inputs. Everything else the run needs comes from the run environment and the services.
const COMMANDS = [
    'plan',
    'run',
    'check',
    'gate',
    'merge',
    'promote',
    'release',
    'verify',
    'cleanup',
    'setup',
    'doctor'
];
const DEFAULT_PARALLEL = 2;
const DEFAULT_CLEANUP_AGE_MS = 24 * 3600 * 1000;

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
            throw new UsageError(`unknown tool \`${name}\`; imagegate setup installs ${known.join(', ')}`);
    return wanted;
}
/** What to download for the pinned single-file tools among `names` on this machine, or a UsageError naming the fix. */
function toolDownloads(names, arch, mirror, table = PINNED_TOOLS) {
    return table
        .filter(t => names.includes(t.name))
        .map(tool => {
        const asset = tool.assets[arch];
        if (!asset)
            throw new UsageError(`${tool.name} ${tool.version} is pinned for linux x64 and arm64, not ${arch}; install it yourself and leave it out of \`tools\``);
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

;// CONCATENATED MODULE: ./src/app/verify.ts
// verify: is everything a reference needs in the registry — the index, every child, every blob?





/** The repository `imagegate verify REF` reads, or a UsageError naming what is wrong with REF. */
function verifyTarget(text) {
    const parsed = parseReference(text);
    if (!parsed.ok)
        throw new UsageError(`imagegate verify: ${parsed.error}`);
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
    return report;
}

;// CONCATENATED MODULE: ./src/app/run.ts
// The one dispatch: a typed request in, the report and the outputs out, for the CLI and the action
// alike. Every command plans (or reads the configuration) first, opens the run's one registry and
// engine access, runs its use case, and returns what the host should show, hand on and annotate.























async function run(request, services) {
    const progress = {};
    try {
        return await dispatch(request, services, progress);
    }
    catch (e) {
        return failed(e, request, services, progress.planned);
    }
}
/** Hands a result to its host: the summary first (a bad output path never hides it), then outputs, annotations, the verdict. */
async function deliver(result, host) {
    let exitCode = result.exitCode;
    let failure = result.failure;
    try {
        if (result.presentation)
            await host.present(result.presentation);
        if (result.outputs)
            await host.setOutputs(result.outputs);
        for (const dir of result.paths ?? [])
            await host.addPath(dir);
        await host.annotate(result.annotations);
    }
    catch (e) {
        exitCode = e instanceof ImagegateError ? e.exitCode : EXIT.infrastructure;
        failure = e instanceof Error ? e.message : String(e);
    }
    if (failure !== undefined)
        host.fail(failure, exitCode);
    return exitCode;
}
async function dispatch(request, services, progress) {
    const { log } = services;
    if (request.command === 'setup') {
        const installed = await setupTools(request.tools ?? DEFAULT_TOOLS, {
            log,
            installer: services.installer,
            arch: services.env.arch,
            ...(services.env.toolsMirror ? { mirror: services.env.toolsMirror } : {})
        });
        return ok({ text: renderSetupText(installed), document: installed }, { paths: installed.map(t => t.dir) });
    }
    if (request.command === 'verify') {
        const target = verifyTarget(request.target);
        const { inference } = await inferRun(request.cwd, services);
        return connected(services, run_scopeFor(credentialPolicy(inference), [target.registry], services), async (connection) => {
            const report = await verifyRef(request.target, connection.registry);
            return {
                ...ok({ text: renderVerifyText(report), document: report }),
                exitCode: report.problems.length ? EXIT.failed : EXIT.ok
            };
        });
    }
    if (request.command === 'cleanup' || request.command === 'doctor') {
        const loaded = await readConfigFile(request.cwd, request.config);
        const { inference } = await inferRun(loaded.dir, services);
        return connected(services, run_scopeFor(credentialPolicy(inference), hostsOf(loaded, services), services), async ({ registry }) => {
            if (request.command === 'cleanup') {
                const report = await cleanupStale(loaded, {
                    olderThanMs: request.olderThanMs ?? DEFAULT_CLEANUP_AGE_MS,
                    ...(request.unrecorded ? { unrecorded: request.unrecorded } : {})
                }, { log, registry });
                return ok({ text: renderCleanupText(report), document: report });
            }
            const images = await runDoctor(loaded, request.target, registry);
            return {
                ...ok({ text: renderDoctor(images), document: { images } }),
                exitCode: images.every(i => i.matches) ? EXIT.ok : EXIT.failed
            };
        });
    }
    const planned = await planFor(request, services);
    progress.planned = planned;
    const { plan, loaded, inference } = planned;
    const file = configPath(loaded, services);
    for (const w of loaded.warnings)
        log.warning(w.message, { file, line: w.line, col: w.col });
    for (const notice of planned.notices)
        log.warning(notice);
    if (request.command === 'plan') {
        if (plan.refusal)
            log.warning(plan.refusal);
        return ok({ text: renderPlanText(plan), markdown: renderPlanMarkdown(plan), document: plan }, { outputs: planOutputs(plan) });
    }
    const scenario = plan.scenario.value;
    if (request.command !== 'merge')
        log.info(`imagegate: scenario ${scenario} [${plan.scenario.source}]: ${plan.reason}`);
    for (const warning of plan.warnings)
        log.warning(warning);
    if (!plan.trusted)
        log.notice(`imagegate ${scenario}, no registry writes: ${plan.reason}`);
    log.info(`credentials: ${plan.credentials.reason}`);
    const step = request.step === 'promote' ? stepScenario('promote', inference) : undefined;
    if (step && 'skip' in step) {
        log.notice(step.skip);
        return ok({ text: `${step.skip}\n`, markdown: `### imagegate promote: nothing to do\n\n${step.skip}\n`, document: plan }, { outputs: planOutputs(plan) });
    }
    if (request.command === 'merge' && scenario !== 'gate') {
        const text = `imagegate merge: nothing to merge on this event; the platform jobs only checked (${plan.reason})`;
        log.notice(text);
        return ok({ text: `${text}\n`, document: plan }, { outputs: planOutputs(plan) });
    }
    if ((scenario === 'promote' || scenario === 'release') && request.platform)
        throw new UsageError(`--platform splits a build; the ${scenario} scenario builds nothing (drop --platform there)`);
    return connected(services, run_scopeFor(plan.credentials, hostsOf(loaded, services), services), async (connection) => {
        if (request.command === 'merge') {
            const report = await runMerge({ loaded, plan, recordsDir: recordsDir(request) }, { log, registry: connection.registry, stats: connection.stats });
            return ok({ text: renderMergeText(report), document: report }, { outputs: mergeOutputs(report, plan) });
        }
        if (scenario === 'promote' || scenario === 'release') {
            const report = await runPromote({ loaded, plan, scenario, gate: () => fallbackGate(request, services, connection) }, {
                log,
                registry: connection.registry,
                stats: connection.stats,
                signer: connection.signer,
                oidc: services.env.oidc
            });
            const text = renderPromoteText(report);
            return ok({ text, markdown: fencedMarkdown(`imagegate ${scenario}`, text), document: report }, { outputs: publishOutputs(report, plan) });
        }
        return gateResult(request, services, connection, planned, scenario);
    });
}
async function gateResult(request, services, connection, { plan, loaded }, scenario) {
    const engine = await connection.engine(request.builder ? { buildxBuilder: request.builder } : {});
    const junit = request.junit ? (0,external_node_path_.resolve)(request.cwd, request.junit) : undefined;
    const records = recordsDir(request);
    const report = await runGate({
        loaded,
        plan,
        scenario,
        parallel: request.parallel,
        recordsDir: records,
        ...(junit ? { junitFile: junit } : {}),
        ...(request.platform ? { platform: request.platform } : {})
    }, { log: services.log, env: services.env, engine, registry: connection.registry });
    const passed = report.images.every(i => i.status === 'passed');
    const result = ok({ text: renderRunText(report), markdown: renderRunMarkdown(report), document: report }, { outputs: gateOutputs(report, { plan, ...(junit ? { junit } : {}), ...(report.records ? { records } : {}) }) });
    if (passed)
        return result;
    return {
        ...result,
        exitCode: EXIT.failed,
        annotations: failureAnnotations(report.images, loaded.config, loaded.source, configPath(loaded, services)),
        failure: `imagegate ${scenario}: not every test passed${scenario === 'gate' ? '; nothing was pushed' : ''}`
    };
}
/** `promote.on-missing: build`: the gate for this commit, on the same connection, before promoting. */
async function fallbackGate(request, services, connection) {
    const gated = await makePlan({
        cwd: request.cwd,
        ...(request.config ? { configPath: request.config } : {}),
        scenario: { value: 'gate', source: 'promote.on-missing: build' },
        ...(request.overrides ? { overrides: request.overrides } : {})
    }, services);
    const engine = await connection.engine(request.builder ? { buildxBuilder: request.builder } : {});
    const report = await runGate({
        loaded: gated.loaded,
        plan: gated.plan,
        scenario: 'gate',
        parallel: request.parallel,
        recordsDir: recordsDir(request)
    }, { log: services.log, env: services.env, engine, registry: connection.registry });
    if (!report.images.every(i => i.status === 'passed'))
        throw new FailedError(`on-missing: build ran the gate and it failed:\n${renderRunText(report)}`);
}
function planFor(request, services) {
    if (request.command === 'merge' && request.scenario)
        throw new UsageError('`imagegate merge` writes staging like gate; it takes no --scenario');
    const scenario = request.step ? undefined : (request.scenario ?? scenarioOfCommand(request.command));
    return makePlan({
        cwd: request.cwd,
        ...(request.config ? { configPath: request.config } : {}),
        ...(scenario ? { scenario } : {}),
        ...(request.step ? { step: request.step } : {}),
        ...(request.allowPullRequestTargetPush !== undefined
            ? { allowPullRequestTargetPush: request.allowPullRequestTargetPush }
            : {}),
        ...(request.overrides ? { overrides: request.overrides } : {})
    }, services);
}
/** `check`, `gate`, `promote` and `release` name their scenario; `merge` writes staging as gate does. */
function scenarioOfCommand(command) {
    if (command === 'merge')
        return { value: 'gate', source: 'command `imagegate merge` (writes staging)' };
    const scenario = parseScenario(command);
    return scenario ? { value: scenario, source: `command \`imagegate ${command}\`` } : undefined;
}
/** Opens the run's connection in `scope`, and always closes it. */
async function connected(services, scope, fn) {
    const connection = services.connect(scope);
    try {
        return await fn(connection);
    }
    finally {
        await connection.close();
    }
}
/** The hosts a configuration names, and the build registry (named by the environment) when buildpacks images build there. */
function hostsOf(loaded, services) {
    const buildpacks = loaded.config.images.some(i => i.builder.kind === 'buildpacks');
    return {
        named: registryHosts(loaded.config),
        environment: buildpacks ? [buildRegistryHost(services.env.buildRegistry)] : []
    };
}
/** Where the run's credentials may go, by its credential policy (core/trust.ts). */
function run_scopeFor(policy, hosts, services) {
    const { named, environment } = Array.isArray(hosts) ? { named: hosts, environment: [] } : hosts;
    const all = [...new Set([...named, ...environment])];
    if (policy.use === 'none')
        return { explicitHosts: [], anonymous: { why: policy.reason }, environmentSecrets: { refused: policy.reason } };
    if (policy.use === 'configuration')
        return { explicitHosts: all };
    const trusted = new Set(services.env.namedRegistries.map(canonicalHost));
    const outside = named.filter(host => !trusted.has(canonicalHost(host)));
    if (outside.length)
        throw new UsageError(`credentials refused: ${policy.reason}, and the configuration names ${outside.join(', ')}, which the workflow does not; ` +
            `name ${outside.length > 1 ? 'them' : 'it'} in the step's \`registries\` input (or IMAGEGATE_REGISTRIES) if you trust ${outside.length > 1 ? 'them' : 'it'}`);
    return { explicitHosts: all, environmentSecrets: { refused: policy.reason } };
}
function recordsDir(request) {
    return (0,external_node_path_.resolve)(request.cwd, request.records ?? DEFAULT_RECORDS_DIR);
}
/** Annotations take paths relative to the repository root (the workspace); elsewhere, the path as the user gave it. */
function configPath(loaded, services) {
    return services.env.workspace ? (0,external_node_path_.relative)(services.env.workspace, loaded.path) : loaded.shown;
}
function ok(presentation, extra = {}) {
    return { exitCode: EXIT.ok, presentation, annotations: [], ...extra };
}
function failed(e, request, services, planned) {
    const exitCode = e instanceof ImagegateError ? e.exitCode : EXIT.infrastructure;
    const failure = e instanceof ImagegateError
        ? e.message
        : `unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
    const annotations = e instanceof ConfigError ? configAnnotations(e, request, services) : [];
    return { exitCode, failure, annotations, ...(planned ? { outputs: planOutputs(planned.plan) } : {}) };
}
function configAnnotations(e, request, services) {
    const file = (0,external_node_path_.resolve)(request.cwd, e.file);
    const shown = services.env.workspace ? (0,external_node_path_.relative)(services.env.workspace, file) : e.file;
    return diagnosticAnnotations((0,external_node_path_.isAbsolute)(shown) ? e.file : shown, e.diagnostics);
}

;// CONCATENATED MODULE: ./src/core/config/reference-doc.ts
// The configuration reference in docs/configuration.md, generated from SCHEMA so the two never disagree.

const reference_doc_DEFS = SCHEMA.$defs;
function renderConfigReference() {
    const rows = ['| key | type | default | description |', '|---|---|---|---|'];
    const visit = (schema, path, required) => {
        const s = resolve(schema);
        if (path)
            rows.push(`| \`${path}\`${required ? ' (required)' : ''} | ${typeName(s)} | ${s.default !== undefined ? `\`${JSON.stringify(s.default)}\`` : ''} | ${reference_doc_cell(s.description ?? schema.description ?? '')} |`);
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
    const target = reference_doc_DEFS[schema.$ref.replace('#/$defs/', '')];
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
function reference_doc_cell(text) {
    return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

// EXTERNAL MODULE: ./node_modules/@actions/exec/lib/exec.js + 3 modules
var exec = __webpack_require__(1260);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/exec/exec.ts
// The one seam through which imagegate runs programs: argv arrays only, never a shell string.
// The composition root builds one ProcessExec with the run's environment; everything that starts a
// program takes an `Exec`, so tests hand in a fake and no process runs.

// This module is the seam that runs programs; a byte stream (runStreaming) needs the plain spawn.
// eslint-disable-next-line no-restricted-imports



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
/** Runs a program and returns its stdout; a non-zero exit is an ExecError. */
async function output(exec, command, args, opts = {}) {
    const result = await exec.run(command, args, opts);
    if (result.exitCode !== 0)
        throw new ExecError(command, args, result);
    return result.stdout;
}
class ProcessExec {
    opts;
    env;
    constructor(opts) {
        this.opts = opts;
        this.env = definedOnly(opts.env);
    }
    async run(command, args, opts = {}) {
        if (opts.onStdoutBytes)
            return this.runStreaming(command, args, opts, opts.onStdoutBytes);
        const started = Date.now();
        const block = opts.stream ? this.opts.output() : undefined;
        const sinks = [opts.onOutput, block && ((text) => block.write(text))].filter((s) => s !== undefined);
        const each = (data) => {
            const text = data.toString('utf8');
            for (const sink of sinks)
                sink(text);
        };
        try {
            const result = await exec/* getExecOutput */.H(command, [...args], {
                cwd: opts.cwd,
                env: { ...this.env, ...opts.env },
                input: opts.input !== undefined ? Buffer.from(opts.input) : undefined,
                ignoreReturnCode: true,
                silent: true,
                listeners: sinks.length ? { stdout: each, stderr: each } : undefined
            });
            if (this.opts.trace) {
                const trace = this.opts.output();
                trace.write(`trace: ${Date.now() - started}ms exit ${result.exitCode}: ${command} ${args.join(' ')}\n`);
                trace.end();
            }
            return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr };
        }
        catch (e) {
            const message = e instanceof Error ? e.message : String(e);
            if (/Unable to locate executable file|ENOENT/.test(message)) {
                throw new InfrastructureError(`\`${command}\` is not installed or not on PATH (${message}); install it, or run scripts/testbed up`);
            }
            throw e;
        }
        finally {
            block?.end();
        }
    }
    /** stdout goes to `onBytes` as it comes (never collected or decoded); stderr is kept. */
    runStreaming(command, args, opts, onBytes) {
        const started = Date.now();
        return new Promise((resolve, reject) => {
            const child = (0,external_node_child_process_.spawn)(command, [...args], {
                cwd: opts.cwd,
                env: { ...this.env, ...opts.env },
                stdio: ['ignore', 'pipe', 'pipe']
            });
            let stderr = '';
            let failed;
            child.stdout.on('data', (chunk) => {
                if (failed)
                    return;
                try {
                    onBytes(chunk);
                }
                catch (e) {
                    failed = e;
                    child.kill();
                }
            });
            child.stderr.on('data', (chunk) => void (stderr += chunk.toString('utf8')));
            child.on('error', (e) => reject(e.code === 'ENOENT'
                ? new InfrastructureError(`\`${command}\` is not installed or not on PATH (${e.message}); install it, or run scripts/testbed up`)
                : e));
            child.on('close', code => {
                if (this.opts.trace) {
                    const trace = this.opts.output();
                    trace.write(`trace: ${Date.now() - started}ms exit ${code}: ${command} ${args.join(' ')}\n`);
                    trace.end();
                }
                if (failed)
                    reject(failed instanceof Error ? failed : new Error(String(failed)));
                else
                    resolve({ exitCode: code ?? 1, stdout: '', stderr });
            });
        });
    }
}
function definedOnly(env) {
    const out = {};
    for (const [k, v] of Object.entries(env))
        if (v !== undefined)
            out[k] = v;
    return out;
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
                throw new InfrastructureError(`\`cosign version\` failed (exit ${v.exitCode}): ${lastLine(v.stderr) || lastLine(v.stdout)}; is cosign on PATH? (\`imagegate setup\` installs it)`);
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
                throw new InfrastructureError(`cosign ${cosign.version} could not sign ${req.ref}: ${lastLine(result.stderr) || lastLine(result.stdout)}`);
        });
    }
    async verify(req, host) {
        return this.inDir(host, async (dir, env) => {
            let publicKey;
            if (req.key !== undefined) {
                publicKey = (0,external_node_path_.join)(dir, 'cosign.pub');
                const pub = await this.opts.exec.run('cosign', ['public-key', '--key', req.key, '--outfile', publicKey], { env });
                if (pub.exitCode !== 0)
                    return { ok: false, reason: `cosign public-key failed: ${lastLine(pub.stderr) || lastLine(pub.stdout)}` };
            }
            const args = cosignVerifyArgs(req, publicKey ? { publicKey } : {}, this.opts.keyless ?? {});
            const result = await this.opts.exec.run('cosign', args, { env });
            return result.exitCode === 0
                ? { ok: true }
                : { ok: false, reason: lastLine(result.stderr) || lastLine(result.stdout) || `exit ${result.exitCode}` };
        });
    }
    /** Keyless without a transparency log on cosign 3: the public instance's services, less Rekor (the timestamp authority stays: a short-lived certificate needs a trusted time). */
    async keylessSigningConfig(file, env) {
        const result = await this.opts.exec.run('cosign', ['signing-config', 'create', '--with-default-services', '--no-default-rekor', '--out', file], { env });
        if (result.exitCode !== 0)
            throw new InfrastructureError(`cosign could not make a signing config without a transparency log for keyless signing: ${lastLine(result.stderr) || lastLine(result.stdout)}`);
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
                throw new InfrastructureError(`docker login to ${login.host} as ${login.username} failed: ${lastLine(result.stderr)}; check ${opts.source}`);
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
    const parsed = parseReference(full);
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
            const args = buildxBuildArgs({
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
                onOutput: chunk => void (output = keepLast(output + chunk, 16000))
            });
            const buildMs = Date.now() - started;
            if (result.exitCode !== 0)
                return withChecks({
                    ok: false,
                    reason: buildFailure(output, this.opts.credentialNote),
                    outputTail: tail(output)
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
                    outputTail: tail(output)
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
        const result = await this.opts.docker.run(buildxCheckArgs(args), { env });
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
                throw new UsageError(`image ${inputs.image.name}: secret \`${secret.id}\` reads the environment variable ${secret.env}, which is not set; export it before running imagegate`);
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
        await docker.output(['tag', built.localRef, ref]);
        try {
            const tagged = (await docker.output(['image', 'inspect', '--format', '{{.Id}}', ref])).trim();
            if (tagged !== built.digest)
                throw new InfrastructureError(`${ref} resolves locally to ${tagged}, not the tested ${built.digest}; nothing was pushed for it`);
            let push = await docker.run(['push', ref], { stream: true });
            if (push.exitCode !== 0) {
                // A registry may answer a transient 5xx mid-push; the same content pushes again idempotently.
                log.warning(`pushing ${ref} failed (${lastLine(push.stderr)}); trying once more`);
                push = await docker.run(['push', ref], { stream: true });
            }
            if (push.exitCode !== 0)
                throw new InfrastructureError(`pushing ${ref} failed: ${lastLine(push.stderr)}.`);
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

;// CONCATENATED MODULE: ./src/io/git.ts
// What git knows about the checkout: the commit, branch and tag, and the tree of a build context
// including uncommitted changes (what `docker build` would actually send).



class Git {
    exec;
    temp;
    constructor(exec, temp) {
        this.exec = exec;
        this.temp = temp;
    }
    async read(cwd) {
        // One call for the root, the branch and the commit; a repository without commits answers only the root.
        const facts = await this.exec.run('git', ['rev-parse', '--show-toplevel', 'HEAD', '--abbrev-ref', 'HEAD'], { cwd });
        const [root, sha, branch] = facts.stdout.split('\n').map(l => l.trim());
        if (facts.exitCode !== 0) {
            const top = await this.exec.run('git', ['rev-parse', '--show-toplevel'], { cwd });
            return top.exitCode === 0 ? { root: top.stdout.trim() } : undefined;
        }
        const local = { root: root };
        if (sha)
            local.sha = sha;
        if (branch && branch !== 'HEAD')
            local.branch = branch;
        // Every tag with the commit it points at (peeled for annotated tags), highest version first.
        const tags = await this.exec.run('git', [
            'for-each-ref',
            '--sort=-version:refname',
            '--format=%(refname:short) %(objectname) %(*objectname)',
            'refs/tags'
        ], { cwd });
        const listed = tags.stdout
            .split('\n')
            .map(line => line.trim().split(' '))
            .filter(([name]) => !!name);
        const tag = listed.find(([, object, peeled]) => (peeled || object) === sha)?.[0];
        if (tag)
            local.tag = tag;
        if (tags.exitCode === 0)
            local.releases = listed.map(([name]) => name);
        return local;
    }
    /**
     * Hashes the current content of paths the way git would commit it (tracked and untracked files,
     * .gitignore respected), without touching the user's index: a throwaway index is used.
     */
    hashPaths(root, paths) {
        if (!paths.length)
            return Promise.resolve([]);
        return this.temp.with('index', async (dir) => {
            const env = { GIT_INDEX_FILE: (0,external_node_path_.join)(dir, 'index') };
            const git = (args, opts = {}) => output(this.exec, 'git', args, { cwd: root, env, ...opts });
            // A repository without commits has no HEAD to start the index from.
            const hasHead = (await this.exec.run('git', ['read-tree', 'HEAD'], { cwd: root, env })).exitCode === 0;
            if (!hasHead)
                await git(['read-tree', '--empty']);
            const rels = paths.map(p => (0,external_node_path_.relative)(root, (0,external_node_path_.resolve)(root, p)) || '.');
            // imagegate's own output (per-platform records) never changes the source it describes.
            const ownOutput = `:(exclude,glob)**/${DEFAULT_RECORDS_DIR}/**`;
            await git(['add', '--all', '--', ...rels, ownOutput]);
            const tree = (await git(['write-tree'])).trim();
            // Each path's object now and in HEAD, in one batch: `<oid> <type> <size>`, or `<name> missing`.
            const specs = rels.flatMap(rel => {
                const spec = rel === '.' ? '' : rel;
                return [`${tree}:${spec}`, ...(hasHead ? [`HEAD:${spec}`] : [])];
            });
            const answers = (await git(['cat-file', '--batch-check=%(objectname)'], { input: `${specs.join('\n')}\n` }))
                .trim()
                .split('\n');
            const step = hasHead ? 2 : 1;
            return rels.map((_, i) => {
                const id = answers[i * step].trim();
                const committed = hasHead ? answers[i * step + 1].trim() : undefined;
                return { id, dirty: committed !== id };
            });
        });
    }
}

;// CONCATENATED MODULE: ./src/io/temp.ts
// Temporary directories of this run, all under one root (the action's scratch directory, which its
// post step removes, or TMPDIR on the command line).


class TempDirs {
    root;
    constructor(root) {
        this.root = root;
    }
    /** A fresh private directory; removed again after `fn` unless `keep` says otherwise. */
    async with(prefix, fn) {
        const dir = await this.make(prefix);
        try {
            return await fn(dir);
        }
        finally {
            // Files a container wrote as another user may resist removal on a non-root runner.
            await (0,promises_.rm)(dir, { recursive: true, force: true }).catch(() => undefined);
        }
    }
    make(prefix) {
        return (0,promises_.mkdtemp)((0,external_node_path_.join)(this.root, `imagegate-${prefix}-`));
    }
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
    const parsed = parsePlatform(platform);
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
                const path = tar_scan_paxRecords(body).path;
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
function tar_scan_paxRecords(body) {
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

;// CONCATENATED MODULE: ./src/io/executables.ts
// Reads one platform's image filesystem as a tar stream (`docker export` of a container created,
// never started, from the built image: the layers with their whiteouts applied) and checks the
// machine type of every executable in it. Nothing runs inside the image, so distroless and
// scratch images are checked the same way; nothing is unpacked to disk.




async function checkExecutables(docker, ref, platform, ignore) {
    const check = ExecutablesCheck.for(platform, ignore);
    if (!check)
        return { ok: 'unknown-platform' };
    const started = Date.now();
    const name = `imagegate-executables-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`;
    // The entrypoint is never started: `create` only needs one for an image without ENTRYPOINT or CMD.
    const created = await docker.run([
        'create',
        '--pull',
        'never',
        '--platform',
        platform,
        '--name',
        name,
        '--entrypoint',
        '/imagegate-never-started',
        ref
    ]);
    if (created.exitCode !== 0)
        return {
            ok: false,
            error: `could not read the ${platform} image's files: docker create failed: ${lastLine(created.stderr)}`,
            durationMs: Date.now() - started
        };
    try {
        const scanner = new TarScanner(entry => check.add(entry), ExecutablesCheck.headBytes);
        const exported = await docker.run(['export', name], { onStdoutBytes: chunk => scanner.push(chunk) });
        if (exported.exitCode !== 0)
            return {
                ok: false,
                error: `could not read the ${platform} image's files: docker export failed: ${lastLine(exported.stderr)}`,
                durationMs: Date.now() - started
            };
        scanner.end();
        return { ok: true, finding: check.result(), durationMs: Date.now() - started };
    }
    finally {
        await docker.run(['rm', '--force', name]);
    }
}

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
;// CONCATENATED MODULE: ./src/core/service/plan.ts
// Pure parts of a service test: the docker argv, deadlines, where the service is reached, and the
// verdicts on an HTTP answer, on readiness and on the stop.
/** How much longer the default deadlines are on a platform emulated by QEMU. */
const EMULATION_FACTOR = 5;
const SERVICE_DEFAULTS = { readyMs: 30_000, probeMs: 10_000, stopGraceMs: 10_000, totalMs: 5 * 60_000 };
/** The service test's deadlines on this platform: what the file sets, else the defaults (×5 under QEMU, stop grace ×3). */
function serviceDeadlines(service, emulated) {
    const f = emulated ? EMULATION_FACTOR : 1;
    const deadlines = {
        readyMs: service.readyTimeoutMs !== undefined
            ? service.readyTimeoutMs * (service.scaleTimings ? f : 1)
            : SERVICE_DEFAULTS.readyMs * f,
        probeMs: SERVICE_DEFAULTS.probeMs * f,
        stopGraceMs: service.stopGraceMs ?? SERVICE_DEFAULTS.stopGraceMs * (emulated ? 3 : 1),
        totalMs: service.timeoutMs ?? SERVICE_DEFAULTS.totalMs * (emulated ? 3 : 1)
    };
    if (emulated)
        deadlines.note = `emulated by QEMU: default deadlines longer (ready ${deadlines.readyMs / 1000}s, probes ${deadlines.probeMs / 1000}s, stop grace ${deadlines.stopGraceMs / 1000}s)`;
    return deadlines;
}
/**
 * Where published ports are reached from this machine: the engine's own host when DOCKER_HOST is a
 * TCP address (GitLab docker-in-docker: `tcp://docker:2376`), else the loopback.
 */
function serviceAddress(dockerHost) {
    const m = /^(?:tcp|http|https):\/\/(\[[^\]]+\]|[^:/]+)/.exec(dockerHost ?? '');
    const host = m?.[1];
    if (host && host !== 'localhost' && host !== '127.0.0.1')
        return { bind: '0.0.0.0', host: host.replace(/^\[|\]$/g, '') };
    return { bind: '127.0.0.1', host: '127.0.0.1' };
}
const RUN_LABEL = 'imagegate.run';
function serviceRunArgs(req) {
    const r = req.runtime;
    const args = ['run', '--detach', '--pull', 'never', '--platform', req.platform, '--name', req.name];
    args.push('--label', `${RUN_LABEL}=${req.runId}`);
    if (req.network)
        args.push('--network', req.network, '--network-alias', 'service');
    for (const port of req.ports)
        args.push('--publish', `${req.bind}::${port}`);
    if (r.user !== undefined)
        args.push('--user', r.user);
    if (r.workdir !== undefined)
        args.push('--workdir', r.workdir);
    for (const [key, value] of Object.entries(r.env))
        args.push('--env', `${key}=${value}`);
    if (r.readOnly)
        args.push('--read-only');
    for (const path of r.tmpfs)
        args.push('--tmpfs', path);
    for (const cap of r.capDrop)
        args.push('--cap-drop', cap);
    for (const cap of r.capAdd)
        args.push('--cap-add', cap);
    if (r.noNewPrivileges)
        args.push('--security-opt', 'no-new-privileges');
    if (r.memory !== undefined)
        args.push('--memory', r.memory);
    if (r.cpus !== undefined)
        args.push('--cpus', r.cpus);
    if (r.shmSize !== undefined)
        args.push('--shm-size', r.shmSize);
    for (const limit of r.ulimits ?? [])
        args.push('--ulimit', limit);
    if (r.init)
        args.push('--init');
    if (r.stopSignal !== undefined)
        args.push('--stop-signal', r.stopSignal);
    if (r.health === 'none')
        args.push('--no-healthcheck');
    else if (r.health) {
        args.push('--health-cmd', r.health.cmd);
        if (r.health.interval !== undefined)
            args.push('--health-interval', r.health.interval);
        if (r.health.timeout !== undefined)
            args.push('--health-timeout', r.health.timeout);
        if (r.health.retries !== undefined)
            args.push('--health-retries', String(r.health.retries));
        if (r.health.startPeriod !== undefined)
            args.push('--health-start-period', r.health.startPeriod);
    }
    const [entrypoint, ...entryArgs] = r.entrypoint ?? [];
    if (entrypoint !== undefined)
        args.push('--entrypoint', entrypoint);
    args.push(req.image);
    // `--entrypoint` drops the image's CMD too (as Kubernetes `command` does); its own arguments come first.
    args.push(...entryArgs);
    if (r.args)
        args.push(...r.args);
    return args;
}
/** The host port of `docker port NAME PORT/tcp` (`127.0.0.1:49153`, one line per address). */
function publishedPort(output) {
    for (const line of output.split('\n')) {
        const m = /:(\d+)\s*$/.exec(line.trim());
        if (m)
            return Number(m[1]);
    }
    return undefined;
}
/** `{"8080/tcp": {}}` → [8080]: the TCP ports an image EXPOSEs. */
function exposedPorts(exposed) {
    return Object.keys(exposed ?? {})
        .map(k => /^(\d+)(?:\/tcp)?$/.exec(k)?.[1])
        .filter((p) => p !== undefined)
        .map(Number);
}
/** Every port to publish: the test's or manifest's, the image's EXPOSE ports, and those readiness and probes name. */
function portsToPublish(service, imagePorts) {
    const named = [];
    if (service.ready.kind === 'tcp')
        named.push(service.ready.port);
    if (service.ready.kind === 'http' && service.ready.http.port !== undefined)
        named.push(service.ready.http.port);
    for (const p of service.probes)
        if (p.kind === 'http' && p.http.port !== undefined)
            named.push(p.http.port);
    return [...new Set([...service.runtime.ports, ...imagePorts, ...named])];
}
/** `a.b.0.c`, `$.a.b`, `a[0].b` → the value there, or undefined. */
function jsonPath(value, path) {
    const parts = path
        .replace(/^\$\.?/, '')
        .replace(/\[(\d+)\]/g, '.$1')
        .split('.')
        .filter(Boolean);
    let here = value;
    for (const part of parts) {
        if (here === null || typeof here !== 'object')
            return undefined;
        here = here[part];
    }
    return here;
}
/** Why an HTTP answer does not meet the check, or undefined when it does. */
function httpVerdict(check, status, body) {
    const what = `${check.method} ${check.path}`;
    if (check.statusMax !== undefined ? status < check.status || status > check.statusMax : status !== check.status)
        return `${what} answered ${status}, expected ${check.status}${check.statusMax !== undefined ? `–${check.statusMax}` : ''}${bodyHint(body)}`;
    if (check.bodyContains !== undefined && !body.includes(check.bodyContains))
        return `${what}: the body does not contain \`${check.bodyContains}\`${bodyHint(body)}`;
    if (check.bodyMatches !== undefined && !new RegExp(check.bodyMatches).test(body))
        return `${what}: the body does not match /${check.bodyMatches}/${bodyHint(body)}`;
    const paths = Object.entries(check.json);
    if (paths.length) {
        let parsed;
        try {
            parsed = JSON.parse(body);
        }
        catch {
            return `${what}: the body is not JSON${bodyHint(body)}`;
        }
        for (const [path, expected] of paths) {
            const got = jsonPath(parsed, path);
            if (got !== expected && String(got) !== String(expected))
                return `${what}: JSON \`${path}\` is ${got === undefined ? 'missing' : JSON.stringify(got)}, expected ${JSON.stringify(expected)}`;
        }
    }
    return undefined;
}
function bodyHint(body) {
    const text = body.trim().replace(/\s+/g, ' ');
    if (!text)
        return '';
    return ` (body: ${text.length > 120 ? `${text.slice(0, 120)}…` : text})`;
}
/**
 * Why the stop failed, or undefined: the service must exit on its stop signal within the grace
 * period. Exiting 0, or by the signal itself (128+n), is a clean stop; a SIGKILL after the grace
 * period, an OOM kill or another code is not.
 */
function stopVerdict(f) {
    if (f.oomKilled)
        return `the service was killed for exceeding its memory limit (OOM) while stopping`;
    const signalCode = 128 + signalNumber(f.signal);
    if (f.exitCode === 137 && signalCode !== 137 && f.elapsedMs >= f.graceMs - 250)
        return `the service did not exit within ${f.graceMs / 1000}s of ${f.signal} and was killed; handle ${f.signal} (an exec-form ENTRYPOINT, or \`exec\` in the start script) or raise \`stop.grace\``;
    if (f.exitCode === 0 || f.exitCode === signalCode)
        return undefined;
    return `the service exited with code ${f.exitCode} on ${f.signal} (expected 0 or ${signalCode})`;
}
const SIGNALS = {
    SIGHUP: 1,
    SIGINT: 2,
    SIGQUIT: 3,
    SIGKILL: 9,
    SIGUSR1: 10,
    SIGUSR2: 12,
    SIGTERM: 15,
    SIGWINCH: 28
};
function signalNumber(signal) {
    if (/^\d+$/.test(signal))
        return Number(signal);
    const name = signal.toUpperCase().startsWith('SIG') ? signal.toUpperCase() : `SIG${signal.toUpperCase()}`;
    return SIGNALS[name] ?? 15;
}
function signalName(signal) {
    if (!signal)
        return 'SIGTERM';
    if (/^\d+$/.test(signal))
        return Object.entries(SIGNALS).find(([, n]) => n === Number(signal))?.[0] ?? signal;
    return signal.toUpperCase().startsWith('SIG') ? signal.toUpperCase() : `SIG${signal.toUpperCase()}`;
}
/** A user that is root: empty (the default), `root`, `0`, `0:…`, `root:…`. */
function plan_isRootUser(user) {
    const name = (user ?? '').split(':')[0] ?? '';
    return name === '' || name === 'root' || name === '0';
}

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
// Cleanups of runs in flight, for a signal that ends the process.
const inFlight = new Map();
let handlersInstalled = false;
function installSignalHandlers() {
    if (handlersInstalled)
        return;
    handlersInstalled = true;
    for (const signal of ['SIGINT', 'SIGTERM']) {
        process.on(signal, () => {
            const code = signal === 'SIGINT' ? 130 : 143;
            process.stderr.write(`imagegate: ${signal}: removing the service test containers and networks\n`);
            void Promise.allSettled([...inFlight.values()].map(f => f())).then(() => process.exit(code));
        });
    }
}
class ServiceRunner {
    opts;
    constructor(opts) {
        this.opts = opts;
    }
    async run(service, ref, platform, emulated) {
        const id = (0,external_node_crypto_.randomBytes)(6).toString('hex');
        const name = `imagegate-svc-${id}`;
        // Creating and removing a network costs ~0.3 s: only probe containers need one.
        const network = service.probes.some(p => p.kind === 'container') ? `imagegate-svc-${id}` : undefined;
        const docker = this.opts.docker;
        const deadlines = serviceDeadlines(service, emulated);
        const started = Date.now();
        let logs = '';
        let log = '';
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
        let cleaned = false;
        const cleanup = async () => {
            if (cleaned)
                return;
            cleaned = true;
            await docker.run(['rm', '--force', '--volumes', name, ...extra]);
            if (network)
                await docker.run(['network', 'rm', network]);
        };
        installSignalHandlers();
        inFlight.set(id, cleanup);
        let follower;
        const base = { name: `service: ${service.name}`, platform };
        let timer;
        try {
            const body = async () => {
                const facts = await this.imageFacts(ref);
                checkNonRoot(service, facts);
                const ports = portsToPublish(service, facts.ports);
                const address = serviceAddress(this.opts.dockerHost);
                if (network) {
                    const created = await docker.run(['network', 'create', '--label', `${RUN_LABEL}=${id}`, network]);
                    if (created.exitCode !== 0)
                        throw new CheckFailed(`could not create the test network: ${lastLine(created.stderr)}`, 'error');
                }
                const args = serviceRunArgs({
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
                    throw new CheckFailed(`docker could not start the service: ${lastLine(run.stderr || run.stdout)}`, 'error');
                follower = docker.run(['logs', '--follow', name], {
                    onOutput: chunk => void (logs = keepLast(logs + chunk, LOG_CHARS))
                });
                const hostPorts = new Map();
                for (const port of ports) {
                    const out = await docker.run(['port', name, `${port}/tcp`]);
                    const host = publishedPort(out.stdout);
                    if (host !== undefined)
                        hostPorts.set(port, host);
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
                await this.waitReady(name, ready, deadlines, service.readyIntervalMs ?? 250, target, () => logs);
                note(`(ready after ${((Date.now() - started) / 1000).toFixed(1)}s)`);
                for (const probe of service.probes) {
                    const t0 = Date.now();
                    const failure = await this.probe(probe, name, network, id, deadlines, target, extra);
                    note(`(probe ${probe.name}${probe.source ? ` [${probe.source}]` : ''}: ${failure ? `FAILED: ${failure}` : 'passed'}, ${((Date.now() - t0) / 1000).toFixed(1)}s)`);
                    if (failure)
                        throw new CheckFailed(`probe ${probe.name}: ${failure}`);
                }
                const state = await this.state(name);
                if (!state?.Running)
                    throw new CheckFailed(crashMessage(state, 'after it was ready'));
                const signal = signalName(service.runtime.stopSignal ?? facts.stopSignal);
                const graceS = Math.max(1, Math.ceil(deadlines.stopGraceMs / 1000));
                const t0 = Date.now();
                await docker.run(['stop', '--time', String(graceS), name]);
                const elapsedMs = Date.now() - t0;
                const stopped = await this.state(name);
                const verdict = stopVerdict({
                    exitCode: stopped?.ExitCode ?? -1,
                    oomKilled: stopped?.OOMKilled ?? false,
                    elapsedMs,
                    graceMs: graceS * 1000,
                    signal
                });
                note(`(stopped with ${signal} in ${(elapsedMs / 1000).toFixed(1)}s, exit code ${stopped?.ExitCode ?? '?'})`);
                if (verdict)
                    throw new CheckFailed(`stop: ${verdict}`);
            };
            const overall = new Promise((_, reject) => {
                timer = setTimeout(() => reject(new CheckFailed(`timed out after ${deadlines.totalMs / 1000}s`, 'timed-out')), deadlines.totalMs);
            });
            await Promise.race([body(), overall]);
            await Promise.race([follower, sleep(2000)]);
            return {
                result: { ...base, status: 'passed', durationMs: Date.now() - started, outputTail: tail(logs) },
                log: service_runner_finish(log, logs)
            };
        }
        catch (e) {
            const failed = e instanceof CheckFailed ? e : new CheckFailed(e.message, 'error');
            return {
                result: {
                    ...base,
                    status: failed.status,
                    durationMs: Date.now() - started,
                    outputTail: tail(logs),
                    error: failed.message
                },
                log: service_runner_finish(log, logs)
            };
        }
        finally {
            if (timer)
                clearTimeout(timer);
            await cleanup();
            inFlight.delete(id);
        }
    }
    async imageFacts(ref) {
        const out = await this.opts.docker.run(['image', 'inspect', '--format', '{{json .Config}}', ref]);
        if (out.exitCode !== 0)
            throw new CheckFailed(`cannot inspect the tested image ${ref}: ${lastLine(out.stderr)}`, 'error');
        const config = JSON.parse(out.stdout.trim() || '{}');
        const test = config.Healthcheck?.Test ?? [];
        return {
            user: config.User ?? '',
            ports: exposedPorts(config.ExposedPorts),
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
    async waitReady(name, ready, deadlines, intervalMs, target, logs) {
        const until = Date.now() + deadlines.readyMs;
        for (;;) {
            const state = await this.state(name);
            if (!state?.Running)
                throw new CheckFailed(crashMessage(state, 'before it was ready'));
            const why = await this.readyNow(ready, state, target, logs, Math.min(deadlines.probeMs, 5000));
            if (why === undefined)
                return;
            if (Date.now() >= until)
                throw new CheckFailed(`not ready within ${deadlines.readyMs / 1000}s: ${describeReadiness(ready)}: ${why}`);
            await sleep(intervalMs);
        }
    }
    /** Why it is not ready yet, or undefined when it is. */
    async readyNow(ready, state, target, logs, timeoutMs) {
        switch (ready.kind) {
            case 'healthcheck': {
                const status = state.Health?.Status;
                if (status === 'healthy')
                    return undefined;
                return `HEALTHCHECK is ${status ?? 'not reported'}${state.Health?.Log?.length ? ` (${lastLine(state.Health.Log[state.Health.Log.length - 1]?.Output ?? '')})` : ''}`;
            }
            case 'tcp':
                return tcpOpen(target(ready.port), timeoutMs);
            case 'http': {
                const answer = await httpRequest(ready.http, target(ready.http.port), timeoutMs);
                if ('error' in answer)
                    return answer.error;
                return httpVerdict(ready.http, answer.status, answer.body);
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
            return httpVerdict(probe.http, answer.status, answer.body);
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
                `${RUN_LABEL}=${id}`,
                '--network',
                network ?? 'none',
                probe.image,
                ...argv
            ];
        if (probe.kind === 'container')
            extra.push(probeName);
        let output = '';
        const result = await Promise.race([
            this.opts.docker.run(args, { onOutput: c => void (output = keepLast(output + c, 4000)) }),
            sleep(timeoutMs).then(() => undefined)
        ]);
        if (!result) {
            if (probe.kind === 'container')
                await this.opts.docker.run(['rm', '--force', probeName]);
            return `timed out after ${timeoutMs / 1000}s`;
        }
        if (result.exitCode === 0)
            return undefined;
        return `exit code ${result.exitCode}${output.trim() ? `: ${lastLine(output)}` : ''}`;
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
    if (plan_isRootUser(user))
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
function service_runner_finish(log, logs) {
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

;// CONCATENATED MODULE: ./src/io/image-inspect.ts
// Reads a built image without running anything in it: a container is created (never started) on
// one platform, its config read with `docker container inspect` and its paths with `docker cp …
// -` (a tar stream), so it works on distroless and `scratch` images alike.




class ImageReadError extends Error {
}
/** Runs `use` with a view of `ref` on `platform`; the container is removed afterwards. */
async function withImageView(docker, ref, platform, use) {
    const name = `imagegate-inspect-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`;
    const create = ['create', '--pull', 'never', '--platform', platform, '--name', name];
    let created = await docker.run([...create, ref]);
    // An image with neither ENTRYPOINT nor CMD (scratch) needs a command to be created; it never runs.
    let noCommand = false;
    if (created.exitCode !== 0 && /no command specified/i.test(created.stderr)) {
        noCommand = true;
        created = await docker.run([...create, ref, '/imagegate-never-run']);
    }
    if (created.exitCode !== 0)
        throw new ImageReadError(`could not read the image on ${platform}: ${dockerStartFailure(created.stderr || created.stdout)}`);
    try {
        let facts;
        const view = {
            facts: async () => {
                if (facts)
                    return facts;
                const inspect = await docker.run(['container', 'inspect', '--format', '{{json .Config}}', name]);
                if (inspect.exitCode !== 0)
                    throw new ImageReadError(`could not read the image config on ${platform}: ${lastLine(inspect.stderr)}`);
                const config = JSON.parse(inspect.stdout);
                if (noCommand)
                    Object.assign(config, { Entrypoint: null, Cmd: null });
                facts = factsFromInspect(config, await configPlatform(docker, ref, platform));
                return facts;
            },
            read: async (path) => {
                const chunks = [];
                let kept = 0;
                const result = await docker.run(['cp', `${name}:${path}`, '-'], {
                    onStdoutBytes: chunk => {
                        // The first entry and its content are all a check reads; a directory streams everything below it.
                        if (kept > CONTENT_LIMIT + 64 * 1024)
                            return;
                        chunks.push(chunk);
                        kept += chunk.length;
                    }
                });
                if (result.exitCode !== 0) {
                    if (/could not find the file|no such file or directory|not found/i.test(result.stderr))
                        return undefined;
                    throw new ImageReadError(`could not read ${path} from the image on ${platform}: ${lastLine(result.stderr)}`);
                }
                return firstTarEntry(Buffer.concat(chunks));
            }
        };
        return await use(view);
    }
    finally {
        await docker.run(['rm', '--force', name]);
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



const applies = (platforms, platform) => !platforms || platforms.some(p => samePlatformText(p, platform));
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
                    results.push(result(check.name, at, fileFailures(check, await view.read(check.path)), t0));
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
            for (const outcome of metadataOutcomes(metadata, facts, platform, passwd)) {
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
        try {
            // Platforms run side by side (each under its own emulator); commands within one run in order.
            return await Promise.all(built.platforms.map(async (platform) => {
                // The built image's own files (not the setup derivative's), read while the tests run.
                const executables = this.executables(image, built, platform);
                const result = await this.runPlatform(image, platform, target, baseDir, built.localRef);
                const checked = await executables;
                if (checked?.test)
                    result.tests.push(checked.test);
                if (checked?.figures)
                    result.executables = checked.figures;
                return result;
            }));
        }
        finally {
            if (target.ref !== built.localRef)
                await this.opts.docker.run(['image', 'rm', target.ref]);
        }
    }
    /** The executables check of one platform: a failed test when a file is for another machine. */
    async executables(image, built, platform) {
        if (image.executables?.check === false)
            return undefined;
        const outcome = await checkExecutables(this.opts.docker, built.localRef, platform, image.executables?.ignore ?? []);
        const name = executablesTestName(platform);
        if (outcome.ok === 'unknown-platform') {
            this.opts.log.info(`${image.name} ${platform}: the executables check does not know this platform's machine type; skipped`);
            return undefined;
        }
        if (outcome.ok === false) {
            this.opts.log.error(`${image.name} ${platform}: ${outcome.error}`);
            return {
                test: { name, platform, status: 'error', durationMs: outcome.durationMs, outputTail: '', error: outcome.error }
            };
        }
        const { finding, durationMs } = outcome;
        const figures = { checked: finding.checked, elf: finding.elf, ignored: finding.ignored, durationMs };
        if (!finding.foreign.length) {
            this.opts.log.info(`${image.name} ${platform}: executables check passed: ${finding.elf} ELF of ${finding.checked} executable file(s)${finding.ignored ? `, ${finding.ignored} foreign one(s) ignored (executables.ignore)` : ''}, ${(durationMs / 1000).toFixed(1)}s`);
            return { figures };
        }
        const error = describeForeign(finding);
        this.opts.log.error(`${image.name} ${platform}: ${error}`);
        const outputTail = finding.foreign.map(f => `${f.path}: ${f.architecture}, not for ${platform}`).join('\n');
        return { test: { name, platform, status: 'failed', durationMs, outputTail, error }, figures };
    }
    async runPlatform(image, platform, target, baseDir, builtRef) {
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
            const { result, log } = await this.runCommand(image, platform, command, target.ref, baseDir);
            if (!emulation.native && emulation.ready && emulation.checked === false && result.status === 'failed') {
                const error = unregisteredEmulation(platform, result.outputTail);
                if (error)
                    result.error = error;
            }
            // Output is printed whole once the command ends, so parallel platforms never interleave.
            await this.opts.log.group(`test ${image.name} ${platform}: ${command.name} — ${result.status}`, async () => {
                this.opts.log.verbatim(log);
            });
            tests.push(result);
        }
        for (const service of servicesForPlatform(image, platform)) {
            if (blocked) {
                tests.push({
                    name: `service: ${service.name}`,
                    platform,
                    status: 'error',
                    durationMs: 0,
                    outputTail: '',
                    error: blocked
                });
                continue;
            }
            const { result, log } = await this.services.run(service, target.ref, platform, emulated);
            await this.opts.log.group(`test ${image.name} ${platform}: service ${service.name} — ${result.status}${result.error ? `: ${result.error}` : ''}`, async () => {
                this.opts.log.verbatim(log);
            });
            tests.push(result);
        }
        if (blocked)
            this.opts.log.error(`${image.name} ${platform}: ${blocked}`);
        if (hasImageChecks(image, platform)) {
            // Read from the built image itself: the setup derivative holds test-only tooling.
            const checks = await runImageChecks(this.opts.docker, image, builtRef, platform);
            await this.opts.log.group(`checks ${image.name} ${platform}: ${checkSummary(checks)}`, async () => {
                this.opts.log.verbatim(checks.map(c => `${c.status.padEnd(7)} ${c.name}${c.error ? `: ${c.error}` : ''}`).join('\n'));
            });
            tests.push(...checks);
        }
        return { platform, emulated, tests, durationMs: Date.now() - started };
    }
    async runCommand(image, platform, command, ref, baseDir) {
        const name = `imagegate-test-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`;
        const mounts = image.test.mount
            ? [{ source: (0,external_node_path_.resolve)(baseDir, image.test.mount.source), target: image.test.mount.target }]
            : [];
        const args = dockerRunArgs({
            image: ref,
            platform,
            command: command.run ?? (command.args ? await this.asIsCommand(ref, platform, command.args) : undefined),
            entrypoint: command.entrypoint,
            env: command.env,
            name,
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
        try {
            const result = await this.opts.docker.run(args, {
                onOutput: chunk => {
                    output = keepLast(output + chunk, 8000);
                    log = keepLast(log + chunk, test_runner_LOG_CHARS);
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
                    result: {
                        ...base,
                        status: 'error',
                        error: `docker could not start the container: ${dockerStartFailure(output)}`
                    },
                    log
                };
            }
            if (!command.expect)
                return { result: { ...base, status: result.exitCode === 0 ? 'passed' : 'failed' }, log };
            const failures = commandFailures(command.expect, result);
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
                return { ref: built.localRef, error: setupFailure('/bin/sh: no such file or directory', '') };
        }
        return this.opts.temp.with('setup', dir => this.opts.log.group(`test setup ${image.name}`, async () => {
            const mount = image.test.mount;
            const containerfile = setupContainerfile(built.localRef, image.test.setup, built.user, mount?.target);
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
                onOutput: c => void (output = keepLast(output + c, 8000))
            });
            if (result.exitCode !== 0)
                return { ref: built.localRef, error: setupFailure(output, lastLine(output)) };
            return { ref };
        }));
    }
}

;// CONCATENATED MODULE: ./src/core/buildpacks/pack-release.ts
// The one place the pack CLI version and its archives' sha256 are pinned. Renovate bumps the
// version (regex manager on the comment below); the checksums must be bumped with it, from the
// release's `<asset>.sha256` files (pack's release workflow writes them with `shasum -a 256`).
// renovate: datasource=github-releases depName=buildpacks/pack
const PACK_VERSION = '0.40.9';
const PACK_RELEASE = {
    version: PACK_VERSION,
    assets: {
        'linux-x64': {
            file: `pack-v${PACK_VERSION}-linux.tgz`,
            sha256: 'dc0ee1e931cf8a106d7555a01a214864f9acb60b77adf15d69b74df4404758e9'
        },
        'linux-arm64': {
            file: `pack-v${PACK_VERSION}-linux-arm64.tgz`,
            sha256: '091ccb213823656c727731537ef8f1000eb4dc3ec61641506653e7f9d6da0c5e'
        }
    }
};
/** Where releases are downloaded from; IMAGEGATE_PACK_BASE_URL points at a mirror instead. */
const PACK_DEFAULT_BASE_URL = 'https://github.com/buildpacks/pack/releases/download';
function packAssetUrl(base, release, asset) {
    return `${base.replace(/\/+$/, '')}/v${release.version}/${asset.file}`;
}

;// CONCATENATED MODULE: ./src/io/tool-install.ts
// Installs the pinned tools: downloads each from its publisher (or a mirror), checks every byte
// against the pinned SHA-256 before anything is written where it could run, and keeps it in a
// versioned directory of the tool cache, so a later run finds it there. cosign is one file; pack
// is a .tgz holding one.






const PACK_BASE_URL_ENV = 'IMAGEGATE_PACK_BASE_URL';
class ToolInstaller {
    opts;
    constructor(opts) {
        this.opts = opts;
    }
    /** A single-file tool, checked against its pin, in `<cache>/<name>/<version>/<name>`. */
    async installFile(tool) {
        const dir = (0,external_node_path_.join)(this.opts.cache, tool.name, tool.version);
        const bytes = await download(tool.url, e => `cannot download ${tool.url}: ${e}; check the network or set IMAGEGATE_TOOLS_MIRROR`);
        const actual = tool_install_sha256(bytes);
        if (actual !== tool.sha256)
            throw new InfrastructureError(`${tool.url} has SHA-256 ${actual}, not the pinned ${tool.sha256}: refusing to install ${tool.name} ${tool.version}. ` +
                'A proxy or mirror served different bytes; fix the mirror (IMAGEGATE_TOOLS_MIRROR) or download from the publisher');
        await this.placeAtomically(dir, async (staged) => {
            await (0,promises_.writeFile)((0,external_node_path_.join)(staged, tool.name), bytes);
            await (0,promises_.chmod)((0,external_node_path_.join)(staged, tool.name), 0o755);
        });
        return { name: tool.name, version: tool.version, dir };
    }
    /**
     * The pinned pack: the one on PATH when it reports exactly the pinned version (`imagegate setup`
     * put it there), else the cached install, else a verified download.
     */
    async installPack(opts = {}) {
        const release = opts.release ?? PACK_RELEASE;
        const onPath = await pinnedPackOnPath(this.opts.exec, release.version, this.opts.path);
        if (onPath)
            return { path: onPath, version: release.version, cached: true };
        const key = `${opts.platform ?? process.platform}-${opts.arch ?? process.arch}`;
        const asset = release.assets[key];
        if (!asset)
            throw new InfrastructureError(`pack ${release.version} has no pinned archive for ${key} (imagegate pins ${Object.keys(release.assets).join(', ')}); run on one of those, or use mode: lifecycle`);
        const dir = (0,external_node_path_.join)(this.opts.cache, 'pack', release.version, key);
        if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, 'pack')))
            return { path: (0,external_node_path_.join)(dir, 'pack'), version: release.version, cached: true };
        const base = this.opts.packBaseUrl || PACK_DEFAULT_BASE_URL;
        const url = packAssetUrl(base, release, asset);
        const where = base === PACK_DEFAULT_BASE_URL ? '' : ` (${PACK_BASE_URL_ENV}=${base})`;
        this.opts.log(`downloading pack ${release.version} from ${url}`);
        const archive = await download(url, (e, status) => status === 404
            ? `${url} does not exist (404)${where}: the mirror must serve pack's release files as <base>/v${release.version}/${asset.file}`
            : `downloading ${url} failed${where}: ${e}; check the network or set ${PACK_BASE_URL_ENV} to a mirror`);
        const actual = tool_install_sha256(archive);
        if (actual !== asset.sha256)
            throw new InfrastructureError(`${asset.file} from ${url} has sha256 ${actual}, but imagegate pins ${asset.sha256} for pack ${release.version}; refusing to run it. The download was altered or the mirror serves another file: fix the mirror, or bump the pin in src/core/buildpacks/pack-release.ts from the release's .sha256 file`);
        await this.placeAtomically(dir, staged => this.opts.temp.with('pack', async (work) => {
            const file = (0,external_node_path_.join)(work, asset.file);
            await (0,promises_.writeFile)(file, archive);
            const untar = await this.opts.exec.run('tar', ['-xzf', file, '-C', staged, 'pack']);
            if (untar.exitCode !== 0 || !(0,external_node_fs_.existsSync)((0,external_node_path_.join)(staged, 'pack')))
                throw new InfrastructureError(`${asset.file} holds no \`pack\` executable at its top level`);
        }));
        return { path: (0,external_node_path_.join)(dir, 'pack'), version: release.version, cached: false };
    }
    /** Fills a sibling directory, then renames it into place: a half-written install is never found. */
    async placeAtomically(dir, fill) {
        const staged = `${dir}.partial-${process.pid}`;
        await (0,promises_.rm)(staged, { recursive: true, force: true });
        await (0,promises_.mkdir)(staged, { recursive: true });
        try {
            await fill(staged);
            await (0,promises_.mkdir)((0,external_node_path_.dirname)(dir), { recursive: true });
            await (0,promises_.rm)(dir, { recursive: true, force: true });
            await (0,promises_.rename)(staged, dir);
        }
        finally {
            await (0,promises_.rm)(staged, { recursive: true, force: true });
        }
    }
}
/** The first `pack` on PATH when it reports exactly the pinned version; another version is not used. */
async function pinnedPackOnPath(exec, version, path) {
    for (const dir of path.split(':').filter(Boolean)) {
        const candidate = (0,external_node_path_.join)(dir, 'pack');
        if (!(0,external_node_fs_.existsSync)(candidate))
            continue;
        const r = await exec.run(candidate, ['--version']).catch(() => undefined);
        const reported = r?.exitCode === 0 ? r.stdout.trim().split(/[+\s]/)[0] : undefined;
        return reported === version ? candidate : undefined;
    }
    return undefined;
}
async function download(url, explain) {
    let res;
    try {
        res = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(300_000) });
    }
    catch (e) {
        throw new InfrastructureError(explain(e.message));
    }
    if (!res.ok) {
        await res.body?.cancel();
        throw new InfrastructureError(explain(`HTTP ${res.status}`, res.status));
    }
    return Buffer.from(await res.arrayBuffer());
}
function tool_install_sha256(bytes) {
    return (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex');
}

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
        const res = await this.send(repo, { method: 'HEAD', path: manifestPath(repo, reference, what), headers: { accept: MANIFEST_ACCEPT } }, ['pull']);
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
            headers: { accept: MANIFEST_ACCEPT },
            maxBody: { bytes: BODY_LIMITS.manifest, what: 'a manifest' }
        }, ['pull']);
        if (res.status === 404)
            return undefined;
        expectStatus(res, [200], what);
        const digest = sha256Digest(res.body);
        if (reference.startsWith('sha256:') && digest !== reference) {
            throw new RegistryError(`${at(repo, reference)} served bytes that hash to ${digest}; refusing them`);
        }
        const claimed = header(res, 'docker-content-digest');
        if (claimed && claimed !== digest)
            throw new RegistryError(`${at(repo, reference)}: the registry says ${claimed} but the bytes hash to ${digest}`);
        const doc = parseJsonObject(res.body);
        if (!doc.ok)
            throw new RegistryError(`${what}: ${urlOf(res)} served a manifest that is ${doc.error}`);
        const problem = manifestProblem(doc.value);
        if (problem)
            throw new RegistryError(`${what}: ${urlOf(res)} served no manifest imagegate can read: ${problem}`);
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
        const digest = sha256Digest(blob);
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
            const code = ociError(res.body).code;
            if (res.status === 400 && (code === 'MANIFEST_BLOB_UNKNOWN' || code === 'BLOB_UNKNOWN') && attempt < tries) {
                await delay(250 * attempt);
                continue;
            }
            expectStatus(res, [200, 201], what);
            const confirmed = header(res, 'docker-content-digest');
            if (confirmed && confirmed !== manifest.digest)
                throw new RegistryError(`${what}: the registry stored ${confirmed}, not ${manifest.digest}`);
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
        const problem = digestProblem(digest);
        if (problem)
            throw new UsageError(`refusing ${what}: ${problem}; nothing was sent to the registry`);
        const out = [];
        const read = new Set();
        let path = artifactType ? `${base}?artifactType=${encodeURIComponent(artifactType)}` : base;
        for (let page = 1; path; page++) {
            if (page > MAX_TAG_PAGES)
                throw new RegistryError(`${what}: the registry links to more than ${MAX_TAG_PAGES} pages; imagegate stops there`);
            const res = await this.send(repo, {
                method: 'GET',
                path,
                headers: { accept: MEDIA.ociIndex },
                maxBody: { bytes: BODY_LIMITS.manifest, what: 'a referrers list' }
            }, ['pull']);
            if (res.status === 404 && page === 1)
                return undefined;
            expectStatus(res, [200], what);
            read.add(res.url.toString());
            const doc = parseJsonObject(res.body);
            if (!doc.ok)
                throw new RegistryError(`${what}: ${urlOf(res)} served a referrers list that is ${doc.error}`);
            const problem = doc.value.manifests === undefined ? undefined : manifestProblem(doc.value);
            if (problem || !Array.isArray(doc.value.manifests ?? []))
                throw new RegistryError(`${what}: ${urlOf(res)} served no index imagegate can read: ${problem ?? 'no list'}`);
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
        const digest = sha256Digest(bytes);
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
                throw new RegistryError(`${what}: ${repo.registry} redirected to ${next.protocol} URL; refusing to follow it`);
            res = await this.send(repo, { method: 'GET', path: next.toString(), headers, stream: true }, ['pull']);
        }
        if (res.status !== 200 && res.status !== 206) {
            expectStatus(res, [200], what);
        }
        if (offset && res.status !== 206)
            throw new RegistryError(`GET blob ${at(repo, blob.digest)} ignored the Range request; cannot resume at ${offset}`);
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
                const status = e instanceof RegistryError ? e.status : undefined;
                if (e instanceof RegistryError && e.code === DIGEST_MISMATCH && ++mismatches > 1)
                    throw new RegistryError(`blob ${blob.digest} came from its source with the right size but other bytes, twice: the source serves corrupt data for it (${e.message}); nothing was tagged`, undefined, DIGEST_MISMATCH);
                if (e instanceof RegistryError && e.code !== undefined && TOO_SLOW.has(e.code) && ++slow > 1)
                    throw new RegistryError(`${e.message} (twice for blob ${blob.digest}; imagegate stops trying it)`, undefined, e.code);
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
    async putSmallBlob(repo, bytes, opts = {}) {
        const digest = sha256Digest(bytes);
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
                throw new RegistryError(`${what}: the registry links to more than ${MAX_TAG_PAGES} pages; imagegate stops there (is it paging in a loop?)`);
            const res = await this.send(repo, { method: 'GET', path, maxBody: { bytes: BODY_LIMITS.tagPage, what: 'a tag list page' } }, ['pull']);
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
        if (blob.size > BODY_LIMITS.config)
            throw new RegistryError(`${what}: its descriptor says ${blob.size} bytes, more than the ${formatSize(BODY_LIMITS.config)} imagegate reads for a JSON blob such as an image config; refusing to fetch it`);
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
            if (e instanceof RegistryError || e instanceof UsageError)
                throw e;
            const code = e.code;
            throw new RegistryError(`${what} failed: ${e.message}`, undefined, typeof code === 'string' ? code : undefined);
        }
        const doc = parseJsonObject(Buffer.concat(chunks));
        if (!doc.ok)
            throw new RegistryError(`${what}: ${repo.registry}${path} holds ${doc.error}`);
        return doc.value;
    }
    send(repo, req, actions) {
        return this.transport.send({ registry: repo.registry, scope: { repository: repo.repository, actions }, ...req });
    }
}
/** A manifest PUT the registry refused because a blob it names is not in the repository. */
function blobUnknown(e) {
    return (e instanceof RegistryError && e.status === 400 && (e.code === 'MANIFEST_BLOB_UNKNOWN' || e.code === 'BLOB_UNKNOWN'));
}
function expectStatus(res, ok, what) {
    if (ok.includes(res.status))
        return;
    res.stream?.resume();
    throw new RegistryError(`${what} answered ${res.status}${errorDetail(res.body)}`, res.status, ociError(res.body).code);
}
/** `/v2/<name>`, once the registry host and the repository name pass the distribution grammar. */
function repositoryPath(repo, what) {
    const name = `${repo.registry}/${repo.repository}`;
    let problem;
    if (!isValidRegistryHost(repo.registry))
        problem = `\`${repo.registry}\` is not a registry host[:port]`;
    else {
        const path = parseRepositoryPath(repo.repository);
        if (!path.ok)
            problem = `\`${name}\` is not a repository name: ${path.error}`;
        else if (name.length > NAME_MAX_LENGTH)
            problem = `\`${name}\` is ${name.length} characters long; a repository name has at most ${NAME_MAX_LENGTH}`;
    }
    if (problem)
        throw new UsageError(`refusing ${what}: ${problem}; nothing was sent to the registry`);
    return `/v2/${repo.repository.split('/').map(segment).join('/')}`;
}
/** `/v2/<name>/manifests/<tag or digest>`, once both pass the grammar. */
function manifestPath(repo, reference, what) {
    const base = repositoryPath(repo, what);
    const problem = reference.includes(':')
        ? digestProblem(reference)
        : isValidTag(reference)
            ? undefined
            : `invalid tag \`${reference}\`: ${explainInvalidTag(reference)}`;
    if (problem)
        throw new UsageError(`refusing ${what}: ${problem}; nothing was sent to the registry`);
    return `${base}/manifests/${segment(reference)}`;
}
/** `/v2/<name>/blobs/<digest>`, once both pass the grammar. */
function blobPath(repo, digest, what) {
    const base = repositoryPath(repo, what);
    const problem = digestProblem(digest);
    if (problem)
        throw new UsageError(`refusing ${what}: ${problem}; nothing was sent to the registry`);
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
        throw new RegistryError(`${what}: ${repo.registry} started an upload without a Location`);
    const url = resolveUrl(location, res, `${what}: the upload Location`);
    if (url.origin !== res.url.origin)
        throw new RegistryError(`${what}: ${repo.registry} answered with an upload Location on ${url.origin}, not on the registry (${res.url.origin}); refusing to send the blob there`);
    const uploads = `${repositoryPath(repo, what)}/blobs/uploads/`;
    if (!url.pathname.startsWith(uploads))
        throw new RegistryError(`${what}: ${repo.registry} answered with an upload Location outside ${uploads} (${printable(url.pathname)}); refusing to send the blob there`);
    return url.toString();
}
function resolveUrl(location, res, what) {
    try {
        return new URL(location, res.url);
    }
    catch {
        throw new RegistryError(`${what} \`${printable(location)}\` from ${res.url.host} is not a URL`);
    }
}
/** The tags of one tag list page, each a valid tag. */
function tagsOf(res, what) {
    const doc = parseJsonObject(res.body);
    if (!doc.ok)
        throw new RegistryError(`${what}: ${urlOf(res)} served a tag list that is ${doc.error}`);
    const tags = doc.value.tags ?? [];
    if (!Array.isArray(tags))
        throw new RegistryError(`${what}: ${urlOf(res)} served a tag list whose \`tags\` is not a list`);
    for (const tag of tags)
        if (typeof tag !== 'string' || !isValidTag(tag))
            throw new RegistryError(`${what}: ${urlOf(res)} lists \`${printable(String(tag))}\`, which is not a valid tag; refusing the list`);
    return tags;
}
/** The next page of a tag list, if the registry links one: on the registry, the same list, never a page already read. */
function nextPage(res, read, what) {
    const link = nextLink(header(res, 'link'));
    if (link === undefined)
        return undefined;
    const next = resolveUrl(link, res, `${what}: the next page`);
    if (next.origin !== res.url.origin)
        throw new RegistryError(`${what}: the registry's Link: next points at another host (${next.origin}); refusing to follow it`);
    if (next.pathname !== res.url.pathname)
        throw new RegistryError(`${what}: the registry's Link: next points outside this list (${printable(next.pathname)}); refusing to follow it`);
    if (read.has(next.toString()))
        throw new RegistryError(`${what}: the registry's Link: next points back at ${next.pathname}${next.search}, a page already read (a cycle); refusing to loop`);
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
    const problem = digestProblem(digest);
    if (problem)
        return `\`${field}.digest\`: ${printable(problem)}`;
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
        throw new RegistryError(`${repo.registry}/${repo.repository} stored blob ${confirmed}, expected ${blob.digest}`);
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

;// CONCATENATED MODULE: ./src/compose/services.ts
// The composition root: from the run environment and the host's log, the clients of one run are
// built here and nowhere else — one program runner, one credential store for docker logins, the
// registry client and cosign alike, one transport, one docker session, the builders and the test
// runner — and handed to the use cases as Services.














function composeServices({ env, log, binfmtDir }) {
    const temp = new TempDirs(env.tempRoot);
    const exec = new ProcessExec({ env: childEnvironment(env), output: () => log.block(), trace: env.trace });
    const installer = new ToolInstaller({
        exec,
        temp,
        cache: env.toolCache,
        log: line => log.info(line),
        path: env.path,
        ...(env.packBaseUrl ? { packBaseUrl: env.packBaseUrl } : {})
    });
    return {
        log,
        env,
        git: new Git(exec, temp),
        installer,
        connect: scope => connect({ env, log, exec, temp, installer, ...(binfmtDir ? { binfmtDir } : {}) }, scope)
    };
}
/**
 * What programs imagegate starts inherit: the run's environment, with temporary files in the run's
 * own directory, and without the action's inputs or the explicit registry password (logins reach
 * docker through stdin, cosign through a config file of its own).
 */
function childEnvironment(env) {
    return Object.fromEntries([
        ...Object.entries(env.variables).filter(([name]) => !name.startsWith('INPUT_') && name !== ENV_PASSWORD && !isHostPasswordVariable(name)),
        ['TMPDIR', env.tempRoot]
    ]);
}
function connect({ env, log, exec, temp, installer, binfmtDir }, scope) {
    // An anonymous run reads neither the explicit login nor docker's config: no credential exists for it.
    const credentials = new CredentialStore({
        ...(scope.anonymous
            ? {}
            : {
                login: env.login,
                hostLogins: env.hostLogins ?? environmentHostLogins(env.variables, scope.explicitHosts),
                dockerConfigDir: env.dockerConfigDir
            }),
        explicitHosts: scope.anonymous ? [] : scope.explicitHosts,
        path: env.path,
        exec
    });
    credentials.secrets().forEach(secret => log.mask(secret));
    const transport = new RegistryTransport({
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

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./src/host/environment.ts
// The CI environment, read once by the entry point into a typed run environment. Nothing below the
// entry points reads process.env: what a module needs from the environment reaches it from here.



/** Where imagegate's buildpacks builds land before they are tested (a registry on this machine). */
const DEFAULT_BUILD_REGISTRY = 'localhost:5000/imagegate-build';
function readRunEnvironment(vars, overrides = {}) {
    const home = vars.HOME || (0,external_node_os_.tmpdir)();
    const cacheHome = vars.XDG_CACHE_HOME || (0,external_node_path_.join)(home, '.cache');
    const env = {
        ci: vars.GITHUB_ACTIONS === 'true' ? 'github' : vars.GITLAB_CI === 'true' ? 'gitlab' : 'terminal',
        variables: { ...vars },
        home,
        path: vars.PATH ?? '',
        arch: process.arch,
        dockerConfigDir: vars.DOCKER_CONFIG || (0,external_node_path_.join)(home, '.docker'),
        tempRoot: vars.TMPDIR || (0,external_node_os_.tmpdir)(),
        login: environmentLogin(vars),
        namedRegistries: [
            ...hostList(vars.IMAGEGATE_REGISTRIES),
            ...(vars.GITLAB_CI === 'true' ? hostList(vars.CI_REGISTRY) : [])
        ],
        allowPullRequestTargetPush: vars.IMAGEGATE_ALLOW_PULL_REQUEST_TARGET_PUSH === 'true',
        buildRegistry: vars.IMAGEGATE_BUILD_REGISTRY || DEFAULT_BUILD_REGISTRY,
        trustedRealms: hostList(vars.IMAGEGATE_TRUSTED_REALMS),
        toolCache: vars.RUNNER_TOOL_CACHE || (0,external_node_path_.join)(cacheHome, 'imagegate', 'tools'),
        githubCache: vars.GITHUB_ACTIONS === 'true' &&
            !!vars.ACTIONS_RUNTIME_TOKEN &&
            !!(vars.ACTIONS_CACHE_URL || vars.ACTIONS_RESULTS_URL),
        oidc: !!(vars.ACTIONS_ID_TOKEN_REQUEST_URL || vars.SIGSTORE_ID_TOKEN),
        trace: !!vars.IMAGEGATE_TRACE,
        ...given('workspace', vars.GITHUB_WORKSPACE || vars.CI_PROJECT_DIR),
        ...given('eventPath', vars.GITHUB_EVENT_PATH),
        ...given('baseSha', vars.GITHUB_SHA),
        ...given('toolsMirror', vars.IMAGEGATE_TOOLS_MIRROR),
        ...given('packBaseUrl', vars.IMAGEGATE_PACK_BASE_URL),
        ...given('sourceUrl', repositoryUrl(vars)),
        ...given('sourceDateEpoch', vars.SOURCE_DATE_EPOCH)
    };
    return { ...env, ...overrides };
}
/** `ghcr.io, docker.io` → the hosts, in order, each once. */
function hostList(text) {
    return [...new Set((text ?? '').split(/[\s,]+/).filter(Boolean))];
}
function given(key, value) {
    return value ? { [key]: value } : {};
}
function repositoryUrl(vars) {
    return vars.GITHUB_SERVER_URL && vars.GITHUB_REPOSITORY
        ? `${vars.GITHUB_SERVER_URL}/${vars.GITHUB_REPOSITORY}`
        : vars.CI_PROJECT_URL;
}

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 10 modules
var core = __webpack_require__(7264);
;// CONCATENATED MODULE: ./src/host/lines.ts
// Program output arrives in chunks that may split lines (and escape sequences); hosts judge it a
// whole line at a time. CR, CRLF and LF all end a line, as the GitHub runner reads them.
/** An output block that hands `line` each complete line (with its `\n`), and the rest at the end. */
function lineBlock(line) {
    let pending = '';
    return {
        write(text) {
            pending += text;
            const parts = pending.split(/\r\n|\r|\n/);
            pending = parts.pop() ?? '';
            for (const part of parts)
                line(`${part}\n`);
        },
        end() {
            if (pending)
                line(`${pending}\n`);
            pending = '';
        }
    };
}

;// CONCATENATED MODULE: ./src/host/github.ts
// The host on GitHub Actions, through @actions/core: workflow commands for log groups, annotations
// and masks, GITHUB_OUTPUT for outputs, the step summary, GITHUB_STATE for the post step.
// Text from outside imagegate is printed with workflow commands stopped around it, so a test's
// output can never forge an annotation, an output or a mask.




/** What the runner would read as a command: `::name…` or the legacy `##[name]` at a line start (after blanks or colour codes), or a bare CR. */
const COMMAND_LIKE = new RegExp(String.raw `(^|[\n\r])(\s|\x1b\[[0-9;]*[A-Za-z])*(::|##\[)|\r`);
/** GitHub's log commands; the CLI uses these too when it runs in a workflow step. */
class GitHubLog {
    info(text) {
        if (COMMAND_LIKE.test(text))
            this.verbatim(text);
        else
            core/* info */.pq(text);
    }
    notice(text) {
        core/* notice */.lm(text);
    }
    warning(text, where) {
        core/* warning */.$e(text, properties(where));
    }
    error(text, where) {
        core/* error */.z3(text, properties(where));
    }
    verbatim(text) {
        // The three lines go out in one turn of the event loop: nothing of imagegate's own comes between.
        const token = (0,external_node_crypto_.randomBytes)(16).toString('hex');
        core/* info */.pq(`::stop-commands::${token}`);
        core/* info */.pq(text.replace(/\r(?!\n)/g, '\n'));
        core/* info */.pq(`::${token}::`);
    }
    /** Streamed output line by line: a line that could be read as a command is printed verbatim, the rest as it is. */
    block() {
        return lineBlock(line => {
            const text = line.slice(0, -1);
            if (COMMAND_LIKE.test(text))
                this.verbatim(text);
            else
                core/* info */.pq(text);
        });
    }
    group(title, fn) {
        return core/* group */.Os(title, fn);
    }
    mask(secret) {
        if (secret)
            core/* setSecret */.Pq(secret);
    }
    redact(text) {
        // The runner masks what setSecret registered, in every line it prints.
        return text;
    }
}
/** The action's host: everything through @actions/core. */
class GitHubHost extends GitHubLog {
    opts;
    kind = 'github';
    constructor(opts) {
        super();
        this.opts = opts;
    }
    async present(result) {
        this.info(result.text);
        if (this.opts.summary)
            await core/* summary */.z.addRaw(result.markdown ?? fenced(result.text)).write();
    }
    async setOutputs(outputs) {
        for (const [name, value] of Object.entries(githubOutputs(outputs)))
            core/* setOutput */.uH(name, value);
    }
    async annotate(annotations) {
        for (const a of annotations) {
            const props = properties(a.where);
            if (a.level === 'error')
                core/* error */.z3(a.message, props);
            else if (a.level === 'warning')
                core/* warning */.$e(a.message, props);
            else
                core/* notice */.lm(a.message, props);
        }
    }
    /** The step fails with `message`; the entry point ends the process with the exit code itself. */
    fail(message, _exitCode) {
        core/* setFailed */.C1(message);
    }
    saveState(name, value) {
        core/* saveState */.LZ(name, value);
    }
    getState(name) {
        return core/* getState */.Gu(name);
    }
    async addPath(dir) {
        core/* addPath */.fM(dir);
    }
}
function properties(where) {
    if (!where)
        return {};
    return {
        file: where.file,
        ...(where.line ? { startLine: where.line } : {}),
        ...(where.col ? { startColumn: where.col } : {})
    };
}
function fenced(text) {
    return `\`\`\`\n${text.replace(/```/g, '``\u200b`')}\n\`\`\`\n`;
}

;// CONCATENATED MODULE: ./src/host/code-quality.ts
// Annotations as a GitLab code quality report (artifacts:reports:codequality, the Code Climate
// subset GitLab reads): merge requests show each finding at its file and line.

const SEVERITY = { error: 'major', warning: 'minor', notice: 'info' };
function codeQualityReport(annotations) {
    const issues = annotations.map(a => ({
        description: a.message,
        check_name: 'imagegate',
        fingerprint: (0,external_node_crypto_.createHash)('sha256')
            .update(`${a.where?.file ?? ''}:${a.where?.line ?? ''}:${a.message}`)
            .digest('hex'),
        severity: SEVERITY[a.level],
        location: { path: a.where?.file ?? '.imagegate.yml', lines: { begin: a.where?.line ?? 1 } }
    }));
    return `${JSON.stringify(issues, null, 2)}\n`;
}

;// CONCATENATED MODULE: ./src/host/terminal.ts
// The host of the command line: the log on stderr (plain, or in the CI's own syntax), the result on
// stdout (text, or one JSON document with --json), outputs as a dotenv file (--dotenv), nothing
// kept for a post step.




/** Masking by replacement, for logs no runner masks. */
class Redactor {
    secrets = [];
    add(secret) {
        // Shorter values would blank out ordinary words.
        if (secret.length >= 3 && !this.secrets.includes(secret))
            this.secrets.push(secret);
    }
    apply(text) {
        return this.secrets.reduce((t, s) => t.split(s).join('***'), text);
    }
}
/** Plain lines: `── title` for a group, `FILE:LINE:COL: warning: …` for a finding. */
class PlainLog {
    write;
    redactor = new Redactor();
    constructor(write) {
        this.write = write;
    }
    info(text) {
        this.line(text);
    }
    notice(text) {
        this.line(`notice: ${text}`);
    }
    warning(text, where) {
        this.line(`${terminal_at(where)}warning: ${text}`);
    }
    error(text, where) {
        this.line(`${terminal_at(where)}error: ${text}`);
    }
    verbatim(text) {
        this.line(text);
    }
    block() {
        return { write: text => this.write(this.redact(text)), end: () => undefined };
    }
    async group(title, fn) {
        this.line(`── ${title}`);
        return fn();
    }
    mask(secret) {
        this.redactor.add(secret);
    }
    redact(text) {
        return this.redactor.apply(text);
    }
    line(text) {
        this.write(`${this.redact(text)}\n`);
    }
}
class TerminalHost {
    opts;
    kind;
    state = new Map();
    presented = false;
    constructor(opts) {
        this.opts = opts;
        this.kind = opts.kind ?? 'terminal';
    }
    info(text) {
        this.opts.log.info(text);
    }
    notice(text) {
        this.opts.log.notice(text);
    }
    warning(text, where) {
        this.opts.log.warning(text, where);
    }
    error(text, where) {
        this.opts.log.error(text, where);
    }
    verbatim(text) {
        this.opts.log.verbatim(text);
    }
    block() {
        return this.opts.log.block();
    }
    group(title, fn) {
        return this.opts.log.group(title, fn);
    }
    mask(secret) {
        this.opts.log.mask(secret);
    }
    redact(text) {
        return this.opts.log.redact(text);
    }
    async present(result) {
        this.presented = true;
        const text = this.redact(result.text.endsWith('\n') ? result.text : `${result.text}\n`);
        if (this.opts.json) {
            this.opts.stderr(text);
            this.opts.stdout(this.redact(`${JSON.stringify(result.document, null, 2)}\n`));
        }
        else
            this.opts.stdout(text);
    }
    async setOutputs(outputs) {
        if (!this.opts.dotenv)
            return;
        await writeOrExplain(this.opts.dotenv, renderDotenv(outputs), '--dotenv');
    }
    async annotate(annotations) {
        if (!this.opts.codeQuality)
            return;
        await writeOrExplain(this.opts.codeQuality, codeQualityReport(annotations), '--code-quality');
    }
    /** The message on stderr; with --json and no result document yet, an error document on stdout instead. */
    fail(message, exitCode) {
        this.opts.stderr(this.redact(`${message}\n`));
        if (this.opts.json && !this.presented)
            this.opts.stdout(this.redact(`${JSON.stringify({ error: { exitCode, message } })}\n`));
    }
    saveState(name, value) {
        this.state.set(name, value);
    }
    getState(name) {
        return this.state.get(name) ?? '';
    }
    async addPath(dir) {
        await this.opts.addPath?.(dir);
    }
}
async function writeOrExplain(file, text, flag) {
    try {
        await (0,promises_.writeFile)(file, text);
    }
    catch (e) {
        throw new UsageError(`cannot write ${flag} ${file}: ${e.message}; pass a writable path`);
    }
}
function terminal_at(where) {
    if (!where)
        return '';
    return `${where.file}${where.line ? `:${where.line}` : ''}${where.col ? `:${where.col}` : ''}: `;
}

;// CONCATENATED MODULE: ./src/host/gitlab.ts
// The log on GitLab CI: collapsible sections (section_start/section_end markers), masking by
// replacement. Text from outside imagegate cannot open or close a section of ours.


// GitLab reads a section marker only after ESC[0K (erase in line); untrusted text loses every one.
const ERASE_IN_LINE = new RegExp(String.raw `\x1b\[0?K`, 'g');
class GitLabLog extends PlainLog {
    sections = 0;
    async group(title, fn) {
        const id = `imagegate_${++this.sections}`;
        this.write(`\x1b[0Ksection_start:${gitlab_seconds()}:${id}[collapsed=true]\r\x1b[0K${this.redact(neutral(title))}\n`);
        try {
            return await fn();
        }
        finally {
            this.write(`\x1b[0Ksection_end:${gitlab_seconds()}:${id}\r\x1b[0K\n`);
        }
    }
    verbatim(text) {
        this.line(neutral(text));
    }
    block() {
        return lineBlock(line => this.write(this.redact(neutral(line))));
    }
}
function neutral(text) {
    return text.replace(ERASE_IN_LINE, '');
}
function gitlab_seconds() {
    return Math.floor(Date.now() / 1000);
}

;// CONCATENATED MODULE: ./src/cli/args.ts
// Command-line arguments → a run request. Pure: errors are UsageErrors (exit 2) naming the fix.






const VERBS = COMMANDS;
const FLAGS_WITH_VALUE = [
    '--config',
    '--scenario',
    '--parallel',
    '--junit',
    '--dotenv',
    '--older-than',
    '--unrecorded',
    '--platform',
    '--records',
    '--builder',
    '--tools',
    '--code-quality',
    '--registry',
    '--image',
    '--platforms',
    '--release-version'
];
const BOOLEAN_FLAGS = ['--json', '--help', '--version', '--markdown'];
const SHORT = { '-c': '--config', '-h': '--help', '-V': '--version' };
function parseArgs(argv) {
    const args = { verb: 'help', json: false };
    let verb;
    for (let i = 0; i < argv.length; i++) {
        const raw = argv[i];
        if (!raw.startsWith('-') || raw === '-') {
            if ((verb === 'verify' || verb === 'doctor') && args.target === undefined) {
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
            else if (flag === '--unrecorded')
                args.unrecorded = unrecordedValue(value);
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
            else if (flag === '--code-quality')
                args.codeQuality = value;
            else if (OVERRIDE_FLAGS.includes(flag))
                args.overrides = override(args.overrides, flag, value);
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
            if (flag === '--version' && verb !== undefined && argv[i + 1] !== undefined && !argv[i + 1].startsWith('-'))
                throw new UsageError(`--version prints imagegate's version; the version a release writes is \`--release-version ${argv[i + 1]}\``);
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
    if (args.platform?.includes(','))
        throw new UsageError(`--platform builds one platform of a split build; to build and test several, write \`--platforms ${args.platform}\``);
    if (args.overrides && !PLANNED_VERBS.includes(verb))
        throw new UsageError(`--registry, --image, --platforms and --release-version change a plan; \`${verb}\` has none`);
    if (verb === 'verify' && args.target === undefined) {
        throw new UsageError('`imagegate verify` needs a reference, e.g. `imagegate verify ghcr.io/acme/web:latest`');
    }
    if (verb === 'doctor' && args.target === undefined) {
        throw new UsageError('`imagegate doctor` needs the builder reference production uses, e.g. `imagegate doctor docker.io/heroku/builder:24`');
    }
    return args;
}
/** The run request of parsed arguments (`help`, `version` and `schema` are the CLI's own). */
function toRequest(args, cwd) {
    const scenario = scenarioOf(args, args.verb);
    return {
        command: args.verb,
        cwd,
        parallel: args.parallel ?? DEFAULT_PARALLEL,
        ...(args.config !== undefined ? { config: args.config } : {}),
        ...(scenario ? { scenario } : {}),
        ...(args.junit !== undefined ? { junit: args.junit } : {}),
        ...(args.platform !== undefined ? { platform: args.platform } : {}),
        ...(args.records !== undefined ? { records: args.records } : {}),
        ...(args.builder !== undefined ? { builder: args.builder } : {}),
        ...(args.target !== undefined ? { target: args.target } : {}),
        ...(args.olderThanMs !== undefined ? { olderThanMs: args.olderThanMs } : {}),
        ...(args.unrecorded !== undefined ? { unrecorded: args.unrecorded } : {}),
        ...(args.tools !== undefined ? { tools: args.tools } : {}),
        ...(args.overrides ? { overrides: args.overrides } : {})
    };
}
const OVERRIDE_FLAGS = ['--registry', '--image', '--platforms', '--release-version'];
const PLANNED_VERBS = ['plan', 'run', 'check', 'gate', 'merge', 'promote', 'release'];
/** The overrides with one more flag: `--image` adds (repeatable, or a comma list), the others are given once. */
function override(current, flag, value) {
    const out = { ...current };
    const list = value.split(',').map(v => v.trim());
    if (flag !== '--image' && flag !== '--platforms' && out[OVERRIDE_KEY[flag]] !== undefined)
        throw new UsageError(`${flag} is given twice; give it once`);
    if (list.some(v => !v))
        throw new UsageError(`${flag} ${value}: an empty name in the list`);
    if (flag === '--registry')
        out.registry = value;
    else if (flag === '--image')
        out.images = [...new Set([...(out.images ?? []), ...list])];
    else if (flag === '--platforms')
        out.platforms = [...new Set([...(out.platforms ?? []), ...list])];
    else
        out.releaseVersion = checkReleaseVersion(value);
    return out;
}
const OVERRIDE_KEY = {
    '--registry': 'registry',
    '--image': 'images',
    '--platforms': 'platforms',
    '--release-version': 'releaseVersion'
};
/** `check`, `gate`, `promote` and `release` name their scenario; `plan` and `run` take the flag or infer it. */
function scenarioOf(args, verb) {
    if (verb === 'merge') {
        if (args.scenario)
            throw new UsageError('`imagegate merge` writes staging like gate; it takes no --scenario');
        return undefined;
    }
    const fromVerb = verb === 'check' || verb === 'gate' || verb === 'promote' || verb === 'release' ? verb : undefined;
    if (fromVerb && args.scenario && args.scenario !== fromVerb) {
        throw new UsageError(`\`imagegate ${verb}\` runs the ${verb} scenario; drop \`--scenario ${args.scenario}\` or use \`imagegate run --scenario ${args.scenario}\``);
    }
    if (fromVerb)
        return { value: fromVerb, source: `command \`imagegate ${verb}\`` };
    return args.scenario ? { value: args.scenario, source: '--scenario' } : undefined;
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
function unrecordedValue(value) {
    if (value === 'keep' || value === 'created')
        return value;
    throw new UsageError(`--unrecorded takes \`keep\` (a staging tag without a staging record is never removed) or \`created\` (judged by its image's created time, unless that is a reproducible build's fixed time), not \`${value}\``);
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
        '--tools': 'cosign,pack',
        '--unrecorded': 'created',
        '--code-quality': 'gl-code-quality.json',
        '--registry': 'ghcr.io/acme',
        '--image': 'web',
        '--platforms': 'linux/amd64,linux/arm64',
        '--release-version': '1.2.3'
    };
    return `\`${flag} ${examples[flag] ?? 'VALUE'}\``;
}
const USAGE = `imagegate — build container images, test inside the exact image on every platform,
push only the tested bytes, promote on merge without rebuilding.

Usage: imagegate <command> [--config FILE] [--scenario S] [--json] [--parallel N] [--junit FILE]
                           [--dotenv FILE] [--code-quality FILE] [--platform P] [--records DIR]
                           [--builder NAME] [--registry PREFIX] [--image NAME] [--platforms LIST]
                           [--release-version V]

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
  cleanup   remove staging tags staged longer ago than --older-than (default 24h), by their
            staging records, with what refers only to them; nothing else
  setup     install the pinned tools (--tools cosign,pack), each checked against its pinned SHA-256
  doctor    does CI build with production's builder? compares the pinned buildpacks builder
            with what a production tag points at now: imagegate doctor REF
  schema    print the JSON Schema of the configuration file (--markdown: the reference table)

Options:
  -c, --config FILE   configuration file (default: .imagegate.yml in the current directory)
      --scenario S    force the scenario: check, gate, promote or release
      --json          print one JSON document on stdout (human output goes to stderr)
      --parallel N    build and test up to N independent images at once (default 2)
      --junit FILE    write JUnit XML of the in-image tests to FILE
      --dotenv FILE   write the outputs (IMAGEGATE_SCENARIO, _DIGEST, _TAGS, _REFS, _PUSHED) to FILE,
                      e.g. for GitLab's artifacts:reports:dotenv
      --code-quality FILE  write failed tests and configuration errors as a GitLab code quality
                      report (artifacts:reports:codequality)
      --older-than D  for cleanup: how long ago a staging tag must have been staged, e.g. 24h
      --unrecorded M  for cleanup: a staging tag without a staging record is kept (keep, the
                      default) or judged by its image's created time (created)
      --platform P    for check/gate/run: build and test only platform P (split build)
      --records DIR   where gate --platform writes its record and merge reads them
                      (default: imagegate-records)
      --builder NAME  build with this buildx builder (remote, kubernetes, docker-container)
      --tools LIST    for setup: which pinned tools to install (default cosign,pack)
      --registry PREFIX  publish to this registry instead of the configuration's registry:
                      (images with their own repository: keep it)
      --image NAME    only this image (repeat, or a comma list); a base it is built FROM comes too
      --platforms LIST  build and test only these of each image's platforms, e.g.
                      linux/amd64,linux/arm64 (one job for all of them; --platform splits)
      --release-version V  the version release tags are made of (1.2.3), instead of the git tag's
  -h, --help          show this help
  -V, --version       print the version

Exit codes: 0 success, 1 a test failed or promotion was refused, 2 configuration or usage error,
3 infrastructure error (engine, registry, tool missing).
`;

;// CONCATENATED MODULE: ./src/cli/main.ts
// The imagegate command line: argv → a run request → the one dispatch → the host of the terminal
// (or of the CI it runs in). Every outcome maps to the documented exit code.












async function main(argv, io) {
    let args;
    try {
        args = parseArgs(argv);
    }
    catch (e) {
        io.stderr(`${e instanceof Error ? e.message : String(e)}\n`);
        return e instanceof ImagegateError ? e.exitCode : EXIT.infrastructure;
    }
    if (args.verb === 'help')
        return print(io, USAGE);
    if (args.verb === 'version')
        return print(io, `imagegate ${io.version}\n`);
    if (args.verb === 'schema')
        return print(io, args.markdown ? renderConfigReference() : `${JSON.stringify(SCHEMA, null, 2)}\n`);
    const env = readRunEnvironment(io.env);
    const host = terminalHost(env, args, io);
    try {
        const request = toRequest({ ...args, verb: args.verb }, io.cwd);
        return await deliver(await run(request, composeServices({ env, log: host })), host);
    }
    catch (e) {
        // Only the request can fail here (a flag that contradicts the command); run() never throws.
        const code = e instanceof ImagegateError ? e.exitCode : EXIT.infrastructure;
        host.fail(e instanceof Error ? e.message : String(e), code);
        return code;
    }
}
function print(io, text) {
    io.stdout(text);
    return EXIT.ok;
}
/** The log in the syntax of the CI the command runs in; the result on stdout either way. */
function terminalHost(env, args, io) {
    const log = env.ci === 'github' ? new GitHubLog() : env.ci === 'gitlab' ? new GitLabLog(io.stderr) : new PlainLog(io.stderr);
    const githubPath = env.ci === 'github' ? env.variables.GITHUB_PATH : undefined;
    return new TerminalHost({
        kind: env.ci,
        log,
        stdout: io.stdout,
        stderr: io.stderr,
        json: args.json,
        ...(args.dotenv ? { dotenv: (0,external_node_path_.resolve)(io.cwd, args.dotenv) } : {}),
        ...(args.codeQuality ? { codeQuality: (0,external_node_path_.resolve)(io.cwd, args.codeQuality) } : {}),
        // GITHUB_PATH is a file of the step's; `imagegate setup` in a composite step adds to it.
        ...(githubPath ? { addPath: (dir) => (0,promises_.appendFile)(githubPath, `${dir}\n`) } : {})
    });
}


/***/ })

};
