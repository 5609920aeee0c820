// The assertions of a test, judged: a command's exit code and output against `expect`, a path of
// the image (as `docker cp` streams it, a tar) against a `files` check, the image config against
// `metadata`. Each failure says what was checked, what was expected and what was found.

import type {Expect, FileCheck, MetadataCheck, TextExpect} from './config/check-types.js';
import {samePlatformText} from '../oci/platform.js';

/** At most this much of a file is read for content checks. */
export const CONTENT_LIMIT = 4 * 1024 * 1024;

function quote(text: string, max = 200): string {
  const clipped = text.length > max ? `…${text.slice(-max)}` : text;
  return JSON.stringify(clipped);
}

/** What a text check found wrong, one sentence each; `what` names the text (`stdout`, `/etc/os-release`). */
export function textFailures(what: string, expect: TextExpect, text: string): string[] {
  const out: string[] = [];
  for (const needle of expect.contains)
    if (!text.includes(needle)) out.push(`${what} contains ${quote(needle)}: expected it, got ${quote(text)}`);
  for (const needle of expect.notContains)
    if (text.includes(needle))
      out.push(`${what} not-contains ${quote(needle)}: expected it absent, got ${quote(text)}`);
  if (expect.matches !== undefined && !new RegExp(expect.matches, 'm').test(text))
    out.push(`${what} matches /${expect.matches}/: expected a match, got ${quote(text)}`);
  if (expect.equals !== undefined && text.replace(/\r?\n+$/, '') !== expect.equals.replace(/\r?\n+$/, ''))
    out.push(`${what} equals: expected ${quote(expect.equals)}, got ${quote(text.replace(/\r?\n+$/, ''))}`);
  return out;
}

/** What a finished command did wrong against its `expect` (exit code 0 when it has none). */
export function commandFailures(
  expect: Expect | undefined,
  run: {exitCode: number; stdout: string; stderr: string}
): string[] {
  const codes = expect?.exitCodes ?? [0];
  const out: string[] = [];
  if (!codes.includes(run.exitCode))
    out.push(`exit-code: expected ${codes.length > 1 ? `one of ${codes.join(', ')}` : codes[0]}, got ${run.exitCode}`);
  if (expect?.stdout) out.push(...textFailures('stdout', expect.stdout, run.stdout));
  if (expect?.stderr) out.push(...textFailures('stderr', expect.stderr, run.stderr));
  return out;
}

export type EntryType = 'file' | 'directory' | 'symlink' | 'hardlink' | 'other';

export interface TarEntry {
  name: string;
  type: EntryType;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  linkname: string;
  /** The first CONTENT_LIMIT bytes of a regular file's content (what has arrived of it). */
  content: Buffer;
}

/** The first entry of a tar stream (`docker cp CONTAINER:PATH -`), pax and GNU long names read; undefined when there is none. */
export function firstTarEntry(tar: Buffer): TarEntry | undefined {
  let offset = 0;
  let pax: Record<string, string> = {};
  let longName: string | undefined;
  let longLink: string | undefined;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every(b => b === 0)) return undefined;
    const size = octal(header.subarray(124, 136));
    const flag = String.fromCharCode(header[156] ?? 0);
    const body = tar.subarray(offset + 512, offset + 512 + size);
    const next = offset + 512 + Math.ceil(size / 512) * 512;
    if (flag === 'x') {
      pax = {...pax, ...paxRecords(body)};
      offset = next;
      continue;
    }
    if (flag === 'g') {
      offset = next;
      continue;
    }
    if (flag === 'L' || flag === 'K') {
      const text = body.toString('utf8').replace(/\0+$/, '');
      if (flag === 'L') longName = text;
      else longLink = text;
      offset = next;
      continue;
    }
    const prefix = cString(header.subarray(345, 500));
    const baseName = cString(header.subarray(0, 100));
    const realSize = pax.size !== undefined ? Number(pax.size) : size;
    const type: EntryType =
      flag === '0' || flag === '\0' || flag === '7'
        ? 'file'
        : flag === '5'
          ? 'directory'
          : flag === '2'
            ? 'symlink'
            : flag === '1'
              ? 'hardlink'
              : 'other';
    return {
      name: pax.path ?? longName ?? (prefix ? `${prefix}/${baseName}` : baseName),
      type,
      mode: octal(header.subarray(100, 108)) & 0o7777,
      uid: pax.uid !== undefined ? Number(pax.uid) : octal(header.subarray(108, 116)),
      gid: pax.gid !== undefined ? Number(pax.gid) : octal(header.subarray(116, 124)),
      size: realSize,
      linkname: pax.linkpath ?? longLink ?? cString(header.subarray(157, 257)),
      content:
        type === 'file' ? tar.subarray(offset + 512, offset + 512 + Math.min(realSize, CONTENT_LIMIT)) : Buffer.alloc(0)
    };
  }
  return undefined;
}

function cString(b: Buffer): string {
  const end = b.indexOf(0);
  return b.subarray(0, end < 0 ? b.length : end).toString('utf8');
}

function octal(b: Buffer): number {
  // Large values use the base-256 form: the high bit of the first byte set.
  if ((b[0] ?? 0) & 0x80) {
    let n = 0;
    for (let i = 1; i < b.length; i++) n = n * 256 + (b[i] ?? 0);
    return n;
  }
  const text = cString(b).trim();
  return text ? parseInt(text, 8) : 0;
}

function paxRecords(body: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let offset = 0;
  while (offset < body.length) {
    const space = body.indexOf(0x20, offset);
    if (space < 0) break;
    const length = Number(body.subarray(offset, space).toString('ascii'));
    if (!Number.isInteger(length) || length <= 0) break;
    const record = body.subarray(space + 1, offset + length - 1).toString('utf8');
    const eq = record.indexOf('=');
    if (eq > 0) out[record.slice(0, eq)] = record.slice(eq + 1);
    offset += length;
  }
  return out;
}

function modeText(mode: number): string {
  return `"${mode.toString(8).padStart(4, '0')}"`;
}

/** What a path of the image (undefined: it does not exist) did wrong against its check. */
export function fileFailures(check: FileCheck, entry: TarEntry | undefined): string[] {
  if (!entry) return check.exists ? [`exists: expected ${check.path} in the image, got no such path`] : [];
  if (!check.exists) return [`exists: expected ${check.path} to be absent, got a ${entry.type}`];
  const out: string[] = [];
  const type = check.type ?? (check.target !== undefined ? 'symlink' : undefined);
  if (type !== undefined && entry.type !== type) out.push(`type: expected ${type}, got ${entry.type}`);
  if (check.mode !== undefined && entry.mode !== check.mode)
    out.push(`mode: expected ${modeText(check.mode)}, got ${modeText(entry.mode)}`);
  if (check.uid !== undefined && entry.uid !== check.uid) out.push(`uid: expected ${check.uid}, got ${entry.uid}`);
  if (check.gid !== undefined && entry.gid !== check.gid) out.push(`gid: expected ${check.gid}, got ${entry.gid}`);
  if (check.target !== undefined && entry.type === 'symlink' && entry.linkname !== check.target)
    out.push(`target: expected ${quote(check.target)}, got ${quote(entry.linkname)}`);
  const needsContent = check.content || check.minSize !== undefined || check.maxSize !== undefined;
  if (needsContent && entry.type !== 'file') {
    out.push(
      `content: expected a regular file, got a ${entry.type}${entry.type === 'symlink' ? ` to ${entry.linkname}` : ''}`
    );
    return out;
  }
  if (check.minSize !== undefined && entry.size < check.minSize)
    out.push(`min-size: expected at least ${check.minSize} bytes, got ${entry.size}`);
  if (check.maxSize !== undefined && entry.size > check.maxSize)
    out.push(`max-size: expected at most ${check.maxSize} bytes, got ${entry.size}`);
  if (check.content) {
    if (entry.size > CONTENT_LIMIT)
      out.push(`content: the file is ${entry.size} bytes; content checks read at most ${CONTENT_LIMIT} bytes`);
    else out.push(...textFailures('content', check.content, entry.content.toString('utf8')));
  }
  return out;
}

/** The parts of an image config the metadata checks read (`docker inspect`'s `Config`, and the platform). */
export interface ImageFacts {
  user: string;
  workdir: string;
  env: string[];
  exposedPorts: string[];
  labels: Record<string, string>;
  entrypoint: string[];
  cmd: string[];
  healthcheck: boolean;
  stopSignal: string;
  /** `os/arch[/variant]` of the config, where the engine says it. */
  platform?: string;
}

export interface MetadataOutcome {
  /** `metadata user` */
  name: string;
  /** The key under `test.metadata`. */
  key: string;
  failures: string[];
}

/** Whether USER names root: empty, `root`, `0`, or a name whose uid in `passwd` (the image's /etc/passwd) is 0. */
export function isRootUser(user: string, passwd: string | undefined): boolean {
  const name = user.split(':')[0] ?? '';
  if (name === '' || name === 'root' || name === '0') return true;
  if (/^[0-9]+$/.test(name)) return false;
  const line = (passwd ?? '').split('\n').find(l => l.split(':')[0] === name);
  return line?.split(':')[2] === '0';
}

/** Each configured metadata key, judged against the image config of `platform`. */
export function metadataOutcomes(
  check: MetadataCheck,
  facts: ImageFacts,
  platform: string,
  passwd?: string
): MetadataOutcome[] {
  const out: MetadataOutcome[] = [];
  const add = (key: string, failures: string[], name = `metadata ${key}`): void => void out.push({name, key, failures});
  const env = new Map(
    facts.env.map(e => {
      const eq = e.indexOf('=');
      return eq < 0 ? [e, ''] : [e.slice(0, eq), e.slice(eq + 1)];
    })
  );
  if (check.user !== undefined)
    add('user', facts.user === check.user ? [] : [`user: expected ${quote(check.user)}, got ${quote(facts.user)}`]);
  if (check.nonRoot !== undefined) {
    const root = isRootUser(facts.user, passwd);
    const ok = check.nonRoot ? !root : root;
    add(
      'non-root',
      ok
        ? []
        : [
            `non-root: expected ${check.nonRoot ? 'a user other than root' : 'root'}, got ${quote(facts.user)}${facts.user === '' ? ' (no USER: root)' : ''}`
          ]
    );
  }
  if (check.workdir !== undefined)
    add(
      'workdir',
      facts.workdir === check.workdir ? [] : [`workdir: expected ${quote(check.workdir)}, got ${quote(facts.workdir)}`]
    );
  for (const [name, want] of Object.entries(check.env)) {
    const got = env.get(name);
    const failures =
      want === true
        ? got === undefined
          ? [`env ${name}: expected it set, got not set`]
          : []
        : want === false
          ? got !== undefined
            ? [`env ${name}: expected it not set, got ${quote(got)}`]
            : []
          : got !== want
            ? [`env ${name}: expected ${quote(want)}, got ${got === undefined ? 'not set' : quote(got)}`]
            : [];
    add('env', failures, `metadata env ${name}`);
  }
  if (check.exposedPorts.length) {
    const missing = check.exposedPorts.filter(p => !facts.exposedPorts.includes(p));
    add(
      'exposed-ports',
      missing.length
        ? [`exposed-ports: expected ${missing.join(', ')} exposed, got ${facts.exposedPorts.join(', ') || 'none'}`]
        : []
    );
  }
  for (const [name, want] of Object.entries(check.labels)) {
    const got = facts.labels[name];
    add(
      'labels',
      got === want
        ? []
        : [`label ${name}: expected ${quote(want)}, got ${got === undefined ? 'no such label' : quote(got)}`],
      `metadata label ${name}`
    );
  }
  const argv = (key: 'entrypoint' | 'cmd', want: string[] | undefined, got: string[]): void => {
    if (want === undefined) return;
    add(
      key,
      JSON.stringify(want) === JSON.stringify(got)
        ? []
        : [`${key}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`]
    );
  };
  argv('entrypoint', check.entrypoint, facts.entrypoint);
  argv('cmd', check.cmd, facts.cmd);
  if (check.healthcheck !== undefined)
    add(
      'healthcheck',
      facts.healthcheck === check.healthcheck
        ? []
        : [
            `healthcheck: expected ${check.healthcheck ? 'a HEALTHCHECK' : 'none'}, got ${facts.healthcheck ? 'a HEALTHCHECK' : 'none'}`
          ]
    );
  if (check.stopSignal !== undefined)
    add(
      'stop-signal',
      facts.stopSignal === check.stopSignal
        ? []
        : [
            `stop-signal: expected ${quote(check.stopSignal)}, got ${facts.stopSignal ? quote(facts.stopSignal) : 'none (SIGTERM)'}`
          ]
    );
  if (check.platform !== undefined && check.platform !== false) {
    const want = check.platform === true ? platform : check.platform;
    const same = facts.platform !== undefined && samePlatformText(want, facts.platform);
    add(
      'platform',
      same
        ? []
        : [
            `platform: expected ${want}, got ${facts.platform ?? 'unknown: this docker cannot show the config of one platform (`docker image inspect --platform` needs Docker 28.1 or later)'}`
          ]
    );
  }
  return out;
}

/** Facts from `docker container inspect` of a created (never started) container: its `Config`. */
export function factsFromInspect(config: Record<string, unknown>, platform?: string): ImageFacts {
  const str = (v: unknown): string => (typeof v === 'string' ? v : '');
  const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const health = config.Healthcheck as {Test?: unknown} | null | undefined;
  const test = list(health?.Test);
  const facts: ImageFacts = {
    user: str(config.User),
    workdir: str(config.WorkingDir),
    env: list(config.Env),
    exposedPorts: Object.keys((config.ExposedPorts as Record<string, unknown> | null) ?? {}),
    labels: Object.fromEntries(
      Object.entries((config.Labels as Record<string, unknown> | null) ?? {}).map(([k, v]) => [k, str(v)])
    ),
    entrypoint: list(config.Entrypoint),
    cmd: list(config.Cmd),
    healthcheck: test.length > 0 && test[0] !== 'NONE',
    stopSignal: str(config.StopSignal)
  };
  if (platform !== undefined) facts.platform = platform;
  return facts;
}

/** Why `test.setup` failed, in words a user can act on: a shell-less image (distroless, scratch) gets the reason and what to do instead. */
export function setupFailure(output: string, fallback: string): string {
  const shell = /(\/bin\/sh|exec: "?[^"\s]+"?): (no such file or directory|not found|executable file not found)/i.exec(
    output
  );
  if (!shell) return `test setup failed: ${fallback}`;
  return (
    'test setup failed: the image has no shell or program to run it with (' +
    shell[0] +
    '), as a distroless or `scratch` image has none. `setup` runs inside the image itself; check such an image with `test.files` and `test.metadata` (they read the image without running anything), or test a stage that has the tools (`target`)'
  );
}

/** The names of the `files` and `metadata` checks that run on `platform`, as the reports will show them. */
export function plannedChecks(
  files: readonly FileCheck[] | undefined,
  metadata: MetadataCheck | undefined,
  platform: string
): string[] {
  const applies = (platforms: string[] | undefined): boolean =>
    !platforms || platforms.some(p => samePlatformText(p, platform));
  const names = (files ?? []).filter(f => applies(f.platforms)).map(f => f.name);
  if (metadata && applies(metadata.platforms)) {
    const empty: ImageFacts = {
      user: '',
      workdir: '',
      env: [],
      exposedPorts: [],
      labels: {},
      entrypoint: [],
      cmd: [],
      healthcheck: false,
      stopSignal: ''
    };
    names.push(...metadataOutcomes(metadata, empty, platform).map(o => o.name));
  }
  return names;
}
