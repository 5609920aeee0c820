// Program output arrives in chunks that may split lines (and escape sequences); hosts judge it a
// whole line at a time. CR, CRLF and LF all end a line, as the GitHub runner reads them.

import type {OutputBlock} from '../exec/exec.js';

/** An output block that hands `line` each complete line (with its `\n`), and the rest at the end. */
export function lineBlock(line: (text: string) => void): OutputBlock {
  let pending = '';
  return {
    write(text: string) {
      pending += text;
      const parts = pending.split(/\r\n|\r|\n/);
      pending = parts.pop() ?? '';
      for (const part of parts) line(`${part}\n`);
    },
    end() {
      if (pending) line(`${pending}\n`);
      pending = '';
    }
  };
}
