// Tiny static ELF programs that exit 0, written byte by byte (no toolchain needed), for the
// executables check: the amd64 host runs the x86-64 one natively and the others under QEMU.
//
// Recipe: one ELF header, one PT_LOAD program header mapping the whole file read+execute at
// BASE, and the code right after them, entered at BASE + headers:
//   x86-64   mov eax, 60; xor edi, edi; syscall          (exit(0))
//   aarch64  mov x0, #0;  mov x8, #93;  svc #0           (exit(0))
//   arm      mov r0, #0;  mov r7, #1;   svc #0           (EABI exit(0))

export type TinyArch = 'x86-64' | 'aarch64' | 'arm';

const CODE: Record<TinyArch, number[]> = {
  'x86-64': [0xb8, 0x3c, 0, 0, 0, 0x31, 0xff, 0x0f, 0x05],
  aarch64: [0x00, 0x00, 0x80, 0xd2, 0xa8, 0x0b, 0x80, 0xd2, 0x01, 0x00, 0x00, 0xd4],
  arm: [0x00, 0x00, 0xa0, 0xe3, 0x01, 0x70, 0xa0, 0xe3, 0x00, 0x00, 0x00, 0xef]
};

const MACHINE: Record<TinyArch, number> = {'x86-64': 62, aarch64: 183, arm: 40};

export function tinyElf(arch: TinyArch): Buffer {
  const code = Buffer.from(CODE[arch]);
  if (arch === 'arm') {
    const base = 0x10000;
    const headers = 52 + 32;
    const b = Buffer.alloc(headers + code.length);
    b.set([0x7f, 0x45, 0x4c, 0x46, 1, 1, 1, 0]);
    b.writeUInt16LE(2, 16); // ET_EXEC
    b.writeUInt16LE(MACHINE.arm, 18);
    b.writeUInt32LE(1, 20);
    b.writeUInt32LE(base + headers, 24); // e_entry
    b.writeUInt32LE(52, 28); // e_phoff
    b.writeUInt32LE(0x05000000, 36); // e_flags: EABI version 5
    b.writeUInt16LE(52, 40);
    b.writeUInt16LE(32, 42);
    b.writeUInt16LE(1, 44);
    b.writeUInt32LE(1, 52); // PT_LOAD
    b.writeUInt32LE(0, 56);
    b.writeUInt32LE(base, 60);
    b.writeUInt32LE(base, 64);
    b.writeUInt32LE(b.length, 68);
    b.writeUInt32LE(b.length, 72);
    b.writeUInt32LE(5, 76); // R+X
    b.writeUInt32LE(0x1000, 80);
    code.copy(b, headers);
    return b;
  }
  const base = 0x400000;
  const headers = 64 + 56;
  const b = Buffer.alloc(headers + code.length);
  b.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]);
  b.writeUInt16LE(2, 16);
  b.writeUInt16LE(MACHINE[arch], 18);
  b.writeUInt32LE(1, 20);
  b.writeBigUInt64LE(BigInt(base + headers), 24);
  b.writeBigUInt64LE(64n, 32);
  b.writeUInt16LE(64, 52);
  b.writeUInt16LE(56, 54);
  b.writeUInt16LE(1, 56);
  b.writeUInt32LE(1, 64); // PT_LOAD
  b.writeUInt32LE(5, 68); // R+X
  b.writeBigUInt64LE(0n, 72);
  b.writeBigUInt64LE(BigInt(base), 80);
  b.writeBigUInt64LE(BigInt(base), 88);
  b.writeBigUInt64LE(BigInt(b.length), 96);
  b.writeBigUInt64LE(BigInt(b.length), 104);
  b.writeBigUInt64LE(0x1000n, 112);
  code.copy(b, headers);
  return b;
}
