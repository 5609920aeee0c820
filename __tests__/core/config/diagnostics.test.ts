import {describe, expect, it} from '@jest/globals';
import {boundDiagnostics, formatDiagnostic, sortDiagnostics} from '../../../src/core/config/diagnostics.js';

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

describe('boundDiagnostics', () => {
  const list = Array.from({length: 5}, (_, i) => ({line: 5 - i, col: 1, message: `m${5 - i}`}));

  it('keeps a short list whole, in file order', () => {
    expect(boundDiagnostics(list, 5).map(d => d.message)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
  });

  it('lists the first ones and counts the rest at the first one left out', () => {
    expect(boundDiagnostics(list, 3)).toEqual([
      {line: 1, col: 1, message: 'm1'},
      {line: 2, col: 1, message: 'm2'},
      {line: 3, col: 1, message: 'm3'},
      {line: 4, col: 1, message: 'and 2 more problems from here on (only the first 3 are listed); fix these first'}
    ]);
    expect(boundDiagnostics(list, 4)[4]?.message).toBe(
      'and 1 more problem from here on (only the first 4 are listed); fix these first'
    );
  });

  it('counts warnings as warnings', () => {
    const warnings = list.map(d => ({...d, severity: 'warning' as const}));
    expect(boundDiagnostics(warnings, 3)[3]?.severity).toBe('warning');
  });
});
