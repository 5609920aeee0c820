import {describe, expect, it} from '@jest/globals';
import {LineCounter, parseDocument} from 'yaml';
import {checkDocument, type Checked} from '../../../src/core/config/semantics.js';
import {walkDocument} from '../../../src/core/config/validate.js';

function check(text: string): Checked {
  const lines = new LineCounter();
  const walked = walkDocument(parseDocument(text, {lineCounter: lines}), lines);
  if (!walked.ok) throw new Error(JSON.stringify(walked.diagnostics));
  return checkDocument(walked.value, walked.positions);
}

describe('checkDocument', () => {
  it('hands over each secret with its one source', () => {
    const r = check(`registry: ghcr.io/acme
images:
  - name: web
    secrets: [{id: npm, env: NPM_TOKEN}, {id: key, file: key.pem}]
`);
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    expect(r.config.images[0]?.secrets).toEqual([
      {id: 'npm', env: 'NPM_TOKEN'},
      {id: 'key', file: 'key.pem'}
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('refuses a secret with no source or two, and an id listed twice', () => {
    const r = check(`registry: ghcr.io/acme
images:
  - name: web
    secrets:
      - {id: a}
      - {id: a, env: A, file: f}
`);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics).toEqual([
      {line: 5, col: 9, message: expect.stringContaining('secret `a` needs exactly one of `env`')},
      {line: 6, col: 9, message: expect.stringContaining('not both')},
      {line: 6, col: 14, message: 'secret id `a` is listed twice'}
    ]);
  });

  it('checks the defaults too, and places a problem with one at the value that holds it', () => {
    const r = check(`registry: ghcr.io/acme
staging: {tag-prefix: ""}
images:
  - name: web
`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics).toEqual([{line: 4, col: 5, message: expect.stringContaining('tag `{{sha}}`')}]);
  });

  it('places a test platform in a suite at its own line', () => {
    const r = check(`registry: ghcr.io/acme
images:
  - name: web
    test:
      commands:
        - {run: "true", platforms: [linux/arm64]}
`);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.diagnostics).toEqual([
        {line: 6, col: 37, message: "test platform linux/arm64 is not one of the image's platforms (linux/amd64)"}
      ]);
  });

  it('names a depends-on cycle from where it starts', () => {
    const r = check(`registry: ghcr.io/acme
images:
  - {name: a, depends-on: b}
  - {name: b, depends-on: a}
`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics).toEqual([{line: 3, col: 27, message: '`depends-on` forms a cycle: a → b → a'}]);
  });

  it('warns, as data, about a builder pinned by tag that the file allows', () => {
    const r = check(`registry: ghcr.io/acme
images:
  - name: app
    builder: {buildpacks: {image: docker.io/heroku/builder:24, allow-unpinned-builder: true}}
`);
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    expect(r.warnings).toEqual([
      {
        line: 4,
        col: 35,
        message: 'builder `docker.io/heroku/builder:24` is pinned by tag only; CI may not match production',
        severity: 'warning'
      }
    ]);
  });
});
