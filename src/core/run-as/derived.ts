// What a `run-as` reader derives from a deployment file — Kubernetes or Compose — for one service
// test: the one shape apply.ts reads, whichever file it came from.

import type {Diagnostic} from '../config/diagnostics.js';
import type {Probe, Readiness, RunAs, RuntimeSettings} from '../service/types.js';

export interface Derived {
  runAs: RunAs;
  runtime: RuntimeSettings;
  ready?: Readiness;
  readyTimeoutMs?: number;
  readyIntervalMs?: number;
  readyInitialDelayMs?: number;
  stopGraceMs?: number;
  probes: Probe[];
}

export type DeriveResult = {ok: true; derived: Derived} | {ok: false; diagnostics: Diagnostic[]};
