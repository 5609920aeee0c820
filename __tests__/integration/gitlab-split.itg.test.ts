// examples/gitlab/split.gitlab-ci.yml under gitlab-ci-local (Node 22, shell executor), with the
// components included at the current commit: a merge request of the project runs one
// `parallel:matrix` job per platform, then merge, whose index must hold exactly the tested digests;
// a fork's merge request only checks; the default branch then promotes the merged index unchanged.
import {beforeAll, describe, expect, it} from '@jest/globals';
import {spawnSync} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {imageTags, manifest} from './helpers/registry.js';
import {GCL, gitIn, gitlabCiLocal} from './helpers/gitlab-ci-local.js';
import {ROOT} from './helpers/repo.js';
import {testbed} from './helpers/testbed.js';

const PROJECT_ID = '1217';
const REGISTRY = testbed().registry;

describe('one runner per platform, then merge (GitLab)', () => {
  const namespace = `gs${randomBytes(5).toString('hex')}`;
  let dir = '';
  let node22 = '';

  const git = gitIn(() => dir);
  const gcl = gitlabCiLocal({
    dir: () => dir,
    node22: () => node22,
    bin: () => join(dir, '.bin'),
    variables: {CI_REGISTRY_IMAGE: `${REGISTRY}/${namespace}`}
  });

  const mergeRequest = (source: string): Record<string, string> => ({
    CI_PIPELINE_SOURCE: 'merge_request_event',
    CI_MERGE_REQUEST_EVENT_TYPE: 'merged_result',
    CI_MERGE_REQUEST_IID: '9',
    CI_MERGE_REQUEST_PROJECT_ID: PROJECT_ID,
    CI_MERGE_REQUEST_SOURCE_PROJECT_ID: source,
    CI_MERGE_REQUEST_SOURCE_PROJECT_PATH: source === PROJECT_ID ? 'acme/imagegate' : 'someone/imagegate',
    CI_MERGE_REQUEST_PROJECT_PATH: 'acme/imagegate',
    CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: 'main',
    CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
    CI_MERGE_REQUEST_SOURCE_BRANCH_SHA: git('rev-parse', 'HEAD')
  });

  const webTags = async (): Promise<string[]> => (await imageTags(REGISTRY, `${namespace}/web`)).sort();

  beforeAll(() => {
    node22 = testbed().raw.TESTBED_NODE22 ?? '';
    if (!node22 || !existsSync(node22))
      throw new Error('the testbed has no Node 22 (TESTBED_NODE22) for gitlab-ci-local: rerun `scripts/testbed up`');
    if (!existsSync(GCL)) throw new Error(`${GCL} is missing: run \`npm ci\``);
    dir = mkdtempSync(join(tmpdir(), 'imagegate-gitlab-split-'));
    for (const path of ['templates', 'examples/multiarch', 'dist/cli', 'schema']) {
      mkdirSync(dirname(join(dir, path)), {recursive: true});
      cpSync(join(ROOT, path), join(dir, path), {recursive: true});
    }
    cpSync(join(ROOT, 'examples/gitlab/split.gitlab-ci.yml'), join(dir, '.gitlab-ci.yml'));
    const config = join(dir, 'examples/multiarch/.imagegate.yml');
    writeFileSync(
      config,
      readFileSync(config, 'utf8').replace(/^registry: .*$/m, `registry: ${REGISTRY}/${namespace}`)
    );
    mkdirSync(join(dir, '.bin'));
    writeFileSync(
      join(dir, '.bin/imagegate'),
      `#!/bin/sh\nexec '${node22}' '${join(dir, 'dist/cli/index.js')}' "$@"\n`
    );
    chmodSync(join(dir, '.bin/imagegate'), 0o755);
    writeFileSync(join(dir, '.gitignore'), '.bin/\n.gitlab-ci-local/\nimagegate-records/\n*.env\n*.xml\n');
    spawnSync('git', ['init', '-q', '-b', 'main'], {cwd: dir});
    git('add', '-A');
    git('commit', '-q', '-m', 'initial');
    git('remote', 'add', 'origin', 'git@gitlab.example.invalid:acme/imagegate.git');
  });

  it('a fork merge request: one check job per platform, no merge job, nothing written', async () => {
    const pipeline = gcl([], mergeRequest('4242'), ['CI_COMMIT_BRANCH']);
    expect({code: pipeline.code, tail: pipeline.code ? pipeline.output.slice(-3000) : ''}).toEqual({code: 0, tail: ''});
    expect(pipeline.output).toMatch(/imagegate-platform: \[linux\/amd64\]/);
    expect(pipeline.output).toMatch(/imagegate-platform: \[linux\/arm64\]/);
    expect(pipeline.output).not.toContain('imagegate-merge');
    expect(await webTags()).toEqual([]);
  });

  it('a merge request of the project: both platforms tested and staged, merged into one index; main promotes it', async () => {
    const pipeline = gcl([], mergeRequest(PROJECT_ID), ['CI_COMMIT_BRANCH']);
    expect({code: pipeline.code, tail: pipeline.code ? pipeline.output.slice(-3000) : ''}).toEqual({code: 0, tail: ''});
    expect(pipeline.output).toContain('imagegate-merge');
    const env = Object.fromEntries(
      readFileSync(
        join(dir, '.gitlab-ci-local/artifacts/imagegate-merge/.gitlab-ci-reports/dotenv/imagegate.env'),
        'utf8'
      )
        .trim()
        .split('\n')
        .map(l => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)])
    );
    expect(env).toMatchObject({IMAGEGATE_SCENARIO: 'gate', IMAGEGATE_PUSHED: 'true'});
    expect(await webTags()).toEqual([expect.stringMatching(/^staging-[0-9a-f]{32}$/)]);
    const index = await manifest(env.IMAGEGATE_TAGS!);
    expect(index?.digest).toBe(env.IMAGEGATE_DIGEST);
    const platforms = index!.json
      .manifests!.filter(m => m.platform?.os !== 'unknown')
      .map(m => m.platform?.architecture);
    expect(platforms).toEqual(['amd64', 'arm64']);
    for (const arch of ['amd64', 'arm64']) {
      const record = JSON.parse(readFileSync(join(dir, 'imagegate-records', `web-linux-${arch}.json`), 'utf8')) as {
        digest: string;
      };
      const tested = await manifest(`${REGISTRY}/${namespace}/web@${record.digest}`);
      const image = tested!.json.manifests?.find(m => m.platform?.os !== 'unknown')?.digest ?? record.digest;
      expect(index!.json.manifests!.some(m => m.digest === image)).toBe(true);
    }

    const promote = gcl([], {});
    expect({code: promote.code, tail: promote.code ? promote.output.slice(-3000) : ''}).toEqual({code: 0, tail: ''});
    expect((await manifest(`${REGISTRY}/${namespace}/web:latest`))?.digest).toBe(env.IMAGEGATE_DIGEST);
  });
});
