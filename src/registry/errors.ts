// Registry failures, with the HTTP status and the OCI error code when the registry sent one.

import {InfrastructureError} from '../core/errors.js';
import {parseJsonObject, printable} from './body.js';

export class RegistryError extends InfrastructureError {
  constructor(
    message: string,
    readonly status?: number,
    readonly code?: string
  ) {
    super(message);
  }
}

/** The first OCI error code and message of an error body, if it is one (the message fit to print). */
export function ociError(body: Buffer | string | undefined): {code?: string; message?: string} {
  if (!body || body.length === 0) return {};
  const doc = parseJsonObject(body);
  if (!doc.ok || !Array.isArray(doc.value.errors)) return {};
  const first = doc.value.errors[0] as {code?: unknown; message?: unknown} | undefined;
  if (!first || typeof first !== 'object') return {};
  const code = typeof first.code === 'string' ? printable(first.code, 64) : '';
  const message = typeof first.message === 'string' ? printable(first.message) : '';
  return {...(code ? {code} : {}), ...(message ? {message} : {})};
}

/**
 * What an error answer said, to follow `answered 500`: ` CODE: message` for an OCI error body,
 * else the start of whatever the body holds (an HTML error page, a proxy's text), else nothing.
 */
export function errorDetail(body: Buffer | undefined): string {
  const {code, message} = ociError(body);
  if (code || message) return `${code ? ` ${code}` : ''}${message ? `: ${message}` : ''}`;
  const text = body && body.length ? printable(body.toString('utf8')) : '';
  return text ? ` (${text})` : '';
}
