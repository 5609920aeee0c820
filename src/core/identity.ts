// The source identity of an image: what it was built and tested from. Promotion keys staging tags
// on it, so what is promoted was built from exactly the merged source.

import {createHash} from 'node:crypto';
import type {ImageConfig} from './config/types.js';

const IDENTITY_LENGTH = 32;

export interface SourceIdentity {
  key: string;
  /** Git tree of the build context. */
  contextTree: string;
  /** Git blob of the containerfile (it may live outside the context). */
  containerfile?: string;
  /** Hash of the image's configuration entry (everything but where it is published). */
  configHash: string;
  dirty: boolean;
}

export interface IdentityInputs {
  contextTree: string;
  containerfile?: string;
  dirty: boolean;
  /** Identity keys of the images this one depends on. */
  dependencies: string[];
}

export function sourceIdentity(image: ImageConfig, inputs: IdentityInputs): SourceIdentity {
  const configHash = sha256(canonicalJson(buildRelevantConfig(image)));
  const key = sha256(
    canonicalJson({
      v: 1,
      context: inputs.contextTree,
      containerfile: inputs.containerfile ?? null,
      config: configHash,
      deps: inputs.dependencies
    })
  ).slice(0, IDENTITY_LENGTH);
  const identity: SourceIdentity = {key, contextTree: inputs.contextTree, configHash, dirty: inputs.dirty};
  if (inputs.containerfile) identity.containerfile = inputs.containerfile;
  return identity;
}

/** Tags, their flavor and the repository only say where bytes go; everything else changes what is built or tested. */
function buildRelevantConfig(image: ImageConfig): unknown {
  const {tags: _tags, repository: _repository, index: _index, flavor: _flavor, mirrors: _mirrors, ...rest} = image;
  return rest;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
