// The imagegate command line: parse, dispatch, map every outcome to the documented exit code.

import {renderConfigReference} from '../core/config/reference-doc.js';
import {SCHEMA} from '../core/config/schema.js';
import {renderPlanText} from '../core/render-plan.js';
import {EXIT, ImagegateError, UsageError, type ExitCode} from '../core/errors.js';
import {resolveScenario} from '../core/plan.js';
import {makePlan, readConfigFile, readEventPayload} from '../app/plan.js';
import {inferScenario} from '../core/scenario.js';
import {parseArgs, USAGE, type CliArgs, type Verb} from './args.js';

export interface CliIo {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  version: string;
}

/** The issue that brings each verb still missing from this version. */
const COMING: Partial<Record<Verb, string>> = {
  check: 'issue #3 (the gate for Dockerfile images)',
  gate: 'issue #3 (the gate for Dockerfile images)',
  promote: 'issue #4 (registry client and promotion)',
  release: 'issue #4 (registry client and promotion)'
};

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
    if (args.verb === 'plan') return await planCommand(args, io);
    return await notYet(args, args.verb, io);
  } catch (e) {
    return reportError(e, args, io);
  }
}

async function planCommand(args: CliArgs, io: CliIo): Promise<ExitCode> {
  const scenario = args.scenario ? {value: args.scenario, source: '--scenario'} : undefined;
  const {plan, notices} = await makePlan({
    cwd: io.cwd,
    env: io.env,
    configPath: args.config,
    ...(scenario ? {scenario} : {})
  });
  for (const notice of notices) io.stderr(`${notice}\n`);
  if (args.json) {
    io.stderr(renderPlanText(plan));
    io.stdout(`${JSON.stringify(plan, null, 2)}\n`);
  } else {
    io.stdout(renderPlanText(plan));
  }
  return EXIT.ok;
}

/** Verbs whose work lands in later issues: validate what can be validated, then say so. */
async function notYet(args: CliArgs, verb: Verb, io: CliIo): Promise<ExitCode> {
  const loaded = await readConfigFile(io.cwd, args.config);
  let target = verb;
  if (verb === 'run') {
    const payload = await readEventPayload(io.env);
    const inference = inferScenario(io.env, payload.event);
    const override = args.scenario ? {value: args.scenario, source: '--scenario'} : undefined;
    const scenario = resolveScenario({
      config: loaded.config,
      source: loaded.source,
      inference,
      ...(override ? {scenarioOverride: override} : {})
    });
    io.stderr(`scenario ${scenario.value} [${scenario.source}]: ${inference.reason}\n`);
    target = scenario.value;
  }
  throw new UsageError(
    `\`imagegate ${target}\` is not available in this version yet; it comes with ${COMING[target] ?? 'a later issue'}. \`imagegate plan\` shows what it will do.`
  );
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
