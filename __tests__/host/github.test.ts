// The GitHub host speaks through @actions/core: workflow commands on stdout, step outputs in
// GITHUB_OUTPUT. Text from outside imagegate is printed with workflow commands stopped around it.
import {afterEach, beforeEach, describe, expect, it, jest} from '@jest/globals';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {GitHubHost} from '../../src/host/github.js';

let printed = '';
beforeEach(() => {
  printed = '';
  jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
    printed += String(chunk);
    return true;
  });
});
afterEach(() => {
  jest.restoreAllMocks();
  delete process.env.GITHUB_OUTPUT;
});

describe('GitHubHost', () => {
  it('uses workflow commands for groups, annotations and masks', async () => {
    const host = new GitHubHost({summary: false});
    host.mask('hunter22');
    await host.group('build web', async () => host.error('bad\nthing', {file: '.imagegate.yml', line: 3, col: 5}));
    expect(printed).toBe(
      '::add-mask::hunter22\n::group::build web\n::error file=.imagegate.yml,line=3,col=5::bad%0Athing\n::endgroup::\n'
    );
  });

  it('stops workflow commands around text that could forge one', () => {
    const host = new GitHubHost({summary: false});
    host.verbatim('ok\n::set-output name=digest::forged\r::warning::fake\n##[error]fake');
    const lines = printed.split('\n');
    const token = /^::stop-commands::([0-9a-f]{32})$/.exec(lines[0]!)?.[1];
    expect(token).toBeDefined();
    expect(lines).toContain(`::${token}::`);
    expect(printed).not.toContain('\r');
    printed = '';
    host.info('line from a branch name\n::error::forged');
    expect(printed).toMatch(/^::stop-commands::[0-9a-f]{32}\n/);
  });

  it('streamed program output: a line that could be a command is quarantined, even split across chunks or after a CR', () => {
    const host = new GitHubHost({summary: false});
    const block = host.block();
    block.write('#1 building\n#2 echo ::');
    block.write('set-output name=digest::forged\r  ::warning::fake\n\x1b[31m##[error]fake\nlast');
    block.end();
    const lines = printed.split('\n').filter(Boolean);
    const stops = lines.filter(l => /^::stop-commands::[0-9a-f]{32}$/.test(l));
    expect(lines[0]).toBe('#1 building');
    // `#2 echo ::set-output…` does not start with `::`; the CR-separated `  ::warning::` and the coloured `##[error]` do.
    expect(stops).toHaveLength(2);
    for (const stop of stops) {
      const token = stop.split('::')[2]!;
      const at = lines.indexOf(stop);
      expect(lines[at + 2]).toBe(`::${token}::`);
    }
    expect(lines.at(-1)).toBe('last');
    expect(printed).not.toContain('\r');
  });

  it('sets every output the action declares', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'imagegate-gh-'));
    process.env.GITHUB_OUTPUT = join(dir, 'output');
    writeFileSync(process.env.GITHUB_OUTPUT, '');
    await new GitHubHost({summary: false}).setOutputs({
      scenario: 'gate',
      images: [{name: 'web', digest: 'sha256:ab'}],
      tags: ['r/web:staging-1'],
      refs: ['r/web:staging-1@sha256:ab'],
      pushed: true,
      results: {x: 1},
      junit: '/tmp/j.xml'
    });
    const text = readFileSync(process.env.GITHUB_OUTPUT, 'utf8');
    for (const name of ['scenario', 'digest', 'digests', 'refs', 'tags', 'pushed', 'results', 'junit'])
      expect(text).toMatch(new RegExp(`^${name}<<ghadelimiter_`, 'm'));
    expect(text).toMatch(/^digest<<(ghadelimiter_[\w-]+)\nsha256:ab\n\1$/m);
  });
});
