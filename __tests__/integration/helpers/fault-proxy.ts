// An HTTP fault proxy for reliability tests of the OCI registry client: it sits between the client
// and a real registry on loopback, forwards requests while streaming both directions, and injects
// faults either from scripted rules or from a seeded random profile (same seed + same request
// sequence ⇒ same faults). Every request is logged (method, path, status, bytes in/out, times,
// fault) so tests can check retries, Retry-After compliance and write order afterwards.
// See /work/shared/notes/reliability.md §6.0–6.2.
import {
  Agent,
  createServer,
  request as httpRequest,
  type ClientRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse
} from 'node:http';
import type {Socket} from 'node:net';
import {randomBytes} from 'node:crypto';

export type Fault =
  /** Answer without forwarding. `headers` adds response headers (e.g. WWW-Authenticate for a 401). */
  | {kind: 'status'; status: number; retryAfter?: string; body?: string; headers?: Record<string, string>}
  /**
   * Reset the client socket (TCP RST).
   * - neither offset: before forwarding anything (the registry never sees the request);
   * - `afterBytes`: forward, then reset after that many bytes of the upstream response body; when the
   *   body is not longer than that (e.g. empty), reset before the response head (the registry did the work,
   *   the client never learns it);
   * - `afterRequestBytes`: forward only that many bytes of the request body, then drop both connections
   *   (the registry never receives a complete request).
   */
  | {kind: 'reset'; afterBytes?: number; afterRequestBytes?: number}
  /** Forward the response with its full Content-Length but only half the body, then end the socket. */
  | {kind: 'truncate'}
  /** Forward the whole response with its first body byte flipped (a registry or cache serving wrong bytes). */
  | {kind: 'corrupt'}
  /** Delay, then forward normally. `{kind: 'latency', ms: 0}` forces a clean forward (no random fault). */
  | {kind: 'latency'; ms: number}
  /**
   * Never answer. Without `afterBytes` nothing is forwarded and no head is sent; with it the request is
   * forwarded and the head plus `afterBytes` bytes of the body are sent before the proxy falls silent.
   */
  | {kind: 'stall'; afterBytes?: number}
  /**
   * Forward, send the response head at once, then the body `bytes` at a time every `everyMs` (a
   * registry, or something in between, that trickles: an idle timeout never fires).
   */
  | {kind: 'trickle'; bytes: number; everyMs: number};

export interface ProxyRequest {
  seq: number;
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
}

export type Rule = (req: ProxyRequest) => Fault | undefined;

/** Per-request probabilities, tried in this order (cumulative; the first ones win when they sum above 1). */
export interface FaultProfile {
  p5xx?: number;
  pReset?: number;
  p429?: number;
  p429Date?: number;
  pTruncate?: number;
  pLatency?: number;
  /** Default 2000. */
  latencyMs?: number;
  /** Retry-After of random 429s (seconds, or an HTTP-date that far ahead). Default 1. */
  retryAfterSeconds?: number;
}

export interface LogEntry {
  seq: number;
  method: string;
  path: string;
  /** 0 while the request is in flight. */
  status: number | 'reset' | 'stalled';
  /** What was injected, e.g. `status:503`, `status:429 retry-after=1` (or `=date`), `reset@120`, `truncate@322/645`. */
  fault?: string;
  faultSource?: 'rule' | 'random';
  /** Request body bytes received from the client. */
  bytesIn: number;
  /** Response body bytes sent to the client. */
  bytesOut: number;
  /** Date.now() at arrival and at completion (0 while in flight). */
  start: number;
  end: number;
  /** Whether an Authorization header was present (its value is never recorded). */
  authorization: boolean;
  userAgent?: string;
  /** The Retry-After sent, and the earliest Date.now() at which a well-behaved client may come back. */
  retryAfter?: string;
  notBefore?: number;
  /** Upstream or client-side error, if any (e.g. the registry refused the connection). */
  error?: string;
}

export interface FaultProxyOptions {
  /** 'host:port' of the registry. */
  target: string;
  seed?: number;
  profile?: FaultProfile;
  rules?: Rule[];
  /** Listen address, default 127.0.0.1. */
  host?: string;
}

/** mulberry32: a tiny, fast, well-distributed 32-bit PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The PRNG for request `seq`: faults depend only on (seed, seq), not on timing or on which rules fired. */
export function requestRng(seed: number, seq: number): () => number {
  let h = (seed ^ Math.imul(seq, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return mulberry32((h ^ (h >>> 16)) >>> 0);
}

/** An HTTP-date at least `seconds` ahead (rounded up to the whole second an HTTP-date can express). */
export function retryAfterDate(seconds: number, now = Date.now()): string {
  return new Date(Math.ceil((now + seconds * 1000) / 1000) * 1000).toUTCString();
}

const ERROR_CODES: Record<number, string> = {
  400: 'UNSUPPORTED',
  401: 'UNAUTHORIZED',
  403: 'DENIED',
  404: 'NAME_UNKNOWN',
  405: 'UNSUPPORTED',
  429: 'TOOMANYREQUESTS',
  503: 'UNAVAILABLE'
};

/** An OCI distribution-spec style error body. */
export function ociErrorBody(status: number, message = `injected by fault proxy (${status})`): string {
  return JSON.stringify({errors: [{code: ERROR_CODES[status] ?? 'UNKNOWN', message, detail: null}]}) + '\n';
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'expect'
]);

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function splitHostPort(hostPort: string): {host: string; port: number} {
  const m = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(hostPort);
  if (!m) throw new Error(`fault proxy: target must be 'host:port', got '${hostPort}'`);
  return {host: m[1] as string, port: Number(m[2])};
}

/**
 * Points a Location at the proxy when it points at the upstream registry (`http://<target>/…`, or any
 * loopback spelling of it when the target is on loopback). Relative and foreign Locations are kept.
 */
export function rewriteLocation(location: string, target: string, proxyAddress: string): string {
  const m = /^http:\/\/([^/?#]+)(.*)$/is.exec(location);
  if (!m) return location;
  const authority = (m[1] as string).toLowerCase();
  const {host, port} = splitHostPort(target);
  const targetHost = host.toLowerCase();
  const candidates = new Set([`${targetHost}:${port}`]);
  if (port === 80) candidates.add(targetHost);
  if (LOOPBACK.has(targetHost) || targetHost.startsWith('127.'))
    for (const h of LOOPBACK) {
      candidates.add(`${h}:${port}`);
      if (port === 80) candidates.add(h);
    }
  return candidates.has(authority) ? `http://${proxyAddress}${m[2] as string}` : location;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
}

function describeFault(f: Fault): string {
  switch (f.kind) {
    case 'status':
      // The actual Retry-After value is in LogEntry.retryAfter; keep this string stable across runs.
      return `status:${f.status}${f.retryAfter === undefined ? '' : /^\d+$/.test(f.retryAfter) ? ` retry-after=${f.retryAfter}` : ' retry-after=date'}`;
    case 'reset':
      return f.afterRequestBytes !== undefined
        ? `reset@request+${f.afterRequestBytes}`
        : f.afterBytes !== undefined
          ? `reset@${f.afterBytes}`
          : 'reset:before-forward';
    case 'truncate':
      return 'truncate';
    case 'corrupt':
      return 'corrupt';
    case 'latency':
      return `latency:${f.ms}ms`;
    case 'stall':
      return f.afterBytes !== undefined ? `stall@${f.afterBytes}` : 'stall';
    case 'trickle':
      return `trickle:${f.bytes}B/${f.everyMs}ms`;
  }
}

interface Plan {
  fault?: Fault;
  source?: 'rule' | 'random';
  /** For random resets: where in the response body, as a fraction of its length. */
  resetFraction?: number;
}

interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  socket: Socket;
  entry: LogEntry;
  upReq?: ClientRequest;
  upRes?: IncomingMessage;
  timer?: NodeJS.Timeout;
  /** The fault has taken over the connection: ignore further events from upstream. */
  cut: boolean;
  completed: boolean;
}

export class FaultProxy {
  readonly log: LogEntry[] = [];
  readonly seed: number;
  onComplete?: (entry: LogEntry) => void;

  private rules: Rule[];
  private readonly profile: FaultProfile;
  private readonly target: string;
  private readonly targetHost: string;
  private readonly targetPort: number;
  private readonly host: string;
  private readonly agent = new Agent({keepAlive: true});
  private readonly sockets = new Set<Socket>();
  private readonly active = new Set<Ctx>();
  private server?: Server;
  private port = 0;
  private seq = 0;

  constructor(opts: FaultProxyOptions) {
    this.target = opts.target;
    const {host, port} = splitHostPort(opts.target);
    this.targetHost = host.replace(/^\[|\]$/g, '');
    this.targetPort = port;
    this.seed = (opts.seed ?? randomBytes(4).readUInt32LE(0)) >>> 0;
    this.profile = {...opts.profile};
    this.rules = [...(opts.rules ?? [])];
    this.host = opts.host ?? '127.0.0.1';
  }

  get address(): string {
    return `${this.host.includes(':') ? `[${this.host}]` : this.host}:${this.port}`;
  }

  setRules(rules: Rule[]): void {
    this.rules = [...rules];
  }

  async start(): Promise<number> {
    if (this.server) throw new Error('fault proxy already started');
    const server = createServer({keepAlive: true, requestTimeout: 0}, (req, res) => this.handle(req, res));
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    // A client that resets mid-request must not crash the proxy.
    server.on('clientError', (_err, socket) => socket.destroy());
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, this.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const addr = server.address();
    if (addr === null || typeof addr === 'string') throw new Error('fault proxy: unexpected listen address');
    this.port = addr.port;
    return this.port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    const closed = new Promise<void>(resolve => server.close(() => resolve()));
    for (const ctx of this.active) {
      if (ctx.timer) clearTimeout(ctx.timer);
      ctx.upReq?.destroy();
    }
    for (const socket of this.sockets) socket.destroy();
    this.agent.destroy();
    await closed;
    // 'close' handlers run on the next ticks; make sure every entry is complete when stop() returns.
    for (const ctx of [...this.active]) this.complete(ctx);
  }

  private decide(pr: ProxyRequest): Plan {
    for (const rule of this.rules) {
      const fault = rule(pr);
      if (fault) return {fault, source: 'rule'};
    }
    const rng = requestRng(this.seed, pr.seq);
    const u = rng();
    const v = rng();
    const p = this.profile;
    const retrySeconds = p.retryAfterSeconds ?? 1;
    const menu: [number | undefined, () => Plan][] = [
      [p.p5xx, () => ({fault: {kind: 'status', status: [500, 502, 503, 504][Math.floor(v * 4)] as number}})],
      [p.pReset, () => ({fault: {kind: 'reset'}, resetFraction: v})],
      [p.p429, () => ({fault: {kind: 'status', status: 429, retryAfter: String(retrySeconds)}})],
      [p.p429Date, () => ({fault: {kind: 'status', status: 429, retryAfter: retryAfterDate(retrySeconds)}})],
      [p.pTruncate, () => ({fault: {kind: 'truncate'}})],
      [p.pLatency, () => ({fault: {kind: 'latency', ms: p.latencyMs ?? 2000}})]
    ];
    let acc = 0;
    for (const [probability, plan] of menu) {
      acc += probability ?? 0;
      if (u < acc) return {...plan(), source: 'random'};
    }
    return {};
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const seq = ++this.seq;
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const entry: LogEntry = {
      seq,
      method,
      path,
      status: 0,
      bytesIn: 0,
      bytesOut: 0,
      start: Date.now(),
      end: 0,
      authorization: req.headers.authorization !== undefined
    };
    const userAgent = header(req.headers, 'user-agent');
    if (userAgent !== undefined) entry.userAgent = userAgent;
    this.log.push(entry);
    const ctx: Ctx = {req, res, socket: req.socket, entry, cut: false, completed: false};
    this.active.add(ctx);
    res.once('close', () => this.complete(ctx));
    req.on('error', () => undefined);
    res.on('error', () => undefined);

    let plan: Plan;
    try {
      plan = this.decide({seq, method, path, headers: {...req.headers}});
    } catch (err) {
      entry.error = `rule threw: ${String(err)}`;
      this.answer(ctx, 500, {}, ociErrorBody(500, entry.error));
      return;
    }
    const fault = plan.fault;
    if (fault) {
      entry.fault = plan.resetFraction !== undefined ? 'reset' : describeFault(fault);
      if (plan.source) entry.faultSource = plan.source;
    }
    switch (fault?.kind) {
      case 'status': {
        const headers: OutgoingHttpHeaders = {...fault.headers};
        if (fault.retryAfter !== undefined) {
          headers['retry-after'] = fault.retryAfter;
          entry.retryAfter = fault.retryAfter;
        }
        this.answer(ctx, fault.status, headers, fault.body ?? ociErrorBody(fault.status));
        return;
      }
      case 'reset':
        if (
          fault.afterBytes === undefined &&
          fault.afterRequestBytes === undefined &&
          plan.resetFraction === undefined
        ) {
          entry.status = 'reset';
          ctx.cut = true;
          this.reset(ctx);
          return;
        }
        this.forward(ctx, plan);
        return;
      case 'stall':
        if (fault.afterBytes === undefined) {
          entry.status = 'stalled';
          ctx.cut = true;
          this.drain(ctx);
          return;
        }
        this.forward(ctx, plan);
        return;
      case 'latency':
        ctx.timer = setTimeout(() => {
          ctx.timer = undefined;
          if (!ctx.completed) this.forward(ctx, plan);
        }, fault.ms);
        return;
      default:
        this.forward(ctx, plan);
    }
  }

  /** Reads and counts the request body without forwarding it. */
  private drain(ctx: Ctx): void {
    ctx.req.on('data', (chunk: Buffer) => (ctx.entry.bytesIn += chunk.length));
    ctx.req.resume();
  }

  /** Answers locally (status faults, upstream unreachable). */
  private answer(ctx: Ctx, status: number, headers: OutgoingHttpHeaders, body: string, drain = true): void {
    if (drain) this.drain(ctx);
    const bytes = Buffer.from(body);
    const head = ctx.req.method === 'HEAD';
    ctx.entry.status = status;
    ctx.res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'docker-distribution-api-version': 'registry/2.0',
      'content-length': String(bytes.length),
      ...headers
    });
    ctx.entry.bytesOut += head ? 0 : bytes.length;
    ctx.res.end(head ? undefined : bytes);
  }

  private reset(ctx: Ctx): void {
    ctx.upRes?.destroy();
    ctx.upReq?.destroy();
    const socket = ctx.socket;
    if (socket.destroyed) return;
    try {
      socket.resetAndDestroy();
    } catch {
      socket.destroy();
    }
  }

  /** Runs `then` once everything written to the client socket so far has been handed to the kernel. */
  private afterFlush(ctx: Ctx, chunk: Buffer, then: () => void): void {
    if (chunk.length > 0) ctx.res.write(chunk, () => then());
    else {
      ctx.res.flushHeaders();
      if (ctx.socket.destroyed) return then();
      ctx.socket.write(Buffer.alloc(0), () => then());
    }
  }

  private forward(ctx: Ctx, plan: Plan): void {
    const {req, res, entry} = ctx;
    const fault = plan.fault;
    const headers: OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(req.headers))
      if (!HOP_BY_HOP.has(name) && value !== undefined) headers[name] = value;
    headers.host = this.target;
    const upReq = httpRequest({
      host: this.targetHost,
      port: this.targetPort,
      method: req.method,
      path: req.url,
      headers,
      agent: this.agent
    });
    ctx.upReq = upReq;

    // Request body: client → registry, with backpressure, optionally cut.
    const requestCut = fault?.kind === 'reset' ? fault.afterRequestBytes : undefined;
    let sentUp = 0;
    const cutRequest = (part: Buffer): void => {
      ctx.cut = true;
      entry.status = 'reset';
      req.on('data', () => undefined);
      const finish = (): void => {
        upReq.destroy();
        this.reset(ctx);
      };
      if (part.length > 0) upReq.write(part, () => finish());
      else finish();
    };
    req.on('data', (chunk: Buffer) => {
      entry.bytesIn += chunk.length;
      if (ctx.cut) return;
      if (requestCut !== undefined && sentUp + chunk.length >= requestCut) {
        const part = chunk.subarray(0, requestCut - sentUp);
        sentUp += part.length;
        cutRequest(part);
        return;
      }
      sentUp += chunk.length;
      if (!upReq.write(chunk)) req.pause();
    });
    upReq.on('drain', () => req.resume());
    req.on('end', () => {
      if (ctx.cut) return;
      if (requestCut !== undefined) cutRequest(Buffer.alloc(0));
      else upReq.end();
    });

    upReq.on('error', err => {
      if (ctx.cut || ctx.completed) return;
      entry.error = `upstream: ${err.message}`;
      if (!res.headersSent) {
        ctx.cut = true;
        // The request body is already being read (and counted) by the forwarding listener.
        this.answer(ctx, 502, {}, ociErrorBody(502, `fault proxy cannot reach ${this.target}: ${err.message}`), false);
      } else this.reset(ctx);
    });

    upReq.on('response', upRes => this.respond(ctx, plan, upRes));
  }

  private respond(ctx: Ctx, plan: Plan, upRes: IncomingMessage): void {
    const {req, res, entry} = ctx;
    if (ctx.cut || ctx.completed) {
      upRes.destroy();
      return;
    }
    ctx.upRes = upRes;
    const status = upRes.statusCode ?? 502;
    entry.status = status;
    const fault = plan.fault;
    const noBody = req.method === 'HEAD' || status === 204 || status === 304 || (status >= 100 && status < 200);
    const declared = upRes.headers['content-length'];
    const length = noBody ? 0 : declared !== undefined ? Number(declared) : undefined;

    // Where to stop forwarding the body, and what to do there.
    let cutAt: number | undefined;
    let action: 'reset' | 'truncate' | 'stall' | undefined;
    let lazyFraction: number | undefined;
    if (fault?.kind === 'reset') {
      action = 'reset';
      if (fault.afterBytes !== undefined) cutAt = fault.afterBytes;
      else if (plan.resetFraction !== undefined) {
        if (length !== undefined) cutAt = Math.floor(plan.resetFraction * length);
        else lazyFraction = plan.resetFraction;
      }
    } else if (fault?.kind === 'truncate') {
      action = 'truncate';
      if (length !== undefined) cutAt = Math.floor(length / 2);
      else lazyFraction = 0.5;
    } else if (fault?.kind === 'stall' && fault.afterBytes !== undefined) {
      action = 'stall';
      cutAt = fault.afterBytes;
    }
    if (action === 'reset' && fault?.kind === 'reset' && fault.afterRequestBytes === undefined) {
      const at = cutAt ?? (lazyFraction !== undefined ? `~${Math.round(lazyFraction * 100)}%` : '?');
      entry.fault =
        length !== undefined && cutAt !== undefined && cutAt >= length ? `reset:before-head` : `reset@${at}`;
      if (length !== undefined && cutAt !== undefined && cutAt >= length) {
        // Nothing of the body would be left to cut: the registry did the work, the client gets no answer.
        ctx.cut = true;
        entry.status = 'reset';
        this.reset(ctx);
        return;
      }
    }
    if (action === 'truncate') entry.fault = `truncate@${cutAt ?? '~50%'}/${length ?? '?'}`;

    const headers: OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(upRes.headers))
      if (!HOP_BY_HOP.has(name) && value !== undefined) headers[name] = value;
    const location = upRes.headers.location;
    if (location !== undefined) headers.location = rewriteLocation(location, this.target, this.address);
    res.writeHead(status, upRes.statusMessage, headers);
    if (fault?.kind === 'trickle') {
      this.trickle(ctx, upRes, fault);
      return;
    }

    const act = (part: Buffer): void => {
      ctx.cut = true;
      entry.bytesOut += part.length;
      upRes.destroy();
      if (action === 'stall') {
        entry.status = 'stalled';
        if (part.length > 0) res.write(part);
        else res.flushHeaders();
        return;
      }
      if (action === 'reset') entry.status = 'reset';
      this.afterFlush(ctx, part, () => {
        if (action === 'reset') this.reset(ctx);
        else ctx.socket.end();
      });
    };
    if (cutAt === 0 || (action === 'truncate' && length === 0)) return act(Buffer.alloc(0));

    let flip = fault?.kind === 'corrupt';
    if (flip) entry.fault = 'corrupt@0';
    upRes.on('data', (chunk: Buffer) => {
      if (ctx.cut) return;
      if (flip && chunk.length > 0) {
        chunk = Buffer.from(chunk);
        chunk[0] = chunk[0]! ^ 0xff;
        flip = false;
      }
      if (lazyFraction !== undefined && cutAt === undefined)
        cutAt = entry.bytesOut + Math.floor(lazyFraction * chunk.length);
      if (cutAt !== undefined && entry.bytesOut + chunk.length >= cutAt && action !== undefined) {
        act(chunk.subarray(0, cutAt - entry.bytesOut));
        return;
      }
      entry.bytesOut += chunk.length;
      if (!res.write(chunk)) upRes.pause();
    });
    res.on('drain', () => upRes.resume());
    upRes.on('end', () => {
      if (ctx.cut) return;
      // A reset/stall point past the end of a body of unknown length: act at the end, before completing the response.
      if (action === 'reset' || action === 'stall') return act(Buffer.alloc(0));
      res.end();
    });
    upRes.on('error', err => {
      if (ctx.cut || ctx.completed) return;
      entry.error = `upstream: ${err.message}`;
      this.reset(ctx);
    });
  }

  /** Passes the upstream body on `bytes` at a time every `everyMs`, until it is all sent or the client leaves. */
  private trickle(ctx: Ctx, upRes: IncomingMessage, fault: {bytes: number; everyMs: number}): void {
    const {res, entry} = ctx;
    res.flushHeaders();
    let pending = Buffer.alloc(0);
    let ended = false;
    upRes.on('data', (chunk: Buffer) => void (pending = Buffer.concat([pending, chunk])));
    upRes.on('end', () => void (ended = true));
    ctx.timer = setInterval(() => {
      if (ctx.completed) return;
      if (pending.length > 0) {
        const part = pending.subarray(0, fault.bytes);
        pending = pending.subarray(part.length);
        entry.bytesOut += part.length;
        if (pending.length > 0 || !ended) {
          res.write(part);
          return;
        }
        clearInterval(ctx.timer);
        ctx.timer = undefined;
        res.end(part);
      } else if (ended) {
        clearInterval(ctx.timer);
        ctx.timer = undefined;
        res.end();
      }
    }, fault.everyMs);
  }

  private complete(ctx: Ctx): void {
    if (ctx.completed) return;
    ctx.completed = true;
    this.active.delete(ctx);
    if (ctx.timer) clearTimeout(ctx.timer);
    const {entry, res} = ctx;
    entry.end = Date.now();
    if (entry.status === 0) {
      entry.status = 'reset';
      entry.error ??= 'client closed the connection before the answer';
    } else if (!res.writableFinished && !ctx.cut && typeof entry.status === 'number') {
      entry.error ??= 'client closed the connection during the answer';
    }
    if (!res.writableFinished) {
      ctx.upRes?.destroy();
      ctx.upReq?.destroy();
    }
    if (entry.retryAfter !== undefined) {
      const seconds = /^\d+$/.test(entry.retryAfter) ? Number(entry.retryAfter) : undefined;
      entry.notBefore = seconds !== undefined ? entry.end + seconds * 1000 : Date.parse(entry.retryAfter);
    }
    this.onComplete?.(entry);
  }
}
