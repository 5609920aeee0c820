// The file as text, before any YAML: its size, its encoding, and characters no YAML file holds.

import type {Diagnostic, Position} from './diagnostics.js';
import {LIMITS} from './limits.js';

export type CheckedText = {ok: true; text: string} | {ok: false; diagnostics: Diagnostic[]};

const MIB = 1024 * 1024;

/** The bytes of the file as text: at most LIMITS.fileBytes of UTF-8 (a byte order mark is kept for the parser). */
export function decodeConfig(bytes: Uint8Array): CheckedText {
  if (bytes.length > LIMITS.fileBytes) return refused({line: 1, col: 1}, tooLarge());
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return refused({line: 1, col: 1}, 'the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true}).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const before = new TextDecoder('utf-8', {ignoreBOM: true}).decode(bytes.subarray(0, offset));
    const byte = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return refused(
      positionOf(before, before.length),
      `the file is not UTF-8 (byte 0x${byte} at offset ${offset} starts no UTF-8 character); save it as UTF-8`
    );
  }
  return checkText(text);
}

/** Text the YAML parser may read: within the size limit, without control characters. */
export function checkText(text: string): CheckedText {
  // At most three bytes of UTF-8 for each UTF-16 unit: only a long text needs counting.
  if (text.length * 3 > LIMITS.fileBytes) {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > LIMITS.fileBytes) return refused({line: 1, col: 1}, tooLarge());
  }
  // YAML's printable characters: tab, line breaks and everything from U+0020 but DEL, the C1
  // controls other than NEL, U+FFFE and U+FFFF.
  const control = text.search(/[^\t\n\r\u0020-\u007e\u0085\u00a0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u);
  if (control >= 0) {
    const code = text.codePointAt(control) ?? 0;
    const hex = code.toString(16).toUpperCase().padStart(2, '0');
    const message =
      code === 0
        ? 'the file contains a NUL character (U+0000); a configuration file is text, not binary: remove it'
        : `the file contains the ${code < 0xa0 ? 'control ' : ''}character U+${hex.padStart(4, '0')}; YAML files hold only printable characters: remove it, or write it as an escape (\`\\x${hex}\`) inside double quotes`;
    return refused(positionOf(text, control), message);
  }
  return {ok: true, text};
}

function tooLarge(): string {
  return `the file is larger than ${LIMITS.fileBytes / MIB} MiB, the most a configuration file may hold`;
}

function refused(position: Position, message: string): CheckedText {
  return {ok: false, diagnostics: [{...position, message}]};
}

function positionOf(text: string, offset: number): Position {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return {line, col: offset - start + 1};
}

/** The offset of the first byte that does not start a well-formed UTF-8 character. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length =
      lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xf0 && lead <= 0xf4 ? 3 : 0;
    if (length === 0) return i;
    let code = lead & [0x1f, 0x0f, 0x07][length - 1]!;
    for (let k = 1; k <= length; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
      code = (code << 6) | (next & 0x3f);
    }
    const min = [0x80, 0x800, 0x10000][length - 1]!;
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += length + 1;
  }
  return bytes.length;
}
