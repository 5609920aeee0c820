// The one seam through which imagegate runs programs: argv arrays only, never a shell string.
// The composition root builds one ProcessExec with the run's environment; everything that starts a
// program takes an `Exec`, so tests hand in a fake and no process runs.

// This module is the seam that runs programs (a plain spawn: no PATH walk or extra module per call).
// eslint-disable-next-line no-restricted-imports
import {spawn} from 'node:child_process';
import {existsSync} from 'node:fs';
import {constants as osConstants} from 'node:os';
import {StringDecoder} from 'node:string_decoder';
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
    try {
      const result = await collect(command, args, {
        ...(opts.cwd !== undefined ? {cwd: opts.cwd} : {}),
        env: {...this.env, ...opts.env},
        ...(opts.input !== undefined ? {input: opts.input} : {}),
        sinks
      });
      if (this.opts.trace) {
        const trace = this.opts.output();
        trace.write(`trace: ${Date.now() - started}ms exit ${result.exitCode}: ${command} ${args.join(' ')}\n`);
        trace.end();
      }
      return result;
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
      child.on('error', (e: NodeJS.ErrnoException) => reject(spawnError(command, opts.cwd, e)));
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

/** A program's end after its exit when a process it started keeps its output open. */
const DRAIN_AFTER_EXIT_MS = 10_000;

interface CollectOptions {
  cwd?: string;
  env: Record<string, string>;
  input?: string;
  sinks: ((text: string) => void)[];
}

/** Runs a program to its end: stdin gets `input` (or an immediate end), stdout and stderr are collected. */
function collect(command: string, args: readonly string[], opts: CollectOptions): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], {cwd: opts.cwd, env: opts.env, stdio: ['pipe', 'pipe', 'pipe']});
    const out = new StringDecoder('utf8');
    const err = new StringDecoder('utf8');
    let stdout = '';
    let stderr = '';
    let settled = false;
    let drain: ReturnType<typeof setTimeout> | undefined;
    const finish = (code: number | null, signal: NodeJS.Signals | null): void => {
      if (settled) return;
      settled = true;
      if (drain) clearTimeout(drain);
      stdout += out.end();
      stderr += err.end();
      resolve({exitCode: code ?? (signal ? 128 + (osConstants.signals[signal] ?? 0) : 1), stdout, stderr});
    };
    const each =
      (decoder: StringDecoder, append: (text: string) => void) =>
      (data: Buffer): void => {
        const text = decoder.write(data);
        if (!text) return;
        append(text);
        for (const sink of opts.sinks) sink(text);
      };
    child.stdout.on(
      'data',
      each(out, t => void (stdout += t))
    );
    child.stderr.on(
      'data',
      each(err, t => void (stderr += t))
    );
    child.on('error', (e: NodeJS.ErrnoException) => {
      if (settled) return;
      settled = true;
      reject(spawnError(command, opts.cwd, e));
    });
    child.on('exit', (code, signal) => {
      drain = setTimeout(() => finish(code, signal), DRAIN_AFTER_EXIT_MS);
      drain.unref();
    });
    child.on('close', finish);
    // A program that never reads stdin may close it first; that is not its failure.
    child.stdin.on('error', () => undefined);
    child.stdin.end(opts.input ?? '');
  });
}

function spawnError(command: string, cwd: string | undefined, e: NodeJS.ErrnoException): Error {
  if (e.code !== 'ENOENT') return e;
  if (cwd !== undefined && !existsSync(cwd))
    return new InfrastructureError(`cannot run \`${command}\` in ${cwd}: the directory does not exist`);
  return new InfrastructureError(
    `\`${command}\` is not installed or not on PATH (${e.message}); install it, or run scripts/testbed up`
  );
}

function definedOnly(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v;
  return out;
}
