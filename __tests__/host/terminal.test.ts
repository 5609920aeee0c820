// The command line's host: the log on stderr (masked), the result on stdout (text or one JSON
// document), outputs in a dotenv file, annotations in a code quality report.
import {describe, expect, it} from '@jest/globals';
import {mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {UsageError} from '../../src/core/errors.js';
import {GitLabLog} from '../../src/host/gitlab.js';
import {PlainLog, TerminalHost} from '../../src/host/terminal.js';

function host(opts: {json?: boolean; dotenv?: string; codeQuality?: string} = {}) {
  const out = {stdout: '', stderr: ''};
  const log = new PlainLog(t => void (out.stderr += t));
  const h = new TerminalHost({
    log,
    stdout: t => void (out.stdout += t),
    stderr: t => void (out.stderr += t),
    json: opts.json ?? false,
    ...(opts.dotenv ? {dotenv: opts.dotenv} : {}),
    ...(opts.codeQuality ? {codeQuality: opts.codeQuality} : {})
  });
  return {h, out};
}

describe('PlainLog', () => {
  it('masks secrets in everything it prints, and names positions', async () => {
    const {h, out} = host();
    h.mask('hunter22');
    h.info('token=hunter22');
    await h.group('push with hunter22', async () => h.warning('hunter22 again', {file: 'a.yml', line: 3, col: 5}));
    expect(out.stderr).not.toContain('hunter22');
    expect(out.stderr).toBe('token=***\n── push with ***\na.yml:3:5: warning: *** again\n');
  });
});

describe('TerminalHost', () => {
  it('prints the result text on stdout, or with --json the text on stderr and one document on stdout', async () => {
    const plain = host();
    await plain.h.present({text: 'all passed', document: {ok: true}});
    expect(plain.out).toEqual({stdout: 'all passed\n', stderr: ''});
    const json = host({json: true});
    await json.h.present({text: 'all passed', document: {ok: true}});
    expect(json.out.stderr).toBe('all passed\n');
    expect(JSON.parse(json.out.stdout)).toEqual({ok: true});
  });

  it('an error without a result: the message on stderr, and with --json an error document', () => {
    const json = host({json: true});
    json.h.fail('no Docker engine answers', 3);
    expect(json.out.stderr).toBe('no Docker engine answers\n');
    expect(JSON.parse(json.out.stdout)).toEqual({error: {exitCode: 3, message: 'no Docker engine answers'}});
  });

  it('writes outputs as dotenv and annotations as a code quality report, and names a path it cannot write', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'imagegate-host-'));
    const {h} = host({dotenv: join(dir, 'out.env'), codeQuality: join(dir, 'cq.json')});
    await h.setOutputs({
      scenario: 'check',
      images: [{name: 'web', digest: 'sha256:ab'}],
      tags: [],
      refs: [],
      pushed: false
    });
    expect(readFileSync(join(dir, 'out.env'), 'utf8')).toContain('IMAGEGATE_DIGEST=sha256:ab\n');
    await h.annotate([{level: 'error', message: 'test failed', where: {file: '.imagegate.yml', line: 7}}]);
    const [issue] = JSON.parse(readFileSync(join(dir, 'cq.json'), 'utf8')) as {location: unknown; severity: string}[];
    expect(issue).toMatchObject({severity: 'major', location: {path: '.imagegate.yml', lines: {begin: 7}}});
    const bad = host({dotenv: join(dir, 'missing', 'out.env')}).h;
    await expect(bad.setOutputs({images: [], tags: [], refs: [], pushed: false})).rejects.toThrow(UsageError);
    await expect(bad.setOutputs({images: [], tags: [], refs: [], pushed: false})).rejects.toThrow(
      /cannot write --dotenv .*missing\/out\.env.*; pass a writable path/
    );
  });
});

describe('GitLabLog', () => {
  it('opens and closes collapsible sections, also when the work throws', async () => {
    let out = '';
    const log = new GitLabLog(t => void (out += t));
    await log.group('test web', async () => log.info('inside'));
    expect(out).toMatch(
      /^\x1b\[0Ksection_start:\d+:imagegate_1\[collapsed=true\]\r\x1b\[0Ktest web\ninside\n\x1b\[0Ksection_end:\d+:imagegate_1\r\x1b\[0K\n$/
    );
    out = '';
    await expect(log.group('x', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(out).toMatch(/section_end:\d+:imagegate_2/);
  });

  it('streamed output cannot open or close a section either, even when a marker is split across chunks', () => {
    let out = '';
    const block = new GitLabLog(t => void (out += t)).block();
    block.write('step 1\n\x1b[');
    block.write('0Ksection_end:1:imagegate_1\r\x1b[0K\n');
    block.end();
    expect(out).not.toMatch(/\x1b\[0K/);
    expect(out).toBe('step 1\nsection_end:1:imagegate_1\n\n');
  });

  it('a test’s output cannot close or open a section of ours', () => {
    let out = '';
    const log = new GitLabLog(t => void (out += t));
    log.verbatim('before\x1b[0Ksection_end:1:imagegate_1\r\x1b[0K\x1b[0Ksection_start:1:fake[collapsed=true]\rafter');
    expect(out).not.toMatch(/\x1b\[0Ksection_/);
    expect(out).toContain('section_end:1:imagegate_1');
  });
});

describe('TerminalHost with --json after a result', () => {
  it('a run that failed with a report keeps stdout one document: the report', async () => {
    const {h, out} = host({json: true});
    await h.present({text: 'FAIL', document: {status: 'failed'}});
    h.fail('imagegate gate: not every test passed; nothing was pushed', 1);
    expect(JSON.parse(out.stdout)).toEqual({status: 'failed'});
    expect(out.stderr).toBe('FAIL\nimagegate gate: not every test passed; nothing was pushed\n');
  });
});
