// What a check or gate run found: per image, per platform, per test. Rendered as JSON (--json),
// GitHub outputs and summary, JUnit XML and the terminal summary.

import type {DockerfileFinding} from './dockerfile-checks.js';

export type TestStatus = 'passed' | 'failed' | 'timed-out' | 'error';

export interface TestResult {
  name: string;
  platform: string;
  status: TestStatus;
  exitCode?: number;
  durationMs: number;
  /** The last lines of the command's output, for reports. */
  outputTail: string;
  /** Why it could not run (missing QEMU handler, setup failed, …), or what a failed check expected and got. */
  error?: string;
  /** Where the configuration defines it, under the image (`test.files[0]`); absent: a command, found by name. */
  at?: string;
}

export interface PlatformResult {
  platform: string;
  /** Digest of this platform's image manifest inside the index. */
  manifestDigest?: string;
  emulated: boolean;
  tests: TestResult[];
  durationMs: number;
  /** The executables check of this platform's files, when it ran and could read them. */
  executables?: {checked: number; elf: number; ignored: number; durationMs: number};
}

export type ImageStatus = 'passed' | 'failed' | 'skipped' | 'build-failed';

export interface ImageResult {
  name: string;
  status: ImageStatus;
  /** Why it did not pass, in one sentence. */
  reason?: string;
  /** Digest of the built image (the index for multi-platform images): what was tested. */
  digest?: string;
  platforms: PlatformResult[];
  buildMs?: number;
  pushed?: {ref: string; digest: string; verified: boolean};
  /** `dockerfile-checks`: what `buildx build --call check` found, at the Dockerfile line. */
  checks?: DockerfileFinding[];
}

export interface RunReport {
  scenario: 'check' | 'gate';
  images: ImageResult[];
  pushed: boolean;
  /** Everything written to a registry, `repo:tag@digest`. */
  refs: string[];
  durationMs: number;
  /** `gate --platform`: the record files written for `imagegate merge`. */
  records?: string[];
}

export function countTests(images: ImageResult[]): {passed: number; failed: number} {
  const tests = images.flatMap(i => i.platforms.flatMap(p => p.tests));
  const passed = tests.filter(t => t.status === 'passed').length;
  return {passed, failed: tests.length - passed};
}

/**
 * What to keep of output that is still streaming in: its last `bytes` characters, from a line start
 * where one is near. Nothing is trimmed, so chunks join as they were written (`tail` trims once, at the end).
 */
export function keepLast(text: string, bytes: number): string {
  if (text.length <= bytes) return text;
  const cut = text.slice(-bytes);
  const newline = cut.indexOf('\n');
  return newline >= 0 && newline < cut.length - 1 ? cut.slice(newline + 1) : cut;
}

/**
 * Why docker could not start a container (exit 125): its own error line, not the
 * "Run 'docker run --help'" hint it prints after it.
 */
export function dockerStartFailure(output: string): string {
  const lines = output
    .split(/\r?\n/)
    .map(l => l.trim())
    .filter(Boolean);
  const cause =
    lines.find(l => /^docker: /.test(l) || /Error response from daemon/.test(l)) ??
    [...lines].reverse().find(l => !/^Run '.*--help' for more information/.test(l) && !/^See '.*--help'/.test(l));
  return (cause ?? '(no output)').replace(/^docker: (Error response from daemon: )?/, '');
}

/** Keeps the last `lines` lines (and at most `bytes` characters) of a command's output. */
export function tail(text: string, lines = 20, bytes = 4000): string {
  const kept = text.replace(/\s+$/, '').split('\n').slice(-lines).join('\n');
  return kept.length > bytes ? `…${kept.slice(-bytes)}` : kept;
}
