// The one dispatch: a typed request in, the report and the outputs out, for the CLI and the action
// alike. Every command plans (or reads the configuration) first, opens the run's one registry and
// engine access, runs its use case, and returns what the host should show, hand on and annotate.

import {isAbsolute, relative, resolve} from 'node:path';
import {buildRegistryHost, registryHosts} from '../core/config/hosts.js';
import {diagnosticAnnotations, failureAnnotations, type Annotation} from '../core/annotations.js';
import {ConfigError, EXIT, FailedError, ImagegateError, UsageError, type ExitCode} from '../core/errors.js';
import {gateOutputs, mergeOutputs, planOutputs, publishOutputs, type RunOutputs} from '../core/outputs.js';
import {renderPlanMarkdown, renderPlanText} from '../core/render-plan.js';
import {parseScenario, type Fact, type Scenario} from '../core/scenario.js';
import {DEFAULT_RECORDS_DIR} from '../core/split.js';
import {renderRunMarkdown, renderRunText} from '../core/summary.js';
import {credentialPolicy, stepScenario, type CredentialPolicy} from '../core/trust.js';
import type {Host, Presentation} from '../host/host.js';
import {canonicalHost} from '../registry/credentials.js';
import {inferRun, makePlan, readConfigFile, type LoadedConfig, type PlanResult} from './plan.js';
import {
  fencedMarkdown,
  renderCleanupText,
  renderMergeText,
  renderPromoteText,
  renderSetupText,
  renderVerifyText
} from './present.js';
import {DEFAULT_CLEANUP_AGE_MS, type RunRequest} from './request.js';
import type {Connection, ConnectScope, Services} from './services.js';

export interface RunResult {
  exitCode: ExitCode;
  /** The summary and the result document; absent when the run ended before it had one. */
  presentation?: Presentation;
  outputs?: RunOutputs;
  annotations: Annotation[];
  /** Why the run failed, in one message (with a report: what failed; without: the error). */
  failure?: string;
  /** Directories for PATH (setup). */
  paths?: string[];
}

export async function run(request: RunRequest, services: Services): Promise<RunResult> {
  const progress: {planned?: PlanResult} = {};
  try {
    return await dispatch(request, services, progress);
  } catch (e) {
    return failed(e, request, services, progress.planned);
  }
}

/** Hands a result to its host: the summary first (a bad output path never hides it), then outputs, annotations, the verdict. */
export async function deliver(result: RunResult, host: Host): Promise<ExitCode> {
  let exitCode = result.exitCode;
  let failure = result.failure;
  try {
    if (result.presentation) await host.present(result.presentation);
    if (result.outputs) await host.setOutputs(result.outputs);
    for (const dir of result.paths ?? []) await host.addPath(dir);
    await host.annotate(result.annotations);
  } catch (e) {
    exitCode = e instanceof ImagegateError ? e.exitCode : EXIT.infrastructure;
    failure = e instanceof Error ? e.message : String(e);
  }
  if (failure !== undefined) host.fail(failure, exitCode);
  return exitCode;
}

async function dispatch(request: RunRequest, services: Services, progress: {planned?: PlanResult}): Promise<RunResult> {
  const {log} = services;
  // Each command loads its own use case: `plan` never compiles the registry, engine or gate code.
  if (request.command === 'setup') {
    const {DEFAULT_TOOLS, setupTools} = await import('./setup.js');
    const installed = await setupTools(request.tools ?? DEFAULT_TOOLS, {
      log,
      installer: services.installer,
      arch: services.env.arch,
      ...(services.env.toolsMirror ? {mirror: services.env.toolsMirror} : {})
    });
    return ok({text: renderSetupText(installed), document: installed}, {paths: installed.map(t => t.dir)});
  }
  if (request.command === 'verify') {
    const {verifyRef, verifyTarget} = await import('./verify.js');
    const target = verifyTarget(request.target!);
    const {inference} = await inferRun(request.cwd, services);
    return connected(services, scopeFor(credentialPolicy(inference), [target.registry], services), async connection => {
      const report = await verifyRef(request.target!, connection.registry);
      return {
        ...ok({text: renderVerifyText(report), document: report}),
        exitCode: report.problems.length ? EXIT.failed : EXIT.ok
      };
    });
  }
  if (request.command === 'cleanup' || request.command === 'doctor') {
    const loaded = await readConfigFile(request.cwd, request.config);
    const {inference} = await inferRun(loaded.dir, services);
    return connected(
      services,
      scopeFor(credentialPolicy(inference), hostsOf(loaded, services), services),
      async ({registry}) => {
        if (request.command === 'cleanup') {
          const {cleanupStale} = await import('./cleanup.js');
          const report = await cleanupStale(
            loaded,
            {
              olderThanMs: request.olderThanMs ?? DEFAULT_CLEANUP_AGE_MS,
              ...(request.unrecorded ? {unrecorded: request.unrecorded} : {})
            },
            {log, registry}
          );
          return ok({text: renderCleanupText(report), document: report});
        }
        const [{runDoctor}, {renderDoctor}] = await Promise.all([
          import('./doctor.js'),
          import('../core/buildpacks/doctor.js')
        ]);
        const images = await runDoctor(loaded, request.target!, registry);
        return {
          ...ok({text: renderDoctor(images), document: {images}}),
          exitCode: images.every(i => i.matches) ? EXIT.ok : EXIT.failed
        };
      }
    );
  }

  const planned = await planFor(request, services);
  progress.planned = planned;
  const {plan, loaded, inference} = planned;
  const file = configPath(loaded, services);
  for (const w of loaded.warnings) log.warning(w.message, {file, line: w.line, col: w.col});
  for (const notice of planned.notices) log.warning(notice);
  if (request.command === 'plan') {
    if (plan.refusal) log.warning(plan.refusal);
    return ok(
      {text: renderPlanText(plan), markdown: renderPlanMarkdown(plan), document: plan},
      {outputs: planOutputs(plan)}
    );
  }
  const scenario = plan.scenario.value;
  if (request.command !== 'merge')
    log.info(`imagegate: scenario ${scenario} [${plan.scenario.source}]: ${plan.reason}`);
  for (const warning of plan.warnings) log.warning(warning);
  if (!plan.trusted) log.notice(`imagegate ${scenario}, no registry writes: ${plan.reason}`);
  log.info(`credentials: ${plan.credentials.reason}`);

  const step = request.step === 'promote' ? stepScenario('promote', inference) : undefined;
  if (step && 'skip' in step) {
    log.notice(step.skip);
    return ok(
      {text: `${step.skip}\n`, markdown: `### imagegate promote: nothing to do\n\n${step.skip}\n`, document: plan},
      {outputs: planOutputs(plan)}
    );
  }
  if (request.command === 'merge' && scenario !== 'gate') {
    const text = `imagegate merge: nothing to merge on this event; the platform jobs only checked (${plan.reason})`;
    log.notice(text);
    return ok({text: `${text}\n`, document: plan}, {outputs: planOutputs(plan)});
  }
  if ((scenario === 'promote' || scenario === 'release') && request.platform)
    throw new UsageError(`--platform splits a build; the ${scenario} scenario builds nothing (drop --platform there)`);

  return connected(services, scopeFor(plan.credentials, hostsOf(loaded, services), services), async connection => {
    if (request.command === 'merge') {
      const {runMerge} = await import('./merge.js');
      const report = await runMerge(
        {loaded, plan, recordsDir: recordsDir(request)},
        {log, registry: connection.registry, stats: connection.stats}
      );
      return ok({text: renderMergeText(report), document: report}, {outputs: mergeOutputs(report, plan)});
    }
    if (scenario === 'promote' || scenario === 'release') {
      const {runPromote} = await import('./promote.js');
      const report = await runPromote(
        {loaded, plan, scenario, gate: () => fallbackGate(request, services, connection)},
        {
          log,
          registry: connection.registry,
          stats: connection.stats,
          signer: connection.signer,
          oidc: services.env.oidc
        }
      );
      const text = renderPromoteText(report);
      return ok(
        {text, markdown: fencedMarkdown(`imagegate ${scenario}`, text), document: report},
        {outputs: publishOutputs(report, plan)}
      );
    }
    return gateResult(request, services, connection, planned, scenario);
  });
}

async function gateResult(
  request: RunRequest,
  services: Services,
  connection: Connection,
  {plan, loaded}: PlanResult,
  scenario: Extract<Scenario, 'check' | 'gate'>
): Promise<RunResult> {
  const engine = await connection.engine(request.builder ? {buildxBuilder: request.builder} : {});
  const junit = request.junit ? resolve(request.cwd, request.junit) : undefined;
  const records = recordsDir(request);
  const {runGate} = await import('./gate.js');
  const report = await runGate(
    {
      loaded,
      plan,
      scenario,
      parallel: request.parallel,
      recordsDir: records,
      ...(junit ? {junitFile: junit} : {}),
      ...(request.platform ? {platform: request.platform} : {})
    },
    {log: services.log, env: services.env, engine, registry: connection.registry}
  );
  const passed = report.images.every(i => i.status === 'passed');
  const result = ok(
    {text: renderRunText(report), markdown: renderRunMarkdown(report), document: report},
    {outputs: gateOutputs(report, {plan, ...(junit ? {junit} : {}), ...(report.records ? {records} : {})})}
  );
  if (passed) return result;
  return {
    ...result,
    exitCode: EXIT.failed,
    annotations: failureAnnotations(report.images, loaded.config, loaded.source, configPath(loaded, services)),
    failure: `imagegate ${scenario}: not every test passed${scenario === 'gate' ? '; nothing was pushed' : ''}`
  };
}

/** `promote.on-missing: build`: the gate for this commit, on the same connection, before promoting. */
async function fallbackGate(request: RunRequest, services: Services, connection: Connection): Promise<void> {
  const gated = await makePlan(
    {
      cwd: request.cwd,
      ...(request.config ? {configPath: request.config} : {}),
      scenario: {value: 'gate', source: 'promote.on-missing: build'},
      ...(request.overrides ? {overrides: request.overrides} : {})
    },
    services
  );
  const engine = await connection.engine(request.builder ? {buildxBuilder: request.builder} : {});
  const {runGate} = await import('./gate.js');
  const report = await runGate(
    {
      loaded: gated.loaded,
      plan: gated.plan,
      scenario: 'gate',
      parallel: request.parallel,
      recordsDir: recordsDir(request)
    },
    {log: services.log, env: services.env, engine, registry: connection.registry}
  );
  if (!report.images.every(i => i.status === 'passed'))
    throw new FailedError(`on-missing: build ran the gate and it failed:\n${renderRunText(report)}`);
}

function planFor(request: RunRequest, services: Services): Promise<PlanResult> {
  if (request.command === 'merge' && request.scenario)
    throw new UsageError('`imagegate merge` writes staging like gate; it takes no --scenario');
  const scenario = request.step ? undefined : (request.scenario ?? scenarioOfCommand(request.command));
  return makePlan(
    {
      cwd: request.cwd,
      ...(request.config ? {configPath: request.config} : {}),
      ...(scenario ? {scenario} : {}),
      ...(request.step ? {step: request.step} : {}),
      ...(request.allowPullRequestTargetPush !== undefined
        ? {allowPullRequestTargetPush: request.allowPullRequestTargetPush}
        : {}),
      ...(request.overrides ? {overrides: request.overrides} : {})
    },
    services
  );
}

/** `check`, `gate`, `promote` and `release` name their scenario; `merge` writes staging as gate does. */
function scenarioOfCommand(command: RunRequest['command']): Fact<Scenario> | undefined {
  if (command === 'merge') return {value: 'gate', source: 'command `imagegate merge` (writes staging)'};
  const scenario = parseScenario(command);
  return scenario ? {value: scenario, source: `command \`imagegate ${command}\``} : undefined;
}

/** Opens the run's connection in `scope`, and always closes it. */
async function connected(
  services: Services,
  scope: ConnectScope,
  fn: (connection: Connection) => Promise<RunResult>
): Promise<RunResult> {
  const connection = await services.connect(scope);
  try {
    return await fn(connection);
  } finally {
    await connection.close();
  }
}

/** The hosts a configuration names, and the build registry (named by the environment) when buildpacks images build there. */
function hostsOf(loaded: LoadedConfig, services: Services): {named: string[]; environment: string[]} {
  const buildpacks = loaded.config.images.some(i => i.builder.kind === 'buildpacks');
  return {
    named: registryHosts(loaded.config),
    environment: buildpacks ? [buildRegistryHost(services.env.buildRegistry)] : []
  };
}

/** Where the run's credentials may go, by its credential policy (core/trust.ts). */
function scopeFor(
  policy: CredentialPolicy,
  hosts: string[] | {named: string[]; environment: string[]},
  services: Services
): ConnectScope {
  const {named, environment} = Array.isArray(hosts) ? {named: hosts, environment: []} : hosts;
  const all = [...new Set([...named, ...environment])];
  if (policy.use === 'none')
    return {explicitHosts: [], anonymous: {why: policy.reason}, environmentSecrets: {refused: policy.reason}};
  if (policy.use === 'configuration') return {explicitHosts: all};
  const trusted = new Set(services.env.namedRegistries.map(canonicalHost));
  const outside = named.filter(host => !trusted.has(canonicalHost(host)));
  if (outside.length)
    throw new UsageError(
      `credentials refused: ${policy.reason}, and the configuration names ${outside.join(', ')}, which the workflow does not; ` +
        `name ${outside.length > 1 ? 'them' : 'it'} in the step's \`registries\` input (or IMAGEGATE_REGISTRIES) if you trust ${outside.length > 1 ? 'them' : 'it'}`
    );
  return {explicitHosts: all, environmentSecrets: {refused: policy.reason}};
}

function recordsDir(request: RunRequest): string {
  return resolve(request.cwd, request.records ?? DEFAULT_RECORDS_DIR);
}

/** Annotations take paths relative to the repository root (the workspace); elsewhere, the path as the user gave it. */
function configPath(loaded: LoadedConfig, services: Services): string {
  return services.env.workspace ? relative(services.env.workspace, loaded.path) : loaded.shown;
}

function ok(presentation: Presentation, extra: Partial<RunResult> = {}): RunResult {
  return {exitCode: EXIT.ok, presentation, annotations: [], ...extra};
}

function failed(e: unknown, request: RunRequest, services: Services, planned: PlanResult | undefined): RunResult {
  const exitCode = e instanceof ImagegateError ? e.exitCode : EXIT.infrastructure;
  const failure =
    e instanceof ImagegateError
      ? e.message
      : `unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
  const annotations = e instanceof ConfigError ? configAnnotations(e, request, services) : [];
  return {exitCode, failure, annotations, ...(planned ? {outputs: planOutputs(planned.plan)} : {})};
}

function configAnnotations(e: ConfigError, request: RunRequest, services: Services): Annotation[] {
  const file = resolve(request.cwd, e.file);
  const shown = services.env.workspace ? relative(services.env.workspace, file) : e.file;
  return diagnosticAnnotations(isAbsolute(shown) ? e.file : shown, e.diagnostics);
}
