// YAML text → a document that knows the line and column of every node, or the syntax errors, each
// with its fix.

import {LineCounter, parseDocument, type Document, type YAMLError} from 'yaml';
import type {Diagnostic} from './diagnostics.js';

export type ParsedYaml = {ok: true; doc: Document; lines: LineCounter} | {ok: false; diagnostics: Diagnostic[]};

export function parseYaml(text: string): ParsedYaml {
  const lines = new LineCounter();
  const doc = parseDocument(text, {lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true});
  if (doc.errors.length) return {ok: false, diagnostics: doc.errors.map(e => syntaxDiagnostic(e, text, lines))};
  return {ok: true, doc, lines};
}

function syntaxDiagnostic(error: YAMLError, text: string, lines: LineCounter): Diagnostic {
  const offset = error.pos[0];
  const {line, col} = lines.linePos(offset);
  const end = text.indexOf('\n', offset);
  const here = text.slice(offset, end < 0 ? undefined : end);
  const messages: Record<string, () => string> = {
    TAB_AS_INDENT: () =>
      'tab character used for indentation; YAML allows only spaces there: replace the tab with spaces',
    DUPLICATE_KEY: () => {
      const key = /^\s*([^:\s]+)/.exec(here)?.[1] ?? 'this key';
      return `duplicate key \`${key}\`; each key may appear once: remove or merge one of them`;
    },
    MULTIPLE_DOCS: () => 'the file holds more than one YAML document (`---`); keep exactly one',
    BAD_INDENT: () => `YAML syntax error: ${error.message}; check the indentation and closing brackets`,
    MISSING_CHAR: () => `YAML syntax error: ${error.message}`
  };
  return {line, col, message: messages[error.code]?.() ?? `YAML syntax error: ${error.message}`};
}
