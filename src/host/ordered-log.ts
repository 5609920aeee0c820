// Several tasks that log at once, printed as if they had run one after another: each task gets a
// log of its own that records what it says (groups included); a task's record is printed once it
// is done and every task before it has been printed, so every group stays whole and in order.
// Masking goes straight to the real log: a secret is never printed, not even from a record.

import type {OutputBlock} from '../exec/exec.js';
import type {Log, Where} from './host.js';

type Entry =
  | {kind: 'info' | 'notice' | 'verbatim'; text: string}
  | {kind: 'warning' | 'error'; text: string; where?: Where}
  | {kind: 'block'; chunks: string[]}
  | {kind: 'group'; title: string; entries: Entry[]};

class RecordingLog implements Log {
  readonly entries: Entry[] = [];
  private target: Entry[] = this.entries;

  constructor(private readonly real: Log) {}

  info(text: string): void {
    this.target.push({kind: 'info', text});
  }
  notice(text: string): void {
    this.target.push({kind: 'notice', text});
  }
  warning(text: string, where?: Where): void {
    this.target.push({kind: 'warning', text, ...(where ? {where} : {})});
  }
  error(text: string, where?: Where): void {
    this.target.push({kind: 'error', text, ...(where ? {where} : {})});
  }
  verbatim(text: string): void {
    this.target.push({kind: 'verbatim', text});
  }
  block(): OutputBlock {
    const entry: Entry = {kind: 'block', chunks: []};
    this.target.push(entry);
    return {write: text => void entry.chunks.push(text), end: () => undefined};
  }
  async group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    const entry: Entry = {kind: 'group', title, entries: []};
    this.target.push(entry);
    const outer = this.target;
    this.target = entry.entries;
    try {
      return await fn();
    } finally {
      this.target = outer;
    }
  }
  mask(secret: string): void {
    this.real.mask(secret);
  }
  redact(text: string): string {
    return this.real.redact(text);
  }
}

async function replay(log: Log, entries: Entry[]): Promise<void> {
  for (const e of entries) {
    if (e.kind === 'group') await log.group(e.title, () => replay(log, e.entries));
    else if (e.kind === 'block') {
      const block = log.block();
      for (const chunk of e.chunks) block.write(chunk);
      block.end();
    } else if (e.kind === 'warning' || e.kind === 'error') log[e.kind](e.text, e.where);
    else log[e.kind](e.text);
  }
}

/**
 * Runs `tasks` through `schedule` (which bounds how many run at once) and prints what each logged
 * in task order. Resolves with every task's outcome, in order, once all have settled.
 */
export async function runOrdered<T>(
  log: Log,
  tasks: ((log: Log) => Promise<T>)[],
  schedule: (index: number, run: () => Promise<T>) => Promise<T>
): Promise<PromiseSettledResult<T>[]> {
  const records = tasks.map(() => new RecordingLog(log));
  const settled = tasks.map((task, i) =>
    schedule(i, () => task(records[i]!)).then(
      value => ({status: 'fulfilled', value}) as const,
      (reason: unknown) => ({status: 'rejected', reason}) as const
    )
  );
  const out: PromiseSettledResult<T>[] = [];
  for (const [i, outcome] of settled.entries()) {
    out.push(await outcome);
    await replay(log, records[i]!.entries);
  }
  return out;
}
