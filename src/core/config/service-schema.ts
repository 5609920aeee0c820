// The schema of service tests (`test.services`): start the image as the platform starts it, wait
// until it is ready, probe it, stop it. Spread into SCHEMA.$defs.

import type {Schema} from './schema.js';

const DURATION_HINT = 'a duration such as `90s`, `5m` or `1h30m`';

const command = {
  oneOf: [
    {type: 'string', minLength: 1},
    {type: 'array', items: {type: 'string'}, minItems: 1}
  ]
} as const satisfies Schema;

const env = {
  type: 'object',
  additionalProperties: {oneOf: [{type: 'string'}, {type: 'number'}, {type: 'boolean'}]}
} as const satisfies Schema;

const port = {type: 'integer', description: 'A port of the container (1–65535).'} as const satisfies Schema;

export const SERVICE_DEFS = {
  testService: {
    type: 'object',
    additionalProperties: false,
    description:
      'A service test: a container from the tested image started with its own ENTRYPOINT and CMD (or `args`), USER, env and exposed ports; imagegate waits until it is `ready`, runs the `probes`, stops it with the image’s stop signal and checks that it exits within `stop.grace` and did not crash.',
    properties: {
      name: {type: 'string', minLength: 1, description: 'Name shown in logs and reports (default: `service`).'},
      args: {
        ...command,
        description:
          'Arguments instead of the image’s CMD (the ENTRYPOINT stays). A string is split on whitespace; an array is taken as it is.'
      },
      env: {...env, description: 'Extra environment variables of the service.'},
      user: {type: 'string', minLength: 1, description: 'Run as this user instead of the image’s USER.'},
      workdir: {
        type: 'string',
        format: 'absolute-path',
        description: 'Working directory instead of the image’s WORKDIR.'
      },
      ports: {
        type: 'array',
        items: port,
        description:
          'Container ports to publish on the machine (default: the image’s EXPOSE ports and every port `ready` and the probes name).'
      },
      'run-as': {
        type: 'string',
        minLength: 1,
        description:
          'Start the service as production deploys it: `FILE` (a Kubernetes manifest or a Compose file, relative to the configuration file), `FILE#NAME` to choose the container (Kubernetes) or service (Compose). See [run-as](#run-as).'
      },
      'stand-ins': {
        ...env,
        description:
          'Values for environment variables that the `run-as` file does not give: a Kubernetes manifest’s from Secrets or ConfigMaps, a Compose file’s interpolated (`${VAR}`), host-taken (a key without a value) or from `env_file` (not reproducible; named in the plan and the report).'
      },
      ready: {
        type: 'object',
        additionalProperties: false,
        description:
          'When the service is ready: one of `healthcheck`, `tcp`, `http`, `log` (default: the image’s HEALTHCHECK if it has one, else the first port accepting TCP, else running).',
        properties: {
          healthcheck: {type: 'boolean', description: '`true`: wait until the image’s HEALTHCHECK reports healthy.'},
          tcp: {...port, description: 'Wait until this container port accepts a TCP connection.'},
          http: {$ref: '#/$defs/serviceHttp'},
          log: {
            type: 'string',
            minLength: 1,
            description: 'Wait until a line of the service’s output matches this regular expression.'
          },
          timeout: {
            type: 'string',
            format: 'duration',
            description: `Deadline, ${DURATION_HINT} (default: 30s, 150s under QEMU).`
          }
        }
      },
      probes: {
        type: 'array',
        items: {$ref: '#/$defs/serviceProbe'},
        description: 'Checks run in order once the service is ready; the test fails at the first that fails.'
      },
      stop: {
        type: 'object',
        additionalProperties: false,
        description: 'How the service is stopped.',
        properties: {
          grace: {
            type: 'string',
            format: 'duration',
            description: `Time the service has to exit after the image’s stop signal, ${DURATION_HINT} (default: 10s, 30s under QEMU).`
          }
        }
      },
      timeout: {
        type: 'string',
        format: 'duration',
        description: `Time limit of the whole service test, ${DURATION_HINT} (default: 5m, 15m under QEMU).`
      },
      platforms: {
        type: 'array',
        minItems: 1,
        items: {type: 'string', format: 'platform'},
        description: 'Run only on these platforms (default: every platform of the image).'
      }
    }
  },
  serviceHttp: {
    type: 'object',
    additionalProperties: false,
    required: ['path'],
    description: 'An HTTP request from the machine to a published port of the service.',
    properties: {
      path: {type: 'string', pattern: '^/', 'x-pattern-name': 'a path starting with /', description: 'Request path.'},
      port: {...port, description: 'Container port (default: the first published port).'},
      method: {
        type: 'string',
        enum: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
        default: 'GET',
        description: 'HTTP method.'
      },
      headers: {type: 'object', additionalProperties: {type: 'string'}, description: 'Request headers.'},
      body: {type: 'string', description: 'Request body.'},
      status: {type: 'integer', default: 200, description: 'Expected status code.'},
      'body-contains': {type: 'string', description: 'The response body must contain this text.'},
      'body-matches': {type: 'string', description: 'The response body must match this regular expression.'},
      json: {
        type: 'object',
        additionalProperties: {oneOf: [{type: 'string'}, {type: 'number'}, {type: 'boolean'}]},
        description:
          'The response body is JSON and each path (`status`, `items.0.name`, `$.a.b`) equals the given value.'
      }
    }
  },
  serviceProbe: {
    type: 'object',
    additionalProperties: false,
    description: 'One probe: exactly one of `http`, `exec`, `container`.',
    properties: {
      name: {type: 'string', minLength: 1, description: 'Name shown in logs and reports.'},
      http: {$ref: '#/$defs/serviceHttp'},
      exec: {
        ...command,
        description:
          'A command run inside the running service container (`docker exec`); must exit 0. A string runs through `/bin/sh -c`.'
      },
      container: {
        type: 'object',
        additionalProperties: false,
        required: ['image', 'run'],
        description:
          'A separate probe container on the service’s network, for images without a shell; the service is reachable as host `service`. Must exit 0.',
        properties: {
          image: {type: 'string', minLength: 1, description: 'The probe image (a local or pullable reference).'},
          run: {...command, description: 'The probe command (a string runs through `/bin/sh -c`).'}
        }
      },
      timeout: {
        type: 'string',
        format: 'duration',
        description: `Time limit of this probe, ${DURATION_HINT} (default: 10s, 50s under QEMU).`
      }
    }
  }
} as const satisfies Record<string, Schema>;
