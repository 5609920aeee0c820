#!/usr/bin/env node
// Benchmark: the cost of the executables check (every executable's ELF header of each platform's
// filesystem, read from a `docker export` stream) on a ~500 MB two-platform image: the check's own
// time per platform from the report, and `imagegate check` end to end with the check on and off
// (`executables: {check: false}`), interleaved. The build is cached after the first run, so the
// difference between on and off is the check.
//   node bench/executables.mjs [--runs N] [--mb M]     (needs the testbed: scripts/testbed up)
import {execFileSync, spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const runs = arg('--runs', 5);
const mb = arg('--mb', 500);
const cli = join(root, 'dist/cli/index.js');
const base = 'localhost:5000/base/busybox:1';

// ~40% of the size in 1 MiB copies of busybox (executable ELF files), the rest in random data.
const copies = Math.round((mb * 0.4) / 1.1);
const randomMb = mb - Math.round(copies * 1.1);
const dockerfile = `FROM ${base}
RUN mkdir -p /opt/bin /data && for i in $(seq 1 ${copies}); do cp /bin/busybox /opt/bin/tool$i; done
RUN for i in $(seq 1 ${randomMb}); do head -c 1048576 /dev/urandom > /data/blob$i; done && chmod +x /data/blob1 /data/blob2
`;

function fixture(check) {
  const dir = mkdtempSync(join(tmpdir(), 'imagegate-bench-executables-'));
  writeFileSync(join(dir, 'Dockerfile'), dockerfile);
  writeFileSync(
    join(dir, '.imagegate.yml'),
    `registry: localhost:5000/bench-executables\nimages:\n  - name: big\n    platforms: [linux/amd64, linux/arm64]\n${check ? '' : '    executables: {check: false}\n'}    test:\n      - run: test -x /opt/bin/tool1\n`
  );
  const git = args => execFileSync('git', ['-c', 'user.name=b', '-c', 'user.email=b@b', ...args], {cwd: dir});
  git(['init', '-q']);
  git(['add', '-A']);
  git(['commit', '-qm', 'bench']);
  return dir;
}

function check(dir) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [cli, 'check', '--json'], {cwd: dir, encoding: 'utf8'});
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) throw new Error(`imagegate check → ${r.status}\n${r.stderr}`);
  return {seconds, report: JSON.parse(r.stdout)};
}

const on = fixture(true);
const off = fixture(false);
// Warm the build cache (both fixtures build the same image).
const warm = check(on);
const size = execFileSync(
  'docker',
  ['image', 'ls', '--format', '{{.Size}}', '--filter', 'reference=imagegate.local/big:*'],
  {
    encoding: 'utf8'
  }
).trim();
console.log(
  `image: ${mb} MB asked (${copies} busybox copies + ${randomMb} MiB random), engine reports ${size.split('\n')[0]}`
);
console.log(`warm-up check: ${warm.seconds.toFixed(1)}s`);

const rows = [];
for (let i = 0; i < runs; i++) {
  const withCheck = check(on);
  const without = check(off);
  const platforms = withCheck.report.images[0].platforms.map(p => ({platform: p.platform, ...p.executables}));
  rows.push({on: withCheck.seconds, off: without.seconds, platforms});
}

const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const out = {
  mb,
  runs,
  checkOnSeconds: median(rows.map(r => r.on)),
  checkOffSeconds: median(rows.map(r => r.off)),
  perPlatform: ['linux/amd64', 'linux/arm64'].map(platform => {
    const ps = rows.map(r => r.platforms.find(p => p.platform === platform));
    return {
      platform,
      medianSeconds: median(ps.map(p => p.durationMs / 1000)),
      executables: ps[0].checked,
      elf: ps[0].elf
    };
  })
};
console.log(JSON.stringify(out, null, 2));
mkdirSync(join(root, 'bench/results'), {recursive: true});
writeFileSync(
  join(root, 'bench/results', `executables-${Date.now()}.json`),
  `${JSON.stringify({rows, ...out}, null, 2)}\n`
);
