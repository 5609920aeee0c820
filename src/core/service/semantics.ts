// Checks of `test.services` that the schema cannot say: one readiness kind, one probe kind, ports
// in range, regular expressions that compile, platforms the image has.

import {platformKey} from '../../oci/platform.js';
import type {Path} from '../config/positions.js';
import type {RawTestSuite} from '../config/raw.js';

type RawService = NonNullable<RawTestSuite['services']>[number];
type Report = (path: Path, message: string) => void;

const READY_KINDS = ['healthcheck', 'tcp', 'http', 'log'] as const;
const PROBE_KINDS = ['http', 'exec', 'container'] as const;

export function checkServices(services: RawService[] | undefined, platforms: string[], at: Path, error: Report): void {
  const built = new Set(platforms.map(platformKey));
  (services ?? []).forEach((service, i) => {
    const here: Path = [...at, i];
    const ready = service.ready ?? {};
    const kinds = READY_KINDS.filter(k => ready[k] !== undefined);
    if (kinds.length > 1)
      error(
        [...here, 'ready', kinds[1] ?? ''],
        `conflicting options: \`ready\` takes one of ${READY_KINDS.map(k => `\`${k}\``).join(', ')}; this one sets ${kinds.map(k => `\`${k}\``).join(' and ')}; keep one`
      );
    if (ready.log !== undefined) checkRegex(ready.log, [...here, 'ready', 'log'], error);
    for (const port of [...(service.ports ?? []).map((p, j) => [p, [...here, 'ports', j]] as const)])
      checkPort(port[0], port[1], error);
    if (ready.tcp !== undefined) checkPort(ready.tcp, [...here, 'ready', 'tcp'], error);
    if (ready.http) checkHttp(ready.http, [...here, 'ready', 'http'], error);
    (service.probes ?? []).forEach((probe, j) => {
      const probeAt: Path = [...here, 'probes', j];
      const set = PROBE_KINDS.filter(k => probe[k] !== undefined);
      if (set.length === 0)
        error(
          probeAt,
          `a probe needs one of ${PROBE_KINDS.map(k => `\`${k}\``).join(', ')}; add e.g. \`http: {path: /}\``
        );
      else if (set.length > 1)
        error(
          [...probeAt, set[1] ?? ''],
          `conflicting options: a probe is one of ${PROBE_KINDS.map(k => `\`${k}\``).join(', ')}; this one sets ${set.map(k => `\`${k}\``).join(' and ')}; split it into two probes`
        );
      if (probe.http) checkHttp(probe.http, [...probeAt, 'http'], error);
    });
    (service.platforms ?? []).forEach((p, j) => {
      if (!built.has(platformKey(p)))
        error(
          [...here, 'platforms', j],
          `service test platform ${p} is not one of the image's platforms (${platforms.join(', ')})`
        );
    });
  });
}

function checkHttp(http: NonNullable<RawService['probes']>[number]['http'], at: Path, error: Report): void {
  if (!http) return;
  if (http.port !== undefined) checkPort(http.port, [...at, 'port'], error);
  if (http.status !== undefined && (http.status < 100 || http.status > 599))
    error([...at, 'status'], `\`status\` ${http.status} is not an HTTP status; write one from 100 to 599, e.g. 200`);
  if (http['body-matches'] !== undefined) checkRegex(http['body-matches'], [...at, 'body-matches'], error);
}

function checkPort(port: number, at: Path, error: Report): void {
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    error(at, `port ${port} is not a TCP port; write one from 1 to 65535, e.g. 8080`);
}

function checkRegex(pattern: string, at: Path, error: Report): void {
  try {
    new RegExp(pattern);
  } catch (e) {
    error(
      at,
      `\`${pattern}\` is not a regular expression (${(e as Error).message}); fix it or escape the special characters`
    );
  }
}
