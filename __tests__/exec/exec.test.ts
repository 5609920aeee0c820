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
});
