// argv for cosign, always by digest (never a tag that could move between test and signature), for
// cosign 2 and cosign 3 alike. What differs between them:
//
// - cosign 3 (and a cosign 2.6+ told to) takes its service URLs from a signing config, by default
//   the public instance's through TUF, and refuses `--tlog-upload=false` with it: signing without a
//   transparency log takes `--signing-config` with a config that lists no transparency log (for a
//   key pair, no service at all: nothing leaves the machine but the registry's requests);
// - cosign 3 stores a signature as a Sigstore bundle, an OCI 1.1 referrer of the image (through the
//   referrers API, else the `sha256-<hex>` fallback index), where cosign 2 pushes a `sha256-<hex>.sig` tag.

export interface SignRequest {
  /** `registry/repository@sha256:…` */
  ref: string;
  /** A key file path or cosign's `env://VAR`; undefined means keyless (OIDC). */
  key?: string;
  tlog: boolean;
  /** Plain-HTTP registry (loopback). */
  insecure: boolean;
}

/** Which cosign runs, and how imagegate knows. */
export interface CosignVersion {
  major: number;
  /** `3.1.1`, or `devel` for a build without a version (Debian's). */
  version: string;
  /** How the major version was found. */
  basis: string;
}

/** A signing config for signing without a transparency log: no Rekor, no timestamp authority. */
export const OFFLINE_SIGNING_CONFIG = `${JSON.stringify({
  mediaType: 'application/vnd.dev.sigstore.signingconfig.v0.2+json',
  rekorTlogConfig: {},
  tsaConfig: {}
})}\n`;

/**
 * cosign's version from `cosign version --json`; a build without one (`devel`: Debian's packages)
 * is told apart by `cosign sign --help`: cosign 3 uses a signing config by default
 * (`--use-signing-config=true`), cosign 2 does not (2.6+ has the flag, off by default).
 */
export function parseCosignVersion(versionJson: string, signHelp: () => string): CosignVersion {
  const text = gitVersion(versionJson);
  const semver = /^v?(\d+)\.(\d+)\.(\d+)/.exec(text);
  if (semver) return {major: Number(semver[1]), version: semver[0].replace(/^v/, ''), basis: '`cosign version`'};
  const help = signHelp();
  const v3 = /--use-signing-config[= ]true/.test(help);
  return {
    major: v3 ? 3 : 2,
    version: text || 'unknown',
    basis: `a build without a version (${text || 'none'}); its \`sign\` ${v3 ? 'uses a signing config by default, as cosign 3 does' : 'does not use a signing config by default, as cosign 2 does'}`
  };
}

/** `gitVersion` of `cosign version --json` (or `GitVersion:` of the plain output). */
function gitVersion(output: string): string {
  try {
    return String((JSON.parse(output) as {gitVersion?: unknown}).gitVersion ?? '');
  } catch {
    return /GitVersion:\s*(\S+)/.exec(output)?.[1] ?? '';
  }
}

/** Whether signing needs a signing config file of imagegate's (cosign 3 without a transparency log). */
export function needsSigningConfig(req: SignRequest, cosign: CosignVersion): boolean {
  return cosign.major >= 3 && !req.tlog;
}

export function cosignSignArgs(
  req: SignRequest,
  cosign: CosignVersion,
  files: {signingConfig?: string} = {}
): string[] {
  checkDigestRef(req.ref);
  const args = ['sign', '--yes'];
  if (req.key !== undefined) args.push('--key', req.key);
  if (needsSigningConfig(req, cosign)) {
    if (!files.signingConfig) throw new Error('cosign 3 signs without a transparency log only with a signing config');
    args.push('--signing-config', files.signingConfig);
  } else if (!req.tlog) args.push('--tlog-upload=false');
  if (req.insecure) args.push('--allow-insecure-registry');
  args.push(req.ref);
  return args;
}

/** Who may have signed a keyless signature, where the CI says (GitHub's workflow identity); else any identity. */
export interface KeylessIdentity {
  identity?: string;
  issuer?: string;
}

/**
 * The keyless identity a signature of this run has: on github.com, the workflow file at its ref
 * (`https://github.com/<owner>/<repo>/.github/workflows/<file>@<ref>`) from GitHub's token service;
 * elsewhere unknown (any identity verifies).
 */
export function keylessIdentityOf(vars: Readonly<Record<string, string | undefined>>): KeylessIdentity {
  if (vars.GITHUB_SERVER_URL !== 'https://github.com' || !vars.GITHUB_WORKFLOW_REF) return {};
  return {
    identity: `https://github.com/${vars.GITHUB_WORKFLOW_REF}`,
    issuer: 'https://token.actions.githubusercontent.com'
  };
}

/**
 * argv for `cosign verify` of a signature imagegate just made (or found): with the public key of a
 * key pair; keyless, with the workflow's identity where it is known. Without a transparency log,
 * `--insecure-ignore-tlog=true` (the signature was never logged). cosign 3 reads both formats.
 */
export function cosignVerifyArgs(
  req: SignRequest,
  files: {publicKey?: string},
  keyless: KeylessIdentity = {}
): string[] {
  checkDigestRef(req.ref);
  const args = ['verify'];
  if (req.key !== undefined) {
    if (!files.publicKey) throw new Error('verifying a key-pair signature needs the public key');
    args.push('--key', files.publicKey);
  } else {
    args.push(
      ...(keyless.identity ? ['--certificate-identity', keyless.identity] : ['--certificate-identity-regexp', '.*']),
      ...(keyless.issuer ? ['--certificate-oidc-issuer', keyless.issuer] : ['--certificate-oidc-issuer-regexp', '.*'])
    );
  }
  if (!req.tlog) args.push('--insecure-ignore-tlog=true');
  if (req.insecure) args.push('--allow-insecure-registry');
  args.push(req.ref);
  return args;
}

function checkDigestRef(ref: string): void {
  if (!/@sha256:[0-9a-f]{64}$/.test(ref)) throw new Error(`cosign signs digests only, not ${ref}`);
}
