// The one seam through which imagegate runs programs: argv arrays only, never a shell string.
// Static methods so tests can spy on them (ESM namespace exports cannot be replaced).

import * as actionsExec from '@actions/exec';
import {InfrastructureError} from '../core/errors.js';
import {lastLine} from '../core/text.js';

export interface ExecOptions {
  cwd?: string;
  env?: Record<string, string>;
  /** Written to the program's stdin (how secrets are passed). */
  input?: string;
  /** Stream the program's output to stderr as it runs (human logs). */
  stream?: boolean;
  /** Receives stdout and stderr chunks in the order they arrive. */
  onOutput?: (chunk: string) => void;
}

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export class ExecError extends Error {
  constructor(
    readonly command: string,
    readonly args: readonly string[],
    readonly result: ExecResult
  ) {
    const last = lastLine(result.stderr) || lastLine(result.stdout) || '(no output)';
    super(`${command} ${args[0] ?? ''} exited with ${result.exitCode}: ${last}`);
    this.name = 'ExecError';
  }
}

export class Exec {
  /** Runs a program and returns its exit code and output; a missing program is an InfrastructureError. */
  static async run(command: string, args: readonly string[], opts: ExecOptions = {}): Promise<ExecResult> {
    const env = opts.env ? {...(process.env as Record<string, string>), ...opts.env} : undefined;
    const started = Date.now();
    try {
      const result = await actionsExec.getExecOutput(command, [...args], {
        cwd: opts.cwd,
        env,
        input: opts.input !== undefined ? Buffer.from(opts.input) : undefined,
        ignoreReturnCode: true,
        silent: !opts.stream,
        outStream: process.stderr,
        errStream: process.stderr,
        listeners: opts.onOutput ? {stdout: chunkTo(opts.onOutput), stderr: chunkTo(opts.onOutput)} : undefined
      });
      if (process.env.IMAGEGATE_TRACE)
        process.stderr.write(
          `trace: ${Date.now() - started}ms exit ${result.exitCode}: ${command} ${args.join(' ')}\n`
        );
      return {exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr};
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (/Unable to locate executable file|ENOENT/.test(message)) {
        throw new InfrastructureError(
          `\`${command}\` is not installed or not on PATH (${message}); install it, or run scripts/testbed up`
        );
      }
      throw e;
    }
  }

  /** Runs a program and returns its stdout; a non-zero exit is an ExecError. */
  static async output(command: string, args: readonly string[], opts: ExecOptions = {}): Promise<string> {
    const result = await Exec.run(command, args, opts);
    if (result.exitCode !== 0) throw new ExecError(command, args, result);
    return result.stdout;
  }
}

function chunkTo(sink: (chunk: string) => void): (data: Buffer) => void {
  return data => sink(data.toString('utf8'));
}
