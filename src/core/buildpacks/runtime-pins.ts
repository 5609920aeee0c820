// The app's runtime pins and a small, best-effort table of what known buildpack versions accept.
// The real build stays authoritative: the table only turns a certain production failure into a
// failed check before anything is pulled. Sources: heroku/buildpacks-python CHANGELOG.md and
// src/python_version.rs (OLDEST/NEWEST_SUPPORTED_PYTHON_3_MINOR_VERSION) as of v6.5.6.

import type {BuildpackRef} from './labels.js';
import {compareVersions, minorOf, versionParts} from './versions.js';

export interface RuntimePin {
  runtime: 'python' | 'node';
  /** The file it came from: `.python-version`, `runtime.txt`, `package.json`. */
  file: string;
  /** As written: `3.14`, `3.12.4`, `>=20 <23`. */
  version: string;
}

/** Reads the pins from the files' text (undefined: file absent). */
export function readRuntimePins(files: Record<string, string | undefined>): RuntimePin[] {
  const pins: RuntimePin[] = [];
  const pv = files['.python-version'];
  if (pv !== undefined) {
    const line = pv
      .split('\n')
      .map(l => l.trim())
      .find(l => l && !l.startsWith('#'));
    if (line) pins.push({runtime: 'python', file: '.python-version', version: line});
  }
  const rt = files['runtime.txt'];
  if (rt !== undefined) {
    const m = /python-(\d+\.\d+(?:\.\d+)?)/.exec(rt);
    pins.push({runtime: 'python', file: 'runtime.txt', version: m?.[1] ?? rt.trim()});
  }
  const pkg = files['package.json'];
  if (pkg !== undefined) {
    try {
      const node = (JSON.parse(pkg) as {engines?: {node?: unknown}}).engines?.node;
      if (typeof node === 'string') pins.push({runtime: 'node', file: 'package.json', version: node});
    } catch {
      // An unreadable package.json is the build's problem to report, not the preflight's.
    }
  }
  return pins;
}

interface PythonRow {
  /** heroku/python versions from (inclusive) … below (exclusive). */
  from: string;
  below: string;
  readsPythonVersionFile: boolean;
  readsRuntimeTxt: 'yes' | 'deprecated' | 'error';
  oldest?: string;
  newest?: string;
}

/** heroku/python: which Python minors each range of buildpack versions accepts. */
const HEROKU_PYTHON_TABLE: readonly PythonRow[] = [
  {from: '0.0.0', below: '0.18.0', readsPythonVersionFile: false, readsRuntimeTxt: 'yes'},
  {from: '0.18.0', below: '0.19.0', readsPythonVersionFile: true, readsRuntimeTxt: 'yes', newest: '3.12'},
  {from: '0.19.0', below: '0.24.0', readsPythonVersionFile: true, readsRuntimeTxt: 'yes', newest: '3.13'},
  {from: '0.24.0', below: '1.0.0', readsPythonVersionFile: true, readsRuntimeTxt: 'deprecated', newest: '3.13'},
  {from: '1.0.0', below: '2.0.0', readsPythonVersionFile: true, readsRuntimeTxt: 'error', newest: '3.13'},
  {
    from: '2.0.0',
    below: '2.7.0',
    readsPythonVersionFile: true,
    readsRuntimeTxt: 'error',
    oldest: '3.9',
    newest: '3.13'
  },
  {from: '2.7.0', below: '6.5.7', readsPythonVersionFile: true, readsRuntimeTxt: 'error', newest: '3.14'}
];

export type Finding = {level: 'fail' | 'warning' | 'notice'; message: string};

/** Checks every pin against the buildpacks the build will run (the builder's plus injected ones). */
export function checkRuntimePins(pins: RuntimePin[], buildpacks: BuildpackRef[], builder: string): Finding[] {
  const findings: Finding[] = [];
  for (const pin of pins) {
    if (pin.runtime === 'python') findings.push(...checkPython(pin, buildpacks, builder, pins));
    else findings.push(checkNode(pin, buildpacks));
  }
  return findings;
}

function checkPython(pin: RuntimePin, buildpacks: BuildpackRef[], builder: string, all: RuntimePin[]): Finding[] {
  const bp = buildpacks.find(b => b.id === 'heroku/python');
  if (!bp) {
    return [
      {
        level: 'notice',
        message: `\`${pin.file}\` asks for Python ${pin.version}; imagegate has no table for the Python buildpacks of builder ${builder}, so the real build decides`
      }
    ];
  }
  const row = HEROKU_PYTHON_TABLE.find(
    r => compareVersions(bp.version, r.from) >= 0 && compareVersions(bp.version, r.below) < 0
  );
  const carries = `builder ${builder} carries heroku/python ${bp.version}`;
  if (!row) {
    return [
      {
        level: 'notice',
        message: `${carries}, newer than imagegate's table of heroku/python versions; the real build decides whether it accepts Python ${pin.version}`
      }
    ];
  }
  if (pin.file === 'runtime.txt') {
    if (row.readsRuntimeTxt === 'error')
      return [
        {
          level: 'fail',
          message: `\`runtime.txt\` asks for Python ${pin.version}; ${carries}, which refuses runtime.txt (removed in 1.0.0). Production would fail the same way. Write \`${minorOf(pin.version) ?? pin.version}\` into \`.python-version\` and delete runtime.txt.`
        }
      ];
    if (row.readsRuntimeTxt === 'deprecated')
      return [
        {level: 'warning', message: `${carries}, which deprecates runtime.txt; move the version to \`.python-version\``}
      ];
    return [];
  }
  if (!row.readsPythonVersionFile) {
    const viaRuntime = all.some(p => p.file === 'runtime.txt');
    return [
      {
        level: 'warning',
        message: `\`.python-version\` asks for ${pin.version}, but ${carries}, which ignores .python-version and builds with ${viaRuntime ? 'the runtime.txt version' : 'its default Python'}; move to a newer builder`
      }
    ];
  }
  const minor = minorOf(pin.version);
  if (!minor || !versionParts(pin.version)) {
    return [
      {
        level: 'fail',
        message: `\`.python-version\` holds \`${pin.version}\`, which heroku/python cannot read; write a version such as \`3.13\``
      }
    ];
  }
  const range = row.oldest && row.newest ? `${row.oldest}–${row.newest}` : `Python up to ${row.newest}`;
  if (row.newest && compareVersions(minor, row.newest) > 0) {
    return [
      {
        level: 'fail',
        message: `\`.python-version\` asks for ${pin.version}; ${carries}, which supports ${range}. Production would fail the same way. Pin ${row.newest} or move to a newer builder.`
      }
    ];
  }
  if (row.oldest && compareVersions(minor, row.oldest) < 0) {
    return [
      {
        level: 'fail',
        message: `\`.python-version\` asks for ${pin.version}; ${carries}, which supports ${range}. Production would fail the same way. Pin ${row.oldest} or later.`
      }
    ];
  }
  return [];
}

function checkNode(pin: RuntimePin, buildpacks: BuildpackRef[]): Finding {
  const bp = buildpacks.find(b => b.id === 'heroku/nodejs' || b.id === 'heroku/nodejs-engine');
  const which = bp
    ? `${bp.id} ${bp.version} (its Node.js inventory is compiled in)`
    : 'the builder’s Node.js buildpacks';
  return {
    level: 'notice',
    message: `package.json engines.node asks for ${pin.version}; imagegate has no table for ${which}, so the real build decides`
  };
}
