import {describe, expect, it} from '@jest/globals';
import {StreamReporter} from '../../src/host/reporter.js';

function capture(style: 'plain' | 'github' | 'gitlab') {
  let out = '';
  return {reporter: new StreamReporter(t => void (out += t), style), out: () => out};
}

describe('StreamReporter', () => {
  it('masks secrets in everything it prints', async () => {
    const {reporter, out} = capture('plain');
    reporter.mask('hunter22');
    reporter.info('token=hunter22');
    await reporter.group('push with hunter22', async () => reporter.warning('hunter22 again'));
    expect(out()).not.toContain('hunter22');
    expect(out()).toContain('token=***');
  });

  it('uses GitHub workflow commands for groups and annotations, and registers masks', async () => {
    const {reporter, out} = capture('github');
    reporter.mask('hunter22');
    await reporter.group('build web', async () =>
      reporter.error('bad\nthing', {file: '.imagegate.yml', line: 3, col: 5})
    );
    expect(out()).toBe(
      '::add-mask::hunter22\n::group::build web\n::error file=.imagegate.yml,line=3,col=5::bad%0Athing\n::endgroup::\n'
    );
  });

  it('uses GitLab collapsible sections', async () => {
    const {reporter, out} = capture('gitlab');
    await reporter.group('test web', async () => reporter.info('inside'));
    expect(out()).toMatch(
      /^\x1b\[0Ksection_start:\d+:imagegate_1\[collapsed=true\]\r\x1b\[0Ktest web\ninside\n\x1b\[0Ksection_end:\d+:imagegate_1\r\x1b\[0K\n$/
    );
  });

  it('closes a group when its work throws', async () => {
    const {reporter, out} = capture('github');
    await expect(reporter.group('x', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(out()).toContain('::endgroup::');
  });
});
