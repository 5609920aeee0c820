// A test's assertions as the file writes them → what the runner checks (see check-types.ts).

import type {Expect, FileCheck, MetadataCheck, TextExpect} from './check-types.js';
import type {RawTestCommand, RawTestSuite} from './raw.js';

type RawCommand = Exclude<RawTestCommand, string>;
type RawExpect = NonNullable<RawCommand['expect']>;
type RawText = NonNullable<RawExpect['stdout']>;
type RawFile = NonNullable<RawTestSuite['files']>[number];
type RawMetadata = NonNullable<RawTestSuite['metadata']>;

export function normaliseExpect(raw: RawExpect): Expect {
  const code = raw['exit-code'] ?? 0;
  const expect: Expect = {exitCodes: typeof code === 'number' ? [code] : [...new Set(code)]};
  if (raw.stdout) expect.stdout = normaliseText(raw.stdout);
  if (raw.stderr) expect.stderr = normaliseText(raw.stderr);
  return expect;
}

function normaliseText(raw: RawText): TextExpect {
  const text: TextExpect = {contains: list(raw.contains), notContains: list(raw['not-contains'])};
  if (raw.matches !== undefined) text.matches = raw.matches;
  if (raw.equals !== undefined) text.equals = raw.equals;
  return text;
}

function list(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : typeof value === 'string' ? [value] : value;
}

export function normaliseFile(raw: RawFile): FileCheck {
  const check: FileCheck = {name: raw.name ?? `file ${raw.path}`, path: raw.path, exists: raw.exists ?? true};
  if (raw.type !== undefined) check.type = raw.type;
  if (raw.mode !== undefined) check.mode = parseInt(raw.mode, 8);
  if (raw.uid !== undefined) check.uid = raw.uid;
  if (raw.gid !== undefined) check.gid = raw.gid;
  if (raw.target !== undefined) check.target = raw.target;
  if (raw.contains !== undefined || raw['not-contains'] !== undefined || raw.matches !== undefined)
    check.content = normaliseText(raw);
  if (raw['min-size'] !== undefined) check.minSize = bytes(raw['min-size']);
  if (raw['max-size'] !== undefined) check.maxSize = bytes(raw['max-size']);
  if (raw.platforms !== undefined) check.platforms = raw.platforms;
  return check;
}

/** `512`, `64k`, `2m`, `1g` (1024-based). */
export function bytes(size: number | string): number {
  if (typeof size === 'number') return size;
  const m = /^([0-9]+)([bkmg]?)$/i.exec(size);
  const unit = {'': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3}[(m?.[2] ?? '').toLowerCase()] ?? 1;
  return Number(m?.[1] ?? 0) * unit;
}

export function normaliseMetadata(raw: RawMetadata): MetadataCheck {
  const check: MetadataCheck = {
    env: Object.fromEntries(Object.entries(raw.env ?? {}).map(([k, v]) => [k, typeof v === 'boolean' ? v : String(v)])),
    exposedPorts: (raw['exposed-ports'] ?? []).map(p => (typeof p === 'number' || !p.includes('/') ? `${p}/tcp` : p)),
    labels: Object.fromEntries(Object.entries(raw.labels ?? {}).map(([k, v]) => [k, String(v)]))
  };
  if (raw.user !== undefined) check.user = raw.user;
  if (raw['non-root'] !== undefined) check.nonRoot = raw['non-root'];
  if (raw.workdir !== undefined) check.workdir = raw.workdir;
  if (raw.entrypoint !== undefined) check.entrypoint = raw.entrypoint;
  if (raw.cmd !== undefined) check.cmd = raw.cmd;
  if (raw.healthcheck !== undefined)
    check.healthcheck = typeof raw.healthcheck === 'boolean' ? raw.healthcheck : raw.healthcheck === 'present';
  if (raw['stop-signal'] !== undefined) check.stopSignal = raw['stop-signal'];
  if (raw.platform !== undefined) check.platform = raw.platform;
  if (raw.platforms !== undefined) check.platforms = raw.platforms;
  return check;
}
