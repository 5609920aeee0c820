// What the plan shows of `run-as`: per image and per service test, every derived setting with the
// line it came from, the fields imagegate cannot honour and the env it cannot reproduce.

import type {ConfigSource, ImageConfig} from '../config/types.js';
import type {DerivedSetting, RunAs} from '../service/types.js';
import {commandSettings} from './apply.js';

export interface PlannedRunAs {
  /** `deploy/app.yaml#web`, as written. */
  spec: string;
  /** What it names: `Deployment web, container web`, `compose service web`. */
  what: string;
  /** Where `run-as` is written (`.imagegate.yml:7`), or `images[0].run-as` for an inherited one. */
  source: string;
  settings: DerivedSetting[];
  unsupported: DerivedSetting[];
  notReproducible: DerivedSetting[];
}

export interface PlannedService {
  name: string;
  source: string;
  /** True when the test takes the image's `run-as` (it names none of its own). */
  inherited?: boolean;
  runAs?: PlannedRunAs;
}

export interface PlannedContract {
  /** The image's `run-as`, with the settings its test commands get. */
  image?: PlannedRunAs & {commands: string[]};
  services: PlannedService[];
}

export function planRunAs(image: ImageConfig, source: ConfigSource): PlannedContract {
  const at = `images[${image.index}]`;
  const where = (key: string): string => source.where(key) ?? key;
  const planned = (runAs: RunAs, key: string, settings = runAs.settings): PlannedRunAs => ({
    spec: runAs.spec,
    what: runAs.what,
    source: where(key),
    settings,
    unsupported: runAs.unsupported,
    notReproducible: runAs.notReproducible
  });
  const out: PlannedContract = {services: []};
  if (image.runAs)
    out.image = {
      ...planned(image.runAs, `${at}.run-as`, commandSettings(image.runAs)),
      commands: image.test.commands.map(c => c.name)
    };
  for (const [i, service] of (image.test.services ?? []).entries()) {
    const key = `${at}.test.services[${i}]`;
    const inherited = service.runAs !== undefined && service.runAsSpec === undefined;
    const s: PlannedService = {name: service.name, source: where(key)};
    if (service.runAs) {
      s.runAs = planned(service.runAs, inherited ? `${at}.run-as` : `${key}.run-as`);
      if (inherited) s.inherited = true;
    }
    out.services.push(s);
  }
  return out;
}
