// Which scenario a CI run gets, inferred from the host's environment and event payload alone.
// Trust is decided here too: a run that may execute code from outside the repository, or that
// runs without the repository's write credentials, gets `check` and may not write to any registry.
// Every value says where it came from, so a surprising decision can be traced to one variable.

export type Scenario = 'check' | 'gate' | 'promote' | 'release';
export const SCENARIOS: readonly Scenario[] = ['check', 'gate', 'promote', 'release'];
export type CiHost = 'github' | 'gitlab' | 'local';

export interface GitFacts {
  sha?: string;
  ref?: string;
  branch?: string;
  tag?: string;
  defaultBranch?: string;
  changeNumber?: string;
  /** The branch a pull/merge request or merge queue group merges into. */
  baseBranch?: string;
}

export interface Fact<T> {
  value: T;
  source: string;
}

export type Bot = 'dependabot' | 'renovate';

export interface Inference {
  host: CiHost;
  event: string;
  scenario: Fact<Scenario>;
  reason: string;
  trusted: boolean;
  fork: boolean;
  bot?: Bot;
  /** pull_request_target with the pull request's head (not the base tip) in the working tree. */
  headCheckedOut?: boolean;
  git: {[K in keyof GitFacts]?: Fact<string>};
}

type Env = Readonly<Record<string, string | undefined>>;
type Payload = Readonly<Record<string, unknown>>;
type Git = Inference['git'];

interface Decision {
  scenario: Scenario;
  decidedBy: string[];
  reason: string;
  trusted: boolean;
  fork?: boolean;
  bot?: Bot;
}

const EFFECT: Record<Scenario, string> = {
  check: 'check (build and test, no registry writes)',
  gate: 'gate (build, test, then push the tested bytes to staging)',
  promote: 'promote (copy the staged image to its final tags, no rebuild)',
  release: 'release (publish the version tags)'
};

export function parseScenario(text: string): Scenario | undefined {
  return (SCENARIOS as readonly string[]).includes(text) ? (text as Scenario) : undefined;
}

export function inferScenario(env: Env, event?: unknown): Inference {
  if (env.GITHUB_ACTIONS === 'true') return inferGitHub(env, asPayload(event));
  if (env.GITLAB_CI === 'true') return inferGitLab(env);
  return {
    host: 'local',
    event: 'local',
    scenario: {value: 'check', source: 'default'},
    reason: `not running in GitHub Actions or GitLab CI: local runs default to ${EFFECT.check}`,
    trusted: true,
    fork: false,
    git: {}
  };
}

function finish(host: CiHost, event: string, decision: Decision, git: Git): Inference {
  const {scenario, decidedBy, reason, trusted, fork = false, bot} = decision;
  const inference: Inference = {
    host,
    event,
    scenario: {value: scenario, source: decidedBy.join(', ')},
    reason,
    trusted,
    fork,
    git
  };
  if (bot) inference.bot = bot;
  return inference;
}

// ---------------------------------------------------------------- reading env and payload

function asPayload(event: unknown): Payload | undefined {
  return typeof event === 'object' && event !== null && !Array.isArray(event) ? (event as Payload) : undefined;
}

function lookup(payload: Payload | undefined, path: string): unknown {
  let node: unknown = payload;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function fromEvent(payload: Payload | undefined, path: string): Fact<string> | undefined {
  const value = lookup(payload, path);
  if (typeof value === 'number') return {value: String(value), source: `event ${path}`};
  return typeof value === 'string' && value !== '' ? {value, source: `event ${path}`} : undefined;
}

// Hosts set some variables to '' when they do not apply (GITHUB_HEAD_REF outside pull requests).
function fromEnv(env: Env, name: string): Fact<string> | undefined {
  const value = env[name];
  return value ? {value, source: `env ${name}`} : undefined;
}

function firstOf<T>(...facts: (Fact<T> | undefined)[]): Fact<T> | undefined {
  return facts.find(fact => fact !== undefined);
}

function mapFact<T>(fact: Fact<string> | undefined, map: (value: string) => T | undefined): Fact<T> | undefined {
  const value = fact === undefined ? undefined : map(fact.value);
  return fact === undefined || value === undefined ? undefined : {value, source: fact.source};
}

function explained(fact: Fact<string> | undefined, why: string): Fact<string> | undefined {
  return fact && {value: fact.value, source: `${fact.source} (${why})`};
}

function stripPrefix(prefix: string): (value: string) => string | undefined {
  return value => (value.startsWith(prefix) && value.length > prefix.length ? value.slice(prefix.length) : undefined);
}

function compact(git: Record<keyof GitFacts, Fact<string> | undefined>): Git {
  return Object.fromEntries(Object.entries(git).filter(([, fact]) => fact !== undefined)) as Git;
}

// ---------------------------------------------------------------- GitHub Actions

const GITHUB_BOTS: Record<string, Bot> = {'dependabot[bot]': 'dependabot', 'renovate[bot]': 'renovate'};

function inferGitHub(env: Env, payload: Payload | undefined): Inference {
  const event = env.GITHUB_EVENT_NAME || 'unknown';
  return finish('github', event, decideGitHub(event, env, payload), gitHubGit(event, env, payload));
}

function decideGitHub(event: string, env: Env, payload: Payload | undefined): Decision {
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

interface PullRequestOrigin {
  number?: Fact<string>;
  base?: Fact<string>;
  head: HeadRepository;
  bot?: Fact<Bot>;
}

type HeadRepository =
  | {kind: 'unknown'; decidedBy: string[]}
  | {kind: 'same'; decidedBy: string[]}
  | {kind: 'fork'; name: string; decidedBy: string[]};

function pullRequestOrigin(env: Env, payload: Payload | undefined): PullRequestOrigin {
  const base = firstOf(fromEvent(payload, 'pull_request.base.repo.full_name'), fromEnv(env, 'GITHUB_REPOSITORY'));
  return {
    number: pullRequestNumber(env, payload),
    base,
    head: headRepository(payload, base),
    bot: gitHubBot(env, payload)
  };
}

function headRepository(payload: Payload | undefined, base: Fact<string> | undefined): HeadRepository {
  const path = 'pull_request.head.repo';
  if (lookup(payload, 'pull_request.head') !== undefined && lookup(payload, path) === null) {
    return {kind: 'fork', name: 'a deleted fork', decidedBy: [`event ${path}`]};
  }
  const head = fromEvent(payload, `${path}.full_name`);
  if (!head || !base) return {kind: 'unknown', decidedBy: [`event ${path}.full_name`]};
  const decidedBy = [head.source, base.source];
  return head.value === base.value ? {kind: 'same', decidedBy} : {kind: 'fork', name: `fork ${head.value}`, decidedBy};
}

// Dependabot is looked for in both places before Renovate: mistaking it for anything else would
// hand a read-only, secret-less run a scenario that needs to push.
function gitHubBot(env: Env, payload: Payload | undefined): Fact<Bot> | undefined {
  const logins = [fromEvent(payload, 'pull_request.user.login'), fromEnv(env, 'GITHUB_ACTOR')];
  for (const bot of ['dependabot', 'renovate'] as const) {
    const login = logins.find(fact => fact && GITHUB_BOTS[fact.value] === bot);
    if (login) return {value: bot, source: login.source};
  }
  return undefined;
}

function describePullRequest(origin: PullRequestOrigin): string {
  return `pull request${origin.number ? ` #${origin.number.value}` : ''}`;
}

function decidePullRequest(env: Env, payload: Payload | undefined): Decision {
  const origin = pullRequestOrigin(env, payload);
  const {head} = origin;
  const pr = describePullRequest(origin);
  const bot = origin.bot?.value;
  const decidedBy = ['env GITHUB_EVENT_NAME', ...head.decidedBy];
  if (head.kind === 'unknown') {
    const reason = `${pr}: the event payload does not say which repository its head is in, so it may be a fork and gets ${EFFECT.check}`;
    return {scenario: 'check', decidedBy, reason, trusted: false, bot};
  }
  const base = origin.base?.value ?? 'this repository';
  if (head.kind === 'fork') {
    const reason = `${pr} from ${head.name} into ${base}: forks get ${EFFECT.check}`;
    return {scenario: 'check', decidedBy, reason, trusted: false, fork: true, bot};
  }
  if (origin.bot?.value === 'dependabot') {
    const reason = `${pr} by dependabot[bot]: Dependabot runs get a read-only token and no secrets, so ${EFFECT.check}`;
    return {scenario: 'check', decidedBy: [...decidedBy, origin.bot.source], reason, trusted: false, bot};
  }
  const by = bot ? ` by ${bot}[bot]` : '';
  const branch = firstOf(fromEnv(env, 'GITHUB_HEAD_REF'), fromEvent(payload, 'pull_request.head.ref'));
  const reason = `${pr}${by} from branch ${branch?.value ?? '(unknown)'} within ${base}: same-repository pull requests get ${EFFECT.gate}`;
  return {scenario: 'gate', decidedBy, reason, trusted: true, bot};
}

function decidePullRequestTarget(env: Env, payload: Payload | undefined): Decision {
  const origin = pullRequestOrigin(env, payload);
  const fork = origin.head.kind === 'fork' ? origin.head.name : undefined;
  const reason =
    `pull_request_target run for ${describePullRequest(origin)}${fork ? ` from ${fork}` : ''} has the base repository's secrets and write token: ` +
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

function decideMergeGroup(env: Env, payload: Payload | undefined): Decision {
  const base = mapFact(fromEvent(payload, 'merge_group.base_ref'), stripPrefix('refs/heads/'));
  const head = mapFact(
    firstOf(fromEvent(payload, 'merge_group.head_ref'), fromEnv(env, 'GITHUB_REF')),
    stripPrefix('refs/heads/')
  );
  const reason =
    `merge queue group ${head?.value ?? '(unknown branch)'} into ${base?.value ?? 'the base branch'}: ` +
    `the tested tree is the tree that will be merged, so it gets ${EFFECT.gate}`;
  return {scenario: 'gate', decidedBy: ['env GITHUB_EVENT_NAME'], reason, trusted: true};
}

function decideRefRun(event: 'push' | 'workflow_dispatch', env: Env, payload: Payload | undefined): Decision {
  const run = event === 'push' ? 'push to' : 'manual run (workflow_dispatch) on';
  const decidedBy = ['env GITHUB_EVENT_NAME', 'env GITHUB_REF'];
  const ref = gitHubRef(env);
  if (event === 'push' && lookup(payload, 'deleted') === true) {
    const reason = `push deletes ${ref.ref?.value ?? 'a ref'}: nothing new to publish, so it gets ${EFFECT.check}`;
    return {scenario: 'check', decidedBy: [...decidedBy, 'event deleted'], reason, trusted: true};
  }
  if (ref.tag)
    return {scenario: 'release', decidedBy, reason: `${run} tag ${ref.tag.value}: ${EFFECT.release}`, trusted: true};
  if (!ref.branch) {
    const reason = `${run} ${ref.ref?.value ?? 'an unknown ref'}, which is neither a branch nor a tag: ${EFFECT.check}`;
    return {scenario: 'check', decidedBy, reason, trusted: true};
  }
  const defaultBranch = fromEvent(payload, 'repository.default_branch');
  const unknownDefault = 'the event payload has no repository.default_branch';
  return decideBranchRun({run, branch: ref.branch, defaultBranch, unknownDefault, decidedBy});
}

interface BranchRun {
  /** How the run reads before "branch X", e.g. "push to". */
  run: string;
  branch: Fact<string>;
  defaultBranch?: Fact<string>;
  /** Why the default branch may be unknown, for the reason. */
  unknownDefault: string;
  decidedBy: string[];
}

function decideBranchRun({run, branch, defaultBranch, unknownDefault, decidedBy}: BranchRun): Decision {
  if (!defaultBranch) {
    const reason = `${run} branch ${branch.value}, but the default branch is unknown (${unknownDefault}): ${EFFECT.check}`;
    return {scenario: 'check', decidedBy, reason, trusted: true};
  }
  const withDefault = [...decidedBy, defaultBranch.source];
  if (branch.value === defaultBranch.value) {
    const reason = `${run} branch ${branch.value}, the default branch: ${EFFECT.promote}`;
    return {scenario: 'promote', decidedBy: withDefault, reason, trusted: true};
  }
  const reason = `${run} branch ${branch.value}, not the default branch ${defaultBranch.value}: only the default branch promotes, so ${EFFECT.check}`;
  return {scenario: 'check', decidedBy: withDefault, reason, trusted: true};
}

function decideSchedule(env: Env): Decision {
  const on = gitHubRef(env).branch?.value;
  const reason = `scheduled run${on ? ` on branch ${on}` : ''}: scheduled runs get ${EFFECT.check}`;
  return {scenario: 'check', decidedBy: ['env GITHUB_EVENT_NAME'], reason, trusted: true};
}

function decideRelease(payload: Payload | undefined): Decision {
  const action = fromEvent(payload, 'action');
  const tag = fromEvent(payload, 'release.tag_name');
  const decidedBy = ['env GITHUB_EVENT_NAME', 'event action'];
  if (!action || !tag) {
    const reason = `release event without a readable payload: whether a release was published is unknown, so it gets ${EFFECT.check}`;
    return {scenario: 'check', decidedBy, reason, trusted: true};
  }
  if (action.value !== 'published') {
    const reason = `release ${tag.value} was ${action.value}, not published: ${EFFECT.check}`;
    return {scenario: 'check', decidedBy, reason, trusted: true};
  }
  return {
    scenario: 'release',
    decidedBy: [...decidedBy, tag.source],
    reason: `release ${tag.value} published: ${EFFECT.release}`,
    trusted: true
  };
}

function decideUnknownGitHubEvent(env: Env): Decision {
  const event = env.GITHUB_EVENT_NAME;
  const what = event ? `event ${event} is not one imagegate publishes from` : 'GITHUB_EVENT_NAME is not set';
  return {
    scenario: 'check',
    decidedBy: ['env GITHUB_EVENT_NAME'],
    reason: `${what}: it gets ${EFFECT.check}`,
    trusted: false
  };
}

function gitHubRef(env: Env): {ref?: Fact<string>; branch?: Fact<string>; tag?: Fact<string>} {
  const ref = fromEnv(env, 'GITHUB_REF');
  if (ref) return {ref, branch: mapFact(ref, stripPrefix('refs/heads/')), tag: mapFact(ref, stripPrefix('refs/tags/'))};
  const name = fromEnv(env, 'GITHUB_REF_NAME');
  const type = env.GITHUB_REF_TYPE;
  return {branch: type === 'branch' ? name : undefined, tag: type === 'tag' ? name : undefined};
}

function gitHubGit(event: string, env: Env, payload: Payload | undefined): Git {
  const {ref, branch, tag} = gitHubRef(env);
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
    return compact({...common, ...pullRequestGit(event, env, payload)});
  if (event === 'merge_group') return compact({...common, ...mergeGroupGit(payload)});
  if (event === 'release') return compact({...common, tag: firstOf(fromEvent(payload, 'release.tag_name'), tag)});
  return compact(common);
}

function pullRequestNumber(env: Env, payload: Payload | undefined): Fact<string> | undefined {
  const fromMergeRef = mapFact(fromEnv(env, 'GITHUB_REF'), ref => /^refs\/pull\/(\d+)\/merge$/.exec(ref)?.[1]);
  return firstOf(fromEvent(payload, 'pull_request.number'), fromEvent(payload, 'number'), fromMergeRef);
}

function pullRequestGit(event: string, env: Env, payload: Payload | undefined) {
  const otherSha = event === 'pull_request' ? 'the test merge commit' : 'the base branch tip';
  const headSha = explained(
    fromEvent(payload, 'pull_request.head.sha'),
    `the pull request head; GITHUB_SHA is ${otherSha}`
  );
  const fallbackSha = explained(fromEnv(env, 'GITHUB_SHA'), `${otherSha}; the payload has no pull_request.head.sha`);
  return {
    sha: firstOf(headSha, fallbackSha),
    branch: firstOf(fromEnv(env, 'GITHUB_HEAD_REF'), fromEvent(payload, 'pull_request.head.ref')),
    tag: undefined,
    baseBranch: firstOf(fromEnv(env, 'GITHUB_BASE_REF'), fromEvent(payload, 'pull_request.base.ref')),
    changeNumber: pullRequestNumber(env, payload)
  };
}

function mergeGroupGit(payload: Payload | undefined) {
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
const GITLAB_MR_PIPELINES: Record<string, string> = {
  detached: 'detached pipeline',
  merged_result: 'merged results pipeline',
  merge_train: 'merge train'
};

function inferGitLab(env: Env): Inference {
  const source = env.CI_PIPELINE_SOURCE || 'unknown';
  const mrType = env.CI_MERGE_REQUEST_EVENT_TYPE;
  const event = source === 'merge_request_event' && mrType ? `${source}/${mrType}` : source;
  return finish('gitlab', event, decideGitLab(source, env), gitLabGit(env));
}

function decideGitLab(source: string, env: Env): Decision {
  const decidedBy = ['env CI_PIPELINE_SOURCE'];
  if (source === 'merge_request_event') return decideMergeRequest(env);
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
    return {scenario: 'check', decidedBy, reason: `${what}: it gets ${EFFECT.check}`, trusted: false};
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
    return {scenario: 'check', decidedBy, reason, trusted: true};
  }
  return decideBranchRun({
    run: `${source} pipeline on`,
    branch,
    defaultBranch: fromEnv(env, 'CI_DEFAULT_BRANCH'),
    unknownDefault: 'CI_DEFAULT_BRANCH is not set',
    decidedBy: [...decidedBy, branch.source]
  });
}

function decideMergeRequest(env: Env): Decision {
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
    return {scenario: 'gate', decidedBy, reason, trusted: true, fork, bot};
  }
  const byProject = [...decidedBy, ...origin.decidedBy];
  if (origin.kind === 'unknown') {
    const reason = `${mr}: the source project is unknown, so it may be a fork and gets ${EFFECT.check}`;
    return {scenario: 'check', decidedBy: byProject, reason, trusted: false, bot};
  }
  if (origin.kind === 'fork') {
    const reason = `${mr} from fork ${origin.name} into ${origin.target}: forks get ${EFFECT.check}`;
    return {scenario: 'check', decidedBy: byProject, reason, trusted: false, fork, bot};
  }
  const branch = env.CI_MERGE_REQUEST_SOURCE_BRANCH_NAME || '(unknown)';
  const by = bot ? ` by ${env.GITLAB_USER_LOGIN}` : '';
  const reason = `${mr}${by} from branch ${branch} within ${origin.target}: same-project merge requests get ${EFFECT.gate}`;
  return {scenario: 'gate', decidedBy: byProject, reason, trusted: true, bot};
}

type MergeRequestOrigin =
  | {kind: 'unknown'; decidedBy: string[]}
  | {kind: 'same'; target: string; decidedBy: string[]}
  | {kind: 'fork'; name: string; target: string; decidedBy: string[]};

// A fork's merge request may run in the parent project (CI_PROJECT_ID is the parent's) or in the
// fork itself (CI_PROJECT_ID is the fork's, only CI_MERGE_REQUEST_PROJECT_ID names the parent).
function mergeRequestOrigin(env: Env): MergeRequestOrigin {
  const source = fromEnv(env, 'CI_MERGE_REQUEST_SOURCE_PROJECT_ID');
  const projects = [fromEnv(env, 'CI_PROJECT_ID'), fromEnv(env, 'CI_MERGE_REQUEST_PROJECT_ID')].filter(
    (fact): fact is Fact<string> => fact !== undefined
  );
  const decidedBy = [source?.source ?? 'env CI_MERGE_REQUEST_SOURCE_PROJECT_ID', ...projects.map(p => p.source)];
  if (!source || projects.length === 0) return {kind: 'unknown', decidedBy};
  const target = env.CI_MERGE_REQUEST_PROJECT_PATH || env.CI_PROJECT_PATH || `project ${projects[0]?.value}`;
  if (projects.every(project => project.value === source.value)) return {kind: 'same', target, decidedBy};
  const name = env.CI_MERGE_REQUEST_SOURCE_PROJECT_PATH || `project ${source.value}`;
  return {kind: 'fork', name, target, decidedBy};
}

// GitLab has no [bot] suffix convention; self-hosted Renovate and dependabot-gitlab run as ordinary users.
function gitLabBot(env: Env): Bot | undefined {
  const login = env.GITLAB_USER_LOGIN?.toLowerCase() ?? '';
  const match = /^(renovate|dependabot)(?:[-_]?bot)?$/.exec(login);
  return match?.[1] as Bot | undefined;
}

function gitLabGit(env: Env): Git {
  const tag = fromEnv(env, 'CI_COMMIT_TAG');
  const commitBranch = fromEnv(env, 'CI_COMMIT_BRANCH');
  const refOf = (prefix: string) => (name: string) => `${prefix}${name}`;
  return compact({
    sha: gitLabSha(env),
    ref: firstOf(
      fromEnv(env, 'CI_MERGE_REQUEST_REF_PATH'),
      mapFact(tag, refOf('refs/tags/')),
      mapFact(commitBranch, refOf('refs/heads/')),
      fromEnv(env, 'CI_COMMIT_REF_NAME')
    ),
    branch: firstOf(fromEnv(env, 'CI_MERGE_REQUEST_SOURCE_BRANCH_NAME'), commitBranch),
    tag,
    defaultBranch: fromEnv(env, 'CI_DEFAULT_BRANCH'),
    changeNumber: fromEnv(env, 'CI_MERGE_REQUEST_IID'),
    baseBranch: fromEnv(env, 'CI_MERGE_REQUEST_TARGET_BRANCH_NAME')
  });
}

// Same choice as GitHub pull requests: name the request's head, not the host's merged-result commit.
// A merge train's commit is the one that lands on the target branch, so it keeps CI_COMMIT_SHA.
function gitLabSha(env: Env): Fact<string> | undefined {
  if (env.CI_MERGE_REQUEST_EVENT_TYPE === 'merged_result') {
    const head = fromEnv(env, 'CI_MERGE_REQUEST_SOURCE_BRANCH_SHA');
    if (head) return explained(head, 'the merge request head; CI_COMMIT_SHA is the merged-result commit');
  }
  return fromEnv(env, 'CI_COMMIT_SHA');
}
