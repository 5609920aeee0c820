// A test with its `run-as` derivation: the deployment's settings first, what the test itself writes
// over them. One implementation for every reader (Kubernetes, Compose) and every level (the image's
// `run-as`, a service test's own).

import type {CommandContract, TestCommand} from '../config/types.js';
import type {DerivedSetting, RunAs, ServiceTest} from '../service/types.js';
import type {Derived} from './derived.js';

/** A service test started as the deployment says: its env added, its args/user/workdir, ready and probes kept. */
export function applyDerived(service: ServiceTest, derived: Derived): ServiceTest {
  const own = service.runtime;
  const runtime = {...derived.runtime, env: {...derived.runtime.env, ...own.env}};
  if (own.args) runtime.args = own.args;
  if (own.user !== undefined) runtime.user = own.user;
  if (own.workdir !== undefined) runtime.workdir = own.workdir;
  runtime.ports = [...new Set([...derived.runtime.ports, ...own.ports])];
  for (const missing of derived.runAs.notReproducible) {
    const key = missing.setting.replace(/^env /, '');
    const standIn = service.standIns?.[key];
    if (standIn !== undefined) runtime.env[key] = standIn;
  }
  const out: ServiceTest = {...service, runtime, runAs: derived.runAs, probes: [...derived.probes, ...service.probes]};
  if (service.ready.kind === 'auto' && derived.ready) {
    out.ready = derived.ready;
    if (service.readyTimeoutMs === undefined && derived.readyTimeoutMs !== undefined) {
      out.readyTimeoutMs = derived.readyTimeoutMs;
      out.scaleTimings = true;
    }
    if (derived.readyIntervalMs !== undefined) out.readyIntervalMs = derived.readyIntervalMs;
    if (derived.readyInitialDelayMs) out.readyInitialDelayMs = derived.readyInitialDelayMs;
  }
  if (service.stopGraceMs === undefined && derived.stopGraceMs !== undefined) out.stopGraceMs = derived.stopGraceMs;
  return out;
}

/**
 * A test command confined as production confines the container: read-only root and tmpfs,
 * capabilities, no-new-privileges, memory and cpu limits always (a command cannot set them); the
 * user and env only where the command sets none of its own (its `user`, its env keys win). The
 * entrypoint, args, workdir and ports are the command's business and are not taken.
 */
export function applyToCommand(command: TestCommand, derived: Derived): TestCommand {
  const r = derived.runtime;
  const contract: CommandContract = {tmpfs: r.tmpfs, capDrop: r.capDrop, capAdd: r.capAdd};
  if (r.readOnly) contract.readOnly = true;
  if (r.noNewPrivileges) contract.noNewPrivileges = true;
  if (r.memory !== undefined) contract.memory = r.memory;
  if (r.cpus !== undefined) contract.cpus = r.cpus;
  const out: TestCommand = {...command, env: {...r.env, ...command.env}, contract};
  if (command.user === undefined && r.user !== undefined) out.user = r.user;
  return out;
}

const COMMAND_SETTINGS = new Set([
  'user',
  'read-only',
  'tmpfs',
  'cap-drop',
  'cap-add',
  'security-opt',
  'memory',
  'cpus'
]);

/** The derived settings applyToCommand gives a test command, for the plan. */
export function commandSettings(runAs: RunAs): DerivedSetting[] {
  return runAs.settings.filter(s => COMMAND_SETTINGS.has(s.setting) || s.setting.startsWith('env '));
}
