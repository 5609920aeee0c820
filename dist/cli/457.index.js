export const id = 457;
export const ids = [457];
export const modules = {

/***/ 8457:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
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
/** The build registry's host (`localhost:5000/imagegate-build` → `localhost:5000`), which needs a login of its own. */
function buildRegistryHost(buildRegistry) {
    return buildRegistry.split('/')[0];
}

// EXTERNAL MODULE: ./src/core/executables.ts + 1 modules
var executables = __webpack_require__(2107);
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
                where: test.name === (0,executables/* executablesTestName */.VU)(test.platform)
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

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/outputs.ts
var core_outputs = __webpack_require__(1533);
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

// EXTERNAL MODULE: ./src/core/split.ts
var split = __webpack_require__(8159);
// EXTERNAL MODULE: ./src/core/results.ts
var results = __webpack_require__(541);
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
    const { passed, failed } = (0,results/* countTests */.tu)(report.images);
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

// EXTERNAL MODULE: ./src/core/trust.ts
var trust = __webpack_require__(9597);
// EXTERNAL MODULE: ./src/registry/credentials.ts
var credentials = __webpack_require__(3653);
// EXTERNAL MODULE: ./src/core/config/diagnostics.ts
var config_diagnostics = __webpack_require__(4382);
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

// EXTERNAL MODULE: ./src/oci/reference.ts
var reference = __webpack_require__(2148);
// EXTERNAL MODULE: ./src/core/tags.ts
var tags = __webpack_require__(2766);
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
                    description: 'Commands run inside the built image, on every platform, before anything is pushed. A list of commands, or a mapping with `commands`, `files` and `metadata` checks, `services`, `setup`, `timeout`, `concurrency` and `mount`.',
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
                concurrency: {
                    type: 'integer',
                    minimum: 1,
                    maximum: 64,
                    description: 'How many test containers (commands and services) of this image run at once, across its platforms (default: one per platform, so every platform is tested side by side). Each runs in a fresh container, so they never depend on one another; `1` runs them one after another. The file, metadata and executables checks only read the image and go alongside, as many at once. Logs stay whole per test, platform after platform in the order of this file.'
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
function stagingOf(raw) {
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
        return { template: tag, on: (0,tags/* defaultTagScenarios */.v3)(tag) };
    return { template: tag.tag, on: tag.on ? [...new Set(tag.on)] : (0,tags/* defaultTagScenarios */.v3)(tag.tag) };
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
        staging: stagingOf(checked),
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
    return { sbom: true, sbomGenerator: (0,reference/* formatReference */.FH)(raw.generator) };
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
    if (raw.concurrency !== undefined)
        suite.concurrency = raw.concurrency;
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
        image: (0,reference/* formatReference */.FH)(b.image),
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

// EXTERNAL MODULE: ./src/oci/platform.ts
var platform = __webpack_require__(1890);
// EXTERNAL MODULE: ./src/core/suggest.ts
var suggest = __webpack_require__(2085);
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
    const built = new Set(platforms.map(platform/* platformKey */.Ng));
    const checkPlatforms = (list, path) => (list ?? []).forEach((p, j) => {
        if (!built.has((0,platform/* platformKey */.Ng)(p)))
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
    const built = new Set(platforms.map(platform/* platformKey */.Ng));
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
            if (!built.has((0,platform/* platformKey */.Ng)(p)))
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
    const staging = stagingOf(raw);
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
            const parsed = (0,reference/* parseReference */.F2)(name);
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
            const guess = suggestions++ < LIMITS.diagnostics ? (0,suggest/* closest */.k)(dependsOn, names) : undefined;
            error(at, `\`depends-on: ${dependsOn}\` names no image in this file${guess ? `; did you mean \`${guess}\`?` : ''}`);
            return;
        }
        if (image.builder !== undefined && image.builder !== 'dockerfile') {
            error(at, '`depends-on` needs the `dockerfile` builder: a buildpacks build takes its base from the builder');
        }
        const basePlatforms = new Set(imagePlatforms(base).map(platform/* platformKey */.Ng));
        const missing = imagePlatforms(image).filter(p => !basePlatforms.has((0,platform/* platformKey */.Ng)(p)));
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
                const guess = (0,suggest/* closest */.k)(value.image, [...byName.keys()]);
                error(at, `build context \`${name}\` names no image \`${value.image}\` of this file${guess ? `; did you mean \`${guess}\`?` : ''}`);
                continue;
            }
            const platforms = new Set(imagePlatforms(other).map(platform/* platformKey */.Ng));
            const missing = imagePlatforms(image).filter(p => !platforms.has((0,platform/* platformKey */.Ng)(p)));
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
    const text = (0,reference/* formatReference */.FH)(builder);
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
    const built = new Set(platforms.map(platform/* platformKey */.Ng));
    const commandsAt = Array.isArray(image.test) ? [...at, 'test'] : [...at, 'test', 'commands'];
    testSuite(image).commands.forEach((command, i) => {
        if (typeof command === 'string')
            return;
        (command.platforms ?? []).forEach((p, j) => {
            if (!built.has((0,platform/* platformKey */.Ng)(p))) {
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
        const key = (0,platform/* platformKey */.Ng)(p);
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
        return refused(positionOf(before, before.length), `the file is not UTF-8 (byte 0x${byte} at offset ${offset} starts no UTF-8 character); save it as UTF-8`);
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
        return refused(positionOf(text, control), message);
    }
    return { ok: true, text };
}
function tooLarge() {
    return `the file is larger than ${LIMITS.fileBytes / MIB} MiB, the most a configuration file may hold`;
}
function refused(position, message) {
    return { ok: false, diagnostics: [{ ...position, message }] };
}
function positionOf(text, offset) {
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
    'image-reference': reference/* parseReference */.F2,
    repository: checked(value => {
        const r = (0,reference/* parseReference */.F2)(value);
        if (!r.ok)
            return r.error;
        if (r.value.tag !== undefined || r.value.digest !== undefined)
            return `\`${value}\` is a repository: remove the tag or digest (tags go in \`tags\`)`;
        return undefined;
    }),
    platform: checked(value => {
        const r = (0,platform/* parsePlatform */.FL)(value);
        return r.ok ? undefined : r.error;
    }),
    'tag-template': tags/* parseTagTemplate */.O7,
    'tag-prefix': checked(value => {
        if (value.length > 64)
            return `the prefix is ${value.length} characters; keep it to 64 so the staging tag fits in 128`;
        if (!(0,reference/* isValidTag */.r_)(`${value}x`))
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
    if (!(0,reference/* looksLikeRegistryHost */.R_)(host)) {
        return `\`${value}\` does not start with a registry host; write it in full, e.g. \`docker.io/${value}\` or \`ghcr.io/${value}\``;
    }
    const ref = (0,reference/* parseReference */.F2)(`${value}${rest.length ? '' : '/x'}`);
    if (!ref.ok)
        return ref.error;
    if (rest.length) {
        const path = (0,reference/* parseRepositoryPath */.XU)(rest.join('/'));
        if (!path.ok)
            return path.error;
    }
    return undefined;
}
const BUILDPACK_SCHEMES = ['docker://', 'urn:cnb:builder:', 'urn:cnb:registry:', 'https://', 'file://', 'from=builder'];
function checkBuildpackUri(value) {
    if (BUILDPACK_SCHEMES.some(s => value.startsWith(s))) {
        if (value.startsWith('docker://')) {
            const ref = (0,reference/* parseReference */.F2)(value.slice('docker://'.length));
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
        const ref = (0,reference/* parseReference */.F2)(value.slice('docker-image://'.length));
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
                    const guess = (0,suggest/* closest */.k)(key, known);
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
            const guess = typeof value === 'string' ? (0,suggest/* closest */.k)(value, schema.enum.map(String)) : undefined;
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
        warnings: (0,config_diagnostics/* boundDiagnostics */.dG)(checked.warnings, LIMITS.diagnostics)
    };
}
function load_refused(diagnostics) {
    return { ok: false, diagnostics: (0,config_diagnostics/* boundDiagnostics */.dG)(diagnostics, LIMITS.diagnostics) };
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
            throw new errors/* UsageError */.eb(`--registry ${overrides.registry}: ${checked.error}`);
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
        throw new errors/* UsageError */.eb('the flags leave no image to build; check --image and --platforms');
    const where = (path) => flags.get(path) ?? source.where(path);
    return { config: { ...config, registry, images }, source: { ...source, where }, notes };
}
/** The named images and, where one is built FROM another of the file, that base too (it is built first). */
function selectImages(images, names, notes) {
    const byName = new Map(images.map(i => [i.name, i]));
    const wanted = new Set();
    for (const name of names) {
        if (!byName.has(name)) {
            const guess = (0,suggest/* closest */.k)(name, [...byName.keys()]);
            throw new errors/* UsageError */.eb(`--image ${name}: the configuration has no image \`${name}\`${guess ? `; did you mean \`${guess}\`?` : ''} (images: ${[...byName.keys()].join(', ')})`);
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
            throw new errors/* UsageError */.eb(`--platforms ${platforms.join(',')}: ${checked.error}`);
        keys.add((0,platform/* platformKey */.Ng)(p));
    }
    const anyImage = new Set(images.flatMap(i => i.platforms.map(platform/* platformKey */.Ng)));
    const unknown = platforms.filter(p => !anyImage.has((0,platform/* platformKey */.Ng)(p)));
    if (unknown.length)
        throw new errors/* UsageError */.eb(`--platforms: no image builds ${unknown.join(', ')} (the configuration lists ${[...new Set(images.flatMap(i => i.platforms))].join(', ')})`);
    const out = [];
    for (const image of images) {
        const kept = image.platforms.filter(p => keys.has((0,platform/* platformKey */.Ng)(p)));
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
            throw new errors/* UsageError */.eb(`--platforms: ${image.name} is built FROM ${image.dependsOn}, which builds none of ${platforms.join(', ')}`);
    return out;
}
/** `--release-version 1.2.3` (or `v1.2.3`): a semantic version, else a UsageError naming the form. */
function checkReleaseVersion(text) {
    if (!(0,tags/* parseSemverTag */.k9)(text))
        throw new errors/* UsageError */.eb(`--release-version ${text} is not a semantic version; write e.g. \`--release-version 1.2.3\` or \`v2.0.0-rc.1\``);
    return text;
}

// EXTERNAL MODULE: ./src/core/docker-args.ts
var docker_args = __webpack_require__(1181);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
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

// EXTERNAL MODULE: ./src/core/repository-facts.ts
var repository_facts = __webpack_require__(2065);
// EXTERNAL MODULE: ./src/core/plan.ts + 2 modules
var core_plan = __webpack_require__(2253);
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

// EXTERNAL MODULE: ./src/core/run-as/apply.ts
var apply = __webpack_require__(3192);
;// CONCATENATED MODULE: ./src/core/run-as/derived.ts
// What a `run-as` reader derives from a deployment file — Kubernetes or Compose — for one service
// test: the one shape apply.ts reads, whichever file it came from.
/** What a reader fills while it walks a deployment file: the settings it honours and the ones it cannot. */
function derivedCollector() {
    const settings = [];
    const unsupported = [];
    return {
        settings,
        unsupported,
        notReproducible: [],
        runtime: { env: {}, tmpfs: [], capDrop: [], capAdd: [], ports: [] },
        set: (setting, value, at) => void settings.push({ setting, value, source: at.where() }),
        cannot: (setting, why, at) => void unsupported.push({ setting, value: why, source: at.where() })
    };
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
        const guess = name !== undefined ? (0,suggest/* closest */.k)(name, names) : undefined;
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
    const { settings, unsupported, notReproducible, runtime, set, cannot } = derivedCollector();
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
            ? `kind ${bad.text()} is not supported by run-as; point it at a ${WORKLOADS.join(', ')}${(0,suggest/* closest */.k)(bad.text() ?? '', WORKLOADS) ? ` (did you mean ${(0,suggest/* closest */.k)(bad.text() ?? '', WORKLOADS)}?)` : ''}`
            : `no workload with containers in ${file}; run-as reads a ${WORKLOADS.join(', ')} (multi-document files are fine)`;
        return { ok: false, diagnostics: [at ? at.diagnostic(message) : { line: 1, col: 1, message }] };
    }
    const names = candidates.map(c => c.name);
    const chosen = name === undefined ? (candidates.length === 1 ? candidates[0] : undefined) : candidates.find(c => c.name === name);
    if (!chosen) {
        const first = candidates[0].container;
        const guess = name !== undefined ? (0,suggest/* closest */.k)(name, names) : undefined;
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
    const { settings, unsupported, notReproducible, runtime, set, cannot } = derivedCollector();
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
            image.test.commands = image.test.commands.map(c => (0,apply/* applyToCommand */.RN)(c, own));
        }
        const services = image.test.services ?? [];
        for (const [i, service] of services.entries()) {
            const derived = service.runAsSpec !== undefined
                ? await read(service.runAsSpec, `images[${image.index}].test.services[${i}].run-as`)
                : own;
            if (derived)
                services[i] = (0,apply/* applyDerived */.Aj)(service, derived);
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
            throw new errors/* ConfigError */.xL(source.file, [
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
            throw new errors/* ConfigError */.xL(shown, derived.diagnostics);
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
            throw new errors/* UsageError */.eb(`no ${DEFAULT_CONFIG} in ${cwd}; create one (see the README) or pass --config FILE`);
        }
        if (code === 'ENOENT')
            throw new errors/* UsageError */.eb(`configuration file ${shown} does not exist; check --config`);
        if (code === 'EISDIR')
            throw new errors/* UsageError */.eb(`${shown} is a directory; --config takes a file`);
        throw new errors/* UsageError */.eb(`cannot read ${shown}: ${e.message}`);
    }
    const text = decodeConfig(bytes);
    if (!text.ok)
        throw new errors/* ConfigError */.xL(shown, text.diagnostics);
    const loaded = loadConfig(text.text, shown);
    if (!loaded.ok)
        throw new errors/* ConfigError */.xL(shown, loaded.diagnostics);
    const dir = (0,external_node_path_.dirname)(file);
    const problems = await checkPaths(loaded.config, loaded.source, dir);
    if (problems.length)
        throw new errors/* ConfigError */.xL(shown, (0,config_diagnostics/* boundDiagnostics */.dG)(problems, LIMITS.diagnostics));
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
    const order = (0,core_plan/* buildOrder */.B)(loaded.config.images);
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
    return Object.entries(image.build?.contexts ?? {}).flatMap(([name, c]) => 'source' in c && (0,docker_args/* isLocalContext */.d9)(c.source) ? [[name, c.source]] : []);
}
/** What the CI says this run is — the event, and who may write where — with the checkout at `dir`. */
async function inferRun(dir, services, allowPullRequestTargetPush) {
    const { env } = services;
    const payload = await readEventPayload(env.eventPath);
    const git = await services.git.read(dir);
    const inference = (0,trust/* applyTrust */.d3)(inferScenario(env.variables, payload.event), {
        ...(git?.sha ? { checkoutSha: git.sha } : {}),
        ...(env.baseSha ? { baseSha: env.baseSha } : {}),
        allowPullRequestTargetPush: allowPullRequestTargetPush ?? env.allowPullRequestTargetPush
    });
    return {
        inference,
        repository: (0,repository_facts/* repositoryFacts */.O)(env.variables, payload.event),
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
    const step = request.step ? (0,trust/* stepScenario */.tw)(request.step, inference) : undefined;
    const override = step && 'scenario' in step ? step.scenario : request.scenario;
    const plan = (0,core_plan/* buildPlan */.G)({
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
        exitCode = e instanceof errors/* ImagegateError */.t4 ? e.exitCode : errors/* EXIT */.dc.infrastructure;
        failure = e instanceof Error ? e.message : String(e);
    }
    if (failure !== undefined)
        host.fail(failure, exitCode);
    return exitCode;
}
async function dispatch(request, services, progress) {
    const { log } = services;
    // Each command loads its own use case: `plan` never compiles the registry, engine or gate code.
    if (request.command === 'setup') {
        const { DEFAULT_TOOLS, setupTools } = await __webpack_require__.e(/* import() */ 568).then(__webpack_require__.bind(__webpack_require__, 7568));
        const installed = await setupTools(request.tools ?? DEFAULT_TOOLS, {
            log,
            installer: services.installer,
            arch: services.env.arch,
            ...(services.env.toolsMirror ? { mirror: services.env.toolsMirror } : {})
        });
        return ok({ text: renderSetupText(installed), document: installed }, { paths: installed.map(t => t.dir) });
    }
    if (request.command === 'verify') {
        const { verifyRef, verifyTarget } = await __webpack_require__.e(/* import() */ 370).then(__webpack_require__.bind(__webpack_require__, 5370));
        const target = verifyTarget(request.target);
        const { inference } = await inferRun(request.cwd, services);
        return connected(services, scopeFor((0,trust/* credentialPolicy */._Z)(inference), [target.registry], services), async (connection) => {
            const report = await verifyRef(request.target, connection.registry);
            return {
                ...ok({ text: renderVerifyText(report), document: report }),
                exitCode: report.problems.length ? errors/* EXIT */.dc.failed : errors/* EXIT */.dc.ok
            };
        });
    }
    if (request.command === 'cleanup' || request.command === 'doctor') {
        const loaded = await readConfigFile(request.cwd, request.config);
        const { inference } = await inferRun(loaded.dir, services);
        return connected(services, scopeFor((0,trust/* credentialPolicy */._Z)(inference), hostsOf(loaded, services), services), async ({ registry }) => {
            if (request.command === 'cleanup') {
                const { cleanupStale } = await Promise.all(/* import() */[__webpack_require__.e(279), __webpack_require__.e(403)]).then(__webpack_require__.bind(__webpack_require__, 3403));
                const report = await cleanupStale(loaded, {
                    olderThanMs: request.olderThanMs ?? DEFAULT_CLEANUP_AGE_MS,
                    ...(request.unrecorded ? { unrecorded: request.unrecorded } : {})
                }, { log, registry });
                return ok({ text: renderCleanupText(report), document: report });
            }
            const [{ runDoctor }, { renderDoctor }] = await Promise.all([
                __webpack_require__.e(/* import() */ 172).then(__webpack_require__.bind(__webpack_require__, 5172)),
                __webpack_require__.e(/* import() */ 775).then(__webpack_require__.bind(__webpack_require__, 8775))
            ]);
            const images = await runDoctor(loaded, request.target, registry);
            return {
                ...ok({ text: renderDoctor(images), document: { images } }),
                exitCode: images.every(i => i.matches) ? errors/* EXIT */.dc.ok : errors/* EXIT */.dc.failed
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
        return ok({ text: renderPlanText(plan), markdown: renderPlanMarkdown(plan), document: plan }, { outputs: (0,core_outputs/* planOutputs */.iS)(plan) });
    }
    const scenario = plan.scenario.value;
    if (request.command !== 'merge')
        log.info(`imagegate: scenario ${scenario} [${plan.scenario.source}]: ${plan.reason}`);
    for (const warning of plan.warnings)
        log.warning(warning);
    if (!plan.trusted)
        log.notice(`imagegate ${scenario}, no registry writes: ${plan.reason}`);
    log.info(`credentials: ${plan.credentials.reason}`);
    const step = request.step === 'promote' ? (0,trust/* stepScenario */.tw)('promote', inference) : undefined;
    if (step && 'skip' in step) {
        log.notice(step.skip);
        return ok({ text: `${step.skip}\n`, markdown: `### imagegate promote: nothing to do\n\n${step.skip}\n`, document: plan }, { outputs: (0,core_outputs/* planOutputs */.iS)(plan) });
    }
    if (request.command === 'merge' && scenario !== 'gate') {
        const text = `imagegate merge: nothing to merge on this event; the platform jobs only checked (${plan.reason})`;
        log.notice(text);
        return ok({ text: `${text}\n`, document: plan }, { outputs: (0,core_outputs/* planOutputs */.iS)(plan) });
    }
    if ((scenario === 'promote' || scenario === 'release') && request.platform)
        throw new errors/* UsageError */.eb(`--platform splits a build; the ${scenario} scenario builds nothing (drop --platform there)`);
    return connected(services, scopeFor(plan.credentials, hostsOf(loaded, services), services), async (connection) => {
        if (request.command === 'merge') {
            const { runMerge } = await Promise.all(/* import() */[__webpack_require__.e(279), __webpack_require__.e(283)]).then(__webpack_require__.bind(__webpack_require__, 6283));
            const report = await runMerge({ loaded, plan, recordsDir: recordsDir(request) }, { log, registry: connection.registry, stats: connection.stats });
            return ok({ text: renderMergeText(report), document: report }, { outputs: (0,core_outputs/* mergeOutputs */.BH)(report, plan) });
        }
        if (scenario === 'promote' || scenario === 'release') {
            const { runPromote } = await Promise.all(/* import() */[__webpack_require__.e(279), __webpack_require__.e(530), __webpack_require__.e(383)]).then(__webpack_require__.bind(__webpack_require__, 2383));
            const report = await runPromote({ loaded, plan, scenario, gate: () => fallbackGate(request, services, connection) }, {
                log,
                registry: connection.registry,
                stats: connection.stats,
                signer: connection.signer,
                oidc: services.env.oidc
            });
            const text = renderPromoteText(report);
            return ok({ text, markdown: fencedMarkdown(`imagegate ${scenario}`, text), document: report }, { outputs: (0,core_outputs/* publishOutputs */.eB)(report, plan) });
        }
        return gateResult(request, services, connection, planned, scenario);
    });
}
async function gateResult(request, services, connection, { plan, loaded }, scenario) {
    const engine = await connection.engine(request.builder ? { buildxBuilder: request.builder } : {});
    const junit = request.junit ? (0,external_node_path_.resolve)(request.cwd, request.junit) : undefined;
    const records = recordsDir(request);
    const { runGate } = await Promise.all(/* import() */[__webpack_require__.e(279), __webpack_require__.e(752)]).then(__webpack_require__.bind(__webpack_require__, 2752));
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
    const result = ok({ text: renderRunText(report), markdown: renderRunMarkdown(report), document: report }, { outputs: (0,core_outputs/* gateOutputs */.QP)(report, { plan, ...(junit ? { junit } : {}), ...(report.records ? { records } : {}) }) });
    if (passed)
        return result;
    return {
        ...result,
        exitCode: errors/* EXIT */.dc.failed,
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
    const { runGate } = await Promise.all(/* import() */[__webpack_require__.e(279), __webpack_require__.e(752)]).then(__webpack_require__.bind(__webpack_require__, 2752));
    const report = await runGate({
        loaded: gated.loaded,
        plan: gated.plan,
        scenario: 'gate',
        parallel: request.parallel,
        recordsDir: recordsDir(request)
    }, { log: services.log, env: services.env, engine, registry: connection.registry });
    if (!report.images.every(i => i.status === 'passed'))
        throw new errors/* FailedError */.Kl(`on-missing: build ran the gate and it failed:\n${renderRunText(report)}`);
}
function planFor(request, services) {
    if (request.command === 'merge' && request.scenario)
        throw new errors/* UsageError */.eb('`imagegate merge` writes staging like gate; it takes no --scenario');
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
    const connection = await services.connect(scope);
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
function scopeFor(policy, hosts, services) {
    const { named, environment } = Array.isArray(hosts) ? { named: hosts, environment: [] } : hosts;
    const all = [...new Set([...named, ...environment])];
    if (policy.use === 'none')
        return { explicitHosts: [], anonymous: { why: policy.reason }, environmentSecrets: { refused: policy.reason } };
    if (policy.use === 'configuration')
        return { explicitHosts: all };
    const trusted = new Set(services.env.namedRegistries.map(credentials/* canonicalHost */.rQ));
    const outside = named.filter(host => !trusted.has((0,credentials/* canonicalHost */.rQ)(host)));
    if (outside.length)
        throw new errors/* UsageError */.eb(`credentials refused: ${policy.reason}, and the configuration names ${outside.join(', ')}, which the workflow does not; ` +
            `name ${outside.length > 1 ? 'them' : 'it'} in the step's \`registries\` input (or IMAGEGATE_REGISTRIES) if you trust ${outside.length > 1 ? 'them' : 'it'}`);
    return { explicitHosts: all, environmentSecrets: { refused: policy.reason } };
}
function recordsDir(request) {
    return (0,external_node_path_.resolve)(request.cwd, request.records ?? split/* DEFAULT_RECORDS_DIR */.V7);
}
/** Annotations take paths relative to the repository root (the workspace); elsewhere, the path as the user gave it. */
function configPath(loaded, services) {
    return services.env.workspace ? (0,external_node_path_.relative)(services.env.workspace, loaded.path) : loaded.shown;
}
function ok(presentation, extra = {}) {
    return { exitCode: errors/* EXIT */.dc.ok, presentation, annotations: [], ...extra };
}
function failed(e, request, services, planned) {
    const exitCode = e instanceof errors/* ImagegateError */.t4 ? e.exitCode : errors/* EXIT */.dc.infrastructure;
    const failure = e instanceof errors/* ImagegateError */.t4
        ? e.message
        : `unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
    const annotations = e instanceof errors/* ConfigError */.xL ? configAnnotations(e, request, services) : [];
    return { exitCode, failure, annotations, ...(planned ? { outputs: (0,core_outputs/* planOutputs */.iS)(planned.plan) } : {}) };
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

// EXTERNAL MODULE: ./src/exec/exec.ts
var exec_exec = __webpack_require__(7632);
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
        // One call for the root, the branch and the commit (a repository without commits answers only
        // the root), side by side with every tag and the commit it points at (peeled for annotated
        // tags), highest version first.
        const [facts, tags] = await Promise.all([
            this.exec.run('git', ['rev-parse', '--show-toplevel', 'HEAD', '--abbrev-ref', 'HEAD'], { cwd }),
            this.exec.run('git', [
                'for-each-ref',
                '--sort=-version:refname',
                '--format=%(refname:short) %(objectname) %(*objectname)',
                'refs/tags'
            ], { cwd })
        ]);
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
            const git = (args, opts = {}) => (0,exec_exec/* output */.CG)(this.exec, 'git', args, { cwd: root, env, ...opts });
            const rels = paths.map(p => (0,external_node_path_.relative)(root, (0,external_node_path_.resolve)(root, p)) || '.');
            // imagegate's own output (per-platform records) never changes the source it describes.
            const ownOutput = `:(exclude,glob)**/${split/* DEFAULT_RECORDS_DIR */.V7}/**`;
            // A split index's shared part stays where it is (the repository); ours is written whole.
            const add = ['-c', 'core.splitIndex=false', 'add', '--all', '--', ...rels, ownOutput];
            const writeTree = async () => {
                const added = await this.exec.run('git', add, { cwd: root, env });
                const written = added.exitCode === 0 ? await this.exec.run('git', ['write-tree'], { cwd: root, env }) : added;
                return written.exitCode === 0 ? written.stdout.trim() : undefined;
            };
            // The user's index as the start: its stat cache spares `git add` hashing every unchanged
            // file again (an index read from HEAD has none). When there is none, or git cannot use it
            // (a merge in progress leaves unmerged paths), HEAD, or nothing in a repository without commits.
            const copied = await userIndex(root).then(from => (0,promises_.copyFile)(from, env.GIT_INDEX_FILE).then(() => true), () => false);
            let tree = copied ? await writeTree() : undefined;
            if (tree === undefined) {
                await this.startIndex(root, env);
                await git(add);
                tree = (await git(['write-tree'])).trim();
            }
            // Each path's object now and in HEAD, in one batch: `<oid> <type> <size>`, or `<name> missing`.
            // Without commits, HEAD's lines answer `HEAD:… missing`: every path is then dirty.
            const specs = rels.flatMap(rel => {
                const spec = rel === '.' ? '' : rel;
                return [`${tree}:${spec}`, `HEAD:${spec}`];
            });
            const answers = (await git(['cat-file', '--batch-check=%(objectname)'], { input: `${specs.join('\n')}\n` }))
                .trim()
                .split('\n');
            return rels.map((_, i) => {
                const id = answers[i * 2].trim();
                const committed = answers[i * 2 + 1].trim();
                return { id, dirty: committed !== id };
            });
        });
    }
    /** A throwaway index holding HEAD, or nothing in a repository without commits. */
    async startIndex(root, env) {
        const hasHead = (await this.exec.run('git', ['read-tree', 'HEAD'], { cwd: root, env })).exitCode === 0;
        if (!hasHead)
            await (0,exec_exec/* output */.CG)(this.exec, 'git', ['read-tree', '--empty'], { cwd: root, env });
    }
}
/**
 * The checkout's index file, found without a git process: `$GIT_INDEX_FILE`, `.git/index`, or the
 * index in the directory a worktree's `.git` file names. Rejects when there is none.
 */
async function userIndex(root) {
    if (process.env.GIT_INDEX_FILE)
        return (0,external_node_path_.resolve)(root, process.env.GIT_INDEX_FILE);
    const dotGit = (0,external_node_path_.join)(root, '.git');
    const gitDir = (await (0,promises_.stat)(dotGit)).isDirectory()
        ? dotGit
        : (0,external_node_path_.resolve)(root, /^gitdir:\s*(.+)$/m.exec(await (0,promises_.readFile)(dotGit, 'utf8'))?.[1]?.trim() ?? '');
    const index = (0,external_node_path_.join)(gitDir, 'index');
    if (!(await (0,promises_.stat)(index)).isFile())
        throw new Error(`${index} is not a file`);
    return index;
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

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
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
            throw new errors/* InfrastructureError */.EN(`${tool.url} has SHA-256 ${actual}, not the pinned ${tool.sha256}: refusing to install ${tool.name} ${tool.version}. ` +
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
            throw new errors/* InfrastructureError */.EN(`pack ${release.version} has no pinned archive for ${key} (imagegate pins ${Object.keys(release.assets).join(', ')}); run on one of those, or use mode: lifecycle`);
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
            throw new errors/* InfrastructureError */.EN(`${asset.file} from ${url} has sha256 ${actual}, but imagegate pins ${asset.sha256} for pack ${release.version}; refusing to run it. The download was altered or the mirror serves another file: fix the mirror, or bump the pin in src/core/buildpacks/pack-release.ts from the release's .sha256 file`);
        await this.placeAtomically(dir, staged => this.opts.temp.with('pack', async (work) => {
            const file = (0,external_node_path_.join)(work, asset.file);
            await (0,promises_.writeFile)(file, archive);
            const untar = await this.opts.exec.run('tar', ['-xzf', file, '-C', staged, 'pack']);
            if (untar.exitCode !== 0 || !(0,external_node_fs_.existsSync)((0,external_node_path_.join)(staged, 'pack')))
                throw new errors/* InfrastructureError */.EN(`${asset.file} holds no \`pack\` executable at its top level`);
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
        throw new errors/* InfrastructureError */.EN(explain(e.message));
    }
    if (!res.ok) {
        await res.body?.cancel();
        throw new errors/* InfrastructureError */.EN(explain(`HTTP ${res.status}`, res.status));
    }
    return Buffer.from(await res.arrayBuffer());
}
function tool_install_sha256(bytes) {
    return (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex');
}

;// CONCATENATED MODULE: ./src/compose/services.ts
// The composition root: from the run environment and the host's log, the clients of one run are
// built here and nowhere else — one program runner, one credential store for docker logins, the
// registry client and cosign alike, one transport, one docker session, the builders and the test
// runner — and handed to the use cases as Services.





function composeServices({ env, log, binfmtDir }) {
    const temp = new TempDirs(env.tempRoot);
    const exec = new exec_exec/* ProcessExec */.n8({ env: childEnvironment(env), output: () => log.block(), trace: env.trace });
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
        // The registry client, docker and the builders load only for a command that connects (not `plan`).
        connect: async (scope) => (await Promise.all(/* import() */[__webpack_require__.e(530), __webpack_require__.e(625)]).then(__webpack_require__.bind(__webpack_require__, 1006))).connect({ env, log, exec, temp, installer, ...(binfmtDir ? { binfmtDir } : {}) }, scope)
    };
}
/**
 * What programs imagegate starts inherit: the run's environment, with temporary files in the run's
 * own directory, and without the action's inputs or the explicit registry password (logins reach
 * docker through stdin, cosign through a config file of its own).
 */
function childEnvironment(env) {
    return Object.fromEntries([
        ...Object.entries(env.variables).filter(([name]) => !name.startsWith('INPUT_') && name !== credentials/* ENV_PASSWORD */.yA && !(0,credentials/* isHostPasswordVariable */.ut)(name)),
        ['TMPDIR', env.tempRoot]
    ]);
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
        login: (0,credentials/* environmentLogin */.nq)(vars),
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

// EXTERNAL MODULE: ./src/host/lines.ts
var lines = __webpack_require__(8769);
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
        this.line(`${at(where)}warning: ${text}`);
    }
    error(text, where) {
        this.line(`${at(where)}error: ${text}`);
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
        await writeOrExplain(this.opts.dotenv, (0,core_outputs/* renderDotenv */.JZ)(outputs), '--dotenv');
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
        throw new errors/* UsageError */.eb(`cannot write ${flag} ${file}: ${e.message}; pass a writable path`);
    }
}
function at(where) {
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
        return (0,lines/* lineBlock */.U)(line => this.write(this.redact(neutral(line))));
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
                throw new errors/* UsageError */.eb(`unexpected argument \`${raw}\` after \`${verb}\`; see \`imagegate --help\``);
            verb = raw;
            continue;
        }
        const [flagText, inline] = splitInline(raw);
        const flag = SHORT[flagText] ?? flagText;
        if (FLAGS_WITH_VALUE.includes(flag)) {
            const value = inline ?? argv[++i];
            if (value === undefined || (inline === undefined && value.startsWith('--')))
                throw new errors/* UsageError */.eb(`${flag} needs a value, e.g. ${example(flag)}`);
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
                throw new errors/* UsageError */.eb(`${flag} takes no value`);
            if (flag === '--json')
                args.json = true;
            if (flag === '--markdown')
                args.markdown = true;
            if (flag === '--help')
                return { ...args, verb: 'help' };
            if (flag === '--version' && verb !== undefined && argv[i + 1] !== undefined && !argv[i + 1].startsWith('-'))
                throw new errors/* UsageError */.eb(`--version prints imagegate's version; the version a release writes is \`--release-version ${argv[i + 1]}\``);
            if (flag === '--version')
                return { ...args, verb: 'version' };
            continue;
        }
        const guess = (0,suggest/* closest */.k)(flag.replace(/^-+/, ''), [...FLAGS_WITH_VALUE, ...BOOLEAN_FLAGS].map(f => f.slice(2)));
        throw new errors/* UsageError */.eb(`unknown option \`${flagText}\`${guess ? `, did you mean \`--${guess}\`?` : '; see `imagegate --help`'}`);
    }
    if (verb === undefined || verb === 'help')
        return { ...args, verb: 'help' };
    if (verb === 'schema')
        return { ...args, verb: 'schema' };
    if (!VERBS.includes(verb)) {
        const guess = (0,suggest/* closest */.k)(verb, VERBS);
        throw new errors/* UsageError */.eb(`unknown command \`${verb}\`${guess ? `, did you mean \`${guess}\`?` : ''}; commands: ${VERBS.join(', ')}`);
    }
    args.verb = verb;
    if (args.platform !== undefined && !['check', 'gate', 'run', 'plan'].includes(verb))
        throw new errors/* UsageError */.eb(`--platform is for check, gate and run (one platform of a split build), not \`${verb}\``);
    if (args.platform?.includes(','))
        throw new errors/* UsageError */.eb(`--platform builds one platform of a split build; to build and test several, write \`--platforms ${args.platform}\``);
    if (args.overrides && !PLANNED_VERBS.includes(verb))
        throw new errors/* UsageError */.eb(`--registry, --image, --platforms and --release-version change a plan; \`${verb}\` has none`);
    if (verb === 'verify' && args.target === undefined) {
        throw new errors/* UsageError */.eb('`imagegate verify` needs a reference, e.g. `imagegate verify ghcr.io/acme/web:latest`');
    }
    if (verb === 'doctor' && args.target === undefined) {
        throw new errors/* UsageError */.eb('`imagegate doctor` needs the builder reference production uses, e.g. `imagegate doctor docker.io/heroku/builder:24`');
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
        throw new errors/* UsageError */.eb(`${flag} is given twice; give it once`);
    if (list.some(v => !v))
        throw new errors/* UsageError */.eb(`${flag} ${value}: an empty name in the list`);
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
            throw new errors/* UsageError */.eb('`imagegate merge` writes staging like gate; it takes no --scenario');
        return undefined;
    }
    const fromVerb = verb === 'check' || verb === 'gate' || verb === 'promote' || verb === 'release' ? verb : undefined;
    if (fromVerb && args.scenario && args.scenario !== fromVerb) {
        throw new errors/* UsageError */.eb(`\`imagegate ${verb}\` runs the ${verb} scenario; drop \`--scenario ${args.scenario}\` or use \`imagegate run --scenario ${args.scenario}\``);
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
    const guess = (0,suggest/* closest */.k)(value, SCENARIOS);
    throw new errors/* UsageError */.eb(`unknown scenario \`${value}\`${guess ? `, did you mean \`${guess}\`?` : ''}; scenarios: ${SCENARIOS.join(', ')}`);
}
function duration(flag, value) {
    const ms = parseDuration(value);
    if (ms === undefined)
        throw new errors/* UsageError */.eb(`${flag} takes a duration such as \`24h\` or \`90m\`, not \`${value}\``);
    return ms;
}
function unrecordedValue(value) {
    if (value === 'keep' || value === 'created')
        return value;
    throw new errors/* UsageError */.eb(`--unrecorded takes \`keep\` (a staging tag without a staging record is never removed) or \`created\` (judged by its image's created time, unless that is a reproducible build's fixed time), not \`${value}\``);
}
function positiveInteger(flag, value) {
    if (!/^[1-9]\d{0,2}$/.test(value))
        throw new errors/* UsageError */.eb(`${flag} takes a whole number from 1 to 999, not \`${value}\``);
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
        return e instanceof errors/* ImagegateError */.t4 ? e.exitCode : errors/* EXIT */.dc.infrastructure;
    }
    if (args.verb === 'help')
        return print(io, USAGE);
    if (args.verb === 'version')
        return print(io, `imagegate ${io.version}\n`);
    if (args.verb === 'schema')
        return print(io, args.markdown ? renderConfigReference() : `${JSON.stringify(SCHEMA, null, 2)}\n`);
    const env = readRunEnvironment(io.env);
    const host = await terminalHost(env, args, io);
    try {
        const request = toRequest({ ...args, verb: args.verb }, io.cwd);
        return await deliver(await run(request, composeServices({ env, log: host })), host);
    }
    catch (e) {
        // Only the request can fail here (a flag that contradicts the command); run() never throws.
        const code = e instanceof errors/* ImagegateError */.t4 ? e.exitCode : errors/* EXIT */.dc.infrastructure;
        host.fail(e instanceof Error ? e.message : String(e), code);
        return code;
    }
}
function print(io, text) {
    io.stdout(text);
    return errors/* EXIT */.dc.ok;
}
/** The log in the syntax of the CI the command runs in; the result on stdout either way. */
async function terminalHost(env, args, io) {
    // @actions/core (with its HTTP client) loads only in a GitHub workflow step: a third of the bundle.
    const log = env.ci === 'github'
        ? new (await Promise.all(/* import() */[__webpack_require__.e(421), __webpack_require__.e(631)]).then(__webpack_require__.bind(__webpack_require__, 631))).GitHubLog()
        : env.ci === 'gitlab'
            ? new GitLabLog(io.stderr)
            : new PlainLog(io.stderr);
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


/***/ }),

/***/ 4382:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dG: () => (/* binding */ boundDiagnostics),
/* harmony export */   xy: () => (/* binding */ formatDiagnostic)
/* harmony export */ });
/* unused harmony export sortDiagnostics */
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


/***/ }),

/***/ 1181:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cr: () => (/* binding */ buildxCheckArgs),
/* harmony export */   Ct: () => (/* binding */ buildxBuildArgs),
/* harmony export */   Hw: () => (/* binding */ unstartedContainerArgs),
/* harmony export */   Pi: () => (/* binding */ dockerRunArgs),
/* harmony export */   d9: () => (/* binding */ isLocalContext),
/* harmony export */   dX: () => (/* binding */ setupContainerfile)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _service_plan_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4236);
// argv for docker and buildx, built from the configuration. Pure: src/io/ runs them.


function buildxBuildArgs(req) {
    const { image } = req;
    const context = node_path__WEBPACK_IMPORTED_MODULE_0__.posix.resolve(req.baseDir, image.context);
    const args = ['buildx', 'build'];
    if (req.builder)
        args.push('--builder', req.builder);
    args.push('--platform', image.platforms.join(','));
    args.push('--file', node_path__WEBPACK_IMPORTED_MODULE_0__.posix.resolve(context, image.containerfile));
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
            : `id=${secret.id},src=${node_path__WEBPACK_IMPORTED_MODULE_0__.posix.resolve(req.baseDir, secret.file)}`);
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
                ? node_path__WEBPACK_IMPORTED_MODULE_0__.posix.resolve(baseDir, context.source)
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
    if (req.runId)
        args.push('--label', `${_service_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .RUN_LABEL */ .jQ}=${req.runId}`);
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
/**
 * `docker create` of a container whose files or config are read and which never starts, named and
 * labelled like every container of the run (so an interrupted run finds it); the image ref follows.
 */
function unstartedContainerArgs(name, platform) {
    return ['create', '--pull', 'never', '--platform', platform, '--name', name, '--label', `${_service_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .RUN_LABEL */ .jQ}=${name}`];
}


/***/ }),

/***/ 4296:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EN: () => (/* binding */ InfrastructureError),
/* harmony export */   Kl: () => (/* binding */ FailedError),
/* harmony export */   dc: () => (/* binding */ EXIT),
/* harmony export */   eb: () => (/* binding */ UsageError),
/* harmony export */   t4: () => (/* binding */ ImagegateError),
/* harmony export */   xL: () => (/* binding */ ConfigError)
/* harmony export */ });
/* harmony import */ var _config_diagnostics_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4382);
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
        super(diagnostics.map(d => (0,_config_diagnostics_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDiagnostic */ .xy)(file, d)).join('\n'), EXIT.usage);
        this.file = file;
        this.diagnostics = diagnostics;
    }
    /** Each diagnostic as `FILE:LINE:COL: message`. */
    get lines() {
        return this.diagnostics.map(d => (0,_config_diagnostics_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDiagnostic */ .xy)(this.file, d));
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


/***/ }),

/***/ 2107:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  md: () => (/* binding */ ExecutablesCheck),
  eQ: () => (/* binding */ describeForeign),
  VU: () => (/* binding */ executablesTestName)
});

// UNUSED EXPORTS: globMatcher

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


/***/ }),

/***/ 7650:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AF: () => (/* binding */ setupFailure),
/* harmony export */   X3: () => (/* binding */ commandFailures),
/* harmony export */   YJ: () => (/* binding */ firstTarEntry),
/* harmony export */   Zs: () => (/* binding */ metadataOutcomes),
/* harmony export */   iS: () => (/* binding */ factsFromInspect),
/* harmony export */   kc: () => (/* binding */ CONTENT_LIMIT),
/* harmony export */   qq: () => (/* binding */ fileFailures),
/* harmony export */   sB: () => (/* binding */ plannedChecks)
/* harmony export */ });
/* unused harmony exports textFailures, isRootUser */
/* harmony import */ var _oci_platform_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1890);
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
        const same = facts.platform !== undefined && (0,_oci_platform_js__WEBPACK_IMPORTED_MODULE_0__/* .samePlatformText */ .fU)(want, facts.platform);
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
    const applies = (platforms) => !platforms || platforms.some(p => (0,_oci_platform_js__WEBPACK_IMPORTED_MODULE_0__/* .samePlatformText */ .fU)(p, platform));
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


/***/ }),

/***/ 1533:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BH: () => (/* binding */ mergeOutputs),
/* harmony export */   JZ: () => (/* binding */ renderDotenv),
/* harmony export */   QP: () => (/* binding */ gateOutputs),
/* harmony export */   eB: () => (/* binding */ publishOutputs),
/* harmony export */   iS: () => (/* binding */ planOutputs),
/* harmony export */   mw: () => (/* binding */ githubOutputs)
/* harmony export */ });
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


/***/ }),

/***/ 2253:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  B: () => (/* binding */ buildOrder),
  G: () => (/* binding */ buildPlan)
});

// EXTERNAL MODULE: ./src/oci/reference.ts
var reference = __webpack_require__(2148);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/tags.ts
var tags = __webpack_require__(2766);
;// CONCATENATED MODULE: ./src/core/releases.ts
// Which release a moving tag belongs to. A release writes `latest` (and every tag without a
// version of its own) only when it is the highest release of the repository, `{{major}}` only when
// it is the highest of its major, `{{major}}.{{minor}}` of its minor: a backport `v1.4.9` after
// `v2.0.0` moves `1` and `1.4`, never `latest`. The releases are the repository's git tags.

/** Why a release tag is not moved by the release of `tag`; undefined when it is. */
function releaseAliasSkip(template, tag, releases) {
    const current = (0,tags/* parseSemverTag */.k9)(tag);
    const v = template.variables;
    if (!current || v.some(x => x === 'version' || x === 'patch' || x === 'prerelease' || x === 'tag'))
        return undefined;
    if (current.prerelease)
        return `\`${template.source}\` is not moved by prerelease ${current.version}`;
    const scope = v.includes('minor') ? 'minor' : v.includes('major') ? 'major' : 'all';
    const higher = (releases ?? [])
        .map(tags/* parseSemverTag */.k9)
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

// EXTERNAL MODULE: ./src/core/test-plan.ts
var test_plan = __webpack_require__(1863);
// EXTERNAL MODULE: ./src/core/image-checks.ts
var image_checks = __webpack_require__(7650);
// EXTERNAL MODULE: ./src/core/run-as/apply.ts
var apply = __webpack_require__(3192);
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
            ...planned(image.runAs, `${at}.run-as`, (0,apply/* commandSettings */.Jd)(image.runAs)),
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

// EXTERNAL MODULE: ./src/core/trust.ts
var trust = __webpack_require__(9597);
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
        throw new errors/* ConfigError */.xL(source.file, problems);
    const refusal = (0,trust/* trustRefusal */.hj)(inference, scenario);
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
        credentials: (0,trust/* credentialPolicy */._Z)(inference),
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
    throw new errors/* UsageError */.eb(`the commit ${quoted(sha.value)} (${sha.source}) is not a commit id (40 or 64 hex digits), and tags, labels and records would be named after it; it must be the full commit id: fix what sets it`);
}
/** A value from the environment as a message shows it: in backticks, or as JSON when it holds control characters. */
function quoted(value) {
    // eslint-disable-next-line no-control-regex
    return /[\u0000-\u001f\u007f`]/.test(value) ? JSON.stringify(value) : `\`${value}\``;
}
function referenceError(text) {
    const parsed = (0,reference/* parseReference */.F2)(text);
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
        testsByPlatform: Object.fromEntries(image.platforms.map(p => [p, (0,test_plan/* testsForPlatform */._)(image, p).length])),
        steps: [],
        tags: []
    };
    const checks = Object.fromEntries(image.platforms.map(p => [p, (0,image_checks/* plannedChecks */.sB)(image.test.files, image.test.metadata, p)]));
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
    const rendered = (0,tags/* renderTagTemplate */.te)(rule.template, git);
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
    const invalid = (0,reference/* isValidTag */.r_)(tag) ? referenceError(ref) : (0,reference/* explainInvalidTag */.$N)(tag);
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


/***/ }),

/***/ 2065:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ repositoryFacts),
/* harmony export */   c: () => (/* binding */ repositoryLabels)
/* harmony export */ });
/* harmony import */ var _tags_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2766);
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
    const version = git.tag ? (0,_tags_js__WEBPACK_IMPORTED_MODULE_0__/* .parseSemverTag */ .k9)(git.tag.value)?.version : undefined;
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


/***/ }),

/***/ 541:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Af: () => (/* binding */ keepLast),
/* harmony export */   RT: () => (/* binding */ tail),
/* harmony export */   rk: () => (/* binding */ dockerStartFailure),
/* harmony export */   tu: () => (/* binding */ countTests)
/* harmony export */ });
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


/***/ }),

/***/ 3192:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Aj: () => (/* binding */ applyDerived),
/* harmony export */   Jd: () => (/* binding */ commandSettings),
/* harmony export */   RN: () => (/* binding */ applyToCommand)
/* harmony export */ });
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


/***/ }),

/***/ 4236:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ad: () => (/* binding */ serviceAddress),
/* harmony export */   LQ: () => (/* binding */ publishedPorts),
/* harmony export */   LZ: () => (/* binding */ exposedPorts),
/* harmony export */   Yq: () => (/* binding */ stopVerdict),
/* harmony export */   Z: () => (/* binding */ serviceDeadlines),
/* harmony export */   ar: () => (/* binding */ isRootUser),
/* harmony export */   jQ: () => (/* binding */ RUN_LABEL),
/* harmony export */   uI: () => (/* binding */ serviceRunArgs),
/* harmony export */   vL: () => (/* binding */ portsToPublish),
/* harmony export */   w6: () => (/* binding */ httpVerdict),
/* harmony export */   yD: () => (/* binding */ signalName)
/* harmony export */ });
/* unused harmony exports EMULATION_FACTOR, SERVICE_DEFAULTS, jsonPath, signalNumber */
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
 * Where published ports are reached from this machine: the engine's own host when DOCKER_HOST names
 * another machine (GitLab docker-in-docker: `tcp://docker:2376`; a remote engine: `ssh://ci@builder`),
 * published on all of that engine's interfaces (IPv6 ones for an IPv6 address); else the loopback.
 */
function serviceAddress(dockerHost) {
    const m = /^(?:tcp|http|https|ssh):\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^:/]+)/.exec(dockerHost ?? '');
    const host = m?.[1]?.replace(/^\[|\]$/g, '');
    if (!host || isLoopback(host))
        return { bind: '127.0.0.1', host: '127.0.0.1' };
    return { bind: host.includes(':') ? '::' : '0.0.0.0', host };
}
function isLoopback(host) {
    return host.toLowerCase() === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '::1';
}
const RUN_LABEL = 'imagegate.run';
function serviceRunArgs(req) {
    const r = req.runtime;
    const args = ['run', '--detach', '--pull', 'never', '--platform', req.platform, '--name', req.name];
    args.push('--label', `${RUN_LABEL}=${req.runId}`);
    if (req.network)
        args.push('--network', req.network, '--network-alias', 'service');
    // An IPv6 bind address in brackets: `[::]::8080`.
    const bind = req.bind.includes(':') ? `[${req.bind}]` : req.bind;
    for (const port of req.ports)
        args.push('--publish', `${bind}::${port}`);
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
/**
 * `docker port NAME` (every mapping, one per line: `8080/tcp -> 127.0.0.1:49153`, IPv6 lines too) →
 * container port → host port, the first mapping of each TCP port.
 */
function publishedPorts(output) {
    const ports = new Map();
    for (const line of output.split('\n')) {
        const m = /^(\d+)\/tcp\s*->\s*.*:(\d+)\s*$/.exec(line.trim());
        if (m && !ports.has(Number(m[1])))
            ports.set(Number(m[1]), Number(m[2]));
    }
    return ports;
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
function isRootUser(user) {
    const name = (user ?? '').split(':')[0] ?? '';
    return name === '' || name === 'root' || name === '0';
}


/***/ }),

/***/ 8159:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hh: () => (/* binding */ parseRecord),
/* harmony export */   Hw: () => (/* binding */ assembleIndex),
/* harmony export */   J7: () => (/* binding */ platformSuffix),
/* harmony export */   Tb: () => (/* binding */ recordFileName),
/* harmony export */   V7: () => (/* binding */ DEFAULT_RECORDS_DIR),
/* harmony export */   XH: () => (/* binding */ MergeRefused),
/* harmony export */   YD: () => (/* binding */ platformStagingRef),
/* harmony export */   YT: () => (/* binding */ narrowToPlatform),
/* harmony export */   dJ: () => (/* binding */ RECORD_KIND),
/* harmony export */   fi: () => (/* binding */ checkRecords),
/* harmony export */   hl: () => (/* binding */ RECORD_VERSION)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _oci_image_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5325);
/* harmony import */ var _oci_platform_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1890);
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
    const parsed = (0,_oci_platform_js__WEBPACK_IMPORTED_MODULE_2__/* .parsePlatform */ .FL)(platformText);
    if (!parsed.ok)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`--platform ${platformText}: ${parsed.error}; e.g. \`--platform linux/arm64\``);
    const same = (p) => (0,_oci_platform_js__WEBPACK_IMPORTED_MODULE_2__/* .samePlatformText */ .fU)(p, platformText);
    const kept = images.filter(i => i.platforms.some(same));
    // The image's own spelling, so tags and records match what the configuration lists.
    const platform = kept[0]?.platforms.find(same) ?? platformText;
    if (kept.length === 0) {
        const listed = [...new Set(images.flatMap(i => i.platforms))].join(', ');
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`--platform ${platform}: no image lists it; the configuration builds ${listed}`);
    }
    const names = new Set(kept.map(i => i.name));
    for (const image of kept) {
        if (image.dependsOn !== undefined && !names.has(image.dependsOn))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`--platform ${platform}: image ${image.name} depends on ${image.dependsOn}, which is not built for ${platform}; add ${platform} to ${image.dependsOn}'s platforms`);
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${file}: not JSON (${e.message}); it should be a record written by \`imagegate gate --platform\``);
    }
    const r = doc;
    const bad = (what) => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${file}: ${what}; it should be a record written by \`imagegate gate --platform\``);
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
        const found = input.records.filter(r => (0,_oci_platform_js__WEBPACK_IMPORTED_MODULE_2__/* .samePlatformText */ .fU)(r.platform, platform));
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
        if (!input.platforms.some(p => (0,_oci_platform_js__WEBPACK_IMPORTED_MODULE_2__/* .samePlatformText */ .fU)(p, r.platform)))
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
        return (0,_oci_image_index_js__WEBPACK_IMPORTED_MODULE_1__/* .buildIndex */ .X)(parts.flatMap(p => p.entries));
    }
    catch (e) {
        if (e instanceof _oci_image_index_js__WEBPACK_IMPORTED_MODULE_1__/* .DuplicateManifest */ .V)
            throw new MergeRefused(`two platforms share the manifest ${e.digest}`);
        throw e;
    }
}


/***/ }),

/***/ 2085:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ closest)
/* harmony export */ });
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


/***/ }),

/***/ 2766:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O7: () => (/* binding */ parseTagTemplate),
/* harmony export */   k9: () => (/* binding */ parseSemverTag),
/* harmony export */   te: () => (/* binding */ renderTagTemplate),
/* harmony export */   v3: () => (/* binding */ defaultTagScenarios)
/* harmony export */ });
/* unused harmony export formatDate */
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2148);
/* harmony import */ var _suggest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2085);
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
            const guess = (0,_suggest_js__WEBPACK_IMPORTED_MODULE_1__/* .closest */ .k)(name.replace(/[-.]/g, '_'), TEMPLATE_VARIABLES);
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
    if (!(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .isValidTag */ .r_)(sample))
        return { ok: false, error: `\`${source}\` cannot make a valid tag: ${(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .explainInvalidTag */ .$N)(sample)}` };
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
        values.branch = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .sanitizeTag */ .iP)(git.branch);
    if (git.tag)
        values.tag = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .sanitizeTag */ .iP)(git.tag);
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


/***/ }),

/***/ 1863:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ testsForPlatform),
/* harmony export */   h: () => (/* binding */ servicesForPlatform)
/* harmony export */ });
/* harmony import */ var _oci_platform_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1890);
// Which test commands run on which platform, in order.

function testsForPlatform(image, platform) {
    return image.test.commands.filter(c => !c.platforms || c.platforms.some(p => (0,_oci_platform_js__WEBPACK_IMPORTED_MODULE_0__/* .samePlatformText */ .fU)(p, platform)));
}
function servicesForPlatform(image, platform) {
    return (image.test.services ?? []).filter(s => !s.platforms || s.platforms.some(p => (0,_oci_platform_js__WEBPACK_IMPORTED_MODULE_0__/* .samePlatformText */ .fU)(p, platform)));
}


/***/ }),

/***/ 2020:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ lastLine)
/* harmony export */ });
/** The last non-empty line of a program's output, for one-line error messages. */
function lastLine(text) {
    return (text
        .trim()
        .split('\n')
        .reverse()
        .find(l => l.trim())
        ?.trim() ?? '');
}


/***/ }),

/***/ 9597:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _Z: () => (/* binding */ credentialPolicy),
/* harmony export */   d3: () => (/* binding */ applyTrust),
/* harmony export */   hj: () => (/* binding */ trustRefusal),
/* harmony export */   tw: () => (/* binding */ stepScenario)
/* harmony export */ });
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
            reason: `${inference.reason}; the working tree is the base branch tip ${short(opts.baseSha)}, not the pull request's code`
        };
    }
    const outsider = inference.fork || inference.bot === 'dependabot';
    if (opts.allowPullRequestTargetPush && !outsider) {
        return {
            ...inference,
            headCheckedOut: true,
            trusted: true,
            scenario: { value: 'gate', source: `env GITHUB_EVENT_NAME, ${ALLOW_PRT_INPUT}` },
            reason: `pull_request_target with the pull request's head checked out (${short(opts.checkoutSha)}), ` +
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
        reason: `${inference.reason}; the pull request's head is checked out (${short(opts.checkoutSha)}), so nothing is pushed: ${why}`
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
function short(sha) {
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


/***/ }),

/***/ 7632:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CG: () => (/* binding */ output),
/* harmony export */   cI: () => (/* binding */ ExecError),
/* harmony export */   n8: () => (/* binding */ ProcessExec)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_string_decoder__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6193);
/* harmony import */ var node_string_decoder__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_string_decoder__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4296);
/* harmony import */ var _core_text_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2020);
// The one seam through which imagegate runs programs: argv arrays only, never a shell string.
// The composition root builds one ProcessExec with the run's environment; everything that starts a
// program takes an `Exec`, so tests hand in a fake and no process runs.
// This module is the seam that runs programs (a plain spawn: no PATH walk or extra module per call).
// eslint-disable-next-line no-restricted-imports






class ExecError extends Error {
    command;
    args;
    result;
    constructor(command, args, result) {
        const last = (0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .lastLine */ .f)(result.stderr) || (0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .lastLine */ .f)(result.stdout) || '(no output)';
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
        try {
            const result = await collect(command, args, {
                ...(opts.cwd !== undefined ? { cwd: opts.cwd } : {}),
                env: { ...this.env, ...opts.env },
                ...(opts.input !== undefined ? { input: opts.input } : {}),
                sinks
            });
            if (this.opts.trace) {
                const trace = this.opts.output();
                trace.write(`trace: ${Date.now() - started}ms exit ${result.exitCode}: ${command} ${args.join(' ')}\n`);
                trace.end();
            }
            return result;
        }
        finally {
            block?.end();
        }
    }
    /** stdout goes to `onBytes` as it comes (never collected or decoded); stderr is kept. */
    runStreaming(command, args, opts, onBytes) {
        const started = Date.now();
        return new Promise((resolve, reject) => {
            const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(command, [...args], {
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
            child.on('error', (e) => reject(spawnError(command, opts.cwd, e)));
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
/** A program's end after its exit when a process it started keeps its output open. */
const DRAIN_AFTER_EXIT_MS = 10_000;
/** Runs a program to its end: stdin gets `input` (or an immediate end), stdout and stderr are collected. */
function collect(command, args, opts) {
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(command, [...args], { cwd: opts.cwd, env: opts.env, stdio: ['pipe', 'pipe', 'pipe'] });
        const out = new node_string_decoder__WEBPACK_IMPORTED_MODULE_3__.StringDecoder('utf8');
        const err = new node_string_decoder__WEBPACK_IMPORTED_MODULE_3__.StringDecoder('utf8');
        let stdout = '';
        let stderr = '';
        let settled = false;
        let drain;
        const finish = (code, signal) => {
            if (settled)
                return;
            settled = true;
            if (drain)
                clearTimeout(drain);
            stdout += out.end();
            stderr += err.end();
            resolve({ exitCode: code ?? (signal ? 128 + (node_os__WEBPACK_IMPORTED_MODULE_2__.constants.signals[signal] ?? 0) : 1), stdout, stderr });
        };
        const each = (decoder, append) => (data) => {
            const text = decoder.write(data);
            if (!text)
                return;
            append(text);
            for (const sink of opts.sinks)
                sink(text);
        };
        child.stdout.on('data', each(out, t => void (stdout += t)));
        child.stderr.on('data', each(err, t => void (stderr += t)));
        child.on('error', (e) => {
            if (settled)
                return;
            settled = true;
            reject(spawnError(command, opts.cwd, e));
        });
        child.on('exit', (code, signal) => {
            drain = setTimeout(() => finish(code, signal), DRAIN_AFTER_EXIT_MS);
            drain.unref();
        });
        child.on('close', finish);
        // A program that never reads stdin may close it first; that is not its failure.
        child.stdin.on('error', () => undefined);
        child.stdin.end(opts.input ?? '');
    });
}
function spawnError(command, cwd, e) {
    if (e.code !== 'ENOENT')
        return e;
    if (cwd !== undefined && !(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(cwd))
        return new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InfrastructureError */ .EN(`cannot run \`${command}\` in ${cwd}: the directory does not exist`);
    return new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InfrastructureError */ .EN(`\`${command}\` is not installed or not on PATH (${e.message}); install it, or run scripts/testbed up`);
}
function definedOnly(env) {
    const out = {};
    for (const [k, v] of Object.entries(env))
        if (v !== undefined)
            out[k] = v;
    return out;
}


/***/ }),

/***/ 8769:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ lineBlock)
/* harmony export */ });
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


/***/ }),

/***/ 7592:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ isAttestation),
/* harmony export */   U: () => (/* binding */ plainDescriptor)
/* harmony export */ });
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


/***/ }),

/***/ 8825:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WQ: () => (/* binding */ digestProblem),
/* harmony export */   fH: () => (/* binding */ isValidDigest),
/* harmony export */   sI: () => (/* binding */ sha256Digest)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
// Content digests: every manifest and blob is named by the sha256 of its exact bytes.

const DIGEST_RE = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
function sha256Digest(bytes) {
    return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex')}`;
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


/***/ }),

/***/ 5325:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ DuplicateManifest),
/* harmony export */   X: () => (/* binding */ buildIndex)
/* harmony export */ });
/* harmony import */ var _descriptor_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7592);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8825);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9217);
// The one place imagegate writes an image index: exactly the descriptors given, in their order.



/** An OCI index over `manifests`; refuses a manifest listed twice (two platforms claiming one image). */
function buildIndex(manifests) {
    const seen = new Set();
    for (const m of manifests) {
        if (seen.has(m.digest))
            throw new DuplicateManifest(m.digest);
        seen.add(m.digest);
    }
    const bytes = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: _media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .MEDIA */ .Rn.ociIndex, manifests: manifests.map(_descriptor_js__WEBPACK_IMPORTED_MODULE_2__/* .plainDescriptor */ .U) }));
    return { bytes, mediaType: _media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .MEDIA */ .Rn.ociIndex, digest: (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .sha256Digest */ .sI)(bytes) };
}
class DuplicateManifest extends Error {
    digest;
    constructor(digest) {
        super(`the index would list the manifest ${digest} twice`);
        this.digest = digest;
        this.name = 'DuplicateManifest';
    }
}


/***/ }),

/***/ 9217:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $$: () => (/* binding */ isIndexMediaType),
/* harmony export */   Rn: () => (/* binding */ MEDIA),
/* harmony export */   dY: () => (/* binding */ MANIFEST_ACCEPT)
/* harmony export */ });
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


/***/ }),

/***/ 1890:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FL: () => (/* binding */ parsePlatform),
/* harmony export */   Ng: () => (/* binding */ platformKey),
/* harmony export */   VQ: () => (/* binding */ platformText),
/* harmony export */   ZC: () => (/* binding */ UNAME_MACHINE),
/* harmony export */   fU: () => (/* binding */ samePlatformText)
/* harmony export */ });
/* unused harmony exports formatPlatform, samePlatform */
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


/***/ }),

/***/ 2148:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $N: () => (/* binding */ explainInvalidTag),
/* harmony export */   F2: () => (/* binding */ parseReference),
/* harmony export */   FH: () => (/* binding */ formatReference),
/* harmony export */   RB: () => (/* binding */ sameRepository),
/* harmony export */   R_: () => (/* binding */ looksLikeRegistryHost),
/* harmony export */   XU: () => (/* binding */ parseRepositoryPath),
/* harmony export */   aC: () => (/* binding */ NAME_MAX_LENGTH),
/* harmony export */   iP: () => (/* binding */ sanitizeTag),
/* harmony export */   r_: () => (/* binding */ isValidTag),
/* harmony export */   wv: () => (/* binding */ isValidRegistryHost)
/* harmony export */ });
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8825);
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
        if (!(0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .isValidDigest */ .fH)(digest))
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


/***/ }),

/***/ 3653:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L5: () => (/* binding */ CredentialStore),
/* harmony export */   UQ: () => (/* binding */ environmentHostLogins),
/* harmony export */   nq: () => (/* binding */ environmentLogin),
/* harmony export */   rQ: () => (/* binding */ canonicalHost),
/* harmony export */   ut: () => (/* binding */ isHostPasswordVariable),
/* harmony export */   yA: () => (/* binding */ ENV_PASSWORD)
/* harmony export */ });
/* unused harmony export hostVariableSuffix */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4296);
/* harmony import */ var _core_text_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2020);
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
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`${set} is set but ${unset} is not; set both ${user} and ${pass}, or neither (then docker's config.json is used)`);
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
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`the "auth" of ${JSON.stringify(key)} in ${config.file} is not base64 of user:password; run \`docker login ${key}\` again, or fix or delete that entry`);
        }
        else if (entry.username || entry.password) {
            if (entry.password)
                this.remember(entry.password);
            if (!entry.username || !entry.password)
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`the entry for ${JSON.stringify(key)} in ${config.file} has a ${entry.username ? '"username" but no "password"' : '"password" but no "username"'}; give both, or run \`docker login ${key}\` again`);
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
        const missing = () => new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InfrastructureError */ .EN(`${program} is not installed or not on PATH, but ${referrer} refers to it; install ${program}, or remove that setting from the file`);
        const path = await findProgram(program, this.opts.path);
        if (!path)
            throw missing();
        const serverUrl = host === 'docker.io' ? DOCKER_HUB_KEY : host;
        let result;
        try {
            result = await this.opts.exec.run(path, ['get'], { input: serverUrl });
        }
        catch (e) {
            if (e instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InfrastructureError */ .EN)
                throw missing();
            throw e;
        }
        const output = `${result.stdout}\n${result.stderr}`;
        if (result.exitCode !== 0) {
            if (NOT_FOUND.test(output))
                return undefined;
            const last = this.mask((0,_core_text_js__WEBPACK_IMPORTED_MODULE_4__/* .lastLine */ .f)(result.stderr) || (0,_core_text_js__WEBPACK_IMPORTED_MODULE_4__/* .lastLine */ .f)(result.stdout) || '(no output)');
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InfrastructureError */ .EN(`${program} get failed for ${serverUrl} (exit ${result.exitCode}: ${last}), as ${referrer} asks; check it with \`echo ${serverUrl} | ${program} get\`, or remove that setting`);
        }
        if (!result.stdout.trim())
            return undefined;
        let answer;
        try {
            answer = JSON.parse(result.stdout);
        }
        catch {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InfrastructureError */ .EN(`${program} get printed something other than JSON for ${serverUrl}; it does not speak the docker-credential-helpers protocol, fix it or remove ${referrer}`);
        }
        if (!isObject(answer) || (answer.Secret !== undefined && typeof answer.Secret !== 'string'))
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InfrastructureError */ .EN(`${program} get answered ${serverUrl} without a string "Secret"; it does not speak the docker-credential-helpers protocol, fix it or remove ${referrer}`);
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
            ? readDockerConfig((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(this.opts.dockerConfigDir, 'config.json')).catch((e) => {
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
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`\`${text}\` is not a registry host; write it as e.g. ghcr.io or localhost:5000`);
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
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(file, 'utf8');
    }
    catch (e) {
        const code = e.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            return undefined;
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`cannot read docker's ${file} (${code ?? String(e)}); fix its permissions, or point DOCKER_CONFIG at another directory`);
    }
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (e) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`docker's ${file} is not valid JSON (${describeJsonError(e, text)}); fix it, or point DOCKER_CONFIG at another directory`);
    }
    const shape = (what) => new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`docker's ${file}: ${what}; fix it, or point DOCKER_CONFIG at another directory`);
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
    for (const dir of pathList.split(node_path__WEBPACK_IMPORTED_MODULE_2__.delimiter)) {
        if (!dir)
            continue;
        const candidate = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, name);
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.access)(candidate, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.X_OK);
            if ((await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(candidate)).isFile())
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


/***/ })

};
