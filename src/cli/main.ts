// The imagegate command line: argv → a run request → the one dispatch → the host of the terminal
// (or of the CI it runs in). Every outcome maps to the documented exit code.

import {appendFile} from 'node:fs/promises';
import {resolve} from 'node:path';
import {deliver, run} from '../app/run.js';
import {renderConfigReference} from '../core/config/reference-doc.js';
import {SCHEMA} from '../core/config/schema.js';
import {EXIT, ImagegateError, type ExitCode} from '../core/errors.js';
import {composeServices} from '../compose/services.js';
import {readRunEnvironment, type RunEnvironment} from '../host/environment.js';
import {GitLabLog} from '../host/gitlab.js';
import {PlainLog, TerminalHost} from '../host/terminal.js';
import {parseArgs, toRequest, USAGE, type CliArgs} from './args.js';

export interface CliIo {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  version: string;
}

export async function main(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    io.stderr(`${e instanceof Error ? e.message : String(e)}\n`);
    return e instanceof ImagegateError ? e.exitCode : EXIT.infrastructure;
  }
  if (args.verb === 'help') return print(io, USAGE);
  if (args.verb === 'version') return print(io, `imagegate ${io.version}\n`);
  if (args.verb === 'schema')
    return print(io, args.markdown ? renderConfigReference() : `${JSON.stringify(SCHEMA, null, 2)}\n`);
  const env = readRunEnvironment(io.env);
  const host = await terminalHost(env, args, io);
  try {
    const request = toRequest({...args, verb: args.verb}, io.cwd);
    return await deliver(await run(request, composeServices({env, log: host})), host);
  } catch (e) {
    // Only the request can fail here (a flag that contradicts the command); run() never throws.
    const code = e instanceof ImagegateError ? e.exitCode : EXIT.infrastructure;
    host.fail(e instanceof Error ? e.message : String(e), code);
    return code;
  }
}

function print(io: CliIo, text: string): ExitCode {
  io.stdout(text);
  return EXIT.ok;
}

/** The log in the syntax of the CI the command runs in; the result on stdout either way. */
async function terminalHost(env: RunEnvironment, args: CliArgs, io: CliIo): Promise<TerminalHost> {
  // @actions/core (with its HTTP client) loads only in a GitHub workflow step: a third of the bundle.
  const log =
    env.ci === 'github'
      ? new (await import('../host/github.js')).GitHubLog()
      : env.ci === 'gitlab'
        ? new GitLabLog(io.stderr)
        : new PlainLog(io.stderr);
  const githubPath = env.ci === 'github' ? env.variables.GITHUB_PATH : undefined;
  return new TerminalHost({
    kind: env.ci,
    log,
    stdout: io.stdout,
    stderr: io.stderr,
    json: args.json,
    ...(args.dotenv ? {dotenv: resolve(io.cwd, args.dotenv)} : {}),
    ...(args.codeQuality ? {codeQuality: resolve(io.cwd, args.codeQuality)} : {}),
    // GITHUB_PATH is a file of the step's; `imagegate setup` in a composite step adds to it.
    ...(githubPath ? {addPath: (dir: string) => appendFile(githubPath, `${dir}\n`)} : {})
  });
}
