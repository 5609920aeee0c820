// The host on GitHub Actions, through @actions/core: workflow commands for log groups, annotations
// and masks, GITHUB_OUTPUT for outputs, the step summary, GITHUB_STATE for the post step.
// Text from outside imagegate is printed with workflow commands stopped around it, so a test's
// output can never forge an annotation, an output or a mask.

import * as core from '@actions/core';
import {randomBytes} from 'node:crypto';
import type {Annotation, Where} from '../core/annotations.js';
import type {ExitCode} from '../core/errors.js';
import {githubOutputs, type RunOutputs} from '../core/outputs.js';
import type {OutputBlock} from '../exec/exec.js';
import type {Host, Log, Presentation} from './host.js';
import {lineBlock} from './lines.js';

/** What the runner would read as a command: `::name…` or the legacy `##[name]` at a line start (after blanks or colour codes), or a bare CR. */
const COMMAND_LIKE = new RegExp(String.raw`(^|[\n\r])(\s|\x1b\[[0-9;]*[A-Za-z])*(::|##\[)|\r`);

/** GitHub's log commands; the CLI uses these too when it runs in a workflow step. */
export class GitHubLog implements Log {
  info(text: string): void {
    if (COMMAND_LIKE.test(text)) this.verbatim(text);
    else core.info(text);
  }
  notice(text: string): void {
    core.notice(text);
  }
  warning(text: string, where?: Where): void {
    core.warning(text, properties(where));
  }
  error(text: string, where?: Where): void {
    core.error(text, properties(where));
  }
  verbatim(text: string): void {
    // The three lines go out in one turn of the event loop: nothing of imagegate's own comes between.
    const token = randomBytes(16).toString('hex');
    core.info(`::stop-commands::${token}`);
    core.info(text.replace(/\r(?!\n)/g, '\n'));
    core.info(`::${token}::`);
  }
  /** Streamed output line by line: a line that could be read as a command is printed verbatim, the rest as it is. */
  block(): OutputBlock {
    return lineBlock(line => {
      const text = line.slice(0, -1);
      if (COMMAND_LIKE.test(text)) this.verbatim(text);
      else core.info(text);
    });
  }
  group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    return core.group(title, fn);
  }
  mask(secret: string): void {
    if (secret) core.setSecret(secret);
  }
  redact(text: string): string {
    // The runner masks what setSecret registered, in every line it prints.
    return text;
  }
}

export interface GitHubHostOptions {
  /** GITHUB_STEP_SUMMARY is set (a runner always sets it; a bare run of the bundle may not). */
  summary: boolean;
}

/** The action's host: everything through @actions/core. */
export class GitHubHost extends GitHubLog implements Host {
  readonly kind = 'github' as const;

  constructor(private readonly opts: GitHubHostOptions) {
    super();
  }

  async present(result: Presentation): Promise<void> {
    this.info(result.text);
    if (this.opts.summary) await core.summary.addRaw(result.markdown ?? fenced(result.text)).write();
  }

  async setOutputs(outputs: RunOutputs): Promise<void> {
    for (const [name, value] of Object.entries(githubOutputs(outputs))) core.setOutput(name, value);
  }

  async annotate(annotations: Annotation[]): Promise<void> {
    for (const a of annotations) {
      const props = properties(a.where);
      if (a.level === 'error') core.error(a.message, props);
      else if (a.level === 'warning') core.warning(a.message, props);
      else core.notice(a.message, props);
    }
  }

  /** The step fails with `message`; the entry point ends the process with the exit code itself. */
  fail(message: string, _exitCode: ExitCode): void {
    core.setFailed(message);
  }

  saveState(name: string, value: string): void {
    core.saveState(name, value);
  }

  getState(name: string): string {
    return core.getState(name);
  }

  async addPath(dir: string): Promise<void> {
    core.addPath(dir);
  }
}

function properties(where: Where | undefined): core.AnnotationProperties {
  if (!where) return {};
  return {
    file: where.file,
    ...(where.line ? {startLine: where.line} : {}),
    ...(where.col ? {startColumn: where.col} : {})
  };
}

function fenced(text: string): string {
  return `\`\`\`\n${text.replace(/```/g, '``\u200b`')}\n\`\`\`\n`;
}
