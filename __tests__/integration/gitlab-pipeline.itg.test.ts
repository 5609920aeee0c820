// Our own .gitlab-ci.yml, run by a real GitLab CI client: gitlab-ci-local (Node 22, shell executor)
// against the testbed, with the components included at the current commit (`include: component:
// …@$CI_COMMIT_SHA`, which gitlab-ci-local resolves from the local checkout). Four pipeline kinds
// run in the order a change lives through them, and each is judged by what reached the registry:
// fork MR nothing, MR staging only, merge train the merged tree's staging tag, default branch the
// final tags at the train's digest.
import {beforeAll, describe, expect, it} from '@jest/globals';
import {spawnSync} from 'node:child_process';
import {chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {randomBytes} from 'node:crypto';
import {GCL, gitIn, gitlabCiLocal, type Pipeline} from './helpers/gitlab-ci-local.js';
import {ROOT} from './helpers/repo.js';
import {imageTags, manifest} from './helpers/registry.js';
import {testbed} from './helpers/testbed.js';

// What the pipeline needs from the repository: the components, the pipeline, the example, the
// job image's sources and the bundle the shell executor runs in place of the job image.
const FILES = ['.gitignore', '.gitlab-ci.yml', 'templates', 'examples/multiarch', 'images/tool', 'dist/cli', 'schema'];
const FORK_PROJECT_ID = '4242';
// gitlab-ci-local's CI_PROJECT_ID.
const PROJECT_ID = '1217';

describe('our .gitlab-ci.yml under gitlab-ci-local', () => {
  const namespace = `gl${randomBytes(5).toString('hex')}`;
  const registry = testbed().registry;
  let dir = '';
  let node22 = '';
  let bin = '';

  const git = gitIn(() => dir);
  const gcl = gitlabCiLocal({
    dir: () => dir,
    node22: () => node22,
    bin: () => bin,
    variables: {CI_REGISTRY_IMAGE: `${registry}/${namespace}`},
    passEnv: ['IMAGEGATE_TRACE']
  });

  const run = (variables: Record<string, string>, unset: string[] = []): Pipeline => {
    const pipeline = gcl([], variables, unset);
    if (pipeline.code !== 0)
      throw new Error(`gitlab-ci-local failed (${pipeline.code}):\n${pipeline.output.slice(-6000)}`);
    return pipeline;
  };

  const jobs = (variables: Record<string, string>, unset: string[] = []): string[] => {
    const listed = gcl(['--list-csv'], variables, unset);
    if (listed.code !== 0) throw new Error(`gitlab-ci-local --list-csv failed:\n${listed.output}`);
    const lines = listed.output.split('\n');
    const header = lines.findIndex(l => l.startsWith('name;'));
    return lines
      .slice(header + 1)
      .filter(l => l.includes(';'))
      .map(l => l.split(';')[0]!)
      .sort();
  };

  const dotenv = (job: string): Record<string, string> => {
    const file = join(dir, '.gitlab-ci-local/artifacts', job, '.gitlab-ci-reports/dotenv/imagegate.env');
    return Object.fromEntries(
      readFileSync(file, 'utf8')
        .trimEnd()
        .split('\n')
        .map(l => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)])
    );
  };

  const repoTags = async (name: string): Promise<string[]> =>
    (await imageTags(registry, `${namespace}/${name}`)).sort();

  const mergeRequest = (kind: 'merged_result' | 'merge_train', sourceProject: string): Record<string, string> => ({
    CI_PIPELINE_SOURCE: 'merge_request_event',
    CI_MERGE_REQUEST_EVENT_TYPE: kind,
    CI_MERGE_REQUEST_IID: '7',
    CI_MERGE_REQUEST_PROJECT_ID: PROJECT_ID,
    CI_MERGE_REQUEST_SOURCE_PROJECT_ID: sourceProject,
    CI_MERGE_REQUEST_SOURCE_PROJECT_PATH: sourceProject === PROJECT_ID ? 'acme/imagegate' : 'someone/imagegate',
    CI_MERGE_REQUEST_PROJECT_PATH: 'acme/imagegate',
    CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: 'feature',
    CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
    CI_MERGE_REQUEST_SOURCE_BRANCH_SHA: git('rev-parse', 'feature')
  });

  beforeAll(() => {
    const tb = testbed();
    node22 = tb.raw.TESTBED_NODE22 ?? '';
    if (!node22 || !existsSync(node22))
      throw new Error('the testbed has no Node 22 (TESTBED_NODE22) for gitlab-ci-local: rerun `scripts/testbed up`');
    if (!existsSync(GCL)) throw new Error(`${GCL} is missing: run \`npm ci\``);
    dir = mkdtempSync(join(tmpdir(), 'imagegate-gitlab-'));
    for (const path of FILES) {
      mkdirSync(dirname(join(dir, path)), {recursive: true});
      cpSync(join(ROOT, path), join(dir, path), {recursive: true});
    }
    for (const config of ['examples/multiarch/.imagegate.yml', 'images/tool/.imagegate.yml']) {
      const path = join(dir, config);
      const text = readFileSync(path, 'utf8').replace(
        /^registry: localhost:5000\/\w+/m,
        `registry: ${registry}/${namespace}`
      );
      writeFileSync(path, text);
    }
    bin = join(dir, '.bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'imagegate'), `#!/bin/sh\nexec '${node22}' '${join(dir, 'dist/cli/index.js')}' "$@"\n`);
    chmodSync(join(bin, 'imagegate'), 0o755);
    spawnSync('git', ['init', '-q', '-b', 'main'], {cwd: dir});
    writeFileSync(join(dir, '.git/info/exclude'), '.bin/\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'initial');
    // gitlab-ci-local takes the project path from the remote; the host is never contacted.
    git('remote', 'add', 'origin', 'git@gitlab.example.invalid:acme/imagegate.git');
    git('update-ref', 'refs/remotes/origin/main', 'HEAD');
    git('symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/main');
    // A merge request that changes the example, and a default branch that moved on meanwhile.
    git('checkout', '-q', '-b', 'feature');
    writeFileSync(join(dir, 'examples/multiarch/app/feature.txt'), 'from the merge request\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'feature');
    git('checkout', '-q', 'main');
    writeFileSync(join(dir, 'NOTICE'), 'the default branch moved on\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'main moves on');
  });

  it('expands the components: schema-valid, every interpolation resolved (--preview)', () => {
    const preview = gcl(['--preview'], {});
    expect(preview.code).toBe(0);
    const expanded = preview.output.slice(preview.output.indexOf('---\n'));
    expect(expanded).toContain('example-gate:');
    expect(expanded).toContain('IMAGEGATE_WORKING_DIRECTORY: examples/multiarch');
    expect(expanded).not.toContain('$[[');
  });

  it('selects the jobs of each pipeline kind, and a release job on tags', () => {
    git('checkout', '-q', 'feature');
    const unsetBranch = ['CI_COMMIT_BRANCH'];
    expect(jobs(mergeRequest('merged_result', FORK_PROJECT_ID), unsetBranch)).toEqual([
      'example-check',
      'example-verify',
      'tool-image-check'
    ]);
    expect(jobs(mergeRequest('merged_result', PROJECT_ID), unsetBranch)).toEqual([
      'example-gate',
      'example-verify',
      'tool-image-gate'
    ]);
    expect(jobs(mergeRequest('merge_train', FORK_PROJECT_ID), unsetBranch)).toEqual([
      'example-gate',
      'example-verify',
      'tool-image-gate'
    ]);
    git('checkout', '-q', 'main');
    expect(jobs({})).toEqual(['example-promote', 'example-verify', 'tool-image-promote']);
    expect(jobs({CI_COMMIT_TAG: 'v1.2.3', CI_COMMIT_REF_NAME: 'v1.2.3'}, ['CI_COMMIT_BRANCH'])).toEqual([
      'create-release',
      'example-release',
      'tool-image-release'
    ]);
  });

  it('fork MR: builds and tests, pushes nothing', async () => {
    git('checkout', '-q', 'feature');
    const pipeline = run(mergeRequest('merged_result', FORK_PROJECT_ID), ['CI_COMMIT_BRANCH']);
    expect(pipeline.output).toContain('forks get check');
    expect(dotenv('example-check')).toMatchObject({IMAGEGATE_SCENARIO: 'check', IMAGEGATE_PUSHED: 'false'});
    expect(dotenv('tool-image-check')).toMatchObject({IMAGEGATE_SCENARIO: 'check', IMAGEGATE_PUSHED: 'false'});
    expect(await repoTags('web')).toEqual([]);
    expect(await repoTags('tool')).toEqual([]);
  });

  it('MR, merge train, default branch, tag: staging only, the merged tree, final tags by digest, version tags', async () => {
    git('checkout', '-q', 'feature');
    run(mergeRequest('merged_result', PROJECT_ID), ['CI_COMMIT_BRANCH']);
    const mr = {web: dotenv('example-gate'), tool: dotenv('tool-image-gate')};
    expect(mr.web).toMatchObject({IMAGEGATE_SCENARIO: 'gate', IMAGEGATE_PUSHED: 'true'});
    expect(await repoTags('web')).toEqual([expect.stringMatching(/^staging-[0-9a-f]{32}$/)]);
    expect(await repoTags('tool')).toEqual([expect.stringMatching(/^staging-[0-9a-f]{32}$/)]);

    // The train tests the merge result: main's new commit plus the feature.
    git('checkout', '-q', '-b', 'train', 'main');
    git('merge', '-q', '--no-ff', '-m', 'Merge branch feature', 'feature');
    const train = run(mergeRequest('merge_train', PROJECT_ID), ['CI_COMMIT_BRANCH']);
    expect(train.output).toContain('merge train');
    const trained = {web: dotenv('example-gate'), tool: dotenv('tool-image-gate')};
    expect(trained.web.IMAGEGATE_TAGS).toBe(mr.web.IMAGEGATE_TAGS); // the example's tree did not change
    expect(trained.tool.IMAGEGATE_TAGS).not.toBe(mr.tool.IMAGEGATE_TAGS); // the repository root did
    expect(await repoTags('tool')).toHaveLength(2);

    // The train lands: main fast-forwards to the tested merge commit and promotes it.
    git('checkout', '-q', 'main');
    git('merge', '-q', '--ff-only', 'train');
    const merged = git('rev-parse', 'HEAD');
    const promote = run({});
    expect(dotenv('example-promote')).toMatchObject({
      IMAGEGATE_SCENARIO: 'promote',
      IMAGEGATE_PUSHED: 'true',
      IMAGEGATE_DIGEST_WEB: trained.web.IMAGEGATE_DIGEST_WEB
    });
    expect(await repoTags('web')).toEqual([merged, 'latest'].sort());
    expect((await manifest(`${registry}/${namespace}/web:latest`))?.digest).toBe(trained.web.IMAGEGATE_DIGEST);
    const toolTags = await repoTags('tool');
    expect(toolTags).toEqual(expect.arrayContaining([merged, 'main']));
    expect(toolTags.filter(t => t.startsWith('staging-'))).toEqual([mr.tool.IMAGEGATE_TAGS!.split(':').pop()]);
    expect((await manifest(`${registry}/${namespace}/tool:main`))?.digest).toBe(trained.tool.IMAGEGATE_DIGEST);
    // The verify job read the promote job's dotenv report and checked every reference it wrote.
    expect(promote.output).toMatch(/scenario promote, pushed true/);
    expect(promote.output).toContain(`complete: ${registry}/${namespace}/web:latest@${trained.web.IMAGEGATE_DIGEST}`);

    // A tag on the promoted commit publishes the version tags of the same digest; our release job runs.
    git('tag', 'v1.2.3');
    const release = run({CI_COMMIT_TAG: 'v1.2.3', CI_COMMIT_REF_NAME: 'v1.2.3'}, ['CI_COMMIT_BRANCH']);
    expect(dotenv('example-release')).toMatchObject({
      IMAGEGATE_SCENARIO: 'release',
      IMAGEGATE_DIGEST_WEB: trained.web.IMAGEGATE_DIGEST_WEB
    });
    expect((await manifest(`${registry}/${namespace}/web:1.2.3`))?.digest).toBe(trained.web.IMAGEGATE_DIGEST);
    expect((await manifest(`${registry}/${namespace}/web:1.2`))?.digest).toBe(trained.web.IMAGEGATE_DIGEST);
    expect((await manifest(`${registry}/${namespace}/tool:1.2.3`))?.digest).toBe(trained.tool.IMAGEGATE_DIGEST);
    expect(release.output).toContain('Creating release v1.2.3');
  });

  it('the published job image runs the flow as a GitLab docker runner would, arm64 under QEMU included', () => {
    // A job container drives the host's engine through its socket: the shape of a docker runner
    // with a mounted socket. The example builds and tests on both platforms from inside it.
    const image = `${registry}/${namespace}/tool:main`;
    const socket = (testbed().raw.TESTBED_DOCKER_HOST ?? 'unix:///var/run/docker.sock').replace(/^unix:\/\//, '');
    const project = '/builds/acme/imagegate';
    const r = spawnSync(
      'docker',
      [
        'run',
        '--rm',
        '--network',
        'host',
        '-v',
        `${socket}:/var/run/docker.sock`,
        '-v',
        `${dir}:${project}`,
        '-w',
        project,
        '-e',
        'GITLAB_CI=true',
        '-e',
        'CI_PIPELINE_SOURCE=push',
        '-e',
        'CI_COMMIT_BRANCH=feature',
        '-e',
        'CI_DEFAULT_BRANCH=main',
        image,
        'imagegate',
        'run',
        '--config',
        'examples/multiarch/.imagegate.yml',
        '--dotenv',
        'job-image.env'
      ],
      {encoding: 'utf8'}
    );
    expect(`${r.status}\n${r.stderr.slice(-3000)}`).toMatch(/^0\n/);
    expect(r.stdout).toMatch(/linux\/arm64 \(QEMU\)\n\s+PASS/);
    expect(readFileSync(join(dir, 'job-image.env'), 'utf8')).toContain('IMAGEGATE_SCENARIO=check');
  });
});
