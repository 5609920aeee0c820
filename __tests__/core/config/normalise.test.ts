import {describe, expect, it} from '@jest/globals';
import {DEFAULT_TAG} from '../../../src/core/config/effective.js';
import {normalise} from '../../../src/core/config/normalise.js';
import type {CheckedConfig} from '../../../src/core/config/semantics.js';
import {parseTagTemplate, type TagTemplate} from '../../../src/core/tags.js';

function template(text: string): TagTemplate {
  const parsed = parseTagTemplate(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

describe('normalise', () => {
  it('fills in the schema’s default for every key a checked document leaves out', () => {
    const checked: CheckedConfig = {registry: 'ghcr.io/acme', images: [{name: 'web', secrets: []}]};
    expect(normalise(checked)).toEqual({
      registry: 'ghcr.io/acme',
      staging: {kind: 'tag-prefix', tagPrefix: 'staging-'},
      promote: {onMissing: 'fail', cleanup: true},
      images: [
        {
          name: 'web',
          index: 0,
          context: '.',
          containerfile: 'Dockerfile',
          buildArgs: {},
          platforms: ['linux/amd64'],
          tags: [{template: DEFAULT_TAG, on: ['promote']}],
          repository: 'ghcr.io/acme/web',
          test: {commands: [], setup: []},
          builder: {kind: 'dockerfile'},
          labels: {},
          annotations: {},
          secrets: [],
          cache: {from: [], to: []},
          attestations: {provenance: 'min', sbom: false}
        }
      ]
    });
  });

  it('uses the values the checks parsed: tag templates, durations, builder references, secrets', () => {
    const checked: CheckedConfig = {
      registry: 'ghcr.io/acme',
      staging: {registry: 'localhost:5001/acme'},
      promote: {sign: 'cosign', 'cosign-key': 'cosign.key', cleanup: false},
      scenario: 'gate',
      images: [
        {
          name: 'web',
          tags: [template('{{version}}'), {tag: template('edge'), on: ['release']}],
          'build-args': {JOBS: 4, DEBUG: false},
          secrets: [{id: 'npm', env: 'NPM_TOKEN'}],
          test: {
            timeout: 120000,
            setup: [['apk', 'add', 'curl']],
            mount: {source: 'tests'},
            commands: ['true', {run: ['/app/selftest'], timeout: 30000, env: {RETRIES: 3}, entrypoint: 'keep'}]
          }
        },
        {
          name: 'app',
          secrets: [],
          builder: {
            buildpacks: {image: {registry: 'docker.io', repository: 'heroku/builder', tag: '24'}, mode: 'lifecycle'}
          }
        }
      ]
    };
    const config = normalise(checked);
    expect(config.staging).toEqual({kind: 'registry', registry: 'localhost:5001/acme'});
    expect(config.promote).toEqual({
      onMissing: 'fail',
      cleanup: false,
      sign: {tool: 'cosign', tlog: true, key: 'cosign.key'}
    });
    expect(config.scenario).toBe('gate');
    const [web, app] = config.images;
    expect(web?.tags.map(t => [t.template.source, t.on])).toEqual([
      ['{{version}}', ['release']],
      ['edge', ['release']]
    ]);
    expect(web?.buildArgs).toEqual({JOBS: '4', DEBUG: 'false'});
    expect(web?.secrets).toEqual([{id: 'npm', env: 'NPM_TOKEN'}]);
    expect(web?.test).toEqual({
      setup: [['apk', 'add', 'curl']],
      mount: {source: 'tests', target: '/imagegate/tests'},
      commands: [
        {name: 'true', run: 'true', timeoutMs: 120000, env: {}, entrypoint: 'replace'},
        {name: '/app/selftest', run: ['/app/selftest'], timeoutMs: 30000, env: {RETRIES: '3'}, entrypoint: 'keep'}
      ]
    });
    expect(app?.index).toBe(1);
    expect(app?.builder).toEqual({
      kind: 'buildpacks',
      image: 'docker.io/heroku/builder:24',
      mode: 'lifecycle',
      preBuildpacks: [],
      postBuildpacks: [],
      env: {},
      allowUnpinnedBuilder: false
    });
  });
});
