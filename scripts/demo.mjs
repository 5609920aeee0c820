// npm run demo, after scripts/demo made sure the testbed and dist/ are there: runs `imagegate gate`
// on each example against the testbed's registry and shows, per example, the expected outcome next
// to the actual one (exit code, which image fails on which platform and which check, what was
// pushed, read back independently of imagegate). Exits 1 if any example did not
// turn out as expected.
import {spawn} from 'node:child_process';
import {createHash} from 'node:crypto';
import {createWriteStream} from 'node:fs';

const CLI = 'dist/cli/index.js';

// Per image: 'pass', or for each platform that must fail, the names of the checks that must fail
// there (every other platform must pass).
const EXAMPLES = [
  {dir: 'multiarch', what: 'tests pass on amd64 and on arm64 (QEMU)', expect: {web: 'pass'}},
  {
    dir: 'amd64-only',
    what: "the vendor's CLI exists for amd64 only",
    expect: {'vendor-cli': {'linux/arm64': ['the CLI starts', 'executables are for linux/arm64']}}
  },
  {
    dir: 'nonroot-write',
    what: 'USER app cannot write to the root-owned /app',
    expect: {'cache-writer': {'linux/amd64': ['serve warms its cache'], 'linux/arm64': ['serve warms its cache']}}
  },
  {dir: 'distroless', what: 'no shell: file and metadata checks read the image itself', expect: {job: 'pass'}},
  {
    dir: 'service-readonly',
    what: 'the readiness probe fails only under readOnlyRootFilesystem; the fixed twin passes',
    expect: {broken: {'linux/amd64': ['service: service'], 'linux/arm64': ['service: service']}, fixed: 'pass'}
  },
  {
    dir: 'service-arm64-crash',
    what: 'the arm64 variant crashes at start',
    expect: {crashy: {'linux/arm64': ['service: web']}}
  }
];

const ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json'
].join(', ');

/** Runs the CLI; stdout is returned, stderr goes to `logFile` when given. */
function cli(args, logFile) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {stdio: ['ignore', 'pipe', logFile ? 'pipe' : 'ignore']});
    let stdout = '';
    child.stdout.on('data', c => void (stdout += c));
    if (logFile) child.stderr.pipe(createWriteStream(logFile));
    child.on('error', reject);
    child.on('close', code => resolve({code: code ?? 1, stdout}));
  });
}

function json(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** `host:port/a/b:tag` → {host, repo, tag}. */
function splitRef(ref) {
  const slash = ref.indexOf('/');
  const rest = ref.slice(slash + 1).replace(/@.*$/, '');
  const colon = rest.lastIndexOf(':');
  return {host: ref.slice(0, slash), repo: colon > 0 ? rest.slice(0, colon) : rest, tag: rest.slice(colon + 1)};
}

async function tags(repository) {
  const {host, repo} = splitRef(`${repository}:x`);
  const res = await fetch(`http://${host}/v2/${repo}/tags/list`);
  if (res.status === 404) return [];
  return ((await res.json()).tags ?? []).sort();
}

/** The digest of the bytes the registry serves for `ref`, or undefined. */
async function servedDigest(ref) {
  const {host, repo, tag} = splitRef(ref);
  const res = await fetch(`http://${host}/v2/${repo}/manifests/${tag}`, {headers: {accept: ACCEPT}});
  if (!res.ok) return undefined;
  return `sha256:${createHash('sha256')
    .update(Buffer.from(await res.arrayBuffer()))
    .digest('hex')}`;
}

/** The repositories an image's gate may write to: its own and its staging one. */
function repositories(planImage) {
  const out = new Set([planImage.repository.value]);
  if (planImage.staging?.value)
    out.add(`${splitRef(planImage.staging.value).host}/${splitRef(planImage.staging.value).repo}`);
  return [...out];
}

const failedOn = (spec, platform) => (spec === 'pass' ? [] : (spec[platform] ?? []));

/** `a (x), b (x), c (y)` → `a, b (x), c (y)`: platforms that failed alike, named together. */
function grouped(failures) {
  const groups = [];
  for (const {platform, what} of failures) {
    const last = groups[groups.length - 1];
    if (last && last.what === what) last.platforms.push(platform);
    else groups.push({platforms: [platform], what});
  }
  return groups.map(g => `${g.platforms.join(', ')} (${g.what})`).join(', ');
}

function describeExpected(name, spec, platforms) {
  const failing = platforms.filter(p => failedOn(spec, p).length);
  if (!failing.length) return `${name} passes on ${platforms.join(', ')}`;
  return `${name} fails on ${grouped(failing.map(p => ({platform: p, what: failedOn(spec, p).join(', ')})))}`;
}

function describeActual(image) {
  if (!image) return 'no result';
  const failing = image.platforms
    .map(p => ({platform: p.platform, tests: p.tests.filter(t => t.status !== 'passed')}))
    .filter(p => p.tests.length);
  if (image.status !== 'passed' && !failing.length) return `${image.name} ${image.status}: ${image.reason ?? '?'}`;
  if (!failing.length) {
    const kinds = image.platforms[0]?.tests ?? [];
    const count = prefix => kinds.filter(t => t.name.startsWith(prefix)).length;
    const files = count('file ');
    const metadata = count('metadata ');
    const services = count('service: ');
    const commands = kinds.length - files - metadata - services;
    const parts = [
      commands && `${commands} command(s)`,
      services && `${services} service test(s)`,
      files && `${files} file check(s)`,
      metadata && `${metadata} metadata check(s)`
    ].filter(Boolean);
    return `${image.name} passes on ${image.platforms.map(p => p.platform).join(', ')} (each: ${parts.join(', ')})`;
  }
  const why = t => (t.error ? `: ${oneLine(t.error)}` : t.exitCode !== undefined ? `: exit ${t.exitCode}` : '');
  const what = failing.map(p => ({platform: p.platform, what: p.tests.map(t => `${t.name}${why(t)}`).join(', ')}));
  return `${image.name} fails on ${grouped(what)}`;
}

function oneLine(text) {
  const line = text.split('\n')[0].trim();
  return line.length > 70 ? `${line.slice(0, 70)}…` : line;
}

function matches(image, spec, platforms) {
  if (!image) return false;
  const tested = image.platforms.map(p => p.platform);
  if (tested.join(',') !== platforms.join(',')) return false;
  for (const p of image.platforms) {
    const failed = p.tests
      .filter(t => t.status !== 'passed')
      .map(t => t.name)
      .sort();
    if (failed.join('\n') !== [...failedOn(spec, p.platform)].sort().join('\n')) return false;
  }
  return (image.status === 'passed') === (spec === 'pass');
}

async function runExample(example) {
  const config = `examples/${example.dir}/.imagegate.yml`;
  const log = `/tmp/imagegate-demo-${example.dir}.log`;
  const plan = json((await cli(['plan', '--json', '--config', config])).stdout);
  if (!plan) throw new Error(`imagegate plan --config ${config} printed no plan`);
  const planned = new Map(plan.images.map(i => [i.name, i]));
  const before = new Map();
  for (const image of plan.images) for (const r of repositories(image)) before.set(r, await tags(r));

  const t0 = Date.now();
  const gate = await cli(['gate', '--json', '--config', config], log);
  const seconds = ((Date.now() - t0) / 1000).toFixed(0);
  const report = json(gate.stdout);

  const allPass = Object.values(example.expect).every(s => s === 'pass');
  const expectedImages = Object.entries(example.expect).map(([name, spec]) =>
    describeExpected(name, spec, planned.get(name)?.platforms.value ?? [])
  );
  const expected = `exit ${allPass ? 0 : 1}, ${allPass ? 'pushed' : 'nothing pushed'}; ${expectedImages.join('; ')}`;

  let ok = gate.code === (allPass ? 0 : 1) && report !== undefined;
  let pushed = 'no report';
  if (report) {
    const byName = new Map(report.images.map(i => [i.name, i]));
    for (const [name, spec] of Object.entries(example.expect))
      ok &&= matches(byName.get(name), spec, planned.get(name)?.platforms.value ?? []);
    // What the registry holds now, asked directly: the tested digest under the staging tag, or no new tag.
    const grown = [];
    for (const [repository, had] of before) {
      const now = await tags(repository);
      const added = now.filter(t => !had.includes(t));
      if (added.length) grown.push(`${repository}: ${added.join(', ')}`);
    }
    if (report.pushed) {
      const read = [];
      for (const image of report.images) {
        const digest = image.pushed && (await servedDigest(image.pushed.ref));
        const same = digest !== undefined && digest === image.pushed?.digest;
        ok &&= same;
        read.push(
          image.pushed
            ? `${image.pushed.ref} (${image.pushed.digest.slice(0, 19)}…, ${same ? 'read back' : `the registry serves ${digest ?? 'nothing'}`})`
            : `${image.name}: nothing`
        );
      }
      ok &&= allPass;
      pushed = `pushed ${read.join(', ')}`;
    } else {
      ok &&= !allPass && !grown.length;
      pushed = grown.length
        ? `nothing pushed, says imagegate, but the registry has new tags: ${grown.join('; ')}`
        : 'nothing pushed';
    }
  }
  const actualImages = Object.keys(example.expect).map(name =>
    describeActual(report?.images.find(i => i.name === name))
  );
  const actual = `exit ${gate.code}, ${pushed}; ${actualImages.join('; ')}`;

  console.log(`\n\u001b[1mexamples/${example.dir}\u001b[0m: ${example.what}`);
  console.log(`  expected  ${expected}`);
  console.log(`  actual    ${actual}`);
  console.log(`  ${ok ? '\u2713 as expected' : '\u2717 NOT AS EXPECTED'} (${seconds}s; log: ${log})`);
  return ok;
}

const only = process.argv.slice(2);
const chosen = only.length ? EXAMPLES.filter(e => only.includes(e.dir)) : EXAMPLES;
const wrong = [];
for (const example of chosen) if (!(await runExample(example))) wrong.push(example.dir);
console.log(
  wrong.length
    ? `\n${wrong.length} of ${chosen.length} example(s) did not turn out as expected: ${wrong.join(', ')}`
    : `\nall ${chosen.length} examples turned out as expected`
);
process.exit(wrong.length ? 1 : 0);
