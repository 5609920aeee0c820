// The imagegate command line: parse, dispatch, map every outcome to the documented exit code.

import {writeFile} from 'node:fs/promises';
import {resolve} from 'node:path';
import {runGate} from '../app/gate.js';
import {runMerge} from '../app/merge.js';
import {cleanupStale, verifyRef} from '../app/maintenance.js';
import {runDoctor} from '../app/doctor.js';
import {renderDoctor} from '../core/buildpacks/doctor.js';
import {makePlan, readConfigFile, type PlanResult} from '../app/plan.js';
import {renderConfigReference} from '../core/config/reference-doc.js';
import {SCHEMA} from '../core/config/schema.js';
import {runPromote} from '../app/promote.js';
import {DEFAULT_TOOLS, setupTools} from '../app/setup.js';
import {EXIT, FailedError, ImagegateError, UsageError, type ExitCode} from '../core/errors.js';
import {renderPromoteText} from '../app/promote-summary.js';
import {gateOutputs, mergeOutputs, publishOutputs, renderDotenv, type RunOutputs} from '../core/outputs.js';
import {renderPlanText} from '../core/render-plan.js';
import type {Fact, Scenario} from '../core/scenario.js';
import {renderRunText} from '../core/summary.js';
import {StreamReporter} from '../host/reporter.js';
import {DEFAULT_RECORDS_DIR} from '../core/split.js';
import {parseArgs, USAGE, type CliArgs, type Verb} from './args.js';

export interface CliIo {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  version: string;
}

export const DEFAULT_PARALLEL = 2;

export async function main(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  let args: CliArgs | undefined;
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
    if (args.verb === 'verify') return await verifyCommand(args, io);
    if (args.verb === 'cleanup') return await cleanupCommand(args, io);
    if (args.verb === 'setup') return await setupCommand(args, io);
    if (args.verb === 'doctor') return await doctorCommand(args, io);
    const planned = await makePlan({
      cwd: io.cwd,
      env: io.env,
      configPath: args.config,
      ...scenarioFor(args, args.verb)
    });
    for (const notice of planned.notices) io.stderr(`${notice}\n`);
    if (args.verb === 'plan') return printPlan(args, planned, io);
    if (args.verb === 'merge') return await mergeCommand(args, planned, io);
    return await runScenario(args, planned, io);
  } catch (e) {
    return reportError(e, args, io);
  }
}

/** `check` and `gate` name their scenario; `plan` and `run` take the flag or infer it. */
function scenarioFor(args: CliArgs, verb: Verb): {scenario?: Fact<Scenario>} {
  if (verb === 'merge') {
    if (args.scenario) throw new UsageError('`imagegate merge` writes staging like gate; it takes no --scenario');
    return {scenario: {value: 'gate', source: 'command `imagegate merge` (writes staging)'}};
  }
  const fromVerb = verb === 'check' || verb === 'gate' || verb === 'promote' || verb === 'release' ? verb : undefined;
  if (fromVerb && args.scenario && args.scenario !== fromVerb) {
    throw new UsageError(
      `\`imagegate ${verb}\` runs the ${verb} scenario; drop \`--scenario ${args.scenario}\` or use \`imagegate run --scenario ${args.scenario}\``
    );
  }
  if (fromVerb) return {scenario: {value: fromVerb, source: `command \`imagegate ${verb}\``}};
  return args.scenario ? {scenario: {value: args.scenario, source: '--scenario'}} : {};
}

function printPlan(args: CliArgs, {plan}: PlanResult, io: CliIo): ExitCode {
  printResult(args, io, renderPlanText(plan), plan);
  return EXIT.ok;
}

async function runScenario(args: CliArgs, planned: PlanResult, io: CliIo): Promise<ExitCode> {
  const {plan, loaded} = planned;
  const scenario = plan.scenario.value;
  io.stderr(`imagegate: scenario ${scenario} [${plan.scenario.source}]: ${plan.reason}\n`);
  for (const warning of plan.warnings) io.stderr(`warning: ${warning}\n`);
  const reporter = StreamReporter.forEnv(io.stderr, io.env);
  if ((scenario === 'promote' || scenario === 'release') && args.platform)
    throw new UsageError(`--platform splits a build; the ${scenario} scenario builds nothing (drop --platform there)`);
  if (scenario === 'promote' || scenario === 'release') return promoteScenario(args, planned, scenario, io, reporter);
  const report = await runGate({
    loaded,
    plan,
    scenario,
    reporter,
    env: io.env,
    parallel: args.parallel ?? DEFAULT_PARALLEL,
    ...(args.junit ? {junitFile: resolve(io.cwd, args.junit)} : {}),
    ...(args.platform ? {platform: args.platform} : {}),
    ...(args.builder ? {buildxBuilder: args.builder} : {}),
    ...(args.records ? {recordsDir: resolve(io.cwd, args.records)} : {recordsDir: resolve(io.cwd, DEFAULT_RECORDS_DIR)})
  });
  const text = renderRunText(report);
  printResult(args, io, text, report);
  await writeDotenv(args, io, gateOutputs(report));
  return report.images.every(i => i.status === 'passed') ? EXIT.ok : EXIT.failed;
}

async function promoteScenario(
  args: CliArgs,
  planned: PlanResult,
  scenario: 'promote' | 'release',
  io: CliIo,
  reporter: StreamReporter
): Promise<ExitCode> {
  const gate = async (): Promise<void> => {
    const gated = await makePlan({
      cwd: io.cwd,
      env: io.env,
      configPath: args.config,
      scenario: {value: 'gate', source: 'promote.on-missing: build'}
    });
    const report = await runGate({
      loaded: gated.loaded,
      plan: gated.plan,
      scenario: 'gate',
      reporter,
      env: io.env,
      parallel: args.parallel ?? DEFAULT_PARALLEL,
      ...(args.builder ? {buildxBuilder: args.builder} : {})
    });
    if (!report.images.every(i => i.status === 'passed'))
      throw new FailedError(`on-missing: build ran the gate and it failed:\n${renderRunText(report)}`);
  };
  const report = await runPromote({loaded: planned.loaded, plan: planned.plan, scenario, reporter, env: io.env, gate});
  const text = renderPromoteText(report);
  printResult(args, io, text, report);
  await writeDotenv(args, io, publishOutputs(report));
  return EXIT.ok;
}

async function mergeCommand(args: CliArgs, {plan, loaded}: PlanResult, io: CliIo): Promise<ExitCode> {
  const report = await runMerge({
    loaded,
    plan,
    reporter: StreamReporter.forEnv(io.stderr, io.env),
    env: io.env,
    recordsDir: resolve(io.cwd, args.records ?? DEFAULT_RECORDS_DIR)
  });
  const lines = report.images.map(
    i =>
      `  ${i.name}: ${i.ref}@${i.digest} (${i.action}; ${i.platforms.map(p => `${p.platform} ${p.digest.slice(0, 19)}`).join(', ')})\n`
  );
  printResult(
    args,
    io,
    `imagegate merge: ${report.images.length} image(s) assembled from tested digests\n${lines.join('')}`,
    report
  );
  await writeDotenv(args, io, mergeOutputs(report));
  return EXIT.ok;
}

async function verifyCommand(args: CliArgs, io: CliIo): Promise<ExitCode> {
  const report = await verifyRef(args.target!, io.env, StreamReporter.forEnv(io.stderr, io.env));
  const problems = report.problems.map(p => `  ${p}\n`).join('');
  const text = `${problems ? 'INCOMPLETE' : 'complete'}: ${report.ref}${report.digest ? `@${report.digest}` : ''} (${report.manifests} manifests, ${report.blobs} blobs)\n${problems}`;
  printResult(args, io, text, report);
  return report.problems.length ? EXIT.failed : EXIT.ok;
}

async function cleanupCommand(args: CliArgs, io: CliIo): Promise<ExitCode> {
  const loaded = await readConfigFile(io.cwd, args.config);
  const report = await cleanupStale(
    loaded,
    args.olderThanMs ?? 24 * 3600 * 1000,
    io.env,
    StreamReporter.forEnv(io.stderr, io.env)
  );
  const left = report.leftovers.map(l => `  left ${l.ref}: ${l.reason}\n`).join('');
  const text = `imagegate cleanup: removed ${report.removed.length}, kept ${report.kept.length} newer, ${report.leftovers.length} left (deletes refused)\n${left}`;
  printResult(args, io, text, report);
  return EXIT.ok;
}

async function writeDotenv(args: CliArgs, io: CliIo, outputs: RunOutputs): Promise<void> {
  if (!args.dotenv) return;
  const file = resolve(io.cwd, args.dotenv);
  try {
    await writeFile(file, renderDotenv(outputs));
  } catch (e) {
    throw new UsageError(`cannot write --dotenv ${args.dotenv}: ${(e as Error).message}; pass a writable path`);
  }
}

async function setupCommand(args: CliArgs, io: CliIo): Promise<ExitCode> {
  const installed = await setupTools(args.tools ?? DEFAULT_TOOLS, io.env, StreamReporter.forEnv(io.stderr, io.env));
  const text = installed.map(t => `installed ${t.name} ${t.version} in ${t.dir}\n`).join('');
  printResult(args, io, text, installed);
  return EXIT.ok;
}

async function doctorCommand(args: CliArgs, io: CliIo): Promise<ExitCode> {
  const loaded = await readConfigFile(io.cwd, args.config);
  const images = await runDoctor(loaded, args.target!, io.env, StreamReporter.forEnv(io.stderr, io.env));
  printResult(args, io, renderDoctor(images), {images});
  return images.every(i => i.matches) ? EXIT.ok : EXIT.failed;
}

/** Human text on stdout, or — with --json — the text on stderr and one JSON document on stdout. */
function printResult(args: CliArgs, io: CliIo, text: string, doc: unknown): void {
  if (args.json) {
    io.stderr(text);
    io.stdout(`${JSON.stringify(doc, null, 2)}\n`);
  } else {
    io.stdout(text);
  }
}

function reportError(e: unknown, args: CliArgs | undefined, io: CliIo): ExitCode {
  const code = e instanceof ImagegateError ? e.exitCode : EXIT.infrastructure;
  const message =
    e instanceof ImagegateError
      ? e.message
      : `unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
  io.stderr(`${message}\n`);
  if (args?.json) io.stdout(`${JSON.stringify({error: {exitCode: code, message}})}\n`);
  return code;
}
