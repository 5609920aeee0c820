// The semantic string formats named by `format` in the schema. Each parses a value into what the
// steps after the schema walk use, or returns the error with its fix. Most formats only check, and
// their value stays the string; a tag template, a duration and an image reference arrive parsed.

import type {Parsed} from '../../oci/parsed.js';
import {parsePlatform} from '../../oci/platform.js';
import {isValidTag, looksLikeRegistryHost, parseReference, parseRepositoryPath} from '../../oci/reference.js';
import {parseTagTemplate} from '../tags.js';
import {LIMITS} from './limits.js';

const FORMATS = {
  'registry-prefix': checked(checkRegistryPrefix),
  'image-reference': parseReference,
  repository: checked(value => {
    const r = parseReference(value);
    if (!r.ok) return r.error;
    if (r.value.tag !== undefined || r.value.digest !== undefined)
      return `\`${value}\` is a repository: remove the tag or digest (tags go in \`tags\`)`;
    return undefined;
  }),
  platform: checked(value => {
    const r = parsePlatform(value);
    return r.ok ? undefined : r.error;
  }),
  'tag-template': parseTagTemplate,
  'tag-prefix': checked(value => {
    if (value.length > 64)
      return `the prefix is ${value.length} characters; keep it to 64 so the staging tag fits in 128`;
    if (!isValidTag(`${value}x`))
      return `\`${value}\` cannot start a tag: use letters, digits, \`_\`, \`.\` and \`-\`, starting with a letter or digit`;
    return undefined;
  }),
  duration: (value): Parsed<number> => {
    const ms = durationMs(value);
    if (ms === undefined)
      return {ok: false, error: `\`${value}\` is not a duration; write e.g. \`90s\`, \`5m\` or \`1h30m\``};
    if (ms < LIMITS.timeoutMinMs)
      return {
        ok: false,
        error: `\`${value}\` is too short: a time limit is at least \`${LIMITS.timeoutMinMs / 1000}s\` (the container must start)`
      };
    if (ms > LIMITS.timeoutMaxMs)
      return {
        ok: false,
        error: `\`${value}\` is too long: a time limit is at most \`${LIMITS.timeoutMaxMs / 3600000}h\``
      };
    return {ok: true, value: ms};
  },
  'relative-path': checked(value => {
    if (value.startsWith('/'))
      return `\`${value}\` is absolute; write it relative to the configuration file so it works on every machine`;
    if (value.includes('\\')) return `\`${value}\` uses backslashes; write \`${value.replace(/\\/g, '/')}\``;
    return undefined;
  }),
  'absolute-path': checked(value =>
    value.startsWith('/') ? undefined : `\`${value}\` must be an absolute path inside the container, e.g. \`/${value}\``
  ),
  regex: checked(value => {
    try {
      new RegExp(value, 'm');
      return undefined;
    } catch (e) {
      return `\`${value}\` is not a regular expression (${e instanceof Error ? e.message.replace(/^Invalid regular expression: /, '') : String(e)}); escape special characters with \`\\\``;
    }
  }),
  'buildpack-uri': checked(checkBuildpackUri),
  'build-context': checked(checkBuildContext)
} satisfies Record<string, (value: string) => Parsed<unknown>>;

export type Format = keyof typeof FORMATS;

/** What a string of `format` becomes: the parsed value, or the string itself for a format that only checks. */
export type FormatValue<F extends Format> = Extract<ReturnType<(typeof FORMATS)[F]>, {ok: true}>['value'];

export function parseFormat(format: Format, value: string): Parsed<unknown> {
  return FORMATS[format](value);
}

/** A format that only checks: its value is the string. */
function checked(check: (value: string) => string | undefined): (value: string) => Parsed<string> {
  return value => {
    const error = check(value);
    return error === undefined ? {ok: true, value} : {ok: false, error};
  };
}

function checkRegistryPrefix(value: string): string | undefined {
  if (value.includes('://')) return `write \`${value.replace(/^\w+:\/\//, '')}\` without a URL scheme`;
  if (value.endsWith('/')) return `remove the trailing \`/\`: \`${value.replace(/\/+$/, '')}\``;
  if (/[@]/.test(value) || /\/[^/]*:/.test(value))
    return `\`${value}\` must be a registry and path prefix, without a tag or digest`;
  const [host = '', ...rest] = value.split('/');
  if (!looksLikeRegistryHost(host)) {
    return `\`${value}\` does not start with a registry host; write it in full, e.g. \`docker.io/${value}\` or \`ghcr.io/${value}\``;
  }
  const ref = parseReference(`${value}${rest.length ? '' : '/x'}`);
  if (!ref.ok) return ref.error;
  if (rest.length) {
    const path = parseRepositoryPath(rest.join('/'));
    if (!path.ok) return path.error;
  }
  return undefined;
}

const BUILDPACK_SCHEMES = ['docker://', 'urn:cnb:builder:', 'urn:cnb:registry:', 'https://', 'file://', 'from=builder'];

function checkBuildpackUri(value: string): string | undefined {
  if (BUILDPACK_SCHEMES.some(s => value.startsWith(s))) {
    if (value.startsWith('docker://')) {
      const ref = parseReference(value.slice('docker://'.length));
      if (!ref.ok) return `buildpack \`${value}\`: ${ref.error}`;
    }
    return undefined;
  }
  return `\`${value}\` is not a full buildpack URI; write e.g. \`docker://docker.io/${value.includes('/') ? value : `acme/${value}`}@sha256:…\` or \`urn:cnb:builder:${value}\``;
}

const CONTEXT_SCHEMES = ['docker-image://', 'oci-layout://', 'https://', 'git@', 'git://', 'ssh://'];

/** A buildx named context: an image, a layout, a URL, or a directory relative to the configuration file. */
function checkBuildContext(value: string): string | undefined {
  if (value.startsWith('docker-image://')) {
    const ref = parseReference(value.slice('docker-image://'.length));
    return ref.ok ? undefined : `build context \`${value}\`: ${ref.error}`;
  }
  if (CONTEXT_SCHEMES.some(s => value.startsWith(s))) return undefined;
  if (value.includes('://'))
    return `\`${value}\` is not a build context buildx reads; write \`docker-image://REF\`, \`oci-layout://…\`, \`https://…\`, a git URL or a directory`;
  if (value.startsWith('/'))
    return `\`${value}\` is absolute; write the directory relative to the configuration file so it works on every machine`;
  return undefined;
}

/** Milliseconds of `1h30m`, `90s`, `250ms`; undefined when it is not a duration (or none at all). */
export function parseDuration(text: string): number | undefined {
  const ms = durationMs(text);
  return ms !== undefined && ms > 0 && Number.isSafeInteger(ms) ? ms : undefined;
}

/** Milliseconds of a duration, zero and more than can be counted (Infinity) included; undefined when it is none. */
function durationMs(text: string): number | undefined {
  const units: Record<string, number> = {ms: 1, s: 1000, m: 60000, h: 3600000};
  if (!/^(\d+(ms|s|m|h))+$/.test(text)) return undefined;
  let total = 0;
  for (const m of text.matchAll(/(\d+)(ms|s|m|h)/g)) total += Number(m[1]) * (units[m[2] ?? 's'] ?? 0);
  return total;
}
