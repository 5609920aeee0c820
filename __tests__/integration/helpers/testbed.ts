// The facts scripts/testbed writes for tests. Integration tests need the real testbed: when it is
// missing they fail with the fix, they never skip.
import {existsSync, readFileSync} from 'node:fs';

export const TESTBED_ENV_FILE = '/run/imagegate-testbed/env';

export interface Testbed {
  registry: string;
  intermediateRegistry: string;
  authRegistry: string;
  baseImage: string;
  bin: string;
  raw: Record<string, string>;
}

export function testbed(): Testbed {
  if (!existsSync(TESTBED_ENV_FILE))
    throw new Error(`the testbed is not up (${TESTBED_ENV_FILE} is missing): run \`scripts/testbed up\` as root first`);
  const raw = Object.fromEntries(
    readFileSync(TESTBED_ENV_FILE, 'utf8')
      .split('\n')
      .filter(l => l.includes('='))
      .map(l => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)])
  );
  const need = (key: string): string => {
    const value = raw[key];
    if (!value) throw new Error(`${TESTBED_ENV_FILE} has no ${key}: rerun \`scripts/testbed up\``);
    return value;
  };
  return {
    registry: need('TESTBED_REGISTRY'),
    intermediateRegistry: need('TESTBED_INTERMEDIATE_REGISTRY'),
    authRegistry: need('TESTBED_AUTH_REGISTRY'),
    baseImage: need('TESTBED_BASE_IMAGE'),
    bin: need('TESTBED_BIN'),
    raw
  };
}
