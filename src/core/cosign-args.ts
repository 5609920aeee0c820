// argv for `cosign sign`, always by digest (never a tag that could move between test and signature).

export interface SignRequest {
  /** `registry/repository@sha256:…` */
  ref: string;
  /** A key file path or cosign's `env://VAR`; undefined means keyless (OIDC). */
  key?: string;
  tlog: boolean;
  /** Plain-HTTP registry (loopback). */
  insecure: boolean;
}

export function cosignSignArgs(req: SignRequest): string[] {
  if (!/@sha256:[0-9a-f]{64}$/.test(req.ref)) throw new Error(`cosign signs digests only, not ${req.ref}`);
  const args = ['sign', '--yes'];
  if (req.key !== undefined) args.push('--key', req.key);
  if (!req.tlog) args.push('--tlog-upload=false');
  if (req.insecure) args.push('--allow-insecure-registry');
  args.push(req.ref);
  return args;
}
