// The action's inputs → a run request and the run's explicit login. The root action runs `command`
// (default: the inferred scenario); the sub-actions components/gate and components/promote run a
// fixed step, whose scenario follows from the event (core/trust.ts).

import * as core from '@actions/core';
import {resolve} from 'node:path';
import type {RunRequest} from '../app/request.js';
import {UsageError} from '../core/errors.js';
import {parseScenario, type Fact, type Scenario} from '../core/scenario.js';
import type {StepKind} from '../core/trust.js';
import {hostList} from '../host/environment.js';
import {parse as parseYaml} from 'yaml';
import type {ExplicitLogin, HostLogin} from '../registry/credentials.js';

const COMMANDS = ['plan', 'run', 'check', 'gate', 'merge', 'promote', 'release'] as const;

/** The root action (`run`: the `command` input decides) or a sub-action's fixed step. */
export type Entry = 'run' | StepKind;

export interface ActionInputs {
  request: RunRequest;
  /** registry-username / registry-password, when given; else the environment's login applies. */
  login?: ExplicitLogin;
  /** `registries`: the registry hosts the workflow itself names as trusted with its credentials. */
  registries: string[];
  /** `registry-auths`: a login for each of several registries. */
  hostLogins?: HostLogin[];
}

export function readInputs(entry: Entry): ActionInputs {
  const cwd = resolve(core.getInput('working-directory') || '.');
  const command = entry === 'run' ? core.getInput('command') || 'run' : entry;
  if (!(COMMANDS as readonly string[]).includes(command))
    throw new UsageError(`input \`command: ${command}\` is not one of ${COMMANDS.join(', ')}`);
  const scenario = entry === 'run' && command !== 'merge' ? scenarioInput(command) : undefined;
  const step: StepKind | undefined = entry !== 'run' ? entry : command === 'merge' ? 'gate' : undefined;
  const allow = booleanInput('allow-pull-request-target-push');
  const request: RunRequest = {
    command: command as RunRequest['command'],
    cwd,
    parallel: parallelInput(),
    records: core.getInput('records').trim() || undefined,
    ...optional('config', core.getInput('config')),
    ...optional('platform', core.getInput('platform').trim()),
    ...optional('builder', core.getInput('builder').trim()),
    ...(scenario ? {scenario} : {}),
    ...(step ? {step} : {}),
    ...(allow !== undefined ? {allowPullRequestTargetPush: allow} : {})
  };
  if (request.records === undefined) delete request.records;
  const login = loginInputs();
  const hostLogins = registryAuths(core.getInput('registry-auths'));
  return {
    request,
    ...(login ? {login} : {}),
    ...(hostLogins.length ? {hostLogins} : {}),
    registries: hostList(core.getInput('registries'))
  };
}

// The inputs reach the registry code in this process only: nothing is exported to later steps, and
// the password never appears in argv.
function loginInputs(): ExplicitLogin | undefined {
  const username = core.getInput('registry-username');
  const password = core.getInput('registry-password');
  if (password) core.setSecret(password);
  if (!password) {
    // Secrets are empty on fork and Dependabot pull requests, which only check: not an error there.
    if (username)
      core.warning(
        '`registry-password` is empty (secrets are not given to fork and Dependabot pull requests), so `registry-username` is ignored and docker’s own config is used'
      );
    return undefined;
  }
  if (!username)
    throw new UsageError(
      '`registry-password` is set but `registry-username` is not: set both, or neither (then docker’s config is used, e.g. as written by docker/login-action)'
    );
  return {
    username,
    password,
    names: ['registry-username', 'registry-password'],
    source: 'inputs registry-username/password'
  };
}

/**
 * `registry-auths`: a YAML list of `{registry, username, password}`, as docker/github-builder takes it;
 * an entry whose password is empty (secrets on fork pull requests) is left out.
 */
export function registryAuths(text: string): HostLogin[] {
  if (!text.trim()) return [];
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch {
    throw new UsageError(
      'input `registry-auths` is not YAML; write a list of `- registry: HOST` with `username` and `password`'
    );
  }
  if (!Array.isArray(doc))
    throw new UsageError('input `registry-auths` must be a list of `- registry: HOST` with `username` and `password`');
  return doc.flatMap((entry: unknown, i): HostLogin[] => {
    const e = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    const text = (key: string): string => (typeof e[key] === 'string' ? (e[key] as string) : '');
    const [registry, username, password] = [text('registry'), text('username'), text('password')];
    if (password) core.setSecret(password);
    if (!registry) throw new UsageError(`input \`registry-auths\`, entry ${i + 1}: \`registry\` names no host`);
    if (!password) return [];
    if (!username)
      throw new UsageError(`input \`registry-auths\`, entry ${i + 1} (${registry}): a password without a \`username\``);
    return [
      {
        host: registry,
        username,
        password,
        names: ['registry-auths username', 'registry-auths password'],
        source: `input registry-auths (${registry})`
      }
    ];
  });
}

function parallelInput(): number {
  const text = core.getInput('parallel') || '2';
  const parallel = Number(text);
  if (!Number.isInteger(parallel) || parallel < 1)
    throw new UsageError(`input \`parallel: ${text}\` must be a whole number of 1 or more`);
  return parallel;
}

function booleanInput(name: string): boolean | undefined {
  const text = core.getInput(name).trim();
  if (text === '') return undefined;
  if (/^true$/i.test(text)) return true;
  if (/^false$/i.test(text)) return false;
  throw new UsageError(`input \`${name}: ${text}\` must be true or false`);
}

function scenarioInput(command: string): Fact<Scenario> | undefined {
  const text = core.getInput('scenario');
  const fromInput = text ? parseScenario(text) : undefined;
  if (text && !fromInput) throw new UsageError(`input \`scenario: ${text}\` must be check, gate, promote or release`);
  const fromCommand = parseScenario(command);
  if (fromCommand && fromInput && fromCommand !== fromInput)
    throw new UsageError(`input \`command: ${command}\` conflicts with \`scenario: ${text}\`; set one of them`);
  if (fromCommand) return {value: fromCommand, source: 'action input command'};
  return fromInput ? {value: fromInput, source: 'action input scenario'} : undefined;
}

function optional<K extends string>(key: K, value: string): Partial<Record<K, string>> {
  return value ? ({[key]: value} as Record<K, string>) : {};
}
