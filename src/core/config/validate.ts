// Walks a parsed YAML document against SCHEMA. A document that fits comes back as a RawConfig (each
// formatted string parsed by its format) with the position of every value; one that does not, as a
// diagnostic (with position and fix) for every mismatch.

import {isAlias, isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node, type Scalar} from 'yaml';
import {closest} from '../suggest.js';
import type {Diagnostic, Position} from './diagnostics.js';
import {parseFormat} from './formats.js';
import {clip, LIMITS} from './limits.js';
import {TOO_MANY_VALUES} from './parse.js';
import {pathText, Positions, type Path} from './positions.js';
import type {RawConfig} from './raw.js';
import {SCHEMA, type Schema, type SchemaType} from './schema.js';
import {aliasTargets} from './tree.js';

export type Walked = {ok: true; value: RawConfig; positions: Positions} | {ok: false; diagnostics: Diagnostic[]};

const DEFS: Readonly<Record<string, Schema>> = SCHEMA.$defs;

export function walkDocument(doc: Document, lines: LineCounter): Walked {
  const positions = new Map<string, Position>();
  const diagnostics: Diagnostic[] = [];
  const aliases = aliasTargets(doc);
  let visited = 0;
  /** Where the alias being expanded is used, if one is: the values it stands for are counted there. */
  let expanding: Position | undefined;
  /** False once the file holds more keys and values than LIMITS.values (reported once). */
  const count = (pos: Position): boolean => {
    if (++visited <= LIMITS.values) return true;
    if (visited === LIMITS.values + 1) report(expanding ?? pos, TOO_MANY_VALUES);
    return false;
  };
  const at = (node: Node | null | undefined): Position => {
    const offset = node?.range?.[0] ?? 0;
    const p = lines.linePos(offset);
    return {line: p.line, col: p.col};
  };
  const report = (pos: Position, message: string): void => {
    diagnostics.push({...pos, message});
  };

  const walk = (node: Node | null, schema: Schema, path: Path, pos: Position): unknown => {
    if (!count(pos)) return undefined;
    if (node && isAlias(node)) {
      const target = aliases.get(node);
      if (!target) {
        report(at(node), `unknown alias \`*${node.source}\`; define it first with \`&${node.source}\``);
        return undefined;
      }
      if (expanding) return walk(target, schema, path, at(node));
      expanding = at(node);
      const value = walk(target, schema, path, expanding);
      expanding = undefined;
      return value;
    }
    positions.set(pathText(path), pos);
    const resolved = resolveRef(schema);
    const unquoted = quoteHint(node);
    if (unquoted && acceptsString(resolved)) {
      report(pos, `\`${pathText(path)}\`${unquoted.replace(/^; /, ': ')}`);
      return undefined;
    }
    if (resolved.oneOf) return walkOneOf(node, resolved, path, pos);
    const got = typeOf(node);
    const expected = resolved.type;
    if (expected && !typeMatches(got, expected)) {
      report(pos, typeError(path, expected, got, node, resolved));
      return undefined;
    }
    if (expected === 'object') return walkMap(node, resolved, path, pos);
    if (expected === 'array') return walkSeq(node, resolved, path, pos);
    return walkScalar(isScalar(node) ? node.value : null, resolved, path, pos);
  };

  const walkOneOf = (node: Node | null, schema: Schema, path: Path, pos: Position): unknown => {
    const got = typeOf(node);
    const options = (schema.oneOf ?? []).map(resolveRef);
    const match = options.find(o => o.type !== undefined && typeMatches(got, o.type));
    if (match && match.type !== 'string' && options.some(o => o.type === 'string') && isScalar(node)) {
      // A value that is turned into a string: the string must be what the file says.
      const source = node.source ?? '';
      if (node.type === 'PLAIN' && String(node.value) !== source) {
        report(
          pos,
          `\`${pathText(path)}\` is read as the ${got === 'boolean' ? 'boolean' : 'number'} ${String(node.value)}, not \`${clip(source)}\`; quote it: \`"${clip(source)}"\``
        );
        return undefined;
      }
    }
    if (match) return walk(node, match, path, pos);
    const names = [...new Set(options.map(o => describeType(o.type ?? 'string')))];
    report(pos, `\`${pathText(path)}\` must be ${names.join(' or ')}, not ${describeGot(got)}${quoteHint(node)}`);
    return undefined;
  };

  const walkMap = (node: Node | null, schema: Schema, path: Path, pos: Position): unknown => {
    const result: Record<string, unknown> = {};
    const known = Object.keys(schema.properties ?? {});
    const suggested = new Set<string>();
    if (!isMap(node)) return result;
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as Node | null;
      const keyPos = at(keyNode);
      if (!isScalar(keyNode) || typeof keyNode.value !== 'string') {
        report(keyPos, `keys in \`${pathText(path)}\` must be plain words${quoteHint(keyNode)}`);
        continue;
      }
      const key = keyNode.value;
      if (!count(keyPos)) return result;
      const problem = keyProblem(key, keyNode, path);
      if (problem) {
        report(keyPos, problem);
        continue;
      }
      const childPath = [...path, key];
      const valueNode = pair.value as Node | null;
      const valuePos = valueNode ? at(valueNode) : keyPos;
      let childSchema = schema.properties?.[key];
      if (!childSchema) {
        if (schema.additionalProperties === false) {
          const guess = closest(key, known);
          if (guess) suggested.add(guess);
          report(keyPos, unknownKeyMessage(key, path, known, guess));
          continue;
        }
        childSchema = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : {};
      }
      result[key] = walk(valueNode, childSchema, childPath, valuePos);
    }
    for (const required of schema.required ?? []) {
      if (suggested.has(required)) continue;
      if (!(required in result) && !node.items.some(p => isPair(p) && isScalar(p.key) && p.key.value === required)) {
        report(pos, `missing required key \`${required}\` in \`${pathText(path)}\`${requiredHint(required)}`);
      }
    }
    return result;
  };

  const walkSeq = (node: Node | null, schema: Schema, path: Path, pos: Position): unknown => {
    const items = isSeq(node) ? node.items : [];
    if (schema.minItems !== undefined && items.length < schema.minItems) {
      report(pos, `\`${pathText(path)}\` needs at least ${schema.minItems} item${schema.minItems === 1 ? '' : 's'}`);
    }
    return items.map((item, i) =>
      walk(item as Node | null, schema.items ?? {}, [...path, i], item ? at(item as Node) : pos)
    );
  };

  /** The value, or what its format parses it into; undefined (and a diagnostic) when it fails a check. */
  const walkScalar = (value: unknown, schema: Schema, path: Path, pos: Position): unknown => {
    const name = `\`${pathText(path)}\``;
    if (schema.enum && !schema.enum.includes(value as string | number)) {
      const guess = typeof value === 'string' ? closest(value, schema.enum.map(String)) : undefined;
      const choices = schema.enum.map(v => `\`${v}\``).join(', ');
      report(
        pos,
        `${name} must be one of ${choices}, not \`${String(value)}\`${guess ? `; did you mean \`${guess}\`?` : ''}`
      );
      return undefined;
    }
    if (typeof value === 'number' && schema.minimum !== undefined && value < schema.minimum) {
      report(pos, `${name} must be at least ${schema.minimum}, not ${value}`);
      return undefined;
    }
    if (typeof value === 'number' && schema.maximum !== undefined && value > schema.maximum) {
      report(pos, `${name} must be at most ${schema.maximum}, not ${value}`);
      return undefined;
    }
    if (typeof value !== 'string') return value;
    const longest = Math.min(
      schema.maxLength ?? Infinity,
      schema.format || schema.pattern ? LIMITS.formattedLength : LIMITS.textLength
    );
    if (value.length > longest) {
      report(pos, `${name} is ${value.length} characters long; it may be at most ${longest}`);
      return undefined;
    }
    if (value.includes('\0')) {
      report(pos, `${name} contains a NUL character (\`\\0\`), which no command line can carry; remove it`);
      return undefined;
    }
    if (schema.minLength !== undefined && value.length < schema.minLength) {
      report(pos, `${name} must not be empty`);
      return undefined;
    }
    if (schema.pattern && !new RegExp(schema.pattern).test(value)) {
      report(pos, `${name}: \`${value}\` is not ${schema['x-pattern-name'] ?? `matching ${schema.pattern}`}`);
      return undefined;
    }
    if (!schema.format) return value;
    const parsed = parseFormat(schema.format, value);
    if (parsed.ok) return parsed.value;
    report(pos, `${name}: ${parsed.error}`);
    return undefined;
  };

  const contents = doc.contents as Node | null;
  if (contents === null || (isScalar(contents) && contents.value === null)) {
    return {
      ok: false,
      diagnostics: [
        {line: 1, col: 1, message: 'the file is empty; it needs at least `registry:` and `images:` (see the README)'}
      ]
    };
  }
  const root = at(contents);
  const value = walk(contents, SCHEMA, [], root);
  if (diagnostics.length) return {ok: false, diagnostics};
  // Every value passed SCHEMA, the schema RawConfig is derived from.
  return {ok: true, value: value as RawConfig, positions: new Positions(root, positions)};
}

function resolveRef(schema: Schema): Schema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/$defs/', '');
  const target = DEFS[name];
  if (!target) throw new Error(`schema: unknown $ref ${schema.$ref}`);
  return {...target, ...schema, $ref: undefined, description: schema.description ?? target.description};
}

function acceptsString(schema: Schema): boolean {
  return schema.type === 'string' || (schema.oneOf ?? []).some(o => resolveRef(o).type === 'string');
}

type Got = SchemaType | 'null';

function typeOf(node: Node | null): Got {
  if (node === null) return 'null';
  if (isMap(node)) return 'object';
  if (isSeq(node)) return 'array';
  if (isScalar(node)) {
    const v = node.value;
    if (v === null) return 'null';
    if (typeof v === 'boolean') return 'boolean';
    if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
    return 'string';
  }
  return 'string';
}

function typeMatches(got: Got, expected: SchemaType): boolean {
  return got === expected || (expected === 'number' && got === 'integer');
}

function describeType(t: SchemaType): string {
  return {
    string: 'a string',
    integer: 'a whole number',
    number: 'a number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a mapping'
  }[t];
}

function describeGot(got: Got): string {
  return got === 'null' ? 'empty' : describeType(got);
}

function typeError(path: Path, expected: SchemaType, got: Got, node: Node | null, schema: Schema): string {
  const name = `\`${pathText(path)}\``;
  let fix = quoteHint(node);
  if (!fix && expected === 'array' && got === 'string' && isScalar(node))
    fix = `; write a list: \`[${String(node.value)}]\``;
  if (!fix && expected === 'string' && (got === 'integer' || got === 'number' || got === 'boolean') && isScalar(node)) {
    fix = `; quote it: \`"${node.source ?? String(node.value)}"\``;
  }
  if (!fix && got === 'null') fix = `; give it a value or remove the key`;
  if (!fix && schema.examples?.[0] !== undefined) fix = `, e.g. \`${JSON.stringify(schema.examples[0])}\``;
  return `${name} must be ${describeType(expected)}, not ${describeGot(got)}${fix}`;
}

/** `{{sha}}` unquoted is a YAML flow mapping; say so instead of "must be a string". */
function quoteHint(node: Node | null): string {
  if (node && isMap(node) && node.flow && node.items.length === 1) {
    const inner = node.items[0];
    if (isPair(inner) && isMap(inner.key)) {
      const text = (inner.key.items[0] as {key?: {value?: unknown}} | undefined)?.key?.value;
      return `; \`{{${String(text)}}}\` must be quoted in YAML: write \`"{{${String(text)}}}"\``;
    }
  }
  return '';
}

function unknownKeyMessage(key: string, path: Path, known: string[], guess: string | undefined): string {
  const where = path.length ? ` in \`${pathText(path)}\`` : '';
  if (guess) return `unknown key \`${key}\`${where}, did you mean \`${guess}\`?`;
  return `unknown key \`${clip(key)}\`${where}; allowed keys: ${known.map(k => `\`${k}\``).join(', ')}`;
}

/** Why a key cannot be read, if it cannot: a merge key, a key too long, a NUL character. */
function keyProblem(key: string, node: Scalar, path: Path): string | undefined {
  const where = path.length ? ` in \`${pathText(path)}\`` : '';
  if (key === '<<' && node.type === 'PLAIN') {
    return `merge key \`<<\`${where}: YAML merge keys are not supported; write the keys out, or use an alias for a whole value (\`platforms: *platforms\`)`;
  }
  if (key.length > LIMITS.keyLength)
    return `key \`${clip(key)}\`${where} is ${key.length} characters long; a key may be at most ${LIMITS.keyLength}`;
  if (key.includes('\0')) return `key \`${clip(key)}\`${where} contains a NUL character (\`\\0\`); remove it`;
  return undefined;
}

function requiredHint(key: string): string {
  const hints: Record<string, string> = {
    registry: ', e.g. `registry: ghcr.io/acme`',
    images: ', a list with at least one `- name: …`',
    name: ', e.g. `name: web`',
    run: ', the command to run, e.g. `run: test -f /app/ready`',
    image: ', the builder pinned by digest, e.g. `image: docker.io/heroku/builder:24@sha256:…`',
    commands: ', the list of test commands',
    source: ', a directory relative to the configuration file',
    tag: ', the tag template, e.g. `tag: "{{version}}"`',
    buildpacks: ''
  };
  return hints[key] ?? '';
}
