import {describe, expect, it} from '@jest/globals';
import {configSource, pathText, Positions} from '../../../src/core/config/positions.js';

const positions = new Positions(
  {line: 1, col: 1},
  new Map([
    ['(top level)', {line: 1, col: 1}],
    ['images', {line: 3, col: 3}],
    ['images[0]', {line: 3, col: 5}],
    ['images[0].platforms', {line: 4, col: 16}]
  ])
);

describe('pathText', () => {
  it('writes a path as the README does', () => {
    expect(pathText(['images', 0, 'test', 'commands', 1, 'run'])).toBe('images[0].test.commands[1].run');
    expect(pathText([])).toBe('(top level)');
  });
});

describe('Positions', () => {
  it('gives the position of a value the file writes', () => {
    expect(positions.at(['images', 0, 'platforms'])).toEqual({line: 4, col: 16});
    expect(positions.of('images[0].platforms')).toEqual({line: 4, col: 16});
  });

  it('places a value the file leaves out at the nearest value that holds it', () => {
    expect(positions.at(['images', 0, 'tags', 0])).toEqual({line: 3, col: 5});
    expect(positions.at(['staging', 'registry'])).toEqual({line: 1, col: 1});
    expect(positions.of('images[0].tags[0]')).toBeUndefined();
  });
});

describe('configSource', () => {
  it('says FILE:LINE for a written value and nothing for a default', () => {
    const source = configSource('sub/dir/.imagegate.yml', positions);
    expect(source.file).toBe('sub/dir/.imagegate.yml');
    expect(source.where('images[0].platforms')).toBe('.imagegate.yml:4');
    expect(source.where('images[0].context')).toBeUndefined();
    expect(source.position('images[0]')).toEqual({line: 3, col: 5});
  });
});
