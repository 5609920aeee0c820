// promote signs the promoted digest with cosign; the signature verifies with the public key.
import {describe, expect, it} from '@jest/globals';
import {execFileSync} from 'node:child_process';
import {join} from 'node:path';
import type {PromoteReport} from '../../src/app/promote.js';
import {runCli} from '../helpers/cli.js';
import {exampleRepo} from './helpers/repo.js';
import {testbed} from './helpers/testbed.js';

describe('promote with sign: cosign', () => {
  it('signs the promoted digest once, with a key pair, and the signature verifies', async () => {
    const tb = testbed();
    const savedPath = process.env.PATH;
    process.env.PATH = `${tb.bin}:${savedPath}`;
    try {
      const repo = exampleRepo(
        'multiarch',
        c => `${c}promote:\n  sign: cosign\n  cosign-key: keys/cosign.key\n  cosign-tlog: false\n`
      );
      execFileSync('mkdir', ['-p', join(repo.dir, 'keys')]);
      repo.write('.gitignore', 'keys/\n');
      repo.commit();
      const password = 'correct horse battery staple';
      execFileSync('cosign', ['generate-key-pair'], {
        cwd: join(repo.dir, 'keys'),
        env: {...process.env, COSIGN_PASSWORD: password}
      });
      const env = {PATH: process.env.PATH, HOME: process.env.HOME, COSIGN_PASSWORD: password};
      expect((await runCli(['gate'], {cwd: repo.dir, env})).code).toBe(0);
      const p = await runCli(['promote', '--json'], {cwd: repo.dir, env});
      expect({code: p.code, stderr: p.code ? p.stderr : ''}).toEqual({code: 0, stderr: ''});
      expect(p.stdout + p.stderr).not.toContain(password);
      const web = (JSON.parse(p.stdout) as PromoteReport).images[0]!;
      expect(web.signed).toMatchObject({ref: `${tb.registry}/${repo.namespace}/web@${web.digest}`, created: true});
      execFileSync(
        join(tb.bin, 'cosign'),
        [
          'verify',
          '--key',
          join(repo.dir, 'keys/cosign.pub'),
          '--insecure-ignore-tlog',
          '--allow-insecure-registry',
          web.signed!.ref
        ],
        {stdio: 'pipe'}
      );
      // A re-run finds the signature and does not sign again.
      const again = await runCli(['promote', '--json'], {cwd: repo.dir, env});
      expect((JSON.parse(again.stdout) as PromoteReport).images[0]!.signed).toMatchObject({created: false});
    } finally {
      process.env.PATH = savedPath;
    }
  });
});
