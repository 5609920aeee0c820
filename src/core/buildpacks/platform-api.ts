// Which Platform API imagegate speaks to a builder's lifecycle. Lifecycle 0.21 has no default and
// exits 11 without CNB_PLATFORM_API; like pack (FindLatestSupported), take the newest both know.

import {compareVersions} from './versions.js';

/** Platform APIs whose creator flags imagegate uses (-app -layers -platform -report -order -run-image). */
const IMAGEGATE_PLATFORM_APIS = ['0.10', '0.11', '0.12', '0.13', '0.14', '0.15'] as const;

/** From this Platform API the creator takes `-system` (system.toml pre/post buildpacks). */
export const SYSTEM_TOML_API = '0.15';

export type ApiChoice = {ok: true; api: string} | {ok: false; error: string};

export function choosePlatformApi(builderApis: string[], builder: string): ApiChoice {
  const common = builderApis.filter(api => (IMAGEGATE_PLATFORM_APIS as readonly string[]).includes(api));
  if (!common.length) {
    return {
      ok: false,
      error: `builder ${builder} supports Platform API ${builderApis.join(', ') || '(none listed)'}, imagegate speaks ${IMAGEGATE_PLATFORM_APIS.join(', ')}; use mode: pack, or a builder with lifecycle ≥ 0.15`
    };
  }
  return {ok: true, api: common.sort(compareVersions).at(-1)!};
}
