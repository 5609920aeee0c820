// Builds a Dockerfile image with buildx, every platform in one build, into the engine's containerd
// image store: the result is one index whose digest is what gets tested and pushed.

import {readFile} from 'node:fs/promises';
import {join, posix} from 'node:path';
import {localTagFor, type BuildInputs, type BuildOutcome, type ImageBuilder} from '../core/builder.js';
import {buildxBuildArgs, buildxCheckArgs} from '../core/docker-args.js';
import {parseCheckResult, type DockerfileFinding} from '../core/dockerfile-checks.js';
import {baseContexts} from '../core/dockerfile-refs.js';
import {UsageError} from '../core/errors.js';
import {keepLast, tail} from '../core/results.js';
import type {Log} from '../host/host.js';
import type {Docker} from './docker.js';
import type {TempDirs} from './temp.js';

export interface DockerfileBuilderOpts {
  docker: Docker;
  log: Log;
  temp: TempDirs;
  /** Reads the environment variable a build secret names. */
  variable: (name: string) => string | undefined;
  /** SOURCE_DATE_EPOCH, which buildx reads from its environment (image `created`, reproducible timestamps). */
  sourceDateEpoch?: string;
  /** GitHub's cache service is there: builds use `type=gha` cache unless the configuration names one. */
  githubCache?: boolean;
  /** A buildx builder to use instead of the current one. */
  builder?: string;
  /** Why build secrets may not read the job's environment on this run (then an image that needs one cannot build here). */
  secretsRefused?: string;
  /** Why this run has no registry credentials, added to a build failure that looks like it needed one. */
  credentialNote?: string;
}

export class DockerfileBuilder implements ImageBuilder {
  constructor(private readonly opts: DockerfileBuilderOpts) {}

  async build(inputs: BuildInputs): Promise<BuildOutcome> {
    const {image} = inputs;
    const refused = this.refusedSecret(inputs);
    if (refused) return {ok: false, reason: refused, outputTail: ''};
    const buildEnv = this.buildEnv(inputs);
    let buildContexts: Record<string, string> = {};
    if (inputs.base) {
      const file = posix.resolve(inputs.baseDir, image.context, image.containerfile);
      const text = await readFile(file, 'utf8').catch(() => undefined);
      // An unreadable Dockerfile fails the build itself, with buildx's own message.
      const mapped = text === undefined ? undefined : baseContexts(text, image.buildArgs, inputs.base, file);
      if (mapped && !mapped.ok) return {ok: false, reason: mapped.error, outputTail: ''};
      buildContexts = mapped?.value ?? {[inputs.base.repository]: inputs.base.built.localRef};
      this.opts.log.info(
        `${image.name}: ${Object.keys(buildContexts).join(', ')} → the tested ${inputs.base.built.name} (${inputs.base.built.digest})`
      );
    }
    const runTag = localTagFor(image.name, inputs.runId);
    return this.opts.temp.with('build', async dir => {
      const metadataFile = join(dir, 'metadata.json');
      const cache = this.githubCache(image.name, inputs.split);
      const args = buildxBuildArgs({
        image,
        baseDir: inputs.baseDir,
        tags: [runTag],
        load: true,
        metadataFile,
        oci: inputs.oci,
        buildContexts,
        imageContexts: Object.fromEntries(Object.entries(inputs.contexts ?? {}).map(([n, b]) => [n, b.localRef])),
        ...(this.opts.builder ? {builder: this.opts.builder} : {}),
        ...(cache ? {defaultCache: cache} : {})
      });
      const checks = image.build?.checks ? await this.check(args, buildEnv) : undefined;
      const withChecks = (outcome: BuildOutcome): BuildOutcome => (checks ? {...outcome, checks} : outcome);
      if (checks && image.build?.checks === 'error' && checks.length)
        return withChecks({
          ok: false,
          reason: `the Dockerfile checks found ${checks.length} problem(s): ${checks.map(c => c.rule).join(', ')} (dockerfile-checks: error)`,
          outputTail: ''
        });
      let output = '';
      const started = Date.now();
      const result = await this.opts.docker.run(args, {
        stream: true,
        env: buildEnv,
        onOutput: chunk => void (output = keepLast(output + chunk, 16000))
      });
      const buildMs = Date.now() - started;
      if (result.exitCode !== 0)
        return withChecks({
          ok: false,
          reason: buildFailure(output, this.opts.credentialNote),
          outputTail: tail(output)
        });
      const metadata = JSON.parse(await readFile(metadataFile, 'utf8')) as {'containerimage.digest'?: string};
      const digest = metadata['containerimage.digest'];
      const inspect = await this.opts.docker.output([
        'image',
        'inspect',
        '--format',
        '{{.Id}} {{.Config.User}}',
        runTag
      ]);
      const [id = '', user = ''] = inspect.trim().split(' ');
      if (!digest || digest !== id) {
        return {
          ok: false,
          reason: `buildx reported digest ${digest ?? '(none)'} but the engine holds ${id}`,
          outputTail: tail(output)
        };
      }
      // The run's own tag names exactly the tested digest (checked above), and nothing else uses it.
      return withChecks({
        ok: true,
        image: {name: image.name, digest, localRef: runTag, platforms: image.platforms, user, buildMs}
      });
    });
  }

  /** `buildx build --call check`: the findings; a buildx without it is one finding that says so. */
  private async check(args: string[], env: Record<string, string>): Promise<DockerfileFinding[]> {
    const result = await this.opts.docker.run(buildxCheckArgs(args), {env});
    if (/unknown flag: --call/.test(result.stderr))
      return [
        {
          rule: 'unavailable',
          message: 'this buildx has no `--call check` (buildx 0.15 or later runs the Dockerfile checks)'
        }
      ];
    return parseCheckResult(result.stdout);
  }

  private refusedSecret(inputs: BuildInputs): string | undefined {
    const why = this.opts.secretsRefused;
    if (why && inputs.image.build?.ssh?.length)
      return `\`ssh: [${inputs.image.build.ssh.join(', ')}]\` forwards the job's SSH agent, which no build gets on this run (${why}); this image cannot be built and tested here, and nothing of it is pushed`;
    const secret = why ? inputs.image.secrets.find(s => 'env' in s) : undefined;
    if (!why || !secret || !('env' in secret)) return undefined;
    return `secret \`${secret.id}\` reads ${secret.env} from the job's environment, which no build gets on this run (${why}); this image cannot be built and tested here, and nothing of it is pushed`;
  }

  /** What buildx reads from its environment: env secrets (masked) and SOURCE_DATE_EPOCH, nothing else of ours. */
  private buildEnv(inputs: BuildInputs): Record<string, string> {
    const env: Record<string, string> = {};
    for (const secret of inputs.image.secrets) {
      if (!('env' in secret)) continue;
      const value = this.opts.variable(secret.env);
      if (value === undefined) {
        throw new UsageError(
          `image ${inputs.image.name}: secret \`${secret.id}\` reads the environment variable ${secret.env}, which is not set; export it before running imagegate`
        );
      }
      this.opts.log.mask(value);
      env[secret.env] = value;
    }
    if (this.opts.sourceDateEpoch !== undefined) env.SOURCE_DATE_EPOCH = this.opts.sourceDateEpoch;
    return env;
  }

  /** One cache scope per image, and per platform in a split build, so platform jobs do not evict each other. */
  private githubCache(name: string, split: string | undefined): {from: string[]; to: string[]} | undefined {
    if (!this.opts.githubCache) return undefined;
    const scope = `imagegate-${name}${split ? `-${split.replace(/\//g, '-')}` : ''}`;
    return {from: [`type=gha,scope=${scope}`], to: [`type=gha,mode=max,scope=${scope}`]};
  }
}

const LOOKS_LIKE_AUTH = /\b401\b|unauthori[sz]ed|authentication required|denied/i;

function buildFailure(output: string, credentialNote: string | undefined): string {
  const line = output
    .split('\n')
    .reverse()
    .find(l => /ERROR|error:/.test(l));
  const reason = line
    ? `build failed: ${line.replace(/^.*?ERROR:?\s*/, '').trim()}`
    : 'build failed (see the build log above)';
  return credentialNote && LOOKS_LIKE_AUTH.test(output) ? `${reason} (${credentialNote})` : reason;
}
