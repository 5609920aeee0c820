// Reads one platform's image filesystem as a tar stream (`docker export` of a container created,
// never started, from the built image: the layers with their whiteouts applied) and checks the
// machine type of every executable in it. Nothing runs inside the image, so distroless and
// scratch images are checked the same way; nothing is unpacked to disk.

import {randomBytes} from 'node:crypto';
import {ExecutablesCheck, type ExecutablesFinding} from '../core/executables.js';
import {TarScanner} from '../core/tar-scan.js';
import {lastLine} from '../core/text.js';
import type {Docker} from './docker.js';
import {onInterrupt} from './interrupts.js';
import {unstartedContainerArgs} from '../core/docker-args.js';

export type ExecutablesOutcome =
  | {ok: true; finding: ExecutablesFinding; durationMs: number}
  | {ok: false; error: string; durationMs: number}
  /** This check does not know the platform's machine type. */
  | {ok: 'unknown-platform'};

export async function checkExecutables(
  docker: Docker,
  ref: string,
  platform: string,
  ignore: string[]
): Promise<ExecutablesOutcome> {
  const check = ExecutablesCheck.for(platform, ignore);
  if (!check) return {ok: 'unknown-platform'};
  const started = Date.now();
  const name = `imagegate-executables-${randomBytes(6).toString('hex')}`;
  // The entrypoint is never started: `create` only needs one for an image without ENTRYPOINT or CMD.
  const withdraw = onInterrupt(() => docker.run(['rm', '--force', name]));
  const created = await docker.run([
    ...unstartedContainerArgs(name, platform),
    '--entrypoint',
    '/imagegate-never-started',
    ref
  ]);
  if (created.exitCode !== 0) {
    withdraw();
    return {
      ok: false,
      error: `could not read the ${platform} image's files: docker create failed: ${lastLine(created.stderr)}`,
      durationMs: Date.now() - started
    };
  }
  try {
    const scanner = new TarScanner(entry => check.add(entry), ExecutablesCheck.headBytes);
    const exported = await docker.run(['export', name], {onStdoutBytes: chunk => scanner.push(chunk)});
    if (exported.exitCode !== 0)
      return {
        ok: false,
        error: `could not read the ${platform} image's files: docker export failed: ${lastLine(exported.stderr)}`,
        durationMs: Date.now() - started
      };
    scanner.end();
    return {ok: true, finding: check.result(), durationMs: Date.now() - started};
  } finally {
    await docker.run(['rm', '--force', name]);
    withdraw();
  }
}
