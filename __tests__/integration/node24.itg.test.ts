// GitHub runs actions on Node 24: the bundled entry points are run under the Node 24 binary from
// npm (installed by scripts/testbed), through the runner's protocol (INPUT_*, GITHUB_OUTPUT,
// GITHUB_STEP_SUMMARY), exactly as the runner starts them.
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from '@jest/globals';
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, dirname} from 'node:path';
import {manifest, tags} from './helpers/registry.js';
import {exampleRepo} from './helpers/repo.js';
import {testbed} from './helpers/testbed.js';

const HERE = dirname(fileURLToPath(import.meta.url));

const root = join(HERE, '../..');

const REGISTRY = testbed().registry;

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

describe('the action runs the gate under Node 24', () => {
  function runAction(dir: string, inputs: Record<string, string>) {
    const out = mkdtempSync(join(tmpdir(), 'imagegate-runner-'));
    const files = {output: join(out, 'output'), summary: join(out, 'summary')};
    writeFileSync(files.output, '');
    writeFileSync(files.summary, '');
    const env: Record<string, string> = {
      PATH: process.env.PATH!,
      HOME: process.env.HOME!,
      RUNNER_TEMP: out,
      GITHUB_OUTPUT: files.output,
      GITHUB_STEP_SUMMARY: files.summary,
      'INPUT_WORKING-DIRECTORY': dir
    };
    for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
    const r = spawnSync(node24(), [join(root, 'dist/action/index.js')], {cwd: dir, encoding: 'utf8', env});
    const outputs = Object.fromEntries(
      [...readFileSync(files.output, 'utf8').matchAll(/^([\w-]+)<<(ghadelimiter_[\w-]+)\n([\s\S]*?)\n\2$/gm)].map(m => [
        m[1],
        m[3]
      ])
    );
    return {status: r.status, stdout: r.stdout, outputs, summary: readFileSync(files.summary, 'utf8')};
  }

  it('gate: outputs the digest it pushed, which the registry holds', async () => {
    const repo = exampleRepo('multiarch');
    const r = runAction(repo.dir, {command: 'gate'});
    expect(r.status).toBe(0);
    expect(r.outputs.pushed).toBe('true');
    expect(r.outputs.scenario).toBe('gate');
    const [ref] = r.outputs.refs!.split('\n');
    expect(ref).toMatch(new RegExp(`^${REGISTRY}/${repo.namespace}/web:staging-[0-9a-f]{32}@${r.outputs.digest}$`));
    expect((await manifest(ref!))?.digest).toBe(r.outputs.digest);
    expect(r.summary).toContain('| web | linux/arm64 (QEMU) |');
    expect(readFileSync(r.outputs.junit!, 'utf8')).toContain('<testsuites name="imagegate">');
  });

  it('a failing platform fails the step with an annotation, and nothing is pushed', async () => {
    const repo = exampleRepo('amd64-only');
    const r = runAction(repo.dir, {command: 'gate'});
    expect(r.status).toBe(1);
    expect(r.outputs.pushed).toBe('false');
    expect(r.stdout).toMatch(
      /^::error file=\.imagegate\.yml,line=9,col=\d+::vendor-cli: test `the CLI starts` failed on linux\/arm64 \(exit code \d+\)/m
    );
    expect(await tags(REGISTRY, `${repo.namespace}/vendor-cli`)).toEqual([]);
  });
});
