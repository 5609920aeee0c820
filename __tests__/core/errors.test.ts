import {describe, expect, it} from '@jest/globals';
import {ConfigError, EXIT} from '../../src/core/errors.js';

describe('ConfigError', () => {
  const error = new ConfigError('.imagegate.yml', [
    {line: 1, col: 11, message: '`registry`: `acme` does not start with a registry host'},
    {line: 4, col: 5, message: 'unknown key `platfroms` in `images[0]`, did you mean `platforms`?'}
  ]);

  it('carries the file and its diagnostics as data', () => {
    expect(error.file).toBe('.imagegate.yml');
    expect(error.diagnostics.map(d => [d.line, d.col])).toEqual([
      [1, 11],
      [4, 5]
    ]);
  });

  it('shows each diagnostic as FILE:LINE:COL: message, one a line, and exits 2', () => {
    expect(error.lines).toEqual([
      '.imagegate.yml:1:11: `registry`: `acme` does not start with a registry host',
      '.imagegate.yml:4:5: unknown key `platfroms` in `images[0]`, did you mean `platforms`?'
    ]);
    expect(error.message).toBe(error.lines.join('\n'));
    expect(error.exitCode).toBe(EXIT.usage);
    expect(error.name).toBe('ConfigError');
  });
});
