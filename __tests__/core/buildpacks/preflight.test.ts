// Tier 1: the runtime-pin table and the preflight verdict from builder labels.
import {describe, expect, it} from '@jest/globals';
import {preflightVerdict, type Injection} from '../../../src/core/buildpacks/preflight.js';
import type {BuilderInfo} from '../../../src/core/buildpacks/labels.js';
import {checkRuntimePins, readRuntimePins} from '../../../src/core/buildpacks/runtime-pins.js';

const B = 'tools-harbor.example/toolforge/heroku-builder@sha256:' + 'd'.repeat(64);
const python = (version: string) => [{id: 'heroku/python', version}];

describe('reading runtime pins', () => {
  it('reads .python-version (comments skipped), runtime.txt and engines.node', () => {
    expect(
      readRuntimePins({
        '.python-version': '# pinned by Renovate\n\n3.14\n',
        'runtime.txt': 'python-3.12.4\n',
        'package.json': '{"engines": {"node": ">=20 <23"}}'
      })
    ).toEqual([
      {runtime: 'python', file: '.python-version', version: '3.14'},
      {runtime: 'python', file: 'runtime.txt', version: '3.12.4'},
      {runtime: 'node', file: 'package.json', version: '>=20 <23'}
    ]);
  });
  it('absent files give no pins; a broken package.json is left to the build', () => {
    expect(readRuntimePins({'package.json': '{'})).toEqual([]);
  });
});

describe('heroku/python table', () => {
  const pin = (version: string) => [{runtime: 'python' as const, file: '.python-version', version}];

  it('3.14 on heroku/python 2.4.5 fails with the production message', () => {
    expect(checkRuntimePins(pin('3.14'), python('2.4.5'), B)).toEqual([
      {
        level: 'fail',
        message: `\`.python-version\` asks for 3.14; builder ${B} carries heroku/python 2.4.5, which supports 3.9–3.13. Production would fail the same way. Pin 3.13 or move to a newer builder.`
      }
    ]);
  });
  it.each([
    ['3.13', '2.4.5'],
    ['3.13.1', '2.6.0'],
    ['3.14', '2.7.0'],
    ['3.14', '6.5.6'],
    ['3.12', '0.18.0']
  ])('%s on heroku/python %s passes', (version, bp) => {
    expect(checkRuntimePins(pin(version), python(bp), B)).toEqual([]);
  });
  it('below the oldest fails with the oldest to pin', () => {
    expect(checkRuntimePins(pin('3.8'), python('2.4.5'), B)[0]?.message).toMatch(/Pin 3\.9 or later\.$/);
  });
  it('a range without a known oldest says "up to"', () => {
    expect(checkRuntimePins(pin('3.13'), python('0.18.2'), B)[0]?.message).toMatch(
      /supports Python up to 3\.12\. .*Pin 3\.12/
    );
  });
  it('before 0.18.0 .python-version is ignored: a warning, not a failure', () => {
    expect(checkRuntimePins(pin('3.12'), python('0.17.1'), B)).toEqual([
      {level: 'warning', message: expect.stringContaining('ignores .python-version and builds with its default Python')}
    ]);
  });
  it('runtime.txt fails on heroku/python ≥ 1.0.0 and warns on 0.24', () => {
    const rt = [{runtime: 'python' as const, file: 'runtime.txt', version: '3.12.4'}];
    expect(checkRuntimePins(rt, python('1.0.0'), B)[0]).toMatchObject({
      level: 'fail',
      message: expect.stringContaining('Write `3.12` into `.python-version`')
    });
    expect(checkRuntimePins(rt, python('0.24.1'), B)[0]?.level).toBe('warning');
    expect(checkRuntimePins(rt, python('0.20.0'), B)).toEqual([]);
  });
  it('a heroku/python newer than the table, or another Python buildpack, gives a notice', () => {
    expect(checkRuntimePins(pin('3.15'), python('7.0.0'), B)[0]?.level).toBe('notice');
    expect(checkRuntimePins(pin('3.15'), [{id: 'paketo-buildpacks/python', version: '2.0.0'}], B)[0]?.level).toBe(
      'notice'
    );
  });
  it('node pins are a notice: heroku/nodejs compiles its inventory in', () => {
    const node = [{runtime: 'node' as const, file: 'package.json', version: '22.x'}];
    expect(checkRuntimePins(node, [{id: 'heroku/nodejs', version: '3.0.0'}], B)[0]).toMatchObject({
      level: 'notice',
      message: expect.stringContaining('heroku/nodejs 3.0.0')
    });
  });
});

describe('preflight verdict', () => {
  const info: BuilderInfo = {
    description: 'fixture',
    buildpacks: [
      {id: 'heroku/python', version: '2.4.5'},
      {id: 'heroku/procfile', version: '4.0.0'}
    ],
    lifecycleVersion: '0.20.7',
    platformApis: ['0.12', '0.13'],
    buildpackApis: ['0.10'],
    order: []
  };
  const inj = (over: Partial<Injection>): Injection => ({
    id: 'acme/hello',
    version: '1.0.0',
    uri: 'docker://r/hello@sha256:' + 'e'.repeat(64),
    fromBuilder: false,
    position: 'pre',
    ...over
  });

  it('summarises the builder: buildpacks, versions and lifecycle APIs', () => {
    const v = preflightVerdict({builder: B, info, injected: [inj({})], pins: []});
    expect(v.summary.join('\n')).toContain('lifecycle 0.20.7; Platform APIs 0.12, 0.13; Buildpack APIs 0.10');
    expect(v.summary.join('\n')).toContain('buildpacks: heroku/python 2.4.5, heroku/procfile 4.0.0');
    expect(v.summary.join('\n')).toContain('injected: pre acme/hello 1.0.0');
    expect(v.findings).toEqual([]);
  });
  it('refuses an injected buildpack with an id the builder carries', () => {
    const v = preflightVerdict({builder: B, info, injected: [inj({id: 'heroku/python', version: '2.9.0'})], pins: []});
    expect(v.findings[0]).toMatchObject({level: 'fail', message: expect.stringContaining('clashes with builder')});
  });
  it('a builder reference must name a buildpack the builder carries', () => {
    expect(
      preflightVerdict({
        builder: B,
        info,
        injected: [inj({id: 'heroku/nodejs', version: '', fromBuilder: true})],
        pins: []
      }).findings[0]?.level
    ).toBe('fail');
    expect(
      preflightVerdict({
        builder: B,
        info,
        injected: [inj({id: 'heroku/procfile', version: '', fromBuilder: true})],
        pins: []
      }).findings
    ).toEqual([]);
  });
  it('an injected heroku/python would decide the pin instead of the builder’s', () => {
    const without = {...info, buildpacks: [{id: 'heroku/procfile', version: '4.0.0'}]};
    const pins = [{runtime: 'python' as const, file: '.python-version', version: '3.14'}];
    expect(
      preflightVerdict({builder: B, info: without, injected: [inj({id: 'heroku/python', version: '2.7.0'})], pins})
        .findings
    ).toEqual([]);
  });
});
