// What the service-test integration tests share: the gate run in-process with its JSON report, the
// containers and networks of service tests that exist now, and each platform's service results.
import {execFileSync} from 'node:child_process';
import type {RunReport} from '../../../src/core/results.js';
import {runCli} from '../../helpers/cli.js';

/** `imagegate gate --json` in `dir`; `env` adds to PATH and HOME (e.g. DOCKER_HOST). */
export async function gate(dir: string, env: Record<string, string> = {}) {
  const result = await runCli(['gate', '--json'], {
    cwd: dir,
    env: {PATH: process.env.PATH, HOME: process.env.HOME, ...env}
  });
  const report = result.stdout ? (JSON.parse(result.stdout) as RunReport) : undefined;
  return {...result, report: report!};
}

/** Containers and networks of service tests (label imagegate.run) that exist now. */
export function leftovers(): string[] {
  const containers = execFileSync('docker', ['ps', '-aq', '--filter', 'label=imagegate.run'], {encoding: 'utf8'});
  const networks = execFileSync('docker', ['network', 'ls', '-q', '--filter', 'label=imagegate.run'], {
    encoding: 'utf8'
  });
  return [...containers.split('\n'), ...networks.split('\n')].filter(Boolean);
}

/** Per platform of the first image: each service test's status and error. */
export const services = (report: RunReport) =>
  report.images[0]!.platforms.map(p => [
    p.platform,
    p.tests.filter(t => t.name.startsWith('service: ')).map(t => [t.status, t.error ?? ''])
  ]);
