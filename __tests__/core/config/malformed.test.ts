// Every malformed configuration is reported as FILE:LINE:COL with the key and the fix, exits 2,
// and is caught before imagegate runs any process or opens any connection.
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from '@jest/globals';
import {readdirSync, readFileSync} from 'node:fs';
import {join, dirname} from 'node:path';
import {forbidProcessesAndNetwork, runCli} from '../../helpers/cli.js';

const HERE = dirname(fileURLToPath(import.meta.url));

const dir = join(HERE, '../../fixtures/config/bad');
const fixtures = readdirSync(dir)
  .filter(f => f.endsWith('.yml'))
  .sort();

function expectations(file: string): {line: number; col: number; text: string}[] {
  return readFileSync(join(dir, file), 'utf8')
    .split('\n')
    .flatMap(l => {
      const m = /^# expect (\d+):(\d+) (.*)$/.exec(l);
      return m ? [{line: Number(m[1]), col: Number(m[2]), text: m[3]!}] : [];
    });
}

describe('malformed .imagegate.yml', () => {
  const spies = forbidProcessesAndNetwork();

  it('has at least 30 fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(30);
  });

  it.each(fixtures)('%s: FILE:LINE:COL, the fix, exit 2, no process or network', async file => {
    const result = await runCli(['plan', '--config', file], {cwd: dir});
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    for (const line of lines) expect(line).toMatch(new RegExp(`^${file.replace(/\./g, '\\.')}:\\d+:\\d+: \\S`));
    for (const e of expectations(file)) {
      expect(lines).toContainEqual(expect.stringContaining(`${file}:${e.line}:${e.col}: `));
      const line = lines.find(l => l.startsWith(`${file}:${e.line}:${e.col}: `));
      expect(line).toContain(e.text);
    }
    expect(spies.run()).not.toHaveBeenCalled();
    expect(spies.fetch()).not.toHaveBeenCalled();
  });

  it('prints one JSON error document on stdout with --json', async () => {
    const result = await runCli(['plan', '--json', '--config', '08-unknown-image-key.yml'], {cwd: dir});
    expect(result.code).toBe(2);
    const doc = JSON.parse(result.stdout) as {error: {exitCode: number; message: string}};
    expect(doc.error.exitCode).toBe(2);
    expect(doc.error.message).toContain('08-unknown-image-key.yml:5:5: unknown key `platfroms`');
  });
});
