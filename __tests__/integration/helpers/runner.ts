// Runs an action the way the GitHub runner does, without a runner: reads its action.yml, passes every
// declared input as INPUT_<NAME> (the `with:` value, else the default), starts `runs.main` under
// Node 24 with GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / GITHUB_STATE / GITHUB_PATH / GITHUB_EVENT_PATH,
// then starts `runs.post` with the saved state as STATE_<name>, as the runner does at the job's end.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {parse} from 'yaml';
import {ROOT} from './repo.js';
import {testbed} from './testbed.js';

export interface ActionMetadata {
  inputs?: Record<string, {default?: string}>;
  runs: {using: string; main: string; post?: string};
}

export interface Process {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface StepRun extends Process {
  outputs: Record<string, string>;
  summary: string;
  state: Record<string, string>;
  runnerTemp: string;
  post?: Process;
}

export interface StepOptions {
  /** The action's directory relative to the repository root: '' (root action), 'components/gate', … */
  action: string;
  with?: Record<string, string>;
  /** The job's environment (GITHUB_*, DOCKER_CONFIG, …); PATH and HOME are added. */
  env: Record<string, string>;
  event?: unknown;
  cwd: string;
  /** Runs between the main and the post step (a later step of the job). */
  beforePost?: () => void;
}

export function node24(): string {
  const path = testbed().raw.TESTBED_NODE24;
  if (!path) throw new Error('the testbed env has no TESTBED_NODE24: rerun `scripts/testbed up`');
  return path;
}

export function readAction(action: string): ActionMetadata {
  return parse(readFileSync(join(ROOT, action, 'action.yml'), 'utf8')) as ActionMetadata;
}

/** `name<<delimiter\nvalue\ndelimiter` records, as @actions/core writes them to GITHUB_OUTPUT and GITHUB_STATE. */
export function parseCommandFile(text: string): Record<string, string> {
  return Object.fromEntries(
    [...text.matchAll(/^([\w-]+)<<(ghadelimiter_[\w-]+)\n([\s\S]*?)\n\2$/gm)].map(m => [m[1]!, m[3]!])
  );
}

export function runStep(opts: StepOptions): StepRun {
  const metadata = readAction(opts.action);
  if (metadata.runs.using !== 'node24') throw new Error(`${opts.action || '.'}: runs.using is ${metadata.runs.using}`);
  const runnerTemp = mkdtempSync(join(tmpdir(), 'imagegate-runner-temp-'));
  const files = mkdtempSync(join(tmpdir(), 'imagegate-runner-files-'));
  const file = (name: string, text = ''): string => {
    writeFileSync(join(files, name), text);
    return join(files, name);
  };
  const env: Record<string, string> = {
    PATH: process.env.PATH!,
    HOME: process.env.HOME!,
    ...opts.env,
    RUNNER_TEMP: runnerTemp,
    GITHUB_OUTPUT: file('output'),
    GITHUB_STEP_SUMMARY: file('summary'),
    GITHUB_STATE: file('state'),
    GITHUB_PATH: file('path'),
    GITHUB_ENV: file('env'),
    ...(opts.event !== undefined ? {GITHUB_EVENT_PATH: file('event.json', JSON.stringify(opts.event))} : {})
  };
  for (const [name, input] of Object.entries(metadata.inputs ?? {})) {
    const value = opts.with?.[name] ?? input.default;
    if (value !== undefined) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  for (const name of Object.keys(opts.with ?? {}))
    if (!(name in (metadata.inputs ?? {}))) throw new Error(`${opts.action || '.'} has no input ${name}`);
  const start = (script: string, extra: Record<string, string> = {}): Process => {
    const r = spawnSync(node24(), [join(ROOT, opts.action, script)], {
      cwd: opts.cwd,
      encoding: 'utf8',
      env: {...env, ...extra}
    });
    return {status: r.status, stdout: r.stdout, stderr: r.stderr};
  };
  const main = start(metadata.runs.main);
  const state = parseCommandFile(readFileSync(env.GITHUB_STATE!, 'utf8'));
  const run: StepRun = {
    ...main,
    outputs: parseCommandFile(readFileSync(env.GITHUB_OUTPUT!, 'utf8')),
    summary: readFileSync(env.GITHUB_STEP_SUMMARY!, 'utf8'),
    state,
    runnerTemp
  };
  opts.beforePost?.();
  if (metadata.runs.post) {
    run.post = start(metadata.runs.post, Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v])));
  }
  return run;
}

/** A recorded event (env + payload) from __tests__/fixtures/ci/github. */
export function recordedEvent(name: string): {env: Record<string, string>; event: Record<string, unknown>} {
  const text = readFileSync(join(ROOT, '__tests__/fixtures/ci/github', `${name}.json`), 'utf8');
  const {env, event} = JSON.parse(text) as {env: Record<string, string>; event: Record<string, unknown>};
  return {env, event};
}
