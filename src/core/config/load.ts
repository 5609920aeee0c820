// .imagegate.yml text → a checked, normalised Config with the position of every value.
// Pure: the caller reads the file; nothing here touches a process or the network.

import {LineCounter, parseDocument, type YAMLError} from 'yaml';
import {formatReference} from '../../oci/reference.js';
import {defaultTagScenarios, type TagTemplate} from '../tags.js';
import type {Diagnostic, Position} from './diagnostics.js';
import {sortDiagnostics} from './diagnostics.js';
import type {RawConfig, RawImage, RawTag, RawTestCommand, RawTestSuite} from './raw.js';
import {checkConfig} from './semantics.js';
import {walkDocument} from './validate.js';
import type {Builder, Config, ConfigSource, ImageConfig, Staging, TagRule, TestCommand, TestSuite} from './types.js';

export type LoadResult =
  {ok: true; config: Config; source: ConfigSource; warnings: Diagnostic[]} | {ok: false; diagnostics: Diagnostic[]};

export const DEFAULT_STAGING_PREFIX = 'staging-';
/** `{{sha}}` */
const DEFAULT_TAG: TagTemplate = {source: '{{sha}}', parts: [{variable: 'sha'}], variables: ['sha']};
/** `10m` */
const DEFAULT_TEST_TIMEOUT_MS = 10 * 60 * 1000;

export function loadConfig(text: string, file: string): LoadResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, {lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true});
  const syntax = doc.errors.map(e => yamlDiagnostic(e, text, lines));
  if (syntax.length) return {ok: false, diagnostics: sortDiagnostics(syntax)};
  const walked = walkDocument(doc, lines);
  if (walked.diagnostics.length) return {ok: false, diagnostics: sortDiagnostics(walked.diagnostics)};
  const source = makeSource(file, walked.positions);
  const config = normalise(walked.value as RawConfig);
  const checked = checkConfig(config, walked.value as RawConfig, source);
  if (checked.errors.length) return {ok: false, diagnostics: sortDiagnostics(checked.errors)};
  return {ok: true, config, source, warnings: sortDiagnostics(checked.warnings)};
}

function yamlDiagnostic(error: YAMLError, text: string, lines: LineCounter): Diagnostic {
  const offset = error.pos[0];
  const {line, col} = lines.linePos(offset);
  const end = text.indexOf('\n', offset);
  const here = text.slice(offset, end < 0 ? undefined : end);
  const messages: Record<string, () => string> = {
    TAB_AS_INDENT: () =>
      'tab character used for indentation; YAML allows only spaces there: replace the tab with spaces',
    DUPLICATE_KEY: () => {
      const key = /^\s*([^:\s]+)/.exec(here)?.[1] ?? 'this key';
      return `duplicate key \`${key}\`; each key may appear once: remove or merge one of them`;
    },
    MULTIPLE_DOCS: () => 'the file holds more than one YAML document (`---`); keep exactly one',
    BAD_INDENT: () => `YAML syntax error: ${error.message}; check the indentation and closing brackets`,
    MISSING_CHAR: () => `YAML syntax error: ${error.message}`
  };
  return {line, col, message: messages[error.code]?.() ?? `YAML syntax error: ${error.message}`};
}

function makeSource(file: string, positions: Map<string, Position>): ConfigSource {
  const base = file.split('/').pop() ?? file;
  return {
    file,
    position: path => positions.get(path),
    where: path => {
      const p = positions.get(path);
      return p ? `${base}:${p.line}` : undefined;
    }
  };
}

function normalise(raw: RawConfig): Config {
  const staging: Staging =
    raw.staging?.registry !== undefined
      ? {kind: 'registry', registry: raw.staging.registry}
      : {kind: 'tag-prefix', tagPrefix: raw.staging?.['tag-prefix'] ?? DEFAULT_STAGING_PREFIX};
  const promote: Config['promote'] = {
    onMissing: raw.promote?.['on-missing'] ?? 'fail',
    cleanup: raw.promote?.cleanup ?? true
  };
  if (raw.promote?.sign === 'cosign') {
    const key = raw.promote['cosign-key'];
    promote.sign = {tool: 'cosign', tlog: raw.promote['cosign-tlog'] ?? true, ...(key !== undefined ? {key} : {})};
  }
  const config: Config = {
    registry: raw.registry,
    staging,
    promote,
    images: raw.images.map((img, i) => normaliseImage(img, i, raw.registry))
  };
  if (raw.scenario !== undefined) config.scenario = raw.scenario;
  return config;
}

function normaliseImage(raw: RawImage, index: number, registry: string): ImageConfig {
  const image: ImageConfig = {
    name: raw.name,
    index,
    context: raw.context ?? '.',
    containerfile: raw.containerfile ?? 'Dockerfile',
    buildArgs: strings(raw['build-args']),
    platforms: raw.platforms ?? ['linux/amd64'],
    tags: (raw.tags ?? [DEFAULT_TAG]).map(normaliseTag),
    repository: raw.repository ?? `${registry}/${raw.name}`,
    test: normaliseSuite(raw.test),
    builder: normaliseBuilder(raw.builder),
    labels: strings(raw.labels),
    annotations: strings(raw.annotations),
    secrets: (raw.secrets ?? []).map(s =>
      s.env !== undefined ? {id: s.id, env: s.env} : {id: s.id, file: s.file ?? ''}
    ),
    cache: {from: raw.cache?.from ?? [], to: raw.cache?.to ?? []},
    attestations: {provenance: raw.attestations?.provenance ?? 'min', sbom: raw.attestations?.sbom ?? false}
  };
  if (raw.target !== undefined) image.target = raw.target;
  if (raw['depends-on'] !== undefined) image.dependsOn = raw['depends-on'];
  return image;
}

function normaliseTag(raw: RawTag): TagRule {
  if (!('tag' in raw)) return {template: raw, on: defaultTagScenarios(raw)};
  return {template: raw.tag, on: raw.on ? [...new Set(raw.on)] : defaultTagScenarios(raw.tag)};
}

function normaliseSuite(raw: RawImage['test']): TestSuite {
  const suite: RawTestSuite = Array.isArray(raw) ? {commands: raw} : (raw ?? {commands: []});
  const timeoutMs = suite.timeout ?? DEFAULT_TEST_TIMEOUT_MS;
  const out: TestSuite = {
    commands: suite.commands.map(c => normaliseCommand(c, timeoutMs)),
    setup: suite.setup ?? []
  };
  if (suite.mount) out.mount = {source: suite.mount.source, target: suite.mount.target ?? '/imagegate/tests'};
  return out;
}

function normaliseCommand(raw: RawTestCommand, timeoutMs: number): TestCommand {
  const c: Exclude<RawTestCommand, string> = typeof raw === 'string' ? {run: raw} : raw;
  const command: TestCommand = {
    name: c.name ?? (typeof c.run === 'string' ? c.run : c.run.join(' ')),
    run: c.run,
    timeoutMs: c.timeout ?? timeoutMs,
    env: strings(c.env),
    entrypoint: c.entrypoint ?? 'replace'
  };
  if (c.user !== undefined) command.user = c.user;
  if (c.workdir !== undefined) command.workdir = c.workdir;
  if (c.platforms !== undefined) command.platforms = c.platforms;
  return command;
}

function normaliseBuilder(raw: RawImage['builder']): Builder {
  if (raw === undefined || raw === 'dockerfile') return {kind: 'dockerfile'};
  const b = raw.buildpacks;
  return {
    kind: 'buildpacks',
    image: formatReference(b.image),
    mode: b.mode ?? 'pack',
    preBuildpacks: b['pre-buildpacks'] ?? [],
    postBuildpacks: b['post-buildpacks'] ?? [],
    env: strings(b.env),
    allowUnpinnedBuilder: b['allow-unpinned-builder'] ?? false
  };
}

function strings(map: RawImage['labels']): Record<string, string> {
  return Object.fromEntries(Object.entries(map ?? {}).map(([k, v]) => [k, String(v)]));
}
