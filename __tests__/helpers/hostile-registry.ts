// A misbehaving registry on loopback (port 0) for the client's hostile-registry tests: each test
// scripts the routes it needs (a huge manifest, a body that trickles, a bearer realm elsewhere,
// malformed JSON, a tag list that links to itself…); every request is recorded. Anything not
// scripted answers 404 like a registry would. No testbed needed.
import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import type {AddressInfo, Socket} from 'node:net';

export interface Seen {
  method: string;
  /** Path and query, as the server received them. */
  path: string;
  authorization?: string;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, server: HostileRegistry) => void | Promise<void>;

export class HostileRegistry {
  readonly requests: Seen[] = [];
  /** Response body bytes the handlers wrote (what a client could have buffered). */
  bytesWritten = 0;
  private readonly routes: {method: string; path: RegExp; handle: Handler}[] = [];
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private server?: Server;
  private port = 0;

  /** Answers `method` requests whose path (with query) matches `path`; the first matching route wins. */
  on(method: string, path: RegExp, handle: Handler): this {
    this.routes.push({method, path, handle});
    return this;
  }

  /** Forgets every route (the server keeps running). */
  clear(): void {
    this.routes.length = 0;
  }

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  get origin(): string {
    return `http://${this.address}`;
  }

  async start(): Promise<string> {
    const server = createServer({keepAlive: true, requestTimeout: 0}, (req, res) => void this.handle(req, res));
    server.on('connection', socket => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    server.on('clientError', (_e, socket) => socket.destroy());
    this.server = server;
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    return this.address;
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.timers.clear();
    for (const s of this.sockets) s.destroy();
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>(resolve => server.close(() => resolve()));
  }

  /** Writes and counts a piece of a response body. */
  write(res: ServerResponse, chunk: Buffer | string): boolean {
    const bytes = Buffer.from(chunk);
    this.bytesWritten += bytes.length;
    return res.write(bytes);
  }

  /** Answers with a whole body. */
  send(res: ServerResponse, status: number, body: Buffer | string = '', headers: Record<string, string> = {}): void {
    const bytes = Buffer.from(body);
    res.writeHead(status, {'content-length': String(bytes.length), ...headers});
    this.bytesWritten += bytes.length;
    res.end(bytes);
  }

  /** Sends `bytes` one byte every `everyMs` (the head goes at once), until done or the client leaves. */
  trickle(res: ServerResponse, bytes: Buffer, everyMs: number): void {
    res.flushHeaders();
    let at = 0;
    const timer = setInterval(() => {
      if (res.destroyed || at >= bytes.length) {
        clearInterval(timer);
        this.timers.delete(timer);
        if (!res.destroyed) res.end();
        return;
      }
      this.write(res, bytes.subarray(at, at + 1));
      at++;
    }, everyMs);
    this.timers.add(timer);
    res.on('close', () => {
      clearInterval(timer);
      this.timers.delete(timer);
    });
  }

  /** Streams `chunk` again and again (no Content-Length) until `max` bytes or the client leaves. */
  flood(res: ServerResponse, chunk: Buffer, max: number, headers: Record<string, string> = {}, status = 200): void {
    res.writeHead(status, headers);
    let sent = 0;
    const pump = (): void => {
      while (!res.destroyed && sent < max) {
        sent += chunk.length;
        if (!this.write(res, chunk)) {
          res.once('drain', pump);
          return;
        }
      }
      if (!res.destroyed) res.end();
    };
    pump();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = req.url ?? '/';
    this.requests.push({
      method: req.method ?? 'GET',
      path,
      ...(req.headers.authorization ? {authorization: req.headers.authorization} : {})
    });
    req.on('error', () => undefined);
    res.on('error', () => undefined);
    const route = this.routes.find(r => r.method === req.method && r.path.test(path));
    if (!route) {
      req.resume();
      this.send(res, 404, JSON.stringify({errors: [{code: 'NAME_UNKNOWN', message: 'not scripted'}]}), {
        'content-type': 'application/json'
      });
      return;
    }
    try {
      await route.handle(req, res, this);
    } catch (e) {
      if (!res.headersSent) this.send(res, 500, String(e));
      else res.destroy();
    }
  }
}

/** The request body, whole. */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** What a promise rejects with, asserting that it rejects: the error itself, to look at its class and message. */
export async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a failure, got a result');
}
