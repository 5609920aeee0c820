// The Reporter on GitHub Actions, through @actions/core (workflow commands on stdout).

import * as core from '@actions/core';
import type {Reporter, Where} from './reporter.js';

export class GitHubReporter implements Reporter {
  info(text: string): void {
    core.info(text);
  }
  warning(text: string, where?: Where): void {
    core.warning(text, properties(where));
  }
  error(text: string, where?: Where): void {
    core.error(text, properties(where));
  }
  async group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    return core.group(title, fn);
  }
  mask(secret: string): void {
    core.setSecret(secret);
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
