// A blob download over plain HTTP without node:http. node:http reads a socket 64 KiB at a time
// into a fresh buffer and its parser copies every body chunk into another one: on a 420 MB copy
// that is a third of imagegate's CPU time and most of its memory (docs/benchmarks.md, "Promotion:
// copy between registries"). Here the socket reads straight into 128 KiB buffers (net's `onread`)
// that become the body's chunks unchanged. One request per connection (`Connection: close`), so
// a body ends at its Content-Length, its last chunk (chunked), or the close.

import net from 'node:net';
import {Readable} from 'node:stream';
import v8 from 'node:v8';
import vm from 'node:vm';
import type {IncomingHttpHeaders} from 'node:http';

/**
 * Bytes per socket read, and so per body chunk. Measured with RECLAIM_EVERY on the 420 MB S3 copy
 * (CLI, 2 runs each): 256 KiB / 16 MiB 1.11–1.16 CPU-s, 96 MiB; 128 KiB / 8 MiB 1.15–1.19 CPU-s,
 * 81–84 MiB, the fastest wall; 64 KiB / 8 MiB 1.39–1.47 CPU-s, 75–80 MiB.
 */
const READ_SIZE = 128 * 1024;
/** The most bytes of status line and headers read before the answer is refused. */
const MAX_HEAD = 64 * 1024;

/** What node:http's IncomingMessage offers the transport: status, headers, the body as a stream. */
export interface BulkResponse extends Readable {
  statusCode: number;
  headers: IncomingHttpHeaders;
}

export interface BulkGet {
  /** Settles with the answer once its head arrived (or fails: connection refused, reset, bad head). */
  response: Promise<BulkResponse>;
  /** Closes the connection; `e` reaches whoever waits for the head or reads the body. */
  destroy(e?: Error): void;
}

/**
 * Read buffers live outside V8's heap, and V8 collects them only once tens of MiB of them piled up
 * (its external-memory trigger): that garbage was a third of the copy's peak RSS. A full collection
 * every RECLAIM_EVERY bytes read bounds it (a young-generation one does not: buffers in flight
 * survive it and are promoted). Measured on the 420 MB S3 copy (docs/benchmarks.md): without it
 * 109–113 MiB peak RSS, with it 81–84 MiB (with READ_SIZE), and no more CPU time (fewer fresh
 * pages to fault in).
 */
const RECLAIM_EVERY = 8 * 1024 * 1024;
let sinceReclaim = 0;
let collect: ((opts: {type: 'major'}) => void) | undefined | null;

function reclaim(bytes: number): void {
  sinceReclaim += bytes;
  if (sinceReclaim < RECLAIM_EVERY) return;
  sinceReclaim = 0;
  if (collect === undefined) {
    // `gc` exists only under --expose-gc; set at run time, a fresh context hands it out.
    try {
      v8.setFlagsFromString('--expose-gc');
      collect = vm.runInNewContext('gc') as typeof collect;
    } catch {
      collect = null;
    }
  }
  collect?.({type: 'major'});
}

function failure(message: string, code: string): Error {
  return Object.assign(new Error(message), {code});
}

/** Sends `GET url` with `headers` (names in lower case); `onIdle` runs when the socket was idle `idleMs`. */
export function bulkGet(url: URL, headers: Record<string, string>, idleMs: number, onIdle: () => void): BulkGet {
  // As node:http refuses them: a CR, LF or NUL (in a token a hostile service sent) would split the request.
  const bad = Object.entries(headers).find(([name, value]) => /[\r\n\0]/.test(name) || /[\r\n\0]/.test(value));
  if (bad)
    return {
      response: Promise.reject(failure(`invalid character in header ${JSON.stringify(bad[0])}`, 'ERR_INVALID_CHAR')),
      destroy: () => undefined
    };
  const port = Number(url.port || 80);
  let head: Buffer | undefined = Buffer.alloc(0);
  let body: BulkResponse | undefined;
  let decode: ((chunk: Buffer) => void) | undefined;
  let settle: {resolve: (r: BulkResponse) => void; reject: (e: Error) => void} | undefined;
  let finished = false;
  /** The body ends with the connection (neither a length nor chunks). */
  let closeDelimited = false;
  const response = new Promise<BulkResponse>((resolve, reject) => (settle = {resolve, reject}));

  const fail = (e: Error): void => {
    if (settle) {
      settle.reject(e);
      settle = undefined;
    } else if (body && !finished) body.destroy(e);
    socket.destroy();
  };
  const finish = (): void => {
    if (finished) return;
    finished = true;
    body?.push(null);
    socket.destroy();
  };

  const socket = net.connect({
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port,
    onread: {
      buffer: () => Buffer.allocUnsafeSlow(READ_SIZE),
      callback: (n: number, buf: Uint8Array): boolean => {
        const chunk = Buffer.from(buf.buffer, buf.byteOffset, n);
        reclaim(n);
        if (head) readHead(chunk);
        else decode?.(chunk);
        return true;
      }
    }
  });
  socket.setNoDelay(true);
  socket.setTimeout(idleMs, onIdle);
  socket.on('error', fail);
  socket.on('end', () => {
    if (settle) fail(failure('socket hang up', 'ECONNRESET'));
    else if (closeDelimited) finish();
    else if (!finished) fail(failure('response aborted', 'ECONNRESET'));
  });
  socket.on('close', () => {
    if (settle) fail(failure('socket hang up', 'ECONNRESET'));
    else if (!finished) fail(failure('response aborted', 'ECONNRESET'));
  });
  // Flowing, so that the end of the connection is reported ('end'); the data itself goes to onread.
  socket.resume();
  const lines = [`GET ${url.pathname}${url.search} HTTP/1.1`, `host: ${url.host}`, 'connection: close'];
  for (const [name, value] of Object.entries(headers))
    if (name !== 'host' && name !== 'connection') lines.push(`${name}: ${value}`);
  socket.write(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');

  function readHead(chunk: Buffer): void {
    const all: Buffer = head!.length ? Buffer.concat([head!, chunk]) : chunk;
    const end = all.indexOf('\r\n\r\n');
    if (end < 0) {
      if (all.length > MAX_HEAD)
        fail(failure(`${url.host} sent more than ${MAX_HEAD} bytes of headers`, 'HPE_HEADER_OVERFLOW'));
      else head = Buffer.from(all);
      return;
    }
    head = undefined;
    const parsed = parseHead(all.subarray(0, end).toString('latin1'));
    if (!parsed) {
      fail(failure(`${url.host} sent an answer that is not HTTP/1.x`, 'HPE_INVALID_CONSTANT'));
      return;
    }
    const framing = framingOf(parsed.status, parsed.headers);
    if (typeof framing === 'string') {
      fail(failure(`${url.host}: ${framing}`, 'HPE_UNEXPECTED_CONTENT_LENGTH'));
      return;
    }
    body = Object.assign(
      new Readable({
        read: () => void socket.resume(),
        destroy: (e, done) => {
          finished = true;
          socket.destroy();
          done(e);
        }
      }),
      {statusCode: parsed.status, headers: parsed.headers}
    );
    const push = (data: Buffer): void => {
      if (data.length && !finished && !body!.push(data)) socket.pause();
    };
    closeDelimited = framing.kind === 'close';
    decode =
      framing.kind === 'length'
        ? lengthDecoder(framing.length, push, finish)
        : framing.kind === 'chunked'
          ? chunkedDecoder(push, finish, fail)
          : push;
    settle!.resolve(body);
    settle = undefined;
    if (framing.kind === 'length' && framing.length === 0) finish();
    const rest = all.subarray(end + 4);
    if (rest.length) decode(rest);
  }

  return {response, destroy: e => fail(e ?? failure('aborted', 'ECONNRESET'))};
}

function lengthDecoder(length: number, push: (d: Buffer) => void, done: () => void): (chunk: Buffer) => void {
  let left = length;
  return chunk => {
    if (left <= 0) return;
    const part = chunk.length > left ? chunk.subarray(0, left) : chunk;
    left -= part.length;
    push(part);
    if (left === 0) done();
  };
}

/** Transfer-Encoding: chunked (RFC 9112 §7.1): size lines, data, and trailers, which are skipped. */
function chunkedDecoder(
  push: (d: Buffer) => void,
  done: () => void,
  fail: (e: Error) => void
): (chunk: Buffer) => void {
  let state: 'size' | 'data' | 'crlf' | 'trailer' | 'done' = 'size';
  let line = '';
  let left = 0;
  return chunk => {
    let at = 0;
    while (at < chunk.length && state !== 'done') {
      if (state === 'data') {
        const n = Math.min(left, chunk.length - at);
        push(chunk.subarray(at, at + n));
        at += n;
        left -= n;
        if (left === 0) state = 'crlf';
        continue;
      }
      const nl = chunk.indexOf(10, at);
      line += chunk.toString('latin1', at, nl < 0 ? chunk.length : nl);
      if (line.length > 4096)
        return fail(Object.assign(new Error('a chunk line is too long'), {code: 'HPE_INVALID_CHUNK_SIZE'}));
      if (nl < 0) return;
      at = nl + 1;
      const text = line.replace(/\r$/, '');
      line = '';
      if (state === 'crlf') {
        if (text !== '')
          return fail(Object.assign(new Error('a chunk does not end with CRLF'), {code: 'HPE_INVALID_CHUNK_SIZE'}));
        state = 'size';
      } else if (state === 'size') {
        const size = /^([0-9a-fA-F]{1,12})(?:[ \t]*;.*)?$/.exec(text);
        if (!size) return fail(Object.assign(new Error('invalid chunk size'), {code: 'HPE_INVALID_CHUNK_SIZE'}));
        left = parseInt(size[1]!, 16);
        state = left === 0 ? 'trailer' : 'data';
      } else if (text === '') {
        state = 'done';
        done();
      }
    }
  };
}

type Framing = {kind: 'length'; length: number} | {kind: 'chunked'} | {kind: 'close'};

/** How the body of an answer to a GET ends (RFC 9112 §6.3), or why it cannot be read. */
function framingOf(status: number, headers: IncomingHttpHeaders): Framing | string {
  if (status === 204 || status === 304 || status < 200) return {kind: 'length', length: 0};
  const te = headers['transfer-encoding'];
  if (te !== undefined) {
    const codings = String(te)
      .toLowerCase()
      .split(',')
      .map(s => s.trim());
    if (codings.at(-1) !== 'chunked' || codings.length > 1) return `unsupported Transfer-Encoding \`${String(te)}\``;
    return {kind: 'chunked'};
  }
  const cl = headers['content-length'];
  if (cl === undefined) return {kind: 'close'};
  const values = new Set(
    String(cl)
      .split(',')
      .map(s => s.trim())
  );
  const only = values.size === 1 ? [...values][0]! : '';
  if (!/^\d{1,15}$/.test(only)) return `invalid Content-Length \`${String(cl)}\``;
  return {kind: 'length', length: Number(only)};
}

/** Status line and header fields; repeated fields are joined with `, ` (set-cookie kept as a list), as node:http does. */
function parseHead(text: string): {status: number; headers: IncomingHttpHeaders} | undefined {
  const [statusLine, ...fields] = text.split('\r\n');
  const m = /^HTTP\/1\.[01] (\d{3})(?: .*)?$/.exec(statusLine ?? '');
  if (!m) return undefined;
  const headers: IncomingHttpHeaders = {};
  for (const field of fields) {
    const colon = field.indexOf(':');
    if (colon <= 0) return undefined;
    const name = field.slice(0, colon).trim().toLowerCase();
    const value = field.slice(colon + 1).trim();
    const known = headers[name];
    if (name === 'set-cookie') headers[name] = [...((known as string[] | undefined) ?? []), value];
    else headers[name] = known === undefined ? value : `${String(known)}, ${value}`;
  }
  return {status: Number(m[1]), headers};
}
