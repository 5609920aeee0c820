// ELF identification (the first 20 bytes of a file: e_ident's class and data, e_machine) and
// which machine each OCI platform runs, so an image's executables can be checked against the
// platform it is pushed for without running anything.

export interface ElfIdentity {
  /** 32 or 64 (EI_CLASS). */
  bits: 32 | 64;
  /** EI_DATA: little or big endian. */
  endian: 'le' | 'be';
  /** e_machine. */
  machine: number;
}

/** How many leading bytes `readElf` needs. */
export const ELF_HEADER_BYTES = 20;

/** The ELF identity of a file from its first bytes; undefined for anything that is not ELF. */
export function readElf(head: Uint8Array): ElfIdentity | undefined {
  if (head.length < ELF_HEADER_BYTES) return undefined;
  if (head[0] !== 0x7f || head[1] !== 0x45 || head[2] !== 0x4c || head[3] !== 0x46) return undefined;
  const bits = head[4] === 1 ? 32 : head[4] === 2 ? 64 : undefined;
  const endian = head[5] === 1 ? 'le' : head[5] === 2 ? 'be' : undefined;
  if (!bits || !endian) return undefined;
  const machine = endian === 'le' ? head[18]! | (head[19]! << 8) : (head[18]! << 8) | head[19]!;
  return {bits, endian, machine};
}

const MACHINES: Record<number, string> = {
  3: '32-bit x86 (i386)',
  8: 'MIPS',
  20: 'PowerPC',
  21: 'PowerPC 64',
  22: 's390',
  40: '32-bit ARM',
  62: 'x86-64',
  183: 'AArch64',
  243: 'RISC-V',
  258: 'LoongArch'
};

/** A reader's name for an identity: `x86-64`, `32-bit ARM`, `64-bit PowerPC 64 (big endian)`. */
export function describeElf(elf: ElfIdentity): string {
  const name = MACHINES[elf.machine] ?? `machine ${elf.machine}`;
  const natural = NATURAL[elf.machine];
  const bits = natural && natural.bits === elf.bits && natural.endian === elf.endian ? '' : `${elf.bits}-bit `;
  const endian = natural && natural.endian !== elf.endian ? ' (big endian)' : '';
  return `${bits}${name}${endian}`.replace(/^64-bit x86-64$/, 'x86-64');
}

const NATURAL: Record<number, Pick<ElfIdentity, 'bits' | 'endian'>> = {
  3: {bits: 32, endian: 'le'},
  40: {bits: 32, endian: 'le'},
  62: {bits: 64, endian: 'le'},
  183: {bits: 64, endian: 'le'},
  22: {bits: 64, endian: 'be'},
  243: {bits: 64, endian: 'le'},
  258: {bits: 64, endian: 'le'}
};

/** What a linux platform's kernel runs natively; undefined for a platform this check does not know. */
export function elfForPlatform(platform: string): ElfIdentity | undefined {
  const [os, arch] = platform.split('/');
  if (os !== 'linux') return undefined;
  switch (arch) {
    case 'amd64':
      return {bits: 64, endian: 'le', machine: 62};
    case 'arm64':
      return {bits: 64, endian: 'le', machine: 183};
    case 'arm':
      return {bits: 32, endian: 'le', machine: 40};
    case '386':
      return {bits: 32, endian: 'le', machine: 3};
    case 'ppc64le':
      return {bits: 64, endian: 'le', machine: 21};
    case 'ppc64':
      return {bits: 64, endian: 'be', machine: 21};
    case 's390x':
      return {bits: 64, endian: 'be', machine: 22};
    case 'riscv64':
      return {bits: 64, endian: 'le', machine: 243};
    case 'loong64':
      return {bits: 64, endian: 'le', machine: 258};
    case 'mips64le':
      return {bits: 64, endian: 'le', machine: 8};
    default:
      return undefined;
  }
}

export function sameElf(a: ElfIdentity, b: ElfIdentity): boolean {
  return a.bits === b.bits && a.endian === b.endian && a.machine === b.machine;
}
