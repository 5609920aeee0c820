// `imagegate setup` (the last step of components/setup): the pinned downloads cannot be fetched here,
// so a local mirror serves them. Bytes that differ from the pinned SHA-256 are refused before anything
// is installed; bytes that match (a table pinned to the mirror's files) are installed and put on PATH.
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals';
import {execFile, execFileSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {createServer, type Server} from 'node:http';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {parse} from 'yaml';
import {PACK_RELEASE} from '../../src/core/buildpacks/pack-release.js';
import {toolDownloads, type PinnedTool} from '../../src/core/tools.js';
import {ProcessExec} from '../../src/exec/exec.js';
import {TempDirs} from '../../src/io/temp.js';
import {ToolInstaller} from '../../src/io/tool-install.js';
import {runCli} from '../helpers/cli.js';
import {ROOT} from './helpers/repo.js';
import {node24} from './helpers/runner.js';

interface SetupAction {
  inputs: Record<string, {default?: string}>;
  runs: {steps: {run?: string; env?: Record<string, string>}[]};
}

const files = new Map<string, Buffer>();
let server: Server;
let mirror: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const body = files.get(req.url ?? '');
    res.writeHead(body ? 200 : 404).end(body);
  });
  await new Promise<void>(ok => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  mirror = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(() => new Promise<void>(ok => server.close(() => ok())));

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

describe('imagegate setup', () => {
  it('components/setup’s own step refuses bytes that differ from the pinned SHA-256, and installs nothing', async () => {
    files.set('/cosign/v3.0.6/cosign-linux-amd64', Buffer.from('#!/bin/sh\necho not cosign\n'));
    const home = mkdtempSync(join(tmpdir(), 'imagegate-setup-'));
    const githubPath = join(home, 'github-path');
    writeFileSync(githubPath, '');
    // The composite's own step, as the runner runs it: its `run:` under bash, inputs through `env:`.
    const setup = parse(readFileSync(join(ROOT, 'components/setup/action.yml'), 'utf8')) as SetupAction;
    const ours = setup.runs.steps.find(s => s.run)!;
    expect(ours.env).toEqual({IMAGEGATE_TOOLS: '${{ inputs.tools }}'});
    const env = {
      PATH: `${dirname(node24())}:${process.env.PATH}`,
      HOME: home,
      GITHUB_ACTION_PATH: join(ROOT, 'components/setup'),
      GITHUB_PATH: githubPath,
      IMAGEGATE_TOOLS: setup.inputs.tools!.default,
      IMAGEGATE_TOOLS_MIRROR: mirror
    };
    // Not spawnSync: the mirror runs in this process and must keep answering.
    const r = await new Promise<{status: number | null; stderr: string}>(done => {
      const child = execFile(
        'bash',
        ['--noprofile', '--norc', '-eo', 'pipefail', '-c', ours.run!],
        {env},
        (_e, _o, stderr) => done({status: child.exitCode, stderr})
      );
    });
    expect(r.status).toBe(3);
    expect(r.stderr).toContain(
      `${mirror}/cosign/v3.0.6/cosign-linux-amd64 has SHA-256 ${sha256(files.get('/cosign/v3.0.6/cosign-linux-amd64')!)}, not the pinned c956e5dfcac53d52bcf058360d579472f0c1d2d9b69f55209e256fe7783f4c74: refusing to install cosign 3.0.6`
    );
    expect(existsSync(join(home, '.cache/imagegate/tools/cosign'))).toBe(false);
    expect(readFileSync(githubPath, 'utf8')).toBe('');
  });

  it('installs a binary whose bytes match its pin, and takes the pinned pack already on PATH', async () => {
    const work = mkdtempSync(join(tmpdir(), 'imagegate-setup-'));
    const program = Buffer.from('#!/bin/sh\necho pinned tiny\n');
    files.set('/tiny/v1.0.0/tiny', program);
    const table: PinnedTool[] = [
      {name: 'tiny', version: '1.0.0', assets: {x64: {url: 'https://example.invalid/tiny', sha256: sha256(program)}}}
    ];
    const root = join(work, 'tools');
    const [download] = toolDownloads(['tiny'], 'x64', mirror, table);
    const installer = new ToolInstaller({
      exec: new ProcessExec({
        env: process.env,
        output: () => ({write: t => void process.stderr.write(t), end: () => undefined})
      }),
      temp: new TempDirs(work),
      cache: root,
      log: () => undefined,
      path: ''
    });
    const installed = await installer.installFile(download!);
    expect(installed.dir).toBe(join(root, 'tiny', '1.0.0'));
    expect(execFileSync(join(installed.dir, 'tiny'), {encoding: 'utf8'})).toBe('pinned tiny\n');

    // pack goes through the buildpacks backend's installer: the pinned version on PATH is used as it
    // is, and `imagegate setup` in a workflow step adds its directory to GITHUB_PATH.
    const bin = join(work, 'bin');
    execFileSync('mkdir', ['-p', bin]);
    writeFileSync(join(bin, 'pack'), `#!/bin/sh\necho "${PACK_RELEASE.version}+git-0000000.build-1"\n`, {mode: 0o755});
    const githubPath = join(work, 'github-path');
    writeFileSync(githubPath, '');
    const r = await runCli(['setup', '--tools', 'pack', '--json'], {
      env: {PATH: bin, HOME: work, GITHUB_ACTIONS: 'true', GITHUB_PATH: githubPath}
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([{name: 'pack', version: PACK_RELEASE.version, dir: bin}]);
    expect(readFileSync(githubPath, 'utf8')).toBe(`${bin}\n`);
  });
});
