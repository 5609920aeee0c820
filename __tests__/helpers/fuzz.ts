// Inputs for the configuration fuzzer: a small seeded PRNG, mutations of real files (bytes and
// lines), documents generated from the schema, and hostile YAML (huge keys, deep nesting, alias
// bombs, tags). Everything follows from the seed, so a failing case is replayed from its number.

import {stringify} from 'yaml';
import {SCHEMA, type Schema} from '../../src/core/config/schema.js';

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

/** mulberry32: small, fast and good enough to pick mutations. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return {next, int, pick: items => items[int(items.length)]!, chance: p => next() < p};
}

/** The seed of case `index` of a run: each case can be replayed on its own. */
export function caseSeed(seed: number, index: number): number {
  return (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35)) >>> 0;
}

const DEFS: Readonly<Record<string, Schema>> = SCHEMA.$defs;

/** Snippets that YAML and the loader treat specially. */
const SNIPPETS = [
  '!!binary aGVsbG8=',
  '!!str ',
  '!!int ',
  '!local ',
  '!<tag:example.com,2000:x> ',
  '! ',
  '&a ',
  '*a',
  '*missing',
  '<<: *a',
  '<<: [*a, *b]',
  '"{{sha}}"',
  '{{sha}}',
  '{{ branch }}-{{short_sha}}',
  '[',
  ']',
  '{',
  '}',
  ',',
  '---',
  '...',
  '%YAML 1.1',
  '%YAML 1.2',
  '%TAG ! tag:x:',
  '? ',
  '- ',
  ': ',
  '#',
  '|',
  '>-',
  '"\\0"',
  '"\\x07"',
  "'it''s'",
  '\t',
  '\r',
  '\r\n',
  '\u0000',
  '\u0007',
  '\u007f',
  '\u0085',
  '\ufeff',
  '\ufffe',
  '\ud800',
  '\u{1f600}',
  'null',
  '~',
  'true',
  'True',
  'yes',
  '0x1F',
  '0o17',
  '1e400',
  '.inf',
  '-.nan',
  '3.10',
  '12345678901234567890',
  '1000h',
  '0s',
  '250ms',
  '99999999999999999999h',
  '10m',
  'linux/amd64',
  'linux/arm64/v8',
  'linux/x86_64',
  'docker.io/heroku/builder:24',
  'docker.io/heroku/builder:24@sha256:0000000000000000000000000000000000000000000000000000000000000000',
  'localhost:5000/acme',
  '/abs/path',
  '..\\win'
];

/** Values of each format: the valid ones first, then the first invalid one at `invalidFrom`. */
const FORMAT_VALUES: Record<string, {values: readonly string[]; invalidFrom: number}> = {
  'registry-prefix': {
    values: ['localhost:5000/acme', 'ghcr.io/acme', 'ghcr.io', 'https://ghcr.io/x', 'acme', 'ghcr.io/acme/'],
    invalidFrom: 3
  },
  'image-reference': {
    values: [
      'docker.io/heroku/builder:24@sha256:0000000000000000000000000000000000000000000000000000000000000000',
      'docker.io/heroku/builder:24',
      'heroku/builder',
      'docker.io/x@sha256:12'
    ],
    invalidFrom: 2
  },
  repository: {
    values: ['localhost:5000/other/web', 'ghcr.io/a/b', 'localhost:5000/Web', 'localhost:5000/web:tag', 'web'],
    invalidFrom: 2
  },
  platform: {
    values: ['linux/amd64', 'linux/arm64', 'linux/arm/v7', 'linux/arm64/v8', 'x86_64', 'linux/mips', 'windows/amd64'],
    invalidFrom: 3
  },
  'tag-template': {
    values: [
      '{{sha}}',
      'latest',
      '{{version}}',
      '{{major}}.{{minor}}',
      'staging-x',
      '{{nope}}',
      '-bad',
      '{{sha',
      'a'.repeat(130)
    ],
    invalidFrom: 5
  },
  'tag-prefix': {values: ['staging-', 'pr-', '-x', 'a'.repeat(70)], invalidFrom: 2},
  duration: {
    values: ['10m', '90s', '1h30m', '24h', '0s', '500ms', '1000h', '25h', '5 minutes', '99999999999999999999h'],
    invalidFrom: 4
  },
  'relative-path': {values: ['.', 'ctx', 'Dockerfile', '/abs', 'a\\b'], invalidFrom: 3},
  'absolute-path': {values: ['/app', '/imagegate/tests', 'app'], invalidFrom: 2},
  'buildpack-uri': {
    values: ['urn:cnb:builder:heroku/procfile', 'docker://docker.io/acme/bp@sha256:1', 'heroku/nodejs'],
    invalidFrom: 1
  }
};

const NAMES = ['web', 'base', 'api', 'a', 'web_app', 'Web', 'x--y', '-a'];
const VALID_NAMES = 5;

/**
 * A document generated from the schema: the right keys and types, a wrong one here and there.
 * `wrong` is the chance of each value to be invalid: small, and most documents pass the schema and
 * reach the checks across values.
 */
export function schemaDocument(r: Rng, wrong = r.pick([0, 0.005, 0.02, 0.1, 0.3])): unknown {
  return generate(r, SCHEMA, 0, wrong);
}

function generate(r: Rng, schema: Schema, depth: number, wrong: number): unknown {
  const s = schema.$ref ? (DEFS[schema.$ref.replace('#/$defs/', '')] ?? {}) : schema;
  const pool = (values: readonly unknown[], invalidFrom: number): unknown =>
    r.chance(wrong) ? values[invalidFrom + r.int(values.length - invalidFrom)] : values[r.int(invalidFrom)];
  if (r.chance(wrong / 5)) return wild(r, depth);
  if (s.oneOf) return generate(r, r.pick(s.oneOf), depth, wrong);
  if (s.enum) return r.chance(wrong) ? `${String(r.pick(s.enum))}x` : r.pick(s.enum);
  switch (s.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(s.properties ?? {})) {
        const required = (s.required ?? []).includes(key);
        if (required ? !r.chance(wrong) : r.chance(0.3)) out[key] = generate(r, child, depth + 1, wrong);
      }
      const extra = s.properties ? (r.chance(wrong) ? 1 : 0) : r.int(4);
      for (let i = 0; i < extra; i++) {
        const value = typeof s.additionalProperties === 'object' ? s.additionalProperties : {type: 'string' as const};
        const key = s.properties
          ? r.pick(['platfroms', 'KEY', 'x'.repeat(40)])
          : r.pick(['A', 'B_C', 'org.x', `k${r.int(100)}`]);
        out[key] = generate(r, value, depth + 1, wrong);
      }
      return out;
    }
    case 'array': {
      const n = (s.minItems ?? 0) > 0 && !r.chance(wrong) ? 1 + r.int(3) : r.int(4);
      const items = Array.from({length: n}, () => generate(r, s.items ?? {type: 'string'}, depth + 1, wrong));
      // Lists given twice are refused; a valid document names each platform or tag once.
      return r.chance(wrong) ? items : [...new Map(items.map(i => [JSON.stringify(i), i])).values()];
    }
    case 'string': {
      if (s.format) {
        const f = FORMAT_VALUES[s.format];
        return f ? pool(f.values, f.invalidFrom) : 'x';
      }
      if (s.pattern) return pool(NAMES, VALID_NAMES);
      return r.chance(wrong) ? r.pick(['', 'a'.repeat(r.int(100))]) : pool(NAMES, VALID_NAMES);
    }
    case 'integer':
    case 'number':
      return r.chance(wrong) ? r.pick([0, -1, 3.5, 1e21]) : 1;
    case 'boolean':
      return r.chance(0.5);
    default:
      return r.pick(['x', 1, true, null]);
  }
}

/** Any YAML value: scalars of every kind, lists and mappings. */
function wild(r: Rng, depth: number): unknown {
  if (depth > 6 || r.chance(0.6))
    return r.pick([null, true, 0, -1.5, 'x', '', '{{sha}}', 'a'.repeat(r.int(50)), 1e300]);
  if (r.chance(0.5)) return Array.from({length: r.int(4)}, () => wild(r, depth + 1));
  return Object.fromEntries(Array.from({length: r.int(4)}, (_, i) => [`k${i}`, wild(r, depth + 1)]));
}

/** A document as YAML text, in block or flow style. */
export function yamlText(r: Rng, value: unknown): string {
  return stringify(value, {
    collectionStyle: r.chance(0.2) ? 'flow' : r.chance(0.5) ? 'block' : 'any',
    defaultStringType: r.pick(['PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'] as const),
    defaultKeyType: r.chance(0.2) ? 'QUOTE_DOUBLE' : 'PLAIN',
    lineWidth: r.pick([0, 20, 80])
  });
}

/** The text with a few mutations: bytes flipped, inserted and deleted; lines repeated, dropped, moved, re-indented; snippets inserted. */
export function mutate(r: Rng, text: string): string {
  let out = text;
  const rounds = 1 + r.int(r.chance(0.2) ? 12 : 3);
  for (let i = 0; i < rounds; i++) out = mutateOnce(r, out);
  return out;
}

function mutateOnce(r: Rng, text: string): string {
  const at = r.int(text.length + 1);
  const lines = text.split('\n');
  const line = r.int(lines.length);
  switch (r.int(10)) {
    case 0: // flip a character
      return text.slice(0, at) + String.fromCharCode(text.charCodeAt(at) ^ (1 << r.int(7))) + text.slice(at + 1);
    case 1: // insert a random character
      return text.slice(0, at) + String.fromCharCode(r.chance(0.8) ? 32 + r.int(95) : r.int(0x3000)) + text.slice(at);
    case 2: // delete a range
      return text.slice(0, at) + text.slice(at + 1 + r.int(20));
    case 3: // repeat a line
      lines.splice(line, 0, lines[line] ?? '');
      return lines.join('\n');
    case 4: // drop a line
      lines.splice(line, 1);
      return lines.join('\n');
    case 5: {
      // move a line
      const [moved] = lines.splice(line, 1);
      lines.splice(r.int(lines.length + 1), 0, moved ?? '');
      return lines.join('\n');
    }
    case 6: // re-indent a line
      lines[line] = r.chance(0.5)
        ? `${' '.repeat(1 + r.int(4))}${lines[line]}`
        : (lines[line] ?? '').replace(/^ {1,2}/, '');
      return lines.join('\n');
    case 7: // replace a scalar after a colon or dash
      lines[line] = (lines[line] ?? '').replace(/([:-] ).*$/, `$1${r.pick(SNIPPETS)}`);
      return lines.join('\n');
    default: // insert a snippet
      return text.slice(0, at) + r.pick(SNIPPETS) + text.slice(at);
  }
}

/** Bytes with a few flipped, inserted or deleted: invalid UTF-8, byte order marks, NUL. */
export function mutateBytes(r: Rng, bytes: Uint8Array): Uint8Array {
  const out = [...bytes];
  const rounds = 1 + r.int(4);
  for (let i = 0; i < rounds; i++) {
    const at = r.int(out.length + 1);
    const choice = r.int(4);
    if (choice === 0) out[at] = r.int(256);
    else if (choice === 1)
      out.splice(at, 0, ...r.pick([[0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90], [0], [0xe2, 0x82]]));
    else if (choice === 2) out.splice(at, 1 + r.int(3));
    else
      out.unshift(
        ...r.pick([
          [0xef, 0xbb, 0xbf],
          [0xff, 0xfe],
          [0xfe, 0xff]
        ])
      );
  }
  return Uint8Array.from(out);
}

/** Hostile files at the limits: huge keys and values, deep nesting, many keys, alias bombs. */
export function hostile(r: Rng): string {
  const head = 'registry: localhost:5000/acme\nimages:\n  - name: web\n';
  const n = 1 + r.int(5);
  switch (r.int(9)) {
    case 0:
      return `${head}    ${'k'.repeat(1000 * n)}: v\n`;
    case 1:
      return `${head}    labels: ${'['.repeat(10 * n)}${']'.repeat(10 * n)}\n`;
    case 2:
      return `${head}    labels:\n${Array.from({length: 10 * n}, (_, i) => `${' '.repeat(6 + 2 * i)}k${i}:`).join('\n')} v\n`;
    case 3:
      return head + Array.from({length: 5000 * n}, (_, i) => `    l${i}: v\n`).join('');
    case 4:
      return `${head}    labels: {a: &a [x, x, x, x, x, x, x, x, x, x], b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a], c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b], d: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]}\n`;
    case 5:
      return `${head}    target: "${'x\\ty'.repeat(2000 * n)}"\n`;
    case 6:
      return `${head}    platforms: [${Array.from({length: 2000 * n}, () => r.pick(['linux/amd64', 'linux/arm64', 'linux/arm64/v8'])).join(', ')}]\n`;
    case 7:
      return `registry: localhost:5000/acme\nimages:\n${Array.from({length: 500 * n}, (_, i) => `  - name: i${i}\n    depends-on: i${(i + 1) % (500 * n)}\n`).join('')}`;
    default:
      return `${head}    tags: ["{{${' '.repeat(4000)}", "${'{{a'.repeat(1000)}"]\n`;
  }
}
