// The GitLab components, checked the way GitLab reads them: a spec document, `---`, the jobs. Inputs
// are typed and described, every `$[[ inputs.x ]]` is declared (and every declared input used), and
// no interpolation reaches a shell: inputs enter scripts only through `variables:`.
import {describe, expect, it} from '@jest/globals';
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {parseAllDocuments} from 'yaml';
import {ROOT} from '../helpers/root.js';

const TEMPLATES = join(ROOT, 'templates');
const SCRIPT_KEYS = ['script', 'before_script', 'after_script'];
const GLOBAL_KEYWORDS = ['default', 'variables', 'stages', 'workflow', 'image', 'services', 'cache', 'before_script'];
const TYPES = ['string', 'number', 'boolean', 'array'];
const INTERPOLATION = /\$\[\[\s*([a-z]+)\.([A-Za-z0-9_-]+)\s*\]\]/g;

interface Input {
  description?: unknown;
  type?: unknown;
  default?: unknown;
  options?: unknown;
  regex?: unknown;
}

interface Component {
  file: string;
  text: string;
  spec: {inputs?: Record<string, Input>; component?: string[]};
  body: Record<string, unknown>;
}

function load(file: string): Component {
  const text = readFileSync(join(TEMPLATES, file), 'utf8');
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs)) throw new Error(`${file}: not YAML`);
  for (const doc of docs) if (doc.errors.length) throw new Error(`${file}: ${doc.errors[0]!.message}`);
  expect(docs).toHaveLength(2);
  const [header, body] = docs.map(d => d.toJS() as Record<string, unknown>);
  expect(Object.keys(header!)).toEqual(['spec']);
  return {file, text, spec: header!.spec as Component['spec'], body: body!};
}

function jobsOf(body: Record<string, unknown>): [string, Record<string, unknown>][] {
  return Object.entries(body).filter(([, v]) => typeof v === 'object' && v !== null) as [
    string,
    Record<string, unknown>
  ][];
}

function typeOf(value: unknown): string {
  return Array.isArray(value) ? 'array' : typeof value;
}

/** `job.script` entries that contain `$[[ … ]]`. */
function interpolatedScripts(body: Record<string, unknown>): string[] {
  return jobsOf(body).flatMap(([name, job]) =>
    SCRIPT_KEYS.filter(key => JSON.stringify(job[key] ?? '').includes('$[[')).map(key => `${name}.${key}`)
  );
}

const files = readdirSync(TEMPLATES).filter(f => f.endsWith('.yml'));

describe('GitLab components in templates/', () => {
  it('exist', () => {
    expect(files).toContain('imagegate.yml');
  });

  describe.each(files)('%s', file => {
    const component = load(file);
    const inputs = component.spec.inputs ?? {};
    const body = component.text.slice(component.text.indexOf('\n---\n'));

    it('declares kebab-case inputs, each described, typed and consistent with its default', () => {
      for (const [name, input] of Object.entries(inputs)) {
        expect(name).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
        expect(typeof input.description).toBe('string');
        const type = (input.type as string | undefined) ?? 'string';
        expect(TYPES).toContain(type);
        if ('default' in input) expect(`${name}: ${typeOf(input.default)}`).toBe(`${name}: ${type}`);
        if (input.options !== undefined) {
          expect(Array.isArray(input.options)).toBe(true);
          if ('default' in input) expect(input.options).toContain(input.default);
        }
        if (input.regex !== undefined) {
          expect(type).toBe('string');
          const regex = new RegExp(input.regex as string);
          if ('default' in input) expect(regex.test(input.default as string)).toBe(true);
        }
      }
    });

    it('interpolates only declared inputs and component fields, and uses every input', () => {
      const used = new Set<string>();
      for (const [, scope, key] of body.matchAll(INTERPOLATION)) {
        if (scope === 'inputs') {
          expect(Object.keys(inputs)).toContain(key);
          used.add(key!);
        } else {
          expect(scope).toBe('component');
          expect(component.spec.component ?? []).toContain(key);
        }
      }
      expect([...body.matchAll(/\$\[\[/g)].length).toBe([...body.matchAll(INTERPOLATION)].length);
      expect([...used].sort()).toEqual(Object.keys(inputs).sort());
    });

    it('never interpolates into a script: inputs reach the shell only as variables', () => {
      expect(interpolatedScripts(component.body)).toEqual([]);
    });

    it('sets no global keywords, and names every job after the job-prefix input', () => {
      for (const key of GLOBAL_KEYWORDS) expect(Object.keys(component.body)).not.toContain(key);
      for (const [name] of jobsOf(component.body)) expect(name).toMatch(/^\.?\$\[\[ inputs\.job-prefix \]\]-[a-z-]+$/);
    });

    it('puts every job in a stage input', () => {
      const jobs = Object.fromEntries(jobsOf(component.body));
      const stageOf = (job: Record<string, unknown>): unknown =>
        job.stage ?? (typeof job.extends === 'string' ? stageOf(jobs[job.extends] ?? {}) : undefined);
      for (const [name, job] of Object.entries(jobs).filter(([n]) => !n.startsWith('.')))
        expect(`${name}: ${String(stageOf(job))}`).toMatch(/^.+: \$\[\[ inputs\.([a-z]+-)?stage \]\]$/);
    });
  });

  it.each(['gate.yml', 'promote.yml'])('%s is a half of imagegate.yml: the same inputs and jobs', file => {
    const whole = load('imagegate.yml');
    const half = load(file);
    // A half declares the inputs of the whole that its jobs use, exactly as the whole declares them.
    const inputsOf = (c: typeof whole): Record<string, unknown> => (c.spec as {inputs: Record<string, unknown>}).inputs;
    const wholeInputs = inputsOf(whole);
    expect(inputsOf(half)).toEqual(Object.fromEntries(Object.keys(inputsOf(half)).map(k => [k, wholeInputs[k]])));
    const other = load(file === 'gate.yml' ? 'promote.yml' : 'gate.yml');
    expect(new Set([...Object.keys(inputsOf(half)), ...Object.keys(inputsOf(other))])).toEqual(
      new Set(Object.keys(wholeInputs))
    );
    const resolved = (body: Record<string, unknown>): Record<string, unknown> => {
      const jobs = Object.fromEntries(jobsOf(body));
      return Object.fromEntries(
        Object.entries(jobs)
          .filter(([name]) => !name.startsWith('.'))
          .map(([name, {extends: base, ...job}]) => [name, {...(jobs[base as string] ?? {}), ...job}])
      );
    };
    const halfJobs = resolved(half.body);
    expect(Object.keys(halfJobs).length).toBe(2);
    for (const [name, job] of Object.entries(halfJobs)) expect(job).toEqual(resolved(whole.body)[name]);
  });

  it('the script check catches an input spliced into a script', () => {
    const bad = parseAllDocuments(
      'spec: {inputs: {x: {description: d}}}\n---\nj:\n  script:\n    - echo "$[[ inputs.x ]]"\n'
    );
    if (!Array.isArray(bad)) throw new Error('not YAML');
    expect(interpolatedScripts(bad[1]!.toJS() as Record<string, unknown>)).toEqual(['j.script']);
  });

  it('our .gitlab-ci.yml includes existing components at the current commit, with inputs they declare', () => {
    const pipeline = parseAllDocuments(readFileSync(join(ROOT, '.gitlab-ci.yml'), 'utf8'));
    if (!Array.isArray(pipeline)) throw new Error('.gitlab-ci.yml is not YAML');
    const includes = (pipeline[0]!.toJS() as {include: {component: string; inputs?: Record<string, unknown>}[]})
      .include;
    expect(includes.length).toBeGreaterThan(0);
    for (const include of includes) {
      const m = /^\$CI_SERVER_FQDN\/\$CI_PROJECT_PATH\/([a-z0-9-]+)@\$CI_COMMIT_SHA$/.exec(include.component);
      expect(m).not.toBeNull();
      const declared = Object.keys(load(`${m![1]}.yml`).spec.inputs ?? {});
      for (const name of Object.keys(include.inputs ?? {})) expect(declared).toContain(name);
    }
  });
});

describe('the README GitLab example', () => {
  it('is the example our own pipeline runs, with a released version instead of this commit', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = /<!-- gitlab-example:start -->\n```yaml\n([\s\S]*?)```\n<!-- gitlab-example:end -->/.exec(readme);
    expect(block).not.toBeNull();
    const shown = parseAllDocuments(block![1]!);
    const ours = parseAllDocuments(readFileSync(join(ROOT, '.gitlab-ci.yml'), 'utf8'));
    if (!Array.isArray(shown) || !Array.isArray(ours)) throw new Error('not YAML');
    type Pipeline = {include: {component: string; inputs: Record<string, string>}[]} & Record<string, unknown>;
    const readmeDoc = shown[0]!.toJS() as Pipeline;
    const oursDoc = ours[0]!.toJS() as Pipeline;
    const example = oursDoc.include.find(i => i.inputs['job-prefix'] === 'example')!;
    // Our pipeline includes an unreleased commit, so it names the job image's tag itself.
    const {'tool-image': _image, 'tool-tag': _tag, ...inputs} = example.inputs;
    expect(readmeDoc.include).toEqual([
      {
        component: example.component.replace('$CI_PROJECT_PATH', 'OWNER/imagegate').replace('$CI_COMMIT_SHA', '1.0.0'),
        inputs
      }
    ]);
    const {image: _verifyImage, ...verify} = oursDoc['example-verify'] as Record<string, unknown>;
    const {image: _shownImage, ...shownVerify} = readmeDoc['example-verify'] as Record<string, unknown>;
    expect(shownVerify).toEqual(verify);
  });
});
