import {describe, expect, it} from '@jest/globals';
import {dockerStartFailure, keepLast, tail} from '../../src/core/results.js';

describe('output kept while it streams', () => {
  it('joins chunks as they were written: `echo one; sleep 1; echo two` stays two lines', () => {
    let kept = '';
    for (const chunk of ['one\n', 'two\n']) kept = keepLast(kept + chunk, 8000);
    expect(tail(kept)).toBe('one\ntwo');
  });

  it('keeps the last characters, from a line start where one is near', () => {
    expect(keepLast('aaaa\nbbbb\ncccc\n', 9)).toBe('cccc\n');
    expect(keepLast('x'.repeat(20), 5)).toBe('xxxxx');
  });
});

describe('dockerStartFailure', () => {
  it('names docker’s own error, not the help hint after it', () => {
    const output =
      "docker: Error response from daemon: unable to find user svc: no matching entries in passwd file.\nRun 'docker run --help' for more information\n";
    expect(dockerStartFailure(output)).toBe('unable to find user svc: no matching entries in passwd file.');
  });

  it('without a docker error line: the last line that is not a hint', () => {
    expect(dockerStartFailure('exec: "nope": executable file not found in $PATH\nSee \'docker run --help\'.\n')).toBe(
      'exec: "nope": executable file not found in $PATH'
    );
  });
});
