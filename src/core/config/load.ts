// .imagegate.yml text → a checked, normalised Config with the position of every value.
// Pure: the caller reads the file; nothing here touches a process or the network.

import {LineCounter, parseDocument, type YAMLError} from 'yaml';
import {parseScenario} from '../scenario.js';
import {defaultTagScenarios, parseTagTemplate, type TagScenario} from '../tags.js';
import type {Diagnostic, Position} from './diagnostics.js';
import {sortDiagnostics} from './diagnostics.js';
import {parseDuration} from './formats.js';
import {checkConfig} from './semantics.js';
import {walkDocument} from './validate.js';
import type {Builder, Config, ConfigSource, ImageConfig, Staging, TagRule, TestCommand, TestSuite} from './types.js';

export type LoadResult =
  {ok: true; config: Config; source: ConfigSource; warnings: Diagnostic[]} | {ok: false; diagnostics: Diagnostic[]};

export const DEFAULT_TEST_TIMEOUT = '10m';
export const DEFAULT_STAGING_PREFIX = 'staging-';

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

// The shape the schema guarantees once walkDocument found no error.
type Scalar = string | number | boolean;
interface RawCommand {
  run: string | string[];
  name?: string;
  timeout?: string;
  user?: string;
  workdir?: string;
  env?: Record<string, Scalar>;
  entrypoint?: 'replace' | 'keep';
  platforms?: string[];
}
interface RawSuite {
  commands: (string | RawCommand)[];
  setup?: (string | string[])[];
  timeout?: string;
  mount?: {source: string; target?: string};
}
export interface RawImage {
  name: string;
  context?: string;
  containerfile?: string;
  target?: string;
  'build-args'?: Record<string, Scalar>;
  platforms?: string[];
  tags?: (string | {tag: string; on?: TagScenario[]})[];
  repository?: string;
  labels?: Record<string, Scalar>;
  annotations?: Record<string, Scalar>;
  secrets?: {id: string; env?: string; file?: string}[];
  cache?: {from?: string[]; to?: string[]};
  attestations?: {provenance?: 'off' | 'min' | 'max'; sbom?: boolean};
  'depends-on'?: string;
  test?: (string | RawCommand)[] | RawSuite;
  builder?:
    | 'dockerfile'
    | {
        buildpacks: {
          image: string;
          mode?: 'pack' | 'lifecycle';
          'pre-buildpacks'?: string[];
          'post-buildpacks'?: string[];
          env?: Record<string, Scalar>;
          'allow-unpinned-builder'?: boolean;
        };
      };
}
export interface RawConfig {
  version?: number;
  registry: string;
  staging?: {'tag-prefix'?: string; registry?: string};
  promote?: {
    'on-missing'?: 'fail' | 'build';
    cleanup?: boolean;
    sign?: 'cosign';
    'cosign-key'?: string;
    'cosign-tlog'?: boolean;
  };
  scenario?: string;
  images: RawImage[];
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
  const scenario = raw.scenario !== undefined ? parseScenario(raw.scenario) : undefined;
  if (scenario) config.scenario = scenario;
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
    tags: (raw.tags ?? ['{{sha}}']).map(normaliseTag),
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

function normaliseTag(raw: string | {tag: string; on?: TagScenario[]}): TagRule {
  const text = typeof raw === 'string' ? raw : raw.tag;
  const parsed = parseTagTemplate(text);
  if (!parsed.ok) throw new Error(`schema let an invalid tag template through: ${text}`);
  const on = typeof raw === 'object' && raw.on ? [...new Set(raw.on)] : defaultTagScenarios(parsed.value);
  return {template: parsed.value, on};
}

function normaliseSuite(raw: RawImage['test']): TestSuite {
  const suite: RawSuite = Array.isArray(raw) ? {commands: raw} : (raw ?? {commands: []});
  const timeoutMs = parseDuration(suite.timeout ?? DEFAULT_TEST_TIMEOUT) ?? 600000;
  const out: TestSuite = {
    commands: suite.commands.map(c => normaliseCommand(c, timeoutMs)),
    setup: suite.setup ?? []
  };
  if (suite.mount) out.mount = {source: suite.mount.source, target: suite.mount.target ?? '/imagegate/tests'};
  return out;
}

function normaliseCommand(raw: string | RawCommand, timeoutMs: number): TestCommand {
  const c: RawCommand = typeof raw === 'string' ? {run: raw} : raw;
  const command: TestCommand = {
    name: c.name ?? (typeof c.run === 'string' ? c.run : c.run.join(' ')),
    run: c.run,
    timeoutMs: c.timeout !== undefined ? (parseDuration(c.timeout) ?? timeoutMs) : timeoutMs,
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
    image: b.image,
    mode: b.mode ?? 'pack',
    preBuildpacks: b['pre-buildpacks'] ?? [],
    postBuildpacks: b['post-buildpacks'] ?? [],
    env: strings(b.env),
    allowUnpinnedBuilder: b['allow-unpinned-builder'] ?? false
  };
}

function strings(map: Record<string, Scalar> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(map ?? {}).map(([k, v]) => [k, String(v)]));
}
