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
