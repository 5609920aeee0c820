// Scheduling of work that comes in lanes (one lane per platform): every task of every lane may run
// at once, a bound keeps how many do, and tasks start round-robin across the lanes so that each lane
// moves forward while the others do (a lane that started first does not take every slot).

/** The items of every lane, round-robin: each lane's first, then each lane's second, and so on. */
export function roundRobin<T>(lanes: readonly (readonly T[])[]): T[] {
  const order: T[] = [];
  for (let step = 0; step < Math.max(0, ...lanes.map(l => l.length)); step++)
    for (const lane of lanes) if (step < lane.length) order.push(lane[step]!);
  return order;
}

/**
 * At most `limit` tasks at once, started in `order` (a permutation of the task indices): a task
 * handed in before its turn waits until every task before it in `order` has started.
 */
export class OrderedLimiter {
  private active = 0;
  private next = 0;
  private readonly waiting = new Map<number, () => void>();

  constructor(
    private readonly limit: number,
    private readonly order: readonly number[]
  ) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be 1 or more, not ${limit}`);
  }

  async run<T>(index: number, task: () => Promise<T>): Promise<T> {
    if (!this.order.includes(index)) throw new RangeError(`task ${index} is not in the start order`);
    await new Promise<void>(resolve => {
      this.waiting.set(index, resolve);
      this.pump();
    });
    try {
      return await task();
    } finally {
      this.active--;
      this.pump();
    }
  }

  private pump(): void {
    while (this.active < this.limit && this.next < this.order.length) {
      const start = this.waiting.get(this.order[this.next]!);
      if (!start) return;
      this.waiting.delete(this.order[this.next]!);
      this.next++;
      this.active++;
      start();
    }
  }
}
