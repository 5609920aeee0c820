// Start-up of the CLI next to an empty Node: `node -e 0`, `imagegate --version` and `imagegate plan`
// on examples/multiarch, interleaved rounds, the ratio to `node -e 0` of the same round.
// Usage: node bench/startup.mjs [--runs N] [--bundle dist/cli/index.js]
// The machine may set NODE_EXTRA_CA_CERTS, which slows every Node start (reported with the figures).
import {spawnSync} from 'node:child_process';
import {resolve} from 'node:path';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const runs = Number(opt('--runs', '15'));
const bundle = resolve(opt('--bundle', 'dist/cli/index.js'));
const example = resolve('examples/multiarch');
const env = {...process.env, CI: '', GITHUB_ACTIONS: '', GITLAB_CI: ''};

const cases = {
  'node -e 0': [process.execPath, ['-e', '0'], process.cwd()],
  'imagegate --version': [process.execPath, [bundle, '--version'], process.cwd()],
  'imagegate plan': [process.execPath, [bundle, 'plan'], example]
};

function time([cmd, argv, cwd]) {
  const started = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, {cwd, env, stdio: ['ignore', 'ignore', 'pipe']});
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const median = xs => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

for (const c of Object.values(cases)) time(c); // warm-up: the page cache, the compile cache when Node has one
const results = Object.fromEntries(Object.keys(cases).map(k => [k, []]));
for (let round = 0; round < runs; round++) {
  for (const [name, c] of Object.entries(cases)) results[name].push(time(c));
}
const base = results['node -e 0'];
console.log(
  `node ${process.version}, NODE_EXTRA_CA_CERTS ${process.env.NODE_EXTRA_CA_CERTS ? 'set' : 'unset'}, ${runs} rounds`
);
console.log('| command | median ms | ratio to node -e 0 per round (median; min–max) |');
console.log('|---|---|---|');
for (const [name, xs] of Object.entries(results)) {
  const ratios = xs.map((x, i) => x / base[i]);
  console.log(
    `| ${name} | ${median(xs).toFixed(0)} | ${median(ratios).toFixed(2)} (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}) |`
  );
}
