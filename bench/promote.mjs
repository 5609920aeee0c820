#!/usr/bin/env node
// Benchmark: promoting a staged multi-arch image (with buildx attestations) with imagegate vs the tools
// users pick instead — skopeo copy --all, docker buildx imagetools create, oras cp/tag, and a naive
// docker pull/tag/push — on the same images, interleaved in one run.
//   node bench/promote.mjs [--runs N] [--large-mb M]          (needs the testbed: scripts/testbed up)
//   (for development: --sizes small,large  --scenarios S1,S2,S3,S4  --tools imagegate,skopeo,…;
//    --node-args '--cpu-prof --cpu-prof-dir=/tmp/p': Node flags for imagegate's runs, e.g. to profile them)
// S1 two tags in the same repository; S2 copy to another repository of the same registry; S3 copy from
// the intermediate registry (localhost:5001) to the final one (localhost:5000); S4 remove the staging tag
// while the final tags (same digest) stay. Every run of every tool gets fresh repositories; requests and
// layer bytes are counted from the registries' access logs (the lines each run wrote), and every result is
// verified over HTTP. Everything is pushed under one `bench-promote-<id>` namespace whose manifests, tags
// and blob links are deleted through the registry API at the end.
import {spawnSync} from 'node:child_process';
import {createHash, randomBytes} from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync
} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {setTimeout as sleep} from 'node:timers/promises';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
};
const runs = Number(arg('--runs', 5));
const largeMb = Number(arg('--large-mb', 400));
const sizes = arg('--sizes', 'small,large').split(',');
const scenarios = arg('--scenarios', 'S1,S2,S3,S4').split(',');
const nodeArgs = arg('--node-args', '').split(' ').filter(Boolean);
const ALL_TOOLS = ['imagegate', 'imagegate-no-extra-ca', 'skopeo', 'imagetools', 'oras', 'crane', 'docker'];
const toolNames = arg('--tools', ALL_TOOLS.join(',')).split(',');
// --many 1,4,16: instead of S1–S4, one `imagegate promote` of N images (each to another repository
// of the same registry, one tag) vs a sequential `oras cp -r` loop over the same N images.
const many = arg('--many', '').split(',').filter(Boolean).map(Number);

const testbed = Object.fromEntries(
  readFileSync('/run/imagegate-testbed/env', 'utf8')
    .split('\n')
    .filter(l => l.includes('='))
    .map(l => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)])
);
const FINAL = testbed.TESTBED_REGISTRY ?? 'localhost:5000';
const INTER = testbed.TESTBED_INTERMEDIATE_REGISTRY ?? 'localhost:5001';
const LOGS = {[FINAL]: testbed.TESTBED_REGISTRY_LOG_FINAL, [INTER]: testbed.TESTBED_REGISTRY_LOG_INTERMEDIATE};
const CRANE = testbed.TESTBED_CRANE ?? 'crane';
const ORAS = testbed.TESTBED_ORAS ?? 'oras';
const PATH = `${testbed.TESTBED_BIN ?? '/opt/imagegate-testbed/bin'}:${process.env.PATH}`;
const ns = `bench-promote-${Date.now().toString(36)}`;
const work = mkdtempSync(join(tmpdir(), 'imagegate-bench-promote-'));
const started = Date.now();
// Other work may rebuild dist/ meanwhile: the benchmark runs its own copy of the CLI bundle, taken now.
const cli = join(work, 'cli/index.js');
{
  const dist = join(root, 'dist/cli');
  for (let t = 0; !existsSync(join(dist, 'index.js')) && t < 120; t++) spawnSync('sleep', ['1']);
  mkdirSync(join(work, 'cli'));
  // The bundle loads chunks (`<n>.index.js`) on demand: take every file of it.
  for (const f of readdirSync(dist).filter(f => f.endsWith('.js') || f === 'package.json'))
    copyFileSync(join(dist, f), join(work, 'cli', f));
}
const gitHead = spawnSync('git', ['rev-parse', '--short', 'HEAD'], {cwd: root, encoding: 'utf8'}).stdout.trim();
const distDirty = !!spawnSync('git', ['status', '--porcelain', 'dist/cli'], {
  cwd: root,
  encoding: 'utf8'
}).stdout.trim();
const cliSha = createHash('sha256').update(readFileSync(cli)).digest('hex').slice(0, 12);
const log = s => process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${s}\n`);

// ---------------------------------------------------------------- processes

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, {encoding: 'utf8', maxBuffer: 256 << 20, env: {...process.env, PATH}, ...opts});
  if (r.status !== 0 && !opts.allowFail)
    throw new Error(`${cmd} ${args.join(' ')} → ${r.status}\n${r.stderr}${r.error ?? ''}`);
  return r;
}
const lastLine = s =>
  (s ?? '')
    .trim()
    .split('\n')
    .filter(l => l.trim())
    .pop()
    ?.slice(0, 300) ?? '';

/** Runs commands one after the other (stopping at the first failure); wall time and CPU time (user + system) of all, peak RSS of any. */
function timedCommands(cmds, {env = process.env, cwd} = {}) {
  const rssFile = join(work, 'rss');
  const outputs = [];
  let rssKiB = 0;
  let cpuSeconds = 0;
  let cpuSysSeconds = 0;
  let failure;
  const t = process.hrtime.bigint();
  for (const [cmd, ...args] of cmds) {
    const r = spawnSync('/usr/bin/time', ['-f', '%M %U %S', '-o', rssFile, cmd, ...args], {
      encoding: 'utf8',
      maxBuffer: 256 << 20,
      env: {...env, PATH},
      cwd
    });
    const [rss, user, sys] = lastLine(readFileSync(rssFile, 'utf8')).split(' ').map(Number);
    rssKiB = Math.max(rssKiB, rss || 0);
    cpuSeconds += (user || 0) + (sys || 0);
    cpuSysSeconds += sys || 0;
    outputs.push(r);
    if (r.status !== 0) {
      failure = `\`${cmd} ${args[0]}\` exited ${r.status}: ${lastLine(r.stderr) || lastLine(r.stdout)}`;
      break;
    }
  }
  return {seconds: Number(process.hrtime.bigint() - t) / 1e9, cpuSeconds, cpuSysSeconds, rssKiB, failure, outputs};
}

// ---------------------------------------------------------------- registry over HTTP (setup + verification)

const MEDIA_ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json'
].join(', ');
const sha256 = b => `sha256:${createHash('sha256').update(b).digest('hex')}`;
const touched = new Map(); // "reg/repo" → {reg, repo}: every repository this run wrote to

async function http(method, reg, path, {headers = {}, body} = {}) {
  const streaming = body && typeof body.getReader === 'function';
  return fetch(path.startsWith('http') ? path : `http://${reg}${path}`, {
    method,
    headers,
    body,
    redirect: 'follow',
    ...(streaming ? {duplex: 'half'} : {})
  });
}
async function drain(res) {
  await res.arrayBuffer().catch(() => undefined);
  return res;
}
async function getManifest(reg, repo, ref) {
  const res = await http('GET', reg, `/v2/${repo}/manifests/${ref}`, {headers: {accept: MEDIA_ACCEPT}});
  if (res.status === 404) return drain(res).then(() => undefined);
  if (res.status !== 200) throw new Error(`GET ${reg}/${repo}:${ref} → ${res.status}`);
  const bytes = Buffer.from(await res.arrayBuffer());
  return {bytes, mediaType: res.headers.get('content-type'), digest: sha256(bytes)};
}
async function status(method, reg, path, headers = {}) {
  const res = await drain(await http(method, reg, path, {headers}));
  return {status: res.status, length: Number(res.headers.get('content-length') ?? NaN)};
}

/** The index, its children and every blob they reference. */
async function describe(reg, repo, ref) {
  const index = await getManifest(reg, repo, ref);
  if (!index) throw new Error(`${reg}/${repo}:${ref} does not exist`);
  const doc = JSON.parse(index.bytes);
  const children = [];
  for (const d of doc.manifests ?? []) {
    const m = await getManifest(reg, repo, d.digest);
    const parsed = JSON.parse(m.bytes);
    children.push({
      digest: d.digest,
      mediaType: m.mediaType,
      bytes: m.bytes,
      platform: `${d.platform?.os}/${d.platform?.architecture}`,
      blobs: [parsed.config, ...(parsed.layers ?? [])].map(b => ({digest: b.digest, size: b.size}))
    });
  }
  const blobs = new Map(children.flatMap(c => c.blobs).map(b => [b.digest, b.size]));
  return {...index, children, blobs};
}

async function pool(items, n, fn) {
  const queue = [...items];
  await Promise.all(
    Array.from({length: n}, async () => {
      while (queue.length) await fn(queue.shift());
    })
  );
}

/** Copies `img` from src to dst ({reg, repo}), mounting within a registry, streaming across; tags last. */
async function copyImage(img, src, dst, tags) {
  touched.set(`${dst.reg}/${dst.repo}`, dst);
  await pool([...img.blobs], 4, async ([digest]) => {
    if (src.reg === dst.reg) {
      const q = `?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(src.repo)}`;
      const res = await drain(await http('POST', dst.reg, `/v2/${dst.repo}/blobs/uploads/${q}`));
      if (res.status === 201) return;
      throw new Error(`mount ${digest} from ${src.repo} into ${dst.reg}/${dst.repo} → ${res.status}`);
    }
    if ((await status('HEAD', dst.reg, `/v2/${dst.repo}/blobs/${digest}`)).status === 200) return;
    const get = await http('GET', src.reg, `/v2/${src.repo}/blobs/${digest}`);
    const post = await drain(await http('POST', dst.reg, `/v2/${dst.repo}/blobs/uploads/`));
    const url = new URL(post.headers.get('location'), `http://${dst.reg}`);
    url.searchParams.set('digest', digest);
    const put = await drain(
      await http('PUT', dst.reg, url.toString(), {
        headers: {'content-type': 'application/octet-stream'},
        body: get.body
      })
    );
    if (put.status !== 201) throw new Error(`upload ${digest} to ${dst.reg}/${dst.repo} → ${put.status}`);
  });
  for (const c of img.children) await putManifest(dst, c.digest, c);
  for (const tag of tags.length ? tags : [img.digest]) await putManifest(dst, tag, img);
}
async function putManifest(dst, ref, m) {
  const res = await drain(
    await http('PUT', dst.reg, `/v2/${dst.repo}/manifests/${ref}`, {
      headers: {'content-type': m.mediaType},
      body: m.bytes
    })
  );
  if (res.status !== 201) throw new Error(`PUT ${dst.reg}/${dst.repo}:${ref} → ${res.status}`);
}

/** Problems with dst: each tag must hold the source index byte for byte; every child and blob present. */
async function verify(img, dst, tags, {absent = []} = {}) {
  const problems = [];
  for (const tag of tags) {
    const m = await getManifest(dst.reg, dst.repo, tag);
    if (!m) problems.push(`${tag} is gone`);
    else if (m.digest !== img.digest) problems.push(`${tag} is ${m.digest.slice(0, 19)}…, not the source index`);
    else if (!m.bytes.equals(img.bytes)) problems.push(`${tag} bytes differ`);
  }
  for (const tag of absent) if (await getManifest(dst.reg, dst.repo, tag)) problems.push(`${tag} was not removed`);
  if (problems.length) return problems;
  const missing = [];
  for (const c of img.children) {
    const r = await status('HEAD', dst.reg, `/v2/${dst.repo}/manifests/${c.digest}`, {accept: MEDIA_ACCEPT});
    if (r.status !== 200) missing.push(`child ${c.platform} ${c.digest.slice(0, 19)}…`);
  }
  for (const [digest, size] of img.blobs) {
    const r = await status('HEAD', dst.reg, `/v2/${dst.repo}/blobs/${digest}`);
    if (r.status !== 200 || r.length !== size) missing.push(`blob ${digest.slice(0, 19)}…`);
  }
  if (missing.length) problems.push(`missing in ${dst.repo}: ${missing.join(', ')}`);
  return problems;
}

/** Deletes the manifests (so every tag) and blob links of a repository we wrote. */
async function wipe(dst, img) {
  const digests = new Set(img ? [img.digest, ...img.children.map(c => c.digest)] : []);
  const res = await http('GET', dst.reg, `/v2/${dst.repo}/tags/list`);
  const tags = res.status === 200 ? ((await res.json()).tags ?? []) : (await drain(res), []);
  for (const tag of tags) {
    const m = await getManifest(dst.reg, dst.repo, tag).catch(() => undefined);
    if (!m) continue;
    digests.add(m.digest);
    for (const c of JSON.parse(m.bytes).manifests ?? []) digests.add(c.digest);
  }
  for (const d of digests) await drain(await http('DELETE', dst.reg, `/v2/${dst.repo}/manifests/${d}`));
  for (const d of img?.blobs.keys() ?? []) await drain(await http('DELETE', dst.reg, `/v2/${dst.repo}/blobs/${d}`));
}
async function unlinkBlobs(dst, img) {
  await pool([...img.blobs.keys()], 4, async d => drain(await http('DELETE', dst.reg, `/v2/${dst.repo}/blobs/${d}`)));
}

// ---------------------------------------------------------------- access logs

function marks() {
  return Object.fromEntries(Object.entries(LOGS).map(([reg, file]) => [reg, statSync(file).size]));
}
function windowLines(from, to) {
  const out = [];
  for (const [reg, file] of Object.entries(LOGS)) {
    const length = to[reg] - from[reg];
    if (length <= 0) continue;
    const buf = Buffer.alloc(length);
    const fd = openSync(file, 'r');
    readSync(fd, buf, 0, length, from[reg]);
    closeSync(fd);
    for (const line of buf.toString('utf8').split('\n')) out.push({reg, line});
  }
  return out;
}
/** `/v2/<ns>/large-s3-oras-2/app/blobs/uploads/<uuid>?_state=…&digest=sha256:0123…` → `…/app/blobs/uploads/… digest=sha256:0123456789ab` */
function short(path, query) {
  const p = path
    .replace(`/v2/${ns}/`, '/v2/…/')
    .replace(/\/uploads\/[0-9a-f-]{36}/, '/uploads/…')
    .replace(/sha256:([0-9a-f]{12})[0-9a-f]+/g, 'sha256:$1');
  const q = new URLSearchParams(query);
  const keep = ['mount', 'from', 'digest', 'n']
    .filter(k => q.get(k))
    .map(
      k =>
        `${k}=${q
          .get(k)
          .replace(ns, '…')
          .replace(/sha256:([0-9a-f]{12})[0-9a-f]+/, 'sha256:$1')}`
    );
  return keep.length ? `${p}?${keep.join('&')}` : p;
}
// `127.0.0.1 - - [22/Nov/2026:05:02:20 +0000] "GET /v2/x/manifests/1 HTTP/1.1" 200 645 "" "ua"`
const COMBINED = /^\S+ \S+ \S+ \[[^\]]+\] "(\S+) (\S+) [^"]*" (\d{3}) (\d+|-) "[^"]*" "((?:[^"\\]|\\.)*)"/;

/**
 * Requests this run sent to our namespace, with mounts and layer bytes. A `/v2/` ping names no repository:
 * it counts when its user agent is one the run used for our namespace (other work may share the registries).
 */
async function countRequests(from, to, img, removalOf) {
  const c = {
    requests: 0,
    removal: 0,
    writes: 0,
    mounts: 0,
    mountMisses: 0,
    bytesUp: 0,
    bytesDown: 0,
    blobsUp: 0,
    byRegistry: {},
    trace: []
  };
  const unknown = [];
  const lines = windowLines(from, to)
    .map(({reg, line}) => ({reg, m: COMBINED.exec(line)}))
    .filter(l => l.m);
  const agents = new Set(lines.filter(l => l.m[2].startsWith(`/v2/${ns}/`)).map(l => l.m[5]));
  for (const {reg, m} of lines) {
    const [, method, url, code, bytes, agent] = m;
    const [path, query = ''] = url.split('?');
    if (!(path === '/v2/' && agents.has(agent)) && !path.startsWith(`/v2/${ns}/`)) continue;
    c.requests++;
    if (removalOf && (c.removal || removalOf(method, path))) c.removal++;
    c.byRegistry[reg] = (c.byRegistry[reg] ?? 0) + 1;
    c.trace.push(`${reg.split(':')[1]} ${method} ${short(path, query)} ${code}`);
    if (method !== 'GET' && method !== 'HEAD') c.writes++;
    const q = new URLSearchParams(query);
    if (path.includes('/blobs/uploads/')) {
      if (method === 'POST' && q.get('mount')) {
        if (code === '201') c.mounts++;
        else c.mountMisses++;
      }
      const digest = q.get('digest');
      if ((method === 'PUT' || method === 'POST') && digest && code === '201') {
        c.blobsUp++;
        const size = img.blobs.get(digest);
        if (size !== undefined) c.bytesUp += size;
        else unknown.push({reg, repo: path.slice(4, path.indexOf('/blobs/')), digest});
      }
    } else if (method === 'GET' && path.includes('/blobs/sha256:') && (code === '200' || code === '206')) {
      c.bytesDown += Number(bytes) || 0;
    }
  }
  for (const u of unknown) c.bytesUp += (await status('HEAD', u.reg, `/v2/${u.repo}/blobs/${u.digest}`)).length || 0;
  return c;
}

// ---------------------------------------------------------------- images

async function writeRandom(file, bytes) {
  const fd = openSync(file, 'w');
  const chunk = 8 << 20;
  for (let done = 0; done < bytes; done += chunk) {
    const b = randomBytes(Math.min(chunk, bytes - done));
    let off = 0;
    while (off < b.length) off += writeSync(fd, b, off);
  }
  closeSync(fd);
}

/** Builds the image once (both platforms, provenance attestations) into the intermediate registry. */
async function build(size) {
  const dir = mkdtempSync(join(work, `ctx-${size}-`));
  const lines = [`FROM ${testbed.TESTBED_INTERMEDIATE_BASE_IMAGE ?? `${INTER}/base/busybox:1`}`];
  writeFileSync(join(dir, 'nonce'), `${ns} ${size}\n`);
  lines.push('COPY nonce /nonce');
  if (size === 'large') {
    const layers = 4;
    const per = Math.ceil((largeMb << 20) / layers);
    for (let k = 0; k < layers; k++) {
      await writeRandom(join(dir, `random${k}`), per);
      lines.push(`COPY random${k} /data/random${k}`);
    }
  }
  writeFileSync(join(dir, 'Dockerfile'), `${lines.join('\n')}\n`);
  const repo = `${ns}/build-${size}`;
  const ref = `${INTER}/${repo}:src`;
  const t = Date.now();
  const buildArgs = ['buildx', 'build', '--platform', 'linux/amd64,linux/arm64', '--provenance=mode=min', '--push'];
  // distribution 2.8 sometimes answers 500 to buildx's concurrent manifest pushes: one retry.
  if (sh('docker', [...buildArgs, '-t', ref, dir], {allowFail: true}).status !== 0)
    sh('docker', [...buildArgs, '-t', ref, dir]);
  sh('docker', ['image', 'rm', ref], {allowFail: true});
  rmSync(dir, {recursive: true, force: true});
  touched.set(`${INTER}/${repo}`, {reg: INTER, repo});
  const img = await describe(INTER, repo, 'src');
  const platforms = img.children.map(c => c.platform).sort();
  const expected = ['linux/amd64', 'linux/arm64', 'unknown/unknown', 'unknown/unknown'];
  if (platforms.join() !== expected.join())
    throw new Error(`${ref}: index has ${platforms.join(', ')}, expected ${expected.join(', ')}`);
  img.size = size;
  img.layerBytes = [...img.blobs.values()].reduce((a, b) => a + b, 0);
  img.buildSeconds = (Date.now() - t) / 1000;
  img.home = {[INTER]: {reg: INTER, repo}};
  log(
    `built ${size}: ${img.digest} (${platforms.join(', ')}; ${img.blobs.size} blobs, ${mb(img.layerBytes)}) in ${img.buildSeconds.toFixed(1)} s`
  );
  return img;
}
const mb = n =>
  n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MiB` : n >= 1024 ? `${(n / 1024).toFixed(0)} KiB` : `${n} B`;

// ---------------------------------------------------------------- scenarios and tools

const parseRef = text => {
  const slash = text.indexOf('/');
  const rest = text.slice(slash + 1);
  const colon = rest.lastIndexOf(':');
  return {reg: text.slice(0, slash), repo: rest.slice(0, colon), tag: rest.slice(colon + 1)};
};
const refOf = (r, tag) => `${r.reg}/${r.repo}:${tag}`;

/** Where each scenario starts (src) and what it must produce (dst + tags), for a peer tool. */
function layout(scn, size, tool, i) {
  const base = `${ns}/${size}-${scn.toLowerCase()}-${tool}-${i}`;
  switch (scn) {
    case 'S1':
    case 'S4':
      return {
        src: {reg: FINAL, repo: `${base}/app`, tag: 'staging-x'},
        dst: {reg: FINAL, repo: `${base}/app`},
        tags: ['t1', 't2']
      };
    case 'S2':
      return {
        src: {reg: FINAL, repo: `${base}-staging/app`, tag: 'staging-x'},
        dst: {reg: FINAL, repo: `${base}/app`},
        tags: ['t1']
      };
    case 'S3':
      return {
        src: {reg: INTER, repo: `${base}/app`, tag: 'staging-x'},
        dst: {reg: FINAL, repo: `${base}/app`},
        tags: ['t1']
      };
  }
}

/** imagegate's own layout: a throwaway git repository whose `plan` names the staging ref and final tags. */
function imagegateLayout(scn, size, tool, i) {
  const base = `${ns}/${size}-${scn.toLowerCase()}-${tool}-${i}`;
  const dir = mkdtempSync(join(work, 'ig-'));
  const staging = {
    S1: 'staging: {tag-prefix: staging-}',
    S4: 'staging: {tag-prefix: staging-}',
    S2: `staging: {registry: ${FINAL}/${base}-staging}`,
    S3: `staging: {registry: ${INTER}/${base}}`
  }[scn];
  const tags = scn === 'S1' || scn === 'S4' ? '[t1, t2]' : '[t1]';
  writeFileSync(join(dir, 'Dockerfile'), `FROM ${FINAL}/base/busybox:1\nCOPY Dockerfile /\n`);
  writeFileSync(
    join(dir, '.imagegate.yml'),
    `registry: ${FINAL}/${base}\n${staging}\npromote: {cleanup: ${scn === 'S4'}}\nimages:\n  - name: app\n    platforms: [linux/amd64, linux/arm64]\n    tags: ${tags}\n`
  );
  const git = ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid'];
  sh('git', ['init', '-q'], {cwd: dir});
  sh('git', [...git, 'add', '-A'], {cwd: dir});
  sh('git', [...git, 'commit', '-qm', 'bench'], {cwd: dir});
  const plan = JSON.parse(sh(process.execPath, [cli, 'plan', '--json', '--scenario', 'promote'], {cwd: dir}).stdout);
  const src = parseRef(plan.images[0].staging.value);
  const finals = plan.writes.map(parseRef);
  return {src, dst: {reg: finals[0].reg, repo: finals[0].repo}, tags: finals.map(f => f.tag), cwd: dir};
}

const skopeoFlags = ['--all', '--preserve-digests', '--src-tls-verify=false', '--dest-tls-verify=false'];
/** A fresh blob-info cache per run, as on a fresh CI runner (skopeo would otherwise mount blobs it saw in earlier runs). */
function skopeoEnv() {
  const dir = mkdtempSync(join(work, 'skopeo-'));
  return {...process.env, _CONTAINERS_ROOTLESS_UID: '1000', XDG_DATA_HOME: dir, HOME: dir};
}
const localImages = [];
const NO_REMOTE_DELETE = 'has no command that removes a tag from a registry';

const tools = {
  imagegate: {layout: imagegateLayout, commands: () => [[process.execPath, ...nodeArgs, cli, 'promote', '--json']]},
  'imagegate-no-extra-ca': {
    layout: imagegateLayout,
    commands: () => [[process.execPath, ...nodeArgs, cli, 'promote', '--json']],
    env: () => {
      const env = {...process.env};
      delete env.NODE_EXTRA_CA_CERTS;
      return env;
    }
  },
  skopeo: {
    env: skopeoEnv,
    commands: (scn, {src, dst, tags}) =>
      scn === 'S4'
        ? [['skopeo', 'delete', '--tls-verify=false', `docker://${refOf(src, src.tag)}`]]
        : tags.map(t => [
            'skopeo',
            'copy',
            ...skopeoFlags,
            `docker://${refOf(src, src.tag)}`,
            `docker://${refOf(dst, t)}`
          ])
  },
  imagetools: {
    commands: (scn, {src, dst, tags}) =>
      scn === 'S4'
        ? {unsupported: `buildx imagetools ${NO_REMOTE_DELETE}`}
        : [
            [
              'docker',
              'buildx',
              'imagetools',
              'create',
              ...tags.flatMap(t => ['-t', refOf(dst, t)]),
              refOf(src, src.tag)
            ]
          ]
  },
  oras: {
    commands: (scn, {src, dst, tags}) =>
      scn === 'S4'
        ? [[ORAS, 'manifest', 'delete', '--plain-http', '--force', refOf(src, src.tag)]]
        : scn === 'S1'
          ? [[ORAS, 'tag', '--plain-http', refOf(src, src.tag), ...tags]]
          : [[ORAS, 'cp', '-r', '--from-plain-http', '--to-plain-http', refOf(src, src.tag), refOf(dst, tags[0])]]
  },
  crane: {
    commands: (scn, {src, dst, tags}) =>
      scn === 'S4'
        ? [[CRANE, 'delete', '--insecure', refOf(src, src.tag)]]
        : scn === 'S1'
          ? tags.map(t => [CRANE, 'tag', '--insecure', refOf(src, src.tag), t])
          : [[CRANE, 'copy', '--insecure', refOf(src, src.tag), refOf(dst, tags[0])]]
  },
  docker: {
    commands: (scn, {src, dst, tags}) =>
      scn === 'S4'
        ? {unsupported: `the docker CLI ${NO_REMOTE_DELETE} (docker rmi is local)`}
        : [
            ['docker', 'pull', '-q', refOf(src, src.tag)],
            ...tags.map(t => ['docker', 'tag', refOf(src, src.tag), refOf(dst, t)]),
            ...tags.map(t => ['docker', 'push', '-q', refOf(dst, t)])
          ],
    // Removing the local image takes seconds (content GC): names are collected and removed at the end.
    after: ({src, dst, tags}) => localImages.push(refOf(src, src.tag), ...tags.map(t => refOf(dst, t)))
  }
};

/**
 * S4's removal, for imagegate: from the tombstone written over the staging tag (the first PUT of that
 * tag) to the end; what comes before is the promote itself (the staging tag read, the final tags, the
 * promotion marker). A peer's delete command is nothing but the removal: every request counts.
 */
const removalStart = src => (method, path) => method === 'PUT' && path === `/v2/${src.repo}/manifests/${src.tag}`;

/** Puts the image where the scenario starts: staging tag (S4: final tags too, same digest). */
async function stage(img, scn, lay) {
  const home = lay.src.reg === INTER ? img.home[INTER] : img.home[FINAL];
  touched.set(`${lay.src.reg}/${lay.src.repo}`, lay.src);
  touched.set(`${lay.dst.reg}/${lay.dst.repo}`, lay.dst);
  await copyImage(img, home, lay.src, scn === 'S4' ? [lay.src.tag, ...lay.tags] : [lay.src.tag]);
}

async function sample(img, scn, name, i) {
  const tool = tools[name];
  const t0 = Date.now();
  const lay = (tool.layout ?? layout)(scn, img.size, name, i);
  const cmds = tool.commands(scn, lay);
  if (cmds.unsupported) return {tool: name, scenario: scn, size: img.size, iteration: i, unsupported: cmds.unsupported};
  await stage(img, scn, lay);
  const setupMs = Date.now() - t0;
  const env = tool.env?.();
  await sleep(50);
  const from = marks();
  const run = timedCommands(cmds, {env, cwd: lay.cwd});
  await sleep(100); // the registry writes a request's log line after answering it
  const to = marks();
  const t1 = Date.now();
  tool.after?.(lay);
  const counts = await countRequests(
    from,
    to,
    img,
    scn === 'S4' ? (name.startsWith('imagegate') ? removalStart(lay.src) : () => true) : undefined
  );
  if (i > 1) delete counts.trace; // kept for the warm-up and the first measured run
  const problems = run.failure ? [run.failure] : [];
  if (!run.failure)
    problems.push(...(await verify(img, lay.dst, lay.tags, {absent: scn === 'S4' ? [lay.src.tag] : []})));
  let reported;
  if (name.startsWith('imagegate') && run.outputs[0]?.stdout) {
    try {
      const r = JSON.parse(run.outputs[0].stdout);
      reported = {
        requests: r.http?.requests,
        copy: r.images?.[0]?.copy,
        cleanup: r.images?.[0]?.cleanup,
        durationMs: r.durationMs
      };
    } catch {
      reported = {unparsable: lastLine(run.outputs[0].stdout)};
    }
  }
  if (scn === 'S3') await unlinkBlobs(lay.dst, img); // no later run may mount these layers from here
  if (lay.cwd) rmSync(lay.cwd, {recursive: true, force: true});
  return {
    tool: name,
    scenario: scn,
    size: img.size,
    iteration: i,
    warmup: i === 0,
    seconds: run.seconds,
    untimedMs: {setup: setupMs, after: Date.now() - t1},
    cpuSeconds: run.cpuSeconds,
    cpuSysSeconds: run.cpuSysSeconds,
    rssKiB: run.rssKiB,
    ...counts,
    ok: problems.length === 0,
    problems,
    ...(reported ? {reported} : {})
  };
}

// ---------------------------------------------------------------- main

const median = xs => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

sh('docker', ['info'], {stdio: 'ignore'});
for (const t of toolNames) if (!tools[t]) throw new Error(`unknown tool ${t}; known: ${ALL_TOOLS.join(', ')}`);
log(`namespace ${ns}; ${runs} runs + 1 warm-up round per scenario; tools ${toolNames.join(', ')}`);
// Node's start-up, the floor of every imagegate run: `imagegate --version`, with and without the extra CA file.
const noCaEnv = {...process.env};
delete noCaEnv.NODE_EXTRA_CA_CERTS;
const floor = {withCa: [], withoutCa: []};
for (let i = 0; i < 7; i++) {
  floor.withCa.push(timedCommands([[process.execPath, cli, '--version']]).seconds);
  floor.withoutCa.push(timedCommands([[process.execPath, cli, '--version']], {env: noCaEnv}).seconds);
}
floor.medianWithCa = median(floor.withCa);
floor.medianWithoutCa = median(floor.withoutCa);

if (many.length) {
  await manyMain();
  process.exit(0);
}

/** A throwaway git repository whose configuration promotes `n` images from `<base>-staging/<name>` to `<base>/<name>`. */
function manyLayout(n, tool, i) {
  const base = `${ns}/many${n}-${tool}-${i}`;
  const dir = mkdtempSync(join(work, 'ig-'));
  const names = Array.from({length: n}, (_, k) => `app${k}`);
  writeFileSync(
    join(dir, '.imagegate.yml'),
    `registry: ${FINAL}/${base}\nstaging: {registry: ${FINAL}/${base}-staging}\npromote: {cleanup: false}\nimages:\n` +
      names
        .map(
          name => `  - name: ${name}\n    context: ${name}\n    platforms: [linux/amd64, linux/arm64]\n    tags: [t1]\n`
        )
        .join('')
  );
  for (const name of names) {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, 'Dockerfile'), `FROM ${FINAL}/base/busybox:1\nCOPY Dockerfile /\n`);
  }
  const git = ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid'];
  sh('git', ['init', '-q'], {cwd: dir});
  sh('git', [...git, 'add', '-A'], {cwd: dir});
  sh('git', [...git, 'commit', '-qm', 'bench'], {cwd: dir});
  const plan = JSON.parse(sh(process.execPath, [cli, 'plan', '--json', '--scenario', 'promote'], {cwd: dir}).stdout);
  return plan.images.map(image => {
    const src = parseRef(image.staging.value);
    const dst = parseRef(`${image.repository.value}:t1`);
    return {src, dst: {reg: dst.reg, repo: dst.repo}, tags: ['t1'], cwd: dir};
  });
}

async function manySample(img, n, tool, i) {
  const lays = manyLayout(n, tool, i);
  for (const lay of lays) {
    touched.set(`${lay.dst.reg}/${lay.dst.repo}`, lay.dst);
    await copyImage(img, img.home[FINAL], lay.src, [lay.src.tag]);
  }
  const cmds =
    tool === 'imagegate'
      ? [[process.execPath, cli, 'promote', '--json']]
      : lays.map(({src, dst, tags}) => [
          ORAS,
          'cp',
          '-r',
          '--from-plain-http',
          '--to-plain-http',
          refOf(src, src.tag),
          refOf(dst, tags[0])
        ]);
  await sleep(50);
  const from = marks();
  const run = timedCommands(cmds, {cwd: lays[0].cwd});
  await sleep(100);
  const counts = await countRequests(from, marks(), img);
  const problems = run.failure ? [run.failure] : [];
  if (!run.failure) for (const lay of lays) problems.push(...(await verify(img, lay.dst, lay.tags)));
  rmSync(lays[0].cwd, {recursive: true, force: true});
  return {
    tool,
    images: n,
    iteration: i,
    warmup: i === 0,
    seconds: run.seconds,
    cpuSeconds: run.cpuSeconds,
    rssKiB: run.rssKiB,
    requests: counts.requests,
    ok: !problems.length,
    problems
  };
}

async function manyMain() {
  const out = [];
  const img = await build('small');
  try {
    img.home[FINAL] = {reg: FINAL, repo: `${ns}/src-small`};
    await copyImage(img, img.home[INTER], img.home[FINAL], ['src']);
    for (const n of many)
      for (let i = 0; i <= runs; i++) {
        const round = i % 2 ? ['oras', 'imagegate'] : ['imagegate', 'oras'];
        for (const tool of round) {
          const s = await manySample(img, n, tool, i);
          out.push(s);
          log(
            `${n} images ${i === 0 ? 'warm-up' : `run ${i}/${runs}`} ${tool}: ${s.seconds.toFixed(2)} s, ${s.requests} req, ${s.ok ? 'ok' : `FAIL: ${s.problems[0]}`}`
          );
        }
      }
  } finally {
    log(`cleaning up ${touched.size} repositories under ${ns}`);
    await pool([...touched.values()], 4, dst => wipe(dst, img).catch(() => undefined));
    rmSync(work, {recursive: true, force: true});
  }
  const lines = [
    '# promote of many images: imagegate vs a sequential `oras cp -r` loop',
    '',
    `Command: \`node bench/promote.mjs --many ${many.join(',')} --runs ${runs}\` — ${new Date().toISOString().slice(0, 16)}Z; imagegate \`dist/cli/index.js\` sha256 ${cliSha}… (git ${gitHead}${distDirty ? ', dist/ differs from that commit' : ''}), ${process.execPath} ${process.version}; NODE_EXTRA_CA_CERTS ${process.env.NODE_EXTRA_CA_CERTS ? 'set (slows every Node start)' : 'unset'}.`,
    '',
    'Each image: the small two-platform image with provenance (9 blobs), staged in `<ns>-staging/<name>`, promoted to `<ns>/<name>:t1` on the same registry (mounts). One warm-up round, then interleaved rounds; ratio = imagegate ÷ oras loop of the same round.',
    '',
    '| images | imagegate (median) | oras cp loop (median) | ratio per round (median; all) | CPU imagegate / oras | RSS imagegate / oras | requests imagegate / oras | correct |',
    '|---|---|---|---|---|---|---|---|'
  ];
  for (const n of many) {
    const m = tool => out.filter(s => s.images === n && s.tool === tool && !s.warmup);
    const ig = m('imagegate');
    const oras = m('oras');
    const ratios = ig.map(s => s.seconds / oras.find(o => o.iteration === s.iteration).seconds);
    lines.push(
      `| ${n} | ${median(ig.map(s => s.seconds)).toFixed(2)} s | ${median(oras.map(s => s.seconds)).toFixed(2)} s | ${median(ratios).toFixed(2)} (${ratios.map(r => r.toFixed(2)).join(', ')}) | ${median(ig.map(s => s.cpuSeconds)).toFixed(2)} s / ${median(oras.map(s => s.cpuSeconds)).toFixed(2)} s | ${(median(ig.map(s => s.rssKiB)) / 1024).toFixed(0)} / ${(median(oras.map(s => s.rssKiB)) / 1024).toFixed(0)} MiB | ${median(ig.map(s => s.requests))} / ${median(oras.map(s => s.requests))} | ${[...ig, ...oras].every(s => s.ok) ? '✓' : 'FAIL'} |`
    );
  }
  mkdirSync(join(root, 'bench/results'), {recursive: true});
  writeFileSync(join(root, 'bench/results/promote-many.md'), `${lines.join('\n')}\n`);
  writeFileSync(join(root, 'bench/results/promote-many.json'), JSON.stringify({runs, many, samples: out}, null, 2));
  process.stdout.write(`${lines.join('\n')}\n`);
}

const samples = [];
const images = {};
try {
  for (const size of sizes) {
    const img = await build(size);
    images[size] = img;
    // S3 first, while the final registry has never seen these layers; then the copy every S1/S2/S4 starts from.
    const order = ['S3', 'S1', 'S2', 'S4'].filter(s => scenarios.includes(s));
    for (const scn of order) {
      if (scn !== 'S3' && !img.home[FINAL]) {
        img.home[FINAL] = {reg: FINAL, repo: `${ns}/src-${size}`};
        await copyImage(img, img.home[INTER], img.home[FINAL], ['src']);
      }
      for (let i = 0; i <= runs; i++) {
        const rot = i % toolNames.length;
        const round = [...toolNames.slice(rot), ...toolNames.slice(0, rot)];
        if (i % 2) round.reverse();
        for (const name of round) {
          const s = await sample(img, scn, name, i);
          samples.push(s);
          log(
            `${size} ${scn} ${i === 0 ? 'warm-up' : `run ${i}/${runs}`} ${name}: ` +
              (s.unsupported
                ? 'unsupported'
                : `${s.seconds.toFixed(2)} s, ${s.requests} req, up ${mb(s.bytesUp)}, ${s.ok ? 'ok' : `FAIL: ${s.problems[0]}`}`)
          );
        }
      }
    }
  }
} finally {
  log(`cleaning up: deleting manifests, tags and blob links of ${touched.size} repositories under ${ns}`);
  const anyImg = Object.values(images);
  await pool([...touched.values()], 4, async dst => {
    for (const img of anyImg.length ? anyImg : [undefined]) await wipe(dst, img).catch(() => undefined);
  });
  if (localImages.length) sh('docker', ['image', 'rm', ...localImages], {allowFail: true});
  rmSync(work, {recursive: true, force: true});
}

// ---------------------------------------------------------------- report

const LABEL = {
  imagegate: 'imagegate promote',
  'imagegate-no-extra-ca': 'imagegate promote, NODE_EXTRA_CA_CERTS unset',
  skopeo: 'skopeo copy --all --preserve-digests',
  imagetools: 'docker buildx imagetools create',
  oras: 'oras cp -r / oras tag',
  crane: 'crane copy / crane tag',
  docker: 'docker pull / tag / push'
};
const S4_LABEL = {skopeo: 'skopeo delete', oras: 'oras manifest delete', crane: 'crane delete'};
const SCN = {
  S1: 'S1 two tags, same repository',
  S2: 'S2 copy to another repository, same registry',
  S3: `S3 copy ${INTER} → ${FINAL}`,
  S4: 'S4 remove the staging tag, final tags stay'
};
const summary = {};
for (const size of sizes)
  for (const scn of scenarios)
    for (const name of toolNames) {
      const all = samples.filter(s => s.size === size && s.scenario === scn && s.tool === name);
      if (!all.length) continue;
      const key = `${size}/${scn}/${name}`;
      if (all[0].unsupported) {
        summary[key] = {unsupported: all[0].unsupported};
        continue;
      }
      const measured = all.filter(s => !s.warmup);
      const med = f => median(measured.map(f));
      const failures = all.filter(s => !s.ok);
      summary[key] = {
        seconds: med(s => s.seconds),
        min: Math.min(...measured.map(s => s.seconds)),
        max: Math.max(...measured.map(s => s.seconds)),
        requests: med(s => s.requests),
        requestsRange: [Math.min(...measured.map(s => s.requests)), Math.max(...measured.map(s => s.requests))],
        writes: med(s => s.writes),
        removal: med(s => s.removal),
        mounts: med(s => s.mounts),
        bytesUp: med(s => s.bytesUp),
        bytesDown: med(s => s.bytesDown),
        cpuSeconds: med(s => s.cpuSeconds),
        cpuSysSeconds: med(s => s.cpuSysSeconds),
        rssKiB: med(s => s.rssKiB),
        maxRssKiB: Math.max(...measured.map(s => s.rssKiB)),
        ok: failures.length === 0,
        failed: failures.length,
        of: all.length,
        problem: failures[0]?.problems[0]
      };
    }

const f2 = x => x.toFixed(2);
const reqText = r =>
  r.requestsRange[0] === r.requestsRange[1]
    ? `${r.requests}`
    : `${r.requests} (${r.requestsRange[0]}–${r.requestsRange[1]})`;
const lines = [
  `# promote benchmark (${runs} interleaved runs after a warm-up round, medians)`,
  '',
  `Command: \`node bench/promote.mjs --runs ${runs} --large-mb ${largeMb}\`${sizes.length < 2 || scenarios.length < 4 || toolNames.length < ALL_TOOLS.length ? ` (sizes ${sizes}, scenarios ${scenarios}, tools ${toolNames})` : ''} — ${new Date().toISOString().slice(0, 16)}Z, ${Math.round((Date.now() - started) / 1000)} s in all.`,
  '',
  `imagegate: \`dist/cli/index.js\` as it was at the start (sha256 ${cliSha}…; git ${gitHead}${distDirty ? ', dist/ differs from that commit' : ''}), run by ${process.execPath} ${process.version}.`,
  '',
  'Images (built once per benchmark run with `docker buildx build --platform linux/amd64,linux/arm64 --provenance=mode=min --push`; ' +
    'index = 2 platform manifests + 2 unknown/unknown attestation manifests):',
  ''
];
for (const img of Object.values(images))
  lines.push(
    `- ${img.size}: \`${img.digest}\`, ${img.blobs.size} blobs, ${mb(img.layerBytes)} of blobs (build ${img.buildSeconds.toFixed(0)} s, not timed)`
  );
lines.push(
  '',
  '`requests`: access-log lines each run wrote to the registries (both registries for S3), `/v2/` pings included; ' +
    '`writes`: requests other than GET/HEAD; `layer bytes up`: sizes of the blobs whose upload completed (`PUT`/`POST …?digest=` → 201); ' +
    '`blob bytes read`: bytes the registries served for `GET …/blobs/…`; `mounts`: cross-repository mounts that succeeded; ' +
    '`RSS`: peak resident set of the client process (largest of a run’s processes). `correct`: after every run the result was checked over HTTP — ' +
    'each final tag holds the source index byte for byte (same sha256), every child manifest and blob is present in the destination repository; ' +
    'for S4 the final tags are alive and complete and the staging tag is gone.',
  ''
);
for (const size of sizes) {
  lines.push(
    `## ${size}`,
    '',
    '| scenario | tool | wall (median) | min–max | CPU (median) | requests | writes | mounts | layer bytes up | blob bytes read | RSS | correct |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|'
  );
  for (const scn of scenarios)
    for (const name of toolNames) {
      const r = summary[`${size}/${scn}/${name}`];
      if (!r) continue;
      const label = (scn === 'S4' && S4_LABEL[name]) || LABEL[name];
      if (r.unsupported) {
        lines.push(`| ${SCN[scn]} | ${label} | — | — | — | — | — | — | — | — | — | ✗ cannot: ${r.unsupported} |`);
        continue;
      }
      lines.push(
        `| ${SCN[scn]} | ${label} | ${f2(r.seconds)} s | ${f2(r.min)}–${f2(r.max)} | ${f2(r.cpuSeconds)} s | ${reqText(r)} | ${r.writes} | ${r.mounts} | ${mb(r.bytesUp)} | ${mb(r.bytesDown)} | ${(r.rssKiB / 1024).toFixed(0)} MiB | ` +
          `${r.ok ? '✓' : `✗ ${r.failed}/${r.of} runs: ${r.problem.replaceAll('|', '\\|')}`} |`
      );
    }
  lines.push('');
}

// Goals from issue 4, against the fastest peer whose results were correct.
const goals = [];
const peersOf = (size, scn) =>
  ['skopeo', 'imagetools', 'oras', 'crane', 'docker']
    .map(n => [n, summary[`${size}/${scn}/${n}`]])
    .filter(([, r]) => r && !r.unsupported && r.ok)
    .sort((a, b) => a[1].seconds - b[1].seconds);
const met = b => (b ? 'met' : '**NOT met**');
for (const size of sizes) {
  const ig = scn => summary[`${size}/${scn}/imagegate`];
  const igNoCa = scn => summary[`${size}/${scn}/imagegate-no-extra-ca`];
  const both = scn =>
    `${f2(ig(scn).seconds)} s${igNoCa(scn) ? ` (${f2(igNoCa(scn).seconds)} s without NODE_EXTRA_CA_CERTS)` : ''}`;
  for (const scn of scenarios) {
    const r = ig(scn);
    if (!r || r.unsupported) continue;
    const peers = peersOf(size, scn);
    const fastest = peers[0];
    const vs = limit =>
      fastest
        ? `${both(scn)} vs ${limit} × ${fastest[0]} ${f2(fastest[1].seconds)} s = ${f2(limit * fastest[1].seconds)} s → ${met(r.seconds <= limit * fastest[1].seconds)}${igNoCa(scn) && r.seconds > limit * fastest[1].seconds ? ` (without NODE_EXTRA_CA_CERTS: ${met(igNoCa(scn).seconds <= limit * fastest[1].seconds)})` : ''}`
        : `${both(scn)}; no peer produced a correct result to compare with`;
    if (scn === 'S1') {
      const oras = summary[`${size}/S1/oras`];
      goals.push(
        `- ${size} S1: ${r.requests} requests (goal ≤ 4) → ${met(r.requests <= 4)}; wall ${both('S1')} vs 1.5 × oras ${oras ? `${f2(oras.seconds)} s = ${f2(1.5 * oras.seconds)} s → ${met(r.seconds <= 1.5 * oras.seconds)}` : 'n/a'}; correct: ${r.ok ? 'yes' : 'NO'}`
      );
    } else if (scn === 'S2') {
      goals.push(
        `- ${size} S2: layer bytes up ${mb(r.bytesUp)} (goal 0) → ${met(r.bytesUp === 0)}; ${r.requests} requests (goal ≤ 25) → ${met(r.requests <= 25)}; wall ${vs(0.8)}; correct: ${r.ok ? 'yes' : 'NO'}`
      );
    } else if (scn === 'S3') {
      // Issue 13: wall ≤ 1.0 × oras, CPU ≤ 2 × oras, peak RSS ≤ 100 MiB for any image size.
      const oras = summary[`${size}/S3/oras`];
      const orasOk = oras && !oras.unsupported && oras.ok;
      goals.push(
        `- ${size} S3: wall ${both('S3')}${orasOk ? ` vs 1.0 × oras ${f2(oras.seconds)} s → ${met(r.seconds <= oras.seconds)}` : ''}; ` +
          `CPU ${f2(r.cpuSeconds)} s (${f2(r.cpuSysSeconds)} s of it in the kernel)${orasOk ? ` vs 2 × oras ${f2(oras.cpuSeconds)} s (${f2(oras.cpuSysSeconds)} s in the kernel) = ${f2(2 * oras.cpuSeconds)} s → ${met(r.cpuSeconds <= 2 * oras.cpuSeconds)}` : ''}; ` +
          `peak RSS ${(r.rssKiB / 1024).toFixed(0)} MiB median, ${(r.maxRssKiB / 1024).toFixed(0)} MiB at most (goal ≤ 100 MiB) → ${met(r.maxRssKiB <= 100 * 1024)}; fastest peer: ${vs(1.0)}; correct: ${r.ok ? 'yes' : 'NO'}`
      );
    } else if (scn === 'S4') {
      const oras = summary[`${size}/S4/oras`];
      goals.push(
        `- ${size} S4: correct: ${r.ok ? 'yes' : 'NO'} (peers correct: ${
          peersOf(size, 'S4')
            .map(p => p[0])
            .join(', ') || 'none'
        }); the removal ${r.removal} requests (goal ≤ 3) → ${met(r.removal <= 3)}, the whole promote that ends in it ${r.requests} (${r.writes} writes)` +
          `; wall ${both('S4')}${oras ? ` vs 1.5 × oras manifest delete (whose result is wrong) ${f2(oras.seconds)} s = ${f2(1.5 * oras.seconds)} s → ${met(r.seconds <= 1.5 * oras.seconds)}` : ''}`
      );
    }
  }
}
lines.push('## Goals (issue 4; S3: issue 13)', '', ...goals, '');

// Where imagegate's requests go, next to the fewest any correct peer needed (first measured run).
const kind = t => {
  const [, method, path] = t.split(' ');
  if (path === '/v2/') return `${method} /v2/`;
  if (path.includes('/tags/list')) return `${method} tags/list`;
  if (path.includes('?mount=')) return 'POST mount';
  if (path.includes('/blobs/uploads/')) return `${method} upload`;
  if (path.includes('/referrers/')) return `${method} referrers`;
  if (path.includes('/blobs/')) return `${method} blob`;
  return `${method} manifest ${/\/manifests\/sha256:/.test(path) ? 'by digest' : 'by tag'}`;
};
const breakdown = s => {
  const counts = {};
  for (const t of s.trace ?? []) counts[kind(t)] = (counts[kind(t)] ?? 0) + 1;
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
};
lines.push('## Requests by kind (first measured run)', '');
for (const size of sizes)
  for (const scn of scenarios) {
    const first = name =>
      samples.find(s => s.size === size && s.scenario === scn && s.tool === name && s.iteration === 1);
    const ig = first('imagegate');
    if (!ig?.trace) continue;
    const peer = ['skopeo', 'imagetools', 'oras', 'crane']
      .map(first)
      .filter(s => s?.trace && s.ok)
      .sort((a, b) => a.requests - b.requests)[0];
    lines.push(
      `- ${size} ${scn}: imagegate ${ig.requests}: ${breakdown(ig)}` +
        (peer ? `; ${peer.tool} ${peer.requests}: ${breakdown(peer)}` : '')
    );
  }
const inProcess = (size, scn) =>
  median(
    samples
      .filter(s => s.size === size && s.scenario === scn && s.tool === 'imagegate' && !s.warmup && s.reported)
      .map(s => s.reported.durationMs / 1000)
  );
lines.push(
  '',
  `imagegate's own \`durationMs\` (registry work inside the process, median): ${sizes
    .flatMap(size => scenarios.map(scn => `${size} ${scn} ${f2(inProcess(size, scn))} s`))
    .join(', ')}; the rest of its wall time is Node start-up, loading the bundle, reading the configuration and git.`,
  ''
);
lines.push(
  '## Notes',
  '',
  `- Node start-up floor: \`node dist/cli/index.js --version\` takes ${f2(floor.medianWithCa)} s here (${f2(floor.medianWithoutCa)} s with NODE_EXTRA_CA_CERTS unset), median of 7.`,
  `- This machine sets NODE_EXTRA_CA_CERTS=${process.env.NODE_EXTRA_CA_CERTS ? `\`${process.env.NODE_EXTRA_CA_CERTS}\`` : '(unset in this run)'}, which Node reads at every start; the \`imagegate promote, NODE_EXTRA_CA_CERTS unset\` rows are the same runs with it removed from the environment.`,
  "- imagegate runs the real CLI (`node dist/cli/index.js promote --json`) in a throwaway git repository whose `.imagegate.yml` sets the scenario's staging (S1/S4 `tag-prefix: staging-`, S2 `registry: localhost:5000/<other namespace>`, S3 `registry: localhost:5001/<namespace>`); the image is copied to the staging reference `plan --json` names before the timed run. S1–S3 run with `promote: {cleanup: false}`.",
  '- S4 for imagegate is a whole `promote` with `cleanup: true` in a state where the final tags already hold the staged digest: it reads the staging tag and the final tags ("unchanged") and then removes the staging tag, so its wall time, request count and writes include the promote; the goal line counts the removal alone, from the tombstone PUT over the staging tag to the end (the prune of the staging record included), as a peer’s delete command is all removal. skopeo delete and oras manifest delete delete the manifest by digest, which on distribution 2.8 removes every tag pointing at it — the final tags too.',
  "- S2/S3 publish one final tag (`t1`); S1 two (`t1`, `t2`; skopeo needs one copy per tag, docker one push per tag). Every run uses fresh repositories. skopeo runs with a fresh blob-info cache each time (as on a fresh CI runner): otherwise it mounts blobs it saw in earlier runs from other repositories. After each S3 run the destination's blob links are deleted, so no later run can mount those layers from it; S3 runs before anything else, while the final registry has never seen the layers.",
  "- docker pull/tag/push: with the containerd store `docker pull` fetches only the host platform (here its layers were already in the engine's content store from the build, so the pull is one manifest request); `docker push` of the index then stops because the arm64 and attestation manifests are not local. The local names are removed at the end.",
  `- Cleanup: everything was pushed under \`${ns}\`; at the end its manifests (so every tag) and blob links were deleted through the registry API. Blob data stays on disk until the registries are garbage-collected.`
);

mkdirSync(join(root, 'bench/results'), {recursive: true});
writeFileSync(join(root, 'bench/results/promote.md'), `${lines.join('\n')}\n`);
writeFileSync(
  join(root, 'bench/results/promote.json'),
  JSON.stringify(
    {
      runs,
      largeMb,
      namespace: ns,
      nodeExtraCaCerts: process.env.NODE_EXTRA_CA_CERTS ?? null,
      nodeStartFloor: floor,
      cli: {sha256: cliSha, git: gitHead, distDiffersFromCommit: distDirty},
      images: Object.fromEntries(
        Object.entries(images).map(([k, v]) => [
          k,
          {
            digest: v.digest,
            blobs: v.blobs.size,
            bytes: v.layerBytes,
            buildSeconds: v.buildSeconds,
            platforms: v.children.map(c => c.platform)
          }
        ])
      ),
      summary,
      samples
    },
    null,
    2
  )
);
process.stdout.write(`${lines.join('\n')}\n`);
