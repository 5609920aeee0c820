// `imagegate plan` end to end on a real git checkout: provenance, source identity, exit codes.
import {fileURLToPath} from 'node:url';
import {beforeAll, describe, expect, it} from '@jest/globals';
import {execFileSync} from 'node:child_process';
import {cpSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, dirname} from 'node:path';
import type {Plan} from '../../src/core/plan.js';
import {runCli} from '../helpers/cli.js';

const HERE = dirname(fileURLToPath(import.meta.url));

const example = join(HERE, '../../examples/multiarch');
let repo: string;
const git = (...args: string[]): string => execFileSync('git', args, {cwd: repo, encoding: 'utf8'}).trim();

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'imagegate-plan-'));
  cpSync(example, repo, {recursive: true});
  writeFileSync(join(repo, 'README.md'), 'outside the context? no: context is the whole repo\n');
  git('init', '-q', '-b', 'main');
  git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '--allow-empty', '-m', 'empty');
  git('add', '-A');
  git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'app');
});

async function planJson(args: string[] = [], env: Record<string, string> = {}): Promise<Plan> {
  const r = await runCli(['plan', '--json', ...args], {cwd: repo, env: {PATH: process.env.PATH, ...env}});
  expect(r.code).toBe(0);
  expect(r.stderr).toContain('imagegate plan — scenario');
  return JSON.parse(r.stdout) as Plan;
}

describe('imagegate plan', () => {
  it('prints the plan with the provenance of each value', async () => {
    const r = await runCli(['plan'], {cwd: repo});
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/scenario check\s+\[default\]/);
    expect(r.stdout).toMatch(/platforms\s+linux\/amd64, linux\/arm64\s+\[\.imagegate\.yml:9\]/);
    expect(r.stdout).toMatch(/git sha\s+[0-9a-f]{40}\s+\[git \(local checkout\)\]/);
    expect(r.stdout).toContain('Registry writes in check: none');
  });

  it('--json prints one document on stdout; the commit tag renders', async () => {
    const plan = await planJson(['--scenario', 'promote']);
    const sha = git('rev-parse', 'HEAD');
    expect(plan.scenario).toEqual({value: 'promote', source: '--scenario'});
    expect(plan.writes).toEqual([`localhost:5000/acme/web:${sha}`, 'localhost:5000/acme/web:latest']);
    expect(plan.images[0]!.identity.value).toMatchObject({contextTree: git('rev-parse', 'HEAD^{tree}'), dirty: false});
  });

  it('the source identity follows the context content, committed or not', async () => {
    const before = (await planJson()).images[0]!.identity.value!;
    writeFileSync(join(repo, 'app', 'extra.txt'), 'new file\n');
    const dirty = (await planJson()).images[0]!.identity.value!;
    expect(dirty.dirty).toBe(true);
    expect(dirty.key).not.toBe(before.key);
    git('add', '-A');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'extra');
    const committed = (await planJson()).images[0]!.identity.value!;
    expect(committed).toMatchObject({key: dirty.key, dirty: false});
  });

  it('a release tag on HEAD publishes version tags', async () => {
    git('tag', 'v2.1.0');
    const plan = await planJson(['--scenario', 'release']);
    expect(plan.git.tag).toEqual({value: 'v2.1.0', source: 'git (local checkout)'});
    expect(plan.writes).toEqual(['localhost:5000/acme/web:2.1.0', 'localhost:5000/acme/web:2.1']);
    git('tag', '-d', 'v2.1.0');
  });

  it('infers the scenario from a recorded GitHub merge_group event', async () => {
    const event = join(repo, '..', `event-${Date.now()}.json`);
    writeFileSync(
      event,
      JSON.stringify({
        merge_group: {
          head_sha: 'f'.repeat(40),
          head_ref: 'refs/heads/gh-readonly-queue/main/pr-7-abc',
          base_ref: 'refs/heads/main'
        },
        repository: {full_name: 'acme/web', default_branch: 'main'}
      })
    );
    const plan = await planJson([], {
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: 'merge_group',
      GITHUB_EVENT_PATH: event,
      GITHUB_REPOSITORY: 'acme/web'
    });
    expect(plan.scenario.value).toBe('gate');
    expect(plan.writes).toEqual([plan.images[0]!.staging!.value]);
  });

  it('a missing configuration file is a usage error that names the fix', async () => {
    const r = await runCli(['plan'], {cwd: tmpdir()});
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no .imagegate.yml in');
    expect(r.stderr).toContain('pass --config FILE');
  });
});
