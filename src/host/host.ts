// The CI host seam: everything a run tells the people and the jobs around it goes through a Host —
// log lines and collapsible groups, masking, annotations at file positions, the summary, outputs
// for later steps, and state for the post step. One implementation per host: GitHub (through
// @actions/core), GitLab (collapsible sections, dotenv, code quality), and a terminal.

import type {Annotation, Where} from '../core/annotations.js';
import type {ExitCode} from '../core/errors.js';
import type {RunOutputs} from '../core/outputs.js';
import type {OutputBlock} from '../exec/exec.js';

export type {Annotation, Where} from '../core/annotations.js';

/** What the layers below the use cases may say while they work. */
export interface Log {
  info(text: string): void;
  notice(text: string): void;
  warning(text: string, where?: Where): void;
  error(text: string, where?: Where): void;
  /** Text from outside imagegate (a test's or a build's output): printed, never interpreted by the runner. */
  verbatim(text: string): void;
  /** The same for output that arrives in pieces (a program streaming its log): one block, as it comes. */
  block(): OutputBlock;
  /** Runs `fn` inside a collapsible log section. */
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
  /** Never print this value again. */
  mask(secret: string): void;
  /** `text` with every masked value replaced, for output that does not go through the log. */
  redact(text: string): string;
}

/** A run's result as people and machines read it. */
export interface Presentation {
  /** The terminal summary (also the log's last lines on CI). */
  text: string;
  /** The same as markdown, for a CI summary page. */
  markdown?: string;
  /** The document `--json` prints and the `results` output holds. */
  document: unknown;
}

export type HostKind = 'github' | 'gitlab' | 'terminal';

export interface Host extends Log {
  readonly kind: HostKind;
  present(result: Presentation): Promise<void>;
  /** Hands the outputs to the steps and jobs after this one. */
  setOutputs(outputs: RunOutputs): Promise<void>;
  /** Findings at file positions (test failures at the test's line, configuration errors). */
  annotate(annotations: Annotation[]): Promise<void>;
  /** The run ended badly: say why, and end with this exit code. */
  fail(message: string, exitCode: ExitCode): void;
  /** A value for this job's post step (GitHub); elsewhere nothing runs after, so nothing is kept. */
  saveState(name: string, value: string): void;
  getState(name: string): string;
  /** Puts a directory on PATH for the rest of the job. */
  addPath(dir: string): Promise<void>;
}
