// The host of the command line: the log on stderr (plain, or in the CI's own syntax), the result on
// stdout (text, or one JSON document with --json), outputs as a dotenv file (--dotenv), nothing
// kept for a post step.

import {writeFile} from 'node:fs/promises';
import type {Annotation, Where} from '../core/annotations.js';
import {UsageError, type ExitCode} from '../core/errors.js';
import {renderDotenv, type RunOutputs} from '../core/outputs.js';
import type {OutputBlock} from '../exec/exec.js';
import {codeQualityReport} from './code-quality.js';
import type {Host, HostKind, Log, Presentation} from './host.js';

export type Write = (text: string) => void;

/** Masking by replacement, for logs no runner masks. */
class Redactor {
  private readonly secrets: string[] = [];

  add(secret: string): void {
    // Shorter values would blank out ordinary words.
    if (secret.length >= 3 && !this.secrets.includes(secret)) this.secrets.push(secret);
  }

  apply(text: string): string {
    return this.secrets.reduce((t, s) => t.split(s).join('***'), text);
  }
}

/** Plain lines: `── title` for a group, `FILE:LINE:COL: warning: …` for a finding. */
export class PlainLog implements Log {
  protected readonly redactor = new Redactor();

  constructor(protected readonly write: Write) {}

  info(text: string): void {
    this.line(text);
  }
  notice(text: string): void {
    this.line(`notice: ${text}`);
  }
  warning(text: string, where?: Where): void {
    this.line(`${at(where)}warning: ${text}`);
  }
  error(text: string, where?: Where): void {
    this.line(`${at(where)}error: ${text}`);
  }
  verbatim(text: string): void {
    this.line(text);
  }
  block(): OutputBlock {
    return {write: text => this.write(this.redact(text)), end: () => undefined};
  }
  async group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    this.line(`── ${title}`);
    return fn();
  }
  mask(secret: string): void {
    this.redactor.add(secret);
  }
  redact(text: string): string {
    return this.redactor.apply(text);
  }
  protected line(text: string): void {
    this.write(`${this.redact(text)}\n`);
  }
}

export interface TerminalHostOptions {
  kind?: HostKind;
  /** The log (stderr) in the syntax of the CI the command runs in. */
  log: Log;
  /** The result: text, or the JSON document with `json`. */
  stdout: Write;
  stderr: Write;
  json: boolean;
  /** --dotenv FILE: where outputs go. */
  dotenv?: string;
  /** --code-quality FILE: annotations as a GitLab code quality report. */
  codeQuality?: string;
  /** How a directory reaches PATH for later steps (GitHub's GITHUB_PATH); elsewhere the result names it. */
  addPath?: (dir: string) => Promise<void>;
}

export class TerminalHost implements Host {
  readonly kind: HostKind;
  private readonly state = new Map<string, string>();
  private presented = false;

  constructor(private readonly opts: TerminalHostOptions) {
    this.kind = opts.kind ?? 'terminal';
  }

  info(text: string): void {
    this.opts.log.info(text);
  }
  notice(text: string): void {
    this.opts.log.notice(text);
  }
  warning(text: string, where?: Where): void {
    this.opts.log.warning(text, where);
  }
  error(text: string, where?: Where): void {
    this.opts.log.error(text, where);
  }
  verbatim(text: string): void {
    this.opts.log.verbatim(text);
  }
  block(): OutputBlock {
    return this.opts.log.block();
  }
  group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    return this.opts.log.group(title, fn);
  }
  mask(secret: string): void {
    this.opts.log.mask(secret);
  }
  redact(text: string): string {
    return this.opts.log.redact(text);
  }

  async present(result: Presentation): Promise<void> {
    this.presented = true;
    const text = this.redact(result.text.endsWith('\n') ? result.text : `${result.text}\n`);
    if (this.opts.json) {
      this.opts.stderr(text);
      this.opts.stdout(this.redact(`${JSON.stringify(result.document, null, 2)}\n`));
    } else this.opts.stdout(text);
  }

  async setOutputs(outputs: RunOutputs): Promise<void> {
    if (!this.opts.dotenv) return;
    await writeOrExplain(this.opts.dotenv, renderDotenv(outputs), '--dotenv');
  }

  async annotate(annotations: Annotation[]): Promise<void> {
    if (!this.opts.codeQuality) return;
    await writeOrExplain(this.opts.codeQuality, codeQualityReport(annotations), '--code-quality');
  }

  /** The message on stderr; with --json and no result document yet, an error document on stdout instead. */
  fail(message: string, exitCode: ExitCode): void {
    this.opts.stderr(this.redact(`${message}\n`));
    if (this.opts.json && !this.presented)
      this.opts.stdout(this.redact(`${JSON.stringify({error: {exitCode, message}})}\n`));
  }

  saveState(name: string, value: string): void {
    this.state.set(name, value);
  }
  getState(name: string): string {
    return this.state.get(name) ?? '';
  }

  async addPath(dir: string): Promise<void> {
    await this.opts.addPath?.(dir);
  }
}

async function writeOrExplain(file: string, text: string, flag: string): Promise<void> {
  try {
    await writeFile(file, text);
  } catch (e) {
    throw new UsageError(`cannot write ${flag} ${file}: ${(e as Error).message}; pass a writable path`);
  }
}

function at(where: Where | undefined): string {
  if (!where) return '';
  return `${where.file}${where.line ? `:${where.line}` : ''}${where.col ? `:${where.col}` : ''}: `;
}
