// Reads what a plan needs from the machine — the configuration file, the CI event payload, git —
// and hands it to the pure planner. Configuration errors are raised before any process runs.

import {open, readFile, stat} from 'node:fs/promises';
import {dirname, join, relative, resolve} from 'node:path';
import {boundDiagnostics, type Diagnostic} from '../core/config/diagnostics.js';
import {LIMITS} from '../core/config/limits.js';
import {loadConfig} from '../core/config/load.js';
import {decodeConfig} from '../core/config/text.js';
import {applyOverrides, type Overrides} from '../core/config/overrides.js';
import type {Config, ConfigSource, ImageConfig} from '../core/config/types.js';
import {isLocalContext} from '../core/docker-args.js';
import {ConfigError, UsageError} from '../core/errors.js';
import {sourceIdentity, type SourceIdentity} from '../core/identity.js';
import {repositoryFacts, type RepositoryFacts} from '../core/repository-facts.js';
import {buildOrder, buildPlan, type Plan} from '../core/plan.js';
import {inferScenario, type Fact, type Inference, type Scenario} from '../core/scenario.js';
import {applyTrust, stepScenario, type StepKind} from '../core/trust.js';
import type {GitReader, LocalGit} from '../io/git.js';
import {isInside, physicalPath, repositoryRoot} from '../io/paths.js';
import {resolveRunAs} from '../io/run-as.js';
import type {Services} from './services.js';

const DEFAULT_CONFIG = '.imagegate.yml';

export interface LoadedConfig {
  path: string;
  /** The path as the user named it (relative to the working directory). */
  shown: string;
  dir: string;
  config: Config;
  source: ConfigSource;
  warnings: Diagnostic[];
}

/** Reads and checks the configuration file; every problem is a ConfigError or UsageError (exit 2). */
export async function readConfigFile(cwd: string, path?: string): Promise<LoadedConfig> {
  const file = resolve(cwd, path ?? DEFAULT_CONFIG);
  const shown = relative(cwd, file) || file;
  let bytes: Buffer;
  try {
    bytes = await readAtMost(file, LIMITS.fileBytes + 1);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && path === undefined) {
      throw new UsageError(`no ${DEFAULT_CONFIG} in ${cwd}; create one (see the README) or pass --config FILE`);
    }
    if (code === 'ENOENT') throw new UsageError(`configuration file ${shown} does not exist; check --config`);
    if (code === 'EISDIR') throw new UsageError(`${shown} is a directory; --config takes a file`);
    throw new UsageError(`cannot read ${shown}: ${(e as Error).message}`);
  }
  const text = decodeConfig(bytes);
  if (!text.ok) throw new ConfigError(shown, text.diagnostics);
  const loaded = loadConfig(text.text, shown);
  if (!loaded.ok) throw new ConfigError(shown, loaded.diagnostics);
  const dir = dirname(file);
  const problems = await checkPaths(loaded.config, loaded.source, dir);
  if (problems.length) throw new ConfigError(shown, boundDiagnostics(problems, LIMITS.diagnostics));
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
async function readAtMost(file: string, max: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    while (total < max) {
      const chunk = Buffer.alloc(Math.min(1 << 20, max - total));
      const {bytesRead} = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
    }
    return Buffer.concat(chunks);
  } finally {
    await handle.close();
  }
}

interface ConfiguredPath {
  /** Where it leads, before symbolic links are followed. */
  path: string;
  /** As the file writes it. */
  value: string;
  /** Its key, for the position. */
  at: string;
  /** The fix when it leads outside the repository. */
  outside: string;
  /** What it must be, and the fix when it is not; absent: it need not exist yet (read when used). */
  must?: {kind: 'dir' | 'file'; fix: string};
}

/**
 * Every path of the configuration must lead (symbolic links followed) into the repository — the
 * git checkout holding the configuration file, else the file's directory — and exist where it must.
 */
async function checkPaths(config: Config, source: ConfigSource, dir: string): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  const root = await repositoryRoot(dir);
  const realDir = await physicalPath(dir);
  /** True when the path is where it must be; a problem is reported at its key. */
  const check = async ({path, value, at, outside, must}: ConfiguredPath): Promise<boolean> => {
    const report = (message: string): false => {
      out.push({...(source.position(at) ?? {line: 1, col: 1}), message});
      return false;
    };
    const real = await physicalPath(path);
    if (!isInside(root, real)) {
      const via = isInside(root, resolve(realDir, relative(dir, path))) ? 'through a symbolic link ' : '';
      return report(`\`${value}\` leads ${via}to ${real}, outside the repository ${root}; ${outside}`);
    }
    if (!must) return true;
    const found = await stat(path).catch(() => undefined);
    if (found && (must.kind === 'dir' ? found.isDirectory() : found.isFile())) return true;
    return report(`${relative(dir, path) || '.'} is not a ${must.kind === 'dir' ? 'directory' : 'file'}; ${must.fix}`);
  };
  for (const image of config.images) {
    const at = `images[${image.index}]`;
    const context = resolve(dir, image.context);
    const contextOk = await check({
      path: context,
      value: image.context,
      at: `${at}.context`,
      outside: 'point `context` at a directory inside the repository (relative to the configuration file)',
      must: {kind: 'dir', fix: 'fix `context` (relative to the configuration file)'}
    });
    if (contextOk && image.builder.kind === 'dockerfile')
      await check({
        path: resolve(context, image.containerfile),
        value: image.containerfile,
        at: source.position(`${at}.containerfile`) ? `${at}.containerfile` : at,
        outside: 'point `containerfile` at a file inside the repository (relative to the context)',
        must: {kind: 'file', fix: 'fix `containerfile` (relative to the context)'}
      });
    if (image.test.mount)
      await check({
        path: resolve(dir, image.test.mount.source),
        value: image.test.mount.source,
        at: `${at}.test.mount.source`,
        outside: 'point `mount.source` at a directory inside the repository',
        must: {kind: 'dir', fix: 'fix `mount.source`'}
      });
    const runAs = [
      ...(image.runAsSpec !== undefined ? [[image.runAsSpec, `${at}.run-as`] as const] : []),
      ...(image.test.services ?? []).flatMap((s, i) =>
        s.runAsSpec !== undefined ? [[s.runAsSpec, `${at}.test.services[${i}].run-as`] as const] : []
      )
    ];
    for (const [spec, key] of runAs) {
      const file = spec.split('#')[0] ?? spec;
      await check({
        path: resolve(dir, file),
        value: file,
        at: key,
        outside: 'keep the deployment file `run-as` reads inside the repository (relative to the configuration file)'
      });
    }
    for (const [i, secret] of image.secrets.entries())
      if ('file' in secret)
        await check({
          path: resolve(dir, secret.file),
          value: secret.file,
          at: `${at}.secrets[${i}].file`,
          outside: 'keep the secret file inside the repository, or pass the secret with `env`'
        });
  }
  for (const image of config.images)
    for (const [name, contextDir] of localContexts(image))
      await check({
        path: resolve(dir, contextDir),
        value: contextDir,
        at: `images[${image.index}].build-contexts.${name}`,
        outside: 'point the build context at a directory inside the repository (relative to the configuration file)',
        must: {kind: 'dir', fix: `fix \`build-contexts.${name}\` (a directory relative to the configuration file)`}
      });
  const key = config.promote.sign?.key;
  if (key !== undefined && !key.startsWith('env://'))
    await check({
      path: resolve(dir, key),
      value: key,
      at: 'promote.cosign-key',
      outside: 'keep the key file inside the repository, or pass the key as `env://VAR`'
    });
  return out;
}

async function readEventPayload(path: string | undefined): Promise<{event?: unknown; warning?: string}> {
  if (!path) return {};
  try {
    return {event: JSON.parse(await readFile(path, 'utf8')) as unknown};
  } catch (e) {
    return {
      warning: `cannot read the event payload GITHUB_EVENT_PATH=${path}: ${(e as Error).message}; inferring from the environment only`
    };
  }
}

async function computeIdentities(
  loaded: LoadedConfig,
  git: LocalGit | undefined,
  reader: GitReader
): Promise<Map<string, SourceIdentity | {error: string}>> {
  const out = new Map<string, SourceIdentity | {error: string}>();
  const order = buildOrder(loaded.config.images);
  if (!git) {
    for (const image of order) out.set(image.name, {error: `${loaded.dir} is not in a git repository`});
    return out;
  }
  // Git hashes what the paths lead to: it refuses a path through a symbolic link or outside the checkout.
  const root = await physicalPath(git.root);
  const pathsOf = new Map<string, string[]>();
  for (const image of order) {
    const context = resolve(loaded.dir, image.context);
    pathsOf.set(
      image.name,
      await Promise.all(
        [
          context,
          ...(image.builder.kind === 'dockerfile' ? [join(context, image.containerfile)] : []),
          ...localContexts(image).map(([, dir]) => resolve(loaded.dir, dir))
        ].map(physicalPath)
      )
    );
  }
  // One pass of git over every image's paths: the cost of a plan does not grow with the images.
  const inside = [...new Set([...pathsOf.values()].flat().filter(p => isInside(root, p)))];
  const hashes = new Map((await reader.hashPaths(root, inside)).map((h, i) => [inside[i]!, h]));
  for (const image of order) {
    const paths = pathsOf.get(image.name)!;
    const outside = paths.find(p => !isInside(root, p));
    if (outside) {
      out.set(image.name, {error: `${outside} is outside the git checkout ${root}`});
      continue;
    }
    const [tree, containerfile, ...named] = paths.map(p => hashes.get(p)!);
    const namedTrees = localContexts(image).map(([name], i) => `context ${name}:${named[i]!.id}`);
    const base = image.dependsOn !== undefined ? out.get(image.dependsOn) : undefined;
    if (base && !('key' in base)) {
      out.set(image.name, {error: `its base ${image.dependsOn} has none`});
      continue;
    }
    // Images used as named build contexts are built from too: their identities are part of this one's.
    const used = Object.values(image.build?.contexts ?? {}).flatMap(c => ('image' in c ? [out.get(c.image)] : []));
    const unknown = used.find(u => !u || !('key' in u));
    if (unknown) {
      out.set(image.name, {error: 'an image it uses as a build context has none'});
      continue;
    }
    const inputs = {
      contextTree: tree!.id,
      dirty: tree!.dirty || !!containerfile?.dirty || named.some(n => n.dirty),
      dependencies: [...(base ? [base.key] : []), ...used.map(u => (u as SourceIdentity).key), ...namedTrees]
    };
    out.set(image.name, sourceIdentity(image, containerfile ? {...inputs, containerfile: containerfile.id} : inputs));
  }
  return out;
}

/** `build-contexts` that are directories of the repository: [name, directory relative to the configuration file]. */
function localContexts(image: ImageConfig): [string, string][] {
  return Object.entries(image.build?.contexts ?? {}).flatMap(([name, c]) =>
    'source' in c && isLocalContext(c.source) ? [[name, c.source] as [string, string]] : []
  );
}

export interface PlanRequest {
  cwd: string;
  configPath?: string;
  scenario?: Fact<Scenario>;
  /** A sub-action's fixed step: the scenario follows from the inference; wins over `scenario`. */
  step?: StepKind;
  /** The workflow's opt-in for pull_request_target pushes; default: the environment's. */
  allowPullRequestTargetPush?: boolean;
  /** What the command line changes of the configuration for this run (`--registry`, `--image`, …). */
  overrides?: Overrides;
}

export interface PlanResult {
  plan: Plan;
  loaded: LoadedConfig;
  inference: Inference;
  notices: string[];
}

export interface RunContext {
  inference: Inference;
  /** What the repository says about itself (description, address, license), for the OCI labels. */
  repository: RepositoryFacts;
  git: LocalGit | undefined;
  notices: string[];
}

/** What the CI says this run is — the event, and who may write where — with the checkout at `dir`. */
export async function inferRun(
  dir: string,
  services: Pick<Services, 'env' | 'git'>,
  allowPullRequestTargetPush?: boolean
): Promise<RunContext> {
  const {env} = services;
  const payload = await readEventPayload(env.eventPath);
  const git = await services.git.read(dir);
  const inference = applyTrust(inferScenario(env.variables, payload.event), {
    ...(git?.sha ? {checkoutSha: git.sha} : {}),
    ...(env.baseSha ? {baseSha: env.baseSha} : {}),
    allowPullRequestTargetPush: allowPullRequestTargetPush ?? env.allowPullRequestTargetPush
  });
  return {
    inference,
    repository: repositoryFacts(env.variables, payload.event),
    git,
    notices: payload.warning ? [payload.warning] : []
  };
}

export async function makePlan(request: PlanRequest, services: Pick<Services, 'env' | 'git'>): Promise<PlanResult> {
  const reader = services.git;
  const read = await readConfigFile(request.cwd, request.configPath);
  const overridden = request.overrides ? applyOverrides(read.config, read.source, request.overrides) : undefined;
  const loaded = overridden ? {...read, config: overridden.config, source: overridden.source} : read;
  const {inference, git, notices, repository} = await inferRun(
    loaded.dir,
    services,
    request.allowPullRequestTargetPush
  );
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
    ...(override ? {scenarioOverride: override} : {}),
    ...(local ? {localGit: local} : {}),
    ...(git?.releases ? {releases: git.releases} : {}),
    repository,
    ...(request.overrides?.releaseVersion !== undefined
      ? {releaseVersion: {value: request.overrides.releaseVersion, source: 'flag --release-version'}}
      : {})
  });
  return {plan, loaded, inference, notices};
}
