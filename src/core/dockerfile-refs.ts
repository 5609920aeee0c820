// The image references a Dockerfile names (FROM, COPY --from=, RUN --mount=from=), with their
// lines, as BuildKit expands them: global ARGs and build arguments substituted, stage names told
// apart from images. `depends-on` maps every spelling of the base's repository found here to the
// tested base (a buildx named context matches the exact expanded string).

import type {Parsed} from '../oci/parsed.js';
import {parseReference, type Reference} from '../oci/reference.js';
import type {BuiltImage} from './builder.js';

export interface DockerfileImageRef {
  /** The reference as BuildKit sees it, variables expanded: the `--build-context` key. */
  text: string;
  /** 1-based line of the instruction. */
  line: number;
  instruction: 'FROM' | 'COPY --from' | 'RUN --mount from';
}

interface Instruction {
  line: number;
  keyword: string;
  rest: string;
}

/** Instructions with their first line: continuations joined, comments and heredoc bodies skipped. */
function instructions(text: string): Instruction[] {
  const lines = text.split(/\r?\n/);
  let escape = '\\';
  for (const line of lines) {
    const directive = /^#\s*([a-z]+)\s*=\s*(\S+)\s*$/i.exec(line);
    if (!directive) break;
    if (directive[1]!.toLowerCase() === 'escape' && (directive[2] === '`' || directive[2] === '\\'))
      escape = directive[2];
  }
  const out: Instruction[] = [];
  let i = 0;
  while (i < lines.length) {
    const start = i;
    let joined = '';
    let current = lines[i++]!;
    if (/^\s*(#|$)/.test(current)) continue;
    for (;;) {
      const trimmed = current.replace(/\s+$/, '');
      if (!trimmed.endsWith(escape) || i >= lines.length) {
        joined += trimmed;
        break;
      }
      joined += trimmed.slice(0, -1);
      // Comment lines and empty lines inside a continuation are dropped, as BuildKit does.
      while (i < lines.length && /^\s*(#.*)?$/.test(lines[i]!)) i++;
      current = lines[i++] ?? '';
    }
    const match = /^\s*(\S+)\s*(.*)$/.exec(joined);
    if (!match) continue;
    out.push({line: start + 1, keyword: match[1]!.toUpperCase(), rest: match[2]!});
    // Heredocs (`RUN <<EOF`): their bodies are not instructions.
    for (const doc of match[2]!.matchAll(/<<-?(["']?)([A-Za-z_][\w]*)\1/g)) {
      const end = doc[2]!;
      while (i < lines.length && lines[i]!.replace(/^\t+/, '').trimEnd() !== end) i++;
      i++;
    }
  }
  return out;
}

/** Whitespace-separated words, quotes kept together (and removed). */
function words(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:"([^"]*)"|'([^']*)'|(\S+))/g)) out.push(m[1] ?? m[2] ?? m[3]!);
  return out;
}

/** `$NAME`, `${NAME}`, `${NAME:-default}`, `${NAME:+alt}` as BuildKit expands them; undefined is empty. */
export function expandArgs(text: string, args: Record<string, string | undefined>): string {
  return text.replace(
    /\$(?:\{([A-Za-z_]\w*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_]\w*))/g,
    (_, braced: string | undefined, op: string | undefined, word: string | undefined, bare: string | undefined) => {
      const value = args[(braced ?? bare)!];
      if (op === ':-' || op === '-') return value === undefined || (op === ':-' && value === '') ? (word ?? '') : value;
      if (op === ':+' || op === '+') return value === undefined || (op === ':+' && value === '') ? '' : (word ?? '');
      return value ?? '';
    }
  );
}

function argDefinitions(rest: string): [string, string | undefined][] {
  return words(rest).map(w => {
    const eq = w.indexOf('=');
    return eq < 0 ? [w, undefined] : [w.slice(0, eq), w.slice(eq + 1)];
  });
}

/** The `from=` of each `--mount=…` flag of a RUN. */
function mountSources(rest: string): string[] {
  const out: string[] = [];
  for (const word of words(rest)) {
    if (!word.startsWith('--')) break;
    const m = /^--mount=(.*)$/.exec(word);
    if (!m) continue;
    for (const field of m[1]!.split(',')) {
      const [key, value] = field.split('=', 2);
      if (key?.trim().toLowerCase() === 'from' && value) out.push(value.replace(/^["']|["']$/g, ''));
    }
  }
  return out;
}

/**
 * Every image reference of the Dockerfile `text`. `buildArgs` are the configured build arguments
 * (they override the global ARG defaults, which are all FROM lines may use).
 */
export function dockerfileImageRefs(text: string, buildArgs: Record<string, string> = {}): DockerfileImageRef[] {
  const globals: Record<string, string | undefined> = {};
  const stages = new Set<string>();
  const refs: DockerfileImageRef[] = [];
  let seenFrom = false;
  const isStage = (name: string): boolean => stages.has(name.toLowerCase()) || /^\d+$/.test(name);
  for (const {line, keyword, rest} of instructions(text)) {
    if (keyword === 'ARG' && !seenFrom) {
      for (const [name, value] of argDefinitions(rest))
        globals[name] =
          name in buildArgs ? buildArgs[name] : value === undefined ? undefined : expandArgs(value, globals);
      continue;
    }
    if (keyword === 'FROM') {
      seenFrom = true;
      const parts = words(rest).filter(w => !w.startsWith('--'));
      const image = parts[0] !== undefined ? expandArgs(parts[0], globals) : '';
      if (image && !isStage(image) && image !== 'scratch') refs.push({text: image, line, instruction: 'FROM'});
      if (parts[1]?.toUpperCase() === 'AS' && parts[2]) stages.add(parts[2].toLowerCase());
      continue;
    }
    if (keyword === 'COPY') {
      for (const word of words(rest)) {
        if (!word.startsWith('--')) break;
        const m = /^--from=(.+)$/.exec(word);
        const from = m ? expandArgs(m[1]!, globals) : undefined;
        if (from && !isStage(from)) refs.push({text: from, line, instruction: 'COPY --from'});
      }
      continue;
    }
    if (keyword === 'RUN')
      for (const source of mountSources(rest)) {
        const from = expandArgs(source, globals);
        if (from && !isStage(from)) refs.push({text: from, line, instruction: 'RUN --mount from'});
      }
  }
  return refs;
}

/**
 * A reference as docker reads it: no registry host means docker.io, a one-part docker.io name is
 * under `library/`, `index.docker.io` is docker.io. Undefined when it is no reference.
 */
export function normaliseImageRef(text: string): Reference | undefined {
  const slash = text.indexOf('/');
  const first = slash < 0 ? '' : text.slice(0, slash);
  const hosted = slash >= 0 && (first === 'localhost' || first.includes('.') || first.includes(':'));
  let full = hosted ? text : `docker.io/${text}`;
  if (full.startsWith('index.docker.io/')) full = `docker.io/${full.slice('index.docker.io/'.length)}`;
  const parsed = parseReference(full);
  if (!parsed.ok) return undefined;
  const ref = parsed.value;
  if (ref.registry === 'docker.io' && !ref.repository.includes('/')) ref.repository = `library/${ref.repository}`;
  return ref;
}

/** The references of `refs` that name `repository` (a full `host/path`), in any spelling. */
export function spellingsOf(refs: DockerfileImageRef[], repository: string): DockerfileImageRef[] {
  const want = normaliseImageRef(repository);
  if (!want) return [];
  return refs.filter(r => {
    const ref = normaliseImageRef(r.text);
    return ref !== undefined && ref.registry === want.registry && ref.repository === want.repository;
  });
}

/**
 * `depends-on`: one named context per spelling of the base's repository in the Dockerfile (bare,
 * any tag, by digest, with or without docker.io, in FROM, `COPY --from=` and `RUN --mount=from=`),
 * each resolving to the base's tested build. A Dockerfile that never names the base is refused:
 * the image would not be built on what was just tested.
 */
export function baseContexts(
  dockerfile: string,
  buildArgs: Record<string, string>,
  base: {repository: string; built: Pick<BuiltImage, 'name' | 'localRef'>},
  file: string
): Parsed<Record<string, string>> {
  const found = spellingsOf(dockerfileImageRefs(dockerfile, buildArgs), base.repository);
  if (!found.length)
    return {
      ok: false,
      error: `${file}: \`depends-on: ${base.built.name}\` builds this image on the tested ${base.built.name}, but no FROM, \`COPY --from=\` or \`RUN --mount=from=\` of this Dockerfile names its repository ${base.repository}; write \`FROM ${base.repository}\` (any tag or digest), or remove \`depends-on\``
    };
  const contexts: Record<string, string> = {};
  for (const ref of found) contexts[ref.text] = base.built.localRef;
  return {ok: true, value: contexts};
}
