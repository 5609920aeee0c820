// The configuration loader never crashes and never takes long, whatever the file holds: random and
// mutated files each come back as a configuration or a list of diagnostics, within a time bound, and
// the CLI exits 0 or 2 on them. The unit run has a fixed seed; `npm run fuzz:config` runs longer
// with a new seed it prints (IMAGEGATE_FUZZ_RUNS cases; IMAGEGATE_FUZZ_SEED=S replays a run,
// IMAGEGATE_FUZZ_CASE=N one case of it). A failing input is written to a file the failure names.
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from '@jest/globals';
import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import type {Diagnostic} from '../../../src/core/config/diagnostics.js';
import {LIMITS} from '../../../src/core/config/limits.js';
import {loadConfig, type LoadResult} from '../../../src/core/config/load.js';
import {decodeConfig} from '../../../src/core/config/text.js';
import {runCli} from '../../helpers/cli.js';
import {caseSeed, hostile, mutate, mutateBytes, rng, schemaDocument, yamlText, type Rng} from '../../helpers/fuzz.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const root = join(HERE, '../../..');

const env = process.env;
const RUNS = Number(env.IMAGEGATE_FUZZ_RUNS ?? 400);
const SEED =
  env.IMAGEGATE_FUZZ_SEED === undefined
    ? 20250612
    : env.IMAGEGATE_FUZZ_SEED === 'random'
      ? Math.floor(Math.random() * 2 ** 31)
      : Number(env.IMAGEGATE_FUZZ_SEED);
const ONLY = env.IMAGEGATE_FUZZ_CASE === undefined ? undefined : Number(env.IMAGEGATE_FUZZ_CASE);
/** Milliseconds one file may take; the largest inputs take a few hundred. */
const BOUND_MS = 2000;

if (env.IMAGEGATE_FUZZ_RUNS !== undefined || env.IMAGEGATE_FUZZ_SEED !== undefined) {
  process.stderr.write(
    `configuration fuzz: seed ${SEED}, ${RUNS} cases; replay with IMAGEGATE_FUZZ_SEED=${SEED} IMAGEGATE_FUZZ_RUNS=${RUNS} npm run fuzz:config\n`
  );
}

const seeds = [
  ...['good', 'bad'].flatMap(kind => {
    const dir = join(root, '__tests__/fixtures/config', kind);
    return readdirSync(dir)
      .filter(f => f.endsWith('.yml'))
      .map(f => readFileSync(join(dir, f), 'utf8'));
  }),
  ...readdirSync(join(root, 'examples'))
    .map(d => join(root, 'examples', d, '.imagegate.yml'))
    .flatMap(f => {
      try {
        return [readFileSync(f, 'utf8')];
      } catch {
        return [];
      }
    })
];

type Input = {kind: string; text: string} | {kind: string; bytes: Uint8Array};

/** Case `index` of the run: a mutated real file, a document from the schema, mutated bytes, or a hostile file. */
function input(index: number): Input {
  const r = rng(caseSeed(SEED, index));
  const roll = r.next();
  if (roll < 0.45) return {kind: 'mutated file', text: mutate(r, r.pick(seeds))};
  if (roll < 0.65) return {kind: 'schema document', text: yamlText(r, schemaDocument(r))};
  if (roll < 0.82) return {kind: 'mutated schema document', text: mutate(r, yamlText(r, schemaDocument(r)))};
  if (roll < 0.95) return {kind: 'mutated bytes', bytes: mutateBytes(r, Buffer.from(r.pick(seeds)))};
  return {kind: 'hostile file', text: hostile(r)};
}

function load(i: Input): LoadResult {
  if ('text' in i) return loadConfig(i.text, 'fuzz.yml');
  const decoded = decodeConfig(i.bytes);
  return decoded.ok ? loadConfig(decoded.text, 'fuzz.yml') : {ok: false, diagnostics: decoded.diagnostics};
}

/** What is wrong with one result, if anything. */
function problem(result: LoadResult, ms: number): string | undefined {
  if (ms > BOUND_MS) return `took ${Math.round(ms)} ms`;
  const wellFormed = (d: Diagnostic): boolean =>
    Number.isInteger(d.line) &&
    Number.isInteger(d.col) &&
    d.line >= 1 &&
    d.col >= 1 &&
    typeof d.message === 'string' &&
    d.message.length > 0 &&
    d.message.length <= LIMITS.formattedLength + 1000;
  if (!result.ok) {
    if (result.diagnostics.length === 0) return 'refused without a diagnostic';
    if (result.diagnostics.length > LIMITS.diagnostics + 1) return `${result.diagnostics.length} diagnostics`;
    const bad = result.diagnostics.find(d => !wellFormed(d));
    return bad ? `malformed diagnostic ${JSON.stringify(bad).slice(0, 300)}` : undefined;
  }
  const odd = notPlain(result.config, 'config');
  if (odd) return `${odd} in the configuration`;
  if (!result.warnings.every(wellFormed)) return 'malformed warning';
  for (const image of result.config.images) {
    for (const command of image.test.commands) {
      if (command.timeoutMs < LIMITS.timeoutMinMs || command.timeoutMs > LIMITS.timeoutMaxMs)
        return `timeout ${command.timeoutMs} ms accepted`;
    }
  }
  return undefined;
}

/** The path of the first value that is not a string, number, boolean, list or plain object (a Buffer, a Date). */
function notPlain(value: unknown, path: string): string | undefined {
  if (value === undefined || ['string', 'number', 'boolean'].includes(typeof value)) return undefined;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const odd = notPlain(item, `${path}[${i}]`);
      if (odd) return odd;
    }
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) {
    return `${path} = ${Object.prototype.toString.call(value)}`;
  }
  for (const [key, item] of Object.entries(value)) {
    const odd = notPlain(item, `${path}.${key}`);
    if (odd) return odd;
  }
  return undefined;
}

/** The failure, with the input written to a file to look at and the way to replay it. */
function report(index: number, i: Input, what: string): string {
  const file = join(tmpdir(), `imagegate-fuzz-${SEED}-${index}.yml`);
  writeFileSync(file, 'text' in i ? i.text : i.bytes);
  return `case ${index} (${i.kind}): ${what}; input in ${file}; replay: IMAGEGATE_FUZZ_SEED=${SEED} IMAGEGATE_FUZZ_CASE=${index} npm run fuzz:config`;
}

describe('configuration fuzz', () => {
  it(`loads ${ONLY === undefined ? RUNS : 1} random and mutated files (seed ${SEED}): a config or diagnostics, never a throw, each within ${BOUND_MS} ms`, () => {
    const failures: string[] = [];
    const outcomes = {ok: 0, refused: 0};
    for (const index of ONLY === undefined ? Array.from({length: RUNS}, (_, n) => n) : [ONLY]) {
      const i = input(index);
      const start = performance.now();
      let result: LoadResult;
      try {
        result = load(i);
      } catch (e) {
        failures.push(report(index, i, `threw ${(e as Error).stack ?? String(e)}`));
        continue;
      }
      const found = problem(result, performance.now() - start);
      if (found) failures.push(report(index, i, found));
      outcomes[result.ok ? 'ok' : 'refused']++;
    }
    expect(failures).toEqual([]);
    // The inputs reach past the YAML: some files pass every check.
    if (ONLY === undefined && RUNS >= 200) expect(outcomes.ok).toBeGreaterThan(0);
  });

  it('the CLI exits 0 or 2 on mutated files', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'imagegate-fuzz-cli-'));
    mkdirSync(join(repo, 'ctx'));
    writeFileSync(join(repo, 'ctx', 'Dockerfile'), 'FROM scratch\n');
    writeFileSync(join(repo, 'Dockerfile'), 'FROM scratch\n');
    const git = (...args: string[]): string => execFileSync('git', args, {cwd: repo, encoding: 'utf8'});
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'ctx');
    const r: Rng = rng(caseSeed(SEED, -1));
    const failures: string[] = [];
    const codes: number[] = [];
    const example = readFileSync(join(root, 'examples/multiarch/.imagegate.yml'), 'utf8');
    const bad = readFileSync(join(root, '__tests__/fixtures/config/bad/08-unknown-image-key.yml'), 'utf8');
    for (let n = 0; n < 10; n++) {
      const text = [
        () => example,
        () => bad,
        () => mutate(r, r.pick(seeds)),
        () => yamlText(r, schemaDocument(r, 0)),
        () => mutate(r, yamlText(r, schemaDocument(r)))
      ][Math.min(n, 2 + (n % 3))]!();
      writeFileSync(join(repo, 'fuzz.yml'), text);
      const start = performance.now();
      const result = await runCli(['plan', '--config', 'fuzz.yml'], {cwd: repo});
      const ms = performance.now() - start;
      codes.push(result.code);
      if (![0, 2].includes(result.code) || ms > BOUND_MS * 5)
        failures.push(
          report(
            n,
            {kind: 'CLI', text},
            `exit ${result.code} after ${Math.round(ms)} ms: ${result.stderr.slice(0, 500)}`
          )
        );
    }
    rmSync(repo, {recursive: true, force: true});
    expect(failures).toEqual([]);
    expect(codes.slice(0, 2)).toEqual([0, 2]);
  });
});
