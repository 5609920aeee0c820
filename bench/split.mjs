#!/usr/bin/env node
// Benchmark: the split flow (one `gate --platform` job per platform, then `merge`) vs the single
// multi-platform `gate`, same fixture, interleaved, fresh NONCE per iteration (so every build does
// the same uncached work). Here both platform jobs run back to back on one 2-core machine, so the
// figures that matter are each job's own wall time and merge's overhead (wall, requests, bytes).
//   node bench/split.mjs [--runs N]        (needs the testbed: scripts/testbed up)
import {execFileSync, spawnSync} from 'node:child_process';
import {cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1] || 3);
const cli = join(root, 'dist/cli/index.js');
const registryLog = '/var/lib/imagegate-testbed/logs/registry-final.log';

function imagegate(dir, args) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [cli, ...args, '--json'], {cwd: dir, encoding: 'utf8'});
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) throw new Error(`imagegate ${args.join(' ')} → ${r.status}\n${r.stderr}`);
  return {seconds, report: JSON.parse(r.stdout)};
}

function fixture(nonce) {
  const dir = mkdtempSync(join(tmpdir(), 'imagegate-bench-split-'));
  cpSync(join(root, 'bench/fixtures/gate'), dir, {recursive: true});
  writeFileSync(
    join(dir, '.imagegate.yml'),
    `registry: localhost:5000/bench-split\nimages:\n  - name: app\n    platforms: [linux/amd64, linux/arm64]\n    build-args: {NONCE: "${nonce}"}\n    test:\n      - run: test -f /nonce\n      - run: ["/app/selftest", "--quick"]\n`
  );
  const git = args => execFileSync('git', ['-c', 'user.name=b', '-c', 'user.email=b@b', ...args], {cwd: dir});
  git(['init', '-q']);
  git(['add', '-A']);
  git(['commit', '-qm', 'bench']);
  return dir;
}

/** Registry access-log lines written while `fn` ran (requests merge made, and whether any blob moved). */
function logged(fn) {
  const before = readFileSync(registryLog, 'utf8').length;
  const result = fn();
  const lines = readFileSync(registryLog, 'utf8')
    .slice(before)
    .split('\n')
    .filter(l => /"(GET|HEAD|PUT|POST|PATCH|DELETE) \/v2\/bench-split\//.test(l));
  const blobWrites = lines.filter(l => /"(PUT|PATCH|POST) \/v2\/[^ ]*\/blobs\//.test(l)).length;
  return {...result, requests: lines.length, blobWrites};
}

const rows = [];
for (let i = 0; i < runs; i++) {
  const nonce = `${Date.now()}-${i}`;
  const single = imagegate(fixture(`s${nonce}`), ['gate']);
  const dir = fixture(`p${nonce}`);
  const amd64 = imagegate(dir, ['gate', '--platform', 'linux/amd64']);
  const arm64 = imagegate(dir, ['gate', '--platform', 'linux/arm64']);
  const merge = logged(() => imagegate(dir, ['merge']));
  const merged = merge.report.images[0];
  rows.push({
    single: single.seconds,
    amd64: amd64.seconds,
    arm64: arm64.seconds,
    merge: merge.seconds,
    mergeRequests: merge.requests,
    mergeClientRequests: merge.report.http.requests,
    mergeBytesSent: merge.report.http.bytesSent,
    mergeBlobWrites: merge.blobWrites,
    platforms: merged.platforms.length
  });
  process.stderr.write(`run ${i + 1}/${runs}: ${JSON.stringify(rows.at(-1))}\n`);
}

const median = key => {
  const v = rows.map(r => r[key]).sort((a, b) => a - b);
  return v[Math.floor(v.length / 2)];
};
const summary = {
  runs,
  nodeExtraCaCerts: Boolean(process.env.NODE_EXTRA_CA_CERTS),
  'single gate (both platforms) s': median('single'),
  'gate --platform linux/amd64 s': median('amd64'),
  'gate --platform linux/arm64 s (QEMU)': median('arm64'),
  'merge s': median('merge'),
  'merge requests (registry log)': median('mergeRequests'),
  'merge request body bytes': median('mergeBytesSent'),
  'merge blob writes': median('mergeBlobWrites')
};
console.log(JSON.stringify(summary, null, 2));
mkdirSync(join(root, 'bench/results'), {recursive: true});
writeFileSync(join(root, 'bench/results/split.json'), JSON.stringify({summary, rows}, null, 2));
