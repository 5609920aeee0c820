import {describe, expect, it} from '@jest/globals';
import {renderJUnit} from '../../src/core/junit.js';
import {tail, type RunReport} from '../../src/core/results.js';
import {renderRunMarkdown, renderRunText} from '../../src/core/summary.js';

const report: RunReport = {
  scenario: 'gate',
  pushed: false,
  refs: [],
  durationMs: 4200,
  images: [
    {
      name: 'web',
      status: 'failed',
      reason: 'failed: starts on linux/arm64 (failed)',
      digest: 'sha256:' + 'a'.repeat(64),
      platforms: [
        {
          platform: 'linux/amd64',
          emulated: false,
          durationMs: 300,
          tests: [
            {name: 'starts', platform: 'linux/amd64', status: 'passed', exitCode: 0, durationMs: 300, outputTail: 'ok'}
          ]
        },
        {
          platform: 'linux/arm64',
          emulated: true,
          durationMs: 400,
          tests: [
            {
              name: 'starts <fast> & "quoted"',
              platform: 'linux/arm64',
              status: 'failed',
              exitCode: 127,
              durationMs: 400,
              outputTail: 'exec /app: no such file\u001b[0m\u0000'
            }
          ]
        }
      ]
    },
    {name: 'worker', status: 'skipped', reason: 'its base web did not pass', platforms: []}
  ]
};

describe('run reports', () => {
  it('the terminal summary shows every platform, failures with their output, and what was pushed', () => {
    const text = renderRunText(report);
    expect(text).toContain('imagegate gate: 2 of 2 image(s) did not pass (1 passed, 1 failed)');
    expect(text).toContain('    linux/arm64 (QEMU)');
    expect(text).toContain('      FAIL starts <fast> & "quoted"  0.4s exit 127');
    expect(text).toContain('        | exec /app: no such file');
    expect(text).toContain('  worker  skipped  (its base web did not pass)');
    expect(text).toContain('Pushed: nothing');
  });

  it('the markdown table has a row per image and platform', () => {
    const md = renderRunMarkdown(report);
    expect(md).toContain('| image | platform | digest | tests | time |');
    expect(md).toContain(
      '| web | linux/arm64 (QEMU) | `sha256:aaaaaaaaaaaa…` | 0/1 passed; starts <fast> & "quoted" (failed) | 0.4s |'
    );
    expect(md).toContain('| worker | — | — | skipped: its base web did not pass | — |');
  });

  it('JUnit XML is well-formed whatever the output holds', () => {
    const xml = renderJUnit(report.images);
    expect(xml).toContain('<testsuite name="web linux/arm64" tests="1" failures="1" errors="0" time="0.400">');
    expect(xml).toContain(
      '<testcase name="starts &lt;fast&gt; &amp; &quot;quoted&quot;" classname="web.linux/arm64" time="0.400">'
    );
    expect(xml).toContain('<failure message="exit code 127">exec /app: no such file\uFFFD[0m\uFFFD</failure>');
    expect(xml).not.toMatch(/[\u0000\u001b]/);
  });

  it('keeps the tail of long output', () => {
    const long = Array.from({length: 100}, (_, i) => `line ${i}`).join('\n');
    expect(tail(long, 3)).toBe('line 97\nline 98\nline 99');
    expect(tail('x'.repeat(10000), 20, 10)).toBe(`…${'x'.repeat(10)}`);
  });
});
