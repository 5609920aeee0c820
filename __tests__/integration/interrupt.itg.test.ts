// Ctrl-C or a cancelled job while command tests and file checks run: the CLI removes every
// container it created (command tests, the containers it reads files from) before it exits.
import {beforeAll, describe, expect, it} from '@jest/globals';
import {spawn} from 'node:child_process';
import {join} from 'node:path';
import {exampleRepo, ROOT} from './helpers/repo.js';
import {leftovers} from './helpers/services.js';
import {testbed} from './helpers/testbed.js';

beforeAll(() => {
  testbed();
});

const config = `registry: REGISTRY/interrupt
images:
  - name: web
    platforms: [linux/amd64, linux/arm64]
    test:
      commands:
        - sleep 300
      files:
        - path: /app/start
          exists: true
`;

describe('interrupting a gate', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    it(`${signal} while command tests run: every test container is removed, exit ${signal === 'SIGINT' ? 130 : 143}`, async () => {
      const before = leftovers();
      const repo = exampleRepo('service-web', () => config.replace('REGISTRY', testbed().registry));
      const child = spawn(process.execPath, [join(ROOT, 'dist/cli/index.js'), 'check'], {
        cwd: repo.dir,
        stdio: ['ignore', 'pipe', 'pipe']
      });
      let output = '';
      child.stdout.on('data', (c: Buffer) => void (output += c.toString()));
      child.stderr.on('data', (c: Buffer) => void (output += c.toString()));
      const exited = new Promise<number | null>(resolve => child.on('exit', code => resolve(code)));
      // Both platforms' `sleep 300` containers run.
      for (let i = 0; i < 600 && leftovers().length < before.length + 2; i++)
        await new Promise(r => setTimeout(r, 250));
      expect(leftovers().length).toBeGreaterThanOrEqual(before.length + 2);
      child.kill(signal);
      expect(await exited).toBe(signal === 'SIGINT' ? 130 : 143);
      expect(output).toContain(`${signal}: removing the test containers and networks`);
      expect(leftovers()).toEqual(before);
    });
});
