// The committed bundle, run as a user runs it: a separate process with tracer programs first on
// PATH, so any git or docker call the CLI makes is recorded.
import {fileURLToPath} from 'node:url';
import {beforeAll, describe, expect, it} from '@jest/globals';
import {spawnSync} from 'node:child_process';
import {chmodSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, dirname} from 'node:path';

const HERE = dirname(fileURLToPath(import.meta.url));

const root = join(HERE, '../..');
const cli = join(root, 'dist/cli/index.js');
const bad = join(root, '__tests__/fixtures/config/bad');
let tracerDir: string;
let log: string;

beforeAll(() => {
  tracerDir = mkdtempSync(join(tmpdir(), 'imagegate-tracer-'));
  log = join(tracerDir, 'calls.log');
  writeFileSync(log, '');
  for (const tool of ['git', 'docker', 'curl', 'skopeo']) {
    const real = spawnSync('sh', ['-c', `command -v ${tool} || true`], {encoding: 'utf8'}).stdout.trim();
    const path = join(tracerDir, tool);
    writeFileSync(path, `#!/bin/sh\necho "${tool} $*" >> '${log}'\n${real ? `exec '${real}' "$@"` : 'exit 127'}\n`);
    chmodSync(path, 0o755);
  }
});

function run(args: string[], cwd: string): {status: number | null; stdout: string; stderr: string; calls: string[]} {
  writeFileSync(log, '');
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: 'utf8',
    env: {PATH: `${tracerDir}:/usr/bin:/bin`, HOME: tmpdir()}
  });
  return {
    status: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    calls: readFileSync(log, 'utf8').split('\n').filter(Boolean)
  };
}

describe('bundled CLI', () => {
  it('the tracer sees the git calls of a valid plan (so its silence below means something)', () => {
    const r = run(['plan', '--config', 'examples/multiarch/.imagegate.yml'], root);
    expect(r.status).toBe(0);
    expect(r.calls.some(c => c.startsWith('git '))).toBe(true);
  });

  it.each(readdirSync(bad).filter(f => f.endsWith('.yml')))('%s: exit 2, FILE:LINE:COL, no process started', file => {
    const r = run(['plan', '--config', file], bad);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^${file.replace(/\./g, '\\.')}:\\d+:\\d+: `));
    expect(r.calls).toEqual([]);
  });

  it('--version and --help need no configuration', () => {
    expect(run(['--version'], tmpdir()).stdout).toMatch(/^imagegate \d+\.\d+\.\d+\n$/);
    expect(run(['--help'], tmpdir()).stdout).toContain('Usage: imagegate <command>');
  });

  it('reports the package version', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {version: string};
    expect(run(['--version'], tmpdir()).stdout.trim()).toBe(`imagegate ${pkg.version}`);
  });
});
