// The fault proxy the registry-client reliability tests stand on, tested against the testbed's real
// registry (Debian docker-registry 2.8 on 127.0.0.1:5000). No testbed ⇒ fail with the fix, never skip.
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals';
import {createHash, randomBytes} from 'node:crypto';
import {existsSync} from 'node:fs';
import {request, type IncomingHttpHeaders} from 'node:http';
import {createServer} from 'node:net';
import {
  FaultProxy,
  mulberry32,
  retryAfterDate,
  rewriteLocation,
  type FaultProfile,
  type LogEntry,
  type Rule
} from './helpers/fault-proxy.js';
import {TESTBED_ENV_FILE, testbed} from './helpers/testbed.js';

const INDEX = 'application/vnd.oci.image.index.v1+json';
const MANIFEST_PATH = '/v2/base/busybox/manifests/1';
const REPO = 'imagegate-test/fault-proxy';

interface Got {
  status?: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  error?: Error;
  ms: number;
}

/** One HTTP exchange on a fresh connection; resolves with whatever arrived, plus the error that ended it. */
function send(
  base: string,
  path: string,
  opts: {method?: string; headers?: Record<string, string>; body?: Buffer} = {}
): Promise<Got> {
  const t0 = Date.now();
  return new Promise(resolve => {
    const url = new URL(path, `http://${base}`);
    const got: Got = {headers: {}, body: Buffer.alloc(0), ms: 0};
    const chunks: Buffer[] = [];
    let settled = false;
    const done = (error?: Error): void => {
      if (settled) return;
      settled = true;
      got.body = Buffer.concat(chunks);
      if (error) got.error = error;
      got.ms = Date.now() - t0;
      resolve(got);
    };
    const req = request(url, {method: opts.method ?? 'GET', headers: opts.headers ?? {}, agent: false}, res => {
      got.status = res.statusCode;
      got.headers = res.headers;
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', err => done(err));
      res.on('end', () => done());
      res.on('close', () => done(res.complete ? undefined : new Error('response ended prematurely')));
    });
    req.on('error', err => done(err));
    req.end(opts.body);
  });
}

async function withProxy<T>(
  opts: {seed?: number; profile?: FaultProfile; rules?: Rule[]},
  fn: (proxy: FaultProxy) => Promise<T>
): Promise<T> {
  const proxy = new FaultProxy({target: registry, ...opts});
  await proxy.start();
  try {
    return await fn(proxy);
  } finally {
    await proxy.stop();
  }
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', () => resolve()));
  const addr = server.address();
  await new Promise<void>(resolve => server.close(() => resolve()));
  if (addr === null || typeof addr === 'string') throw new Error('no port');
  return addr.port;
}

const sha256 = (b: Buffer): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;
const only =
  (path: string, fault: ReturnType<Rule>): Rule =>
  req =>
    req.path === path ? fault : undefined;

let registry = '';
let proxy: FaultProxy;

beforeAll(async () => {
  if (!existsSync(TESTBED_ENV_FILE)) throw new Error(`${TESTBED_ENV_FILE} is missing: run scripts/testbed up`);
  const tb = testbed();
  registry = `127.0.0.1:${tb.raw.TESTBED_REGISTRY_PORT_FINAL ?? tb.registry.split(':')[1]}`;
  const probe = await send(registry, '/v2/');
  if (probe.status !== 200)
    throw new Error(
      `registry ${registry} does not answer /v2/ (${probe.error?.message ?? probe.status}): run scripts/testbed up`
    );
  proxy = new FaultProxy({target: registry});
  await proxy.start();
});

afterAll(async () => {
  await proxy?.stop();
});

describe('FaultProxy forwarding', () => {
  it('forwards GET /v2/ and a manifest byte for byte, and logs both', async () => {
    proxy.setRules([]);
    const before = proxy.log.length;
    const v2 = await send(proxy.address, '/v2/');
    expect(v2.status).toBe(200);
    expect(v2.body.toString()).toBe('{}');
    expect(v2.headers['docker-distribution-api-version']).toBe('registry/2.0');

    const direct = await send(registry, MANIFEST_PATH, {headers: {accept: INDEX}});
    const via = await send(proxy.address, MANIFEST_PATH, {headers: {accept: INDEX, 'user-agent': 'fault-proxy-test'}});
    expect(direct.status).toBe(200);
    expect(via.error).toBeUndefined();
    expect(via.status).toBe(200);
    expect(via.body.equals(direct.body)).toBe(true);
    expect(via.headers['content-type']).toBe(INDEX);
    expect(via.headers['content-length']).toBe(String(direct.body.length));
    expect(via.headers['docker-content-digest']).toBe(sha256(direct.body));

    const [e1, e2] = proxy.log.slice(before);
    expect(e1).toMatchObject({method: 'GET', path: '/v2/', status: 200, bytesIn: 0, bytesOut: 2, authorization: false});
    expect(e2).toMatchObject({path: MANIFEST_PATH, status: 200, bytesOut: direct.body.length});
    expect(e2?.userAgent).toBe('fault-proxy-test');
    expect(e2?.fault).toBeUndefined();
    expect(e2!.end).toBeGreaterThanOrEqual(e2!.start);
  });

  it('flags Authorization without recording it, and counts request body bytes', async () => {
    proxy.setRules([]);
    const before = proxy.log.length;
    const secret = 'Basic aW1hZ2VnYXRlOmh1bnRlcjIy';
    await send(proxy.address, '/v2/', {headers: {authorization: secret}});
    const body = randomBytes(3000);
    const res = await send(proxy.address, `/v2/${REPO}/blobs/uploads/`, {
      method: 'POST',
      headers: {'content-type': 'application/octet-stream'},
      body
    });
    // 2.8 ignores a POST body without ?digest= and just opens a session.
    expect(res.status).toBe(202);
    const [auth, post] = proxy.log.slice(before);
    expect(auth?.authorization).toBe(true);
    expect(JSON.stringify(proxy.log)).not.toContain('aW1hZ2VnYXRl');
    expect(post).toMatchObject({method: 'POST', authorization: false, bytesIn: 3000, bytesOut: 0, status: 202});
  });

  it('rewrites upstream Locations so an upload session keeps going through the proxy', async () => {
    proxy.setRules([]);
    const before = proxy.log.length;
    const post = await send(proxy.address, `/v2/${REPO}/blobs/uploads/`, {method: 'POST'});
    expect(post.status).toBe(202);
    const location = String(post.headers.location);
    expect(location.startsWith(`http://${proxy.address}/v2/${REPO}/blobs/uploads/`)).toBe(true);
    expect(location).toContain('?_state=');

    const blob = randomBytes(50_000);
    const digest = sha256(blob);
    const put = await send(proxy.address, `${location}&digest=${encodeURIComponent(digest)}`, {
      method: 'PUT',
      headers: {'content-type': 'application/octet-stream'},
      body: blob
    });
    expect(put.status).toBe(201);
    expect(put.headers.location).toBe(`http://${proxy.address}/v2/${REPO}/blobs/${digest}`);
    expect(proxy.log.slice(before).map(e => [e.method, e.status, e.bytesIn])).toEqual([
      ['POST', 202, 0],
      ['PUT', 201, blob.length]
    ]);

    const direct = await send(registry, `/v2/${REPO}/blobs/${digest}`);
    expect(direct.body.equals(blob)).toBe(true);
    await send(registry, `/v2/${REPO}/blobs/${digest}`, {method: 'DELETE'});
  });

  it('rewrites only absolute Locations that point at the upstream', () => {
    const p = '127.0.0.1:40000';
    const q = '/v2/r/blobs/uploads/u?_state=a%3D%3D';
    expect(rewriteLocation(`http://127.0.0.1:5000${q}`, '127.0.0.1:5000', p)).toBe(`http://${p}${q}`);
    expect(rewriteLocation(`http://localhost:5000${q}`, '127.0.0.1:5000', p)).toBe(`http://${p}${q}`);
    expect(rewriteLocation(`http://LOCALHOST:5000${q}`, 'localhost:5000', p)).toBe(`http://${p}${q}`);
    expect(rewriteLocation(q, '127.0.0.1:5000', p)).toBe(q);
    expect(rewriteLocation(`http://127.0.0.1:5001${q}`, '127.0.0.1:5000', p)).toBe(`http://127.0.0.1:5001${q}`);
    expect(rewriteLocation(`https://127.0.0.1:5000${q}`, '127.0.0.1:5000', p)).toBe(`https://127.0.0.1:5000${q}`);
    expect(rewriteLocation(`http://blobs.example:5000${q}`, '127.0.0.1:5000', p)).toBe(`http://blobs.example:5000${q}`);
  });

  it('answers 502 with an OCI error when the registry is unreachable', async () => {
    const dead = new FaultProxy({target: `127.0.0.1:${await closedPort()}`});
    await dead.start();
    try {
      const res = await send(dead.address, '/v2/');
      expect(res.status).toBe(502);
      expect(JSON.parse(res.body.toString()).errors[0].code).toBe('UNKNOWN');
      expect(dead.log[0]?.error).toMatch(/ECONNREFUSED/);
    } finally {
      await dead.stop();
    }
  });
});

describe('FaultProxy scripted faults', () => {
  it('answers 429 with Retry-After in seconds, then forwards', async () => {
    let first = true;
    proxy.setRules([
      req => {
        if (req.path !== MANIFEST_PATH || !first) return undefined;
        first = false;
        return {kind: 'status', status: 429, retryAfter: '2'};
      }
    ]);
    const before = proxy.log.length;
    const limited = await send(proxy.address, MANIFEST_PATH, {headers: {accept: INDEX}});
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('2');
    expect(JSON.parse(limited.body.toString()).errors[0].code).toBe('TOOMANYREQUESTS');
    const ok = await send(proxy.address, MANIFEST_PATH, {headers: {accept: INDEX}});
    expect(ok.status).toBe(200);
    const [e429, e200] = proxy.log.slice(before);
    expect(e429).toMatchObject({status: 429, fault: 'status:429 retry-after=2', faultSource: 'rule', retryAfter: '2'});
    expect(e429!.notBefore! - e429!.end).toBe(2000);
    expect(e200).toMatchObject({status: 200});
    expect(e200!.fault).toBeUndefined();
  });

  it('answers 429 with an HTTP-date Retry-After', async () => {
    const date = retryAfterDate(2);
    proxy.setRules([only(MANIFEST_PATH, {kind: 'status', status: 429, retryAfter: date})]);
    const res = await send(proxy.address, MANIFEST_PATH, {headers: {accept: INDEX}, method: 'HEAD'});
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBe(date);
    const wait = Date.parse(date) - Date.now();
    expect(wait).toBeGreaterThan(1000);
    expect(wait).toBeLessThanOrEqual(3000);
    expect(proxy.log.at(-1)).toMatchObject({fault: 'status:429 retry-after=date', retryAfter: date});
    expect(proxy.log.at(-1)?.notBefore).toBe(Date.parse(date));
  });

  it('resets mid-body: the client gets an error and only part of the body', async () => {
    proxy.setRules([only(MANIFEST_PATH, {kind: 'reset', afterBytes: 100})]);
    const res = await send(proxy.address, MANIFEST_PATH, {headers: {accept: INDEX}});
    expect(res.error).toBeDefined();
    expect(res.body.length).toBeLessThanOrEqual(100);
    expect(proxy.log.at(-1)).toMatchObject({status: 'reset', fault: 'reset@100', bytesOut: 100});
  });

  it('resets before forwarding, so the registry never sees the request', async () => {
    proxy.setRules([only('/v2/', {kind: 'reset'})]);
    const res = await send(proxy.address, '/v2/');
    expect(res.status).toBeUndefined();
    expect(res.error).toBeDefined();
    expect(proxy.log.at(-1)).toMatchObject({status: 'reset', fault: 'reset:before-forward', bytesOut: 0});
  });

  it('cuts a request body after N bytes: the upload session is left broken on the registry', async () => {
    proxy.setRules([]);
    const post = await send(proxy.address, `/v2/${REPO}/blobs/uploads/`, {method: 'POST'});
    const location = String(post.headers.location);
    proxy.setRules([req => (req.method === 'PATCH' ? {kind: 'reset', afterRequestBytes: 1000} : undefined)]);
    const patch = await send(proxy.address, location, {
      method: 'PATCH',
      headers: {'content-type': 'application/octet-stream'},
      body: randomBytes(64 * 1024)
    });
    expect(patch.status).toBeUndefined();
    expect(patch.error).toBeDefined();
    expect(proxy.log.at(-1)).toMatchObject({method: 'PATCH', status: 'reset', fault: 'reset@request+1000'});
    // Observed on 2.8: the interrupted PATCH leaves the session unusable (404 BLOB_UPLOAD_INVALID), never at 0-65535.
    const status = await send(registry, location.replace(proxy.address, registry));
    expect(status.headers.range).not.toBe('0-65535');
    if (status.status === 404) expect(JSON.parse(status.body.toString()).errors[0].code).toBe('BLOB_UPLOAD_INVALID');
  });

  it('truncates: full Content-Length, half the body, then the connection ends', async () => {
    proxy.setRules([only(MANIFEST_PATH, {kind: 'truncate'})]);
    const res = await send(proxy.address, MANIFEST_PATH, {headers: {accept: INDEX}});
    expect(res.status).toBe(200);
    const length = Number(res.headers['content-length']);
    expect(length).toBeGreaterThan(100);
    expect(res.body.length).toBe(Math.floor(length / 2));
    expect(res.error).toBeDefined();
    expect(proxy.log.at(-1)).toMatchObject({status: 200, bytesOut: Math.floor(length / 2)});
    expect(proxy.log.at(-1)?.fault).toBe(`truncate@${Math.floor(length / 2)}/${length}`);
  });

  it('delays by the latency given', async () => {
    proxy.setRules([only('/v2/', {kind: 'latency', ms: 300})]);
    const res = await send(proxy.address, '/v2/');
    expect(res.status).toBe(200);
    expect(res.ms).toBeGreaterThanOrEqual(290);
    const e = proxy.log.at(-1)!;
    expect(e.end - e.start).toBeGreaterThanOrEqual(290);
  });

  it('trickles: the head at once, then the whole body a few bytes at a time', async () => {
    const direct = await send(registry, MANIFEST_PATH, {headers: {accept: INDEX}});
    proxy.setRules([only(MANIFEST_PATH, {kind: 'trickle', bytes: 100, everyMs: 20})]);
    const res = await send(proxy.address, MANIFEST_PATH, {headers: {accept: INDEX}});
    expect(res.status).toBe(200);
    expect(res.body.equals(direct.body)).toBe(true);
    expect(res.ms).toBeGreaterThanOrEqual(Math.floor(direct.body.length / 100) * 20);
    while (proxy.log.at(-1)!.end === 0) await new Promise(r => setTimeout(r, 10));
    expect(proxy.log.at(-1)).toMatchObject({fault: 'trickle:100B/20ms', bytesOut: direct.body.length});
  });

  it('passes answers through untouched and calls onComplete once per request', async () => {
    proxy.setRules([only('/v2/', {kind: 'status', status: 405, body: 'nope'})]);
    const seen: LogEntry[] = [];
    proxy.onComplete = e => seen.push({...e});
    try {
      const res = await send(proxy.address, '/v2/', {method: 'DELETE'});
      expect(res.status).toBe(405);
      expect(res.body.toString()).toBe('nope');
      await send(proxy.address, MANIFEST_PATH, {headers: {accept: INDEX}});
    } finally {
      proxy.onComplete = undefined;
    }
    expect(seen.map(e => [e.method, e.status])).toEqual([
      ['DELETE', 405],
      ['GET', 200]
    ]);
    expect(seen.every(e => e.end > 0)).toBe(true);
  });

  it('stalls (before the head, and after part of the body) and still stops at once', async () => {
    const stalled = new FaultProxy({
      target: registry,
      rules: [req => (req.path === '/v2/' ? {kind: 'stall'} : {kind: 'stall', afterBytes: 10})]
    });
    await stalled.start();
    const keepAlive = await new Promise<Got>(resolve => {
      // An idle keep-alive connection must not hold stop() either.
      const req = request(`http://${stalled.address}${MANIFEST_PATH}`, {headers: {accept: INDEX}}, res => {
        const got: Got = {status: res.statusCode, headers: res.headers, body: Buffer.alloc(0), ms: 0};
        res.once('data', (c: Buffer) => resolve({...got, body: c}));
      });
      req.end();
    });
    expect(keepAlive.status).toBe(200);
    expect(keepAlive.body.length).toBe(10);
    const pending = send(stalled.address, '/v2/');
    await new Promise(r => setTimeout(r, 200));
    expect(stalled.log.map(e => e.status)).toEqual(['stalled', 'stalled']);
    const t0 = Date.now();
    await stalled.stop();
    expect(Date.now() - t0).toBeLessThan(1000);
    const res = await pending;
    expect(res.status).toBeUndefined();
    expect(res.error).toBeDefined();
    expect(stalled.log.every(e => e.end > 0)).toBe(true);
    expect(stalled.log[1]?.fault).toBe('stall');
  });
});

describe('FaultProxy random profile', () => {
  const kinds: [string, FaultProfile, (g: Got, e: LogEntry) => void][] = [
    [
      'p5xx',
      {p5xx: 1},
      (g, e) => {
        expect([500, 502, 503, 504]).toContain(g.status);
        expect(JSON.parse(g.body.toString()).errors[0].code).toMatch(/^(UNKNOWN|UNAVAILABLE)$/);
        expect(e.fault).toBe(`status:${g.status}`);
      }
    ],
    [
      'pReset',
      {pReset: 1},
      (g, e) => {
        expect(g.error).toBeDefined();
        expect(e.status).toBe('reset');
        expect(e.fault).toMatch(/^reset(@\d+|:before-head)$/);
      }
    ],
    [
      'p429',
      {p429: 1, retryAfterSeconds: 3},
      (g, e) => {
        expect(g.status).toBe(429);
        expect(g.headers['retry-after']).toBe('3');
        expect(e.fault).toBe('status:429 retry-after=3');
      }
    ],
    [
      'p429Date',
      {p429Date: 1},
      g => {
        expect(g.status).toBe(429);
        const ahead = Date.parse(String(g.headers['retry-after'])) - Date.now();
        expect(ahead).toBeGreaterThan(0);
        expect(ahead).toBeLessThanOrEqual(2000);
      }
    ],
    [
      'pTruncate',
      {pTruncate: 1},
      (g, e) => {
        expect(g.status).toBe(200);
        expect(g.body.length).toBeLessThan(Number(g.headers['content-length']));
        expect(e.fault).toMatch(/^truncate@\d+\/\d+$/);
      }
    ],
    [
      'pLatency',
      {pLatency: 1, latencyMs: 200},
      (g, e) => {
        expect(g.status).toBe(200);
        expect(g.ms).toBeGreaterThanOrEqual(190);
        expect(e.fault).toBe('latency:200ms');
      }
    ]
  ];

  it.each(kinds)('injects %s on every request at probability 1', async (_name, profile, check) => {
    await withProxy({profile}, async p => {
      for (let i = 0; i < 3; i++) {
        const got = await send(p.address, MANIFEST_PATH, {headers: {accept: INDEX}});
        const entry = p.log[i]!;
        expect(entry.faultSource).toBe('random');
        check(got, entry);
      }
    });
  });

  it('replays the same fault sequence from the same seed', async () => {
    const profile: FaultProfile = {p5xx: 0.2, pReset: 0.1, p429: 0.1, p429Date: 0.05, pTruncate: 0.1};
    const run = (seed: number): Promise<string[]> =>
      withProxy({seed, profile}, async p => {
        expect(p.seed).toBe(seed);
        for (let i = 0; i < 30; i++) await send(p.address, MANIFEST_PATH, {headers: {accept: INDEX}});
        return p.log.map(e => `${e.seq} ${e.status} ${e.fault ?? '-'}`);
      });
    const a = await run(42);
    const b = await run(42);
    const c = await run(43);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
    expect(a.filter(l => l.endsWith(' -')).length).toBeGreaterThan(5);
    expect(new Set(a.map(l => l.split(' ')[2]?.split(/[@:]/)[0])).size).toBeGreaterThanOrEqual(4);
  });

  it('picks a random seed when none is given', () => {
    expect(new FaultProxy({target: registry}).seed).not.toBe(new FaultProxy({target: registry}).seed);
    const r = mulberry32(1);
    expect([r(), r()]).toEqual([expect.any(Number), expect.any(Number)]);
  });
});
