// What the registry client reads into memory, and how it reads it: a size limit for every kind of
// buffered body (a registry cannot make imagegate buffer until memory runs out), JSON documents
// parsed into a clear verdict (never a SyntaxError), and registry text made safe to print.

import type {Parsed} from '../oci/parsed.js';

const KiB = 1024;
const MiB = 1024 * KiB;

/** The most bytes imagegate buffers per kind of body; larger ones are refused, not truncated. */
export const BODY_LIMITS = {
  /** Distribution refuses to store larger manifests (`maxManifestBodySize = 4 << 20`); containerd reads ≈ 4 MiB. */
  manifest: 4 * MiB,
  /** Image configs read as JSON (platform, labels, created). */
  config: 4 * MiB,
  /** One page of a tag list: 1000 tags of 128 characters are ≈ 130 KiB; registries that ignore `n` send more. */
  tagPage: 8 * MiB,
  /** A token service's answer: a JWT of a few KiB. */
  token: 1 * MiB,
  /** Any other 2xx body imagegate buffers (upload answers, DELETE answers): normally empty. */
  other: 1 * MiB
} as const;

/** Of an error answer (4xx/5xx), only this much is kept, for the OCI error code; the rest is not read. */
export const ERROR_BODY_KEPT = 64 * KiB;

/** A size as the limits are written: `4 MiB`, `64 KiB`, or bytes. */
export function formatSize(bytes: number): string {
  if (bytes >= MiB && bytes % MiB === 0) return `${bytes / MiB} MiB`;
  if (bytes >= KiB && bytes % KiB === 0) return `${bytes / KiB} KiB`;
  return `${bytes} bytes`;
}

/** Parses a body that must be one JSON object; the error names the cause as JSON.parse saw it. */
export function parseJsonObject(body: Buffer | string): Parsed<Record<string, unknown>> {
  let doc: unknown;
  try {
    doc = JSON.parse(body.toString());
  } catch (e) {
    return {ok: false, error: `not JSON (${e instanceof Error ? e.message : String(e)})`};
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc))
    return {ok: false, error: `not a JSON object (it is ${describeJson(doc)})`};
  return {ok: true, value: doc as Record<string, unknown>};
}

function describeJson(doc: unknown): string {
  if (doc === null) return 'null';
  if (Array.isArray(doc)) return 'an array';
  return `a ${typeof doc}`;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/**
 * Registry-supplied text fit for a message: control characters (newlines, escapes that a CI log
 * would interpret) become spaces, runs of spaces one, and it is cut at `max` characters.
 */
export function printable(text: string, max = 200): string {
  const clean = text.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}
