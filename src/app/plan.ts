// Reads what a plan needs from the machine — the configuration file, the CI event payload, git —
// and hands it to the pure planner. Configuration errors are raised before any process runs.

import {open, readFile, stat} from 'node:fs/promises';
import {dirname, join, relative, resolve} from 'node:path';
import {boundDiagnostics, type Diagnostic} from '../core/config/diagnostics.js';
import {LIMITS} from '../core/config/limits.js';
import {loadConfig} from '../core/config/load.js';
import {decodeConfig} from '../core/config/text.js';
import type {Config, ConfigSource} from '../core/config/types.js';
import {ConfigError, UsageError} from '../core/errors.js';
import {sourceIdentity, type SourceIdentity} from '../core/identity.js';
import {buildOrder, buildPlan, type Plan} from '../core/plan.js';
import {inferScenario, type Fact, type Inference, type Scenario} from '../core/scenario.js';
import {applyTrust, stepScenario, type StepKind} from '../core/trust.js';
import type {GitReader, LocalGit} from '../io/git.js';
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
  const missing = await missingPaths(loaded.config, loaded.source, dir);
  if (missing.length) throw new ConfigError(shown, boundDiagnostics(missing, LIMITS.diagnostics));
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

async function missingPaths(config: Config, source: ConfigSource, dir: string): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  const expect = async (path: string, kind: 'dir' | 'file', at: string, fix: string): Promise<void> => {
    const found = await stat(path).catch(() => undefined);
    const ok = found && (kind === 'dir' ? found.isDirectory() : found.isFile());
    if (!ok)
      out.push({
        ...(source.position(at) ?? {line: 1, col: 1}),
        message: `${relative(dir, path) || '.'} is not a ${kind === 'dir' ? 'directory' : 'file'}; ${fix}`
      });
  };
  for (const image of config.images) {
    const at = `images[${image.index}]`;
    const context = resolve(dir, image.context);
    await expect(context, 'dir', `${at}.context`, 'fix `context` (relative to the configuration file)');
    if (image.builder.kind === 'dockerfile') {
      const where = source.position(`${at}.containerfile`) ? `${at}.containerfile` : at;
      await expect(
        resolve(context, image.containerfile),
        'file',
        where,
        'fix `containerfile` (relative to the context)'
      );
    }
    if (image.test.mount)
      await expect(resolve(dir, image.test.mount.source), 'dir', `${at}.test.mount.source`, 'fix `mount.source`');
  }
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
  for (const image of buildOrder(loaded.config.images)) {
    if (!git) {
      out.set(image.name, {error: `${loaded.dir} is not in a git repository`});
      continue;
    }
    const context = resolve(loaded.dir, image.context);
    const paths = [context, ...(image.builder.kind === 'dockerfile' ? [join(context, image.containerfile)] : [])];
    const [tree, containerfile] = await reader.hashPaths(git.root, paths);
    const base = image.dependsOn !== undefined ? out.get(image.dependsOn) : undefined;
    if (base && !('key' in base)) {
      out.set(image.name, {error: `its base ${image.dependsOn} has none`});
      continue;
    }
    const inputs = {
      contextTree: tree!.id,
      dirty: tree!.dirty || !!containerfile?.dirty,
      dependencies: base ? [base.key] : []
    };
    out.set(image.name, sourceIdentity(image, containerfile ? {...inputs, containerfile: containerfile.id} : inputs));
  }
  return out;
}

export interface PlanRequest {
  cwd: string;
  configPath?: string;
  scenario?: Fact<Scenario>;
  /** A sub-action's fixed step: the scenario follows from the inference; wins over `scenario`. */
  step?: StepKind;
  /** The workflow's opt-in for pull_request_target pushes; default: the environment's. */
  allowPullRequestTargetPush?: boolean;
}

export interface PlanResult {
  plan: Plan;
  loaded: LoadedConfig;
  inference: Inference;
  notices: string[];
}

export async function makePlan(request: PlanRequest, services: Pick<Services, 'env' | 'git'>): Promise<PlanResult> {
  const {env, git: reader} = services;
  const loaded = await readConfigFile(request.cwd, request.configPath);
  const payload = await readEventPayload(env.eventPath);
  const git = await reader.read(loaded.dir);
  const inference = applyTrust(inferScenario(env.variables, payload.event), {
    ...(git?.sha ? {checkoutSha: git.sha} : {}),
    ...(env.baseSha ? {baseSha: env.baseSha} : {}),
    allowPullRequestTargetPush: request.allowPullRequestTargetPush ?? env.allowPullRequestTargetPush
  });
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
    ...(local ? {localGit: local} : {})
  });
  return {plan, loaded, inference, notices: payload.warning ? [payload.warning] : []};
}
