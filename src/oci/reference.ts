// Image references after the distribution reference grammar
// (github.com/distribution/reference, reference.go): name [":" tag] ["@" digest].

import {isValidDigest} from './digest.js';
import type {Parsed} from './parsed.js';

export type {Parsed} from './parsed.js';

const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN_NAME = `${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*`;
const IPV6 = '\\[(?:[a-fA-F0-9:]+)\\]';
const DOMAIN = `(?:${DOMAIN_NAME}|${IPV6})(?::[0-9]+)?`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const TAG = '[\\w][\\w.-]{0,127}';

const DOMAIN_RE = new RegExp(`^${DOMAIN}$`);
const PATH_COMPONENT_RE = new RegExp(`^${PATH_COMPONENT}$`);
const TAG_RE = new RegExp(`^${TAG}$`);
const NAME_MAX = 255;

export interface Reference {
  /** Registry host with optional port, e.g. `localhost:5000`, `ghcr.io`. */
  registry: string;
  /** Repository path inside the registry, e.g. `acme/web`. */
  repository: string;
  tag?: string;
  digest?: string;
}

/** A repository in a registry: where manifests, blobs and tags live. */
export interface Repository {
  registry: string;
  repository: string;
}

/** True when the first path component names a registry host, as docker decides it. */
export function looksLikeRegistryHost(component: string): boolean {
  return component === 'localhost' || component.includes('.') || component.includes(':') || /[A-Z]/.test(component);
}

/** A registry as references name it: `host[:port]`, `[v6]:port`. */
export function isValidRegistryHost(host: string): boolean {
  return DOMAIN_RE.test(host);
}

/** The longest `registry/repository` name the distribution grammar allows. */
export const NAME_MAX_LENGTH = NAME_MAX;

export function isValidTag(tag: string): boolean {
  return TAG_RE.test(tag);
}

export function explainInvalidTag(tag: string): string {
  if (tag.length === 0) return 'a tag cannot be empty';
  if (tag.length > 128) return `a tag is at most 128 characters; this one has ${tag.length}`;
  if (!/^\w/.test(tag)) return `a tag must start with a letter, digit or underscore, not \`${tag[0]}\``;
  const bad = [...tag].find(c => !/[\w.-]/.test(c));
  return `a tag may hold only letters, digits, \`_\`, \`.\` and \`-\`; \`${bad ?? '?'}\` is not allowed`;
}

/** Parses a repository path such as `acme/web` (no registry, tag or digest). */
export function parseRepositoryPath(path: string): Parsed<string> {
  if (path.length === 0) return {ok: false, error: 'the repository path is empty'};
  for (const component of path.split('/')) {
    if (!PATH_COMPONENT_RE.test(component)) {
      if (/[A-Z]/.test(component)) {
        return {
          ok: false,
          error: `repository names must be lowercase: \`${component}\` → \`${component.toLowerCase()}\``
        };
      }
      return {
        ok: false,
        error: `\`${component || '(empty)'}\` is not a valid path component (lowercase letters and digits, joined by \`.\`, \`_\`, \`__\` or \`-\`)`
      };
    }
  }
  return {ok: true, value: path};
}

/**
 * Parses `registry/path[:tag][@digest]`. A registry host is required: imagegate never guesses
 * Docker Hub, so `acme/web` is refused with the fix `docker.io/acme/web`.
 */
export function parseReference(text: string): Parsed<Reference> {
  let rest = text.trim();
  if (rest !== text) return {ok: false, error: 'remove the surrounding spaces'};
  if (rest.length === 0) return {ok: false, error: 'the reference is empty'};
  if (rest.includes('://')) return {ok: false, error: 'write a reference without a URL scheme (no `https://`)'};
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!isValidDigest(digest))
      return {ok: false, error: `\`${digest}\` is not a digest (expected \`sha256:\` and 64 hex digits)`};
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.indexOf(':', lastSlash + 1);
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!isValidTag(tag)) return {ok: false, error: `invalid tag \`${tag}\`: ${explainInvalidTag(tag)}`};
  }
  const slash = rest.indexOf('/');
  const first = slash >= 0 ? rest.slice(0, slash) : rest;
  if (slash < 0 || !looksLikeRegistryHost(first)) {
    return {
      ok: false,
      error: `\`${text}\` names no registry host; write it in full, e.g. \`docker.io/${rest}\` or \`ghcr.io/${rest}\``
    };
  }
  if (!DOMAIN_RE.test(first)) return {ok: false, error: `\`${first}\` is not a valid registry host[:port]`};
  const path = parseRepositoryPath(rest.slice(slash + 1));
  if (!path.ok) return path;
  if (rest.length > NAME_MAX)
    return {ok: false, error: `the repository name is ${rest.length} characters; at most ${NAME_MAX} are allowed`};
  const ref: Reference = {registry: first, repository: path.value};
  if (tag !== undefined) ref.tag = tag;
  if (digest !== undefined) ref.digest = digest;
  return {ok: true, value: ref};
}

export function formatReference(ref: Reference): string {
  return `${ref.registry}/${ref.repository}${ref.tag !== undefined ? `:${ref.tag}` : ''}${ref.digest !== undefined ? `@${ref.digest}` : ''}`;
}

/** Turns any branch name into a valid tag: invalid characters become `-`, trimmed to 128. */
export function sanitizeTag(text: string): string {
  let tag = text.replace(/[^\w.-]+/g, '-');
  if (!/^\w/.test(tag)) tag = `_${tag.replace(/^[.-]+/, '')}`;
  return tag.slice(0, 128);
}

export function sameRepository(a: Repository, b: Repository): boolean {
  return a.registry === b.registry && a.repository === b.repository;
}
