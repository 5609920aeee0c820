// YAML text → a document that knows the line and column of every node, or the syntax errors, each
// with its fix. The parser is driven token by token so that the limits (tokens, values, nesting)
// stop it early, whatever the file holds, and every YAML feature imagegate does not read (tags,
// directives other than `%YAML 1.2`) is refused where it is written.

import {
  Composer,
  CST,
  isMap,
  isScalar,
  isSeq,
  Lexer,
  LineCounter,
  Parser,
  YAMLParseError,
  type Document,
  type YAMLError
} from 'yaml';
import type {Diagnostic} from './diagnostics.js';
import {clip, LIMITS} from './limits.js';
import {eachNode} from './tree.js';

export type ParsedYaml = {ok: true; doc: Document; lines: LineCounter} | {ok: false; diagnostics: Diagnostic[]};

export const TOO_MANY_VALUES = `the file holds more than ${LIMITS.values} keys and values (each use of an alias counts again); a configuration needs far fewer: simplify it`;

export function parseYaml(text: string): ParsedYaml {
  const lines = new LineCounter();
  const tokens = readTokens(text, lines);
  if (!tokens.ok) return tokens;
  const composer = new Composer({prettyErrors: false, uniqueKeys: false, strict: true});
  let doc: Document | undefined;
  for (const next of composer.compose(tokens.tokens, true, text.length)) {
    if (!doc) doc = next;
    else {
      const [start, end] = next.range;
      doc.errors.push(new YAMLParseError([start, end], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
      break;
    }
  }
  if (!doc) throw new Error('the YAML composer made no document');
  const diagnostics = [...doc.errors.map(e => syntaxDiagnostic(e, lines)), ...structureDiagnostics(doc, lines)];
  return diagnostics.length ? {ok: false, diagnostics} : {ok: true, doc, lines};
}

type Tokens = {ok: true; tokens: CST.Token[]} | {ok: false; diagnostics: Diagnostic[]};

/** The parser's tokens, or the first limit the text exceeds or YAML feature it uses that imagegate does not read. */
function readTokens(text: string, lines: LineCounter): Tokens {
  const parser = new Parser(lines.addNewLine);
  lines.addNewLine(0);
  const tokens: CST.Token[] = [];
  let count = 0;
  let values = 0;
  let atScalar = false;
  const refuse = (offset: number, message: string): Tokens => ({
    ok: false,
    diagnostics: [{...lines.linePos(offset), message}]
  });
  for (const lexeme of new Lexer().lex(text)) {
    const offset = parser.offset;
    if (++count > LIMITS.tokens) {
      return refuse(
        offset,
        `the file holds more than ${LIMITS.tokens} YAML tokens (values, indicators, comments, line breaks); a configuration needs far fewer: remove what imagegate does not read`
      );
    }
    // A scalar's text follows its marker; it is no token of its own, whatever it starts with.
    const type: string | null = atScalar ? 'scalar-text' : CST.tokenType(lexeme);
    atScalar = type === 'scalar';
    if (
      type === 'scalar' ||
      type === 'single-quoted-scalar' ||
      type === 'double-quoted-scalar' ||
      type === 'alias' ||
      type === 'flow-map-start' ||
      type === 'flow-seq-start'
    ) {
      if (++values > LIMITS.values) return refuse(offset, TOO_MANY_VALUES);
    } else if (type === 'tag' && lexeme !== '!!str') {
      return refuse(offset, tagMessage(lexeme));
    } else if (type === 'directive-line') {
      const problem = directiveProblem(lexeme);
      if (problem) return refuse(offset, problem);
    }
    for (const token of parser.next(lexeme)) tokens.push(token);
    // The parser's stack holds the document, each open collection and at most one scalar.
    if (parser.stack.length > LIMITS.depth + 1 && parser.stack.filter(t => 'items' in t).length > LIMITS.depth) {
      return refuse(
        offset,
        `values nested more than ${LIMITS.depth} levels deep; a configuration nests at most 7 (images, an image, test, commands, a command, env): flatten it`
      );
    }
  }
  for (const token of parser.end()) tokens.push(token);
  return {ok: true, tokens};
}

function tagMessage(tag: string): string {
  const fix = tag === '!!binary' ? 'write the value as text' : 'remove the tag (quote the value to make it a string)';
  return `YAML tag \`${clip(tag, 40)}\` is not supported: imagegate reads plain strings, numbers, booleans, lists and mappings; ${fix}`;
}

function directiveProblem(line: string): string | undefined {
  const directive = line.trim();
  const version = /^%YAML[ \t]+([^\s#]+)/.exec(directive)?.[1];
  if (version === '1.2') return undefined;
  if (version === '1.1') {
    return '`%YAML 1.1`: imagegate reads YAML 1.2, where `yes`, `no`, `on` and `off` are strings and `<<` merges nothing; remove the directive';
  }
  if (version !== undefined) return `\`%YAML ${clip(version, 20)}\`: imagegate reads YAML 1.2; remove the directive`;
  if (/^%TAG\b/.test(directive)) return '`%TAG` declares tags, which imagegate does not read; remove the directive';
  return `unknown directive \`${clip(directive, 40)}\`; remove it`;
}

/** What the document's shape says beyond the syntax: keys given twice, `!!str` on a list or mapping. */
function structureDiagnostics(doc: Document, lines: LineCounter): Diagnostic[] {
  const found: Diagnostic[] = [];
  eachNode(doc, node => {
    if (!isMap(node) && !isSeq(node)) return;
    if (node.tag) {
      found.push({
        ...lines.linePos(node.range?.[0] ?? 0),
        message: `\`!!str\` makes a single value a string; remove it from this ${isMap(node) ? 'mapping' : 'list'}`
      });
    }
    if (!isMap(node)) return;
    const seen = new Set<unknown>();
    for (const pair of node.items) {
      const key = pair.key;
      if (!isScalar(key)) continue;
      if (!seen.has(key.value)) {
        seen.add(key.value);
        continue;
      }
      found.push({
        ...lines.linePos(key.range?.[0] ?? 0),
        message: `duplicate key \`${clip(String(key.value))}\`; each key may appear once: remove or merge one of them`
      });
    }
  });
  return found;
}

function syntaxDiagnostic(error: YAMLError, lines: LineCounter): Diagnostic {
  const offset = error.pos[0];
  const {line, col} = lines.linePos(offset);
  const messages: Record<string, () => string> = {
    TAB_AS_INDENT: () =>
      'tab character used for indentation; YAML allows only spaces there: replace the tab with spaces',
    MULTIPLE_DOCS: () => 'the file holds more than one YAML document (`---`); keep exactly one',
    BAD_INDENT: () => `YAML syntax error: ${firstLine(error)}; check the indentation and closing brackets`,
    RESOURCE_EXHAUSTION: () =>
      `values nested too deeply for the YAML parser; a configuration nests at most 7: flatten it`
  };
  return {line, col, message: messages[error.code]?.() ?? `YAML syntax error: ${firstLine(error)}`};
}

function firstLine(error: YAMLError): string {
  return clip(error.message.split('\n')[0] ?? '', 200);
}
