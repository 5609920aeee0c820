import {describe, expect, it} from '@jest/globals';
import {OrderedLimiter, roundRobin} from '../../src/core/lanes.js';
import {runLanes, type LaneTask} from '../../src/io/test-lanes.js';
import {RecordingHost} from '../helpers/fakes.js';

/** A fake test: logs a group once it ends, after `ms`; counts how many run at once per pool. */
function fakeTests() {
  const running = {runs: 0, reads: 0};
  const peak = {runs: 0, reads: 0};
  const started: string[] = [];
  const task = (name: string, ms: number, opts: {reads?: boolean; fails?: boolean; throws?: boolean} = {}) => {
    const pool = opts.reads ? 'reads' : 'runs';
    const t: LaneTask<string> = {
      ...(opts.reads ? {reads: true} : {}),
      run: async log => {
        started.push(name);
        peak[pool] = Math.max(peak[pool], ++running[pool]);
        await new Promise(r => setTimeout(r, ms));
        running[pool]--;
        if (opts.throws) throw new Error(`${name}: docker is gone`);
        await log.group(`test ${name} — ${opts.fails ? 'failed' : 'passed'}`, async () =>
          log.verbatim(`output of ${name}`)
        );
        return `${name} ${opts.fails ? 'failed' : 'passed'}`;
      }
    };
    return t;
  };
  return {task, peak, started};
}

describe('roundRobin', () => {
  it('takes each lane’s first item, then each lane’s second', () => {
    expect(roundRobin([[0, 1, 2], [3], [4, 5]])).toEqual([0, 3, 4, 1, 5, 2]);
    expect(roundRobin([])).toEqual([]);
  });
});

describe('OrderedLimiter', () => {
  it('refuses a limit below 1', () => {
    expect(() => new OrderedLimiter(0, [])).toThrow('limit must be 1 or more');
  });
  it('starts tasks in its order, whatever order they are handed in', async () => {
    const limiter = new OrderedLimiter(1, [2, 0, 1]);
    const seen: number[] = [];
    await Promise.all([0, 1, 2].map(i => limiter.run(i, async () => void seen.push(i))));
    expect(seen).toEqual([2, 0, 1]);
  });
});

describe('runLanes', () => {
  it('prints every test’s group whole, platform after platform in configuration order, whatever order they end in', async () => {
    const host = new RecordingHost();
    const {task} = fakeTests();
    // amd64's first test is the slowest: every other test ends before it.
    const outcomes = await runLanes(
      host,
      [
        [task('amd64 a', 60), task('amd64 b', 5)],
        [task('arm64 a', 5), task('arm64 b', 5)]
      ],
      4
    );
    expect(host.lines).toEqual([
      'group: test amd64 a — passed',
      'output of amd64 a',
      'group: test amd64 b — passed',
      'output of amd64 b',
      'group: test arm64 a — passed',
      'output of arm64 a',
      'group: test arm64 b — passed',
      'output of arm64 b'
    ]);
    expect(outcomes.map(o => o.values)).toEqual([
      ['amd64 a passed', 'amd64 b passed'],
      ['arm64 a passed', 'arm64 b passed']
    ]);
    expect(outcomes[0]!.durationMs).toBeGreaterThanOrEqual(55);
  });

  it('runs at most `limit` containers at once, started round-robin across platforms; reads go alongside in a pool of their own', async () => {
    const host = new RecordingHost();
    const {task, peak, started} = fakeTests();
    await runLanes(
      host,
      [
        [task('amd64 a', 20), task('amd64 b', 20), task('amd64 c', 20), task('amd64 exe', 20, {reads: true})],
        [task('arm64 a', 20), task('arm64 b', 20), task('arm64 exe', 20, {reads: true})]
      ],
      2
    );
    expect(peak).toEqual({runs: 2, reads: 2});
    const runs = started.filter(s => !s.endsWith('exe'));
    expect(runs.slice(0, 2).sort()).toEqual(['amd64 a', 'arm64 a']);
    expect(runs.slice(2, 4).sort()).toEqual(['amd64 b', 'arm64 b']);
    // The reads do not wait for a container slot.
    expect(started.slice(0, 4)).toEqual(expect.arrayContaining(['amd64 exe', 'arm64 exe']));
  });

  it('one at a time with limit 1, in round-robin order', async () => {
    const {task, peak, started} = fakeTests();
    await runLanes(new RecordingHost(), [[task('amd64 a', 1), task('amd64 b', 1)], [task('arm64 a', 1)]], 1);
    expect(peak.runs).toBe(1);
    expect(started).toEqual(['amd64 a', 'arm64 a', 'amd64 b']);
  });

  it('a failed test cancels nothing: every test runs and every failure is reported', async () => {
    const host = new RecordingHost();
    const {task, started} = fakeTests();
    const outcomes = await runLanes(
      host,
      [[task('amd64 a', 1, {fails: true}), task('amd64 b', 10)], [task('arm64 a', 10, {fails: true})]],
      2
    );
    expect(started).toHaveLength(3);
    expect(outcomes.map(o => o.values)).toEqual([['amd64 a failed', 'amd64 b passed'], ['arm64 a failed']]);
    expect(host.lines.filter(l => l.startsWith('group:'))).toEqual([
      'group: test amd64 a — failed',
      'group: test amd64 b — passed',
      'group: test arm64 a — failed'
    ]);
  });

  it('a test that throws rejects once every other test has ended and printed', async () => {
    const host = new RecordingHost();
    const {task} = fakeTests();
    await expect(runLanes(host, [[task('amd64 a', 1, {throws: true})], [task('arm64 a', 20)]], 2)).rejects.toThrow(
      'amd64 a: docker is gone'
    );
    expect(host.lines).toEqual(['group: test arm64 a — passed', 'output of arm64 a']);
  });
});
