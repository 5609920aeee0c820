import {main} from '../../src/cli/main.js';
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
