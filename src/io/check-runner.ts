// Runs the `files` and `metadata` checks of one platform against the built image itself (never the
// setup derivative, never the build context), one result per check.

import type {ImageConfig} from '../core/config/types.js';
import {fileFailures, metadataOutcomes} from '../core/image-checks.js';
import type {TestResult} from '../core/results.js';
import {samePlatformText} from '../oci/platform.js';
import type {Docker} from './docker.js';
import {withImageView} from './image-inspect.js';

const applies = (platforms: string[] | undefined, platform: string): boolean =>
  !platforms || platforms.some(p => samePlatformText(p, platform));

export function hasImageChecks(image: ImageConfig, platform: string): boolean {
  return (
    (image.test.files ?? []).some(f => applies(f.platforms, platform)) ||
    (image.test.metadata !== undefined && applies(image.test.metadata.platforms, platform))
  );
}

export async function runImageChecks(
  docker: Docker,
  image: ImageConfig,
  ref: string,
  platform: string
): Promise<TestResult[]> {
  const files = (image.test.files ?? [])
    .map((check, i) => ({check, at: `test.files[${i}]`}))
    .filter(f => applies(f.check.platforms, platform));
  const metadata =
    image.test.metadata && applies(image.test.metadata.platforms, platform) ? image.test.metadata : undefined;
  const results: TestResult[] = [];
  const started = Date.now();
  const result = (name: string, at: string, failures: string[], t0: number): TestResult => ({
    name,
    platform,
    status: failures.length ? 'failed' : 'passed',
    durationMs: Date.now() - t0,
    outputTail: '',
    at,
    ...(failures.length ? {error: failures.join('; ')} : {})
  });
  try {
    await withImageView(docker, ref, platform, async view => {
      for (const {check, at} of files) {
        const t0 = Date.now();
        try {
          results.push(result(check.name, at, fileFailures(check, await view.read(check.path)), t0));
        } catch (e) {
          results.push({...result(check.name, at, [], t0), status: 'error', error: message(e)});
        }
      }
      if (!metadata) return;
      const t0 = Date.now();
      const facts = await view.facts();
      const passwd =
        metadata.nonRoot !== undefined && /^[^0-9:][^:]*/.test(facts.user) && facts.user.split(':')[0] !== 'root'
          ? (await view.read('/etc/passwd'))?.content.toString('utf8')
          : undefined;
      for (const outcome of metadataOutcomes(metadata, facts, platform, passwd)) {
        const at = ['env', 'labels'].includes(outcome.key)
          ? `test.metadata.${outcome.key}.${outcome.name.split(' ').slice(2).join(' ')}`
          : `test.metadata.${outcome.key}`;
        results.push(result(outcome.name, at, outcome.failures, t0));
      }
    });
  } catch (e) {
    // The image could not be read at all: every check of this platform is an error, with the reason.
    const names = [
      ...files.map(f => ({name: f.check.name, at: f.at})),
      ...(metadata ? [{name: 'metadata', at: 'test.metadata'}] : [])
    ];
    for (const {name, at} of names.filter(n => !results.some(r => r.name === n.name)))
      results.push({
        name,
        platform,
        status: 'error',
        durationMs: Date.now() - started,
        outputTail: '',
        at,
        error: message(e)
      });
  }
  return results;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** `3 passed, 1 failed` */
export function checkSummary(results: TestResult[]): string {
  const counts = new Map<string, number>();
  for (const r of results) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  return [...counts].map(([status, n]) => `${n} ${status}`).join(', ');
}
