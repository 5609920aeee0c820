// Tag templates such as `{{version}}` or `sha-{{short_sha}}`: parsing, rendering and which
// scenario publishes them.

import {explainInvalidTag, isValidTag, sanitizeTag} from '../oci/reference.js';
import {closest} from './suggest.js';

const RELEASE_VARIABLES = ['tag', 'version', 'major', 'minor', 'patch', 'prerelease'] as const;
const TEMPLATE_VARIABLES = ['sha', 'short_sha', 'branch', ...RELEASE_VARIABLES] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];
export type TagScenario = 'promote' | 'release';

type Part = {text: string} | {variable: TemplateVariable};

export interface TagTemplate {
  source: string;
  parts: Part[];
  variables: TemplateVariable[];
}

export type TemplateResult = {ok: true; value: TagTemplate} | {ok: false; error: string};

const SAMPLE: Record<TemplateVariable, string> = {
  sha: '0123456789abcdef0123456789abcdef01234567',
  short_sha: '0123456',
  branch: 'main',
  tag: 'v1.2.3',
  version: '1.2.3',
  major: '1',
  minor: '2',
  patch: '3',
  prerelease: 'rc.1'
};

export function parseTagTemplate(source: string): TemplateResult {
  const parts: Part[] = [];
  // No whitespace around the name in the pattern: `\s*([^{}]*?)\s*` backtracks quadratically.
  const re = /\{\{([^{}]*)\}\}/g;
  let last = 0;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    if (m.index > last) parts.push({text: source.slice(last, m.index)});
    const name = (m[1] ?? '').trim();
    if (!(TEMPLATE_VARIABLES as readonly string[]).includes(name)) {
      const guess = closest(name.replace(/[-.]/g, '_'), TEMPLATE_VARIABLES);
      const hint = guess
        ? `did you mean \`{{${guess}}}\`?`
        : `known: ${TEMPLATE_VARIABLES.map(v => `{{${v}}}`).join(', ')}`;
      return {ok: false, error: `unknown template variable \`{{${name}}}\` in \`${source}\`; ${hint}`};
    }
    parts.push({variable: name as TemplateVariable});
    last = re.lastIndex;
  }
  if (last < source.length) parts.push({text: source.slice(last)});
  const stray = parts.find(p => 'text' in p && /[{}]/.test(p.text));
  if (stray) return {ok: false, error: `unbalanced braces in \`${source}\`; variables are written \`{{name}}\``};
  const template: TagTemplate = {source, parts, variables: parts.flatMap(p => ('variable' in p ? [p.variable] : []))};
  const sample = renderWith(template, SAMPLE);
  if (!isValidTag(sample))
    return {ok: false, error: `\`${source}\` cannot make a valid tag: ${explainInvalidTag(sample)}`};
  return {ok: true, value: template};
}

/** Scenarios that publish a template when the configuration does not say: release variables → release. */
export function defaultTagScenarios(template: TagTemplate): TagScenario[] {
  return template.variables.some(v => (RELEASE_VARIABLES as readonly string[]).includes(v)) ? ['release'] : ['promote'];
}

export interface Semver {
  major: string;
  minor: string;
  patch: string;
  prerelease?: string;
  version: string;
}

export function parseSemverTag(tag: string): Semver | undefined {
  const m =
    /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z.-]+)?$/.exec(
      tag
    );
  if (!m) return undefined;
  const [, major = '', minor = '', patch = '', prerelease] = m;
  const version = `${major}.${minor}.${patch}${prerelease ? `-${prerelease}` : ''}`;
  return prerelease ? {major, minor, patch, prerelease, version} : {major, minor, patch, version};
}

export interface GitValues {
  sha?: string;
  branch?: string;
  tag?: string;
}

export type Rendered = {ok: true; tag: string} | {ok: false; skipped: string};

/** Renders a template from git values; a template that cannot apply says why it was skipped. */
export function renderTagTemplate(template: TagTemplate, git: GitValues): Rendered {
  const semver = git.tag !== undefined ? parseSemverTag(git.tag) : undefined;
  const values: Partial<Record<TemplateVariable, string>> = {};
  if (git.sha) Object.assign(values, {sha: git.sha, short_sha: git.sha.slice(0, 7)});
  if (git.branch) values.branch = sanitizeTag(git.branch);
  if (git.tag) values.tag = sanitizeTag(git.tag);
  if (semver) Object.assign(values, semver);
  for (const variable of template.variables) {
    if (values[variable] !== undefined) continue;
    return {ok: false, skipped: missingReason(variable, git)};
  }
  if (semver?.prerelease && isStableAlias(template)) {
    return {ok: false, skipped: `\`${template.source}\` is not moved by prerelease ${semver.version}`};
  }
  return {ok: true, tag: renderWith(template, values as Record<TemplateVariable, string>)};
}

function isStableAlias(template: TagTemplate): boolean {
  const v = template.variables;
  return (
    (v.includes('major') || v.includes('minor')) &&
    !v.some(x => x === 'patch' || x === 'version' || x === 'prerelease' || x === 'tag')
  );
}

function missingReason(variable: TemplateVariable, git: GitValues): string {
  if (variable === 'sha' || variable === 'short_sha') return 'no commit is known';
  if (variable === 'branch') return 'no branch is known (detached HEAD or tag)';
  if (variable === 'tag') return 'no git tag is being released';
  if (git.tag === undefined) return 'no git tag is being released';
  if (variable === 'prerelease') return `${git.tag} is not a prerelease`;
  return `git tag \`${git.tag}\` is not a semantic version (vMAJOR.MINOR.PATCH)`;
}

function renderWith(template: TagTemplate, values: Record<TemplateVariable, string>): string {
  return template.parts.map(p => ('text' in p ? p.text : values[p.variable])).join('');
}
