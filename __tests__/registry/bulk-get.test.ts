import {afterEach, describe, expect, it} from '@jest/globals';
import net from 'node:net';
import {bulkGet} from '../../src/registry/bulk-get.js';

/** A server that answers every connection with `parts` (written one after another), then closes unless `keepOpen`. */
interface Scripted {
  url: URL;
  requests: string[];
  close(): Promise<void>;
}

const servers: Scripted[] = [];

async function serve(parts: (string | Buffer)[], opts: {keepOpen?: boolean} = {}): Promise<Scripted> {
  const requests: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer(socket => {
    sockets.add(socket);
    let head = '';
    socket.on('data', d => {
      head += d.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      requests.push(head);
      void (async () => {
        for (const part of parts) {
          socket.write(part);
          await new Promise(r => setTimeout(r, 5));
        }
        if (!opts.keepOpen) socket.end();
      })();
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  const {port} = server.address() as net.AddressInfo;
  const scripted = {
    url: new URL(`http://127.0.0.1:${port}/v2/a/blobs/sha256:x?y=1`),
    requests,
    close: () =>
      new Promise<void>(r => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      })
  };
  servers.push(scripted);
  return scripted;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map(s => s.close()));
});

async function read(url: URL, headers: Record<string, string> = {}) {
  const exchange = bulkGet(url, headers, 5000, () => exchange.destroy(new Error('idle')));
  const res = await exchange.response;
  const chunks: Buffer[] = [];
  for await (const c of res) chunks.push(c as Buffer);
  return {status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString()};
}

describe('bulk GET over plain HTTP', () => {
  it('sends one request with its headers and Connection: close, and reads a Content-Length body', async () => {
    const s = await serve([
      'HTTP/1.1 200 OK\r\nContent-Length: 11\r\nX-A: 1\r\nx-a: 2\r\n\r\nhello',
      ' world',
      'ignored'
    ]);
    const r = await read(s.url, {authorization: 'Bearer t', range: 'bytes=0-'});
    expect(r).toEqual({status: 200, headers: {'content-length': '11', 'x-a': '1, 2'}, body: 'hello world'});
    expect(s.requests[0]).toMatch(/^GET \/v2\/a\/blobs\/sha256:x\?y=1 HTTP\/1\.1\r\n/);
    expect(s.requests[0]).toContain('connection: close\r\n');
    expect(s.requests[0]).toContain('authorization: Bearer t\r\n');
    expect(s.requests[0]).toContain('range: bytes=0-\r\n');
  });

  it('decodes a chunked body split anywhere, extensions and trailers included', async () => {
    const s = await serve([
      'HTTP/1.1 206 Partial Content\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhel',
      'lo\r',
      '\n6\r\n world\r\n0\r\nTrailer: x\r\n\r\n'
    ]);
    expect((await read(s.url)).body).toBe('hello world');
  });

  it('reads a body without a length up to the close', async () => {
    const s = await serve(['HTTP/1.1 200 OK\r\n\r\nall ', 'of it']);
    expect((await read(s.url)).body).toBe('all of it');
  });

  it('fails a body cut short of its Content-Length as a retryable reset', async () => {
    const s = await serve(['HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly this']);
    await expect(read(s.url)).rejects.toMatchObject({code: 'ECONNRESET'});
  });

  it('fails a connection closed before any answer as a hang-up', async () => {
    const s = await serve([]);
    await expect(read(s.url)).rejects.toMatchObject({code: 'ECONNRESET', message: 'socket hang up'});
  });

  it('refuses an answer that is not HTTP/1.x, and conflicting Content-Lengths', async () => {
    const a = await serve(['SSH-2.0-OpenSSH\r\n\r\n']);
    await expect(read(a.url)).rejects.toMatchObject({code: 'HPE_INVALID_CONSTANT'});
    const b = await serve(['HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!']);
    await expect(read(b.url)).rejects.toMatchObject({code: 'HPE_UNEXPECTED_CONTENT_LENGTH'});
  });

  it('refuses a header value that would split the request, before connecting', async () => {
    const s = await serve(['HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n']);
    await expect(read(s.url, {authorization: 'Bearer x\r\nX-Evil: 1'})).rejects.toMatchObject({
      code: 'ERR_INVALID_CHAR'
    });
    expect(s.requests).toEqual([]);
  });

  it('stops reading a body whose reader destroyed it', async () => {
    const s = await serve(['HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n', Buffer.alloc(300000)], {
      keepOpen: true
    });
    const exchange = bulkGet(s.url, {}, 5000, () => undefined);
    const res = await exchange.response;
    const closed = new Promise(r => res.on('close', r));
    res.once('data', () => res.destroy());
    await closed;
    expect(res.destroyed).toBe(true);
  });
});
