#!/usr/bin/env node
// Benchmark: what a service test costs per platform, next to a plain command test and next to the
// same steps written by hand with `docker run` + curl, on examples/service-web (busybox httpd).
//   node bench/service.mjs [--runs N]          (needs the testbed: scripts/testbed up)
// imagegate's figures are the durations its report gives each test (start, wait until ready, three
// probes, stop and remove). The hand recipe does the same on the same built image: `docker run -d
// -p 127.0.0.1::8080`, `docker port`, curl polling /healthz/ every 250 ms (imagegate's interval), two
// curl probes, one `docker exec`, `docker stop`, `docker rm`. Rounds are interleaved; the overhead is
// imagegate ÷ hand − 1 per round, and the medians are printed. imagegate runs one test at a time
// (`test.concurrency: 1`), as the recipe does, so neither shares the 2 cores with the other platform.
import {execFileSync, spawnSync} from 'node:child_process';
import {cpSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const at = process.argv.indexOf('--runs');
const runs = at > 0 ? Number(process.argv[at + 1]) : 5;
const cli = join(root, 'dist/cli/index.js');
const platforms = ['linux/amd64', 'linux/arm64'];
const image = 'imagegate.bench/service-web:1';

function fixture(withCommand) {
  const dir = mkdtempSync(join(tmpdir(), 'imagegate-bench-service-'));
  cpSync(join(root, 'examples/service-web'), dir, {recursive: true});
  const file = join(dir, '.imagegate.yml');
  // One test at a time, as the hand recipe runs: each figure is one test's own cost, not shared cores.
  if (withCommand) {
    const config = `registry: localhost:5000/bench-service
images:
  - name: web
    platforms: [linux/amd64, linux/arm64]
    test:
      concurrency: 1
      commands:
        - test -s /app/start
`;
    writeFileSync(file, config);
  } else writeFileSync(file, readFileSync(file, 'utf8').replace(/^ {4}test:\n/m, '    test:\n      concurrency: 1\n'));
  const git = args => execFileSync('git', ['-c', 'user.name=b', '-c', 'user.email=b@b', ...args], {cwd: dir});
  git(['init', '-q']);
  git(['add', '-A']);
  git(['commit', '-q', '-m', 'bench']);
  return dir;
}

/** Per-platform test durations (ms) from one `imagegate check --json`. */
function imagegate(dir) {
  const r = spawnSync(process.execPath, [cli, 'check', '--json'], {cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26});
  if (r.status !== 0) throw new Error(`imagegate check failed (${r.status}):\n${r.stderr.slice(-2000)}`);
  const report = JSON.parse(r.stdout);
  const out = {};
  for (const p of report.images[0].platforms) out[p.platform] = p.tests.reduce((sum, t) => sum + t.durationMs, 0);
  return out;
}

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
const docker = args => execFileSync('docker', args, {encoding: 'utf8'}).trim();
const curl = url => spawnSync('curl', ['-fsS', '--max-time', '2', url], {encoding: 'utf8'});

/** The same service test by hand; its wall time in ms. */
async function byHand(platform) {
  const started = performance.now();
  const id = docker(['run', '-d', '--platform', platform, '-p', '127.0.0.1::8080', image]);
  try {
    const port = docker(['port', id, '8080/tcp']).split('\n')[0].split(':').pop();
    const base = `http://127.0.0.1:${port}`;
    for (let tries = 0; curl(`${base}/healthz/`).status !== 0; tries++) {
      if (tries > 600) throw new Error(`${platform}: never ready`);
      await sleep(250);
    }
    if (!curl(`${base}/`).stdout.includes('hello')) throw new Error('probe / failed');
    if (!/"status"\s*:\s*"ok"/.test(curl(`${base}/healthz/`).stdout)) throw new Error('probe /healthz/ failed');
    docker(['exec', id, 'test', '-s', '/app/www/index.html']);
    docker(['stop', id]);
  } finally {
    spawnSync('docker', ['rm', '-f', id]);
  }
  return performance.now() - started;
}

const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const service = fixture(false);
const command = fixture(true);
execFileSync(
  'docker',
  [
    'buildx',
    'build',
    '-q',
    '--platform',
    platforms.join(','),
    '--load',
    '-t',
    image,
    join(root, 'examples/service-web')
  ],
  {stdio: ['ignore', 'ignore', 'inherit']}
);
imagegate(service); // warm-up: the build is cached from here on
const rows = Object.fromEntries(platforms.map(p => [p, {service: [], command: [], hand: [], overhead: []}]));
for (let round = 0; round < runs; round++) {
  const s = imagegate(service);
  const c = imagegate(command);
  for (const p of platforms) {
    const hand = await byHand(p);
    rows[p].service.push(s[p]);
    rows[p].command.push(c[p]);
    rows[p].hand.push(hand);
    rows[p].overhead.push(s[p] / hand - 1);
  }
}
console.log(`service test vs command test vs by hand, ${runs} interleaved rounds, medians`);
console.log(
  '| platform | service test | command test | docker run + curl by hand | overhead per round (median; all) |'
);
console.log('|---|---|---|---|---|');
for (const p of platforms) {
  const r = rows[p];
  const pct = x => `${(x * 100).toFixed(0)} %`;
  console.log(
    `| ${p} | ${(median(r.service) / 1000).toFixed(2)} s | ${(median(r.command) / 1000).toFixed(2)} s | ${(median(r.hand) / 1000).toFixed(2)} s | ${pct(median(r.overhead))} (${r.overhead.map(pct).join(', ')}) |`
  );
}
spawnSync('docker', ['image', 'rm', image]);
