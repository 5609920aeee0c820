// The GitHub Action: inputs → the one dispatch (as the CLI) → the GitHub host. The run's scratch
// directory and a copy of the user's docker config are kept for the post step.

import {join} from 'node:path';
import {deliver, run} from '../app/run.js';
import {composeServices} from '../compose/services.js';
import {EXIT, ImagegateError} from '../core/errors.js';
import {readRunEnvironment} from '../host/environment.js';
import {GitHubHost} from '../host/github.js';
import {createScratch, snapshotDockerConfig} from '../io/run-scratch.js';
import {readInputs, type Entry} from './inputs.js';

export type {Entry} from './inputs.js';

/** What the post step reads back (GITHUB_STATE → STATE_<name>). */
export const STATE = {post: 'isPost', scratch: 'scratch', dockerConfig: 'docker-config'} as const;

export async function runAction(entry: Entry = 'run'): Promise<void> {
  const host = new GitHubHost({summary: !!process.env.GITHUB_STEP_SUMMARY});
  host.saveState(STATE.post, 'true');
  try {
    // Everything the run writes outside the workspace goes to one scratch directory the post step removes.
    const scratch = await createScratch(process.env.RUNNER_TEMP);
    host.saveState(STATE.scratch, scratch);
    const {request, login, registries, hostLogins} = readInputs(entry);
    const base = readRunEnvironment(process.env, {
      tempRoot: scratch,
      ...(login ? {login} : {}),
      ...(hostLogins ? {hostLogins} : {})
    });
    const env = {...base, namedRegistries: [...new Set([...base.namedRegistries, ...registries])]};
    host.saveState(STATE.dockerConfig, JSON.stringify(await snapshotDockerConfig(env.dockerConfigDir, scratch)));
    const junit = join(scratch, 'imagegate-junit.xml');
    const result = await run({...request, junit}, composeServices({env, log: host}));
    process.exitCode = await deliver(result, host);
  } catch (e) {
    const code = e instanceof ImagegateError ? e.exitCode : EXIT.infrastructure;
    host.fail(e instanceof Error ? e.message : String(e), code);
    process.exitCode = code;
  }
}
