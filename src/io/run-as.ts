// Reads the files `run-as` names (relative to the configuration file) — the image's and each service
// test's — and derives the runtime contract of its tests; every problem is a ConfigError (exit 2) at
// file:line:col, before any build.

import {readFile} from 'node:fs/promises';
import {relative, resolve} from 'node:path';
import type {Config, ConfigSource} from '../core/config/types.js';
import {ConfigError} from '../core/errors.js';
import {applyDerived, applyToCommand} from '../core/run-as/apply.js';
import {deriveRunAs} from '../core/run-as/derive.js';
import type {Derived} from '../core/run-as/derived.js';

export async function resolveRunAs(config: Config, source: ConfigSource, dir: string, cwd: string): Promise<void> {
  const read = reader(source, dir, cwd);
  for (const image of config.images) {
    const own =
      image.runAsSpec !== undefined ? await read(image.runAsSpec, `images[${image.index}].run-as`) : undefined;
    if (own) {
      image.runAs = own.runAs;
      image.test.commands = image.test.commands.map(c => applyToCommand(c, own));
    }
    const services = image.test.services ?? [];
    for (const [i, service] of services.entries()) {
      const derived =
        service.runAsSpec !== undefined
          ? await read(service.runAsSpec, `images[${image.index}].test.services[${i}].run-as`)
          : own;
      if (derived) services[i] = applyDerived(service, derived);
    }
  }
}

/** Reads and derives one `run-as` (each file is read once, however many tests name it). */
function reader(source: ConfigSource, dir: string, cwd: string): (spec: string, key: string) => Promise<Derived> {
  const texts = new Map<string, Promise<string>>();
  return async (spec, key) => {
    const hash = spec.indexOf('#');
    const path = hash >= 0 ? spec.slice(0, hash) : spec;
    const name = hash >= 0 ? spec.slice(hash + 1) : undefined;
    const file = resolve(dir, path);
    const shown = relative(cwd, file) || file;
    const at = source.position(key) ?? {line: 1, col: 1};
    if (!texts.has(file)) texts.set(file, readFile(file, 'utf8'));
    let text: string;
    try {
      text = await texts.get(file)!;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new ConfigError(source.file, [
        {
          ...at,
          message:
            code === 'ENOENT'
              ? `run-as: ${shown} does not exist; point \`run-as\` at the Kubernetes manifest or Compose file production deploys (relative to the configuration file)`
              : `run-as: cannot read ${shown} (${(e as Error).message}); point \`run-as\` at a readable file`
        }
      ]);
    }
    const derived = deriveRunAs(text, shown, spec, name);
    if (!derived.ok) throw new ConfigError(shown, derived.diagnostics);
    return derived.derived;
  };
}
