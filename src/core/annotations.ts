// Failed tests as annotations at the line of the configuration file that defines them, so the
// pull request shows the failure next to the test (GitHub) and the log names where to look.

import type {Config, ConfigSource} from './config/types.js';
import type {ImageResult} from './results.js';

export interface Annotation {
  message: string;
  line?: number;
  col?: number;
}

export function failureAnnotations(images: ImageResult[], config: Config, source: ConfigSource): Annotation[] {
  const out: Annotation[] = [];
  for (const image of images.filter(i => i.status !== 'passed')) {
    const index = config.images.findIndex(i => i.name === image.name);
    const entry = config.images[index];
    const at = `images[${index}]`;
    const failed = image.platforms.flatMap(p => p.tests.filter(t => t.status !== 'passed'));
    if (!entry || failed.length === 0) {
      out.push({message: `${image.name}: ${image.reason ?? image.status}`, ...position(source, [at])});
      continue;
    }
    for (const test of failed) {
      const k = entry.test.commands.findIndex(c => c.name === test.name);
      const how = test.error ?? (test.exitCode !== undefined ? `exit code ${test.exitCode}` : test.status);
      const last = test.outputTail.trim().split('\n').pop();
      out.push({
        message: `${image.name}: test \`${test.name}\` ${test.status} on ${test.platform} (${how})${last && !test.error ? `: ${last}` : ''}`,
        ...position(source, [`${at}.test[${k}]`, `${at}.test.commands[${k}]`, `${at}.test`, at])
      });
    }
  }
  return out;
}

function position(source: ConfigSource, paths: string[]): {line?: number; col?: number} {
  for (const path of paths) {
    const p = source.position(path);
    if (p) return {line: p.line, col: p.col};
  }
  return {};
}
