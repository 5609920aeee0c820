// JUnit XML for CI hosts that show test reports (GitLab's artifacts:reports:junit, GitHub test
// reporters): one testsuite per image and platform, one testcase per command.

import type {ImageResult} from './results.js';

export function renderJUnit(images: ImageResult[]): string {
  const suites = images.flatMap(image =>
    image.platforms.map(platform => {
      const failures = platform.tests.filter(t => t.status === 'failed' || t.status === 'timed-out').length;
      const errors = platform.tests.filter(t => t.status === 'error').length;
      const cases = platform.tests.map(test => {
        const attrs = `name="${xml(test.name)}" classname="${xml(`${image.name}.${platform.platform}`)}" time="${seconds(test.durationMs)}"`;
        if (test.status === 'passed') return `    <testcase ${attrs}/>`;
        const tag = test.status === 'error' ? 'error' : 'failure';
        const message = test.error ?? (test.status === 'timed-out' ? 'timed out' : `exit code ${test.exitCode ?? '?'}`);
        return `    <testcase ${attrs}>\n      <${tag} message="${xml(message)}">${xml(test.outputTail)}</${tag}>\n    </testcase>`;
      });
      const name = `${image.name} ${platform.platform}`;
      return [
        `  <testsuite name="${xml(name)}" tests="${platform.tests.length}" failures="${failures}" errors="${errors}" time="${seconds(platform.durationMs)}">`,
        ...cases,
        '  </testsuite>'
      ].join('\n');
    })
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="imagegate">\n${suites.join('\n')}\n</testsuites>\n`;
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

// XML 1.0 allows only these characters; command output may hold anything (colour codes, NULs).
function xml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- naming the allowed control characters is the point
      .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}
