// The composition root: one credential model, masked from the start; nothing runs until a use case asks.
import {describe, expect, it} from '@jest/globals';
import {PassThrough} from 'node:stream';
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
    const connection = composeServices({env, log: host, stream: new PassThrough()}).connect({
      explicitHosts: ['ghcr.io']
    });
    expect(host.secrets).toEqual(expect.arrayContaining(['pa55word', Buffer.from('bot:pa55word').toString('base64')]));
    await connection.close();
  });

  it('half a login is refused when the engine is opened, naming both settings', async () => {
    const host = new RecordingHost();
    const env = readRunEnvironment({HOME: '/nonexistent', IMAGEGATE_REGISTRY_PASSWORD: 'pa55word'});
    const connection = composeServices({env, log: host, stream: new PassThrough()}).connect({
      explicitHosts: ['ghcr.io']
    });
    await expect(connection.engine({})).rejects.toThrow(
      'IMAGEGATE_REGISTRY_PASSWORD is set but IMAGEGATE_REGISTRY_USER is not; set both IMAGEGATE_REGISTRY_USER and IMAGEGATE_REGISTRY_PASSWORD'
    );
    await connection.close();
  });
});
