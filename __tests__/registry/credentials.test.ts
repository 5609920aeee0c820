// Where registry credentials come from: real config.json files in temporary directories, and real
// docker-credential-* helper programs (tiny shell scripts) found on the PATH given in `env`.
import {afterEach, describe, expect, it, jest} from '@jest/globals';
import {chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {delimiter, join} from 'node:path';
import {InfrastructureError, UsageError} from '../../src/core/errors.js';
import {ProcessExec} from '../../src/exec/exec.js';
import {readRunEnvironment} from '../../src/host/environment.js';
import {CredentialStore, canonicalHost, environmentHostLogins} from '../../src/registry/credentials.js';

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

interface Sandbox {
  /** Directory holding config.json. */
  config: string;
  /** Directory of fake helpers, first on PATH. */
  bin: string;
  env: Record<string, string>;
  writeConfig(data: unknown): void;
  writeRaw(text: string): void;
  /** A docker-credential-<name> answering each server URL; other URLs get "credentials not found". */
  helper(name: string, answers: Record<string, {stdout: string; exit?: number; stderr?: string}>): void;
  /** The server URLs a helper was asked about, one per call. */
  asked(name: string): string[];
}

function sandbox(): Sandbox {
  const root = mkdtempSync(join(tmpdir(), 'imagegate-creds-'));
  const config = join(root, 'docker');
  const bin = join(root, 'bin');
  mkdirSync(config);
  mkdirSync(bin);
  return {
    config,
    bin,
    env: {PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`, DOCKER_CONFIG: config},
    writeConfig: data => writeFileSync(join(config, 'config.json'), JSON.stringify(data, null, 2)),
    writeRaw: text => writeFileSync(join(config, 'config.json'), text),
    helper(name, answers) {
      const cases = Object.entries(answers)
        .map(
          ([url, a]) =>
            `  ${shellQuote(url)}) printf '%s' ${shellQuote(a.stdout)}; printf '%s' ${shellQuote(a.stderr ?? '')} >&2; exit ${a.exit ?? 0};;`
        )
        .join('\n');
      const script = [
        '#!/bin/sh',
        '[ "$#" -eq 1 ] && [ "$1" = get ] || { echo "usage: get" >&2; exit 64; }',
        'url=$(cat)',
        `printf '%s\\n' "$url" >> ${shellQuote(join(bin, `${name}.asked`))}`,
        'case "$url" in',
        cases,
        '  *) echo "credentials not found in native keychain"; exit 1;;',
        'esac',
        ''
      ].join('\n');
      const path = join(bin, `docker-credential-${name}`);
      writeFileSync(path, script);
      chmodSync(path, 0o755);
    },
    asked(name) {
      const file = join(bin, `${name}.asked`);
      return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
    }
  };
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function helperAnswer(url: string, username: string, secret: string): {stdout: string} {
  return {stdout: JSON.stringify({ServerURL: url, Username: username, Secret: secret})};
}

/** The store a run builds: its login and docker config directory from the environment (as the entry points read it). */
function store(
  box: Sandbox | undefined,
  opts: {env?: Record<string, string>; envHosts?: string[]; dockerConfigDir?: string} = {}
): CredentialStore {
  const env = {...box?.env, ...opts.env};
  const run = readRunEnvironment(env);
  return new CredentialStore({
    login: run.login,
    explicitHosts: opts.envHosts ?? [],
    dockerConfigDir: opts.dockerConfigDir ?? run.dockerConfigDir,
    path: run.path,
    exec: new ProcessExec({env, output: () => ({write: t => void process.stderr.write(t), end: () => undefined})})
  });
}

/** The error a promise rejects with, asserting that it rejects. */
async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a rejection');
}

function expectNoSecret(error: Error, secrets: string[]): void {
  for (const secret of secrets) expect(error.message).not.toContain(secret);
}

afterEach(() => {
  jest.restoreAllMocks();
});

describe('environment credentials', () => {
  const env = {IMAGEGATE_REGISTRY_USER: 'ci-bot', IMAGEGATE_REGISTRY_PASSWORD: 'env-pa55word'};

  it('apply to the hosts named in .imagegate.yml, and are masked in base64 form too', async () => {
    const box = sandbox();
    const creds = store(box, {env, envHosts: ['localhost:5002']});
    expect(await creds.get('localhost:5002')).toEqual({
      credentials: {kind: 'basic', username: 'ci-bot', password: 'env-pa55word'},
      source: 'IMAGEGATE_REGISTRY_USER/PASSWORD'
    });
    expect(creds.secrets()).toEqual(expect.arrayContaining(['env-pa55word', b64('ci-bot:env-pa55word')]));
  });

  it('are masked from the start, before any host asks for them', () => {
    const creds = store(sandbox(), {env, envHosts: ['ghcr.io']});
    expect(creds.secrets()).toEqual(expect.arrayContaining(['env-pa55word', b64('ci-bot:env-pa55word')]));
  });

  it('do not leak to other hosts: those get their own config.json entry, or nothing', async () => {
    const box = sandbox();
    box.writeConfig({auths: {'quay.io': {auth: b64('quayuser:quay-pass')}}});
    const creds = store(box, {env, envHosts: ['ghcr.io']});
    expect(await creds.get('quay.io')).toMatchObject({
      credentials: {kind: 'basic', username: 'quayuser', password: 'quay-pass'}
    });
    expect(await creds.get('docker.io')).toBeUndefined();
    expect(await creds.get('ghcr.io')).toMatchObject({source: 'IMAGEGATE_REGISTRY_USER/PASSWORD'});
  });

  it('apply to no host at all when no hosts are named', async () => {
    const creds = store(sandbox(), {env});
    expect(await creds.get('ghcr.io')).toBeUndefined();
  });

  it('win over config.json for their hosts', async () => {
    const box = sandbox();
    box.writeConfig({auths: {'ghcr.io': {auth: b64('other:other-pass')}}});
    expect(await store(box, {env, envHosts: ['ghcr.io']}).get('ghcr.io')).toMatchObject({
      credentials: {username: 'ci-bot'}
    });
  });

  it('match Docker Hub by any of its names', async () => {
    const creds = store(sandbox(), {env, envHosts: ['docker.io']});
    expect(await creds.get('registry-1.docker.io')).toMatchObject({source: 'IMAGEGATE_REGISTRY_USER/PASSWORD'});
    expect(await creds.get('index.docker.io')).toMatchObject({source: 'IMAGEGATE_REGISTRY_USER/PASSWORD'});
  });

  it('one set without the other is a usage error naming both variables, never the password', async () => {
    const box = sandbox();
    const onlyPassword = await failure(
      store(box, {env: {IMAGEGATE_REGISTRY_PASSWORD: 'lonely-secret'}, envHosts: ['ghcr.io']}).get('ghcr.io')
    );
    expect(onlyPassword).toBeInstanceOf(UsageError);
    expect(onlyPassword.message).toContain('IMAGEGATE_REGISTRY_USER');
    expect(onlyPassword.message).toContain('IMAGEGATE_REGISTRY_PASSWORD');
    expectNoSecret(onlyPassword, ['lonely-secret']);

    const onlyUser = await failure(
      store(box, {env: {IMAGEGATE_REGISTRY_USER: 'ci-bot'}, envHosts: ['ghcr.io']}).get('quay.io')
    );
    expect(onlyUser).toBeInstanceOf(UsageError);
    expect(onlyUser.message).toMatch(/IMAGEGATE_REGISTRY_USER is set but IMAGEGATE_REGISTRY_PASSWORD is not/);
  });

  it('empty values count as unset', async () => {
    const creds = store(sandbox(), {
      env: {IMAGEGATE_REGISTRY_USER: '', IMAGEGATE_REGISTRY_PASSWORD: ''},
      envHosts: ['ghcr.io']
    });
    expect(await creds.get('ghcr.io')).toBeUndefined();
    expect(creds.secrets()).toEqual([]);
  });
});

describe('config.json auths', () => {
  it('`auth` is base64 user:pass; the source names the file and key; secrets hold every form', async () => {
    const box = sandbox();
    const auth = b64('octocat:gh-pa55:with:colons');
    box.writeConfig({auths: {'ghcr.io': {auth}}});
    const creds = store(box);
    expect(await creds.get('ghcr.io')).toEqual({
      credentials: {kind: 'basic', username: 'octocat', password: 'gh-pa55:with:colons'},
      source: `${join(box.config, 'config.json')} auths["ghcr.io"]`
    });
    expect(creds.secrets()).toEqual(expect.arrayContaining(['gh-pa55:with:colons', auth]));
  });

  it('separate `username` and `password` fields are accepted', async () => {
    const box = sandbox();
    box.writeConfig({auths: {'localhost:5002': {username: 'admin', password: 'field-pass'}}});
    const creds = store(box);
    expect(await creds.get('localhost:5002')).toMatchObject({
      credentials: {kind: 'basic', username: 'admin', password: 'field-pass'}
    });
    expect(creds.secrets()).toEqual(expect.arrayContaining(['field-pass', b64('admin:field-pass')]));
  });

  it('`identitytoken` is an identity token', async () => {
    const box = sandbox();
    box.writeConfig({auths: {'myacr.azurecr.io': {identitytoken: 'refresh-tok'}}});
    const creds = store(box);
    expect(await creds.get('myacr.azurecr.io')).toMatchObject({
      credentials: {kind: 'identity-token', token: 'refresh-tok'}
    });
    expect(creds.secrets()).toContain('refresh-tok');
  });

  it('Docker Hub: docker.io, registry-1.docker.io and index.docker.io use https://index.docker.io/v1/', async () => {
    const box = sandbox();
    box.writeConfig({auths: {'https://index.docker.io/v1/': {auth: b64('hubuser:hub-pass')}}});
    const creds = store(box);
    for (const host of ['docker.io', 'registry-1.docker.io', 'index.docker.io', 'Docker.IO']) {
      expect(await creds.get(host)).toMatchObject({
        credentials: {kind: 'basic', username: 'hubuser', password: 'hub-pass'},
        source: expect.stringContaining('auths["https://index.docker.io/v1/"]')
      });
    }
  });

  it('keys written as URLs match by their host, and a different port is a different registry', async () => {
    const box = sandbox();
    box.writeConfig({
      auths: {
        'https://ghcr.io': {auth: b64('url-user:url-pass')},
        'http://localhost:5000/v2/': {auth: b64('local:local-pass')}
      }
    });
    const creds = store(box);
    expect(await creds.get('ghcr.io')).toMatchObject({credentials: {username: 'url-user'}});
    expect(await creds.get('localhost:5000')).toMatchObject({credentials: {username: 'local'}});
    expect(await creds.get('localhost:5001')).toBeUndefined();
  });

  it('a key written exactly as the host wins over one written as a URL', async () => {
    const box = sandbox();
    box.writeConfig({auths: {'https://ghcr.io/': {auth: b64('a:url')}, 'ghcr.io': {auth: b64('b:exact')}}});
    expect(await store(box).get('ghcr.io')).toMatchObject({credentials: {username: 'b'}});
  });

  it('an `auth` that is not base64 user:pass is a usage error naming the host and file, not the value', async () => {
    const box = sandbox();
    const file = join(box.config, 'config.json');
    for (const auth of ['not base64 at all!', b64('no-colon-secret'), b64(':only-a-secret')]) {
      box.writeConfig({auths: {'ghcr.io': {auth}}});
      const error = await failure(store(box).get('ghcr.io'));
      expect(error).toBeInstanceOf(UsageError);
      expect(error.message).toContain('"ghcr.io"');
      expect(error.message).toContain(file);
      expect(error.message).toContain('user:password');
      expectNoSecret(error, [auth, 'no-colon-secret', 'only-a-secret']);
    }
  });

  it('a username without a password is a usage error naming the host', async () => {
    const box = sandbox();
    box.writeConfig({auths: {'ghcr.io': {username: 'octocat'}}});
    const error = await failure(store(box).get('ghcr.io'));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toContain('"ghcr.io"');
  });

  it('no entry for the host is anonymous', async () => {
    const box = sandbox();
    box.writeConfig({auths: {'ghcr.io': {auth: b64('u:p')}}});
    expect(await store(box).get('quay.io')).toBeUndefined();
  });
});

describe('finding config.json', () => {
  const config = {auths: {'ghcr.io': {auth: b64('found:found-pass')}}};

  it('DOCKER_CONFIG names its directory', async () => {
    const box = sandbox();
    box.writeConfig(config);
    expect(await store(undefined, {env: {DOCKER_CONFIG: box.config}}).get('ghcr.io')).toBeDefined();
  });

  it('otherwise $HOME/.docker', async () => {
    const home = mkdtempSync(join(tmpdir(), 'imagegate-home-'));
    mkdirSync(join(home, '.docker'));
    writeFileSync(join(home, '.docker', 'config.json'), JSON.stringify(config));
    expect(await store(undefined, {env: {HOME: home}}).get('ghcr.io')).toMatchObject({
      source: `${join(home, '.docker', 'config.json')} auths["ghcr.io"]`
    });
  });

  it('dockerConfigDir wins over the environment', async () => {
    const box = sandbox();
    box.writeConfig(config);
    const creds = store(undefined, {env: {DOCKER_CONFIG: '/nonexistent'}, dockerConfigDir: box.config});
    expect(await creds.get('ghcr.io')).toBeDefined();
  });

  it('no config.json, or no directory to look in, is anonymous', async () => {
    expect(await store(sandbox()).get('ghcr.io')).toBeUndefined();
    expect(await store(undefined, {env: {HOME: '/nonexistent'}}).get('ghcr.io')).toBeUndefined();
  });

  it('malformed JSON is a usage error naming the file and the JSON error, never its content', async () => {
    const box = sandbox();
    const file = join(box.config, 'config.json');
    const secret = b64('leaky:leaky-pass');
    const broken = [
      `{"auths": {"ghcr.io": {"auth": ${secret}}}}`,
      `{"auths": {"ghcr.io": {"auth": "${secret}" x}}}`,
      `{"auths": {"ghcr.io": {"auth": "${secret}",}}}`,
      `{"auths": {"ghcr.io": {"auth": "${secret}"`,
      `{"auths": {"ghcr.io": {"auth": "${secret}"}}} trailing`,
      `{"auths": {"a.example": {}, "b.example": {}, "c.example": {}, "ghcr.io": {"auth": ${secret}}}, "x": 1}`
    ];
    for (const text of broken) {
      box.writeRaw(text);
      const error = await failure(store(box).get('ghcr.io'));
      expect(error).toBeInstanceOf(UsageError);
      expect(error.message).toContain(file);
      expect(error.message).toContain('is not valid JSON (');
      expectNoSecret(error, [secret, 'leaky', 'auth', 'example']);
    }
    box.writeRaw('{\n  "auths": {\n    "ghcr.io": {"auth": "x" x}\n  }\n}');
    expect((await failure(store(box).get('ghcr.io'))).message).toMatch(/at line 3 column \d+/);
  });

  it('JSON of the wrong shape is a usage error naming the file and the setting', async () => {
    const box = sandbox();
    for (const [config, what] of [
      [[], 'JSON object'],
      [{auths: []}, '"auths"'],
      [{auths: {'ghcr.io': {auth: 1}}}, 'auths["ghcr.io"].auth'],
      [{credHelpers: {'ghcr.io': '../../bin/sh'}}, 'credHelpers["ghcr.io"]'],
      [{credsStore: 5}, '"credsStore"']
    ] as const) {
      box.writeConfig(config);
      const error = await failure(store(box).get('ghcr.io'));
      expect(error).toBeInstanceOf(UsageError);
      expect(error.message).toContain(join(box.config, 'config.json'));
      expect(error.message).toContain(what);
    }
  });
});

describe('credential helpers', () => {
  it('credHelpers[host] runs docker-credential-<name> get with the server URL on stdin', async () => {
    const box = sandbox();
    box.helper('fake', {'ghcr.io': helperAnswer('ghcr.io', 'helper-user', 'helper-secret')});
    box.writeConfig({credHelpers: {'ghcr.io': 'fake'}});
    const run = jest.spyOn(ProcessExec.prototype, 'run');
    const creds = store(box);
    expect(await creds.get('ghcr.io')).toEqual({
      credentials: {kind: 'basic', username: 'helper-user', password: 'helper-secret'},
      source: 'credential helper docker-credential-fake'
    });
    expect(box.asked('fake')).toEqual(['ghcr.io']);
    expect(run).toHaveBeenCalledWith(
      join(box.bin, 'docker-credential-fake'),
      ['get'],
      expect.objectContaining({input: 'ghcr.io'})
    );
    expect(creds.secrets()).toEqual(expect.arrayContaining(['helper-secret', b64('helper-user:helper-secret')]));
  });

  it('credHelpers win over auths', async () => {
    const box = sandbox();
    box.helper('fake', {'ghcr.io': helperAnswer('ghcr.io', 'helper-user', 'helper-secret')});
    box.writeConfig({credHelpers: {'ghcr.io': 'fake'}, auths: {'ghcr.io': {auth: b64('auths-user:p')}}});
    expect(await store(box).get('ghcr.io')).toMatchObject({credentials: {username: 'helper-user'}});
  });

  it('a Username of <token> means the Secret is an identity token', async () => {
    const box = sandbox();
    box.helper('acr', {'myacr.azurecr.io': helperAnswer('myacr.azurecr.io', '<token>', 'acr-refresh')});
    box.writeConfig({credHelpers: {'myacr.azurecr.io': 'acr'}});
    const creds = store(box);
    expect(await creds.get('myacr.azurecr.io')).toEqual({
      credentials: {kind: 'identity-token', token: 'acr-refresh'},
      source: 'credential helper docker-credential-acr'
    });
    expect(creds.secrets()).toContain('acr-refresh');
  });

  it('"credentials not found in native keychain" means anonymous, not a failure', async () => {
    const box = sandbox();
    box.helper('fake', {});
    box.writeConfig({credHelpers: {'ghcr.io': 'fake'}});
    expect(await store(box).get('ghcr.io')).toBeUndefined();
    expect(box.asked('fake')).toEqual(['ghcr.io']);
  });

  it('the global credsStore serves hosts with no credHelpers entry and no credentials in auths', async () => {
    const box = sandbox();
    box.helper('desktop', {
      'quay.io': helperAnswer('quay.io', 'store-user', 'store-secret'),
      'https://index.docker.io/v1/': helperAnswer('https://index.docker.io/v1/', 'hub-user', 'hub-secret')
    });
    box.writeConfig({
      // docker writes empty entries when the secret lives in the credsStore
      auths: {'quay.io': {}, 'ghcr.io': {auth: b64('auths-user:auths-pass')}},
      credsStore: 'desktop'
    });
    const creds = store(box);
    expect(await creds.get('quay.io')).toMatchObject({
      credentials: {username: 'store-user', password: 'store-secret'},
      source: 'credential helper docker-credential-desktop'
    });
    expect(await creds.get('ghcr.io')).toMatchObject({credentials: {username: 'auths-user'}});
    expect(await creds.get('registry-1.docker.io')).toMatchObject({credentials: {username: 'hub-user'}});
    expect(await creds.get('localhost:5000')).toBeUndefined();
    expect(box.asked('desktop')).toEqual(['quay.io', 'https://index.docker.io/v1/', 'localhost:5000']);
  });

  it('Docker Hub is asked for as https://index.docker.io/v1/, and credHelpers keys match by host', async () => {
    const box = sandbox();
    box.helper('hub', {'https://index.docker.io/v1/': helperAnswer('https://index.docker.io/v1/', 'h', 'hub-s')});
    box.writeConfig({credHelpers: {'https://index.docker.io/v1/': 'hub'}});
    expect(await store(box).get('docker.io')).toMatchObject({credentials: {username: 'h'}});
    expect(box.asked('hub')).toEqual(['https://index.docker.io/v1/']);
  });

  it('answers are cached per host: the helper runs once', async () => {
    const box = sandbox();
    box.helper('fake', {'ghcr.io': helperAnswer('ghcr.io', 'u', 'cached-secret')});
    box.writeConfig({credHelpers: {'ghcr.io': 'fake'}});
    const creds = store(box);
    const [a, b] = await Promise.all([creds.get('ghcr.io'), creds.get('ghcr.io')]);
    await creds.get('GHCR.io');
    expect(a).toEqual(b);
    expect(box.asked('fake')).toEqual(['ghcr.io']);
  });

  it('a missing helper is an infrastructure error naming the program and the setting that refers to it', async () => {
    const box = sandbox();
    const file = join(box.config, 'config.json');
    box.writeConfig({credHelpers: {'ghcr.io': 'nothere'}, credsStore: 'gone'});
    const creds = store(box);
    const viaCredHelpers = await failure(creds.get('ghcr.io'));
    expect(viaCredHelpers).toBeInstanceOf(InfrastructureError);
    expect(viaCredHelpers.message).toContain('docker-credential-nothere');
    expect(viaCredHelpers.message).toContain(`${file} credHelpers["ghcr.io"]`);

    const viaCredsStore = await failure(creds.get('quay.io'));
    expect(viaCredsStore).toBeInstanceOf(InfrastructureError);
    expect(viaCredsStore.message).toContain('docker-credential-gone');
    expect(viaCredsStore.message).toContain(`${file} credsStore`);
  });

  it('a failure is not cached: installing the helper and asking again works', async () => {
    const box = sandbox();
    box.writeConfig({credHelpers: {'ghcr.io': 'late'}});
    const creds = store(box);
    await expect(creds.get('ghcr.io')).rejects.toThrow(InfrastructureError);
    box.helper('late', {'ghcr.io': helperAnswer('ghcr.io', 'u', 'late-secret')});
    expect(await creds.get('ghcr.io')).toMatchObject({credentials: {password: 'late-secret'}});
  });

  it('a helper that fails otherwise is an infrastructure error with its last line, masked', async () => {
    const box = sandbox();
    box.helper('broken', {'ghcr.io': {stdout: '', stderr: 'keychain locked (env-pa55word)', exit: 3}});
    box.writeConfig({credHelpers: {'ghcr.io': 'broken'}});
    const env = {IMAGEGATE_REGISTRY_USER: 'ci-bot', IMAGEGATE_REGISTRY_PASSWORD: 'env-pa55word'};
    const error = await failure(store(box, {env, envHosts: ['quay.io']}).get('ghcr.io'));
    expect(error).toBeInstanceOf(InfrastructureError);
    expect(error.message).toContain('docker-credential-broken get failed for ghcr.io (exit 3: keychain locked (***))');
    expectNoSecret(error, ['env-pa55word']);
  });

  it('a helper that prints something other than JSON is an infrastructure error that does not repeat it', async () => {
    const box = sandbox();
    box.helper('chatty', {'ghcr.io': {stdout: 'Username: u Secret: chatty-secret'}});
    box.writeConfig({credHelpers: {'ghcr.io': 'chatty'}});
    const error = await failure(store(box).get('ghcr.io'));
    expect(error).toBeInstanceOf(InfrastructureError);
    expect(error.message).toContain('docker-credential-chatty');
    expect(error.message).toContain('docker-credential-helpers protocol');
    expectNoSecret(error, ['chatty-secret']);
  });

  it('an empty Secret means anonymous', async () => {
    const box = sandbox();
    box.helper('empty', {'ghcr.io': helperAnswer('ghcr.io', '', '')});
    box.writeConfig({credHelpers: {'ghcr.io': 'empty'}});
    const creds = store(box);
    expect(await creds.get('ghcr.io')).toBeUndefined();
    expect(creds.secrets()).toEqual([]);
  });
});

describe('canonicalHost', () => {
  it('drops scheme and path, lowercases, and names Docker Hub docker.io', () => {
    expect(canonicalHost('https://GHCR.io/v2/')).toBe('ghcr.io');
    expect(canonicalHost('localhost:5000')).toBe('localhost:5000');
    expect(canonicalHost('https://index.docker.io/v1/')).toBe('docker.io');
    expect(canonicalHost('registry-1.docker.io')).toBe('docker.io');
  });
  it('an empty host is a usage error', async () => {
    await expect(store(sandbox()).get('')).rejects.toThrow(UsageError);
  });
});

describe('a login per registry (several destinations)', () => {
  it('IMAGEGATE_REGISTRY_USER_<HOST>/PASSWORD_<HOST> go to their host only, the general login elsewhere', async () => {
    const vars = {
      IMAGEGATE_REGISTRY_USER: 'ci',
      IMAGEGATE_REGISTRY_PASSWORD: 'general-secret',
      IMAGEGATE_REGISTRY_USER_DOCKER_IO: 'acme',
      IMAGEGATE_REGISTRY_PASSWORD_DOCKER_IO: 'hub-token',
      IMAGEGATE_REGISTRY_USER_QUAY_IO: 'other',
      IMAGEGATE_REGISTRY_PASSWORD_QUAY_IO: 'not-named'
    };
    const hosts = ['ghcr.io', 'docker.io'];
    const store = new CredentialStore({
      login: readRunEnvironment(vars).login,
      hostLogins: environmentHostLogins(vars, hosts),
      explicitHosts: hosts,
      path: '',
      exec: new ProcessExec({env: {}, output: () => ({write: () => undefined, end: () => undefined})})
    });
    expect(await store.get('docker.io')).toEqual({
      credentials: {kind: 'basic', username: 'acme', password: 'hub-token'},
      source: 'IMAGEGATE_REGISTRY_USER_DOCKER_IO/PASSWORD_DOCKER_IO'
    });
    expect((await store.get('ghcr.io'))?.credentials).toEqual({
      kind: 'basic',
      username: 'ci',
      password: 'general-secret'
    });
    // quay.io is not a host of this run: its login is never read, let alone sent.
    expect(await store.get('quay.io')).toBeUndefined();
    expect(store.secrets()).toEqual(expect.arrayContaining(['hub-token', 'general-secret']));
    expect(store.secrets()).not.toContain('not-named');
    expect(store.logins().map(l => `${l.host} ${l.username}`)).toEqual(['ghcr.io ci', 'docker.io acme']);
  });

  it('half a per-host login names both of its variables', async () => {
    const vars = {IMAGEGATE_REGISTRY_USER_GHCR_IO: 'acme'};
    const store = new CredentialStore({
      hostLogins: environmentHostLogins(vars, ['ghcr.io']),
      explicitHosts: ['ghcr.io'],
      path: '',
      exec: new ProcessExec({env: {}, output: () => ({write: () => undefined, end: () => undefined})})
    });
    await expect(store.get('ghcr.io')).rejects.toThrow(
      'IMAGEGATE_REGISTRY_USER_GHCR_IO is set but IMAGEGATE_REGISTRY_PASSWORD_GHCR_IO is not'
    );
  });
});
