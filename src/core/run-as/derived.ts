// What a `run-as` reader derives from a deployment file — Kubernetes or Compose — for one service
// test: the one shape apply.ts reads, whichever file it came from.

import type {Diagnostic} from '../config/diagnostics.js';
import type {DerivedSetting, Probe, Readiness, RunAs, RuntimeSettings} from '../service/types.js';
import type {Located} from './yaml-nodes.js';

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

/** What a reader fills while it walks a deployment file: the settings it honours and the ones it cannot. */
export function derivedCollector(): {
  settings: DerivedSetting[];
  unsupported: DerivedSetting[];
  notReproducible: DerivedSetting[];
  runtime: RuntimeSettings;
  set: (setting: string, value: string, at: Located) => void;
  cannot: (setting: string, why: string, at: Located) => void;
} {
  const settings: DerivedSetting[] = [];
  const unsupported: DerivedSetting[] = [];
  return {
    settings,
    unsupported,
    notReproducible: [],
    runtime: {env: {}, tmpfs: [], capDrop: [], capAdd: [], ports: []},
    set: (setting, value, at) => void settings.push({setting, value, source: at.where()}),
    cannot: (setting, why, at) => void unsupported.push({setting, value: why, source: at.where()})
  };
}
