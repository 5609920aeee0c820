// The GitHub Action entry point: inputs → the same code path as the CLI → step outputs, summary,
// annotations and the exit code. The root action runs `command` (default: the inferred scenario);
// the sub-actions components/gate and components/promote run a fixed step (see core/trust.ts).

import * as core from '@actions/core';
import {join, relative, resolve} from 'node:path';
import {runGate} from '../app/gate.js';
import {runMerge, type MergeReport} from '../app/merge.js';
import {makePlan} from '../app/plan.js';
import {runPromote} from '../app/promote.js';
import {renderPromoteText} from '../app/promote-summary.js';
import {failureAnnotations} from '../core/annotations.js';
import {ConfigError, EXIT, ImagegateError, UsageError} from '../core/errors.js';
import {stepScenario, type StepKind} from '../core/trust.js';
import {createScratch, dockerConfigPath, snapshotDockerConfig} from '../io/run-scratch.js';
import {renderPlanMarkdown, renderPlanText} from '../core/render-plan.js';
import type {RunReport} from '../core/results.js';
import {parseScenario, type Fact, type Scenario} from '../core/scenario.js';
import {renderRunMarkdown, renderRunText} from '../core/summary.js';
import {GitHubReporter} from '../host/github.js';
import {DEFAULT_RECORDS_DIR} from '../core/split.js';

const COMMANDS = ['plan', 'run', 'check', 'gate', 'merge', 'promote', 'release'];

/** What the post step reads back (GITHUB_STATE → STATE_<name>). */
export const STATE = {post: 'isPost', scratch: 'scratch', dockerConfig: 'docker-config'} as const;

/** The root action (`run`: the `command` input decides) or a sub-action's fixed step. */
export type Entry = 'run' | StepKind;

export async function runAction(entry: Entry = 'run'): Promise<void> {
  core.saveState(STATE.post, 'true');
  const cwd = resolve(core.getInput('working-directory') || '.');
  try {
    const scratch = await prepareRun();
    const command = entry === 'run' ? core.getInput('command') || 'run' : entry;
    if (!COMMANDS.includes(command))
      throw new UsageError(`input \`command: ${command}\` is not one of ${COMMANDS.join(', ')}`);
    const scenario = entry === 'run' && command !== 'merge' ? scenarioInput(command) : undefined;
    const config = core.getInput('config') || undefined;
    const allow = booleanInput('allow-pull-request-target-push');
    const {plan, loaded, inference, notices} = await makePlan({
      cwd,
      env: process.env,
      configPath: config,
      ...(scenario ? {scenario} : {}),
      ...(entry !== 'run' ? {scenarioFor: inf => scenarioOf(stepScenario(entry, inf))} : {}),
      ...(command === 'merge' ? {scenarioFor: inf => scenarioOf(stepScenario('gate', inf))} : {}),
      ...(allow !== undefined ? {allowPullRequestTargetPush: allow} : {})
    });
    notices.forEach(n => core.warning(n));
    plan.warnings.forEach(w => core.warning(w));
    core.setOutput('scenario', plan.scenario.value);
    core.setOutput('plan', JSON.stringify(plan));
    if (plan.refusal) throw new UsageError(plan.refusal);
    if (!plan.trusted) core.notice(`imagegate ${plan.scenario.value}, no registry writes: ${plan.reason}`);
    const step = entry === 'promote' ? stepScenario('promote', inference) : undefined;
    if (step && 'skip' in step) {
      core.notice(step.skip);
      core.setOutput('pushed', 'false');
      await core.summary.addRaw(`### imagegate promote: nothing to do\n\n${step.skip}\n`).write();
      return;
    }
    if (command === 'plan') {
      core.info(renderPlanText(plan));
      core.setOutput('pushed', 'false');
      await core.summary.addRaw(renderPlanMarkdown(plan)).write();
      return;
    }
    const chosen = plan.scenario.value;
    const reporter = new GitHubReporter();
    if (command === 'merge') {
      if (chosen !== 'gate') {
        core.notice(`imagegate merge: nothing to merge on this event; the platform jobs only checked (${plan.reason})`);
        core.setOutput('pushed', 'false');
        return;
      }
      setMergeOutputs(
        await runMerge({loaded, plan, reporter, env: process.env, recordsDir: resolve(cwd, recordsInput())})
      );
      return;
    }
    if (chosen === 'promote' || chosen === 'release') {
      const report = await runPromote({loaded, plan, scenario: chosen, reporter, env: process.env});
      core.setOutput('refs', report.refs.join('\n'));
      core.setOutput('tags', report.images.flatMap(i => i.tags.map(t => t.ref)).join('\n'));
      core.setOutput(
        'digest',
        report.images.length === 1
          ? report.images[0]!.digest
          : JSON.stringify(Object.fromEntries(report.images.map(i => [i.name, i.digest])))
      );
      core.setOutput('pushed', String(report.refs.length > 0));
      core.setOutput('results', JSON.stringify(report));
      core.info(renderPromoteText(report));
      await core.summary.addRaw(`### imagegate ${chosen}\n\n\`\`\`\n${renderPromoteText(report)}\`\`\`\n`).write();
      return;
    }
    const junit = join(scratch, 'imagegate-junit.xml');
    const parallel = Number(core.getInput('parallel') || '2');
    if (!Number.isInteger(parallel) || parallel < 1)
      throw new UsageError(`input \`parallel: ${core.getInput('parallel')}\` must be a whole number of 1 or more`);
    const platform = core.getInput('platform').trim();
    const builder = core.getInput('builder').trim();
    const report = await runGate({
      loaded,
      plan,
      scenario: chosen,
      reporter,
      env: process.env,
      parallel,
      junitFile: junit,
      ...(platform ? {platform, recordsDir: resolve(cwd, recordsInput())} : {}),
      ...(builder ? {buildxBuilder: builder} : {})
    });
    setRunOutputs(report, junit);
    if (report.records) core.setOutput('records', resolve(cwd, recordsInput()));
    core.info(renderRunText(report));
    await core.summary.addRaw(renderRunMarkdown(report)).write();
    if (!report.images.every(i => i.status === 'passed')) {
      const file = relative(process.env.GITHUB_WORKSPACE || cwd, loaded.path);
      for (const a of failureAnnotations(report.images, loaded.config, loaded.source))
        core.error(a.message, a.line ? {file, startLine: a.line, ...(a.col ? {startColumn: a.col} : {})} : {file});
      core.setFailed(`imagegate ${chosen}: not every test passed${chosen === 'gate' ? '; nothing was pushed' : ''}`);
      process.exitCode = EXIT.failed;
    }
  } catch (e) {
    fail(e, cwd);
  }
}

/**
 * One scratch directory for everything this run writes outside the workspace (TMPDIR points there,
 * for imagegate and every tool it starts), a copy of the user's docker config for the post step to
 * compare and restore, and registry credentials from the inputs.
 */
async function prepareRun(): Promise<string> {
  const scratch = await createScratch(process.env.RUNNER_TEMP);
  core.saveState(STATE.scratch, scratch);
  process.env.TMPDIR = scratch;
  const snapshot = await snapshotDockerConfig(dockerConfigPath(process.env), scratch);
  core.saveState(STATE.dockerConfig, JSON.stringify(snapshot));
  credentialsFromInputs();
  return scratch;
}

// The inputs reach the registry code the way the CLI's environment does, in this process only:
// nothing is exported to later steps, and the password never appears in argv.
function credentialsFromInputs(): void {
  const username = core.getInput('registry-username');
  const password = core.getInput('registry-password');
  if (password) core.setSecret(password);
  if (!password) {
    // Secrets are empty on fork and Dependabot pull requests, which only check: not an error there.
    if (username)
      core.warning(
        '`registry-password` is empty (secrets are not given to fork and Dependabot pull requests), so `registry-username` is ignored and docker’s own config is used'
      );
    return;
  }
  if (!username)
    throw new UsageError(
      '`registry-password` is set but `registry-username` is not: set both, or neither (then docker’s config is used, e.g. as written by docker/login-action)'
    );
  process.env.IMAGEGATE_REGISTRY_USER = username;
  process.env.IMAGEGATE_REGISTRY_PASSWORD = password;
}

function recordsInput(): string {
  return core.getInput('records').trim() || DEFAULT_RECORDS_DIR;
}

function setMergeOutputs(report: MergeReport): void {
  const digests = Object.fromEntries(report.images.map(i => [i.name, i.digest]));
  core.setOutput('digest', report.images.length === 1 ? report.images[0]!.digest : JSON.stringify(digests));
  core.setOutput('digests', JSON.stringify(digests));
  core.setOutput('refs', report.refs.join('\n'));
  core.setOutput('tags', report.images.map(i => i.ref).join('\n'));
  core.setOutput('pushed', String(report.refs.length > 0));
  core.setOutput('results', JSON.stringify(report));
  for (const image of report.images)
    core.info(`${image.ref}@${image.digest} (${image.action}; ${image.platforms.map(p => p.platform).join(' + ')})`);
}

function booleanInput(name: string): boolean | undefined {
  const text = core.getInput(name).trim();
  if (text === '') return undefined;
  if (/^true$/i.test(text)) return true;
  if (/^false$/i.test(text)) return false;
  throw new UsageError(`input \`${name}: ${text}\` must be true or false`);
}

function scenarioOf(step: ReturnType<typeof stepScenario>): Fact<Scenario> | undefined {
  return 'scenario' in step ? step.scenario : undefined;
}

function scenarioInput(command: string): {value: Scenario; source: string} | undefined {
  const text = core.getInput('scenario');
  const fromInput = text ? parseScenario(text) : undefined;
  if (text && !fromInput) throw new UsageError(`input \`scenario: ${text}\` must be check, gate, promote or release`);
  const fromCommand = parseScenario(command);
  if (fromCommand && fromInput && fromCommand !== fromInput)
    throw new UsageError(`input \`command: ${command}\` conflicts with \`scenario: ${text}\`; set one of them`);
  if (fromCommand) return {value: fromCommand, source: 'action input command'};
  return fromInput ? {value: fromInput, source: 'action input scenario'} : undefined;
}

function setRunOutputs(report: RunReport, junit: string): void {
  const digests = Object.fromEntries(report.images.map(i => [i.name, i.digest ?? '']));
  const only = report.images.length === 1 ? report.images[0] : undefined;
  core.setOutput('digest', only ? (only.digest ?? '') : JSON.stringify(digests));
  core.setOutput('digests', JSON.stringify(digests));
  core.setOutput('refs', report.refs.join('\n'));
  core.setOutput('tags', report.images.flatMap(i => (i.pushed ? [i.pushed.ref] : [])).join('\n'));
  core.setOutput('pushed', String(report.pushed));
  core.setOutput('results', JSON.stringify(report));
  core.setOutput('junit', junit);
}

function fail(e: unknown, cwd: string): void {
  if (e instanceof ConfigError) {
    // Annotations take paths relative to the repository root, not to working-directory.
    const workspace = process.env.GITHUB_WORKSPACE;
    for (const line of e.lines) {
      const m = /^(.*?):(\d+):(\d+): (.*)$/.exec(line);
      const file = m && workspace ? relative(workspace, resolve(cwd, m[1]!)) : m?.[1];
      if (m && file) core.error(m[4]!, {file, startLine: Number(m[2]), startColumn: Number(m[3])});
      else core.error(line);
    }
  }
  const message = e instanceof Error ? e.message : String(e);
  core.setFailed(message);
  process.exitCode = e instanceof ImagegateError ? e.exitCode : EXIT.infrastructure;
}
