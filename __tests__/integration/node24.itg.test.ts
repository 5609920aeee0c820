// GitHub runs actions on Node 24: the bundled entry points are run under the Node 24 binary from
// npm (installed by scripts/testbed), through the runner's protocol (INPUT_*, GITHUB_OUTPUT,
// GITHUB_STEP_SUMMARY), exactly as the runner starts them.
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from '@jest/globals';
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, dirname} from 'node:path';
import {testbed} from '../helpers/testbed.js';

const HERE = dirname(fileURLToPath(import.meta.url));

const root = join(HERE, '../..');

function node24(): string {
  const path = testbed().raw.TESTBED_NODE24;
  if (!path) throw new Error('the testbed env has no TESTBED_NODE24: rerun `scripts/testbed up`');
  return path;
}

describe('bundles under Node 24', () => {
  it('the binary is Node 24', () => {
    expect(spawnSync(node24(), ['--version'], {encoding: 'utf8'}).stdout).toMatch(/^v24\./);
  });

  it('the CLI prints the plan as JSON', () => {
    const r = spawnSync(
      node24(),
      [join(root, 'dist/cli/index.js'), 'plan', '--json', '--config', 'examples/multiarch/.imagegate.yml'],
      {cwd: root, encoding: 'utf8'}
    );
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({version: 1, scenario: {value: 'check'}, images: [{name: 'web'}]});
  });

  it('the action writes its outputs and step summary through the runner protocol', () => {
    const dir = mkdtempSync(join(tmpdir(), 'imagegate-runner-'));
    const output = join(dir, 'output');
    const summary = join(dir, 'summary');
    const event = join(dir, 'event.json');
    writeFileSync(output, '');
    writeFileSync(summary, '');
    writeFileSync(
      event,
      JSON.stringify({
        merge_group: {
          head_sha: 'a'.repeat(40),
          head_ref: 'refs/heads/gh-readonly-queue/main/pr-1-x',
          base_ref: 'refs/heads/main'
        },
        repository: {full_name: 'acme/web', default_branch: 'main'}
      })
    );
    const env = {
      PATH: process.env.PATH,
      HOME: dir,
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: 'merge_group',
      GITHUB_EVENT_PATH: event,
      GITHUB_REPOSITORY: 'acme/web',
      GITHUB_OUTPUT: output,
      GITHUB_STEP_SUMMARY: summary,
      INPUT_COMMAND: 'plan',
      INPUT_CONFIG: 'examples/multiarch/.imagegate.yml',
      'INPUT_WORKING-DIRECTORY': root
    };
    const r = spawnSync(node24(), [join(root, 'dist/action/index.js')], {cwd: root, encoding: 'utf8', env});
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const outputs = readFileSync(output, 'utf8');
    expect(outputs).toMatch(/^scenario<<ghadelimiter_[\w-]+\ngate\n/m);
    expect(outputs).toContain('pushed<<');
    expect(readFileSync(summary, 'utf8')).toContain('### imagegate: gate');
  });

  it('the action fails with exit 2 and a file:line annotation on a config error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'imagegate-runner-'));
    const output = join(dir, 'output');
    writeFileSync(output, '');
    const env = {
      PATH: process.env.PATH,
      GITHUB_OUTPUT: output,
      INPUT_COMMAND: 'plan',
      INPUT_CONFIG: '08-unknown-image-key.yml',
      'INPUT_WORKING-DIRECTORY': join(root, '__tests__/fixtures/config/bad')
    };
    const r = spawnSync(node24(), [join(root, 'dist/action/index.js')], {cwd: root, encoding: 'utf8', env});
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('::error file=08-unknown-image-key.yml,line=5,col=5::unknown key `platfroms`');
  });
});
