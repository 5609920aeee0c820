// The executables check: every executable ELF file of a platform's image filesystem must be for
// that platform's machine (class, byte order, e_machine). An arm64 image carrying an x86-64
// binary passes its tests on an amd64 host (the kernel runs it natively), and a 32-bit ARM one
// passes under qemu-arm, yet both fail on a real arm64 node.

import {describeElf, ELF_HEADER_BYTES, elfForPlatform, readElf, sameElf, type ElfIdentity} from './elf.js';
import type {TarEntry} from './tar-scan.js';

export interface ForeignExecutable {
  path: string;
  /** What the file is for, e.g. `x86-64`, `32-bit ARM`. */
  architecture: string;
}

export interface ExecutablesFinding {
  platform: string;
  /** Executable regular files looked at, and how many of them were ELF. */
  checked: number;
  elf: number;
  foreign: ForeignExecutable[];
  /** Foreign files an `executables.ignore` pattern allowed. */
  ignored: number;
}

/** The name of the check's result among a platform's tests. */
export function executablesTestName(platform: string): string {
  return `executables are for ${platform}`;
}

/** A glob over absolute paths: `*` and `?` within one path segment, `**` across segments. */
export function globMatcher(patterns: string[]): (path: string) => boolean {
  const res = patterns.map(p => {
    let re = '';
    for (let i = 0; i < p.length; i++) {
      const c = p[i]!;
      if (c === '*' && p[i + 1] === '*') {
        i++;
        if (p[i + 1] === '/') {
          i++;
          re += '(?:.*/)?';
        } else re += '.*';
      } else if (c === '*') re += '[^/]*';
      else if (c === '?') re += '[^/]';
      else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
    // A directory pattern covers what is under it.
    return new RegExp(`^${re}(?:/.*)?$`);
  });
  return path => res.some(re => re.test(path));
}

/** Collects a platform's tar entries; `result()` is the finding once the stream ended. */
export class ExecutablesCheck {
  private checked = 0;
  private elf = 0;
  private ignored = 0;
  private readonly foreign: ForeignExecutable[] = [];
  private readonly ignore: (path: string) => boolean;

  constructor(
    readonly platform: string,
    private readonly expected: ElfIdentity,
    ignore: string[]
  ) {
    this.ignore = globMatcher(ignore);
  }

  /** Undefined when this check does not know the platform's machine. */
  static for(platform: string, ignore: string[]): ExecutablesCheck | undefined {
    const expected = elfForPlatform(platform);
    return expected ? new ExecutablesCheck(platform, expected, ignore) : undefined;
  }

  /** The first bytes an entry needs to be judged. */
  static readonly headBytes = ELF_HEADER_BYTES;

  add(entry: TarEntry): void {
    if (entry.type !== '0' && entry.type !== '\0' && entry.type !== '7') return;
    if ((entry.mode & 0o111) === 0) return;
    this.checked++;
    const elf = readElf(entry.head);
    if (!elf) return;
    this.elf++;
    if (sameElf(elf, this.expected)) return;
    const path = `/${entry.path.replace(/^\.?\/+/, '')}`;
    if (this.ignore(path)) {
      this.ignored++;
      return;
    }
    this.foreign.push({path, architecture: describeElf(elf)});
  }

  result(): ExecutablesFinding {
    return {
      platform: this.platform,
      checked: this.checked,
      elf: this.elf,
      foreign: [...this.foreign].sort((a, b) => a.path.localeCompare(b.path)),
      ignored: this.ignored
    };
  }
}

/** The failed check's one-line reason: each offending path with its architecture, and the fix. */
export function describeForeign(finding: ExecutablesFinding, limit = 20): string {
  const expected = describeElf(elfForPlatform(finding.platform)!);
  const shown = finding.foreign.slice(0, limit).map(f => `${f.path} (${f.architecture})`);
  const more = finding.foreign.length > limit ? `, and ${finding.foreign.length - limit} more` : '';
  return (
    `${finding.foreign.length} executable(s) of this ${finding.platform} image are not for ${expected} and fail with "exec format error" on a real ${finding.platform} node: ` +
    `${shown.join(', ')}${more}; install the ${finding.platform} build of each, or list a deliberate multi-architecture payload under \`executables.ignore\``
  );
}
