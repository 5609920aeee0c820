// The post step (runs at the end of the job, also after a cancelled or failed main step): removes the
// run's scratch directory — temporary docker configs with their logins, keys, the JUnit file — and
// restores the user's docker config.json byte for byte if anything changed it.

import * as core from '@actions/core';
import {basename} from 'node:path';
import {removeScratch, restoreDockerConfig, type DockerConfigSnapshot} from '../io/run-scratch.js';
import {STATE} from './main.js';

export async function runPost(): Promise<void> {
  const snapshot = core.getState(STATE.dockerConfig);
  if (snapshot) {
    try {
      const saved = JSON.parse(snapshot) as DockerConfigSnapshot;
      const outcome = await restoreDockerConfig(saved);
      if (outcome === 'restored') core.info(`${saved.path} was changed during the job: restored as it was`);
      else if (outcome === 'removed') core.info(`${saved.path} did not exist before the job: removed`);
    } catch (e) {
      core.warning(`could not restore the docker config: ${(e as Error).message}`);
    }
  }
  const scratch = core.getState(STATE.scratch);
  // Only a directory this action created: the state file is ours, but a wrong path must never be removed.
  if (scratch && basename(scratch).startsWith('imagegate-')) {
    try {
      await removeScratch(scratch);
      core.info(`removed ${scratch} (this run's temporary docker logins and files)`);
    } catch (e) {
      core.warning(`could not remove ${scratch}: ${(e as Error).message}`);
    }
  }
}
