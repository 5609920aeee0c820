import {afterEach, beforeEach, jest} from '@jest/globals';
import {main} from '../../src/cli/main.js';
import {ProcessExec} from '../../src/exec/exec.js';
import {VERSION} from '../../src/version.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process, exactly as the bin entry does, capturing its output. */
export async function runCli(
  argv: string[],
  opts: {cwd?: string; env?: Record<string, string | undefined>} = {}
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    cwd: opts.cwd ?? process.cwd(),
    env: opts.env ?? {PATH: process.env.PATH},
    stdout: t => void (stdout += t),
    stderr: t => void (stderr += t),
    version: VERSION
  });
  return {code, stdout, stderr};
}

/**
 * Inside a describe: every test fails if imagegate starts a program or calls fetch. Returns the two
 * spies (set before each test) for asserting they were not called.
 */
export function forbidProcessesAndNetwork(): {run: () => unknown; fetch: () => unknown} {
  let run: ReturnType<typeof jest.spyOn>;
  let fetchSpy: ReturnType<typeof jest.spyOn>;
  beforeEach(() => {
    run = jest.spyOn(ProcessExec.prototype, 'run').mockImplementation(() => {
      throw new Error('no process may run before the configuration is valid');
    });
    fetchSpy = jest.spyOn(globalThis, 'fetch').mockImplementation(() => {
      throw new Error('no network call may happen before the configuration is valid');
    });
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });
  return {run: () => run, fetch: () => fetchSpy};
}
