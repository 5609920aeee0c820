// Tag templates such as `{{version}}` or `sha-{{short_sha}}`: parsing, rendering and which
// scenario publishes them. `{{date FORMAT}}` renders this run's clock (UTC) in FORMAT.

import {explainInvalidTag, isValidTag, sanitizeTag} from '../oci/reference.js';
import {closest} from './suggest.js';

const RELEASE_VARIABLES = ['tag', 'version', 'major', 'minor', 'patch', 'prerelease'] as const;
const TEMPLATE_VARIABLES = ['sha', 'short_sha', 'branch', 'pr', 'date', ...RELEASE_VARIABLES] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];
export type TagScenario = 'gate' | 'promote' | 'release';

/** `{{date FORMAT}}` keeps its format: tokens YYYY, YY, MM, DD, HH, mm, ss and the separators `-`, `_`, `.`. */
type Part = {text: string} | {variable: TemplateVariable; format?: string};

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
  pr: '42',
  date: '',
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
    const inner = (m[1] ?? '').trim();
    const dated = /^date\s+(.*)$/s.exec(inner);
    if (dated || inner === 'date') {
      const format = dateFormat(dated?.[1] ?? '');
      if (!format.ok) return {ok: false, error: `\`{{${inner}}}\` in \`${source}\`: ${format.error}`};
      parts.push({variable: 'date', format: format.value});
      last = re.lastIndex;
      continue;
    }
    const name = inner;
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
  const sample = renderWith(template, SAMPLE, SAMPLE_DATE);
  if (!isValidTag(sample))
    return {ok: false, error: `\`${source}\` cannot make a valid tag: ${explainInvalidTag(sample)}`};
  return {ok: true, value: template};
}

/** Scenarios that publish a template when the configuration does not say: release variables → release, `{{pr}}` → gate. */
export function defaultTagScenarios(template: TagTemplate): TagScenario[] {
  if (template.variables.some(v => (RELEASE_VARIABLES as readonly string[]).includes(v))) return ['release'];
  return template.variables.includes('pr') ? ['gate'] : ['promote'];
}

const SAMPLE_DATE = new Date(Date.UTC(2024, 0, 2, 3, 4, 5));
const DATE_TOKENS = ['YYYY', 'YY', 'MM', 'DD', 'HH', 'mm', 'ss'] as const;

/** The format of `{{date FORMAT}}` (quotes optional), checked token by token. */
function dateFormat(text: string): {ok: true; value: string} | {ok: false; error: string} {
  const format = text.trim().replace(/^(['"])(.*)\1$/s, '$2');
  if (!format) return {ok: false, error: 'give the date a format, e.g. `{{date YYYYMMDD}}`'};
  for (let i = 0; i < format.length;) {
    const token = DATE_TOKENS.find(t => format.startsWith(t, i));
    if (token) i += token.length;
    else if (/[-_.0-9]/.test(format[i]!)) i += 1;
    else
      return {
        ok: false,
        error: `\`${format.slice(i, i + 4)}\` is not a date token; use ${DATE_TOKENS.join(', ')} and the separators \`-\`, \`_\`, \`.\``
      };
  }
  return {ok: true, value: format};
}

/** `YYYYMMDD` of a moment, in UTC (a scheduled rebuild names the day it ran, wherever the runner is). */
export function formatDate(date: Date, format: string): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  const values: Record<(typeof DATE_TOKENS)[number], string> = {
    YYYY: String(date.getUTCFullYear()),
    YY: two(date.getUTCFullYear() % 100),
    MM: two(date.getUTCMonth() + 1),
    DD: two(date.getUTCDate()),
    HH: two(date.getUTCHours()),
    mm: two(date.getUTCMinutes()),
    ss: two(date.getUTCSeconds())
  };
  let out = '';
  for (let i = 0; i < format.length;) {
    const token = DATE_TOKENS.find(t => format.startsWith(t, i));
    out += token ? values[token] : format[i];
    i += token ? token.length : 1;
  }
  return out;
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
  /** The pull or merge request number. */
  pr?: string;
  /** This run's clock, for `{{date FORMAT}}`. */
  now?: Date;
}

export type Rendered = {ok: true; tag: string} | {ok: false; skipped: string};

/** Renders a template from git values; a template that cannot apply says why it was skipped. */
export function renderTagTemplate(template: TagTemplate, git: GitValues): Rendered {
  const semver = git.tag !== undefined ? parseSemverTag(git.tag) : undefined;
  const values: Partial<Record<TemplateVariable, string>> = {};
  if (git.sha) Object.assign(values, {sha: git.sha, short_sha: git.sha.slice(0, 7)});
  if (git.branch) values.branch = sanitizeTag(git.branch);
  if (git.tag) values.tag = sanitizeTag(git.tag);
  if (git.pr) values.pr = git.pr;
  if (git.now) values.date = '';
  if (semver) Object.assign(values, semver);
  for (const variable of template.variables) {
    if (values[variable] !== undefined) continue;
    return {ok: false, skipped: missingReason(variable, git)};
  }
  if (semver?.prerelease && isStableAlias(template)) {
    return {ok: false, skipped: `\`${template.source}\` is not moved by prerelease ${semver.version}`};
  }
  return {ok: true, tag: renderWith(template, values as Record<TemplateVariable, string>, git.now)};
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
  if (variable === 'pr') return 'no pull or merge request number is known (this run is not for one)';
  if (variable === 'date') return 'no clock is known';
  if (variable === 'tag') return 'no git tag is being released';
  if (git.tag === undefined) return 'no git tag is being released';
  if (variable === 'prerelease') return `${git.tag} is not a prerelease`;
  return `git tag \`${git.tag}\` is not a semantic version (vMAJOR.MINOR.PATCH)`;
}

function renderWith(template: TagTemplate, values: Record<TemplateVariable, string>, now?: Date): string {
  return template.parts
    .map(p => ('text' in p ? p.text : p.variable === 'date' ? formatDate(now!, p.format ?? '') : values[p.variable]))
    .join('');
}
