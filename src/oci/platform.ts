// Platform strings as buildx and the OCI image index use them: os/arch[/variant].

import type {Parsed} from './parsed.js';

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

const OSES = ['linux', 'windows', 'freebsd'];
const ARCH_VARIANTS: Record<string, string[]> = {
  amd64: ['v1', 'v2', 'v3', 'v4'],
  arm64: ['v8'],
  arm: ['v5', 'v6', 'v7'],
  '386': [],
  ppc64le: [],
  s390x: [],
  riscv64: [],
  mips64le: [],
  mips64: [],
  loong64: []
};
const ARCH_ALIASES: Record<string, string> = {
  x86_64: 'amd64',
  'x86-64': 'amd64',
  aarch64: 'arm64',
  armhf: 'arm/v7',
  armel: 'arm/v6',
  i386: '386',
  i686: '386',
  ppc64el: 'ppc64le'
};

/** The name QEMU and `uname -m` use for an architecture (binfmt handler names). */
export const UNAME_MACHINE: Record<string, string> = {
  amd64: 'x86_64',
  arm64: 'aarch64',
  arm: 'arm',
  '386': 'i386',
  ppc64le: 'ppc64le',
  s390x: 's390x',
  riscv64: 'riscv64',
  mips64le: 'mips64el',
  mips64: 'mips64',
  loong64: 'loongarch64'
};

export function parsePlatform(text: string): Parsed<Platform> {
  const parts = text.split('/');
  const [os, arch, variant] = parts;
  if (parts.length === 1) {
    const arch1 = ARCH_ALIASES[text] ?? text;
    if (arch1 in ARCH_VARIANTS || arch1.startsWith('arm/'))
      return {ok: false, error: `\`${text}\` has no OS; write \`linux/${arch1}\``};
    return {ok: false, error: `\`${text}\` is not a platform; write os/arch[/variant], e.g. \`linux/amd64\``};
  }
  if (parts.length > 3 || !os || !arch)
    return {ok: false, error: `\`${text}\` is not a platform; write os/arch[/variant], e.g. \`linux/arm64\``};
  if (!OSES.includes(os)) {
    const fix = OSES.includes(os.toLowerCase()) ? `; write \`${os.toLowerCase()}\`` : `; supported: ${OSES.join(', ')}`;
    return {ok: false, error: `unknown OS \`${os}\` in \`${text}\`${fix}`};
  }
  const alias = ARCH_ALIASES[arch];
  if (alias) return {ok: false, error: `\`${arch}\` is the kernel's name; the platform name is \`${os}/${alias}\``};
  const variants = ARCH_VARIANTS[arch];
  if (!variants)
    return {
      ok: false,
      error: `unknown architecture \`${arch}\` in \`${text}\`; known: ${Object.keys(ARCH_VARIANTS).join(', ')}`
    };
  if (variant !== undefined && !variants.includes(variant)) {
    const known = variants.length ? `; ${arch} variants: ${variants.join(', ')}` : `; ${arch} has no variants`;
    return {ok: false, error: `unknown variant \`${variant}\` for ${arch}${known}`};
  }
  const platform: Platform = {os, architecture: arch};
  if (variant !== undefined) platform.variant = variant;
  return {ok: true, value: platform};
}

export function formatPlatform(p: Platform): string {
  return [p.os, p.architecture, p.variant].filter(Boolean).join('/');
}

/** A descriptor's platform as text; `unknown` where it has none (attestations, artifacts). */
export function platformText(p: Platform | undefined): string {
  return p ? formatPlatform(p) : 'unknown';
}

/** Docker's normalisation: `linux/arm64/v8` and `linux/arm64` are the same platform. */
export function samePlatform(a: Platform, b: Platform): boolean {
  return normalText(a) === normalText(b);
}

function normalText(p: Platform): string {
  return formatPlatform(p.architecture === 'arm64' && p.variant === 'v8' ? {os: p.os, architecture: 'arm64'} : p);
}

/** Compares two platform strings as platforms (`linux/arm64/v8` = `linux/arm64`). */
export function samePlatformText(a: string, b: string): boolean {
  return platformKey(a) === platformKey(b);
}

/** One text for each platform, equal for two strings exactly when samePlatformText says so (for sets and maps). */
export function platformKey(text: string): string {
  const p = parsePlatform(text);
  return p.ok ? normalText(p.value) : text;
}
