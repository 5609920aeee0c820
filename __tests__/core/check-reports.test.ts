// A failed file or metadata check in the reports: expected and got in the summary and JUnit, the
// annotation at the check's own line.
import {describe, expect, it} from '@jest/globals';
import {failureAnnotations} from '../../src/core/annotations.js';
import {loadConfig} from '../../src/core/config/load.js';
import {renderJUnit} from '../../src/core/junit.js';
import type {ImageResult} from '../../src/core/results.js';
import {renderRunMarkdown} from '../../src/core/summary.js';

const CONFIG = `registry: localhost:5000/acme
images:
  - name: job
    test:
      files:
        - {path: /app/job, mode: "0755"}
      metadata:
        non-root: true
        env: {PATH: true}
`;

const failed = (name: string, at: string, error: string) => ({
  name,
  platform: 'linux/amd64',
  status: 'failed' as const,
  durationMs: 1,
  outputTail: '',
  at,
  error
});

const images: ImageResult[] = [
  {
    name: 'job',
    status: 'failed',
    platforms: [
      {
        platform: 'linux/amd64',
        emulated: false,
        durationMs: 1,
        tests: [
          failed('file /app/job', 'test.files[0]', 'mode: expected "0755", got "0700"'),
          failed('metadata non-root', 'test.metadata.non-root', 'non-root: expected a user other than root, got ""'),
          failed('metadata env PATH', 'test.metadata.env.PATH', 'env PATH: expected it set, got not set')
        ]
      }
    ]
  }
];

describe('failed checks in the reports', () => {
  it('are annotated at the line of the check, with what it expected and got', () => {
    const r = loadConfig(CONFIG, '.imagegate.yml');
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    const annotations = failureAnnotations(images, r.config, r.source, '.imagegate.yml');
    expect(annotations.map(a => [a.where?.line, a.message])).toEqual([
      [6, 'job: test `file /app/job` failed on linux/amd64 (mode: expected "0755", got "0700")'],
      [8, 'job: test `metadata non-root` failed on linux/amd64 (non-root: expected a user other than root, got "")'],
      [9, 'job: test `metadata env PATH` failed on linux/amd64 (env PATH: expected it set, got not set)']
    ]);
  });

  it('show expected and got in the JUnit failure and the summary table', () => {
    expect(renderJUnit(images)).toContain('<failure message="mode: expected &quot;0755&quot;, got &quot;0700&quot;">');
    expect(renderRunMarkdown({scenario: 'gate', images, pushed: false, refs: [], durationMs: 1})).toContain(
      'file /app/job (failed: mode: expected "0755", got "0700")'
    );
  });
});
