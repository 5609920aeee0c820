#!/usr/bin/env node
// Benchmark: imagegate gate vs Docker's documented "test before push" recipe vs a plain
// multi-platform build+push, on the same image, same cache state, interleaved in one run.
//   node bench/gate.mjs [--runs N]        (needs the testbed: scripts/testbed up)
// Each iteration gets a fresh NONCE build-arg, so every tool rebuilds the same uncached steps.
import {execFileSync, spawnSync} from 'node:child_process';
import {cpSync, mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1] || 5);
const platforms = 'linux/amd64,linux/arm64';
const registry = 'localhost:5000/bench';

// distribution 2.8 sometimes answers a 500 to buildx's concurrent manifest pushes; a push is
// retried once (and counted) so one registry hiccup does not end the whole benchmark.
let retries = 0;
function sh(cmd, args, opts = {}) {
  let r = spawnSync(cmd, args, {encoding: 'utf8', ...opts});
  if (r.status !== 0 && args.includes('--push')) {
    retries++;
    r = spawnSync(cmd, args, {encoding: 'utf8', ...opts});
  }
  if (r.status !== 0 && !opts.allowFail) throw new Error(`${cmd} ${args.join(' ')} → ${r.status}\n${r.stderr}`);
  return r;
}
function timed(fn) {
  const t = process.hrtime.bigint();
  const extra = fn();
  return {seconds: Number(process.hrtime.bigint() - t) / 1e9, ...extra};
}

function fixture() {
  const dir = mkdtempSync(join(tmpdir(), 'imagegate-bench-'));
  cpSync(join(root, 'bench/fixtures/gate'), dir, {recursive: true});
  return dir;
}

/** The multi-platform build and push both Docker flows end with. */
function pushAllPlatforms(name, nonce, dir) {
  sh('docker', [
    'buildx',
    'build',
    '--provenance=mode=min',
    '--platform',
    platforms,
    '--build-arg',
    `NONCE=${nonce}`,
    '--push',
    '-t',
    `${registry}/${name}:${nonce}`,
    dir
  ]);
}

const tools = {
  imagegate(nonce) {
    const dir = fixture();
    writeFileSync(
      join(dir, '.imagegate.yml'),
      `registry: ${registry}\nimages:\n  - name: gate\n    platforms: [linux/amd64, linux/arm64]\n    build-args: {NONCE: "${nonce}"}\n    test:\n      - run: test -f /nonce\n      - run: ["/app/selftest", "--quick"]\n`
    );
    execFileSync('git', ['init', '-q'], {cwd: dir});
    execFileSync('git', ['-c', 'user.name=b', '-c', 'user.email=b@b', 'add', '-A'], {cwd: dir});
    execFileSync('git', ['-c', 'user.name=b', '-c', 'user.email=b@b', 'commit', '-qm', 'bench'], {cwd: dir});
    let report;
    const result = timed(() => {
      const r = sh(process.execPath, [join(root, 'dist/cli/index.js'), 'gate', '--json'], {cwd: dir});
      report = JSON.parse(r.stdout);
    });
    const image = report.images[0];
    // Platforms test side by side: the longest platform's tests (first start to last end) is what a run must add.
    const testSeconds = Math.max(...image.platforms.map(p => p.durationMs ?? 0)) / 1000;
    if (image.pushed.digest !== image.digest) throw new Error('imagegate pushed a digest other than the tested one');
    return {...result, testSeconds, tested: 'linux/amd64 + linux/arm64', pushedIsTested: true};
  },
  recipe(nonce) {
    // docs.docker.com "Test before push": load amd64, test it, then build+push all platforms.
    const dir = fixture();
    const local = `bench-recipe:${nonce}`;
    return timed(() => {
      sh('docker', [
        'buildx',
        'build',
        '--provenance=mode=min',
        '--platform',
        'linux/amd64',
        '--build-arg',
        `NONCE=${nonce}`,
        '--load',
        '-t',
        local,
        dir
      ]);
      sh('docker', [
        'run',
        '--rm',
        '--platform',
        'linux/amd64',
        '--entrypoint',
        '/bin/sh',
        local,
        '-c',
        'test -f /nonce'
      ]);
      sh('docker', ['run', '--rm', '--platform', 'linux/amd64', '--entrypoint', '/app/selftest', local, '--quick']);
      pushAllPlatforms('recipe', nonce, dir);
      sh('docker', ['image', 'rm', local]);
      return {tested: 'linux/amd64 only', pushedIsTested: 'not checked (second build)'};
    });
  },
  plain(nonce) {
    const dir = fixture();
    return timed(() => {
      pushAllPlatforms('plain', nonce, dir);
      return {tested: 'nothing', pushedIsTested: 'n/a'};
    });
  }
};

const median = xs => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

sh('docker', ['info'], {stdio: 'ignore'});
const samples = {imagegate: [], recipe: [], plain: []};
// One warm-up round so every tool starts from the same warm base-image cache.
for (const [name, run] of Object.entries(tools)) run(`warmup-${name}-${Date.now()}`);
for (let i = 0; i < runs; i++) {
  const order = Object.keys(tools);
  if (i % 2) order.reverse();
  for (const name of order) {
    const sample = tools[name](`${name}-${Date.now()}-${i}`);
    samples[name].push(sample);
    process.stderr.write(`run ${i + 1}/${runs} ${name}: ${sample.seconds.toFixed(2)}s\n`);
  }
}
const m = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v.map(s => s.seconds))]));
const testSeconds = median(samples.imagegate.map(s => s.testSeconds));
const budget = m.plain + testSeconds;
const lines = [
  `# gate benchmark (${runs} interleaved runs, medians; Node start-up slowed by NODE_EXTRA_CA_CERTS=${process.env.NODE_EXTRA_CA_CERTS ? 'set' : 'unset'})`,
  '',
  '| flow | wall (median) | ratio to plain build+push | platforms tested | pushed bytes = tested bytes |',
  '|---|---|---|---|---|',
  `| imagegate gate | ${m.imagegate.toFixed(2)} s | ${(m.imagegate / m.plain).toFixed(2)} | linux/amd64 + linux/arm64 | yes (digest read back) |`,
  `| Docker's test-before-push recipe | ${m.recipe.toFixed(2)} s | ${(m.recipe / m.plain).toFixed(2)} | linux/amd64 only | not guaranteed (second build) |`,
  `| plain buildx build --push | ${m.plain.toFixed(2)} s | 1.00 | none | n/a |`,
  '',
  `The longest platform's tests inside imagegate's run (median): ${testSeconds.toFixed(2)} s. Pushes retried after a registry 5xx: ${retries}.`,
  `Goal: gate ≤ 1.0 × plain build+push + the longest platform's test time = ${budget.toFixed(2)} s → ${m.imagegate <= budget ? 'met' : 'NOT met'} (${m.imagegate.toFixed(2)} s; per round: ${samples.imagegate.map((s, i) => (s.seconds / (samples.plain[i].seconds + s.testSeconds)).toFixed(2)).join(', ')} of that budget).`
];
mkdirSync(join(root, 'bench/results'), {recursive: true});
writeFileSync(join(root, 'bench/results/gate.md'), `${lines.join('\n')}\n`);
writeFileSync(join(root, 'bench/results/gate.json'), JSON.stringify({runs, medians: m, testSeconds, samples}, null, 2));
process.stdout.write(`${lines.join('\n')}\n`);
