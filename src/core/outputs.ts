// What a run hands to the jobs and steps after it, computed once per run: the scenario, the plan,
// the digests, the tags and refs it wrote, the full report. Rendered for GitHub (step outputs, the
// names action.yml declares) and for GitLab (an artifacts:reports:dotenv file, one line per value).

import type {Plan} from './plan.js';
import type {RunReport} from './results.js';
import type {Scenario} from './scenario.js';

export interface RunOutputs {
  scenario?: Scenario;
  plan?: Plan;
  /** Each image with what was tested (check, gate) or published (promote, release); no digest when its build failed. */
  images: {name: string; digest?: string}[];
  /** Every tag written, `repository:tag`. */
  tags: string[];
  /** Every reference written, `repository:tag@digest`. */
  refs: string[];
  pushed: boolean;
  /** The full report (the document `--json` prints). */
  results?: unknown;
  junit?: string;
  /** `gate --platform`: the directory holding this job's records for merge. */
  records?: string;
}

/** The parts of a promote or release report that outputs need. */
export interface PublishedImages {
  scenario: 'promote' | 'release';
  images: {name: string; digest: string; tags: {ref: string}[]}[];
  refs: string[];
}

/** The parts of a merge report that outputs need: each image's assembled index under its staging tag. */
export interface MergedImages {
  images: {name: string; digest: string; ref: string}[];
  refs: string[];
}

/** Before anything ran (plan, or a step with nothing to do): the scenario and the plan. */
export function planOutputs(plan: Plan): RunOutputs {
  return {scenario: plan.scenario.value, plan, images: [], tags: [], refs: [], pushed: false};
}

export function gateOutputs(
  report: RunReport,
  extra: {plan?: Plan; junit?: string; records?: string} = {}
): RunOutputs {
  return {
    scenario: report.scenario,
    ...(extra.plan ? {plan: extra.plan} : {}),
    images: report.images.map(i => ({name: i.name, ...(i.digest ? {digest: i.digest} : {})})),
    tags: report.images.flatMap(i => (i.pushed ? [withoutDigest(i.pushed.ref)] : [])),
    refs: report.refs,
    pushed: report.pushed,
    results: report,
    ...(extra.junit ? {junit: extra.junit} : {}),
    ...(extra.records ? {records: extra.records} : {})
  };
}

export function publishOutputs(report: PublishedImages, plan?: Plan): RunOutputs {
  return {
    scenario: report.scenario,
    ...(plan ? {plan} : {}),
    images: report.images.map(i => ({name: i.name, digest: i.digest})),
    tags: report.images.flatMap(i => i.tags.map(t => withoutDigest(t.ref))),
    refs: report.refs,
    pushed: report.refs.length > 0,
    results: report
  };
}

/** `merge`: the assembled index of each image, under its staging tag (a gate-side write). */
export function mergeOutputs(report: MergedImages, plan?: Plan): RunOutputs {
  return {
    scenario: 'gate',
    ...(plan ? {plan} : {}),
    images: report.images.map(i => ({name: i.name, digest: i.digest})),
    tags: report.images.map(i => i.ref),
    refs: report.refs,
    pushed: report.refs.length > 0,
    results: report
  };
}

/**
 * The step outputs action.yml declares: `digest` (the digest when there is one image, else a JSON
 * object name → digest), `digests`, `refs` and `tags` (one per line), `pushed`, `results`, `plan`,
 * `junit`, `records`. Only what the run knows is set.
 */
export function githubOutputs(outputs: RunOutputs): Record<string, string> {
  const out: Record<string, string> = {};
  if (outputs.scenario) out.scenario = outputs.scenario;
  if (outputs.plan) out.plan = JSON.stringify(outputs.plan);
  if (outputs.results !== undefined) {
    const digests = Object.fromEntries(outputs.images.map(i => [i.name, i.digest ?? '']));
    const only = outputs.images.length === 1 ? outputs.images[0] : undefined;
    out.digest = only ? (only.digest ?? '') : JSON.stringify(digests);
    out.digests = JSON.stringify(digests);
    out.refs = outputs.refs.join('\n');
    out.tags = outputs.tags.join('\n');
    out.results = JSON.stringify(outputs.results);
  }
  out.pushed = String(outputs.pushed);
  if (outputs.junit) out.junit = outputs.junit;
  if (outputs.records) out.records = outputs.records;
  return out;
}

/**
 * IMAGEGATE_SCENARIO, IMAGEGATE_DIGEST (the digest when there is one image, else `name=digest`
 * pairs), IMAGEGATE_DIGEST_<NAME> per image, IMAGEGATE_TAGS and IMAGEGATE_REFS (space-separated),
 * IMAGEGATE_PUSHED (`true`/`false`).
 */
export function renderDotenv(outputs: RunOutputs): string {
  const entries = outputs.images.flatMap(i => (i.digest ? [[i.name, i.digest] as const] : []));
  const digest = entries.length === 1 ? entries[0]![1] : entries.map(([name, value]) => `${name}=${value}`).join(' ');
  const lines: [string, string][] = [
    ['IMAGEGATE_SCENARIO', outputs.scenario ?? ''],
    ['IMAGEGATE_DIGEST', digest],
    ...entries.map(([name, value]): [string, string] => [`IMAGEGATE_DIGEST_${variableSuffix(name)}`, value]),
    ['IMAGEGATE_TAGS', outputs.tags.join(' ')],
    ['IMAGEGATE_REFS', outputs.refs.join(' ')],
    ['IMAGEGATE_PUSHED', String(outputs.pushed)]
  ];
  return lines.map(([key, value]) => `${key}=${oneLine(value)}\n`).join('');
}

/** `web-api` → `WEB_API`: image names allow characters that variable names do not. */
function variableSuffix(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}

function withoutDigest(ref: string): string {
  const at = ref.indexOf('@');
  return at < 0 ? ref : ref.slice(0, at);
}

// Image names, tags and digests never hold whitespace; this only keeps a surprise from breaking the file.
function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}
