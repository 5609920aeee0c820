// Images a test needs in a registry before imagegate runs (a published base, a tool image), built
// for both testbed platforms with buildx straight from the given files and pushed.
import {execFileSync} from 'node:child_process';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

/** Builds `files` (a `Dockerfile` among them; a `#!` file is made executable) for amd64 and arm64 and pushes `ref`. */
export function pushImage(ref: string, files: Record<string, string>): void {
  const dir = mkdtempSync(join(tmpdir(), 'imagegate-pushed-image-'));
  for (const [name, text] of Object.entries(files))
    writeFileSync(join(dir, name), text, {mode: text.startsWith('#!') ? 0o755 : 0o644});
  execFileSync(
    'docker',
    ['buildx', 'build', '-q', '--platform', 'linux/amd64,linux/arm64', '--provenance=false', '--push', '-t', ref, dir],
    {stdio: ['ignore', 'ignore', 'inherit']}
  );
}
