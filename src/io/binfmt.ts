// Can this machine run a platform's binaries: natively, or through a QEMU binfmt_misc handler?

import {readFile} from 'node:fs/promises';
import {parsePlatform, UNAME_MACHINE} from '../oci/platform.js';

const HOST_ARCH: Record<string, string> = {
  x64: 'amd64',
  arm64: 'arm64',
  arm: 'arm',
  ia32: '386',
  ppc64: 'ppc64le',
  s390x: 's390x',
  riscv64: 'riscv64',
  loong64: 'loong64'
};

export function hostArchitecture(): string {
  return HOST_ARCH[process.arch] ?? process.arch;
}

export type Emulation =
  | {native: true}
  /** `checked: false`: this process cannot see the engine's handlers, so the tests themselves will tell. */
  | {native: false; handler: string; ready: true; checked?: false}
  | {native: false; handler: string; ready: false; fix: string};

export async function emulationFor(platform: string, binfmtDir = '/proc/sys/fs/binfmt_misc'): Promise<Emulation> {
  const parsed = parsePlatform(platform);
  const arch = parsed.ok ? parsed.value.architecture : platform;
  if (arch === hostArchitecture()) return {native: true};
  const machine = UNAME_MACHINE[arch] ?? arch;
  const handler = `qemu-${machine}`;
  // A CI job in a container that drives the host's engine (or a docker:dind service) has no
  // binfmt_misc mounted: its /proc says nothing about where the containers will run.
  const mounted = await readFile(`${binfmtDir}/status`, 'utf8').then(
    () => true,
    () => false
  );
  if (!mounted) return {native: false, handler, ready: true, checked: false};
  const status = await readFile(`${binfmtDir}/${handler}`, 'utf8').catch(() => undefined);
  if (status?.split('\n')[0]?.trim() === 'enabled') return {native: false, handler, ready: true};
  const fix =
    `no QEMU handler for ${platform} (${binfmtDir}/${handler} is ${status === undefined ? 'missing' : 'disabled'}): ` +
    `register it with \`docker run --privileged --rm tonistiigi/binfmt --install ${arch}\`, docker/setup-qemu-action on GitHub, ` +
    `or Debian's qemu-user-static package (scripts/testbed does this)`;
  return {native: false, handler, ready: false, fix};
}

/** When emulation could not be checked up front, a failure that is QEMU's absence gets its cause and fix. */
export function unregisteredEmulation(platform: string, output: string): string | undefined {
  if (!/exec format error/i.test(output)) return undefined;
  const parsed = parsePlatform(platform);
  const arch = parsed.ok ? parsed.value.architecture : platform;
  return (
    `exec format error: the engine cannot run ${platform} binaries (no QEMU handler where the engine runs); ` +
    `register one on that host with \`docker run --privileged --rm tonistiigi/binfmt --install ${arch}\``
  );
}
