// Which hosts the transport treats as one, and which token realms may receive a registry's
// credentials (docs/promotion.md, "Token realms"):
//   - a realm must be https, or plain http on loopback or on a host listed as insecure;
//   - the registry's credentials go to a realm on the registry's own host (any port), a subdomain
//     of it, or a host under the registry's parent domain when that parent has two labels or more
//     (registry.gitlab.com → gitlab.com, registry-1.docker.io → auth.docker.io,
//     registry.example.com → gitlab.example.com); every loopback name is one host;
//   - any other realm host only when it is trusted explicitly (`trustedRealms`: `host`,
//     `host:port` or `*.domain`);
//   - without credentials any https realm may be asked, except an internal address (loopback,
//     link-local, private) that is not the registry's own.

export interface RealmPolicy {
  /** Hosts reached over plain HTTP besides loopback ones. */
  insecureHosts: readonly string[];
  /** Realm hosts trusted with the registry's credentials besides the registry's own. */
  trustedRealms: readonly string[];
}

export function isLoopback(host: string): boolean {
  return isLoopbackName(hostnameOf(host));
}

/**
 * Why `realm` may not be asked for a token on behalf of `registry`, or undefined when it may.
 * `withCredentials`: the request would carry the registry's credentials.
 */
export function realmRefusal(
  registry: string,
  realm: URL,
  withCredentials: boolean,
  policy: RealmPolicy
): string | undefined {
  const realmHost = realm.host.toLowerCase();
  const plainAllowed = isLoopback(realmHost) || policy.insecureHosts.includes(realmHost);
  if (realm.protocol !== 'https:' && !(realm.protocol === 'http:' && plainAllowed))
    return `${registry} points its token service at ${realm.origin}, which is not https; refusing to ${withCredentials ? 'send credentials' : 'ask for a token'} there`;
  if (trusted(realm, policy.trustedRealms) || sameSite(registry, realm.hostname)) return undefined;
  const name = hostnameOf(realm.hostname);
  if (withCredentials)
    return (
      `${registry} sends its token requests to ${realm.origin}, outside the registry's own host and domain; ` +
      `imagegate sends the credentials for ${registry} only to a token realm on ${siteOf(registry)}, ` +
      `or on a host trusted explicitly. If ${name} is the token service of ${registry}, allow it with ` +
      `IMAGEGATE_TRUSTED_REALMS=${name}`
    );
  if (isInternalAddress(name))
    return `${registry} points its token service at ${realm.origin}, an internal address that is not the registry's; refusing to ask it for a token (IMAGEGATE_TRUSTED_REALMS=${name} allows it)`;
  return undefined;
}

/** The realm hosts `registry`'s credentials may go to without an explicit trust, in words. */
function siteOf(registry: string): string {
  const host = hostnameOf(registry);
  if (isLoopbackName(host)) return 'this machine (loopback)';
  if (isIpLiteral(host)) return host;
  const parent = parentDomain(host);
  return parent ? `${host}, ${parent} or a host under either` : `${host} or a host under it`;
}

function sameSite(registry: string, realmHostname: string): boolean {
  const a = hostnameOf(registry);
  const b = hostnameOf(realmHostname);
  if (a === b) return true;
  if (isLoopbackName(a) && isLoopbackName(b)) return true;
  if (isIpLiteral(a) || isIpLiteral(b)) return false;
  if (b.endsWith(`.${a}`)) return true;
  const parent = parentDomain(a);
  return parent !== undefined && (b === parent || b.endsWith(`.${parent}`));
}

/** `gitlab.com` for `registry.gitlab.com`; none when it would be a single label (`io` for `ghcr.io`). */
function parentDomain(host: string): string | undefined {
  const labels = host.split('.');
  return labels.length >= 3 ? labels.slice(1).join('.') : undefined;
}

function trusted(realm: URL, entries: readonly string[]): boolean {
  const name = hostnameOf(realm.hostname);
  const host = realm.host.toLowerCase();
  return entries.some(raw => {
    const entry = raw.trim().toLowerCase();
    if (entry.startsWith('*.')) return name.endsWith(entry.slice(1));
    return entry === name || entry === host;
  });
}

/** The host name without port or IPv6 brackets, lowercase. */
function hostnameOf(host: string): string {
  const lower = host.toLowerCase();
  if (lower.startsWith('[')) return lower.slice(1, lower.indexOf(']'));
  return lower.replace(/:\d+$/, '');
}

function isLoopbackName(name: string): boolean {
  return name === 'localhost' || name.startsWith('127.') || name === '::1';
}

function isIpLiteral(name: string): boolean {
  return /^\d+\.\d+\.\d+\.\d+$/.test(name) || name.includes(':');
}

function isInternalAddress(name: string): boolean {
  if (isLoopbackName(name)) return true;
  const v4 = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(name);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return (
      a === 0 || a === 10 || (a === 172 && b >= 16 && b < 32) || (a === 192 && b === 168) || (a === 169 && b === 254)
    );
  }
  return name.includes(':') && /^(fe[89ab]|f[cd])/.test(name);
}
