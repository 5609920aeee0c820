// `npm run demo` is one of the README's two commands: it must run the gate on the four examples
// and show that the failing ones pushed nothing.
import {describe, expect, it} from '@jest/globals';
import {spawnSync} from 'node:child_process';
import {join} from 'node:path';
import {ROOT} from './helpers/repo.js';
import {testbed} from './helpers/testbed.js';

describe('npm run demo', () => {
  it('passes the multi-arch and distroless examples and pushes nothing for the two failing ones', () => {
    testbed();
    const r = spawnSync('bash', [join(ROOT, 'scripts/demo')], {cwd: ROOT, encoding: 'utf8'});
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/exit code 0; localhost:5000\/acme\/web now holds: .*staging-[0-9a-f]{32}/);
    expect(r.stdout).toContain('exit code 1; localhost:5000/acme/vendor-cli now holds: nothing');
    expect(r.stdout).toContain('exit code 1; localhost:5000/acme/cache-writer now holds: nothing');
    expect(r.stdout).toMatch(/exit code 0; localhost:5000\/acme\/job now holds: .*staging-[0-9a-f]{32}/);
  });
});
