// A service test with its `run-as` derivation: the manifest's settings first, what the test itself
// writes over them (its env added, its args/user/workdir, ready and probes kept).

import type {ServiceTest} from '../service/types.js';
import type {Derived} from './kubernetes.js';

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
