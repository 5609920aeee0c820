// What a builder (and a buildpackage) says about itself in its image labels, read from the config
// blob without pulling a layer. Shapes: buildpacks/pack internal/builder/metadata.go and the
// distribution spec (buildpacks/spec distribution.md).

const BUILDER_METADATA_LABEL = 'io.buildpacks.builder.metadata';
const BUILDER_ORDER_LABEL = 'io.buildpacks.buildpack.order';
const BUILDPACKAGE_METADATA_LABEL = 'io.buildpacks.buildpackage.metadata';

export interface BuildpackRef {
  id: string;
  version: string;
}

export interface OrderEntry {
  id: string;
  version?: string;
  optional?: boolean;
}

export interface BuilderInfo {
  description: string;
  buildpacks: BuildpackRef[];
  lifecycleVersion: string;
  /** Platform API versions the builder's lifecycle supports, e.g. ['0.7', …, '0.14']. */
  platformApis: string[];
  buildpackApis: string[];
  /** Detection order: groups tried in turn, first that passes wins. */
  order: OrderEntry[][];
}

export type LabelResult<T> = {ok: true; value: T} | {ok: false; error: string};

interface RawApis {
  supported?: unknown;
  deprecated?: unknown;
}

interface RawMetadata {
  description?: unknown;
  buildpacks?: unknown;
  lifecycle?: {
    version?: unknown;
    apis?: {platform?: RawApis; buildpack?: RawApis};
    api?: {platform?: unknown; buildpack?: unknown};
  };
}

export function parseBuilderLabels(
  labels: Record<string, string> | undefined,
  builder: string
): LabelResult<BuilderInfo> {
  const text = labels?.[BUILDER_METADATA_LABEL];
  if (!text) {
    return {
      ok: false,
      error: `${builder} has no \`${BUILDER_METADATA_LABEL}\` label, so it is not a buildpacks builder; check builder.buildpacks.image`
    };
  }
  let meta: RawMetadata;
  try {
    meta = JSON.parse(text) as RawMetadata;
  } catch (e) {
    return {
      ok: false,
      error: `${builder}: the \`${BUILDER_METADATA_LABEL}\` label is not JSON (${(e as Error).message})`
    };
  }
  const buildpacks = Array.isArray(meta.buildpacks)
    ? (meta.buildpacks as {id?: unknown; version?: unknown}[])
        .filter(b => typeof b.id === 'string')
        .map(b => ({id: b.id as string, version: typeof b.version === 'string' ? b.version : ''}))
    : [];
  const lifecycle = meta.lifecycle ?? {};
  const platformApis = apiList(lifecycle.apis?.platform, lifecycle.api?.platform);
  return {
    ok: true,
    value: {
      description: typeof meta.description === 'string' ? meta.description : '',
      buildpacks,
      lifecycleVersion: typeof lifecycle.version === 'string' ? lifecycle.version : '',
      platformApis,
      buildpackApis: apiList(lifecycle.apis?.buildpack, lifecycle.api?.buildpack),
      order: parseOrderLabel(labels?.[BUILDER_ORDER_LABEL])
    }
  };
}

/** Newer builders list `apis.X.supported` (and deprecated); old ones a single `api.X`. */
function apiList(apis: RawApis | undefined, single: unknown): string[] {
  const list = [apis?.deprecated, apis?.supported].flatMap(v => (Array.isArray(v) ? v : []));
  const all = list.filter((v): v is string => typeof v === 'string');
  if (!all.length && typeof single === 'string') all.push(single);
  return [...new Set(all)];
}

function parseOrderLabel(text: string | undefined): OrderEntry[][] {
  if (!text) return [];
  try {
    const order = JSON.parse(text) as {group?: {id?: unknown; version?: unknown; optional?: unknown}[]}[];
    return order.map(g =>
      (g.group ?? [])
        .filter(e => typeof e.id === 'string')
        .map(e => ({
          id: e.id as string,
          ...(typeof e.version === 'string' && e.version ? {version: e.version} : {}),
          ...(e.optional === true ? {optional: true} : {})
        }))
    );
  } catch {
    return [];
  }
}

/** A buildpackage image (what `docker://…` buildpacks are) names its top buildpack in a label. */
export function parseBuildpackageLabels(
  labels: Record<string, string> | undefined,
  ref: string
): LabelResult<BuildpackRef> {
  const text = labels?.[BUILDPACKAGE_METADATA_LABEL];
  if (!text) {
    return {
      ok: false,
      error: `${ref} has no \`${BUILDPACKAGE_METADATA_LABEL}\` label, so it is not a buildpackage; inject a buildpackage image (pack buildpack package) or a builder buildpack (urn:cnb:builder:ID)`
    };
  }
  try {
    const meta = JSON.parse(text) as {id?: unknown; version?: unknown};
    if (typeof meta.id !== 'string' || typeof meta.version !== 'string') throw new Error('id or version missing');
    return {ok: true, value: {id: meta.id, version: meta.version}};
  } catch (e) {
    return {
      ok: false,
      error: `${ref}: the \`${BUILDPACKAGE_METADATA_LABEL}\` label is unreadable (${(e as Error).message})`
    };
  }
}

/** Directory name of a buildpack id under /cnb/buildpacks (lifecycle's EscapeID). */
export function escapeBuildpackId(id: string): string {
  return id.replace(/\//g, '_');
}

/** id and version of a buildpack directory's buildpack.toml (`[buildpack] id = …, version = …`). */
export function parseBuildpackToml(text: string): BuildpackRef | undefined {
  const start = text.search(/^\s*\[buildpack\]\s*$/m);
  if (start < 0) return undefined;
  const section = text.slice(start).split(/^\s*\[(?!buildpack\])/m)[0] ?? '';
  const value = (key: string): string | undefined =>
    new RegExp(`^\\s*${key}\\s*=\\s*"([^"]*)"`, 'm').exec(section)?.[1];
  const id = value('id');
  const version = value('version');
  return id && version ? {id, version} : undefined;
}
