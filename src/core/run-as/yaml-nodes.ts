// Reading a manifest with positions: every value comes with `file:line` for the plan, every error
// with line:col.

import {isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Node} from 'yaml';
import type {Diagnostic, Position} from '../config/diagnostics.js';

export class Located {
  constructor(
    readonly node: Node | null,
    private readonly lines: LineCounter,
    readonly file: string
  ) {}

  position(): Position {
    const offset = this.node?.range?.[0] ?? 0;
    const {line, col} = this.lines.linePos(offset);
    return {line, col};
  }

  /** `deploy/app.yaml:23`. */
  where(): string {
    return `${this.file}:${this.position().line}`;
  }

  get(key: string): Located | undefined {
    if (!isMap(this.node)) return undefined;
    for (const pair of this.node.items) {
      const k = pair.key as Node | null;
      if (isScalar(k) && String(k.value) === key) return new Located(pair.value as Node | null, this.lines, this.file);
    }
    return undefined;
  }

  /** The key's own position (for "unsupported field" lines). */
  keyAt(key: string): Located | undefined {
    if (!isMap(this.node)) return undefined;
    for (const pair of this.node.items) {
      const k = pair.key as Node | null;
      if (isScalar(k) && String(k.value) === key) return new Located(k, this.lines, this.file);
    }
    return undefined;
  }

  keys(): string[] {
    if (!isMap(this.node)) return [];
    return this.node.items.map(p => (isScalar(p.key) ? String(p.key.value) : '')).filter(Boolean);
  }

  items(): Located[] {
    if (!isSeq(this.node)) return [];
    return this.node.items.map(n => new Located(n as Node | null, this.lines, this.file));
  }

  isMap(): boolean {
    return isMap(this.node);
  }

  isSeq(): boolean {
    return isSeq(this.node);
  }

  scalar(): string | number | boolean | null | undefined {
    if (!isScalar(this.node)) return undefined;
    const v = this.node.value;
    return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null ? v : String(v);
  }

  text(): string | undefined {
    const v = this.scalar();
    return v === undefined || v === null ? undefined : String(v);
  }

  strings(): string[] | undefined {
    if (!isSeq(this.node)) return undefined;
    return this.items().map(i => i.text() ?? '');
  }

  diagnostic(message: string): Diagnostic {
    return {...this.position(), message};
  }
}

export type Documents = {ok: true; docs: Located[]} | {ok: false; diagnostics: Diagnostic[]};

export function parseDocuments(text: string, file: string): Documents {
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, {lineCounter: lines, prettyErrors: false, uniqueKeys: true});
  const list = Array.isArray(docs) ? docs : [docs];
  const diagnostics: Diagnostic[] = [];
  for (const doc of list)
    for (const e of doc.errors) {
      const {line, col} = e.linePos?.[0] ?? lines.linePos(e.pos[0]);
      diagnostics.push({line, col, message: `malformed YAML: ${e.message.split('\n')[0]}; fix the YAML syntax there`});
    }
  if (diagnostics.length) return {ok: false, diagnostics};
  return {
    ok: true,
    docs: list.filter(d => d.contents !== null).map(d => new Located(d.contents as Node | null, lines, file))
  };
}
