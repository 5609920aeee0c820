// Registry failures, with the HTTP status and the OCI error code when the registry sent one.

import {InfrastructureError} from '../core/errors.js';

export class RegistryError extends InfrastructureError {
  constructor(
    message: string,
    readonly status?: number,
    readonly code?: string
  ) {
    super(message);
  }
}

/** The first OCI error code and message of an error body, if it is one. */
export function ociError(body: Buffer | string | undefined): {code?: string; message?: string} {
  if (!body || body.length === 0) return {};
  try {
    const doc = JSON.parse(body.toString()) as {errors?: {code?: string; message?: string}[]};
    const first = doc.errors?.[0];
    return first ? {...(first.code ? {code: first.code} : {}), ...(first.message ? {message: first.message} : {})} : {};
  } catch {
    return {};
  }
}
