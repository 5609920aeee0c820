// The buildpacks preflight: what the builder and the injected buildpacks say about themselves
// (their labels, read from the registry: manifest and config blob, no layers), the app's runtime
// pins, and the verdict — before anything is pulled or built.

import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {
  parseBuildpackageLabels,
  parseBuilderLabels,
  parseBuildpackToml,
  type BuilderInfo
} from '../../core/buildpacks/labels.js';
import {choosePlatformApi} from '../../core/buildpacks/platform-api.js';
import {preflightVerdict, type Injection} from '../../core/buildpacks/preflight.js';
import {readRuntimePins} from '../../core/buildpacks/runtime-pins.js';
import {parseBuildpackUri} from '../../core/buildpacks/uri.js';
import type {Builder} from '../../core/config/types.js';
import type {Log} from '../../host/host.js';
import type {RegistryClient} from '../../registry/client.js';
import {readImageConfig} from './image-config.js';

export type BuildpacksConfig = Extract<Builder, {kind: 'buildpacks'}>;

export interface PreflightOutcome {
  failures: string[];
  info?: BuilderInfo;
  injected: Injection[];
  /** Lifecycle mode: the Platform API to run the creator with. */
  platformApi?: string;
  /** Registry requests made (manifests and config blobs only). */
  requests: number;
}

const PIN_FILES = ['.python-version', 'runtime.txt', 'package.json'];

export async function buildpacksPreflight(opts: {
  client: RegistryClient;
  config: BuildpacksConfig;
  platform: string;
  appDir: string;
  log: Log;
}): Promise<PreflightOutcome> {
  const {client, config, log} = opts;
  const out: PreflightOutcome = {failures: [], injected: [], requests: 0};
  const builderConfig = await readImageConfig(client, config.image, opts.platform);
  out.requests += builderConfig.requests;
  const info = parseBuilderLabels(builderConfig.labels, config.image);
  if (!info.ok) return {...out, failures: [info.error]};
  out.info = info.value;
  for (const [position, uris] of [
    ['pre', config.preBuildpacks],
    ['post', config.postBuildpacks]
  ] as const) {
    for (const uri of uris) {
      const resolved = await resolveInjection(client, uri, position, config.mode, opts.platform);
      out.requests += resolved.requests;
      if ('error' in resolved) out.failures.push(resolved.error);
      else if ('notice' in resolved) log.info(`notice: ${resolved.notice}`);
      else out.injected.push(resolved.injection);
    }
  }
  if (config.mode === 'lifecycle') {
    const api = choosePlatformApi(info.value.platformApis, config.image);
    if (api.ok) out.platformApi = api.api;
    else out.failures.push(api.error);
  }
  const files: Record<string, string | undefined> = {};
  for (const file of PIN_FILES) files[file] = await readFile(join(opts.appDir, file), 'utf8').catch(() => undefined);
  const verdict = preflightVerdict({
    builder: config.image,
    info: info.value,
    injected: out.injected,
    pins: readRuntimePins(files)
  });
  for (const line of verdict.summary) log.info(line);
  if (out.platformApi) log.info(`  Platform API for the creator: ${out.platformApi}`);
  for (const finding of verdict.findings) {
    if (finding.level === 'fail') out.failures.push(finding.message);
    else if (finding.level === 'warning') log.warning(finding.message);
    else log.info(`notice: ${finding.message}`);
  }
  return out;
}

type Resolved =
  {injection: Injection; requests: number} | {error: string; requests: number} | {notice: string; requests: number};

async function resolveInjection(
  client: RegistryClient,
  uri: string,
  position: 'pre' | 'post',
  mode: 'pack' | 'lifecycle',
  platform: string
): Promise<Resolved> {
  const parsed = parseBuildpackUri(uri);
  if (!parsed) return {error: `\`${uri}\` is not a full buildpack URI`, requests: 0};
  switch (parsed.kind) {
    case 'docker': {
      const ref = uri.slice('docker://'.length);
      const remote = await readImageConfig(client, ref, platform);
      const bp = parseBuildpackageLabels(remote.labels, ref);
      return bp.ok
        ? {injection: {...bp.value, uri, fromBuilder: false, position}, requests: remote.requests}
        : {error: bp.error, requests: remote.requests};
    }
    case 'builder':
      return {injection: {id: parsed.id, version: parsed.version ?? '', uri, fromBuilder: true, position}, requests: 0};
    case 'file': {
      const toml = await readFile(join(parsed.path, 'buildpack.toml'), 'utf8').catch(() => undefined);
      const bp = toml ? parseBuildpackToml(toml) : undefined;
      return bp
        ? {injection: {...bp, uri, fromBuilder: false, position}, requests: 0}
        : {
            error: `${uri} is not a buildpack directory (no buildpack.toml with [buildpack] id and version); unpack the buildpack into a directory`,
            requests: 0
          };
    }
    case 'from-builder':
      return {
        error: '`from=builder` is not an injected buildpack; list only the buildpacks production adds',
        requests: 0
      };
    default:
      if (mode === 'lifecycle')
        return {
          error: `lifecycle mode injects docker://, urn:cnb:builder: and file:// buildpacks; ${uri} needs mode: pack (or its buildpackage image as docker://…@sha256:…)`,
          requests: 0
        };
      return {notice: `${uri} cannot be checked before the build; pack resolves it`, requests: 0};
  }
}
