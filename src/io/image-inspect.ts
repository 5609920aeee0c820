// Reads a built image without running anything in it: a container is created (never started) on
// one platform, its config read with `docker container inspect` and its paths with `docker cp …
// -` (a tar stream), so it works on distroless and `scratch` images alike.

import {randomBytes} from 'node:crypto';
import {CONTENT_LIMIT, factsFromInspect, firstTarEntry, type ImageFacts, type TarEntry} from '../core/image-checks.js';
import {dockerStartFailure} from '../core/results.js';
import {lastLine} from '../core/text.js';
import type {Docker} from './docker.js';
import {onInterrupt} from './interrupts.js';
import {unstartedContainerArgs} from '../core/docker-args.js';

export interface ImageView {
  facts(): Promise<ImageFacts>;
  /** The path's entry; undefined when the image has no such path. */
  read(path: string): Promise<TarEntry | undefined>;
}

export class ImageReadError extends Error {}

/** Runs `use` with a view of `ref` on `platform`; the container is removed afterwards. */
export async function withImageView<T>(
  docker: Docker,
  ref: string,
  platform: string,
  use: (view: ImageView) => Promise<T>
): Promise<T> {
  const name = `imagegate-inspect-${randomBytes(6).toString('hex')}`;
  const create = unstartedContainerArgs(name, platform);
  const withdraw = onInterrupt(() => docker.run(['rm', '--force', name]));
  let created = await docker.run([...create, ref]);
  // An image with neither ENTRYPOINT nor CMD (scratch) needs a command to be created; it never runs.
  let noCommand = false;
  if (created.exitCode !== 0 && /no command specified/i.test(created.stderr)) {
    noCommand = true;
    created = await docker.run([...create, ref, '/imagegate-never-run']);
  }
  if (created.exitCode !== 0) {
    withdraw();
    throw new ImageReadError(
      `could not read the image on ${platform}: ${dockerStartFailure(created.stderr || created.stdout)}`
    );
  }
  try {
    let facts: ImageFacts | undefined;
    const view: ImageView = {
      facts: async () => {
        if (facts) return facts;
        const inspect = await docker.run(['container', 'inspect', '--format', '{{json .Config}}', name]);
        if (inspect.exitCode !== 0)
          throw new ImageReadError(`could not read the image config on ${platform}: ${lastLine(inspect.stderr)}`);
        const config = JSON.parse(inspect.stdout) as Record<string, unknown>;
        if (noCommand) Object.assign(config, {Entrypoint: null, Cmd: null});
        facts = factsFromInspect(config, await configPlatform(docker, ref, platform));
        return facts;
      },
      read: async path => {
        const chunks: Buffer[] = [];
        let kept = 0;
        const result = await docker.run(['cp', `${name}:${path}`, '-'], {
          onStdoutBytes: chunk => {
            // The first entry and its content are all a check reads; a directory streams everything below it.
            if (kept > CONTENT_LIMIT + 64 * 1024) return;
            chunks.push(chunk);
            kept += chunk.length;
          }
        });
        if (result.exitCode !== 0) {
          if (/could not find the file|no such file or directory|not found/i.test(result.stderr)) return undefined;
          throw new ImageReadError(`could not read ${path} from the image on ${platform}: ${lastLine(result.stderr)}`);
        }
        return firstTarEntry(Buffer.concat(chunks));
      }
    };
    return await use(view);
  } finally {
    await docker.run(['rm', '--force', name]);
    withdraw();
  }
}

/** `os/arch[/variant]` of the image config of `platform`, where docker can say it (`image inspect --platform`, Docker 28.1+). */
async function configPlatform(docker: Docker, ref: string, platform: string): Promise<string | undefined> {
  const format = '{{.Os}}/{{.Architecture}}{{if .Variant}}/{{.Variant}}{{end}}';
  const inspect = await docker.run(['image', 'inspect', '--platform', platform, '--format', format, ref]);
  return inspect.exitCode === 0 ? inspect.stdout.trim() : undefined;
}
