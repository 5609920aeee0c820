// The composition root: one credential model, masked from the start; nothing runs until a use case asks.
import {describe, expect, it} from '@jest/globals';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PACK_RELEASE} from '../../src/core/buildpacks/pack-release.js';
import {composeServices} from '../../src/compose/services.js';
import {readRunEnvironment} from '../../src/host/environment.js';
import {RecordingHost} from '../helpers/fakes.js';

describe('composeServices', () => {
  it('masks the explicit password (and its basic-auth form) as soon as the run connects', async () => {
    const host = new RecordingHost();
    const env = readRunEnvironment({
      HOME: '/nonexistent',
      IMAGEGATE_REGISTRY_USER: 'bot',
      IMAGEGATE_REGISTRY_PASSWORD: 'pa55word'
    });
    const connection = await composeServices({env, log: host}).connect({
      explicitHosts: ['ghcr.io']
    });
    expect(host.secrets).toEqual(expect.arrayContaining(['pa55word', Buffer.from('bot:pa55word').toString('base64')]));
    await connection.close();
  });

  it('half a login is refused when the engine is opened, naming both settings', async () => {
    const host = new RecordingHost();
    const env = readRunEnvironment({HOME: '/nonexistent', IMAGEGATE_REGISTRY_PASSWORD: 'pa55word'});
    const connection = await composeServices({env, log: host}).connect({
      explicitHosts: ['ghcr.io']
    });
    await expect(connection.engine({})).rejects.toThrow(
      'IMAGEGATE_REGISTRY_PASSWORD is set but IMAGEGATE_REGISTRY_USER is not; set both IMAGEGATE_REGISTRY_USER and IMAGEGATE_REGISTRY_PASSWORD'
    );
    await connection.close();
  });
});

describe('programs imagegate starts', () => {
  it('inherit the run’s environment, but not the action’s inputs or the registry password', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'imagegate-compose-'));
    // A pack on PATH that says what it was started with (setup asks it for its version).
    writeFileSync(join(dir, 'pack'), `#!/bin/sh\nenv > ${join(dir, 'env.txt')}\necho ${PACK_RELEASE.version}\n`, {
      mode: 0o755
    });
    const env = readRunEnvironment({
      PATH: `${dir}:${process.env.PATH}`,
      HOME: dir,
      KEEP_ME: 'yes',
      'INPUT_REGISTRY-PASSWORD': 'input-secret',
      IMAGEGATE_REGISTRY_USER: 'bot',
      IMAGEGATE_REGISTRY_PASSWORD: 'env-secret'
    });
    const services = composeServices({
      env: {...env, tempRoot: dir},
      log: new RecordingHost()
    });
    expect(await services.installer.installPack()).toMatchObject({path: join(dir, 'pack'), cached: true});
    const seen = readFileSync(join(dir, 'env.txt'), 'utf8');
    expect(seen).toContain('KEEP_ME=yes');
    expect(seen).toContain(`TMPDIR=${dir}`);
    expect(seen).not.toContain('input-secret');
    expect(seen).not.toContain('env-secret');
  });
});
