// `imagegate plan` end to end on a real git checkout: provenance, source identity, exit codes.
import {fileURLToPath} from 'node:url';
import {beforeAll, describe, expect, it} from '@jest/globals';
import {execFileSync} from 'node:child_process';
import {cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync} from 'node:fs';
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

  describe('paths git cannot hash', () => {
    /** A fresh checkout: `.imagegate.yml` with `image` lines, an `app` context, a directory beside it. */
    function checkout(image: string): string {
      const base = mkdtempSync(join(tmpdir(), 'imagegate-plan-paths-'));
      const dir = join(base, 'repo');
      mkdirSync(join(dir, 'app'), {recursive: true});
      mkdirSync(join(base, 'outside'));
      for (const d of [join(dir, 'app'), join(base, 'outside'), base])
        writeFileSync(join(d, 'Dockerfile'), 'FROM scratch\n');
      writeFileSync(join(dir, '.imagegate.yml'), `registry: localhost:5000/acme\nimages:\n  - name: web\n${image}`);
      symlinkSync('app', join(dir, 'inside'));
      symlinkSync('../outside', join(dir, 'beside'));
      const g = (...args: string[]) => execFileSync('git', args, {cwd: dir, encoding: 'utf8'});
      g('init', '-q', '-b', 'main');
      g('add', '-A');
      g('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'app');
      return dir;
    }

    it('a context linked inside the repository plans; its identity is the tree the link leads to', async () => {
      const dir = checkout('    context: inside\n');
      const r = await runCli(['plan', '--json'], {cwd: dir});
      expect(r.stderr).not.toContain('unexpected error');
      expect(r.code).toBe(0);
      const plan = JSON.parse(r.stdout) as Plan;
      const tree = execFileSync('git', ['rev-parse', 'HEAD:app'], {cwd: dir, encoding: 'utf8'}).trim();
      expect(plan.images[0]!.identity.value).toMatchObject({contextTree: tree, dirty: false});
    });

    it.each([
      ['`context: ..`', '    context: ..\n', '4:14: `..` leads to'],
      [
        'a context linked beside the repository',
        '    context: beside\n',
        '4:14: `beside` leads through a symbolic link to'
      ],
      [
        'a containerfile beside the repository',
        '    context: app\n    containerfile: ../../outside/Dockerfile\n',
        '5:20: `../../outside/Dockerfile` leads to'
      ]
    ])('%s: exit 2 at the key with the fix, no stack trace', async (_what, image, message) => {
      const dir = checkout(image);
      const r = await runCli(['plan'], {cwd: dir});
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(new RegExp(`^\\.imagegate\\.yml:${message.replace(/[.*`]/g, '\\$&')}`));
      expect(r.stderr).toContain('outside the repository');
      expect(r.stderr).not.toMatch(/unexpected error|\n\s+at /);
    });
  });
});

describe('imagegate plan: the command line overrides', () => {
  it('--registry, --platforms and --release-version change the plan and say so ("flag")', async () => {
    const plan = await planJson([
      '--scenario',
      'release',
      '--registry',
      'localhost:5002/mirror',
      '--platforms',
      'linux/arm64',
      '--release-version',
      'v2.1.0'
    ]);
    const web = plan.images[0]!;
    expect(web.repository).toEqual({value: 'localhost:5002/mirror/web', source: 'registry (flag --registry) + name'});
    expect(web.platforms).toEqual({value: ['linux/arm64'], source: 'flag --platforms'});
    expect(plan.git.tag).toEqual({value: 'v2.1.0', source: 'flag --release-version'});
    expect(plan.writes).toEqual(['localhost:5002/mirror/web:2.1.0', 'localhost:5002/mirror/web:2.1']);
    const text = await runCli(['plan', '--registry', 'localhost:5002/mirror'], {cwd: repo});
    expect(text.stdout).toMatch(/repository\s+localhost:5002\/mirror\/web\s+\[registry \(flag --registry\) \+ name\]/);
  });

  it('--image limits the run to the images named, and shows it', async () => {
    const plan = await planJson(['--image', 'web']);
    expect(plan.selected).toEqual({value: ['web'], source: 'flag --image'});
  });

  it.each([
    [['--image', 'wbe'], '--image wbe: the configuration has no image `wbe`; did you mean `web`?'],
    [['--platforms', 'linux/s390x'], '--platforms: no image builds linux/s390x'],
    [
      ['--registry', 'https://ghcr.io/acme'],
      '--registry https://ghcr.io/acme: write `ghcr.io/acme` without a URL scheme'
    ],
    [['--release-version', 'two'], '--release-version two is not a semantic version'],
    [
      ['--version', '1.2.3'],
      "--version prints imagegate's version; the version a release writes is `--release-version 1.2.3`"
    ],
    [
      ['--platform', 'linux/amd64,linux/arm64'],
      '--platform builds one platform of a split build; to build and test several, write `--platforms linux/amd64,linux/arm64`'
    ]
  ])('%j: exit 2 with the fix, before anything runs', async (args, message) => {
    const r = await runCli(['plan', ...args], {cwd: repo});
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});
