// The GitHub action and its node sub-actions, run exactly as the runner runs them (see
// helpers/runner.ts) under Node 24, for every event of the README's trust table, with recorded event
// payloads, against the testbed registries: what each event writes (nothing for forks and Dependabot,
// staging only for pull requests, final tags on the default branch, version tags on a release tag),
// and that the post step leaves the user's docker config byte-identical and nothing in RUNNER_TEMP.
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals';
import {existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {imageTags, manifest} from './helpers/registry.js';
import {filesRepo, type TempRepo} from './helpers/repo.js';
import {recordedEvent, runStep, type StepRun} from './helpers/runner.js';
import {testbed} from './helpers/testbed.js';

const CONFIG = `registry: localhost:5000/acme
images:
  - name: web
    platforms: [linux/amd64, linux/arm64]
    tags: ["{{sha}}", latest, "{{version}}"]
    test:
      - run: test "$(cat /etc/imagegate-ready)" = ready
`;

// Odd spacing on purpose: restoring means these exact bytes, not an equivalent JSON document.
const USER_DOCKER_CONFIG = `{\n\t"auths": {"registry.example.invalid": {"auth": "dXNlcjpwYXNz"}},\n  "psFormat": "{{.ID}}"\n}`;

const REGISTRY = testbed().registry;

let repo: TempRepo;
let head: string;
let dockerConfig: string;

beforeAll(() => {
  const tb = testbed();
  repo = filesRepo({
    '.imagegate.yml': CONFIG,
    Dockerfile: `FROM ${tb.baseImage}\nCOPY ready /etc/imagegate-ready\n`,
    ready: 'ready\n'
  });
  head = repo.git('rev-parse', 'HEAD');
  // The user's docker config, as docker/login-action would leave it; buildx stays reachable.
  dockerConfig = mkdtempSync(join(tmpdir(), 'imagegate-user-docker-'));
  writeFileSync(join(dockerConfig, 'config.json'), USER_DOCKER_CONFIG, {mode: 0o600});
  symlinkSync(join(process.env.HOME!, '.docker', 'cli-plugins'), join(dockerConfig, 'cli-plugins'));
});

afterAll(() => {
  expect(readFileSync(join(dockerConfig, 'config.json'), 'utf8')).toBe(USER_DOCKER_CONFIG);
});

/** A recorded event, pointed at the temporary repository and its commit. */
function on(name: string, edit: (event: Record<string, unknown>, env: Record<string, string>) => void = () => {}) {
  const {env, event} = recordedEvent(name);
  const pr = event.pull_request as {head?: {sha?: string}} | undefined;
  if (pr?.head) pr.head.sha = head;
  const group = event.merge_group as {head_sha?: string} | undefined;
  if (group) group.head_sha = head;
  if (['push', 'release'].includes(env.GITHUB_EVENT_NAME!)) env.GITHUB_SHA = head;
  edit(event, env);
  return {env: {...env, GITHUB_WORKSPACE: repo.dir, DOCKER_CONFIG: dockerConfig}, event};
}

function step(action: string, name: string, inputs: Record<string, string> = {}, beforePost?: () => void): StepRun {
  const {env, event} = on(name);
  const run = runStep({action, with: inputs, env, event, cwd: repo.dir, ...(beforePost ? {beforePost} : {})});
  // After every run: the post step succeeded, removed the scratch directory, and the user's docker config is intact.
  expect(run.post?.status).toBe(0);
  expect(readdirSync(run.runnerTemp).filter(f => f.startsWith('imagegate-'))).toEqual([]);
  expect(readFileSync(join(dockerConfig, 'config.json'), 'utf8')).toBe(USER_DOCKER_CONFIG);
  return run;
}

const registryTags = (): Promise<string[]> => imageTags(REGISTRY, `${repo.namespace}/web`).then(t => t.sort());
const staging = /^staging-[0-9a-f]{32}$/;

describe('the GitHub action under Node 24, event by event', () => {
  let staged: string;

  it.each(['pull_request-fork', 'pull_request-dependabot'])(
    '%s: check with a notice why, and zero registry writes',
    async name => {
      // As in the README example; such runs get no secrets, so the password is empty.
      const run = step('', name, {'registry-username': 'octocat', 'registry-password': ''});
      expect(run.stdout).toContain('::warning::`registry-password` is empty (secrets are not given to fork');
      expect(run.status).toBe(0);
      expect(run.outputs).toMatchObject({scenario: 'check', pushed: 'false', refs: ''});
      expect(run.stdout).toMatch(
        /^::notice::imagegate check, no registry writes: pull request #\d+ (from fork|by dependabot)/m
      );
      expect(run.summary).toContain('| web | linux/arm64 (QEMU) |');
      expect(await registryTags()).toEqual([]);
    }
  );

  it('a fork pull request forced to gate is refused (exit 2), nothing written', async () => {
    const run = step('', 'pull_request-fork', {scenario: 'gate'});
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(/^::error::scenario gate \(action input scenario\) is refused: this run may not write/m);
    expect(await registryTags()).toEqual([]);
  });

  it('pull_request_target with the head checked out: check, naming the opt-in', async () => {
    const run = step('', 'pull_request_target-same-repo');
    expect(run.status).toBe(0);
    expect(run.outputs).toMatchObject({scenario: 'check', pushed: 'false'});
    expect(run.stdout).toContain('set `allow-pull-request-target-push: true` to let a same-repository head push');
    expect(await registryTags()).toEqual([]);
  });

  it('same-repository pull request (Renovate) through components/gate: the staging tag only', async () => {
    const run = step('components/gate', 'pull_request-renovate');
    expect(run.status).toBe(0);
    expect(run.outputs).toMatchObject({scenario: 'gate', pushed: 'true'});
    const [ref] = run.outputs.refs!.split('\n');
    expect(ref).toMatch(new RegExp(`^${REGISTRY}/${repo.namespace}/web:staging-[0-9a-f]{32}@${run.outputs.digest}$`));
    expect((await manifest(ref!))?.digest).toBe(run.outputs.digest);
    expect(await registryTags()).toEqual([expect.stringMatching(staging)]);
    staged = run.outputs.digest!;
  });

  it('the same pull request may not promote: refused, final tags untouched', async () => {
    const run = step('', 'pull_request-renovate', {scenario: 'promote'});
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('::error::scenario promote (action input scenario) is refused on a pull_request run');
    expect(await registryTags()).toEqual([expect.stringMatching(staging)]);
  });

  it('components/promote on a pull request does nothing and says why', async () => {
    const run = step('components/promote', 'pull_request-renovate');
    expect(run.status).toBe(0);
    expect(run.outputs.pushed).toBe('false');
    expect(run.stdout).toMatch(/^::notice::.*The promote step publishes only on a push to the default branch/m);
    expect(await registryTags()).toEqual([expect.stringMatching(staging)]);
  });

  it('pull_request_target with allow-pull-request-target-push: the pull request’s file cannot name where credentials go', async () => {
    const run = step('', 'pull_request_target-same-repo', {'allow-pull-request-target-push': 'true'});
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(
      /::error::credentials refused: .*the configuration names .*, which the workflow does not/
    );
    expect(await registryTags()).toEqual([expect.stringMatching(staging)]);
  });

  it('pull_request_target with allow-pull-request-target-push and the registry named by the workflow: staging only', async () => {
    const run = step('', 'pull_request_target-same-repo', {
      'allow-pull-request-target-push': 'true',
      registries: REGISTRY.split('/')[0]!
    });
    expect(run.status).toBe(0);
    expect(run.outputs).toMatchObject({scenario: 'gate', pushed: 'true'});
    expect(await registryTags()).toEqual([expect.stringMatching(staging)]);
  });

  it('merge_group gates: the staging tag now holds the queue’s tested bytes', async () => {
    const run = step('', 'merge_group');
    expect(run.outputs).toMatchObject({scenario: 'gate', pushed: 'true'});
    expect(await registryTags()).toEqual([expect.stringMatching(staging)]);
    staged = run.outputs.digest!;
  });

  it('push to the default branch through components/promote: the final tags, same digest', async () => {
    // A later step of the job rewrites the user's docker config: the post step puts it back.
    const touch = () => writeFileSync(join(dockerConfig, 'config.json'), '{"auths":{}}');
    const run = step('components/promote', 'push-default-branch', {}, touch);
    expect(run.status).toBe(0);
    expect(run.outputs).toMatchObject({scenario: 'promote', pushed: 'true', digest: staged});
    expect(run.post?.stdout).toContain('was changed during the job: restored as it was');
    expect(await registryTags()).toEqual([head, 'latest']);
    expect((await manifest(`${REGISTRY}/${repo.namespace}/web:latest`))?.digest).toBe(staged);
  });

  it('a version tag releases the version tags of the same digest', async () => {
    const run = step('', 'push-tag');
    expect(run.status).toBe(0);
    expect(run.outputs).toMatchObject({scenario: 'release', pushed: 'true', digest: staged});
    expect(await registryTags()).toEqual(['1.4.0', head, 'latest'].sort());
  });
});

describe('credentials from the inputs', () => {
  it('reach the registry, are masked, and leave no trace after the post step', async () => {
    const tb = testbed();
    const password = readFileSync(tb.raw.TESTBED_AUTH_PASSWORD_FILE!, 'utf8').trim();
    const auth = filesRepo(
      {
        '.imagegate.yml': CONFIG,
        Dockerfile: `FROM ${tb.baseImage}\nCOPY ready /etc/imagegate-ready\n`,
        ready: 'ready\n'
      },
      c => c.replace(`registry: ${tb.registry}/`, `registry: ${tb.authRegistry}/`)
    );
    const {env, event} = recordedEvent('pull_request-same-repo');
    const run = runStep({
      action: 'components/gate',
      with: {'registry-username': tb.raw.TESTBED_AUTH_USER!, 'registry-password': password},
      env: {...env, GITHUB_WORKSPACE: auth.dir, DOCKER_CONFIG: dockerConfig},
      event,
      cwd: auth.dir
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`::add-mask::${password}`);
    expect(run.stdout.replaceAll(`::add-mask::${password}`, '')).not.toContain(password);
    const basic = `Basic ${Buffer.from(`${tb.raw.TESTBED_AUTH_USER}:${password}`).toString('base64')}`;
    expect(run.outputs.refs).toMatch(new RegExp(`^${tb.authRegistry}/${auth.namespace}/web:staging-`));
    expect((await manifest(run.outputs.refs!, basic))?.digest).toBe(run.outputs.digest);
    expect(run.post?.status).toBe(0);
    expect(existsSync(run.state.scratch!)).toBe(false);
    expect(readFileSync(join(dockerConfig, 'config.json'), 'utf8')).toBe(USER_DOCKER_CONFIG);
  });
});

describe('promote.on-missing: build from the action', () => {
  it('a push to the default branch with nothing staged builds, tests, stages and promotes those bytes', async () => {
    const tb = testbed();
    const fallback = filesRepo({
      '.imagegate.yml': `${CONFIG}promote:\n  on-missing: build\n`,
      Dockerfile: `FROM ${tb.baseImage}\nCOPY ready /etc/imagegate-ready\n`,
      ready: 'ready\n'
    });
    const sha = fallback.git('rev-parse', 'HEAD');
    const {env, event} = recordedEvent('push-default-branch');
    const run = runStep({
      action: '',
      env: {...env, GITHUB_SHA: sha, GITHUB_WORKSPACE: fallback.dir, DOCKER_CONFIG: dockerConfig},
      event,
      cwd: fallback.dir
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('on-missing: build runs the gate first');
    // Both platforms were tested in the image before anything was published.
    expect(run.stdout).toMatch(/test web linux\/amd64: .* — passed/);
    expect(run.stdout).toMatch(/test web linux\/arm64: .* — passed/);
    expect(run.outputs).toMatchObject({scenario: 'promote', pushed: 'true'});
    const published = await imageTags(tb.registry, `${fallback.namespace}/web`);
    expect(published.sort()).toEqual([sha, 'latest'].sort());
    expect((await manifest(`${tb.registry}/${fallback.namespace}/web:latest`))?.digest).toBe(run.outputs.digest);
    expect(run.post?.status).toBe(0);
  });
});
