// A streaming reader of tar archives that keeps only what the executables check needs: each
// entry's path, type and mode, and the first bytes of regular files. Chunks go in as they come
// (a `docker export` stream); file contents are skipped, never buffered whole.

export interface TarEntry {
  path: string;
  /** '0' regular file, '1' hard link, '2' symbolic link, '5' directory, … */
  type: string;
  mode: number;
  size: number;
  /** The first `headBytes` bytes of a regular file (fewer when it is shorter). */
  head: Buffer;
}

const BLOCK = 512;

export class TarScanner {
  private pending: Buffer = Buffer.alloc(0);
  /** Bytes of the current entry's body (with padding) still to come. */
  private skip = 0;
  private current?: {entry: TarEntry; headWanted: number; parts: Buffer[]};
  private paxPath?: string;
  private longName?: string;
  /** An extended header's body being collected (PAX `x`, GNU `L`). */
  private meta?: {type: string; size: number; parts: Buffer[]; got: number};
  private ended = false;

  constructor(
    private readonly onEntry: (entry: TarEntry) => void,
    private readonly headBytes = 64
  ) {}

  push(chunk: Buffer): void {
    let data = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = Buffer.alloc(0);
    while (data.length && !this.ended) {
      if (this.skip > 0) {
        const take = Math.min(this.skip, data.length);
        this.body(data.subarray(0, take));
        data = data.subarray(take);
        this.skip -= take;
        if (this.skip === 0) this.finishEntry();
        continue;
      }
      if (data.length < BLOCK) {
        this.pending = Buffer.from(data);
        return;
      }
      this.header(data.subarray(0, BLOCK));
      data = data.subarray(BLOCK);
    }
  }

  /** Call after the last chunk: a cut-off archive is an error. */
  end(): void {
    if (this.skip > 0 || this.current || this.meta) throw new Error('the tar stream ended inside an entry');
  }

  private header(block: Buffer): void {
    if (block.every(b => b === 0)) {
      this.ended = true;
      return;
    }
    const type = String.fromCharCode(block[156] || 0x30);
    const size = parseNumber(block.subarray(124, 136));
    const padded = Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'x' || type === 'L' || type === 'g') {
      this.meta = {type, size, parts: [], got: 0};
      this.skip = padded;
      if (padded === 0) this.finishEntry();
      return;
    }
    const name = text(block.subarray(0, 100));
    const magic = block.subarray(257, 262).toString('latin1');
    const prefix = magic === 'ustar' ? text(block.subarray(345, 500)) : '';
    const path = this.paxPath ?? this.longName ?? (prefix ? `${prefix}/${name}` : name);
    this.paxPath = undefined;
    this.longName = undefined;
    const entry: TarEntry = {path, type, mode: parseNumber(block.subarray(100, 108)), size, head: Buffer.alloc(0)};
    // Only regular files carry a body (a hard link's size is 0 in docker's archives).
    const body = type === '0' || type === '\0' || type === '7' ? padded : 0;
    this.current = {entry, headWanted: Math.min(this.headBytes, size), parts: []};
    this.skip = body;
    if (body === 0) this.finishEntry();
  }

  private body(bytes: Buffer): void {
    if (this.meta) {
      const want = this.meta.size - this.meta.got;
      if (want > 0) {
        const part = bytes.subarray(0, want);
        this.meta.parts.push(Buffer.from(part));
        this.meta.got += part.length;
      }
      return;
    }
    const cur = this.current!;
    const have = cur.parts.reduce((n, p) => n + p.length, 0);
    if (have < cur.headWanted) cur.parts.push(Buffer.from(bytes.subarray(0, cur.headWanted - have)));
  }

  private finishEntry(): void {
    if (this.meta) {
      const body = Buffer.concat(this.meta.parts).toString('utf8');
      if (this.meta.type === 'L') this.longName = body.replace(/\0+$/, '');
      else if (this.meta.type === 'x') {
        const path = paxRecords(body).path;
        if (path !== undefined) this.paxPath = path;
      }
      this.meta = undefined;
      return;
    }
    const cur = this.current!;
    this.current = undefined;
    this.onEntry({...cur.entry, head: Buffer.concat(cur.parts)});
  }
}

function text(bytes: Buffer): string {
  const nul = bytes.indexOf(0);
  return bytes.subarray(0, nul < 0 ? bytes.length : nul).toString('utf8');
}

/** Octal, or GNU base-256 for large values. */
function parseNumber(bytes: Buffer): number {
  if (bytes[0]! & 0x80) {
    let value = 0;
    for (let i = 1; i < bytes.length; i++) value = value * 256 + bytes[i]!;
    return value;
  }
  const digits = text(bytes).trim();
  return digits ? parseInt(digits, 8) : 0;
}

/** PAX records: `LEN key=value\n`. */
function paxRecords(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  let rest = Buffer.from(body, 'utf8');
  while (rest.length) {
    const space = rest.indexOf(0x20);
    if (space < 0) break;
    const length = parseInt(rest.subarray(0, space).toString('latin1'), 10);
    if (!Number.isFinite(length) || length <= space) break;
    const record = rest.subarray(space + 1, length - 1).toString('utf8');
    const eq = record.indexOf('=');
    if (eq > 0) out[record.slice(0, eq)] = record.slice(eq + 1);
    rest = rest.subarray(length);
  }
  return out;
}
