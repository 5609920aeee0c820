// The composition root: from the run environment and the host's log, the clients of one run are
// built here and nowhere else — one program runner, one credential store for docker logins, the
// registry client and cosign alike, one transport, one docker session, the builders and the test
// runner — and handed to the use cases as Services.

import type {Services} from '../app/services.js';
import {ProcessExec} from '../exec/exec.js';
import type {RunEnvironment} from '../host/environment.js';
import type {Log} from '../host/host.js';
import {Git} from '../io/git.js';
import {TempDirs} from '../io/temp.js';
import {ToolInstaller} from '../io/tool-install.js';
import {ENV_PASSWORD, isHostPasswordVariable} from '../registry/credentials.js';

export interface ComposeOptions {
  env: RunEnvironment;
  log: Log;
  /** Where QEMU's binfmt_misc handlers are looked for (tests point it at a directory of their own). */
  binfmtDir?: string;
}

export function composeServices({env, log, binfmtDir}: ComposeOptions): Services {
  const temp = new TempDirs(env.tempRoot);
  const exec = new ProcessExec({env: childEnvironment(env), output: () => log.block(), trace: env.trace});
  const installer = new ToolInstaller({
    exec,
    temp,
    cache: env.toolCache,
    log: line => log.info(line),
    path: env.path,
    ...(env.packBaseUrl ? {packBaseUrl: env.packBaseUrl} : {})
  });
  return {
    log,
    env,
    git: new Git(exec, temp),
    installer,
    // The registry client, docker and the builders load only for a command that connects (not `plan`).
    connect: async scope =>
      (await import('./connect.js')).connect(
        {env, log, exec, temp, installer, ...(binfmtDir ? {binfmtDir} : {})},
        scope
      )
  };
}

/**
 * What programs imagegate starts inherit: the run's environment, with temporary files in the run's
 * own directory, and without the action's inputs or the explicit registry password (logins reach
 * docker through stdin, cosign through a config file of its own).
 */
function childEnvironment(env: RunEnvironment): Record<string, string | undefined> {
  return Object.fromEntries([
    ...Object.entries(env.variables).filter(
      ([name]) => !name.startsWith('INPUT_') && name !== ENV_PASSWORD && !isHostPasswordVariable(name)
    ),
    ['TMPDIR', env.tempRoot]
  ]);
}
