import {describe, expect, it} from '@jest/globals';
import {buildpackDifferences, renderDoctor} from '../../../src/core/buildpacks/doctor.js';

describe('doctor', () => {
  it('lists buildpacks that changed, appeared or went away', () => {
    expect(
      buildpackDifferences(
        [
          {id: 'heroku/python', version: '2.4.5'},
          {id: 'heroku/php', version: '0.3.0'},
          {id: 'heroku/procfile', version: '4.0.0'}
        ],
        [
          {id: 'heroku/python', version: '2.7.0'},
          {id: 'heroku/go', version: '1.0.0'},
          {id: 'heroku/procfile', version: '4.0.0'}
        ]
      )
    ).toEqual(['+ heroku/go 1.0.0 (production only)', '- heroku/php 0.3.0 (CI only)', 'heroku/python 2.4.5 → 2.7.0']);
  });
  it('tells the fix: the digest production uses now', () => {
    const text = renderDoctor([
      {
        name: 'web',
        ciBuilder: 'r.example/heroku-builder:24@sha256:aaa',
        ciDigest: 'sha256:aaa',
        production: 'r.example/heroku-builder:24',
        productionDigest: 'sha256:bbb',
        matches: false,
        differences: ['heroku/python 2.4.5 → 2.7.0']
      }
    ]);
    expect(text).toBe(
      'web: CI does NOT match production: CI builds with r.example/heroku-builder:24@sha256:aaa (sha256:aaa), but r.example/heroku-builder:24 points at sha256:bbb now.\n  buildpacks (CI → production):\n    heroku/python 2.4.5 → 2.7.0\n  Fix: set builder.buildpacks.image to r.example/heroku-builder@sha256:bbb\n'
    );
  });
});
