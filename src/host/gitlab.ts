// The log on GitLab CI: collapsible sections (section_start/section_end markers), masking by
// replacement. Text from outside imagegate cannot open or close a section of ours.

import type {OutputBlock} from '../exec/exec.js';
import {lineBlock} from './lines.js';
import {PlainLog} from './terminal.js';

// GitLab reads a section marker only after ESC[0K (erase in line); untrusted text loses every one.
const ERASE_IN_LINE = new RegExp(String.raw`\x1b\[0?K`, 'g');

export class GitLabLog extends PlainLog {
  private sections = 0;

  override async group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    const id = `imagegate_${++this.sections}`;
    this.write(`\x1b[0Ksection_start:${seconds()}:${id}[collapsed=true]\r\x1b[0K${this.redact(neutral(title))}\n`);
    try {
      return await fn();
    } finally {
      this.write(`\x1b[0Ksection_end:${seconds()}:${id}\r\x1b[0K\n`);
    }
  }

  override verbatim(text: string): void {
    this.line(neutral(text));
  }

  override block(): OutputBlock {
    return lineBlock(line => this.write(this.redact(neutral(line))));
  }
}

function neutral(text: string): string {
  return text.replace(ERASE_IN_LINE, '');
}

function seconds(): number {
  return Math.floor(Date.now() / 1000);
}
