import {describe, expect, it} from '@jest/globals';
import {failureAnnotations} from '../../src/core/annotations.js';
import {loadConfig} from '../../src/core/config/load.js';
import type {ImageResult} from '../../src/core/results.js';

const CONFIG = `registry: localhost:5000/acme
images:
  - name: web
    platforms: [linux/amd64, linux/arm64]
    test:
      - run: test -f /ready
      - name: serves
        run: ["/app/serve", "--once"]
  - name: api
    test:
      setup: ["apk add curl"]
      commands:
        - run: curl --version
`;

function loaded() {
  const r = loadConfig(CONFIG, '.imagegate.yml');
  if (!r.ok) throw new Error('config');
  return r;
}

const passed = {status: 'passed' as const, durationMs: 1, outputTail: ''};

describe('failureAnnotations', () => {
  it('points each failed test at the line that defines it', () => {
    const r = loaded();
    const images: ImageResult[] = [
      {
        name: 'web',
        status: 'failed',
        platforms: [
          {
            platform: 'linux/amd64',
            emulated: false,
            durationMs: 1,
            tests: [{name: 'test -f /ready', platform: 'linux/amd64', ...passed}]
          },
          {
            platform: 'linux/arm64',
            emulated: true,
            durationMs: 1,
            tests: [
              {
                name: 'serves',
                platform: 'linux/arm64',
                status: 'failed',
                exitCode: 1,
                durationMs: 1,
                outputTail: 'starting\nPermission denied: /app/state'
              }
            ]
          }
        ]
      },
      {
        name: 'api',
        status: 'failed',
        platforms: [
          {
            platform: 'linux/amd64',
            emulated: false,
            durationMs: 1,
            tests: [
              {
                name: 'curl --version',
                platform: 'linux/amd64',
                status: 'error',
                durationMs: 0,
                outputTail: '',
                error: 'test setup failed'
              }
            ]
          }
        ]
      },
      {name: 'gone', status: 'build-failed', reason: 'build failed: no such file', platforms: []}
    ];
    const file = 'ci/.imagegate.yml';
    expect(failureAnnotations(images, r.config, r.source, file)).toEqual([
      {
        level: 'error',
        message: 'web: test `serves` failed on linux/arm64 (exit code 1): Permission denied: /app/state',
        where: {file, line: 7, col: 9}
      },
      {
        level: 'error',
        message: 'api: test `curl --version` error on linux/amd64 (test setup failed)',
        where: {file, line: 13, col: 11}
      },
      {level: 'error', message: 'gone: build failed: no such file', where: {file}}
    ]);
  });
});

describe('the executables check', () => {
  it('points a foreign executable at the image’s platforms (or its executables key)', () => {
    const r = loaded();
    const error = '1 executable(s) of this linux/arm64 image are not for AArch64 …: /usr/bin/x (x86-64); …';
    const images: ImageResult[] = [
      {
        name: 'web',
        status: 'failed',
        platforms: [
          {
            platform: 'linux/arm64',
            emulated: true,
            durationMs: 1,
            tests: [
              {
                name: 'executables are for linux/arm64',
                platform: 'linux/arm64',
                status: 'failed',
                durationMs: 1,
                outputTail: '/usr/bin/x: x86-64, not for linux/arm64',
                error
              }
            ]
          }
        ]
      }
    ];
    expect(failureAnnotations(images, r.config, r.source, '.imagegate.yml')).toEqual([
      {
        level: 'error',
        message: `web: test \`executables are for linux/arm64\` failed on linux/arm64 (${error})`,
        where: {file: '.imagegate.yml', line: 4, col: expect.any(Number)}
      }
    ]);
  });
});
