// What a run hands to the jobs and steps after it: the scenario, the digests, the tags and refs it
// wrote. One shape for every scenario, rendered here as a GitLab dotenv report
// (artifacts:reports:dotenv), whose values must each fit on one line.

import type {RunReport} from './results.js';
import type {Scenario} from './scenario.js';

export interface RunOutputs {
  scenario: Scenario;
  /** Image name → digest of what was tested (check, gate) or published (promote, release). */
  digests: Record<string, string>;
  /** Every tag written, `repository:tag`. */
  tags: string[];
  /** Every reference written, `repository:tag@digest`. */
  refs: string[];
  pushed: boolean;
}

/** The parts of a promote or release report that outputs need. */
export interface PublishedImages {
  scenario: 'promote' | 'release';
  images: {name: string; digest: string; tags: {ref: string}[]}[];
  refs: string[];
}

export function gateOutputs(report: RunReport): RunOutputs {
  return {
    scenario: report.scenario,
    digests: Object.fromEntries(report.images.flatMap(i => (i.digest ? [[i.name, i.digest]] : []))),
    tags: report.images.flatMap(i => (i.pushed ? [withoutDigest(i.pushed.ref)] : [])),
    refs: report.refs,
    pushed: report.pushed
  };
}

export function publishOutputs(report: PublishedImages): RunOutputs {
  return {
    scenario: report.scenario,
    digests: Object.fromEntries(report.images.map(i => [i.name, i.digest])),
    tags: report.images.flatMap(i => i.tags.map(t => withoutDigest(t.ref))),
    refs: report.refs,
    pushed: report.refs.length > 0
  };
}

/** `merge`: the assembled index of each image, under its staging tag (a gate-side write). */
export function mergeOutputs(report: {
  images: {name: string; digest: string; ref: string}[];
  refs: string[];
}): RunOutputs {
  return {
    scenario: 'gate',
    digests: Object.fromEntries(report.images.map(i => [i.name, i.digest])),
    tags: report.images.map(i => i.ref),
    refs: report.refs,
    pushed: report.refs.length > 0
  };
}

/**
 * IMAGEGATE_SCENARIO, IMAGEGATE_DIGEST (the digest when there is one image, else `name=digest`
 * pairs), IMAGEGATE_DIGEST_<NAME> per image, IMAGEGATE_TAGS and IMAGEGATE_REFS (space-separated),
 * IMAGEGATE_PUSHED (`true`/`false`).
 */
export function renderDotenv(outputs: RunOutputs): string {
  const entries = Object.entries(outputs.digests);
  const digest = entries.length === 1 ? entries[0]![1] : entries.map(([name, value]) => `${name}=${value}`).join(' ');
  const lines: [string, string][] = [
    ['IMAGEGATE_SCENARIO', outputs.scenario],
    ['IMAGEGATE_DIGEST', digest],
    ...entries.map(([name, value]): [string, string] => [`IMAGEGATE_DIGEST_${variableSuffix(name)}`, value]),
    ['IMAGEGATE_TAGS', outputs.tags.join(' ')],
    ['IMAGEGATE_REFS', outputs.refs.join(' ')],
    ['IMAGEGATE_PUSHED', String(outputs.pushed)]
  ];
  return lines.map(([key, value]) => `${key}=${oneLine(value)}\n`).join('');
}

/** `web-api` → `WEB_API`: image names allow characters that variable names do not. */
export function variableSuffix(name: string): string {
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
