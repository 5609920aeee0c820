// The one seam through which imagegate runs programs: argv arrays only, never a shell string.
// The composition root builds one ProcessExec with the run's environment; everything that starts a
// program takes an `Exec`, so tests hand in a fake and no process runs.

import * as actionsExec from '@actions/exec';
// This module is the seam that runs programs; a byte stream (runStreaming) needs the plain spawn.
// eslint-disable-next-line no-restricted-imports
import {spawn} from 'node:child_process';
import {InfrastructureError} from '../core/errors.js';
import {lastLine} from '../core/text.js';

export interface ExecOptions {
  cwd?: string;
  /** Added to the run's environment for this program only. */
  env?: Record<string, string>;
  /** Written to the program's stdin (how secrets are passed). */
  input?: string;
  /** Stream the program's output to the log as it runs (human logs). */
  stream?: boolean;
  /** Receives stdout and stderr chunks in the order they arrive. */
  onOutput?: (chunk: string) => void;
  /**
   * Receives stdout as raw bytes, as they come (a tar stream), instead of collecting it: the
   * result's stdout is then empty.
   */
  onStdoutBytes?: (chunk: Buffer) => void;
}

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface Exec {
  /** Runs a program and returns its exit code and output; a missing program is an InfrastructureError. */
  run(command: string, args: readonly string[], opts?: ExecOptions): Promise<ExecResult>;
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

/** Runs a program and returns its stdout; a non-zero exit is an ExecError. */
export async function output(
  exec: Exec,
  command: string,
  args: readonly string[],
  opts: ExecOptions = {}
): Promise<string> {
  const result = await exec.run(command, args, opts);
  if (result.exitCode !== 0) throw new ExecError(command, args, result);
  return result.stdout;
}

/** A block of a program's output on its way to the job log, as it comes. */
export interface OutputBlock {
  write(text: string): void;
  end(): void;
}

export interface ProcessExecOptions {
  /** The environment every program starts with (the run's, read once by the entry point). */
  env: Readonly<Record<string, string | undefined>>;
  /** Opens a block of the job log for one program's streamed output (the host keeps the runner from interpreting it). */
  output: () => OutputBlock;
  /** Print each program's argv, exit code and time (IMAGEGATE_TRACE). */
  trace?: boolean;
}

export class ProcessExec implements Exec {
  private readonly env: Record<string, string>;

  constructor(private readonly opts: ProcessExecOptions) {
    this.env = definedOnly(opts.env);
  }

  async run(command: string, args: readonly string[], opts: ExecOptions = {}): Promise<ExecResult> {
    if (opts.onStdoutBytes) return this.runStreaming(command, args, opts, opts.onStdoutBytes);
    const started = Date.now();
    const block = opts.stream ? this.opts.output() : undefined;
    const sinks = [opts.onOutput, block && ((text: string) => block.write(text))].filter(
      (s): s is (text: string) => void => s !== undefined
    );
    const each = (data: Buffer): void => {
      const text = data.toString('utf8');
      for (const sink of sinks) sink(text);
    };
    try {
      const result = await actionsExec.getExecOutput(command, [...args], {
        cwd: opts.cwd,
        env: {...this.env, ...opts.env},
        input: opts.input !== undefined ? Buffer.from(opts.input) : undefined,
        ignoreReturnCode: true,
        silent: true,
        listeners: sinks.length ? {stdout: each, stderr: each} : undefined
      });
      if (this.opts.trace) {
        const trace = this.opts.output();
        trace.write(`trace: ${Date.now() - started}ms exit ${result.exitCode}: ${command} ${args.join(' ')}\n`);
        trace.end();
      }
      return {exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr};
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (/Unable to locate executable file|ENOENT/.test(message)) {
        throw new InfrastructureError(
          `\`${command}\` is not installed or not on PATH (${message}); install it, or run scripts/testbed up`
        );
      }
      throw e;
    } finally {
      block?.end();
    }
  }

  /** stdout goes to `onBytes` as it comes (never collected or decoded); stderr is kept. */
  private runStreaming(
    command: string,
    args: readonly string[],
    opts: ExecOptions,
    onBytes: (chunk: Buffer) => void
  ): Promise<ExecResult> {
    const started = Date.now();
    return new Promise((resolve, reject) => {
      const child = spawn(command, [...args], {
        cwd: opts.cwd,
        env: {...this.env, ...opts.env},
        stdio: ['ignore', 'pipe', 'pipe']
      });
      let stderr = '';
      let failed: unknown;
      child.stdout.on('data', (chunk: Buffer) => {
        if (failed) return;
        try {
          onBytes(chunk);
        } catch (e) {
          failed = e;
          child.kill();
        }
      });
      child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString('utf8')));
      child.on('error', (e: NodeJS.ErrnoException) =>
        reject(
          e.code === 'ENOENT'
            ? new InfrastructureError(
                `\`${command}\` is not installed or not on PATH (${e.message}); install it, or run scripts/testbed up`
              )
            : e
        )
      );
      child.on('close', code => {
        if (this.opts.trace) {
          const trace = this.opts.output();
          trace.write(`trace: ${Date.now() - started}ms exit ${code}: ${command} ${args.join(' ')}\n`);
          trace.end();
        }
        if (failed) reject(failed instanceof Error ? failed : new Error(String(failed)));
        else resolve({exitCode: code ?? 1, stdout: '', stderr});
      });
    });
  }
}

function definedOnly(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v;
  return out;
}
