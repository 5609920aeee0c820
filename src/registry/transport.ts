// HTTP to registries in three layers: auth (anonymous, basic, bearer tokens per repository scope,
// refreshed once on 401, sent only to the registry's own host; token realms under the policy of
// hosts.ts), then retry (one policy, no nested retries, only replayable bodies), then limits: an
// idle timeout, an overall deadline per exchange, a low-speed rule for bulk bodies, and a size
// limit for every buffered body (body.ts). Built on node:http(s) so bodies stream both ways and
// every byte can be counted; blob downloads over plain HTTP go through bulk-get.ts, without
// node:http's extra copy of every chunk.

import http, {type IncomingHttpHeaders} from 'node:http';
import https from 'node:https';
import {Readable, Transform} from 'node:stream';
import {parseChallenges, scopeFor, type Action, type Challenge} from './challenge.js';
import type {CredentialStore, Credentials} from './credentials.js';
import {Limiter} from '../core/limiter.js';
import {RegistryError, errorDetail, ociError} from './errors.js';
import {BODY_LIMITS, ERROR_BODY_KEPT, formatSize, parseJsonObject, printable} from './body.js';
import {isLoopback, realmRefusal, type RealmPolicy} from './hosts.js';
import {bulkGet} from './bulk-get.js';
import {
  backoffMs,
  DEFAULT_RETRY,
  delay,
  HostGate,
  isRetryableError,
  isRetryableStatus,
  parseRetryAfter,
  type RetryPolicy
} from './retry.js';

export type Method = 'GET' | 'HEAD' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';

export interface RegistryRequest {
  method: Method;
  /** Registry host[:port] the request belongs to (credentials are scoped to it). */
  registry: string;
  /** `/v2/...` on the registry, or an absolute URL (upload locations, redirects). */
  path: string;
  headers?: Record<string, string>;
  /** A Buffer, or a factory opening a fresh stream for each send (so a 401 or a retry can send it again). */
  body?: Buffer | (() => Readable | Promise<Readable>);
  bodyLength?: number;
  scope: {repository: string; actions: Action[]; extra?: string[]};
  /** Hand back the response body as a stream instead of buffering it. */
  stream?: boolean;
  /** The caller recovers by itself (an upload session): one attempt only. */
  noRetry?: boolean;
  /**
   * The most bytes of a 2xx body to buffer (default BODY_LIMITS.other) and what the body is, for
   * the refusal: `a manifest`. A larger body is refused by its Content-Length, or as soon as it passes.
   */
  maxBody?: {bytes: number; what: string};
}

/** An answer as `buffered` and `guarded` read it: node:http's IncomingMessage or bulk-get.ts's. */
type ResponseLike = Readable & {statusCode?: number; headers: IncomingHttpHeaders};

export interface RegistryResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** Buffered body (empty when `stream` was asked for). */
  body: Buffer;
  stream?: Readable;
  url: URL;
}

export interface TransportStats {
  requests: number;
  bytesSent: number;
  bytesReceived: number;
  byMethod: Record<string, number>;
}

/** A bulk body (a blob) must move at least this fast, measured while imagegate waits for it. */
export interface LowSpeedLimit {
  bytesPerSecond: number;
  windowMs: number;
}

/** The time limits of one exchange (docs/promotion.md, "Limits"). */
export const DEFAULT_TIME_LIMITS = {
  idleTimeoutMs: 60_000,
  requestTimeoutMs: 60_000,
  lowSpeed: {bytesPerSecond: 16 * 1024, windowMs: 30_000}
} as const;

/** Request bodies above this size are sent as a stream under the low-speed rule, not under the deadline. */
const BULK_BODY = BODY_LIMITS.other;
/** Methods a request that ran past its deadline may be sent again for: reads, which change nothing. */
const SAFE_METHODS = new Set<Method>(['GET', 'HEAD']);

export interface TransportOptions {
  credentials?: CredentialStore;
  retry?: RetryPolicy;
  /** Idle time allowed on a connection before the request fails (and may be retried). Default 60 s. */
  idleTimeoutMs?: number;
  /**
   * Overall deadline of one exchange, from sending to the last byte of a buffered answer (and, for
   * bulk bodies, from the end of the request body or to the response head). Default 60 s. A read
   * (GET, HEAD) that runs past it is sent once more; nothing else is.
   */
  requestTimeoutMs?: number;
  /**
   * Bulk bodies (blob downloads and uploads, request bodies over 1 MiB) fail when less than
   * `bytesPerSecond` moved during `windowMs` in which imagegate waited for the other side.
   * Default 16 KiB/s over 30 s.
   */
  lowSpeed?: LowSpeedLimit;
  /** Wall-clock deadline (epoch ms) for the whole operation. */
  deadline?: number;
  /** Hosts reached over plain HTTP besides loopback ones. */
  insecureHosts?: string[];
  /** Token realm hosts (`host`, `host:port`, `*.domain`) that may receive a registry's credentials besides its own (hosts.ts). */
  trustedRealms?: string[];
  /** Called with every secret the transport derives (tokens, basic headers), for log masking. */
  onSecret?: (secret: string) => void;
  userAgent?: string;
}

interface CachedToken {
  header: string;
  expires: number;
}

const gate = new HostGate();
/**
 * Requests to one host being started or waiting for their answer at once (an upload holds its slot
 * until the registry answers). Measured with `node bench/promote.mjs --many 16 --runs 3` on the
 * testbed (docs/benchmarks.md, "Promotion: copy between registries"): 3 → 2.15 s, 6 → 1.40 s,
 * 12 → 2.32 s for 16 images (under a load average of ~5: the ratios to oras scatter, 6 was fastest).
 * The 420 MB S3 copy never reaches it (4 blobs at once, BLOBS_AT_ONCE in copy.ts).
 */
const MAX_STARTS_PER_HOST = 6;

/** What the registry client sends its requests through (the real one below; tests use a registry in memory). */
export interface Transport {
  readonly stats: TransportStats;
  send(req: RegistryRequest): Promise<RegistryResponse>;
  close(): void;
}

export class RegistryTransport implements Transport {
  readonly stats: TransportStats = {requests: 0, bytesSent: 0, bytesReceived: 0, byMethod: {}};
  private readonly tokens = new Map<string, CachedToken>();
  private readonly basicHosts = new Set<string>();
  // No socket limit in the agents: a request queued inside an agent would go out later without
  // passing the host gate again. Concurrency is bounded per host by `starts` instead.
  private readonly agents = {http: new http.Agent({keepAlive: true}), https: new https.Agent({keepAlive: true})};
  private readonly starts = new Map<string, Limiter>();
  private readonly retry: RetryPolicy;
  private readonly idleMs: number;
  private readonly requestMs: number;
  private readonly lowSpeed: LowSpeedLimit;
  private readonly realms: RealmPolicy;

  constructor(private readonly opts: TransportOptions = {}) {
    this.retry = opts.retry ?? DEFAULT_RETRY;
    this.idleMs = opts.idleTimeoutMs ?? DEFAULT_TIME_LIMITS.idleTimeoutMs;
    this.requestMs = opts.requestTimeoutMs ?? DEFAULT_TIME_LIMITS.requestTimeoutMs;
    this.lowSpeed = opts.lowSpeed ?? DEFAULT_TIME_LIMITS.lowSpeed;
    this.realms = {insecureHosts: opts.insecureHosts ?? [], trustedRealms: opts.trustedRealms ?? []};
  }

  close(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  /** Sends a request with auth, retries and timeouts; resolves with any HTTP status. */
  async send(req: RegistryRequest): Promise<RegistryResponse> {
    // Bodies are Buffers or stream factories, so every attempt can send the whole body again.
    const attempts = req.noRetry ? 1 : this.retry.attempts;
    let lastError: unknown;
    let pastDeadline = 0;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      this.checkDeadline(req);
      try {
        const res = await this.startsFor(req.registry).run(async () => {
          await gate.wait(req.registry);
          return this.sendWithAuth(req);
        });
        if (!isRetryableStatus(res.status)) return res;
        if (attempt === attempts) {
          // Out of attempts, but the registry's wish still holds for whatever asks it next.
          const asked = parseRetryAfter(headerText(res.headers['retry-after']));
          if (asked !== undefined) gate.hold(req.registry, Math.min(asked, this.retry.maxRetryAfterMs));
          return res;
        }
        const wait = this.waitFor(res, attempt, req);
        if (res.status === 429 || res.status === 503) gate.hold(req.registry, wait);
        res.stream?.resume();
        await delay(res.status === 429 || res.status === 503 ? 0 : wait);
        lastError = new RegistryError(describe(req, res), res.status, ociError(res.body).code);
      } catch (e) {
        if (e instanceof RegistryError && e.status !== undefined) throw e;
        // A read that ran past its deadline is tried once more (another connection, maybe another
        // backend); a write is not: the registry may have done it.
        const retryable =
          errorCode(e) === 'ERR_REQUEST_TIMEOUT'
            ? SAFE_METHODS.has(req.method) && ++pastDeadline < 2
            : isRetryableError(e);
        if (!retryable || attempt === attempts) throw wrapNetworkError(req, e);
        lastError = e;
        await delay(backoffMs(this.retry, attempt));
      }
    }
    throw wrapNetworkError(req, lastError);
  }

  private startsFor(host: string): Limiter {
    let limiter = this.starts.get(host);
    if (!limiter) this.starts.set(host, (limiter = new Limiter(MAX_STARTS_PER_HOST)));
    return limiter;
  }

  private waitFor(res: RegistryResponse, attempt: number, req: RegistryRequest): number {
    const asked = parseRetryAfter(headerText(res.headers['retry-after']));
    if (asked === undefined) return backoffMs(this.retry, attempt);
    if (asked > this.retry.maxRetryAfterMs) {
      throw new RegistryError(
        `${req.registry} asks to wait ${Math.round(asked / 1000)}s before ${req.method} ${pathOf(req)} (Retry-After), more than the ${this.retry.maxRetryAfterMs / 1000}s imagegate waits; try again later`,
        res.status
      );
    }
    return asked;
  }

  private checkDeadline(req: RegistryRequest): void {
    if (this.opts.deadline !== undefined && Date.now() > this.opts.deadline) {
      throw new RegistryError(
        `the operation ran past its deadline before ${req.method} ${pathOf(req)} on ${req.registry}`
      );
    }
  }

  /** One attempt: sends with what we know of the host's auth; on a challenge, authenticates once and resends. */
  private async sendWithAuth(req: RegistryRequest): Promise<RegistryResponse> {
    const url = this.urlFor(req);
    const sameHost = url.host === req.registry;
    const scope = scopeString(req);
    const auth = sameHost ? this.cachedAuth(req.registry, scope) : undefined;
    const first = await this.raw(req, url, auth);
    if (first.status !== 401 || !sameHost) return first;
    const challenges = parseChallenges(headerText(first.headers['www-authenticate']));
    first.stream?.resume();
    const header = await this.authenticate(req, challenges, scope);
    if (!header) return first;
    const second = await this.raw(req, url, header);
    if (second.status === 401) {
      second.stream?.resume();
      throw new RegistryError(
        `credentials rejected by ${req.registry} for ${scope} (${ociError(second.body).message ?? 'unauthorized'}); check them`,
        401,
        ociError(second.body).code
      );
    }
    return second;
  }

  private cachedAuth(registry: string, scope: string): string | undefined {
    const token = this.tokens.get(`${registry} ${scope}`);
    if (token && token.expires > Date.now()) return token.header;
    return this.basicHosts.has(registry) ? this.basicHeaders.get(registry) : undefined;
  }

  private readonly basicHeaders = new Map<string, string>();

  private async authenticate(
    req: RegistryRequest,
    challenges: Challenge[],
    scope: string
  ): Promise<string | undefined> {
    const credentials = (await this.opts.credentials?.get(req.registry))?.credentials;
    const bearer = challenges.find(c => c.scheme === 'bearer');
    if (bearer) return this.fetchToken(req, bearer, scope, credentials);
    const basic = challenges.find(c => c.scheme === 'basic');
    if (basic && credentials?.kind === 'basic') {
      this.refusePlainCredentials(req.registry);
      const header = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
      this.opts.onSecret?.(header.slice(6));
      this.basicHosts.add(req.registry);
      this.basicHeaders.set(req.registry, header);
      return header;
    }
    if (basic)
      throw new RegistryError(
        `${req.registry} needs credentials for ${scope}: set IMAGEGATE_REGISTRY_USER and IMAGEGATE_REGISTRY_PASSWORD, or log in with docker login`,
        401
      );
    return undefined;
  }

  private async fetchToken(
    req: RegistryRequest,
    challenge: Challenge,
    scope: string,
    credentials: Credentials | undefined
  ): Promise<string> {
    const realm = challenge.params.realm;
    if (!realm) throw new RegistryError(`${req.registry} sent a bearer challenge without a realm`, 401);
    let realmUrl: URL;
    try {
      realmUrl = new URL(realm);
    } catch {
      throw new RegistryError(
        `${req.registry} sent a bearer challenge whose realm \`${printable(realm)}\` is not a URL`,
        401
      );
    }
    const refusal = realmRefusal(req.registry, realmUrl, credentials?.kind === 'basic', this.realms);
    if (refusal) throw new RegistryError(refusal, undefined, 'ERR_REALM_REFUSED');
    const service = `the token service of ${req.registry} (${realmUrl.origin}${realmUrl.pathname})`;
    const scopes = [
      scope,
      ...(challenge.params.scope && challenge.params.scope !== scope ? [challenge.params.scope] : []),
      ...(req.scope.extra ?? [])
    ];
    if (challenge.params.service) realmUrl.searchParams.set('service', challenge.params.service);
    for (const s of scopes) realmUrl.searchParams.append('scope', s);
    const headers: Record<string, string> = {};
    if (credentials?.kind === 'basic') {
      if (realmUrl.protocol !== 'https:') this.refusePlainCredentials(realmUrl.host);
      headers.authorization = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
    }
    const tokenReq: RegistryRequest = {
      method: 'GET',
      registry: realmUrl.host,
      path: realmUrl.toString(),
      headers,
      scope: req.scope,
      maxBody: {bytes: BODY_LIMITS.token, what: 'a token response'}
    };
    let res: RegistryResponse;
    try {
      res = await this.raw(tokenReq, realmUrl, headers.authorization);
    } catch (e) {
      throw e instanceof RegistryError ? new RegistryError(`${service}: ${e.message}`, e.status, e.code) : e;
    }
    if (res.status !== 200) {
      throw new RegistryError(
        `${service} answered ${res.status}${errorDetail(res.body)} for ${scope}${credentials ? '; check the credentials' : '; it may need credentials'}`,
        res.status
      );
    }
    const doc = parseJsonObject(res.body);
    if (!doc.ok) throw new RegistryError(`${service} answered 200 with a body that is ${doc.error}`);
    const {token: given, access_token: access, expires_in: expiresIn} = doc.value;
    const token = typeof given === 'string' && given ? given : typeof access === 'string' && access ? access : '';
    if (!token) throw new RegistryError(`${service} answered without a token`);
    this.opts.onSecret?.(token);
    // Tokens live at least 60 s (token spec default); renew 5 s early.
    const seconds = typeof expiresIn === 'number' && Number.isFinite(expiresIn) ? expiresIn : 60;
    const lifetime = Math.max(60, seconds) * 1000 - 5000;
    const header = `Bearer ${token}`;
    this.tokens.set(`${req.registry} ${scope}`, {header, expires: Date.now() + lifetime});
    return header;
  }

  private refusePlainCredentials(host: string): void {
    if (!isLoopback(host) && !this.isInsecure(host)) {
      throw new RegistryError(
        `refusing to send credentials to ${host} over plain HTTP; use https or list the host as insecure`
      );
    }
  }

  private isInsecure(host: string): boolean {
    return this.realms.insecureHosts.includes(host);
  }

  private urlFor(req: RegistryRequest): URL {
    if (/^https?:\/\//.test(req.path)) return new URL(req.path);
    const scheme = isLoopback(req.registry) || this.isInsecure(req.registry) ? 'http' : 'https';
    return new URL(`${scheme}://${req.registry}${req.path}`);
  }

  /** One HTTP exchange under the time and size limits, no auth logic, no retry. */
  private raw(req: RegistryRequest, url: URL, authorization: string | undefined): Promise<RegistryResponse> {
    this.stats.requests++;
    this.stats.byMethod[req.method] = (this.stats.byMethod[req.method] ?? 0) + 1;
    const headers: Record<string, string> = {'user-agent': this.opts.userAgent ?? 'imagegate', ...req.headers};
    if (authorization) headers.authorization = authorization;
    else delete headers.authorization;
    if (req.bodyLength !== undefined) headers['content-length'] = String(req.bodyLength);
    else if (Buffer.isBuffer(req.body)) headers['content-length'] = String(req.body.length);
    const client = url.protocol === 'https:' ? https : http;
    const agent = url.protocol === 'https:' ? this.agents.https : this.agents.http;
    const bulk = req.body !== undefined && (!Buffer.isBuffer(req.body) || req.body.length > BULK_BODY);
    // Blob downloads over plain HTTP skip node:http's per-chunk copy (bulk-get.ts); TLS stays on node:https.
    if (req.stream === true && req.method === 'GET' && req.body === undefined && url.protocol === 'http:')
      return this.rawDirect(req, url, headers);
    return new Promise((resolve, reject) => {
      const request = client.request(url, {method: req.method, headers, agent});
      const abort = (code: string, message: string): void =>
        void request.destroy(Object.assign(new Error(message), {code}));
      request.setTimeout(this.idleMs, () =>
        abort('ERR_IDLE_TIMEOUT', `no answer from ${url.host} for ${this.idleMs} ms`)
      );
      // The deadline covers the whole exchange; with a bulk body, what follows its last byte.
      let deadline: NodeJS.Timeout | undefined;
      let stopped = false;
      const startDeadline = (): void => {
        if (deadline !== undefined || stopped) return;
        deadline = setTimeout(
          () =>
            abort(
              'ERR_REQUEST_TIMEOUT',
              `the registry did not finish its answer within ${this.requestMs} ms (imagegate's deadline for one request; a body trickling in is cut off)`
            ),
          this.requestMs
        );
      };
      const stopDeadline = (): void => {
        stopped = true;
        clearTimeout(deadline);
      };
      if (bulk) request.on('finish', startDeadline);
      else startDeadline();
      request.on('close', stopDeadline);
      request.on('error', e => {
        stopDeadline();
        reject(e);
      });
      request.on('response', res => {
        const status = res.statusCode ?? 0;
        if (req.stream && status >= 200 && status < 300) {
          stopDeadline();
          resolve({
            status,
            headers: res.headers,
            body: Buffer.alloc(0),
            stream: this.guarded(req, url, request, res),
            url
          });
          return;
        }
        // An answer before the end of a bulk body (a 401, a refusal) is under the deadline too.
        startDeadline();
        this.buffered(req, url, res).then(
          r => {
            stopDeadline();
            resolve(r);
          },
          (e: unknown) => {
            stopDeadline();
            request.destroy();
            reject(e);
          }
        );
      });
      this.writeBody(req, request, bulk, reject);
    });
  }

  /** A streamed GET over plain HTTP through bulk-get.ts, under the same limits as `raw`. */
  private rawDirect(req: RegistryRequest, url: URL, headers: Record<string, string>): Promise<RegistryResponse> {
    const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
    const exchange = bulkGet(url, lower, this.idleMs, () =>
      exchange.destroy(
        Object.assign(new Error(`no answer from ${url.host} for ${this.idleMs} ms`), {code: 'ERR_IDLE_TIMEOUT'})
      )
    );
    // Until the head arrives, and for an error answer until its end, the request's deadline holds.
    const deadline = setTimeout(
      () =>
        exchange.destroy(
          Object.assign(
            new Error(
              `the registry did not finish its answer within ${this.requestMs} ms (imagegate's deadline for one request; a body trickling in is cut off)`
            ),
            {code: 'ERR_REQUEST_TIMEOUT'}
          )
        ),
      this.requestMs
    );
    return exchange.response.then(
      res => {
        if (res.statusCode >= 200 && res.statusCode < 300) {
          clearTimeout(deadline);
          return {
            status: res.statusCode,
            headers: res.headers,
            body: Buffer.alloc(0),
            stream: this.guarded(req, url, exchange, res),
            url
          };
        }
        return this.buffered(req, url, res).finally(() => {
          clearTimeout(deadline);
          exchange.destroy();
        });
      },
      (e: unknown) => {
        clearTimeout(deadline);
        throw e;
      }
    );
  }

  /**
   * Reads an answer into memory, within its limit: a 2xx body larger than `maxBody` is refused (by
   * its Content-Length before reading, else once it passes); of an error body only the first
   * ERROR_BODY_KEPT bytes are kept and the rest is not read.
   */
  private buffered(req: RegistryRequest, url: URL, res: ResponseLike): Promise<RegistryResponse> {
    const status = res.statusCode ?? 0;
    const ok = status >= 200 && status < 300;
    const limit = ok ? (req.maxBody?.bytes ?? BODY_LIMITS.other) : ERROR_BODY_KEPT;
    const tooLarge = (size: string): RegistryError =>
      new RegistryError(
        `${req.method} ${where(req, url)}: the registry sent ${size}, more than the ${formatSize(limit)} imagegate reads for ${req.maxBody?.what ?? 'an answer like this'}; refusing it`,
        undefined,
        'ERR_BODY_TOO_LARGE'
      );
    return new Promise((resolve, reject) => {
      const done = (body: Buffer): void => resolve({status, headers: res.headers, body, url});
      const declared = Number(res.headers['content-length']);
      // The verdict first: destroying the response emits events that would settle it otherwise.
      if (req.method !== 'HEAD' && declared > limit) {
        if (ok) reject(tooLarge(`${declared} bytes (Content-Length)`));
        else done(Buffer.alloc(0));
        res.destroy();
        return;
      }
      const chunks: Buffer[] = [];
      let length = 0;
      res.on('data', (c: Buffer) => {
        this.stats.bytesReceived += c.length;
        if (length + c.length <= limit) {
          chunks.push(c);
          length += c.length;
          return;
        }
        if (ok) reject(tooLarge(`more than ${limit} bytes without a Content-Length that said so`));
        else done(Buffer.concat([...chunks, c.subarray(0, limit - length)]));
        res.destroy();
      });
      res.on('error', reject);
      res.on('aborted', () => reject(Object.assign(new Error('response aborted'), {code: 'ECONNRESET'})));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        if (req.method !== 'HEAD' && Number.isFinite(declared) && body.length < declared) {
          reject(
            Object.assign(new Error(`short body from ${url.host}: ${body.length} of ${declared} bytes`), {
              code: 'ERR_SHORT_BODY'
            })
          );
          return;
        }
        done(body);
      });
    });
  }

  /** A streamed answer (a blob), counted, under the low-speed rule; paused until the caller reads it. */
  private guarded(req: RegistryRequest, url: URL, request: {destroy(e?: Error): unknown}, res: ResponseLike): Readable {
    const stats = this.stats;
    let moved = 0;
    const counted = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        stats.bytesReceived += chunk.length;
        moved += chunk.length;
        done(null, chunk);
      }
    });
    // The registry is slow only while the reader waits: bytes waiting in the stream are the reader's delay.
    const stop = this.lowSpeedWatch(
      () => counted.readableLength === 0,
      () => {
        const bytes = moved;
        moved = 0;
        return bytes;
      },
      rate => {
        const e = Object.assign(
          new Error(
            `${req.method} ${where(req, url)}: the body arrived at less than ${this.lowSpeed.bytesPerSecond} bytes/s (${rate}) while imagegate waited for it; a registry this slow is cut off`
          ),
          {code: 'ERR_TOO_SLOW'}
        );
        request.destroy(e);
        counted.destroy(e);
      }
    );
    // A reader that gave up (destroyed the stream) leaves no connection behind.
    counted.on('close', () => {
      stop();
      if (!res.readableEnded) res.destroy();
    });
    res.on('error', e => counted.destroy(e));
    res.on('aborted', () => counted.destroy(Object.assign(new Error('response aborted'), {code: 'ECONNRESET'})));
    return res.pipe(counted);
  }

  /**
   * Samples ten times per window whether imagegate waits on the other side; once it has waited a
   * whole window, the bytes moved meanwhile must reach the low-speed limit, or `fail` is called.
   * Returns the function that stops watching.
   */
  private lowSpeedWatch(waiting: () => boolean, take: () => number, fail: (rate: string) => void): () => void {
    const {bytesPerSecond, windowMs} = this.lowSpeed;
    const step = Math.max(10, Math.floor(windowMs / 10));
    let waited = 0;
    const timer = setInterval(() => {
      if (waiting()) waited += step;
      if (waited < windowMs) return;
      const bytes = take();
      waited = 0;
      if (bytes < (bytesPerSecond * windowMs) / 1000) {
        clearInterval(timer);
        fail(`${bytes} bytes in ${windowMs} ms`);
      }
    }, step);
    timer.unref();
    return () => clearInterval(timer);
  }

  private writeBody(
    req: RegistryRequest,
    request: http.ClientRequest,
    bulk: boolean,
    reject: (e: unknown) => void
  ): void {
    const body = req.body;
    if (body === undefined) {
      request.end();
      return;
    }
    if (Buffer.isBuffer(body) && !bulk) {
      this.stats.bytesSent += body.length;
      request.end(body);
      return;
    }
    // A stream the registry stopped reading (it answered early, e.g. 401) is closed, so the
    // source's connection is not held; the next send opens a fresh one.
    const open = Buffer.isBuffer(body) ? () => Readable.from(slices(body)) : body;
    Promise.resolve()
      .then(open)
      .then(stream => {
        let moved = 0;
        stream.on('data', (c: Buffer) => {
          this.stats.bytesSent += c.length;
          moved += c.length;
        });
        stream.on('error', e => {
          request.destroy(e);
          reject(e);
        });
        // The registry is slow only while it leaves what imagegate has to send waiting.
        const stop = this.lowSpeedWatch(
          () => request.writableNeedDrain,
          () => {
            const bytes = moved;
            moved = 0;
            return bytes;
          },
          rate =>
            request.destroy(
              Object.assign(
                new Error(
                  `${req.registry} reads the upload at less than ${this.lowSpeed.bytesPerSecond} bytes/s (${rate}) while imagegate has more to send; a registry this slow is cut off`
                ),
                {code: 'ERR_TOO_SLOW'}
              )
            )
        );
        request.on('finish', stop);
        request.on('response', () => {
          stop();
          if (!stream.readableEnded) {
            stream.unpipe(request);
            stream.destroy();
          }
        });
        request.on('close', () => {
          stop();
          if (!stream.destroyed && !stream.readableEnded) stream.destroy();
        });
        stream.pipe(request);
      })
      .catch((e: unknown) => {
        request.destroy(e instanceof Error ? e : new Error(String(e)));
        reject(e);
      });
  }
}

export {isLoopback};

function scopeString(req: RegistryRequest): string {
  return scopeFor(req.scope.repository, req.scope.actions);
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

function pathOf(req: RegistryRequest): string {
  return /^https?:\/\//.test(req.path) ? new URL(req.path).pathname : req.path.split('?')[0]!;
}

function describe(req: RegistryRequest, res: RegistryResponse): string {
  return `${req.method} ${pathOf(req)} on ${req.registry} answered ${res.status}${errorDetail(res.body)}`;
}

/** `GET /v2/…/manifests/x on registry:5000`, or the absolute URL when the request left the registry (a token realm, a redirect). */
function where(req: RegistryRequest, url: URL): string {
  return url.host === req.registry ? `${url.pathname} on ${req.registry}` : `${url.origin}${url.pathname}`;
}

function errorCode(e: unknown): string | undefined {
  const code = (e as {code?: unknown} | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A large buffered body as a stream of 1 MiB views (no copies), so it goes under the low-speed rule. */
function* slices(body: Buffer): Generator<Buffer> {
  for (let at = 0; at < body.length; at += BULK_BODY) yield body.subarray(at, at + BULK_BODY);
}

function wrapNetworkError(req: RegistryRequest, e: unknown): unknown {
  if (e instanceof RegistryError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new RegistryError(
    `${req.method} ${pathOf(req)} on ${req.registry} failed: ${message}`,
    undefined,
    errorCode(e)
  );
}
