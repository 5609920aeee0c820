// Fakes for the use cases' unit tests: a host that records what a run says and hands on, an engine
// that "builds" small real OCI images (their bytes go to the in-memory registry on push), git facts
// without git, and the Services that wire them together. No process runs, no socket opens.
import {createHash} from 'node:crypto';
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import type {Connection, ConnectScope, Services} from '../../src/app/services.js';
import type {Annotation, Where} from '../../src/core/annotations.js';
import {localTagFor, type BuildInputs, type BuildOutcome, type BuiltImage} from '../../src/core/builder.js';
import type {ImageConfig} from '../../src/core/config/types.js';
import type {Engine} from '../../src/core/engine.js';
import type {ExitCode} from '../../src/core/errors.js';
import type {OutputBlock} from '../../src/exec/exec.js';
import type {RunOutputs} from '../../src/core/outputs.js';
import type {PlatformResult} from '../../src/core/results.js';
import {readRunEnvironment} from '../../src/host/environment.js';
import type {Host, Presentation} from '../../src/host/host.js';
import type {CosignVersion, SignRequest} from '../../src/core/cosign-args.js';
import type {Signer, Verified} from '../../src/io/cosign.js';
import {
  artifactManifest,
  COSIGN_SIGN_PREDICATE,
  EMPTY_DESCRIPTOR,
  EMPTY_JSON,
  legacyCosignTags
} from '../../src/oci/referrers.js';
import {Referrers} from '../../src/registry/referrers.js';
import type {ContentHash, GitReader, LocalGit} from '../../src/io/git.js';
import {sha256Digest} from '../../src/oci/digest.js';
import {buildIndex} from '../../src/oci/image-index.js';
import {describeManifest, type ManifestBytes} from '../../src/oci/manifest.js';
import {MEDIA} from '../../src/oci/media-types.js';
import {parsePlatform} from '../../src/oci/platform.js';
import {parseReference} from '../../src/oci/reference.js';
import {RegistryClient} from '../../src/registry/client.js';
import {MemoryRegistry} from './memory-registry.js';

/** Everything a run told its host, in order. */
export class RecordingHost implements Host {
  readonly kind = 'terminal' as const;
  readonly lines: string[] = [];
  readonly secrets: string[] = [];
  presented?: Presentation;
  outputs?: RunOutputs;
  annotations: Annotation[] = [];
  failure?: {message: string; exitCode: ExitCode};
  paths: string[] = [];
  private readonly state = new Map<string, string>();

  info(text: string): void {
    this.lines.push(text);
  }
  notice(text: string): void {
    this.lines.push(`notice: ${text}`);
  }
  warning(text: string, where?: Where): void {
    this.lines.push(`warning: ${where ? `${where.file}:${where.line ?? ''}: ` : ''}${text}`);
  }
  error(text: string): void {
    this.lines.push(`error: ${text}`);
  }
  verbatim(text: string): void {
    this.lines.push(text);
  }
  block(): OutputBlock {
    return {write: text => void this.lines.push(text), end: () => undefined};
  }
  async group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    this.lines.push(`group: ${title}`);
    return fn();
  }
  mask(secret: string): void {
    this.secrets.push(secret);
  }
  redact(text: string): string {
    return text;
  }
  async present(result: Presentation): Promise<void> {
    this.presented = result;
  }
  async setOutputs(outputs: RunOutputs): Promise<void> {
    this.outputs = outputs;
  }
  async annotate(annotations: Annotation[]): Promise<void> {
    this.annotations.push(...annotations);
  }
  fail(message: string, exitCode: ExitCode): void {
    this.failure = {message, exitCode};
  }
  saveState(name: string, value: string): void {
    this.state.set(name, value);
  }
  getState(name: string): string {
    return this.state.get(name) ?? '';
  }
  async addPath(dir: string): Promise<void> {
    this.paths.push(dir);
  }
  text(): string {
    return this.lines.join('\n');
  }
}

interface FakeImage {
  index: ManifestBytes;
  children: ManifestBytes[];
  blobs: Buffer[];
}

/** An engine whose builds are tiny real OCI images, whose tests fail where told, and whose pushes land in the memory registry. */
export class FakeEngine implements Engine {
  readonly builds: string[] = [];
  readonly pushes: string[] = [];
  readonly tested: string[] = [];
  /** `image` or `image platform`: the test that fails there. */
  readonly failing = new Set<string>();
  /** Images whose build fails. */
  readonly brokenBuilds = new Set<string>();
  private readonly images = new Map<string, FakeImage>();

  constructor(private readonly registry: MemoryRegistry) {}

  async build(inputs: BuildInputs): Promise<BuildOutcome> {
    const {image} = inputs;
    this.builds.push(image.name);
    if (this.brokenBuilds.has(image.name)) return {ok: false, reason: 'build failed: no such file', outputTail: ''};
    const blobs: Buffer[] = [];
    const children = image.platforms.map(platform => {
      const parsed = parsePlatform(platform);
      if (!parsed.ok) throw new Error(parsed.error);
      const config = Buffer.from(JSON.stringify({...parsed.value, config: {}, rootfs: {type: 'layers'}}));
      const layer = Buffer.from(`${image.name} ${platform} ${inputs.base?.built.digest ?? ''}`);
      blobs.push(config, layer);
      return {...imageManifest(config, layer), platform: parsed.value};
    });
    const index = buildIndex(children.map(c => ({...describeManifest(c), platform: c.platform})));
    const localRef = localTagFor(image.name, inputs.runId);
    this.images.set(localRef, {index, children, blobs});
    const built: BuiltImage = {
      name: image.name,
      digest: index.digest,
      localRef,
      platforms: image.platforms,
      user: '',
      buildMs: 1
    };
    return {ok: true, image: built};
  }

  async test(image: ImageConfig, built: BuiltImage): Promise<PlatformResult[]> {
    return built.platforms.map(platform => {
      this.tested.push(`${image.name} ${platform}`);
      const fails = this.failing.has(image.name) || this.failing.has(`${image.name} ${platform}`);
      return {
        platform,
        emulated: platform !== 'linux/amd64',
        durationMs: 1,
        tests: image.test.commands.map(c => ({
          name: c.name,
          platform,
          status: fails ? ('failed' as const) : ('passed' as const),
          exitCode: fails ? 1 : 0,
          durationMs: 1,
          outputTail: fails ? 'it broke' : ''
        }))
      };
    });
  }

  async push(built: BuiltImage, ref: string): Promise<void> {
    this.pushes.push(ref);
    const image = this.images.get(built.localRef)!;
    const parsed = parseReference(ref);
    if (!parsed.ok || !parsed.value.tag) throw new Error(`bad ref ${ref}`);
    const {registry, repository, tag} = parsed.value;
    for (const blob of image.blobs) this.registry.addBlob(registry, repository, blob);
    for (const child of image.children) this.registry.addManifest(registry, repository, child.bytes, child.mediaType);
    this.registry.addManifest(registry, repository, image.index.bytes, image.index.mediaType, tag);
  }

  async release(built: BuiltImage, passed: boolean): Promise<string | undefined> {
    return passed ? undefined : `kept ${built.localRef}`;
  }
}

/** An OCI image manifest over one config and one layer. */
export function imageManifest(config: Buffer, layer: Buffer): ManifestBytes {
  const bytes = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MEDIA.ociManifest,
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: sha256Digest(config),
        size: config.length
      },
      layers: [{mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: sha256Digest(layer), size: layer.length}]
    })
  );
  return {bytes, mediaType: MEDIA.ociManifest, digest: sha256Digest(bytes)};
}

/** Git facts of a checkout at `sha`, content hashes from the paths' file contents. */
export class FakeGit implements GitReader {
  constructor(readonly facts: Omit<LocalGit, 'root'> & {root?: string} = {sha: 'a'.repeat(40), branch: 'main'}) {}

  async read(cwd: string): Promise<LocalGit> {
    return {root: this.facts.root ?? cwd, ...this.facts};
  }

  async hashPaths(_root: string, paths: string[]): Promise<ContentHash[]> {
    return paths.map(p => ({id: createHash('sha1').update(p).digest('hex'), dirty: false}));
  }
}

/**
 * cosign without cosign: signing writes what cosign of `major` writes (2: a `sha256-<hex>.sig` tag;
 * 3: a Sigstore bundle referrer, through the referrers API or the fallback index), each signature
 * naming its key in an annotation, which verify looks for.
 */
export class FakeSigner implements Signer {
  major = 2;
  readonly signed: SignRequest[] = [];
  readonly verified: SignRequest[] = [];

  constructor(private readonly client: RegistryClient) {}

  async version(): Promise<CosignVersion> {
    return {major: this.major, version: this.major >= 3 ? '3.1.1' : '2.5.0', basis: 'fake'};
  }

  async sign(req: SignRequest): Promise<void> {
    this.signed.push(req);
    const {repo, digest} = splitDigestRef(req.ref);
    const subject = (await this.client.headManifest(repo, digest))!;
    const annotations = {'fake.key': req.key ?? 'keyless', 'dev.sigstore.bundle.predicateType': COSIGN_SIGN_PREDICATE};
    if (this.major >= 3) {
      await new Referrers(this.client).attach(
        repo,
        artifactManifest({
          artifactType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
          subject: {mediaType: subject.mediaType, digest, size: subject.size},
          annotations: {...annotations, nonce: String(this.signed.length)}
        })
      );
      return;
    }
    const bytes = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MEDIA.ociManifest,
        config: EMPTY_DESCRIPTOR,
        layers: [{...EMPTY_DESCRIPTOR, annotations}]
      })
    );
    await this.client.putSmallBlob(repo, EMPTY_JSON);
    await this.client.putManifest(repo, legacyCosignTags(digest)[0]!, {
      bytes,
      mediaType: MEDIA.ociManifest,
      digest: sha256Digest(bytes)
    });
  }

  async verify(req: SignRequest): Promise<Verified> {
    this.verified.push(req);
    const {repo, digest} = splitDigestRef(req.ref);
    const key = req.key ?? 'keyless';
    const sig = await this.client.getManifest(repo, legacyCosignTags(digest)[0]!);
    if (sig && sig.bytes.includes(`"fake.key":"${key}"`)) return {ok: true};
    const bundles = await new Referrers(this.client).list(repo, digest);
    if (bundles.manifests.some(d => d.annotations?.['fake.key'] === key)) return {ok: true};
    return {ok: false, reason: `no signature by ${key}`};
  }
}

function splitDigestRef(ref: string): {repo: {registry: string; repository: string}; digest: string} {
  const at = ref.indexOf('@');
  const parsed = parseReference(ref.slice(0, at));
  if (!parsed.ok) throw new Error(parsed.error);
  return {repo: {registry: parsed.value.registry, repository: parsed.value.repository}, digest: ref.slice(at + 1)};
}

export interface FakeRun {
  services: Services;
  host: RecordingHost;
  registry: MemoryRegistry;
  engine: FakeEngine;
  signer: FakeSigner;
  signed: SignRequest[];
  connections: ConnectScope[];
}

/** Services for a run in `env`, with a memory registry, a fake engine and git. */
export function fakeServices(env: Record<string, string | undefined> = {}, git = new FakeGit()): FakeRun {
  const host = new RecordingHost();
  const registry = new MemoryRegistry();
  const engine = new FakeEngine(registry);
  const client = new RegistryClient(registry);
  const signer = new FakeSigner(client);
  const connections: ConnectScope[] = [];
  const connection: Connection = {
    registry: client,
    stats: registry.stats,
    signer,
    engine: async () => engine,
    close: async () => undefined
  };
  const services: Services = {
    log: host,
    env: readRunEnvironment({HOME: tmpdir(), PATH: '', ...env}),
    git,
    installer: {
      installFile: async tool => ({name: tool.name, version: tool.version, dir: `/tools/${tool.name}`}),
      installPack: async () => ({path: '/tools/pack/pack', version: '0.40.9', cached: true})
    },
    connect: async scope => {
      connections.push(scope);
      return connection;
    }
  };
  return {services, host, registry, engine, signer, signed: signer.signed, connections};
}

/** A directory holding `files` (a `.imagegate.yml` and the contexts it names). */
export function projectDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'imagegate-unit-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), {recursive: true});
    writeFileSync(join(dir, path), text);
  }
  return dir;
}
