// `npm run demo` is one of the README's two commands: it must run the gate on every example, show
// the expected and the actual outcome of each, read back what was pushed, and show that the failing
// ones pushed nothing.
import {describe, expect, it} from '@jest/globals';
import {spawnSync} from 'node:child_process';
import {join} from 'node:path';
import {ROOT} from './helpers/repo.js';
import {testbed} from './helpers/testbed.js';

describe('npm run demo', () => {
  it('every example turns out as expected: two pass and are pushed, the four failing ones push nothing', () => {
    testbed();
    const r = spawnSync('bash', [join(ROOT, 'scripts/demo')], {cwd: ROOT, encoding: 'utf8'});
    expect({status: r.status, stderr: r.stderr}).toEqual({status: 0, stderr: ''});
    const verdicts = [...r.stdout.matchAll(/^\S*examples\/([\w-]+)\S*:[\s\S]*?^ {2}(\S) /gm)].map(m => [m[1], m[2]]);
    expect(verdicts).toEqual(
      ['multiarch', 'amd64-only', 'nonroot-write', 'distroless', 'service-readonly', 'service-arm64-crash'].map(e => [
        e,
        '\u2713'
      ])
    );
    expect(r.stdout).toMatch(
      /actual {4}exit 0, pushed localhost:5000\/acme\/web:staging-[0-9a-f]{32} \(sha256:[0-9a-f]{12}…, read back\)/
    );
    expect(r.stdout).toMatch(
      /actual {4}exit 0, pushed localhost:5000\/acme\/job:staging-[0-9a-f]{32} .*4 file check\(s\), 10 metadata check\(s\)/
    );
    expect(r.stdout).toContain(
      'actual    exit 1, nothing pushed; vendor-cli fails on linux/arm64 (the CLI starts: exit 1, executables are for linux/arm64: '
    );
    expect(r.stdout).toContain(
      'actual    exit 1, nothing pushed; broken fails on linux/amd64, linux/arm64 (service: service: the service exited with code 1 before it was ready)'
    );
    expect(r.stdout).toContain('fixed passes on linux/amd64, linux/arm64');
    expect(r.stdout).toContain(
      'actual    exit 1, nothing pushed; crashy fails on linux/arm64 (service: web: the service exited with code 3 before it was ready)'
    );
    expect(r.stdout).toContain('all 6 examples turned out as expected');
  });
});
