// The limits of limits.ts, each at its edge, and the time the whole check takes on the largest files:
// linear (the figures in docs/configuration.md#limits come from here:
// `npm run test:unit -- --verbose __tests__/core/config/limits.test.ts`). The time bounds only catch
// a return of the super-linear checks (over a minute on these files before the limits): they are
// loose enough for a loaded 2-core machine, and the figures themselves are measured, not asserted.
import {describe, expect, it} from '@jest/globals';
import {LIMITS} from '../../../src/core/config/limits.js';
import {loadConfig, type LoadResult} from '../../../src/core/config/load.js';
import {parseYaml} from '../../../src/core/config/parse.js';
import {checkDocument} from '../../../src/core/config/semantics.js';
import {decodeConfig} from '../../../src/core/config/text.js';
import {walkDocument} from '../../../src/core/config/validate.js';

const HEAD = 'registry: localhost:5000/acme\nimages:\n  - name: web\n';
const MB = 1000 * 1000;

function messages(r: LoadResult): string[] {
  return r.ok ? [] : r.diagnostics.map(d => `${d.line}:${d.col}: ${d.message}`);
}

/** The result and how long it took, in milliseconds. */
function timed<T>(f: () => T): [T, number] {
  const start = performance.now();
  const result = f();
  return [result, performance.now() - start];
}

describe('the size of a file', () => {
  it(`a file over ${LIMITS.fileBytes} bytes is refused before it is parsed`, () => {
    const text = HEAD + `    labels:\n${'      a: b\n'.repeat(200_000)}`;
    expect(text.length).toBeGreaterThan(LIMITS.fileBytes);
    const [r, ms] = timed(() => loadConfig(text, 'x.yml'));
    expect(messages(r)).toEqual(['1:1: the file is larger than 1 MiB, the most a configuration file may hold']);
    expect(ms).toBeLessThan(1000);
    expect(decodeConfig(Buffer.alloc(LIMITS.fileBytes + 1, 0x20))).toMatchObject({ok: false});
  });

  it('100,000 keys are refused at the limit of keys and values, long before they are all read', () => {
    const text = `registry: localhost:5000/acme\nimages: [{name: web, labels: {${Array.from({length: 100_000}, (_, i) => `k${i.toString(36)}: 0`).join(', ')}}}]\n`;
    expect(text.length).toBeLessThan(LIMITS.fileBytes);
    const [r, ms] = timed(() => loadConfig(text, 'x.yml'));
    expect(messages(r)).toEqual([expect.stringContaining(`more than ${LIMITS.values} keys and values`)]);
    expect(ms).toBeLessThan(10_000);
  });

  it('a file at the size limit with long values loads in well under 2 s', () => {
    const value = 'x'.repeat(10_000);
    const text = HEAD + `    labels:\n${Array.from({length: 100}, (_, i) => `      l${i}: "${value}\\n"\n`).join('')}`;
    expect(text.length).toBeGreaterThan(0.95 * LIMITS.fileBytes);
    const [r, ms] = timed(() => loadConfig(text, 'x.yml'));
    expect(r.ok).toBe(true);
    expect(ms).toBeLessThan(10_000);
  });

  it('the check itself is linear: 10 MB of values pass parse, schema walk and checks in under 2 s', () => {
    const value = 'x'.repeat(10_000);
    const text = HEAD + `    labels:\n${Array.from({length: 1000}, (_, i) => `      l${i}: ${value}\n`).join('')}`;
    expect(text.length).toBeGreaterThan(10 * MB);
    const [ok, ms] = timed(() => {
      const parsed = parseYaml(text);
      if (!parsed.ok) return false;
      const walked = walkDocument(parsed.doc, parsed.lines);
      return walked.ok && checkDocument(walked.value, walked.positions).ok;
    });
    expect(ok).toBe(true);
    expect(ms).toBeLessThan(10_000);
  });

  it(`more than ${LIMITS.tokens} YAML tokens are refused where the limit is reached`, () => {
    const text = '#\n'.repeat(500_001) + HEAD;
    expect(text.length).toBeLessThan(LIMITS.fileBytes);
    const [r, ms] = timed(() => loadConfig(text, 'x.yml'));
    expect(messages(r)).toEqual([expect.stringMatching(/^250001:1: the file holds more than 500000 YAML tokens/)]);
    expect(ms).toBeLessThan(10_000);
  });
});

describe('nesting', () => {
  const nested = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;

  it(`${LIMITS.depth} levels parse, one more is refused where it opens`, () => {
    expect(parseYaml(nested(LIMITS.depth)).ok).toBe(true);
    const r = parseYaml(nested(LIMITS.depth + 1));
    expect(r).toEqual({
      ok: false,
      diagnostics: [{line: 1, col: LIMITS.depth + 1, message: expect.stringContaining('nested more than 32 levels')}]
    });
  });

  it('nesting that would exhaust the stack is refused at once, block or flow', () => {
    const block = Array.from({length: 5000}, (_, i) => `${' '.repeat(i)}k:`).join('\n');
    for (const text of [nested(200_000), block, '- '.repeat(100_000)]) {
      const [r, ms] = timed(() => parseYaml(text));
      expect(r.ok).toBe(false);
      expect(ms).toBeLessThan(2500);
    }
  });
});

describe('values', () => {
  const command = (extra: string): string => `${HEAD}    test:\n      - run: sleep 1\n${extra}`;

  it('a time limit is from 1s to 24h', () => {
    for (const ok of ['1s', '1000ms', '24h', '23h59m60s', '10m'])
      expect([ok, loadConfig(command(`        timeout: ${ok}\n`), 'x.yml').ok]).toEqual([ok, true]);
    for (const [bad, message] of [
      ['999ms', '`999ms` is too short: a time limit is at least `1s`'],
      ['24h1ms', '`24h1ms` is too long: a time limit is at most `24h`'],
      ['99999999999999999999h', '`99999999999999999999h` is too long'],
      ['0s', '`0s` is too short']
    ] as const) {
      expect(messages(loadConfig(command(`        timeout: ${bad}\n`), 'x.yml'))).toEqual([
        expect.stringContaining(message)
      ]);
    }
  });

  it(`a command may have ${LIMITS.textLength} characters, a formatted value ${LIMITS.formattedLength}`, () => {
    const run = (n: number): LoadResult => loadConfig(`${HEAD}    test:\n      - run: "${'x'.repeat(n)}"\n`, 'x.yml');
    expect(run(LIMITS.textLength).ok).toBe(true);
    expect(messages(run(LIMITS.textLength + 1))).toEqual([
      `5:14: \`images[0].test[0].run\` is ${LIMITS.textLength + 1} characters long; it may be at most ${LIMITS.textLength}`
    ]);
    const context = (n: number): LoadResult => loadConfig(`${HEAD}    context: ${'a'.repeat(n)}\n`, 'x.yml');
    expect(context(LIMITS.formattedLength).ok).toBe(true);
    expect(context(LIMITS.formattedLength + 1).ok).toBe(false);
  });

  it('an image name has at most 128 characters', () => {
    const named = (n: number): LoadResult =>
      loadConfig(`registry: localhost:5000/acme\nimages:\n  - name: ${'a'.repeat(n)}\n`, 'x.yml');
    expect(named(128).ok).toBe(true);
    expect(messages(named(129))).toEqual(['3:11: `images[0].name` is 129 characters long; it may be at most 128']);
  });

  it('numbers and booleans of an environment map are taken as written, or refused', () => {
    const r = loadConfig(`${HEAD}    build-args: {A: 4, B: false, C: -1.5, D: 1e3}\n`, 'x.yml');
    expect(messages(r)).toEqual([
      '4:46: `images[0].build-args.D` is read as the number 1000, not `1e3`; quote it: `"1e3"`'
    ]);
    const ok = loadConfig(`${HEAD}    build-args: {A: 4, B: false, C: -1.5, D: "1e3"}\n`, 'x.yml');
    expect(ok.ok && ok.config.images[0]!.buildArgs).toEqual({A: '4', B: 'false', C: '-1.5', D: '1e3'});
  });
});

describe('the checks across images', () => {
  it('a depends-on cycle through 2,500 images is found in one pass and named by its ends', () => {
    const n = 2500;
    const images = Array.from({length: n}, (_, i) => `  - {name: i${i}, depends-on: i${(i + 1) % n}}\n`).join('');
    const [r, ms] = timed(() => loadConfig(`registry: localhost:5000/acme\nimages:\n${images}`, 'x.yml'));
    expect(messages(r)).toEqual([
      `3:28: \`depends-on\` forms a cycle: i0 → i1 → i2 → i3 → i4 → i5 → i6 → i7 → i8 → i9 → … (${n - 11} more) → i${n - 1} → i0`
    ]);
    expect(ms).toBeLessThan(10_000);
  });
});

describe('YAML features', () => {
  it('`!!str` makes a value a string, as quotes do', () => {
    const r = loadConfig('registry: !!str localhost:5000/acme\nimages:\n  - name: !!str web\n', 'x.yml');
    expect(r.ok && r.config.images[0]!.name).toBe('web');
  });

  it('every other tag is refused where it is written', () => {
    for (const tag of ['!!binary', '!!int', '!!map', '!!timestamp', '!!set', '!', '!local', '!<tag:yaml.org,2002:str>'])
      expect(messages(loadConfig(`${HEAD}    target: ${tag} x\n`, 'x.yml'))).toEqual([
        expect.stringMatching(/^4:13: YAML tag `.+` is not supported/)
      ]);
  });

  it('a byte order mark and Windows line ends read as the plain file', () => {
    const text = `\ufeff${HEAD}    platforms: [linux/amd64]\n`.replace(/\n/g, '\r\n');
    const decoded = decodeConfig(Buffer.from(text, 'utf8'));
    expect(decoded.ok).toBe(true);
    const r = decoded.ok ? loadConfig(decoded.text, 'x.yml') : undefined;
    expect(r?.ok && r.config.images[0]!.platforms).toEqual(['linux/amd64']);
    expect(r?.ok && r.source.where('images[0].platforms')).toBe('x.yml:4');
  });

  it('duplicate keys are found in one pass, in every mapping', () => {
    const keys = Array.from({length: 5000}, (_, i) => `a${i}: 0`).join(', ');
    const r = loadConfig(`${HEAD}    labels: {${keys}, a4999: 1}\n`, 'x.yml');
    expect(messages(r)).toEqual([expect.stringContaining('duplicate key `a4999`')]);
  });

  it('an alias that contains itself is refused, not followed forever', () => {
    const r = loadConfig(`registry: localhost:5000/acme\nimages: &all [{name: web}, *all]\n`, 'x.yml');
    expect(r.ok).toBe(false);
  });

  it('an alias bomb stops at the limit of keys and values', () => {
    // Aliases of aliases: 30 × 30 × 30 values from 90 aliases.
    const k = (item: string): string => Array<string>(30).fill(item).join(', ');
    const bomb = [
      'registry: localhost:5000/acme',
      `x-argv: &argv [${k('x')}]`,
      'x-command: &command {run: *argv}',
      `x-image: &image {name: web, test: [${k('*command')}]}`,
      `images: [${k('*image')}]`
    ].join('\n');
    const [r, ms] = timed(() => loadConfig(bomb, 'x.yml'));
    expect(messages(r)).toContainEqual(expect.stringContaining(`more than ${LIMITS.values} keys and values`));
    expect(ms).toBeLessThan(10_000);
  });
});

describe('diagnostics', () => {
  it(`at most ${LIMITS.diagnostics} are listed, and one more line counts the rest`, () => {
    const keys = Array.from({length: 80}, (_, i) => `    unknown${i}: x\n`).join('');
    const r = loadConfig(HEAD + keys, 'x.yml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics).toHaveLength(LIMITS.diagnostics + 1);
    expect(r.diagnostics[LIMITS.diagnostics]).toEqual({
      line: 4 + LIMITS.diagnostics,
      col: 5,
      message: 'and 30 more problems from here on (only the first 50 are listed); fix these first'
    });
  });
});
