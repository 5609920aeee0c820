// Reads the manifests `run-as` names (relative to the configuration file) and derives each service
// test's runtime contract; every problem is a ConfigError (exit 2) at file:line:col, before any build.

import {readFile} from 'node:fs/promises';
import {relative, resolve} from 'node:path';
import type {Config, ConfigSource} from '../core/config/types.js';
import {ConfigError} from '../core/errors.js';
import {applyDerived} from '../core/run-as/apply.js';
import {deriveFromKubernetes} from '../core/run-as/kubernetes.js';

export async function resolveRunAs(config: Config, source: ConfigSource, dir: string, cwd: string): Promise<void> {
  for (const image of config.images) {
    const services = image.test.services ?? [];
    for (const [i, service] of services.entries()) {
      const spec = service.runAsSpec;
      if (spec === undefined) continue;
      const hash = spec.indexOf('#');
      const path = hash >= 0 ? spec.slice(0, hash) : spec;
      const name = hash >= 0 ? spec.slice(hash + 1) : undefined;
      const file = resolve(dir, path);
      const shown = relative(cwd, file) || file;
      const at = source.position(`images[${image.index}].test.services[${i}].run-as`) ?? {line: 1, col: 1};
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw new ConfigError(source.file, [
          {
            ...at,
            message:
              code === 'ENOENT'
                ? `run-as: ${shown} does not exist; point \`run-as\` at the Kubernetes manifest production deploys (relative to the configuration file)`
                : `run-as: cannot read ${shown} (${(e as Error).message}); point \`run-as\` at a readable file`
          }
        ]);
      }
      const derived = deriveFromKubernetes(text, shown, spec, name);
      if (!derived.ok) throw new ConfigError(shown, derived.diagnostics);
      services[i] = applyDerived(service, derived.derived);
    }
  }
}
