import {describe, expect, it} from '@jest/globals';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {emulationFor, hostArchitecture, unregisteredEmulation} from '../../src/io/binfmt.js';

describe('emulationFor', () => {
  const dir = mkdtempSync(join(tmpdir(), 'binfmt-'));
  writeFileSync(
    join(dir, 'qemu-aarch64'),
    'enabled\ninterpreter /usr/libexec/qemu-binfmt/aarch64-binfmt-P\nflags: PF\n'
  );
  writeFileSync(join(dir, 'qemu-s390x'), 'disabled\n');
  writeFileSync(join(dir, 'status'), 'enabled\n');

  it('the host platform runs natively', async () => {
    expect(await emulationFor(`linux/${hostArchitecture()}`, dir)).toEqual({native: true});
  });
  it('a registered handler means emulation is ready', async () => {
    expect(await emulationFor('linux/arm64', dir)).toEqual({native: false, handler: 'qemu-aarch64', ready: true});
  });
  it('a missing or disabled handler names the platform and the fix', async () => {
    const riscv = await emulationFor('linux/riscv64', dir);
    expect(riscv).toMatchObject({ready: false, fix: expect.stringContaining('no QEMU handler for linux/riscv64')});
    expect(riscv).toMatchObject({fix: expect.stringContaining('tonistiigi/binfmt --install riscv64')});
    expect(await emulationFor('linux/s390x', dir)).toMatchObject({
      ready: false,
      fix: expect.stringContaining('is disabled')
    });
  });
  it('without binfmt_misc mounted (a job container driving another engine) it cannot tell, and lets the tests run', async () => {
    const unmounted = mkdtempSync(join(tmpdir(), 'binfmt-unmounted-'));
    expect(await emulationFor('linux/arm64', unmounted)).toEqual({
      native: false,
      handler: 'qemu-aarch64',
      ready: true,
      checked: false
    });
  });
  it('an exec format error there names the missing QEMU handler and the fix', () => {
    expect(unregisteredEmulation('linux/arm64', 'exec /bin/sh: exec format error')).toContain(
      'tonistiigi/binfmt --install arm64'
    );
    expect(unregisteredEmulation('linux/arm64', 'test: /app/ready: not found')).toBeUndefined();
  });
});
