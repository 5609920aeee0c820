// The one seam for programs: argv arrays, the run's environment, a missing program named with the fix.
import {describe, expect, it} from '@jest/globals';
import {InfrastructureError} from '../../src/core/errors.js';
import {ExecError, output, ProcessExec} from '../../src/exec/exec.js';

const exec = new ProcessExec({
  env: {PATH: process.env.PATH, IMAGEGATE_X: 'from-the-run'},
  output: () => ({write: () => undefined, end: () => undefined})
});

describe('ProcessExec', () => {
  it('passes argv as it is (no shell) and the run’s environment plus the call’s own', async () => {
    const r = await exec.run(
      'sh',
      ['-c', 'printf "%s|%s|%s" "$1" "$IMAGEGATE_X" "$IMAGEGATE_Y"', 'sh', 'a b; $(echo no)'],
      {
        env: {IMAGEGATE_Y: 'from-the-call'}
      }
    );
    expect(r).toEqual({exitCode: 0, stdout: 'a b; $(echo no)|from-the-run|from-the-call', stderr: ''});
  });

  it('a missing program is an infrastructure error that names it', async () => {
    await expect(exec.run('imagegate-no-such-program', [])).rejects.toThrow(InfrastructureError);
    await expect(exec.run('imagegate-no-such-program', [])).rejects.toThrow(
      '`imagegate-no-such-program` is not installed'
    );
  });

  it('output() returns stdout, and a non-zero exit is an ExecError with the last line', async () => {
    expect(await output(exec, 'sh', ['-c', 'echo hi'])).toBe('hi\n');
    await expect(output(exec, 'sh', ['-c', 'echo first >&2; echo broken >&2; exit 4'])).rejects.toThrow(
      new ExecError('sh', ['-c'], {exitCode: 4, stdout: '', stderr: 'broken'}).message
    );
  });

  it('hands `input` to stdin (secrets go this way) and ends stdin at once without it', async () => {
    expect((await exec.run('cat', [], {input: 'the-token\n'})).stdout).toBe('the-token\n');
    expect(await exec.run('cat', [])).toEqual({exitCode: 0, stdout: '', stderr: ''});
  });

  it('a program killed by a signal exits 128 + the signal number, as a shell reports it', async () => {
    expect((await exec.run('sh', ['-c', 'kill -TERM $$'])).exitCode).toBe(143);
  });

  it('multi-byte characters split across chunks arrive whole, to the result and to onOutput', async () => {
    const seen: string[] = [];
    const script = 'printf "\\342\\234"; sleep 0.1; printf "\\223 done"';
    const r = await exec.run('sh', ['-c', script], {onOutput: t => void seen.push(t)});
    expect(r.stdout).toBe('\u2713 done');
    expect(seen.join('')).toBe('\u2713 done');
  });

  it('a working directory that does not exist is named as such, not as a missing program', async () => {
    await expect(exec.run('sh', ['-c', 'true'], {cwd: '/imagegate-no-such-dir'})).rejects.toThrow(
      'cannot run `sh` in /imagegate-no-such-dir: the directory does not exist'
    );
  });
});
