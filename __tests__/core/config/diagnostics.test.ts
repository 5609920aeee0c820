import {describe, expect, it} from '@jest/globals';
import {formatDiagnostic, sortDiagnostics} from '../../../src/core/config/diagnostics.js';

describe('formatDiagnostic', () => {
  it('writes FILE:LINE:COL: message for an error', () => {
    expect(formatDiagnostic('x.yml', {line: 3, col: 7, message: 'bad'})).toBe('x.yml:3:7: bad');
    expect(formatDiagnostic('x.yml', {line: 3, col: 7, message: 'bad', severity: 'error'})).toBe('x.yml:3:7: bad');
  });

  it('marks a warning as such', () => {
    expect(formatDiagnostic('x.yml', {line: 6, col: 16, message: 'pinned by tag only', severity: 'warning'})).toBe(
      'x.yml:6:16: warning: pinned by tag only'
    );
  });
});

describe('sortDiagnostics', () => {
  it('puts diagnostics in file order without changing the list it is given', () => {
    const list = [
      {line: 4, col: 5, message: 'c'},
      {line: 1, col: 11, message: 'a'},
      {line: 4, col: 1, message: 'b'}
    ];
    expect(sortDiagnostics(list).map(d => d.message)).toEqual(['a', 'b', 'c']);
    expect(list.map(d => d.message)).toEqual(['c', 'a', 'b']);
  });
});
