import {describe, expect, it} from '@jest/globals';
import {describeElf, elfForPlatform, readElf} from '../../src/core/elf.js';
import {describeForeign, ExecutablesCheck, globMatcher} from '../../src/core/executables.js';
import {TarScanner, type TarEntry} from '../../src/core/tar-scan.js';
import {loadConfig} from '../../src/core/config/load.js';
import {tinyElf} from '../helpers/tiny-elf.js';

/** One ustar header (and body) the way docker export writes them; `pax` adds a PAX path record first. */
function tarEntry(path: string, body: Buffer, opts: {mode?: number; type?: string; pax?: boolean} = {}): Buffer {
  const parts: Buffer[] = [];
  if (opts.pax) {
    const record = (len: number) => `${len} path=${path}\n`;
    let len = record(0).length;
    while (record(len).length !== len) len = record(len).length;
    parts.push(header('PaxHeaders/x', Buffer.byteLength(record(len)), 0o644, 'x'), pad(Buffer.from(record(len))));
  }
  parts.push(header(opts.pax ? 'short' : path, body.length, opts.mode ?? 0o755, opts.type ?? '0'), pad(body));
  return Buffer.concat(parts);
}

function header(name: string, size: number, mode: number, type: string): Buffer {
  const h = Buffer.alloc(512);
  h.write(name.slice(0, 100), 0);
  h.write(`${mode.toString(8).padStart(7, '0')}\0`, 100);
  h.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  h.write(type, 156);
  h.write('ustar\0' + '00', 257);
  return h;
}

function pad(b: Buffer): Buffer {
  return Buffer.concat([b, Buffer.alloc((512 - (b.length % 512)) % 512)]);
}

function scan(archive: Buffer, chunk: number): TarEntry[] {
  const entries: TarEntry[] = [];
  const scanner = new TarScanner(e => entries.push(e), 20);
  for (let i = 0; i < archive.length; i += chunk) scanner.push(archive.subarray(i, i + chunk));
  scanner.end();
  return entries;
}

describe('readElf and the platforms', () => {
  it('reads class, byte order and machine from the first 20 bytes', () => {
    expect(readElf(tinyElf('x86-64'))).toEqual({bits: 64, endian: 'le', machine: 62});
    expect(readElf(tinyElf('aarch64'))).toEqual({bits: 64, endian: 'le', machine: 183});
    expect(readElf(tinyElf('arm'))).toEqual({bits: 32, endian: 'le', machine: 40});
    const s390 = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 22]);
    expect(readElf(s390)).toEqual({bits: 64, endian: 'be', machine: 22});
    expect(readElf(Buffer.from('#!/bin/sh\necho hello world\n'))).toBeUndefined();
    expect(readElf(tinyElf('arm').subarray(0, 19))).toBeUndefined();
  });

  it('names architectures as a reader knows them', () => {
    expect(describeElf({bits: 64, endian: 'le', machine: 62})).toBe('x86-64');
    expect(describeElf({bits: 32, endian: 'le', machine: 40})).toBe('32-bit ARM');
    expect(describeElf({bits: 32, endian: 'le', machine: 62})).toBe('32-bit x86-64');
    expect(describeElf({bits: 64, endian: 'le', machine: 9999})).toBe('64-bit machine 9999');
    expect(elfForPlatform('linux/arm/v7')).toEqual({bits: 32, endian: 'le', machine: 40});
    expect(elfForPlatform('linux/s390x')).toEqual({bits: 64, endian: 'be', machine: 22});
    expect(elfForPlatform('windows/amd64')).toBeUndefined();
  });
});

describe('TarScanner', () => {
  it('yields each entry with its mode and first bytes, whatever the chunking, PAX paths included', () => {
    const long = `usr/lib/${'x'.repeat(150)}/tool`;
    const archive = Buffer.concat([
      tarEntry('usr/bin/', Buffer.alloc(0), {type: '5'}),
      tarEntry('usr/bin/tool', Buffer.concat([tinyElf('x86-64'), Buffer.alloc(5000, 1)])),
      tarEntry(long, tinyElf('arm'), {pax: true}),
      tarEntry('usr/bin/sh', Buffer.alloc(0), {type: '2'}),
      Buffer.alloc(1024)
    ]);
    for (const chunk of [1, 7, 511, 512, 4096, archive.length]) {
      const entries = scan(archive, chunk);
      expect(entries.map(e => [e.path, e.type, e.mode, e.head.length])).toEqual([
        ['usr/bin/', '5', 0o755, 0],
        ['usr/bin/tool', '0', 0o755, 20],
        [long, '0', 0o755, 20],
        ['usr/bin/sh', '2', 0o755, 0]
      ]);
      expect(readElf(entries[2]!.head)?.machine).toBe(40);
    }
  });

  it('refuses a stream cut inside an entry', () => {
    const archive = tarEntry('bin/x', Buffer.alloc(2000));
    const scanner = new TarScanner(() => undefined, 20);
    scanner.push(archive.subarray(0, 1000));
    expect(() => scanner.end()).toThrow('the tar stream ended inside an entry');
  });
});

describe('ExecutablesCheck', () => {
  const entry = (path: string, head: Buffer, mode = 0o755): TarEntry => ({
    path,
    type: '0',
    mode,
    size: head.length,
    head
  });

  it('reports every executable ELF file for another machine, and ignores the listed payloads', () => {
    const check = ExecutablesCheck.for('linux/arm64', ['/opt/sdk/**', '/usr/share/*.bin'])!;
    check.add(entry('usr/bin/ok', tinyElf('aarch64')));
    check.add(entry('usr/local/bin/tool', tinyElf('x86-64')));
    check.add(entry('usr/local/bin/tool32', tinyElf('arm')));
    check.add(entry('usr/lib/not-executable.so', tinyElf('x86-64'), 0o644));
    check.add(entry('usr/bin/script', Buffer.from('#!/bin/sh\nexit 0\n')));
    check.add(entry('opt/sdk/arm/gcc', tinyElf('arm')));
    check.add(entry('usr/share/fw.bin', tinyElf('x86-64')));
    check.add({...entry('usr/bin/link', Buffer.alloc(0)), type: '2'});
    const finding = check.result();
    expect(finding).toEqual({
      platform: 'linux/arm64',
      checked: 6,
      elf: 5,
      ignored: 2,
      foreign: [
        {path: '/usr/local/bin/tool', architecture: 'x86-64'},
        {path: '/usr/local/bin/tool32', architecture: '32-bit ARM'}
      ]
    });
    expect(describeForeign(finding)).toBe(
      '2 executable(s) of this linux/arm64 image are not for AArch64 and fail with "exec format error" on a real linux/arm64 node: /usr/local/bin/tool (x86-64), /usr/local/bin/tool32 (32-bit ARM); install the linux/arm64 build of each, or list a deliberate multi-architecture payload under `executables.ignore`'
    );
    expect(ExecutablesCheck.for('linux/mips', [])).toBeUndefined();
  });

  it('an armv7 image refuses AArch64 programs, an amd64 one 32-bit ARM ones', () => {
    const arm = ExecutablesCheck.for('linux/arm/v7', [])!;
    arm.add(entry('bin/a', tinyElf('aarch64')));
    arm.add(entry('bin/b', tinyElf('arm')));
    expect(arm.result().foreign).toEqual([{path: '/bin/a', architecture: 'AArch64'}]);
    const amd = ExecutablesCheck.for('linux/amd64', [])!;
    amd.add(entry('bin/c', tinyElf('arm')));
    expect(amd.result().foreign).toEqual([{path: '/bin/c', architecture: '32-bit ARM'}]);
  });

  it('globs: * and ? within a segment, ** across, a directory covers what is under it', () => {
    const m = globMatcher(['/opt/a/*', '/x/**/y', '/dir', '/f?le']);
    expect(['/opt/a/b', '/x/y', '/x/1/2/y', '/dir/sub/file', '/file'].map(m)).toEqual([true, true, true, true, true]);
    expect(['/opt/ab', '/x/yy', '/dirx', '/fiile', '/opt/a.b'].map(m)).toEqual([false, false, false, false, false]);
  });
});

describe('the executables key', () => {
  const config = (executables: string) =>
    loadConfig(
      `registry: localhost:5000/acme\nimages:\n  - name: web\n    platforms: [linux/arm64]\n${executables}    test: ['true']\n`,
      '.imagegate.yml'
    );

  it('is on by default; ignore lists absolute globs; check: false turns it off', () => {
    const none = config('');
    expect(none.ok && none.config.images[0]!.executables).toBeUndefined();
    const set = config('    executables:\n      ignore: [/opt/sdk/**]\n');
    expect(set.ok && set.config.images[0]!.executables).toEqual({check: true, ignore: ['/opt/sdk/**']});
    const off = config('    executables: {check: false}\n');
    expect(off.ok && off.config.images[0]!.executables).toEqual({check: false, ignore: []});
  });

  it('a relative pattern or a misspelt key is a diagnostic at its line, with the fix', () => {
    const relative = config('    executables:\n      ignore: [opt/sdk]\n');
    expect(!relative.ok && relative.diagnostics.map(d => `${d.line} ${d.message}`)).toEqual([
      expect.stringMatching(/^6 .*`opt\/sdk` must be an absolute path inside the container, e\.g\. `\/opt\/sdk`/)
    ]);
    const typo = config('    executables: {ignores: [/x]}\n');
    expect(!typo.ok && typo.diagnostics[0]!.message).toMatch(/ignores.*did you mean `ignore`/);
  });
});
