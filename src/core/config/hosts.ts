import type {Config} from './types.js';

/** The registry hosts a configuration writes to: the final registry and, if set, the intermediate one. */
export function registryHosts(config: Config): string[] {
  const prefixes = [
    config.registry,
    ...(config.staging.kind === 'registry' ? [config.staging.registry] : []),
    ...config.images.flatMap(i => i.mirrors ?? [])
  ];
  return [...new Set(prefixes.map(prefix => prefix.split('/')[0]!))];
}

/** The build registry's host (`localhost:5000/imagegate-build` → `localhost:5000`), which needs a login of its own. */
export function buildRegistryHost(buildRegistry: string): string {
  return buildRegistry.split('/')[0]!;
}
