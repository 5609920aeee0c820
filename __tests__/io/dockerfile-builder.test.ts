// The Dockerfile builder's inputs from the run: build secrets from the job's environment, and what a
// run without credentials says when a build fails for want of one.
import {describe, expect, it} from '@jest/globals';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import type {ImageConfig} from '../../src/core/config/types.js';
import type {Exec, ExecOptions} from '../../src/exec/exec.js';
import {Docker} from '../../src/io/docker.js';
import {DockerfileBuilder} from '../../src/io/dockerfile-builder.js';
import {TempDirs} from '../../src/io/temp.js';
import {RecordingHost} from '../helpers/fakes.js';

const image = (secrets: ImageConfig['secrets']): ImageConfig =>
  ({
    name: 'web',
    index: 0,
    context: '.',
    containerfile: 'Dockerfile',
    buildArgs: {},
    platforms: ['linux/amd64'],
    tags: [],
    repository: 'localhost:5000/acme/web',
    test: {commands: [], setup: []},
    builder: {kind: 'dockerfile'},
    labels: {},
    annotations: {},
    secrets,
    cache: {from: [], to: []},
    attestations: {provenance: 'min', sbom: false}
  }) as ImageConfig;

function builder(opts: {secretsRefused?: string; credentialNote?: string; output?: string}) {
  const calls: {args: readonly string[]; opts?: ExecOptions}[] = [];
  const exec: Exec = {
    run: async (_cmd, args, o) => {
      calls.push({args, ...(o ? {opts: o} : {})});
      o?.onOutput?.(opts.output ?? '');
      return {exitCode: 1, stdout: '', stderr: ''};
    }
  };
  const host = new RecordingHost();
  const b = new DockerfileBuilder({
    docker: new Docker({exec}),
    log: host,
    temp: new TempDirs(mkdtempSync(`${tmpdir()}/imagegate-builder-`)),
    variable: name => ({IMAGEGATE_REGISTRY_PASSWORD: 'pa55word', API_TOKEN: 'tok'})[name],
    ...opts
  });
  return {b, calls, host};
}

const inputs = (i: ImageConfig) => ({image: i, baseDir: '/src', oci: {}, runId: 'r1'});

describe('DockerfileBuilder', () => {
  it('a secret from the job’s environment goes to buildx in its environment only, masked', async () => {
    const {b, calls, host} = builder({});
    await b.build(inputs(image([{id: 'token', env: 'API_TOKEN'}])));
    expect(calls[0]!.opts?.env).toMatchObject({API_TOKEN: 'tok'});
    expect(calls[0]!.args.join(' ')).not.toContain('tok ');
    expect(host.secrets).toContain('tok');
  });

  it('on a run that refuses them, an image needing one fails before buildx runs, and says why', async () => {
    const {b, calls} = builder({secretsRefused: 'a fork pull request'});
    const outcome = await b.build(inputs(image([{id: 'x', env: 'IMAGEGATE_REGISTRY_PASSWORD'}])));
    expect(calls).toEqual([]);
    expect(outcome).toMatchObject({
      ok: false,
      reason:
        "secret `x` reads IMAGEGATE_REGISTRY_PASSWORD from the job's environment, which no build gets on this run (a fork pull request); this image cannot be built and tested here, and nothing of it is pushed"
    });
  });

  it('a build that fails for want of a credential, on a run without credentials, says so', async () => {
    const {b} = builder({
      credentialNote: 'no credentials on this run',
      output: 'ERROR: failed to resolve source metadata for ghcr.io/acme/private:1: 401 Unauthorized\n'
    });
    const outcome = await b.build(inputs(image([])));
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.reason).toMatch(/401 Unauthorized \(no credentials on this run\)$/);
  });
});
