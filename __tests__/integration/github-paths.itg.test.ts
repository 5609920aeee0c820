// A pull request's own .imagegate.yml may not reach outside its checkout: the bundled action, run as
// the runner runs it on a recorded same-repository pull request, exits 2 with an annotation at the
// key's line and column, and runs no program (IMAGEGATE_TRACE lists every one) and writes nothing.
import {describe, expect, it} from '@jest/globals';
import {symlinkSync} from 'node:fs';
import {join} from 'node:path';
import {tags} from './helpers/registry.js';
import {filesRepo} from './helpers/repo.js';
import {recordedEvent, runStep} from './helpers/runner.js';
import {testbed} from './helpers/testbed.js';

const REGISTRY = testbed().registry;

describe('the GitHub action on a pull request whose configuration leads out of the checkout', () => {
  it.each([
    ['`context: ..`', '    context: ..\n', undefined, 'line=4,col=14::`..` leads to'],
    [
      'a test mount linked to /',
      '    test:\n      commands: [cat /imagegate/tests/etc/hostname]\n      mount: {source: tests}\n',
      'tests',
      'line=6,col=23::`tests` leads through a symbolic link to /, outside the repository'
    ]
  ])('%s: exit 2, an annotation at the line, nothing runs', async (_what, image, link, annotation) => {
    const repo = filesRepo({
      '.imagegate.yml': `registry: localhost:5000/acme\nimages:\n  - name: web\n${image}`,
      Dockerfile: `FROM ${testbed().baseImage}\n`
    });
    if (link) {
      symlinkSync('/', join(repo.dir, link));
      repo.commit('link');
    }
    const {env, event} = recordedEvent('pull_request-same-repo');
    (event.pull_request as {head: {sha: string}}).head.sha = repo.git('rev-parse', 'HEAD');
    const run = runStep({
      action: '',
      env: {...env, GITHUB_WORKSPACE: repo.dir, IMAGEGATE_TRACE: '1'},
      event,
      cwd: repo.dir
    });
    expect(run.status).toBe(2);
    expect(run.stdout).toContain(`::error file=.imagegate.yml,${annotation}`);
    expect(run.stdout).toContain(`outside the repository ${repo.dir}`);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/^trace: /m);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/unexpected error|\n\s+at /);
    expect(run.outputs.pushed ?? 'false').toBe('false');
    expect(await tags(REGISTRY, `${repo.namespace}/web`)).toEqual([]);
    expect(run.post?.status).toBe(0);
  });
});
