// The resolved plan: which scenario runs, what each image builds, tests and writes where, and
// where every value came from. Pure: git facts and source identities are passed in.

import {explainInvalidTag, isValidTag, parseReference} from '../oci/reference.js';
import type {Diagnostic, Position} from './config/diagnostics.js';
import type {Config, ConfigSource, ImageConfig, TagRule} from './config/types.js';
import {ConfigError, UsageError} from './errors.js';
import type {SourceIdentity} from './identity.js';
import type {Fact, Inference, Scenario} from './scenario.js';
import {releaseAliasSkip} from './releases.js';
import type {RepositoryFacts} from './repository-facts.js';
import {renderTagTemplate, type GitValues, type TagScenario, type TemplateVariable} from './tags.js';
import {testsForPlatform} from './test-plan.js';
import {plannedChecks} from './image-checks.js';
import {planRunAs, type PlannedContract} from './run-as/plan.js';
import {credentialPolicy, trustRefusal, type CredentialPolicy} from './trust.js';

export interface PlannedTag {
  template: string;
  on: TagScenario[];
  source: string;
  tag?: string;
  ref?: string;
  /** True when this scenario writes the tag. */
  published: boolean;
  skipped?: string;
}

export interface ImagePlan {
  name: string;
  builder: Fact<string>;
  context: Fact<string>;
  containerfile?: Fact<string>;
  target?: Fact<string>;
  buildArgs: Fact<Record<string, string>>;
  platforms: Fact<string[]>;
  dependsOn?: Fact<string>;
  repository: Fact<string>;
  /** More repositories promote and release copy the digest and its tags to. */
  mirrors?: Fact<string[]>;
  identity: {value?: SourceIdentity; source: string; error?: string};
  tests: Fact<number>;
  /** How many test commands run on each platform (a test may be limited to some). */
  testsByPlatform: Record<string, number>;
  /** The `files` and `metadata` checks of each platform, by name; absent: none configured. */
  checks?: Record<string, string[]>;
  /** `run-as`: the image's and each service test's derived settings with their sources; absent: no run-as and no service tests. */
  contract?: PlannedContract;
  steps: string[];
  staging?: Fact<string>;
  tags: PlannedTag[];
}

export interface Plan {
  version: 1;
  config: string;
  scenario: Fact<Scenario>;
  host: Inference['host'];
  event: string;
  reason: string;
  trusted: boolean;
  /** Where this run's registry credentials may go (core/trust.ts). */
  credentials: CredentialPolicy;
  git: {sha?: Fact<string>; branch?: Fact<string>; tag?: Fact<string>; pr?: Fact<string>; date?: Fact<string>};
  /** `--image`: the images this run is limited to (their bases included). */
  selected?: Fact<string[]>;
  /** The repository's description, address and license: the OCI labels of every image built. */
  repository?: RepositoryFacts;
  images: ImagePlan[];
  /** Every registry reference this scenario writes, in order. */
  writes: string[];
  warnings: string[];
  /** Why this scenario may not run on this event (an explicit choice beyond what the event may write). */
  refusal?: string;
}

export interface PlanInputs {
  config: Config;
  source: ConfigSource;
  inference: Inference;
  /** `--scenario` flag or action input, highest precedence. */
  scenarioOverride?: Fact<Scenario>;
  /** Facts read from the local checkout, used where the CI environment says nothing. */
  localGit?: {sha?: string; branch?: string; tag?: string};
  /** `--release-version`: the version release tags are rendered from, instead of the git tag. */
  releaseVersion?: Fact<string>;
  /** The repository's release tags (git tags): `latest` and other release aliases move only for the highest release. */
  releases?: string[];
  /** This run's clock, for `{{date FORMAT}}` (default: now). */
  now?: Date;
  repository?: RepositoryFacts;
  identities: Map<string, SourceIdentity | {error: string}>;
}

function resolveScenario(
  inputs: Pick<PlanInputs, 'config' | 'source' | 'inference' | 'scenarioOverride'>
): Fact<Scenario> {
  if (inputs.scenarioOverride) return inputs.scenarioOverride;
  if (inputs.config.scenario)
    return {value: inputs.config.scenario, source: inputs.source.where('scenario') ?? 'config'};
  return inputs.inference.scenario;
}

/**
 * The plan. Every reference it names is checked after rendering, before anything acts on it: a
 * commit that is not a commit id is a UsageError, a repository or a published tag outside the
 * distribution grammar a ConfigError at the value that makes it (exit 2 either way).
 */
export function buildPlan(inputs: PlanInputs): Plan {
  const {config, source, inference} = inputs;
  const scenario = resolveScenario(inputs);
  const git = mergeGit(inference, inputs.localGit);
  if (inputs.releaseVersion) git.tag = inputs.releaseVersion;
  checkCommit(git.sha);
  const gitValues: GitValues = {};
  if (git.sha) gitValues.sha = git.sha.value;
  if (git.branch) gitValues.branch = git.branch.value;
  if (git.tag) gitValues.tag = git.tag.value;
  if (git.pr) gitValues.pr = git.pr.value;
  const now = inputs.now ?? new Date();
  gitValues.now = now;
  git.date = {value: now.toISOString(), source: 'clock of this run (UTC)'};
  const problems: Diagnostic[] = [];
  const images = buildOrder(config.images).map(image =>
    planImage(image, inputs, {
      scenario: scenario.value,
      git: gitValues,
      facts: git,
      problems,
      ...(inputs.releases ? {releases: inputs.releases} : {})
    })
  );
  if (problems.length) throw new ConfigError(source.file, problems);
  const refusal = trustRefusal(inference, scenario);
  const plan: Plan = {
    version: 1,
    config: source.file,
    scenario,
    host: inference.host,
    event: inference.event,
    reason:
      scenario.source === inference.scenario.source
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
          ...i.tags.filter(t => t.published && t.ref).map(t => t.ref!),
          ...(scenario.value === 'promote' || scenario.value === 'release'
            ? (i.mirrors?.value ?? []).flatMap(m => i.tags.filter(t => t.published && t.tag).map(t => `${m}:${t.tag!}`))
            : [])
        ]),
    warnings: planWarnings(scenario, images)
  };
  if (refusal) plan.refusal = refusal;
  if (inputs.repository) plan.repository = inputs.repository;
  const selected = source.where('images');
  if (selected?.startsWith('flag ')) plan.selected = {value: config.images.map(i => i.name), source: selected};
  return plan;
}

/** Images in an order where every image comes after the one it depends on, file order otherwise. */
export function buildOrder(images: ImageConfig[]): ImageConfig[] {
  const byName = new Map(images.map(i => [i.name, i]));
  const done = new Set<string>();
  const out: ImageConfig[] = [];
  const visit = (image: ImageConfig, depth: number): void => {
    if (done.has(image.name) || depth > images.length) return;
    const base = image.dependsOn !== undefined ? byName.get(image.dependsOn) : undefined;
    if (base) visit(base, depth + 1);
    for (const context of Object.values(image.build?.contexts ?? {}))
      if ('image' in context && byName.has(context.image)) visit(byName.get(context.image)!, depth + 1);
    done.add(image.name);
    out.push(image);
  };
  images.forEach(i => visit(i, 0));
  return out;
}

function mergeGit(inference: Inference, local: PlanInputs['localGit']): Plan['git'] {
  const out: Plan['git'] = {};
  for (const key of ['sha', 'branch', 'tag'] as const) {
    const fromCi = inference.git[key];
    const fromLocal = local?.[key];
    if (fromCi) out[key] = fromCi;
    else if (fromLocal) out[key] = {value: fromLocal, source: 'git (local checkout)'};
  }
  if (inference.git.changeNumber) out.pr = inference.git.changeNumber;
  return out;
}

/** What rendering an image's references needs, and where their problems go. */
interface Rendering {
  scenario: Scenario;
  git: GitValues;
  facts: Plan['git'];
  problems: Diagnostic[];
  /** The repository's release tags, when known. */
  releases?: string[];
}

/** A git commit id: 40 hex digits (SHA-1) or 64 (SHA-256). */
const COMMIT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i;

function checkCommit(sha: Fact<string> | undefined): void {
  if (!sha || COMMIT_ID.test(sha.value)) return;
  throw new UsageError(
    `the commit ${quoted(sha.value)} (${sha.source}) is not a commit id (40 or 64 hex digits), and tags, labels and records would be named after it; it must be the full commit id: fix what sets it`
  );
}

/** A value from the environment as a message shows it: in backticks, or as JSON when it holds control characters. */
function quoted(value: string): string {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u001f\u007f`]/.test(value) ? JSON.stringify(value) : `\`${value}\``;
}

function referenceError(text: string): string | undefined {
  const parsed = parseReference(text);
  return parsed.ok ? undefined : parsed.error;
}

/** The position of the first of `paths` the file writes, else of the image. */
function positionOf(source: ConfigSource, at: string, ...paths: string[]): Position {
  for (const path of [...paths, `${at}.name`, at]) {
    const found = source.position(path);
    if (found) return found;
  }
  return {line: 1, col: 1};
}

function planImage(image: ImageConfig, inputs: PlanInputs, rendering: Rendering): ImagePlan {
  const {config, source} = inputs;
  const {scenario, problems} = rendering;
  const at = `images[${image.index}]`;
  const from = (key: string, fallback = 'default'): string => source.where(`${at}.${key}`) ?? fallback;
  const identity = inputs.identities.get(image.name);
  const plan: ImagePlan = {
    name: image.name,
    builder: {value: image.builder.kind, source: from('builder')},
    context: {value: image.context, source: from('context')},
    buildArgs: {value: image.buildArgs, source: from('build-args')},
    platforms: {value: image.platforms, source: from('platforms')},
    repository: {
      value: image.repository,
      source: source.where(`${at}.repository`) ?? `registry (${source.where('registry') ?? 'config'}) + name`
    },
    identity:
      identity && 'key' in identity
        ? {value: identity, source: 'git tree of the context + hash of the image entry'}
        : {source: 'git', error: identity?.error ?? 'not computed'},
    tests: {value: image.test.commands.length, source: from('test', 'none configured')},
    testsByPlatform: Object.fromEntries(image.platforms.map(p => [p, testsForPlatform(image, p).length])),
    steps: [],
    tags: []
  };
  const checks = Object.fromEntries(
    image.platforms.map(p => [p, plannedChecks(image.test.files, image.test.metadata, p)])
  );
  if (Object.values(checks).some(c => c.length)) plan.checks = checks;
  const contract = planRunAs(image, source);
  if (contract.image || contract.services.length) plan.contract = contract;
  if (image.builder.kind === 'dockerfile')
    plan.containerfile = {value: image.containerfile, source: from('containerfile')};
  if (image.target !== undefined) plan.target = {value: image.target, source: from('target')};
  if (image.dependsOn !== undefined) plan.dependsOn = {value: image.dependsOn, source: from('depends-on')};
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
  plan.tags = image.tags.map((rule, i) =>
    planTag(rule, source.where(`${at}.tags[${i}]`) ?? 'default', publishedIn(image, config), rendering, message =>
      problems.push({...positionOf(source, at, `${at}.tags[${i}]`, `${at}.tags`), message})
    )
  );
  plan.steps = steps(plan, scenario);
  return plan;
}

function stagingRef(image: ImageConfig, config: Config, source: ConfigSource, key: string): Fact<string> {
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
function planTag(
  rule: TagRule,
  where: string,
  target: TagTarget,
  {scenario, git, facts, releases}: Rendering,
  report: (problem: string) => void
): PlannedTag {
  const rendered = renderTagTemplate(rule.template, git);
  const planned: PlannedTag = {template: rule.template.source, on: rule.on, source: where, published: false};
  if (!rendered.ok) {
    planned.skipped = rendered.skipped;
    return planned;
  }
  const published = (rule.on as string[]).includes(scenario);
  if (published && scenario === 'release' && git.tag !== undefined) {
    const skipped = releaseAliasSkip(rule.template, git.tag, releases);
    if (skipped) return {...planned, skipped};
  }
  const tag = flavored(rendered.tag, rule.template.source, target.flavor);
  // gate writes its tags where it stages (the final repository, or the intermediate registry).
  const ref = `${scenario === 'gate' ? target.staging : target.final}:${tag}`;
  const invalid = isValidTag(tag) ? referenceError(ref) : explainInvalidTag(tag);
  if (invalid === undefined) return {...planned, tag, ref, published};
  if (published) {
    const values = [...new Set(rule.template.variables)].map(
      v => `\`{{${v}}}\` from ${facts[FACT_OF[v]]?.source ?? 'git'}`
    );
    const fix =
      tag.length > 128
        ? 'shorten the template (e.g. `{{short_sha}}` instead of `{{sha}}`)'
        : 'fix the value where it comes from, or the template';
    const from = values.length ? ` (${values.join(', ')})` : '';
    report(`tag \`${rule.template.source}\` renders to ${quoted(tag)}${from}: ${invalid}; ${fix}`);
  }
  return {...planned, skipped: `renders to an invalid tag: ${invalid}`};
}

/** Where an image's tags go: its final repository, and for gate its staging repository; with its flavor. */
interface TagTarget {
  final: string;
  staging: string;
  flavor?: ImageConfig['flavor'];
}

function publishedIn(image: ImageConfig, config: Config): TagTarget {
  const staging = config.staging.kind === 'registry' ? `${config.staging.registry}/${image.name}` : image.repository;
  return {final: image.repository, staging, ...(image.flavor ? {flavor: image.flavor} : {})};
}

/** `flavor`: the prefix and suffix of every tag (of `latest` only with `on-latest`), as metadata-action's flavor. */
function flavored(tag: string, template: string, flavor: ImageConfig['flavor']): string {
  if (!flavor || (template === 'latest' && !flavor.onLatest)) return tag;
  return `${flavor.prefix}${tag}${flavor.suffix}`;
}

/** The git fact each template variable is made of. */
const FACT_OF: Record<TemplateVariable, keyof Plan['git']> = {
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

function steps(plan: ImagePlan, scenario: Scenario): string[] {
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
function testStep(byPlatform: Record<string, number>): string {
  const counts = Object.entries(byPlatform);
  if (new Set(counts.map(([, n]) => n)).size === 1)
    return `test ${counts[0]![1]} command(s) on each of ${counts.map(([p]) => p).join(', ')}`;
  return `test ${counts.map(([p, n]) => `${n} command(s) on ${p}`).join(', ')}`;
}

function checkStep(byPlatform: Record<string, string[]>): string {
  const counts = Object.entries(byPlatform).map(([p, names]) => [p, names.length] as const);
  if (new Set(counts.map(([, n]) => n)).size === 1)
    return `check files and metadata (${counts[0]![1]} check(s)) on each of ${counts.map(([p]) => p).join(', ')}`;
  return `check files and metadata: ${counts.map(([p, n]) => `${n} check(s) on ${p}`).join(', ')}`;
}

function planWarnings(scenario: Fact<Scenario>, images: ImagePlan[]): string[] {
  const warnings: string[] = [];
  for (const image of images) {
    if (image.identity.error && scenario.value !== 'check')
      warnings.push(`${image.name}: no source identity (${image.identity.error}); ${scenario.value} needs it`);
    if (image.identity.value?.dirty && scenario.value !== 'check')
      warnings.push(`${image.name}: the build context has uncommitted changes`);
  }
  return warnings;
}
