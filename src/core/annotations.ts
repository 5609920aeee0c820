// Findings at a position in a file: failed tests at the line of the configuration file that defines
// them, configuration errors at their key. GitHub shows them next to the code, GitLab in its code
// quality report.

import {executablesTestName} from './executables.js';
import type {ConfigSource, Config} from './config/types.js';
import type {Diagnostic} from './config/diagnostics.js';
import type {ImageResult} from './results.js';

export interface Where {
  file: string;
  line?: number;
  col?: number;
}

export type AnnotationLevel = 'error' | 'warning' | 'notice';

export interface Annotation {
  level: AnnotationLevel;
  message: string;
  where?: Where;
}

/** One error annotation per failed test (or per image that failed without a test), at `file`. */
export function failureAnnotations(
  images: ImageResult[],
  config: Config,
  source: ConfigSource,
  file: string
): Annotation[] {
  const out: Annotation[] = [];
  const at = (paths: string[]): Where => {
    for (const path of paths) {
      const p = source.position(path);
      if (p) return {file, line: p.line, col: p.col};
    }
    return {file};
  };
  for (const image of images.filter(i => i.status !== 'passed')) {
    const index = config.images.findIndex(i => i.name === image.name);
    const entry = config.images[index];
    const path = `images[${index}]`;
    const failed = image.platforms.flatMap(p => p.tests.filter(t => t.status !== 'passed'));
    if (!entry || failed.length === 0) {
      out.push({level: 'error', message: `${image.name}: ${image.reason ?? image.status}`, where: at([path])});
      continue;
    }
    for (const test of failed) {
      const k = entry.test.commands.findIndex(c => c.name === test.name);
      const how = test.error ?? (test.exitCode !== undefined ? `exit code ${test.exitCode}` : test.status);
      const last = test.outputTail.trim().split('\n').pop();
      out.push({
        level: 'error',
        message: `${image.name}: test \`${test.name}\` ${test.status} on ${test.platform} (${how})${last && !test.error ? `: ${last}` : ''}`,
        where:
          test.name === executablesTestName(test.platform)
            ? at([`${path}.executables`, `${path}.platforms`, path])
            : at([
                ...(test.at !== undefined
                  ? [`${path}.${test.at}`]
                  : [`${path}.test[${k}]`, `${path}.test.commands[${k}]`]),
                `${path}.test`,
                path
              ])
      });
    }
  }
  return out;
}

/** Configuration diagnostics of `file` as annotations. */
export function diagnosticAnnotations(file: string, diagnostics: readonly Diagnostic[]): Annotation[] {
  return diagnostics.map(d => ({
    level: d.severity === 'warning' ? 'warning' : 'error',
    message: d.message,
    where: {file, line: d.line, col: d.col}
  }));
}
