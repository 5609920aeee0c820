// Every YAML file we ship to GitHub users: no expression may reach a shell (inputs and event fields go
// through `env:`), every `uses:` is pinned by a full commit SHA with its version in a comment, and the
// README's GitHub example is exactly the example workflow that is linted and tested.
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from '@jest/globals';
import {parse} from 'yaml';
import {ROOT} from '../helpers/root.js';

/** Our own action, as users write it in the examples: replace OWNER and pin to the reviewed release. */
const OWN_ACTION = /^OWNER\/imagegate(\/components\/[a-z-]+)?@v\d+$/;
const PINNED = /^[\w.-]+\/[\w.-]+(\/[\w./-]+)?@[0-9a-f]{40}$/;

function shippedFiles(): string[] {
  const components = readdirSync(join(ROOT, 'components')).map(d => join('components', d, 'action.yml'));
  const workflows: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(join(ROOT, dir), {withFileTypes: true})) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (/(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(path)) workflows.push(path);
    }
  };
  walk('examples');
  if (existsSync(join(ROOT, '.github'))) walk('.github');
  return ['action.yml', ...components, ...workflows];
}

interface Finding {
  file: string;
  problem: string;
}

/** The problems of one YAML text: expressions inside `run:`, `uses:` not pinned by SHA or without a version comment. */
export function scanYaml(file: string, text: string): Finding[] {
  const out: Finding[] = [];
  const visit = (node: unknown, at: string): void => {
    if (Array.isArray(node)) return node.forEach((n, i) => visit(n, `${at}[${i}]`));
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (typeof record.run === 'string' && record.run.includes('${{'))
      out.push({file, problem: `${at}.run has an expression; pass it through env: instead`});
    if (typeof record.uses === 'string') {
      const uses = record.uses;
      if (!uses.startsWith('./') && !OWN_ACTION.test(uses)) {
        if (uses.startsWith('docker://') ? !/@sha256:[0-9a-f]{64}$/.test(uses) : !PINNED.test(uses))
          out.push({file, problem: `${at}.uses ${uses} is not pinned by a full commit SHA (or image digest)`});
        else if (!new RegExp(`uses: ${escape(uses)} # v\\d+\\.\\d+\\.\\d+\\s*$`, 'm').test(text))
          out.push({file, problem: `${at}.uses ${uses} lacks its version as a \`# vX.Y.Z\` comment`});
      }
    }
    for (const [key, value] of Object.entries(record)) visit(value, `${at}.${key}`);
  };
  visit(parse(text), file);
  return out;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

describe('shipped GitHub YAML', () => {
  const files = shippedFiles();

  it('covers the root action, every sub-action and the example workflows', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'action.yml',
        'components/gate/action.yml',
        'components/promote/action.yml',
        'components/setup/action.yml',
        'examples/github/.github/workflows/images.yml'
      ])
    );
  });

  it.each(files)('%s: no expression reaches a shell, every uses: is pinned', file => {
    expect(scanYaml(file, readFileSync(join(ROOT, file), 'utf8'))).toEqual([]);
  });

  it('the scan catches what it looks for', () => {
    const bad = [
      'runs:',
      '  using: composite',
      '  steps:',
      '    - run: echo "${{ inputs.config }}"',
      '      shell: bash',
      '    - uses: docker/setup-qemu-action@v4',
      '    - uses: docker/setup-buildx-action@37fe631027851001ddb9b187196cc803df7f5f0e',
      '    - uses: docker://busybox:1'
    ].join('\n');
    expect(scanYaml('bad.yml', bad).map(f => f.problem)).toEqual([
      'bad.yml.runs.steps[0].run has an expression; pass it through env: instead',
      'bad.yml.runs.steps[1].uses docker/setup-qemu-action@v4 is not pinned by a full commit SHA (or image digest)',
      'bad.yml.runs.steps[2].uses docker/setup-buildx-action@37fe631027851001ddb9b187196cc803df7f5f0e lacks its version as a `# vX.Y.Z` comment',
      'bad.yml.runs.steps[3].uses docker://busybox:1 is not pinned by a full commit SHA (or image digest)'
    ]);
  });

  it('the README shows exactly the example workflow', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const marker = '<!-- example: examples/github/.github/workflows/images.yml -->';
    const at = readme.indexOf(marker);
    expect(at).toBeGreaterThan(0);
    const block = /```yaml\n([\s\S]*?)```/.exec(readme.slice(at))?.[1];
    expect(block).toBe(readFileSync(join(ROOT, 'examples/github/.github/workflows/images.yml'), 'utf8'));
  });

  it('the example workflow passes only inputs our actions declare', () => {
    const workflow = parse(readFileSync(join(ROOT, 'examples/github/.github/workflows/images.yml'), 'utf8')) as {
      jobs: Record<string, {steps: {uses?: string; with?: Record<string, string>}[]}>;
    };
    const ours = Object.values(workflow.jobs)
      .flatMap(j => j.steps)
      .filter(s => s.uses?.startsWith('OWNER/imagegate'));
    expect(ours.length).toBeGreaterThan(0);
    for (const s of ours) {
      const dir = /^OWNER\/imagegate\/?([^@]*)@/.exec(s.uses!)![1]!;
      const action = parse(readFileSync(join(ROOT, dir, 'action.yml'), 'utf8')) as {inputs?: object};
      expect(Object.keys(action.inputs ?? {})).toEqual(expect.arrayContaining(Object.keys(s.with ?? {})));
    }
  });

  it('the sub-actions start the bundle the build makes for them', () => {
    for (const step of ['gate', 'promote']) {
      const action = parse(readFileSync(join(ROOT, `components/${step}/action.yml`), 'utf8')) as {
        runs: {using: string; main: string; post: string};
      };
      expect(action.runs).toEqual({
        using: 'node24',
        main: `../../dist/action/${step}.js`,
        post: `../../dist/action/${step}.js`
      });
      expect(existsSync(join(ROOT, 'components', step, action.runs.main))).toBe(true);
    }
  });
});
