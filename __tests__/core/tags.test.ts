import {describe, expect, it} from '@jest/globals';
import {
  defaultTagScenarios,
  parseSemverTag,
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

describe('tag templates', () => {
  // prettier-ignore
  it.each([
    ['{{sha}}', {sha}, sha],
    ['sha-{{short_sha}}', {sha}, 'sha-4f1c2a9'],
    ['{{branch}}', {sha, branch: 'feature/login'}, 'feature-login'],
    ['{{version}}', {sha, tag: 'v1.4.2'}, '1.4.2'],
    ['{{major}}.{{minor}}', {sha, tag: 'v1.4.2'}, '1.4'],
    ['{{ major }}', {sha, tag: '2.0.0'}, '2'],
    ['{{version}}', {sha, tag: 'v2.0.0-rc.1'}, '2.0.0-rc.1'],
    ['latest', {}, 'latest']
  ])('%s with %j renders %s', (text, git, expected) => {
    expect(renderTagTemplate(template(text), git)).toEqual({ok: true, tag: expected});
  });

  it('skips what cannot apply, and says why', () => {
    expect(renderTagTemplate(template('{{version}}'), {sha})).toEqual({
      ok: false,
      skipped: 'no git tag is being released'
    });
    expect(renderTagTemplate(template('{{version}}'), {sha, tag: 'nightly'})).toEqual({
      ok: false,
      skipped: 'git tag `nightly` is not a semantic version (vMAJOR.MINOR.PATCH)'
    });
    const rc = renderTagTemplate(template('{{major}}'), {sha, tag: 'v2.0.0-rc.1'});
    expect(rc.ok).toBe(false);
  });

  it('publishes release-variable templates on release, the others on promote', () => {
    expect(defaultTagScenarios(template('{{major}}.{{minor}}'))).toEqual(['release']);
    expect(defaultTagScenarios(template('{{sha}}'))).toEqual(['promote']);
    expect(defaultTagScenarios(template('latest'))).toEqual(['promote']);
  });

  it('refuses unknown variables and templates that cannot make a tag', () => {
    expect(parseTagTemplate('{{shortsha}}')).toEqual({
      ok: false,
      error: expect.stringContaining('did you mean `{{short_sha}}`?')
    });
    expect(parseTagTemplate('{{sha')).toEqual({ok: false, error: expect.stringContaining('unbalanced braces')});
    expect(parseTagTemplate('a/{{sha}}')).toEqual({ok: false, error: expect.stringContaining('`/` is not allowed')});
  });

  it('parses semver tags', () => {
    expect(parseSemverTag('v1.2.3')).toEqual({major: '1', minor: '2', patch: '3', version: '1.2.3'});
    expect(parseSemverTag('1.2')).toBeUndefined();
    expect(parseSemverTag('v01.2.3')).toBeUndefined();
  });
});
