// Command-line arguments → a run request. Pure: errors are UsageErrors (exit 2) naming the fix.

import {COMMANDS, DEFAULT_PARALLEL, type Command, type RunRequest, type Unrecorded} from '../app/request.js';
import {UsageError} from '../core/errors.js';
import {parseScenario, SCENARIOS, type Fact, type Scenario} from '../core/scenario.js';
import {closest} from '../core/suggest.js';
import {parseDuration} from '../core/config/formats.js';
import {checkReleaseVersion, type Overrides} from '../core/config/overrides.js';

export const VERBS = COMMANDS;
export type Verb = Command;

export interface CliArgs {
  verb: Verb | 'help' | 'version' | 'schema';
  config?: string;
  scenario?: Scenario;
  json: boolean;
  /** `schema --markdown`: the configuration reference of docs/configuration.md instead of the JSON Schema. */
  markdown?: boolean;
  /** How many independent images build and test at once. */
  parallel?: number;
  /** Write JUnit XML of the in-image tests here. */
  junit?: string;
  /** Write the outputs (scenario, digests, tags, refs) here as a dotenv file. */
  dotenv?: string;
  /** Write failed tests and configuration errors here as a GitLab code quality report. */
  codeQuality?: string;
  /** `verify REF`: the reference to check; `doctor REF`: production's builder tag. */
  target?: string;
  /** `cleanup --older-than 24h`, in milliseconds. */
  olderThanMs?: number;
  /** `cleanup --unrecorded created`: how a staging tag without a staging record is judged. */
  unrecorded?: Unrecorded;
  /** `gate --platform linux/arm64`: one platform of a split (per-runner) build. */
  platform?: string;
  /** Where `gate --platform` writes its record and `merge` reads them. */
  records?: string;
  /** A buildx builder to build with (`docker buildx build --builder`). */
  builder?: string;
  /** `setup --tools cosign,pack`. */
  tools?: string;
  /** `--registry`, `--image`, `--platforms`, `--release-version`. */
  overrides?: Overrides;
}

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
] as const;
const BOOLEAN_FLAGS = ['--json', '--help', '--version', '--markdown'] as const;
const SHORT: Record<string, string> = {'-c': '--config', '-h': '--help', '-V': '--version'};

export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = {verb: 'help', json: false};
  let verb: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i]!;
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
    if ((FLAGS_WITH_VALUE as readonly string[]).includes(flag)) {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith('--')))
        throw new UsageError(`${flag} needs a value, e.g. ${example(flag)}`);
      if (flag === '--config') args.config = value;
      else if (flag === '--scenario') args.scenario = scenarioValue(value);
      else if (flag === '--parallel') args.parallel = positiveInteger(flag, value);
      else if (flag === '--older-than') args.olderThanMs = duration(flag, value);
      else if (flag === '--unrecorded') args.unrecorded = unrecordedValue(value);
      else if (flag === '--platform') args.platform = value;
      else if (flag === '--records') args.records = value;
      else if (flag === '--builder') args.builder = value;
      else if (flag === '--dotenv') args.dotenv = value;
      else if (flag === '--tools') args.tools = value;
      else if (flag === '--code-quality') args.codeQuality = value;
      else if (OVERRIDE_FLAGS.includes(flag)) args.overrides = override(args.overrides, flag, value);
      else args.junit = value;
      continue;
    }
    if ((BOOLEAN_FLAGS as readonly string[]).includes(flag)) {
      if (inline !== undefined) throw new UsageError(`${flag} takes no value`);
      if (flag === '--json') args.json = true;
      if (flag === '--markdown') args.markdown = true;
      if (flag === '--help') return {...args, verb: 'help'};
      if (flag === '--version' && verb !== undefined && argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('-'))
        throw new UsageError(
          `--version prints imagegate's version; the version a release writes is \`--release-version ${argv[i + 1]}\``
        );
      if (flag === '--version') return {...args, verb: 'version'};
      continue;
    }
    const guess = closest(
      flag.replace(/^-+/, ''),
      [...FLAGS_WITH_VALUE, ...BOOLEAN_FLAGS].map(f => f.slice(2))
    );
    throw new UsageError(
      `unknown option \`${flagText}\`${guess ? `, did you mean \`--${guess}\`?` : '; see `imagegate --help`'}`
    );
  }
  if (verb === undefined || verb === 'help') return {...args, verb: 'help'};
  if (verb === 'schema') return {...args, verb: 'schema'};
  if (!(VERBS as readonly string[]).includes(verb)) {
    const guess = closest(verb, VERBS);
    throw new UsageError(
      `unknown command \`${verb}\`${guess ? `, did you mean \`${guess}\`?` : ''}; commands: ${VERBS.join(', ')}`
    );
  }
  args.verb = verb as Verb;
  if (args.platform !== undefined && !['check', 'gate', 'run', 'plan'].includes(verb))
    throw new UsageError(`--platform is for check, gate and run (one platform of a split build), not \`${verb}\``);
  if (args.platform?.includes(','))
    throw new UsageError(
      `--platform builds one platform of a split build; to build and test several, write \`--platforms ${args.platform}\``
    );
  if (args.overrides && !PLANNED_VERBS.includes(verb))
    throw new UsageError(`--registry, --image, --platforms and --release-version change a plan; \`${verb}\` has none`);
  if (verb === 'verify' && args.target === undefined) {
    throw new UsageError('`imagegate verify` needs a reference, e.g. `imagegate verify ghcr.io/acme/web:latest`');
  }
  if (verb === 'doctor' && args.target === undefined) {
    throw new UsageError(
      '`imagegate doctor` needs the builder reference production uses, e.g. `imagegate doctor docker.io/heroku/builder:24`'
    );
  }
  return args;
}

/** The run request of parsed arguments (`help`, `version` and `schema` are the CLI's own). */
export function toRequest(args: CliArgs & {verb: Verb}, cwd: string): RunRequest {
  const scenario = scenarioOf(args, args.verb);
  return {
    command: args.verb,
    cwd,
    parallel: args.parallel ?? DEFAULT_PARALLEL,
    ...(args.config !== undefined ? {config: args.config} : {}),
    ...(scenario ? {scenario} : {}),
    ...(args.junit !== undefined ? {junit: args.junit} : {}),
    ...(args.platform !== undefined ? {platform: args.platform} : {}),
    ...(args.records !== undefined ? {records: args.records} : {}),
    ...(args.builder !== undefined ? {builder: args.builder} : {}),
    ...(args.target !== undefined ? {target: args.target} : {}),
    ...(args.olderThanMs !== undefined ? {olderThanMs: args.olderThanMs} : {}),
    ...(args.unrecorded !== undefined ? {unrecorded: args.unrecorded} : {}),
    ...(args.tools !== undefined ? {tools: args.tools} : {}),
    ...(args.overrides ? {overrides: args.overrides} : {})
  };
}

const OVERRIDE_FLAGS: readonly string[] = ['--registry', '--image', '--platforms', '--release-version'];
const PLANNED_VERBS: readonly string[] = ['plan', 'run', 'check', 'gate', 'merge', 'promote', 'release'];

/** The overrides with one more flag: `--image` adds (repeatable, or a comma list), the others are given once. */
function override(current: Overrides | undefined, flag: string, value: string): Overrides {
  const out: Overrides = {...current};
  const list = value.split(',').map(v => v.trim());
  if (flag !== '--image' && flag !== '--platforms' && out[OVERRIDE_KEY[flag]!] !== undefined)
    throw new UsageError(`${flag} is given twice; give it once`);
  if (list.some(v => !v)) throw new UsageError(`${flag} ${value}: an empty name in the list`);
  if (flag === '--registry') out.registry = value;
  else if (flag === '--image') out.images = [...new Set([...(out.images ?? []), ...list])];
  else if (flag === '--platforms') out.platforms = [...new Set([...(out.platforms ?? []), ...list])];
  else out.releaseVersion = checkReleaseVersion(value);
  return out;
}

const OVERRIDE_KEY: Record<string, keyof Overrides> = {
  '--registry': 'registry',
  '--image': 'images',
  '--platforms': 'platforms',
  '--release-version': 'releaseVersion'
};

/** `check`, `gate`, `promote` and `release` name their scenario; `plan` and `run` take the flag or infer it. */
function scenarioOf(args: CliArgs, verb: Verb): Fact<Scenario> | undefined {
  if (verb === 'merge') {
    if (args.scenario) throw new UsageError('`imagegate merge` writes staging like gate; it takes no --scenario');
    return undefined;
  }
  const fromVerb = verb === 'check' || verb === 'gate' || verb === 'promote' || verb === 'release' ? verb : undefined;
  if (fromVerb && args.scenario && args.scenario !== fromVerb) {
    throw new UsageError(
      `\`imagegate ${verb}\` runs the ${verb} scenario; drop \`--scenario ${args.scenario}\` or use \`imagegate run --scenario ${args.scenario}\``
    );
  }
  if (fromVerb) return {value: fromVerb, source: `command \`imagegate ${verb}\``};
  return args.scenario ? {value: args.scenario, source: '--scenario'} : undefined;
}

function splitInline(raw: string): [string, string | undefined] {
  const eq = raw.indexOf('=');
  return eq > 0 ? [raw.slice(0, eq), raw.slice(eq + 1)] : [raw, undefined];
}

function scenarioValue(value: string): Scenario {
  const scenario = parseScenario(value);
  if (scenario) return scenario;
  const guess = closest(value, SCENARIOS);
  throw new UsageError(
    `unknown scenario \`${value}\`${guess ? `, did you mean \`${guess}\`?` : ''}; scenarios: ${SCENARIOS.join(', ')}`
  );
}

function duration(flag: string, value: string): number {
  const ms = parseDuration(value);
  if (ms === undefined) throw new UsageError(`${flag} takes a duration such as \`24h\` or \`90m\`, not \`${value}\``);
  return ms;
}

function unrecordedValue(value: string): Unrecorded {
  if (value === 'keep' || value === 'created') return value;
  throw new UsageError(
    `--unrecorded takes \`keep\` (a staging tag without a staging record is never removed) or \`created\` (judged by its image's created time, unless that is a reproducible build's fixed time), not \`${value}\``
  );
}

function positiveInteger(flag: string, value: string): number {
  if (!/^[1-9]\d{0,2}$/.test(value))
    throw new UsageError(`${flag} takes a whole number from 1 to 999, not \`${value}\``);
  return Number(value);
}

function example(flag: string): string {
  const examples: Record<string, string> = {
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

export const USAGE = `imagegate — build container images, test inside the exact image on every platform,
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
