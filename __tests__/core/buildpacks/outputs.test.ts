// Tier 1: what comes back from a build — report.toml, builder labels, exit codes, heroku's messages.
import {describe, expect, it} from '@jest/globals';
import {lifecycleExitMessage} from '../../../src/core/buildpacks/exit-codes.js';
import {herokuAnnotation} from '../../../src/core/buildpacks/heroku-messages.js';
import {parseBuildpackageLabels, parseBuilderLabels} from '../../../src/core/buildpacks/labels.js';
import {parseReportToml} from '../../../src/core/buildpacks/report.js';

describe('report.toml', () => {
  it('reads the digest of a registry export', () => {
    const text = `[image]\n  tags = ["localhost:5000/x/web:run-1", "localhost:5000/x/web:extra"]\n  digest = "sha256:${'c'.repeat(64)}"\n  manifest-size = 1234\n\n[build]\n  [[build.bom]]\n`;
    expect(parseReportToml(text)).toEqual({
      tags: ['localhost:5000/x/web:run-1', 'localhost:5000/x/web:extra'],
      digest: `sha256:${'c'.repeat(64)}`
    });
  });
  it('a daemon export has an image-id and no digest', () => {
    expect(parseReportToml('[image]\ntags = ["web"]\nimage-id = "sha256:abc"\n')).toEqual({
      tags: ['web'],
      imageId: 'sha256:abc'
    });
  });
  it('a digest outside [image] is not the image digest', () => {
    expect(parseReportToml('[other]\ndigest = "sha256:abc"\n')).toEqual({tags: []});
  });
});

describe('builder labels', () => {
  const metadata = {
    description: 'Heroku builder',
    buildpacks: [
      {id: 'heroku/python', version: '2.4.5'},
      {id: 'heroku/procfile', version: '4.0.0'}
    ],
    lifecycle: {
      version: '0.20.7',
      apis: {platform: {deprecated: [], supported: ['0.7', '0.13']}, buildpack: {deprecated: [], supported: ['0.10']}}
    }
  };
  const order = [
    {
      group: [
        {id: 'heroku/python', version: '2.4.5'},
        {id: 'heroku/procfile', version: '4.0.0', optional: true}
      ]
    }
  ];

  it('reads buildpacks, lifecycle APIs and order', () => {
    const r = parseBuilderLabels(
      {
        'io.buildpacks.builder.metadata': JSON.stringify(metadata),
        'io.buildpacks.buildpack.order': JSON.stringify(order)
      },
      'b'
    );
    expect(r).toEqual({
      ok: true,
      value: {
        description: 'Heroku builder',
        buildpacks: metadata.buildpacks,
        lifecycleVersion: '0.20.7',
        platformApis: ['0.7', '0.13'],
        buildpackApis: ['0.10'],
        order: [
          [
            {id: 'heroku/python', version: '2.4.5'},
            {id: 'heroku/procfile', version: '4.0.0', optional: true}
          ]
        ]
      }
    });
  });
  it('an old builder lists one api per kind', () => {
    const old = {...metadata, lifecycle: {version: '0.9.0', api: {platform: '0.3', buildpack: '0.2'}}};
    const r = parseBuilderLabels({'io.buildpacks.builder.metadata': JSON.stringify(old)}, 'b');
    expect(r.ok && r.value.platformApis).toEqual(['0.3']);
  });
  it('an image without the label is not a builder', () => {
    expect(parseBuilderLabels({}, 'docker.io/library/python@sha256:x')).toEqual({
      ok: false,
      error: expect.stringContaining('is not a buildpacks builder')
    });
  });
  it('a buildpackage names its buildpack', () => {
    expect(
      parseBuildpackageLabels(
        {'io.buildpacks.buildpackage.metadata': '{"id":"heroku/deb-packages","version":"1.2.0"}'},
        'r'
      )
    ).toEqual({ok: true, value: {id: 'heroku/deb-packages', version: '1.2.0'}});
  });
});

describe('lifecycle exit codes', () => {
  it.each([
    [11, /Platform API/],
    [12, /Buildpack API/],
    [20, /no buildpack group passed detection/],
    [21, /during detection/],
    [51, /build failed.*production would fail the same way/],
    [62, /export failed/],
    [33, /analyzing/],
    [44, /restoring/],
    [55, /build phase/],
    [66, /exporting/],
    [1, /exited with 1/]
  ])('%i', (code, text) => {
    expect(lifecycleExitMessage(code)).toMatch(text);
  });
});

describe('heroku messages → one-line annotations', () => {
  it.each([
    [
      "[Error: The requested Python version isn't recognised]\nThe requested Python version 3.15 isn't recognised.",
      /does not know Python 3\.15/
    ],
    [
      '[Error: Requested Python version is not recognised]\nThe requested Python version 3.14 is not recognised.',
      /does not know Python 3\.14/
    ],
    [
      '[Error: The requested Python version has reached end-of-life]\nPython 3.8 has reached its upstream end-of-life',
      /end-of-life/
    ],
    [
      "[Error: The requested Python version isn't available]\nThe requested Python version (3.13.99) isn't available",
      /Python 3\.13\.99 is not available/
    ],
    ['Requested Python version is not available', /is not available/],
    ["[Error: The runtime.txt file isn't supported]", /runtime\.txt/],
    ['Unknown Node.js version: 99.x could not be resolved to a known release', /heroku\/nodejs/]
  ])('%#', (output, annotation) => {
    const line = herokuAnnotation(output);
    expect(line).toMatch(annotation);
    expect(line).not.toContain('\n');
  });
  it('other output gives none', () => {
    expect(herokuAnnotation('ERROR: failed to build: exit status 1')).toBeUndefined();
  });
});
