// The run's one credential model: where registry credentials come from, per registry host, in this order:
//   1. the run's explicit login for that host (the action's `registry-auths`, or
//      IMAGEGATE_REGISTRY_USER_<HOST> + IMAGEGATE_REGISTRY_PASSWORD_<HOST>), else the run's one explicit
//      login (action inputs, or IMAGEGATE_REGISTRY_USER + IMAGEGATE_REGISTRY_PASSWORD), for the hosts the
//      run names (its `explicitHosts`) only: a login for a host never goes to another;
//   2. docker's config.json: credHelpers[host] (a docker-credential-* helper), else auths[host]
//      (`auth` = base64 user:pass, or `username`/`password`, or `identitytoken`), else the global credsStore helper;
//   3. nothing: anonymous.
// Helpers speak the docker-credential-helpers protocol: `get`, the server URL on stdin, JSON on stdout.
// Every secret seen is remembered for log masking, and no error message ever contains one.

import {constants} from 'node:fs';
import {access, readFile, stat} from 'node:fs/promises';
import {delimiter, join} from 'node:path';
import {InfrastructureError, UsageError} from '../core/errors.js';
import type {Exec} from '../exec/exec.js';
import {lastLine} from '../core/text.js';

export type Credentials = {kind: 'basic'; username: string; password: string} | {kind: 'identity-token'; token: string};

export interface ResolvedCredentials {
  credentials: Credentials;
  /** e.g. 'IMAGEGATE_REGISTRY_USER/PASSWORD', '/home/me/.docker/config.json auths["ghcr.io"]',
   * 'credential helper docker-credential-ecr-login'. */
  source: string;
}

/** A login the run was given explicitly, as it was given: both halves, one, or none. */
export interface ExplicitLogin {
  username?: string;
  password?: string;
  /** The two settings it came from, for messages: `['IMAGEGATE_REGISTRY_USER', 'IMAGEGATE_REGISTRY_PASSWORD']`. */
  names: readonly [string, string];
  /** How `source` reads in a resolved credential, e.g. `IMAGEGATE_REGISTRY_USER/PASSWORD`. */
  source: string;
}

/** An explicit login for one registry host (several destinations, each with its own account). */
export interface HostLogin extends ExplicitLogin {
  host: string;
}

export interface CredentialStoreOptions {
  login?: ExplicitLogin;
  /** Logins for one host each; they win over `login` there, and go nowhere else. */
  hostLogins?: HostLogin[];
  /** Hosts the explicit login may be sent to; any other host never sees it. */
  explicitHosts?: string[];
  /** Directory holding docker's config.json. */
  dockerConfigDir?: string;
  /** Where docker-credential-* helpers are looked for (the run's PATH). */
  path: string;
  /** Runs the helpers. */
  exec: Exec;
}

const ENV_USER = 'IMAGEGATE_REGISTRY_USER';
export const ENV_PASSWORD = 'IMAGEGATE_REGISTRY_PASSWORD';
const ENV_SOURCE = `${ENV_USER}/PASSWORD`;

/** The explicit login of IMAGEGATE_REGISTRY_USER / IMAGEGATE_REGISTRY_PASSWORD in an environment. */
export function environmentLogin(vars: Readonly<Record<string, string | undefined>>): ExplicitLogin {
  return {
    ...(vars[ENV_USER] ? {username: vars[ENV_USER]} : {}),
    ...(vars[ENV_PASSWORD] ? {password: vars[ENV_PASSWORD]} : {}),
    names: [ENV_USER, ENV_PASSWORD],
    source: ENV_SOURCE
  };
}

/** `ghcr.io` → `GHCR_IO`, `localhost:5002` → `LOCALHOST_5002`: the suffix of a host's own login variables. */
export function hostVariableSuffix(host: string): string {
  return canonicalHost(host)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '_');
}

const HOST_USER = /^IMAGEGATE_REGISTRY_USER_([A-Z0-9_]+)$/;

/**
 * The per-host logins of an environment: IMAGEGATE_REGISTRY_USER_<HOST> and
 * IMAGEGATE_REGISTRY_PASSWORD_<HOST> for each host the run may name (`hosts`, matched by suffix).
 */
export function environmentHostLogins(
  vars: Readonly<Record<string, string | undefined>>,
  hosts: string[]
): HostLogin[] {
  const bySuffix = new Map(hosts.map(h => [hostVariableSuffix(h), canonicalHost(h)]));
  const out: HostLogin[] = [];
  for (const name of Object.keys(vars)) {
    const suffix = HOST_USER.exec(name)?.[1];
    const host = suffix !== undefined ? bySuffix.get(suffix) : undefined;
    if (!suffix || !host) continue;
    const password = `IMAGEGATE_REGISTRY_PASSWORD_${suffix}`;
    out.push({
      host,
      ...(vars[name] ? {username: vars[name]} : {}),
      ...(vars[password] ? {password: vars[password]} : {}),
      names: [name, password],
      source: `${name}/PASSWORD_${suffix}`
    });
  }
  return out;
}

/** Whether a variable holds a per-host registry password (kept from the programs imagegate starts). */
export function isHostPasswordVariable(name: string): boolean {
  return name.startsWith('IMAGEGATE_REGISTRY_PASSWORD_');
}

/** The key docker writes Docker Hub credentials under. */
const DOCKER_HUB_KEY = 'https://index.docker.io/v1/';
const DOCKER_HUB_HOSTS = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

/** What a credential helper prints when it holds nothing for the server. */
const NOT_FOUND = /credentials not found/i;
const TOKEN_USERNAME = '<token>';

interface DockerConfig {
  file: string;
  auths: Record<string, AuthEntry>;
  credHelpers: Record<string, string>;
  credsStore?: string;
}

interface AuthEntry {
  auth?: string;
  username?: string;
  password?: string;
  identitytoken?: string;
}

/** Resolves and caches credentials per registry host; see the top of this file for the order. */
export class CredentialStore {
  private readonly explicitHosts: Set<string>;
  private readonly cache = new Map<string, Promise<ResolvedCredentials | undefined>>();
  private readonly seen = new Set<string>();
  private config: Promise<DockerConfig | undefined> | undefined;

  constructor(private readonly opts: CredentialStoreOptions) {
    this.explicitHosts = new Set((opts.explicitHosts ?? []).map(canonicalHost));
    // Mask the explicit passwords from the start, even before (or without) them being used.
    for (const {username, password} of [opts.login ?? {}, ...(opts.hostLogins ?? [])]) {
      if (password) this.remember(password);
      if (username && password) this.remember(basicAuth(username, password));
    }
  }

  /**
   * The explicit login as docker logins, one per host it may go to (none without a login); half a
   * login (a user without a password) is a UsageError naming both settings.
   */
  logins(): {host: string; username: string; password: string}[] {
    return [...new Set(this.opts.explicitHosts ?? [])].flatMap(host => {
      const resolved = this.fromExplicit(canonicalHost(host));
      return resolved?.credentials.kind === 'basic' ? [{host, ...resolved.credentials}] : [];
    });
  }

  /** Where the explicit login came from, for messages: `IMAGEGATE_REGISTRY_USER and IMAGEGATE_REGISTRY_PASSWORD`. */
  loginSettings(): string {
    const [user, pass] = this.opts.login?.names ?? [ENV_USER, ENV_PASSWORD];
    return `${user} and ${pass}`;
  }

  /** Credentials for a registry host ('ghcr.io', 'localhost:5002', 'docker.io'), or undefined for anonymous. Cached per host. */
  get(host: string): Promise<ResolvedCredentials | undefined> {
    let key: string;
    try {
      key = canonicalHost(host);
    } catch (e) {
      return Promise.reject(e);
    }
    let pending = this.cache.get(key);
    if (!pending) {
      pending = this.resolve(key);
      this.cache.set(key, pending);
      // A failure is not cached: fixing the cause (installing a helper) and asking again works.
      pending.catch(() => this.cache.delete(key));
    }
    return pending;
  }

  /** Every secret value seen so far (passwords, tokens, and derived forms like base64(user:pass)), for log masking. */
  secrets(): string[] {
    return [...this.seen];
  }

  private async resolve(host: string): Promise<ResolvedCredentials | undefined> {
    const explicit = this.fromExplicit(host);
    if (explicit) return explicit;
    const config = await this.loadConfig();
    if (!config) return undefined;

    const helperKey = findKey(config.credHelpers, host);
    if (helperKey !== undefined) {
      const helper = config.credHelpers[helperKey]!;
      return this.fromHelper(helper, host, `${config.file} credHelpers[${JSON.stringify(helperKey)}]`);
    }
    const authKey = findKey(config.auths, host, key => hasCredentials(config.auths[key]!));
    if (authKey !== undefined) return this.fromAuthEntry(config, authKey);
    if (config.credsStore) return this.fromHelper(config.credsStore, host, `${config.file} credsStore`);
    return undefined;
  }

  private fromExplicit(host: string): ResolvedCredentials | undefined {
    const own = this.opts.hostLogins?.find(l => canonicalHost(l.host) === host);
    const login = own ?? this.opts.login;
    if (!login || (!login.username && !login.password)) return undefined;
    const {username, password} = login;
    if (!username || !password) {
      const [user, pass] = login.names;
      const [set, unset] = username ? [user, pass] : [pass, user];
      throw new UsageError(
        `${set} is set but ${unset} is not; set both ${user} and ${pass}, or neither (then docker's config.json is used)`
      );
    }
    if (!this.explicitHosts.has(host)) return undefined;
    return {credentials: {kind: 'basic', username, password}, source: login.source};
  }

  private fromAuthEntry(config: DockerConfig, key: string): ResolvedCredentials {
    const entry = config.auths[key]!;
    const source = `${config.file} auths[${JSON.stringify(key)}]`;
    let basic: {username: string; password: string} | undefined;
    if (entry.auth) {
      this.remember(entry.auth);
      basic = decodeAuth(entry.auth);
      if (basic) this.remember(basic.password);
      else
        throw new UsageError(
          `the "auth" of ${JSON.stringify(key)} in ${config.file} is not base64 of user:password; run \`docker login ${key}\` again, or fix or delete that entry`
        );
    } else if (entry.username || entry.password) {
      if (entry.password) this.remember(entry.password);
      if (!entry.username || !entry.password)
        throw new UsageError(
          `the entry for ${JSON.stringify(key)} in ${config.file} has a ${entry.username ? '"username" but no "password"' : '"password" but no "username"'}; give both, or run \`docker login ${key}\` again`
        );
      basic = {username: entry.username, password: entry.password};
    }
    if (basic) this.remember(basicAuth(basic.username, basic.password));
    if (entry.identitytoken) {
      this.remember(entry.identitytoken);
      return {credentials: {kind: 'identity-token', token: entry.identitytoken}, source};
    }
    return {credentials: {kind: 'basic', ...basic!}, source};
  }

  /** Runs `docker-credential-<name> get` with the server URL on stdin. `referrer` says which setting named it. */
  private async fromHelper(name: string, host: string, referrer: string): Promise<ResolvedCredentials | undefined> {
    const program = `docker-credential-${name}`;
    const missing = (): InfrastructureError =>
      new InfrastructureError(
        `${program} is not installed or not on PATH, but ${referrer} refers to it; install ${program}, or remove that setting from the file`
      );
    const path = await findProgram(program, this.opts.path);
    if (!path) throw missing();
    const serverUrl = host === 'docker.io' ? DOCKER_HUB_KEY : host;
    let result;
    try {
      result = await this.opts.exec.run(path, ['get'], {input: serverUrl});
    } catch (e) {
      if (e instanceof InfrastructureError) throw missing();
      throw e;
    }
    const output = `${result.stdout}\n${result.stderr}`;
    if (result.exitCode !== 0) {
      if (NOT_FOUND.test(output)) return undefined;
      const last = this.mask(lastLine(result.stderr) || lastLine(result.stdout) || '(no output)');
      throw new InfrastructureError(
        `${program} get failed for ${serverUrl} (exit ${result.exitCode}: ${last}), as ${referrer} asks; check it with \`echo ${serverUrl} | ${program} get\`, or remove that setting`
      );
    }
    if (!result.stdout.trim()) return undefined;
    let answer: unknown;
    try {
      answer = JSON.parse(result.stdout);
    } catch {
      throw new InfrastructureError(
        `${program} get printed something other than JSON for ${serverUrl}; it does not speak the docker-credential-helpers protocol, fix it or remove ${referrer}`
      );
    }
    if (!isObject(answer) || (answer.Secret !== undefined && typeof answer.Secret !== 'string'))
      throw new InfrastructureError(
        `${program} get answered ${serverUrl} without a string "Secret"; it does not speak the docker-credential-helpers protocol, fix it or remove ${referrer}`
      );
    const secret = typeof answer.Secret === 'string' ? answer.Secret : '';
    const username = typeof answer.Username === 'string' ? answer.Username : '';
    if (!secret) return undefined;
    this.remember(secret);
    const source = `credential helper ${program}`;
    if (username === TOKEN_USERNAME) return {credentials: {kind: 'identity-token', token: secret}, source};
    this.remember(basicAuth(username, secret));
    return {credentials: {kind: 'basic', username, password: secret}, source};
  }

  private loadConfig(): Promise<DockerConfig | undefined> {
    this.config ??= this.opts.dockerConfigDir
      ? readDockerConfig(join(this.opts.dockerConfigDir, 'config.json')).catch((e: unknown) => {
          this.config = undefined; // fixed files are read again
          throw e;
        })
      : Promise.resolve(undefined);
    return this.config;
  }

  private remember(secret: string): void {
    if (secret) this.seen.add(secret);
  }

  private mask(text: string): string {
    return [...this.seen].reduce((t, s) => t.split(s).join('***'), text);
  }
}

/** The host a registry name or config key refers to: scheme and path dropped, lower case, Docker Hub as `docker.io`. */
export function canonicalHost(text: string): string {
  const host = text
    .trim()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .split('/')[0]!
    .toLowerCase();
  if (!host) throw new UsageError(`\`${text}\` is not a registry host; write it as e.g. ghcr.io or localhost:5000`);
  return DOCKER_HUB_HOSTS.has(host) ? 'docker.io' : host;
}

/** The key of `map` for `host`: written exactly as the host (or Docker Hub's URL) first, else any key naming that host. */
function findKey<T>(
  map: Record<string, T>,
  host: string,
  usable: (key: string) => boolean = () => true
): string | undefined {
  const keys = Object.keys(map).filter(usable);
  const exact = host === 'docker.io' ? [DOCKER_HUB_KEY, 'docker.io'] : [host];
  return (
    exact.find(k => keys.includes(k)) ??
    keys.find(k => {
      try {
        return canonicalHost(k) === host;
      } catch {
        return false;
      }
    })
  );
}

/** Docker writes `{}` entries when a credsStore holds the secret: those say nothing. */
function hasCredentials(entry: AuthEntry): boolean {
  return Boolean(entry.auth || entry.username || entry.password || entry.identitytoken);
}

function decodeAuth(auth: string): {username: string; password: string} | undefined {
  const text = auth.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || text.length % 4 === 1) return undefined;
  const decoded = Buffer.from(text, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0 || colon === decoded.length - 1) return undefined;
  return {username: decoded.slice(0, colon), password: decoded.slice(colon + 1)};
}

function basicAuth(username: string, password: string): string {
  return Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
}

async function readDockerConfig(file: string): Promise<DockerConfig | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new UsageError(
      `cannot read docker's ${file} (${code ?? String(e)}); fix its permissions, or point DOCKER_CONFIG at another directory`
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new UsageError(
      `docker's ${file} is not valid JSON (${describeJsonError(e, text)}); fix it, or point DOCKER_CONFIG at another directory`
    );
  }
  const shape = (what: string): UsageError =>
    new UsageError(`docker's ${file}: ${what}; fix it, or point DOCKER_CONFIG at another directory`);
  if (!isObject(data)) throw shape('the file must hold a JSON object');
  const {auths = {}, credHelpers = {}, credsStore} = data;
  if (!isObject(auths)) throw shape('"auths" must be an object of registry entries');
  for (const [key, entry] of Object.entries(auths)) {
    if (!isObject(entry)) throw shape(`auths[${JSON.stringify(key)}] must be an object`);
    for (const field of ['auth', 'username', 'password', 'identitytoken'])
      if (entry[field] !== undefined && typeof entry[field] !== 'string')
        throw shape(`auths[${JSON.stringify(key)}].${field} must be a string`);
  }
  if (!isObject(credHelpers)) throw shape('"credHelpers" must map registry hosts to helper names');
  for (const [key, name] of Object.entries(credHelpers))
    if (typeof name !== 'string' || !isHelperName(name))
      throw shape(`credHelpers[${JSON.stringify(key)}] must be a helper name such as "ecr-login"`);
  if (credsStore !== undefined && (typeof credsStore !== 'string' || (credsStore !== '' && !isHelperName(credsStore))))
    throw shape('"credsStore" must be a helper name such as "desktop"');
  return {
    file,
    auths: auths as Record<string, AuthEntry>,
    credHelpers: credHelpers as Record<string, string>,
    credsStore: (credsStore as string | undefined) || undefined
  };
}

function isHelperName(name: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name);
}

/** V8's JSON error without the excerpt of the file it may quote (the file holds secrets), with a line and column. */
function describeJsonError(e: unknown, text: string): string {
  const message = e instanceof Error ? e.message : String(e);
  let kind = message
    .replace(/,\s*(?:\.\.\.)?".*$/s, '')
    .replace(/\s+(?:in JSON\s+)?at position \d+.*$/s, '')
    .replace(/\s+\(line \d+ column \d+\)$/, '');
  // Name the offending token only when it is JSON punctuation, never a character of a value.
  kind = kind.replace(/\s*'([^']*)'/g, (_m, token: string) => (/^[{}[\]:,"]$/.test(token) ? ` '${token}'` : ''));
  kind = kind.replace(/"[^"]*"/g, '').trim() || 'not valid JSON';
  const position = /at position (\d+)/.exec(message);
  if (!position) return kind;
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  const col = before.length - before.lastIndexOf('\n');
  return `${kind} at line ${line} column ${col}`;
}

async function findProgram(name: string, pathList: string): Promise<string | undefined> {
  for (const dir of pathList.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      await access(candidate, constants.X_OK);
      if ((await stat(candidate)).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
