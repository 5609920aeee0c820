import {describe, expect, it} from '@jest/globals';
import {
  baseContexts,
  dockerfileImageRefs,
  expandArgs,
  normaliseImageRef,
  spellingsOf
} from '../../src/core/dockerfile-refs.js';

const D = 'sha256:' + 'a'.repeat(64);

describe('dockerfileImageRefs', () => {
  it('finds FROM, COPY --from= and RUN --mount=from= images with their lines, not stages', () => {
    const text = [
      '# syntax=docker/dockerfile:1',
      'ARG REG=localhost:5000',
      'ARG TAG',
      'FROM --platform=$BUILDPLATFORM ${REG}/acme/base:${TAG:-1} AS build',
      'RUN --mount=type=cache,target=/c \\',
      '    --mount=type=bind,from=localhost:5000/acme/base@' + D + ',target=/m \\',
      '    make',
      'FROM scratch',
      'COPY --from=build /out /out',
      'COPY --chown=1 --from=acme/tools:2 /bin/t /t',
      'COPY --from=0 /x /y',
      'RUN <<EOF',
      'FROM not/an-instruction',
      'EOF',
      'from docker.io/library/alpine'
    ].join('\n');
    expect(dockerfileImageRefs(text, {TAG: '7'})).toEqual([
      {text: 'localhost:5000/acme/base:7', line: 4, instruction: 'FROM'},
      {text: `localhost:5000/acme/base@${D}`, line: 5, instruction: 'RUN --mount from'},
      {text: 'acme/tools:2', line: 10, instruction: 'COPY --from'},
      {text: 'docker.io/library/alpine', line: 15, instruction: 'FROM'}
    ]);
  });

  it('honours the escape directive and undeclared build arguments do not reach FROM', () => {
    expect(
      dockerfileImageRefs('# escape=`\nFROM a/b:1 `\n  AS x\nFROM x\nFROM $X/c', {X: 'h.io'}).map(r => r.text)
    ).toEqual(['a/b:1', '/c']);
  });
});

describe('expandArgs', () => {
  it('expands as BuildKit does', () => {
    expect(expandArgs('$A-${B}-${C:-d}-${A:+alt}-${U}', {A: 'a', B: 'b'})).toBe('a-b-d-alt-');
  });
});

describe('normaliseImageRef', () => {
  it('reads references as docker does', () => {
    expect(normaliseImageRef('alpine')).toEqual({registry: 'docker.io', repository: 'library/alpine'});
    expect(normaliseImageRef('index.docker.io/acme/x:1')).toEqual({
      registry: 'docker.io',
      repository: 'acme/x',
      tag: '1'
    });
    expect(normaliseImageRef('localhost/x')).toEqual({registry: 'localhost', repository: 'x'});
    expect(normaliseImageRef('')).toBeUndefined();
  });
});

describe('spellingsOf and baseContexts', () => {
  const refs = (lines: string[]) => dockerfileImageRefs(lines.join('\n'));
  it('matches every spelling of a docker.io repository', () => {
    const found = spellingsOf(
      refs([
        'FROM acme/base',
        'FROM acme/base:1',
        `FROM docker.io/acme/base@${D}`,
        'FROM index.docker.io/acme/base:2',
        'COPY --from=acme/base:3 / /',
        'FROM acme/base-other',
        'FROM ghcr.io/acme/base'
      ]),
      'docker.io/acme/base'
    );
    expect(found.map(r => r.text)).toEqual([
      'acme/base',
      'acme/base:1',
      `docker.io/acme/base@${D}`,
      'index.docker.io/acme/base:2',
      'acme/base:3'
    ]);
    expect(spellingsOf(refs(['FROM library/node:22', 'FROM node']), 'docker.io/library/node')).toHaveLength(2);
  });

  it('maps each spelling to the tested base, and refuses a Dockerfile that never names it', () => {
    const base = {
      repository: 'localhost:5000/acme/base',
      built: {name: 'base', localRef: 'imagegate.local/base:run-1'}
    };
    expect(
      baseContexts(
        'FROM localhost:5000/acme/base:1\nCOPY --from=localhost:5000/acme/base / /\n',
        {},
        base,
        'app/Dockerfile'
      )
    ).toEqual({
      ok: true,
      value: {
        'localhost:5000/acme/base:1': 'imagegate.local/base:run-1',
        'localhost:5000/acme/base': 'imagegate.local/base:run-1'
      }
    });
    const refused = baseContexts('FROM localhost:5001/acme/base:1\n', {}, base, 'app/Dockerfile');
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error).toMatch(
      /^app\/Dockerfile: `depends-on: base` .* names its repository localhost:5000\/acme\/base; write `FROM localhost:5000\/acme\/base`/
    );
  });
});
