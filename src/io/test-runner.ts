// Runs the configured tests inside the exact built image, on every platform, each command in a
// fresh container, with the image's own USER, WORKDIR and ENV unless the test says otherwise.

import {randomBytes} from 'node:crypto';
import {resolve} from 'node:path';
import {LOCAL_REGISTRY, type BuiltImage} from '../core/builder.js';
import type {ImageConfig, TestCommand} from '../core/config/types.js';
import {dockerRunArgs, setupContainerfile} from '../core/docker-args.js';
import {dockerStartFailure, keepLast, tail, type PlatformResult, type TestResult} from '../core/results.js';
import {testsForPlatform} from '../core/test-plan.js';
import type {Log} from '../host/host.js';
import {describeForeign, executablesTestName} from '../core/executables.js';
import {emulationFor, unregisteredEmulation} from './binfmt.js';
import {checkExecutables} from './executables.js';
import type {Docker} from './docker.js';
import type {TempDirs} from './temp.js';
import {ServiceRunner} from './service-runner.js';
import {servicesForPlatform} from '../core/test-plan.js';
import {lastLine} from '../core/text.js';
import {commandFailures, setupFailure} from '../core/image-checks.js';
import {checkSummary, hasImageChecks, runImageChecks} from './check-runner.js';
import {withImageView} from './image-inspect.js';
import {runLanes, type LaneTask} from './test-lanes.js';
import {onInterrupt} from './interrupts.js';

export interface TestRunnerOpts {
  docker: Docker;
  log: Log;
  temp: TempDirs;
  binfmtDir?: string;
  /** DOCKER_HOST: where a service test's published ports are reached. */
  dockerHost?: string;
}

/** What one task of a platform's lane found. */
interface LaneValue {
  tests: TestResult[];
  executables?: PlatformResult['executables'];
}

// What a test's log group keeps of its output.
const LOG_CHARS = 64000;

export class TestRunner {
  private readonly services: ServiceRunner;

  constructor(private readonly opts: TestRunnerOpts) {
    this.services = new ServiceRunner({
      docker: opts.docker,
      ...(opts.dockerHost !== undefined ? {dockerHost: opts.dockerHost} : {})
    });
  }

  /** `baseDir`: the configuration file's directory (mount sources are relative to it). */
  async run(image: ImageConfig, built: BuiltImage, baseDir: string): Promise<PlatformResult[]> {
    const target = image.test.setup.length ? await this.setupDerivative(image, built, baseDir) : {ref: built.localRef};
    if (built.platforms.some(p => servicesForPlatform(image, p).length)) this.services.prefetch(target.ref);
    try {
      const lanes = await Promise.all(
        built.platforms.map(platform => this.lane(image, built, platform, target, baseDir))
      );
      const outcomes = await runLanes(
        this.opts.log,
        lanes.map(l => l.tasks),
        image.test.concurrency ?? Math.max(1, built.platforms.length)
      );
      return lanes.map(({platform, emulated}, i): PlatformResult => {
        const {values, durationMs} = outcomes[i]!;
        const result: PlatformResult = {platform, emulated, tests: values.flatMap(v => v.tests), durationMs};
        const figures = values.find(v => v.executables)?.executables;
        if (figures) result.executables = figures;
        return result;
      });
    } finally {
      if (target.ref !== built.localRef) await this.opts.docker.run(['image', 'rm', target.ref]);
    }
  }

  /**
   * One platform's tests, in the order their results and logs keep: the commands, the services,
   * the file and metadata checks, the executables check. Each command and service runs in a fresh
   * container of its own (the mount is read-only), so none depends on another and they may run
   * at once.
   */
  private async lane(
    image: ImageConfig,
    built: BuiltImage,
    platform: string,
    target: {ref: string; error?: string},
    baseDir: string
  ): Promise<{platform: string; emulated: boolean; tasks: LaneTask<LaneValue>[]}> {
    const emulation = await emulationFor(platform, this.opts.binfmtDir);
    const emulated = !emulation.native;
    const blocked = target.error ?? (!emulation.native && !emulation.ready ? emulation.fix : undefined);
    const tasks: LaneTask<LaneValue>[] = [];
    const blockedTest = (name: string, error: string): LaneTask<LaneValue> => ({
      run: () => Promise.resolve({tests: [{name, platform, status: 'error', durationMs: 0, outputTail: '', error}]})
    });
    for (const command of testsForPlatform(image, platform)) {
      if (blocked) {
        tasks.push(blockedTest(command.name, blocked));
        continue;
      }
      tasks.push({
        run: async log => {
          const {result, log: output} = await this.runCommand(image, platform, command, target.ref, baseDir);
          if (!emulation.native && emulation.ready && emulation.checked === false && result.status === 'failed') {
            const error = unregisteredEmulation(platform, result.outputTail);
            if (error) result.error = error;
          }
          await log.group(`test ${image.name} ${platform}: ${command.name} — ${result.status}`, async () => {
            log.verbatim(output);
          });
          return {tests: [result]};
        }
      });
    }
    for (const service of servicesForPlatform(image, platform)) {
      if (blocked) {
        tasks.push(blockedTest(`service: ${service.name}`, blocked));
        continue;
      }
      tasks.push({
        run: async log => {
          const {result, log: output} = await this.services.run(service, target.ref, platform, emulated);
          await log.group(
            `test ${image.name} ${platform}: service ${service.name} — ${result.status}${result.error ? `: ${result.error}` : ''}`,
            async () => {
              log.verbatim(output);
            }
          );
          return {tests: [result]};
        }
      });
    }
    if (blocked)
      tasks.push({
        run: log => {
          log.error(`${image.name} ${platform}: ${blocked}`);
          return Promise.resolve({tests: []});
        }
      });
    if (hasImageChecks(image, platform))
      tasks.push({
        reads: true,
        run: async log => {
          // Read from the built image itself: the setup derivative holds test-only tooling.
          const checks = await runImageChecks(this.opts.docker, image, built.localRef, platform);
          await log.group(`checks ${image.name} ${platform}: ${checkSummary(checks)}`, async () => {
            log.verbatim(checks.map(c => `${c.status.padEnd(7)} ${c.name}${c.error ? `: ${c.error}` : ''}`).join('\n'));
          });
          return {tests: checks};
        }
      });
    // The built image's own files (not the setup derivative's).
    if (image.executables?.check !== false)
      tasks.push({reads: true, run: log => this.executables(log, image, built, platform)});
    return {platform, emulated, tasks};
  }

  /** The executables check of one platform: a failed test when a file is for another machine. */
  private async executables(log: Log, image: ImageConfig, built: BuiltImage, platform: string): Promise<LaneValue> {
    const outcome = await checkExecutables(this.opts.docker, built.localRef, platform, image.executables?.ignore ?? []);
    const name = executablesTestName(platform);
    if (outcome.ok === 'unknown-platform') {
      log.info(`${image.name} ${platform}: the executables check does not know this platform's machine type; skipped`);
      return {tests: []};
    }
    if (outcome.ok === false) {
      log.error(`${image.name} ${platform}: ${outcome.error}`);
      return {
        tests: [{name, platform, status: 'error', durationMs: outcome.durationMs, outputTail: '', error: outcome.error}]
      };
    }
    const {finding, durationMs} = outcome;
    const figures = {checked: finding.checked, elf: finding.elf, ignored: finding.ignored, durationMs};
    if (!finding.foreign.length) {
      log.info(
        `${image.name} ${platform}: executables check passed: ${finding.elf} ELF of ${finding.checked} executable file(s)${finding.ignored ? `, ${finding.ignored} foreign one(s) ignored (executables.ignore)` : ''}, ${(durationMs / 1000).toFixed(1)}s`
      );
      return {tests: [], executables: figures};
    }
    const error = describeForeign(finding);
    log.error(`${image.name} ${platform}: ${error}`);
    const outputTail = finding.foreign.map(f => `${f.path}: ${f.architecture}, not for ${platform}`).join('\n');
    return {tests: [{name, platform, status: 'failed', durationMs, outputTail, error}], executables: figures};
  }

  private async runCommand(
    image: ImageConfig,
    platform: string,
    command: TestCommand,
    ref: string,
    baseDir: string
  ): Promise<{result: TestResult; log: string}> {
    const name = `imagegate-test-${randomBytes(6).toString('hex')}`;
    const mounts = image.test.mount
      ? [{source: resolve(baseDir, image.test.mount.source), target: image.test.mount.target}]
      : [];
    const args = dockerRunArgs({
      image: ref,
      platform,
      command: command.run ?? (command.args ? await this.asIsCommand(ref, platform, command.args) : undefined),
      entrypoint: command.entrypoint,
      env: command.env,
      name,
      runId: name,
      mounts,
      launcher: image.builder.kind === 'buildpacks',
      ...(command.contract ? {contract: command.contract} : {}),
      ...(command.user !== undefined ? {user: command.user} : {}),
      ...(command.workdir !== undefined ? {workdir: command.workdir} : {})
    });
    let output = '';
    let log = `$ docker ${args.join(' ')}\n`;
    let timedOut = false;
    const started = Date.now();
    const timer = setTimeout(() => {
      timedOut = true;
      void this.opts.docker.run(['kill', name]);
    }, command.timeoutMs);
    const withdraw = onInterrupt(() => this.opts.docker.run(['rm', '--force', name]));
    try {
      const result = await this.opts.docker.run(args, {
        onOutput: chunk => {
          output = keepLast(output + chunk, 8000);
          log = keepLast(log + chunk, LOG_CHARS);
        }
      });
      const durationMs = Date.now() - started;
      const base = {name: command.name, platform, exitCode: result.exitCode, durationMs, outputTail: tail(output)};
      log += `\n(exit code ${result.exitCode}, ${(durationMs / 1000).toFixed(1)}s)`;
      if (timedOut)
        return {result: {...base, status: 'timed-out', error: `timed out after ${command.timeoutMs / 1000}s`}, log};
      // 125: docker itself failed (no such image, bad flag); 126/127: the command could not start.
      if (result.exitCode === 125) {
        return {
          result: {
            ...base,
            status: 'error',
            error: `docker could not start the container: ${dockerStartFailure(output)}`
          },
          log
        };
      }
      if (!command.expect) return {result: {...base, status: result.exitCode === 0 ? 'passed' : 'failed'}, log};
      const failures = commandFailures(command.expect, result);
      if (failures.length) log += `\n${failures.join('\n')}`;
      return {
        result: {
          ...base,
          status: failures.length ? 'failed' : 'passed',
          ...(failures.length ? {error: failures.join('; ')} : {})
        },
        log
      };
    } finally {
      clearTimeout(timer);
      withdraw();
    }
  }

  /** The image's CMD with `args` after it: `docker run IMAGE ARGS…` would replace the CMD. */
  private async asIsCommand(ref: string, platform: string, args: string[]): Promise<string[]> {
    const facts = await withImageView(this.opts.docker, ref, platform, view => view.facts());
    return [...facts.cmd, ...args];
  }

  /**
   * Test-only tooling goes into a throwaway derivative; the built image itself stays untouched. The
   * `test.mount` directory is the setup's build context, bind-mounted read-only at the mount's target
   * in every step (tooling kept in the repository installs from there), never copied into a layer.
   */
  private async setupDerivative(
    image: ImageConfig,
    built: BuiltImage,
    baseDir: string
  ): Promise<{ref: string; error?: string}> {
    const ref = `${LOCAL_REGISTRY}/${image.name}-test:${built.digest.replace(/^sha256:/, '').slice(0, 32)}`;
    const platform = built.platforms[0];
    if (platform && image.test.setup.some(step => typeof step === 'string')) {
      const shell = await withImageView(this.opts.docker, built.localRef, platform, view => view.read('/bin/sh')).catch(
        () => true
      );
      if (!shell) return {ref: built.localRef, error: setupFailure('/bin/sh: no such file or directory', '')};
    }
    return this.opts.temp.with('setup', dir =>
      this.opts.log.group(`test setup ${image.name}`, async () => {
        const mount = image.test.mount;
        const containerfile = setupContainerfile(built.localRef, image.test.setup, built.user, mount?.target);
        const args = [
          'buildx',
          'build',
          '--platform',
          built.platforms.join(','),
          '--provenance=false',
          '--load',
          '--tag',
          ref,
          '--file',
          '-',
          mount ? resolve(baseDir, mount.source) : dir
        ];
        let output = '';
        const result = await this.opts.docker.run(args, {
          stream: true,
          input: containerfile,
          onOutput: c => void (output = keepLast(output + c, 8000))
        });
        if (result.exitCode !== 0) return {ref: built.localRef, error: setupFailure(output, lastLine(output))};
        return {ref};
      })
    );
  }
}
