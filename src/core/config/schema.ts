// The JSON Schema of .imagegate.yml: the one source of truth for the file's shape. It is published
// as schema/imagegate.schema.json (for editors), drives our own validator (which adds positions and
// fixes to every error) and generates the configuration reference in docs/configuration.md.
//
// Only this subset of JSON Schema is used, and the validator implements exactly it: type,
// properties, required, additionalProperties, items, enum, pattern, minItems, minLength, maxLength,
// minimum, maximum,
// oneOf (alternatives told apart by their type), $ref to $defs, and `format` naming our semantic
// checks. Every string is also bounded by limits.ts.

import {EXPECT_SCHEMA, FILE_CHECK_SCHEMA, METADATA_SCHEMA} from './check-schema.js';
import type {Format} from './formats.js';
import {SERVICE_DEFS} from './service-schema.js';

export type SchemaType = 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';

export interface Schema {
  $ref?: string;
  type?: SchemaType;
  description?: string;
  default?: unknown;
  examples?: readonly unknown[];
  enum?: readonly (string | number)[];
  pattern?: string;
  /** A semantic string check of formats.ts (JSON Schema treats unknown formats as annotations). */
  format?: Format;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  items?: Schema;
  properties?: Readonly<Record<string, Schema>>;
  required?: readonly string[];
  additionalProperties?: boolean | Schema;
  oneOf?: readonly Schema[];
  /** Human name of a string pattern, used in error messages ("an image name"). */
  'x-pattern-name'?: string;
}

/** The root: a schema with the JSON Schema header and the definitions `$ref`s point into. */
export interface RootSchema extends Schema {
  $schema: string;
  $id: string;
  title: string;
  $defs: Readonly<Record<string, Schema>>;
}

const DURATION_HINT = 'a duration such as `90s`, `5m` or `1h30m`';

const runCommand = {
  description:
    'The command. A string runs through the image’s `/bin/sh -c`; an array runs as argv, with no shell. In a buildpacks image both go through the CNB launcher (`--entrypoint launcher`), so the buildpacks’ environment applies.',
  oneOf: [
    {type: 'string', minLength: 1},
    {type: 'array', items: {type: 'string'}, minItems: 1}
  ]
} as const satisfies Schema;

const envMap = {
  type: 'object',
  additionalProperties: {oneOf: [{type: 'string'}, {type: 'number'}, {type: 'boolean'}]},
  description: 'Environment variables (values are turned into strings).'
} as const satisfies Schema;

// `as const` keeps every literal, so raw.ts can derive the document's type from this value.
export const SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://imagegate.dev/schema/imagegate.schema.json',
  title: 'imagegate configuration (.imagegate.yml)',
  type: 'object',
  additionalProperties: false,
  required: ['registry', 'images'],
  properties: {
    version: {type: 'integer', enum: [1], default: 1, description: 'Version of this file format.'},
    registry: {
      type: 'string',
      format: 'registry-prefix',
      description:
        'Where final images live: a registry host with an optional path prefix. Image `NAME` is published as `<registry>/NAME` unless it sets `repository`.',
      examples: ['ghcr.io/acme', 'localhost:5000/acme']
    },
    staging: {
      type: 'object',
      additionalProperties: false,
      description:
        'Where the gate pushes tested images before promotion: a tag prefix in the final repository, or an intermediate registry. Default: `tag-prefix: staging-`.',
      properties: {
        'tag-prefix': {
          type: 'string',
          format: 'tag-prefix',
          description: 'Staging tags are `<tag-prefix><source identity>` in the final repository.',
          default: 'staging-'
        },
        registry: {
          type: 'string',
          format: 'registry-prefix',
          description: 'An intermediate registry (host and optional path prefix) that holds staged images instead.'
        }
      }
    },
    mirrors: {
      type: 'array',
      items: {type: 'string', format: 'registry-prefix'},
      description:
        'More registries every image is published to, as `<mirror>/<name>` (e.g. `docker.io/acme` beside `ghcr.io/acme`): promote and release copy the same digest and tags to each, with each registry’s own credentials.',
      examples: [['docker.io/acme']]
    },
    promote: {
      type: 'object',
      additionalProperties: false,
      description: 'How `promote` and `release` publish staged images.',
      properties: {
        'on-missing': {
          type: 'string',
          enum: ['fail', 'build'],
          default: 'fail',
          description:
            'When staging has no image for the merged source (the merged tree differs from every tested tree, or a fork PR was never staged): `fail` with the reason, or `build` (run the gate now, then promote).'
        },
        cleanup: {
          type: 'boolean',
          default: true,
          description: 'Remove the staging tag once the final tags point at its digest.'
        },
        sign: {
          type: 'string',
          enum: ['cosign'],
          description:
            'Sign every promoted digest with cosign (with `cosign-key`, or keyless where an OIDC identity exists).'
        },
        'cosign-key': {
          type: 'string',
          minLength: 1,
          description:
            'The cosign private key: a file relative to the configuration file (inside the repository), or `env://VAR`. Its password comes from COSIGN_PASSWORD.'
        },
        'cosign-tlog': {
          type: 'boolean',
          default: true,
          description: 'Record signatures in the transparency log (turn off for air-gapped registries).'
        }
      }
    },
    scenario: {
      type: 'string',
      enum: ['check', 'gate', 'promote', 'release'],
      description:
        'Force a scenario instead of inferring it from the CI environment (a `--scenario` flag or action input still wins).'
    },
    images: {
      type: 'array',
      minItems: 1,
      description: 'The images to build, test and publish.',
      items: {$ref: '#/$defs/image'}
    }
  },
  $defs: {
    ...SERVICE_DEFS,
    image: {
      type: 'object',
      additionalProperties: false,
      required: ['name'],
      properties: {
        name: {
          type: 'string',
          pattern: '^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$',
          maxLength: 128,
          'x-pattern-name': 'an image name (lowercase letters and digits, joined by `.`, `_`, `__` or `-`)',
          description: 'Image name; also the last part of its repository.'
        },
        context: {
          type: 'string',
          format: 'relative-path',
          default: '.',
          description: 'Build context, relative to the configuration file; inside the repository.'
        },
        containerfile: {
          type: 'string',
          format: 'relative-path',
          default: 'Dockerfile',
          description: 'Dockerfile/Containerfile path, relative to the context; inside the repository.'
        },
        target: {type: 'string', minLength: 1, description: 'Build stage to build (`docker build --target`).'},
        'build-args': {...envMap, description: 'Build arguments (`--build-arg KEY=VALUE`).'},
        platforms: {
          type: 'array',
          minItems: 1,
          items: {type: 'string', format: 'platform'},
          default: ['linux/amd64'],
          description:
            'Platforms to build and test, as `os/arch[/variant]`. Every one is tested (foreign ones under QEMU).'
        },
        tags: {
          type: 'array',
          default: ['{{sha}}'],
          description:
            'Final tags, as templates. Variables: `{{sha}}`, `{{short_sha}}`, `{{branch}}` (made tag-safe), `{{pr}}` (the pull/merge request number), `{{date FORMAT}}` (this run’s UTC clock: `YYYY`, `YY`, `MM`, `DD`, `HH`, `mm`, `ss`), `{{tag}}`, `{{version}}`, `{{major}}`, `{{minor}}`, `{{patch}}`, `{{prerelease}}`. Tags using a release variable are published by `release`, `{{pr}}` tags by `gate`, the others by `promote`, unless `on` says otherwise. A release moves a tag without a version of its own (`latest`, `{{major}}`) only when it is the highest release (of that major) among the repository’s git tags.',
          items: {
            oneOf: [
              {type: 'string', format: 'tag-template'},
              {
                type: 'object',
                additionalProperties: false,
                required: ['tag'],
                properties: {
                  tag: {type: 'string', format: 'tag-template', description: 'The tag template.'},
                  on: {
                    type: 'array',
                    minItems: 1,
                    items: {type: 'string', enum: ['gate', 'promote', 'release']},
                    description:
                      'Scenarios that publish this tag. `gate` writes it where it stages (pointing at the tested bytes), `promote` and `release` in the final repository.'
                  }
                }
              }
            ]
          }
        },
        flavor: {
          type: 'object',
          additionalProperties: false,
          description:
            'A prefix and a suffix for every final tag, as metadata-action’s `flavor` (e.g. `suffix: -alpine` for a variant image).',
          properties: {
            prefix: {type: 'string', format: 'tag-prefix', description: 'Written before every tag.'},
            suffix: {
              type: 'string',
              pattern: '^[A-Za-z0-9_.-]{1,64}$',
              'x-pattern-name': 'a tag suffix (at most 64 of letters, digits, `_`, `.`, `-`)',
              description: 'Written after every tag.'
            },
            'on-latest': {
              type: 'boolean',
              default: false,
              description: 'Also put the prefix and suffix on a `latest` tag (metadata-action’s `onlatest`).'
            }
          }
        },
        labels: {
          ...envMap,
          description: 'Image labels (`--label`). imagegate adds the OCI source, revision and created labels.'
        },
        annotations: {
          ...envMap,
          description:
            'OCI annotations on the index and manifests (`--annotation`). imagegate adds the OCI source, revision and created annotations.'
        },
        secrets: {
          type: 'array',
          description:
            'Build secrets (`RUN --mount=type=secret,id=…`). Values come from an environment variable or a file and never reach argv or logs.',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['id'],
            properties: {
              id: {
                type: 'string',
                pattern: '^[A-Za-z0-9_.-]+$',
                'x-pattern-name': 'a secret id (letters, digits, `_`, `.`, `-`)',
                description: 'The id the Dockerfile mounts.'
              },
              env: {
                type: 'string',
                pattern: '^[A-Za-z_][A-Za-z0-9_]*$',
                'x-pattern-name': 'an environment variable name',
                description: 'Take the value from this environment variable.'
              },
              file: {
                type: 'string',
                format: 'relative-path',
                description: 'Take the value from this file, relative to the configuration file; inside the repository.'
              }
            }
          }
        },
        cache: {
          type: 'object',
          additionalProperties: false,
          description:
            'Build cache, in buildx syntax. A cache that cannot be read or written only warns. On GitHub, `type=gha` is used when nothing is set.',
          properties: {
            from: {
              type: 'array',
              items: {type: 'string', minLength: 1},
              description: 'Sources, e.g. `type=registry,ref=ghcr.io/acme/web:cache` or `type=local,src=.cache`.'
            },
            to: {
              type: 'array',
              items: {type: 'string', minLength: 1},
              description: 'Destinations, e.g. `type=registry,ref=ghcr.io/acme/web:cache,mode=max`.'
            }
          }
        },
        executables: {
          type: 'object',
          additionalProperties: false,
          description:
            'The executables check: before the tests, every executable ELF file of each platform’s image (read from its filesystem, no shell needed) must be for that platform’s machine; an x86-64 or 32-bit ARM binary in an arm64 image fails the gate with its path and architecture.',
          properties: {
            check: {
              type: 'boolean',
              default: true,
              description: '`false` turns the executables check off for this image.'
            },
            ignore: {
              type: 'array',
              items: {type: 'string', format: 'absolute-path'},
              description:
                'Paths or globs (`*`, `?` within a segment, `**` across; a directory covers what is under it) of deliberate multi-architecture payloads the check allows, e.g. `/opt/sdk/toolchains/**`.'
            }
          }
        },
        attestations: {
          type: 'object',
          additionalProperties: false,
          description: 'Attestations buildx attaches to the image (kept in the tested index and pushed with it).',
          properties: {
            provenance: {
              default: 'min',
              description:
                'SLSA provenance mode: `min`, `max` (buildx `--provenance=mode=…`), or `off`; as build-push-action writes it, `false` is `off` and `true` is `min`.',
              oneOf: [{type: 'string', enum: ['off', 'min', 'max']}, {type: 'boolean'}]
            },
            sbom: {
              default: false,
              description:
                "Attach an SBOM attestation to every platform: `true` runs BuildKit's default scanner (`docker/buildkit-syft-scanner`, pulled by BuildKit), `{generator: IMAGE}` another SBOM generator image (BuildKit's SBOM protocol), e.g. the scanner pinned by digest or mirrored into your registry.",
              oneOf: [
                {type: 'boolean'},
                {
                  type: 'object',
                  additionalProperties: false,
                  required: ['generator'],
                  properties: {
                    generator: {
                      type: 'string',
                      format: 'image-reference',
                      description: 'The SBOM generator image (`--attest type=sbom,generator=IMAGE`).'
                    }
                  }
                }
              ]
            }
          }
        },
        ssh: {
          type: 'array',
          items: {
            type: 'string',
            pattern: '^[A-Za-z0-9_.-]+$',
            'x-pattern-name': 'an ssh id (letters, digits, `_`, `.`, `-`)'
          },
          description:
            'SSH agent forwarding for `RUN --mount=type=ssh,id=…`: each id forwards the job’s agent (`SSH_AUTH_SOCK`, e.g. `default`); keys stay in the agent, never in argv. Refused where the run may not use the job’s credentials.'
        },
        'build-contexts': {
          type: 'object',
          description:
            'Named build contexts (`--build-context NAME=…`, what `FROM NAME` or `COPY --from=NAME` resolves to): `docker-image://REF`, `oci-layout://…`, `https://…`, a git URL, a directory relative to the configuration file, or `{image: NAME}`, another image of this file, built and tested first and used by its tested digest.',
          additionalProperties: {
            oneOf: [
              {type: 'string', format: 'build-context'},
              {
                type: 'object',
                additionalProperties: false,
                required: ['image'],
                properties: {
                  image: {type: 'string', maxLength: 128, description: 'The name of another image of this file.'}
                }
              }
            ]
          }
        },
        'no-cache': {type: 'boolean', default: false, description: 'Build without any cache (`--no-cache`).'},
        'no-cache-filters': {
          type: 'array',
          items: {type: 'string', minLength: 1},
          description: 'Stages to build without cache (`--no-cache-filter`).'
        },
        pull: {
          type: 'boolean',
          default: false,
          description: 'Always pull a newer version of the base images (`--pull`), e.g. for a scheduled rebuild.'
        },
        network: {
          type: 'string',
          enum: ['default', 'none', 'host'],
          description: 'Network of the `RUN` steps (`--network`).'
        },
        'shm-size': {
          type: 'string',
          pattern: '^[1-9][0-9]*[bkmgBKMG]?$',
          'x-pattern-name': 'a size such as `512m` or `2g`',
          description: 'Size of `/dev/shm` for the `RUN` steps (`--shm-size`).'
        },
        ulimit: {
          type: 'array',
          items: {
            type: 'string',
            pattern: '^[a-z]+=-?[0-9]+(:-?[0-9]+)?$',
            'x-pattern-name': 'a ulimit such as `nofile=1024:1024`'
          },
          description: 'Resource limits of the `RUN` steps (`--ulimit`).'
        },
        'add-hosts': {
          type: 'array',
          items: {
            type: 'string',
            pattern: '^[A-Za-z0-9][A-Za-z0-9.-]*[:=][0-9A-Fa-f:.]+$',
            'x-pattern-name': 'a host entry such as `db.internal:10.0.0.5`'
          },
          description: 'Extra `/etc/hosts` entries of the `RUN` steps (`--add-host`).'
        },
        'dockerfile-checks': {
          type: 'string',
          enum: ['off', 'warn', 'error'],
          default: 'off',
          description:
            'Run the Dockerfile checks (`docker buildx build --call check`) before the build: `warn` annotates each finding at its Dockerfile line, `error` also fails the image (nothing of it is pushed).'
        },
        repository: {
          type: 'string',
          format: 'repository',
          description: 'Full repository (`host/path`) for this image instead of `<registry>/<name>`.'
        },
        mirrors: {
          type: 'array',
          items: {type: 'string', format: 'repository'},
          description:
            'More repositories this image is published to (full `host/path`), instead of the top-level `mirrors`; `[]` for none.'
        },
        'run-as': {
          type: 'string',
          minLength: 1,
          description:
            'The runtime contract production deploys this image with: `FILE` or `FILE#NAME`, a Kubernetes manifest (`#container`) or a Compose file (`#service`), relative to the configuration file. Every service test starts as it says unless the test has a `run-as` of its own; the test commands get its security settings (user, read-only root and tmpfs, capabilities, no-new-privileges, memory and cpu limits, env) where they set none themselves. See [run-as](#run-as).'
        },
        'depends-on': {
          type: 'string',
          maxLength: 128,
          description:
            'Name of another image in this file that this one is built FROM. It is built and tested first, and this image is built on exactly its tested bytes: every spelling of its repository in the Dockerfile (any tag or digest, with or without the registry host, in FROM, `COPY --from=` and `RUN --mount=from=`) resolves to it; a Dockerfile that never names it is refused.'
        },
        test: {
          description:
            'Commands run inside the built image, on every platform, before anything is pushed. A list of commands, or a mapping with `commands`, `files` and `metadata` checks, `services`, `setup`, `timeout`, `concurrency` and `mount`.',
          oneOf: [{type: 'array', items: {$ref: '#/$defs/testCommand'}}, {$ref: '#/$defs/testSuite'}]
        },
        builder: {
          description: 'How the image is built: `dockerfile` (buildx, the default) or `{buildpacks: {...}}`.',
          default: 'dockerfile',
          oneOf: [
            {type: 'string', enum: ['dockerfile']},
            {
              type: 'object',
              additionalProperties: false,
              required: ['buildpacks'],
              properties: {buildpacks: {$ref: '#/$defs/buildpacks'}}
            }
          ]
        }
      }
    },
    testCommand: {
      oneOf: [
        {type: 'string', minLength: 1, description: 'Shorthand for `{run: STRING}`.'},
        {
          type: 'object',
          additionalProperties: false,
          properties: {
            run: runCommand,
            args: {
              type: 'array',
              items: {type: 'string'},
              description:
                'With `entrypoint: keep` and no `run`: arguments added after the image’s ENTRYPOINT and CMD (the image runs as its scheduler runs it, plus these).'
            },
            expect: EXPECT_SCHEMA,
            name: {type: 'string', minLength: 1, description: 'Name shown in logs and reports.'},
            timeout: {type: 'string', format: 'duration', description: `Time limit, ${DURATION_HINT}.`},
            user: {type: 'string', minLength: 1, description: 'Run as this user instead of the image’s USER.'},
            entrypoint: {
              type: 'string',
              enum: ['replace', 'keep'],
              default: 'replace',
              description:
                '`replace`: the command runs instead of the image’s ENTRYPOINT. `keep`: the command is passed to the ENTRYPOINT as its arguments (for wrapper entrypoints that set up the environment); `keep` without `run` runs the image exactly as-is, its ENTRYPOINT and CMD unchanged (plus `args`).'
            },

            workdir: {
              type: 'string',
              format: 'absolute-path',
              description: 'Run in this directory instead of the image’s WORKDIR.'
            },
            env: {...envMap, description: 'Extra environment variables for this command.'},
            platforms: {
              type: 'array',
              minItems: 1,
              items: {type: 'string', format: 'platform'},
              description: 'Run only on these platforms (default: every platform of the image).'
            }
          }
        }
      ]
    },
    testSuite: {
      type: 'object',
      additionalProperties: false,
      properties: {
        commands: {type: 'array', items: {$ref: '#/$defs/testCommand'}, description: 'The test commands.'},
        files: {
          type: 'array',
          items: FILE_CHECK_SCHEMA,
          description:
            'Checks of paths in the image’s filesystem, read from the built image itself (no shell needed: they work on distroless and `scratch` images): existence, type, mode, owner, size, content.'
        },
        metadata: METADATA_SCHEMA,
        services: {
          type: 'array',
          items: {$ref: '#/$defs/testService'},
          description:
            'Service tests: the image started as the platform starts it, made ready, probed and stopped (see [service tests](#service-tests)).'
        },
        setup: {
          type: 'array',
          items: {
            oneOf: [
              {type: 'string', minLength: 1},
              {type: 'array', items: {type: 'string'}, minItems: 1}
            ]
          },
          description:
            'Commands that add test-only tooling to a throwaway derivative of the built image (never pushed). With `mount`, each step sees the mounted directory read-only at its target (tooling and requirements files kept in the repository install from there); nothing of it lands in a layer.'
        },
        timeout: {
          type: 'string',
          format: 'duration',
          default: '10m',
          description: `Default time limit of each command, ${DURATION_HINT}.`
        },
        concurrency: {
          type: 'integer',
          minimum: 1,
          maximum: 64,
          description:
            'How many test containers (commands and services) of this image run at once, across its platforms (default: one per platform, so every platform is tested side by side). Each runs in a fresh container, so they never depend on one another; `1` runs them one after another. The file, metadata and executables checks only read the image and go alongside, as many at once. Logs stay whole per test, platform after platform in the order of this file.'
        },
        mount: {
          type: 'object',
          additionalProperties: false,
          required: ['source'],
          description: 'Mount repository files read-only into the test containers and the `setup` steps.',
          properties: {
            source: {
              type: 'string',
              format: 'relative-path',
              description: 'Directory, relative to the configuration file; inside the repository.'
            },
            target: {
              type: 'string',
              format: 'absolute-path',
              default: '/imagegate/tests',
              description: 'Mount point inside the container.'
            }
          }
        }
      }
    },
    buildpacks: {
      type: 'object',
      additionalProperties: false,
      required: ['image'],
      description: 'Build with Cloud Native Buildpacks, exactly as production does.',
      properties: {
        image: {
          type: 'string',
          format: 'image-reference',
          description: 'The production builder image, pinned by digest (`REPO[:TAG]@sha256:…`).'
        },
        mode: {
          type: 'string',
          enum: ['pack', 'lifecycle'],
          default: 'pack',
          description:
            '`pack` runs a pinned pack CLI (sha256-verified download); `lifecycle` runs the builder’s own `/cnb/lifecycle/creator` in a container, as Toolforge and Tekton do. Either publishes to a registry on this machine (`IMAGEGATE_BUILD_REGISTRY`, default `localhost:5000/imagegate-build`) before the tests.'
        },
        'pre-buildpacks': {
          type: 'array',
          items: {type: 'string', format: 'buildpack-uri'},
          description:
            'Buildpacks production injects before every group of the builder’s order (full URIs: `docker://…@sha256:…`, `urn:cnb:builder:ID`, `file:///dir`; pack mode also takes `https://` and `urn:cnb:registry:`).'
        },
        'post-buildpacks': {
          type: 'array',
          items: {type: 'string', format: 'buildpack-uri'},
          description: 'Buildpacks production injects after every group of the builder’s order (full URIs).'
        },
        env: {
          ...envMap,
          description: 'Build-time environment: `<platform>/env/NAME` files (pack: `--env`). Not present at run time.'
        },
        'allow-unpinned-builder': {
          type: 'boolean',
          default: false,
          description: 'Accept a builder pinned by tag only (CI may then not match production).'
        },
        'cache-image': {
          type: 'string',
          format: 'repository',
          description:
            'A registry image holding the buildpacks’ layer cache between runs (pack `--cache-image`, the lifecycle’s `-cache-image`), e.g. `ghcr.io/acme/web-cache`.'
        },
        'cache-volume': {
          type: 'string',
          pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$',
          'x-pattern-name': 'a docker volume name',
          description:
            'A docker volume holding the layer cache on this machine (pack `--cache type=build;format=volume;name=…`, the lifecycle’s `-cache-dir`); for a runner that keeps its volumes.'
        }
      }
    }
  }
} as const satisfies RootSchema;
