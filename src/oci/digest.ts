// Content digests: every manifest and blob is named by the sha256 of its exact bytes.

import {createHash} from 'node:crypto';

const DIGEST_RE = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;

export function sha256Digest(bytes: Buffer | string): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

export function isValidDigest(digest: string): boolean {
  return DIGEST_RE.test(digest);
}
