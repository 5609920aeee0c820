// The GitHub Action entry point: inputs → the same code path as the CLI → step outputs and summary.

import * as core from '@actions/core';
import {relative, resolve} from 'node:path';
import {makePlan} from '../app/plan.js';
import {ConfigError, EXIT, ImagegateError, UsageError} from '../core/errors.js';
import {renderPlanMarkdown, renderPlanText} from '../core/render-plan.js';
import {parseScenario} from '../core/scenario.js';

const COMMANDS = ['plan', 'run', 'check', 'gate', 'promote', 'release'];

export async function runAction(): Promise<void> {
  const cwd = core.getInput('working-directory') || process.cwd();
  try {
    const command = core.getInput('command') || 'run';
    if (!COMMANDS.includes(command))
      throw new UsageError(`input \`command: ${command}\` is not one of ${COMMANDS.join(', ')}`);
    const scenarioInput = core.getInput('scenario');
    const scenario = scenarioInput ? parseScenario(scenarioInput) : undefined;
    if (scenarioInput && !scenario)
      throw new UsageError(`input \`scenario: ${scenarioInput}\` must be check, gate, promote or release`);
    const config = core.getInput('config') || undefined;
    const {plan, notices} = await makePlan({
      cwd,
      env: process.env,
      configPath: config,
      ...(scenario ? {scenario: {value: scenario, source: 'action input scenario'}} : {})
    });
    notices.forEach(n => core.warning(n));
    core.info(renderPlanText(plan));
    core.setOutput('scenario', plan.scenario.value);
    core.setOutput('plan', JSON.stringify(plan));
    core.setOutput('pushed', 'false');
    await core.summary.addRaw(renderPlanMarkdown(plan)).write();
    if (command !== 'plan') {
      throw new UsageError(
        `scenario ${plan.scenario.value}: building, testing and pushing are not available in this version yet (the gate comes with issue #3); use \`command: plan\` for now`
      );
    }
  } catch (e) {
    fail(e, cwd);
  }
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
