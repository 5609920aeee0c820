// Exit codes are a contract (docs/cli.md): 0 success, 1 a test failed or promotion was refused,
// 2 configuration or usage error, 3 infrastructure error (engine, registry, tool missing).

import {formatDiagnostic, type Diagnostic} from './config/diagnostics.js';

export const EXIT = {ok: 0, failed: 1, usage: 2, infrastructure: 3} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class ImagegateError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A bad flag, configuration or combination of them: fix the input and run again. */
export class UsageError extends ImagegateError {
  constructor(message: string) {
    super(message, EXIT.usage);
  }
}

/** Problems at positions of one configuration file; the message shows each as `FILE:LINE:COL: message`. */
export class ConfigError extends ImagegateError {
  constructor(
    readonly file: string,
    readonly diagnostics: readonly Diagnostic[]
  ) {
    super(diagnostics.map(d => formatDiagnostic(file, d)).join('\n'), EXIT.usage);
  }

  /** Each diagnostic as `FILE:LINE:COL: message`. */
  get lines(): string[] {
    return this.diagnostics.map(d => formatDiagnostic(this.file, d));
  }
}

/** Something outside imagegate failed or is missing: the engine, a registry, a tool. */
export class InfrastructureError extends ImagegateError {
  constructor(message: string) {
    super(message, EXIT.infrastructure);
  }
}

/** A test failed inside the image, or a promotion was refused for a stated reason. */
export class FailedError extends ImagegateError {
  constructor(message: string) {
    super(message, EXIT.failed);
  }
}
