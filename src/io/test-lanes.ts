// Runs one image's tests: a lane of tasks per platform, each task's log printed whole, lane after
// lane and in each lane's order, as soon as its turn comes (src/host/ordered-log.ts). Tasks that
// run the image (commands, services) take one of `limit` slots; tasks that only read it (file,
// metadata and executables checks) one of `limit` slots of their own, so they go alongside. Both
// start round-robin across the lanes. Every task runs to its end (a failed test never cancels the
// others, so every failure is reported); a task that throws rejects the whole once all have settled.

import {OrderedLimiter, roundRobin} from '../core/lanes.js';
import type {Log} from '../host/host.js';
import {runOrdered} from '../host/ordered-log.js';

export interface LaneTask<T> {
  run(log: Log): Promise<T>;
  /** Reads the image without running it. */
  reads?: boolean;
}

export interface LaneOutcome<T> {
  values: T[];
  /** From the lane's first task start to its last task end; 0 for an empty lane. */
  durationMs: number;
}

export async function runLanes<T>(log: Log, lanes: LaneTask<T>[][], limit: number): Promise<LaneOutcome<T>[]> {
  const flat = lanes.flatMap((lane, l) => lane.map(task => ({task, lane: l})));
  const indexed = lanes.map((_, l) => flat.flatMap((t, i) => (t.lane === l ? [{i, reads: !!t.task.reads}] : [])));
  const pool = (reads: boolean): OrderedLimiter =>
    new OrderedLimiter(limit, roundRobin(indexed.map(l => l.filter(t => t.reads === reads).map(t => t.i))));
  const runs = pool(false);
  const reads = pool(true);
  const spans = lanes.map(() => ({start: Infinity, end: 0}));
  const tasks = flat.map(({task, lane}) => async (taskLog: Log): Promise<T> => {
    const span = spans[lane]!;
    span.start = Math.min(span.start, Date.now());
    try {
      return await task.run(taskLog);
    } finally {
      span.end = Math.max(span.end, Date.now());
    }
  });
  const settled = await runOrdered(log, tasks, (i, run) => (flat[i]!.task.reads ? reads : runs).run(i, run));
  const failed = settled.find(s => s.status === 'rejected');
  if (failed) throw failed.reason;
  return lanes.map((_, l) => {
    const span = spans[l]!;
    return {
      values: indexed[l]!.map(t => (settled[t.i] as PromiseFulfilledResult<T>).value),
      durationMs: span.end > 0 ? span.end - span.start : 0
    };
  });
}
