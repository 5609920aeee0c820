import {fileURLToPath} from 'node:url';
import {describe, expect, it} from '@jest/globals';
import {readFileSync} from 'node:fs';
import {join, dirname} from 'node:path';
import {loadConfig} from '../../../src/core/config/load.js';

const HERE = dirname(fileURLToPath(import.meta.url));

const good = (name: string): string => readFileSync(join(HERE, '../../fixtures/config/good', name), 'utf8');

describe('loadConfig', () => {
  it('accepts the contract example as is, with defaults filled in', () => {
    const text = readFileSync(join(HERE, '../../../examples/multiarch/.imagegate.yml'), 'utf8');
    const r = loadConfig(text, '.imagegate.yml');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [web] = r.config.images;
    expect(r.config.staging).toEqual({kind: 'tag-prefix', tagPrefix: 'staging-'});
    expect(web).toMatchObject({
      name: 'web',
      repository: 'localhost:5000/acme/web',
      platforms: ['linux/amd64', 'linux/arm64'],
      builder: {kind: 'dockerfile'}
    });
    expect(web!.test.commands.map(c => c.run)).toEqual(['test -f /app/ready', ['/app/selftest', '--quick']]);
    expect(web!.test.commands[0]!.timeoutMs).toBe(600000);
    expect(r.source.where('images[0].platforms')).toBe('.imagegate.yml:9');
    expect(r.source.where('images[0].target')).toBeUndefined();
  });

  it('accepts every key and normalises it', () => {
    const r = loadConfig(good('full.yml'), 'full.yml');
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    const [base, web, pyapp] = r.config.images;
    expect(r.config.scenario).toBe('gate');
    expect(r.config.staging).toEqual({kind: 'registry', registry: 'localhost:5001/acme'});
    expect(base!.buildArgs).toEqual({PYTHON: '3.13', DEBUG: 'false', JOBS: '4'});
    expect(base!.tags.map(t => [t.template.source, t.on])).toEqual([
      ['{{sha}}', ['promote']],
      ['{{version}}', ['release']],
      ['stable', ['release']]
    ]);
    expect(web!.repository).toBe('localhost:5000/other/web-app');
    expect(web!.test.mount).toEqual({source: 'ctx', target: '/tests'});
    expect(web!.test.commands[1]).toEqual({
      name: 'selftest',
      run: ['/app/selftest', '--quick'],
      timeoutMs: 30000,
      user: 'root',
      workdir: '/app',
      env: {MODE: 'ci', RETRIES: '3'},
      entrypoint: 'replace',
      platforms: ['linux/amd64']
    });
    expect(web!.test.commands[0]!.timeoutMs).toBe(120000);
    expect(pyapp!.builder).toMatchObject({
      kind: 'buildpacks',
      mode: 'lifecycle',
      postBuildpacks: ['urn:cnb:builder:heroku/procfile']
    });
    expect(r.warnings).toEqual([]);
  });

  it('warns, without failing, when a tag-pinned builder is explicitly allowed', () => {
    const text = `registry: ghcr.io/acme
images:
  - name: app
    builder:
      buildpacks:
        image: docker.io/heroku/builder:24
        allow-unpinned-builder: true
`;
    const r = loadConfig(text, 'x.yml');
    expect(r.ok).toBe(true);
    if (r.ok)
      expect(r.warnings).toEqual([
        {
          line: 6,
          col: 16,
          message: expect.stringContaining('pinned by tag only; CI may not match production'),
          severity: 'warning'
        }
      ]);
  });

  it('reports every error of a file at once, in file order', () => {
    const r = loadConfig('registry: acme\nimages:\n  - name: Web\n    platfroms: [linux/amd64]\n', 'x.yml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics.map(d => `${d.line}:${d.col}`)).toEqual(['1:11', '3:11', '4:5']);
  });
});
