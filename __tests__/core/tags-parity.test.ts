// What metadata-action users keep: {{pr}}, {{date FORMAT}}, a docker-safe {{branch}}, semver with
// prereleases, `latest` for the highest release only, and a prefix/suffix flavor.
import {describe, expect, it} from '@jest/globals';
import {loadConfig} from '../../src/core/config/load.js';
import {sourceIdentity} from '../../src/core/identity.js';
import {buildPlan} from '../../src/core/plan.js';
import {releaseAliasSkip} from '../../src/core/releases.js';
import {inferScenario} from '../../src/core/scenario.js';
import {
  defaultTagScenarios,
  formatDate,
  parseTagTemplate,
  renderTagTemplate,
  type TagTemplate
} from '../../src/core/tags.js';

function template(text: string): TagTemplate {
  const r = parseTagTemplate(text);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

const sha = '4f1c2a9e8b7d6c5f4e3d2c1b0a9f8e7d6c5b4a39';
const now = new Date(Date.UTC(2026, 2, 7, 4, 5, 6));

describe('{{pr}} and {{date FORMAT}}', () => {
  // prettier-ignore
  it.each([
    ['pr-{{pr}}', {sha, pr: '42'}, 'pr-42'],
    ['{{date YYYYMMDD}}', {sha, now}, '20260307'],
    ["nightly-{{date 'YYYY-MM-DD'}}", {sha, now}, 'nightly-2026-03-07'],
    ['{{date YYMMDD.HHmmss}}-{{short_sha}}', {sha, now}, '260307.040506-4f1c2a9'],
    ['{{branch}}', {sha, branch: 'Feature/Login#2'}, 'Feature-Login-2'],
    ['{{branch}}', {sha, branch: '-weird'}, '_weird']
  ])('%s with %j renders %s', (text, git, expected) => {
    expect(renderTagTemplate(template(text), git)).toEqual({ok: true, tag: expected});
  });

  it('a run without a pull request skips {{pr}} with the reason', () => {
    expect(renderTagTemplate(template('pr-{{pr}}'), {sha})).toEqual({
      ok: false,
      skipped: 'no pull or merge request number is known (this run is not for one)'
    });
  });

  it('{{pr}} tags are the gate’s, dated tags the promotion’s', () => {
    expect(defaultTagScenarios(template('pr-{{pr}}'))).toEqual(['gate']);
    expect(defaultTagScenarios(template('{{date YYYYMMDD}}'))).toEqual(['promote']);
  });

  // prettier-ignore
  it.each([
    ['{{date}}', 'give the date a format, e.g. `{{date YYYYMMDD}}`'],
    ['{{date YYYY/MM}}', '`/MM` is not a date token'],
    ['{{date Q}}', '`Q` is not a date token; use YYYY, YY, MM, DD, HH, mm, ss']
  ])('%s is refused with the tokens', (text, message) => {
    const r = parseTagTemplate(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toContain(message);
  });

  it('formats in UTC', () => {
    expect(formatDate(new Date('2026-12-31T23:59:59-05:00'), 'YYYY-MM-DD HH')).toBe('2027-01-01 04');
  });
});

describe('release aliases move for the highest release only', () => {
  const releases = ['v1.4.8', 'v1.4.9', 'v1.5.0', 'v2.0.0', 'v2.1.0-rc.1', 'not-a-version'];
  // prettier-ignore
  it.each([
    ['latest', 'v2.0.0', undefined],
    ['latest', 'v1.4.9', '`latest` stays with 2.0.0: 1.4.9 is not the highest release (the repository\'s git tags)'],
    ['{{major}}', 'v1.4.9', '`{{major}}` stays with 1.5.0: 1.4.9 is not the highest release of 1.x (the repository\'s git tags)'],
    ['{{major}}.{{minor}}', 'v1.4.9', undefined],
    ['{{version}}', 'v1.4.8', undefined],
    ['latest', 'v2.1.0-rc.1', '`latest` is not moved by prerelease 2.1.0-rc.1']
  ])('%s on %s: %s', (text, tag, skipped) => {
    expect(releaseAliasSkip(template(text), tag, releases)).toBe(skipped);
  });
});

describe('the plan', () => {
  function plan(config: string, env: Record<string, string>, event: unknown, releases?: string[]) {
    const r = loadConfig(config, '.imagegate.yml');
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    const identities = new Map(
      r.config.images.map(i => [
        i.name,
        sourceIdentity(i, {contextTree: 'b'.repeat(40), dirty: false, dependencies: []})
      ])
    );
    return buildPlan({
      config: r.config,
      source: r.source,
      inference: inferScenario(env, event),
      identities,
      now,
      ...(releases ? {releases} : {})
    });
  }
  const github = (extra: Record<string, string>) => ({
    GITHUB_ACTIONS: 'true',
    GITHUB_SHA: sha,
    GITHUB_REPOSITORY: 'acme/web',
    ...extra
  });

  it('a same-repository pull request gate writes pr-N where it stages, with the provenance of the number', () => {
    const config = `registry: localhost:5000/acme\nimages:\n  - name: web\n    tags: ["pr-{{pr}}", "{{sha}}"]\n`;
    const event = {
      number: 42,
      pull_request: {
        number: 42,
        head: {sha, ref: 'f', repo: {full_name: 'acme/web'}},
        base: {ref: 'main', repo: {full_name: 'acme/web'}}
      }
    };
    const p = plan(config, github({GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/42/merge'}), event);
    expect(p.scenario.value).toBe('gate');
    expect(p.git.pr?.value).toBe('42');
    const web = p.images[0]!;
    expect(web.tags[0]).toMatchObject({
      tag: 'pr-42',
      ref: 'localhost:5000/acme/web:pr-42',
      published: true,
      on: ['gate']
    });
    expect(p.writes).toEqual([web.staging!.value, 'localhost:5000/acme/web:pr-42']);
  });

  it('flavor puts a prefix and suffix on every tag but latest; a date tag shows the clock', () => {
    const config = `registry: localhost:5000/acme
images:
  - name: web
    flavor: {suffix: -alpine}
    tags: [latest, "{{date YYYYMMDD}}"]
`;
    const event = {ref: 'refs/heads/main', repository: {full_name: 'acme/web', default_branch: 'main'}};
    const p = plan(config, github({GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main'}), event);
    expect(p.writes).toEqual(['localhost:5000/acme/web:latest', 'localhost:5000/acme/web:20260307-alpine']);
    expect(p.git.date).toEqual({value: now.toISOString(), source: 'clock of this run (UTC)'});
  });

  it('a backport release moves its own version tags, not latest', () => {
    const config = `registry: localhost:5000/acme
images:
  - name: web
    tags: [{tag: latest, on: [release]}, "{{version}}", "{{major}}"]
`;
    const event = {ref: 'refs/tags/v1.4.9', repository: {full_name: 'acme/web', default_branch: 'main'}};
    const p = plan(config, github({GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/tags/v1.4.9'}), event, [
      'v1.4.9',
      'v2.0.0'
    ]);
    expect(p.scenario.value).toBe('release');
    expect(p.writes).toEqual(['localhost:5000/acme/web:1.4.9', 'localhost:5000/acme/web:1']);
    expect(p.images[0]!.tags[0]!.skipped).toContain('stays with 2.0.0');
  });
});
