// Content digests: every manifest and blob is named by the sha256 of its exact bytes.

import {createHash} from 'node:crypto';

const DIGEST_RE = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;

export function sha256Digest(bytes: Buffer | string): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

export function isValidDigest(digest: string): boolean {
  return DIGEST_RE.test(digest);
}

/**
 * Why `digest` cannot name content in a registry path, or undefined when it can: the general
 * grammar, and for the algorithms the image-spec registers their exact length in lowercase hex.
 */
export function digestProblem(digest: string): string | undefined {
  const exact: Record<string, number> = {sha256: 64, sha512: 128};
  const [algorithm = '', encoded = ''] = digest.split(':', 2);
  const length = exact[algorithm];
  const ok = isValidDigest(digest) && (length === undefined || new RegExp(`^[a-f0-9]{${length}}$`).test(encoded));
  return ok ? undefined : `\`${digest}\` is not a digest (expected \`sha256:\` and 64 lowercase hex digits)`;
}
