// The reusable workflow .github/workflows/imagegate.yml, step by step as the runner runs it: its
// platform jobs (the matrix of its `platforms` input's default) run its components/gate step with
// the inputs the workflow passes, then its merge job's root action step over their records.
import {beforeAll, describe, expect, it} from '@jest/globals';
import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {parse} from 'yaml';
import {manifest, tags} from './helpers/registry.js';
import {filesRepo, type TempRepo} from './helpers/repo.js';
import {recordedEvent, runStep, type StepRun} from './helpers/runner.js';
import {testbed} from './helpers/testbed.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const REGISTRY = testbed().registry;

interface Step {
  uses?: string;
  with?: Record<string, string>;
}
interface Workflow {
  on: {workflow_call: {inputs: Record<string, {default?: string}>}};
  jobs: Record<string, {needs?: string; steps: Step[]}>;
}

const workflow = parse(readFileSync(join(ROOT, '.github/workflows/imagegate.yml'), 'utf8')) as Workflow;
const inputs = Object.fromEntries(
  Object.entries(workflow.on.workflow_call.inputs).map(([k, v]) => [k, String(v.default ?? '')])
);

/** The workflow's imagegate step of a job: the local action it names, and its inputs as the runner renders them here. */
function imagegateStep(
  job: string,
  matrix: Record<string, string> = {}
): {action: string; with: Record<string, string>} {
  const step = workflow.jobs[job]!.steps.find(
    s => s.uses?.startsWith('OWNER/imagegate') && !s.uses.includes('/setup')
  )!;
  const action = step.uses!.replace(/^OWNER\/imagegate\/?/, '').replace(/@v1$/, '');
  const rendered: Record<string, string> = {};
  for (const [key, value] of Object.entries(step.with ?? {})) {
    // Credentials come from secrets and the actor: the testbed's registry takes none.
    if (/secrets\.|github\.actor/.test(value)) continue;
    rendered[key] = value.replace(/\$\{\{\s*(inputs|matrix)\.([\w-]+)\s*\}\}/g, (_m, scope: string, name: string) =>
      scope === 'inputs' ? inputs[name]! : matrix[name]!
    );
  }
  return {action, with: rendered};
}

let repo: TempRepo;
let head: string;

beforeAll(() => {
  const tb = testbed();
  repo = filesRepo({
    '.imagegate.yml': `registry: localhost:5000/acme\nimages:\n  - name: web\n    platforms: [linux/amd64, linux/arm64]\n    test:\n      - run: test "$(cat /etc/ready)" = ready\n`,
    Dockerfile: `FROM ${tb.baseImage}\nCOPY ready /etc/ready\n`,
    ready: 'ready\n',
    '.gitignore': 'imagegate-records/\n'
  });
  head = repo.git('rev-parse', 'HEAD');
});

function run(step: {action: string; with: Record<string, string>}, event: string): StepRun {
  const recorded = recordedEvent(event);
  const pr = recorded.event.pull_request as {head?: {sha?: string}} | undefined;
  if (pr?.head) pr.head.sha = head;
  const result = runStep({
    action: step.action,
    with: step.with,
    env: {...recorded.env, GITHUB_WORKSPACE: repo.dir},
    event: recorded.event,
    cwd: repo.dir
  });
  expect(result.post?.status).toBe(0);
  return result;
}

describe('the reusable workflow (workflow_call)', () => {
  it('runs setup, a gate per platform, merge, then promote, in that order', () => {
    expect(Object.keys(workflow.jobs)).toEqual(['platform', 'merge', 'promote']);
    expect(workflow.jobs.merge!.needs).toBe('platform');
    expect(workflow.jobs.platform!.steps.map(s => s.uses?.replace(/@.*/, ''))).toContain(
      'OWNER/imagegate/components/setup'
    );
    expect(imagegateStep('promote').action).toBe('components/promote');
  });

  it('a same-repository pull request: its platform jobs stage each platform, its merge job the index of exactly those', async () => {
    const platforms = JSON.parse(inputs.platforms!) as {platform: string}[];
    expect(platforms.map(p => p.platform)).toEqual(['linux/amd64', 'linux/arm64']);
    for (const {platform} of platforms) {
      const gate = run(imagegateStep('platform', {platform}), 'pull_request-renovate');
      expect(gate.status).toBe(0);
      expect(gate.outputs).toMatchObject({scenario: 'gate', pushed: 'true'});
    }
    const merge = run(imagegateStep('merge'), 'pull_request-renovate');
    expect(merge.status).toBe(0);
    expect(merge.outputs.tags).toMatch(new RegExp(`^${REGISTRY}/${repo.namespace}/web:staging-[0-9a-f]{32}$`));
    const index = await manifest(merge.outputs.tags!);
    expect(index!.json.manifests!.filter(m => m.platform?.os !== 'unknown').map(m => m.platform?.architecture)).toEqual(
      ['amd64', 'arm64']
    );
    expect((await tags(REGISTRY, `${repo.namespace}/web`)).filter(t => t.includes('-linux-'))).toEqual([]);
  });
});
