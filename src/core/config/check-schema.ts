// The schema of a test's assertions: `expect` on a command, and the suite's `files` and `metadata`
// checks, which read the image itself (its filesystem and its config) without running anything in it.

import type {Schema} from './schema.js';

const texts = {
  oneOf: [
    {type: 'string', minLength: 1},
    {type: 'array', items: {type: 'string', minLength: 1}, minItems: 1}
  ]
} as const satisfies Schema;

const streamExpect = {
  type: 'object',
  additionalProperties: false,
  properties: {
    contains: {...texts, description: 'Text (or a list of texts) the output must contain.'},
    'not-contains': {...texts, description: 'Text (or a list of texts) the output must not contain.'},
    matches: {
      type: 'string',
      format: 'regex',
      description: 'A regular expression (JavaScript syntax, multi-line) the output must match somewhere.'
    },
    equals: {type: 'string', description: 'The whole output, compared without its trailing newlines.'}
  }
} as const satisfies Schema;

export const EXPECT_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  description:
    'What the command must do to pass: its exit code and what it writes. A failed expectation shows what was expected and what came, in the report, the JUnit case and the annotation at this test.',
  properties: {
    'exit-code': {
      default: 0,
      description: 'The exit code, or a list of the exit codes that pass.',
      oneOf: [
        {type: 'integer', minimum: 0, maximum: 255},
        {type: 'array', minItems: 1, items: {type: 'integer', minimum: 0, maximum: 255}}
      ]
    },
    stdout: {
      ...streamExpect,
      description: 'Checks of the standard output: `contains`, `not-contains`, `matches`, `equals`.'
    },
    stderr: {
      ...streamExpect,
      description: 'Checks of the standard error: `contains`, `not-contains`, `matches`, `equals`.'
    }
  }
} as const satisfies Schema;

const size = {
  oneOf: [
    {type: 'integer', minimum: 0},
    {type: 'string', pattern: '^[0-9]+[bkmgBKMG]?$', 'x-pattern-name': 'a size such as `512`, `64k` or `2m`'}
  ]
} as const satisfies Schema;

const checkPlatforms = {
  type: 'array',
  minItems: 1,
  items: {type: 'string', format: 'platform'},
  description: 'Check only these platforms (default: every platform of the image).'
} as const satisfies Schema;

export const FILE_CHECK_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['path'],
  properties: {
    path: {
      type: 'string',
      format: 'absolute-path',
      description: 'The path in the image. A symbolic link is checked itself, not what it points to.'
    },
    name: {type: 'string', minLength: 1, description: 'Name shown in logs and reports (default: `file PATH`).'},
    exists: {type: 'boolean', default: true, description: '`false`: the path must not exist in the image.'},
    type: {type: 'string', enum: ['file', 'directory', 'symlink'], description: 'What the path must be.'},
    mode: {
      type: 'string',
      pattern: '^0?[0-7]{3,4}$',
      'x-pattern-name': 'an octal mode such as `"0755"` (quoted)',
      description: 'The permission bits, in octal (`"0755"`, `"4755"` with setuid); quote it.'
    },
    uid: {type: 'integer', minimum: 0, description: 'The owner’s numeric user id.'},
    gid: {type: 'integer', minimum: 0, description: 'The owner’s numeric group id.'},
    target: {
      type: 'string',
      minLength: 1,
      description: 'The target a symbolic link points to, as it is written in the link.'
    },
    contains: {...texts, description: 'Text (or a list of texts) the file must contain.'},
    'not-contains': {...texts, description: 'Text (or a list of texts) the file must not contain.'},
    matches: {
      type: 'string',
      format: 'regex',
      description: 'A regular expression the file’s content must match somewhere.'
    },
    'min-size': {...size, description: 'The smallest size the file may have: bytes, or `k`, `m`, `g` (1024-based).'},
    'max-size': {...size, description: 'The largest size the file may have: bytes, or `k`, `m`, `g` (1024-based).'},
    platforms: checkPlatforms
  }
} as const satisfies Schema;

export const METADATA_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  description:
    'Checks of the image config of every platform (as `docker image inspect` shows it), read without starting the image; each key is its own check in the reports.',
  properties: {
    user: {type: 'string', description: 'The USER, exactly as the image config says it (`""` for none).'},
    'non-root': {
      type: 'boolean',
      description:
        '`true`: the USER is set and is not root (not empty, `root`, `0`, or a name with uid 0 in the image’s `/etc/passwd`).'
    },
    workdir: {type: 'string', description: 'The WORKDIR (`""` for none).'},
    env: {
      type: 'object',
      description:
        'Environment variables of the image config: a string (or number) is the value it must have, `true` means it must be set, `false` that it must not be.',
      additionalProperties: {oneOf: [{type: 'string'}, {type: 'number'}, {type: 'boolean'}]}
    },
    'exposed-ports': {
      type: 'array',
      items: {
        oneOf: [
          {type: 'integer', minimum: 1, maximum: 65535},
          {
            type: 'string',
            pattern: '^[0-9]{1,5}(/(tcp|udp|sctp))?$',
            'x-pattern-name': 'a port such as `8080` or `53/udp`'
          }
        ]
      },
      description: 'Ports the image must EXPOSE (`8080` is `8080/tcp`); others may be exposed too.'
    },
    labels: {
      type: 'object',
      description: 'Labels and the values they must have.',
      additionalProperties: {oneOf: [{type: 'string'}, {type: 'number'}, {type: 'boolean'}]}
    },
    entrypoint: {
      type: 'array',
      items: {type: 'string'},
      description: 'The ENTRYPOINT, as argv (`[]` for none).'
    },
    cmd: {type: 'array', items: {type: 'string'}, description: 'The CMD, as argv (`[]` for none).'},
    healthcheck: {
      description:
        '`present` (or `true`): the image has a HEALTHCHECK (not `NONE`); `absent` (or `false`): it has none.',
      oneOf: [{type: 'string', enum: ['present', 'absent']}, {type: 'boolean'}]
    },
    'stop-signal': {type: 'string', minLength: 1, description: 'The STOPSIGNAL, e.g. `SIGTERM`.'},
    platform: {
      description:
        '`true`: the config’s os, architecture and variant are the platform it was built and tested for (a wrong base image shows here); or the platform it must name, e.g. `linux/arm64/v8` (with `platforms`).',
      oneOf: [{type: 'boolean'}, {type: 'string', format: 'platform'}]
    },
    platforms: checkPlatforms
  }
} as const satisfies Schema;
