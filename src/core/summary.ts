// A run's outcome as people read it: a terminal summary and a markdown table for CI summaries.

import {countTests, type ImageResult, type RunReport} from './results.js';

const MARK: Record<string, string> = {passed: 'PASS', failed: 'FAIL', 'timed-out': 'TIME', error: 'ERR '};

export function renderRunText(report: RunReport): string {
  const lines: string[] = [`imagegate ${report.scenario}: ${verdict(report)}`];
  for (const image of report.images) {
    lines.push(
      `  ${image.name}  ${image.status}${image.digest ? `  ${image.digest}` : ''}${image.reason && image.status !== 'failed' ? `  (${image.reason})` : ''}`
    );
    for (const platform of image.platforms) {
      lines.push(
        `    ${platform.platform}${platform.emulated ? ' (QEMU)' : ''}${platform.manifestDigest ? `  ${platform.manifestDigest}` : ''}`
      );
      for (const test of platform.tests) {
        const exit = test.exitCode !== undefined ? ` exit ${test.exitCode}` : '';
        lines.push(
          `      ${MARK[test.status] ?? test.status} ${test.name}  ${seconds(test.durationMs)}${exit}${test.error ? `  ${test.error}` : ''}`
        );
        if (test.status !== 'passed' && test.outputTail)
          lines.push(...indent(test.outputTail.split('\n').slice(-8), '        | '));
      }
    }
    if (image.pushed) lines.push(`    pushed ${image.pushed.ref}@${image.pushed.digest}`);
  }
  lines.push(
    report.pushed ? `Pushed (digests read back from the registry): ${report.refs.join(', ')}` : 'Pushed: nothing'
  );
  return `${lines.join('\n')}\n`;
}

export function renderRunMarkdown(report: RunReport): string {
  const lines = [
    `### imagegate ${report.scenario}: ${verdict(report)}`,
    '',
    '| image | platform | digest | tests | time |',
    '|---|---|---|---|---|'
  ];
  for (const image of report.images) {
    if (!image.platforms.length)
      lines.push(`| ${image.name} | — | — | ${image.status}: ${cell(image.reason ?? '')} | — |`);
    for (const platform of image.platforms) {
      const passed = platform.tests.filter(t => t.status === 'passed').length;
      const failed = platform.tests
        .filter(t => t.status !== 'passed')
        .map(t => `${t.name} (${t.status}${t.error ? `: ${t.error}` : ''})`);
      const tests = `${passed}/${platform.tests.length} passed${failed.length ? `; ${failed.join(', ')}` : ''}`;
      const digest = platform.manifestDigest ?? image.digest ?? '—';
      lines.push(
        `| ${image.name} | ${platform.platform}${platform.emulated ? ' (QEMU)' : ''} | \`${short(digest)}\` | ${cell(tests)} | ${seconds(platform.durationMs)} |`
      );
    }
  }
  lines.push('', report.pushed ? `Pushed: ${report.refs.map(r => `\`${r}\``).join(', ')}` : 'Pushed: nothing');
  return `${lines.join('\n')}\n`;
}

function verdict(report: RunReport): string {
  const {passed, failed} = countTests(report.images);
  const bad = report.images.filter((i: ImageResult) => i.status !== 'passed').length;
  return `${bad ? `${bad} of ${report.images.length} image(s) did not pass` : `all ${report.images.length} image(s) passed`} (${passed} passed, ${failed} failed)`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

function short(digest: string): string {
  return digest.replace(/^(sha256:[0-9a-f]{12})[0-9a-f]+$/, '$1…');
}

function indent(lines: string[], prefix: string): string[] {
  return lines.map(l => `${prefix}${l}`);
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
