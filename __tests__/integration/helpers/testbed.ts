// The facts scripts/testbed writes for tests. Integration tests need the real testbed: when it is
// missing they fail with the fix, they never skip.
import {existsSync, readFileSync} from 'node:fs';

export const TESTBED_ENV_FILE = '/run/imagegate-testbed/env';

export interface Testbed {
  /** The final registry, `localhost:PORT` (TESTBED_REGISTRY). */
  registry: string;
  intermediateRegistry: string;
  /** Needs the testbed user's basic credentials (TESTBED_AUTH_USER, TESTBED_AUTH_PASSWORD_FILE). */
  authRegistry: string;
  /** Trusts bearer tokens from a token service the test runs on `tokenRealmPort`. */
  tokenRegistry: string;
  tokenRealmPort: number;
  /** The registries' ports on 127.0.0.1, for clients that dial an address (fault proxies, raw HTTP). */
  ports: {final: number; intermediate: number; auth: number; token: number};
  baseImage: string;
  /** The trixie prefix's programs: cosign 2.5, oras, the engine (TESTBED_BIN). */
  bin: string;
  /** A directory holding only sid's cosign 3 (TESTBED_COSIGN3_BIN): put it before `bin` on PATH. */
  cosign3Bin: string;
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
  const port = (key: string): number => {
    const value = Number(need(key));
    if (!Number.isInteger(value) || value <= 0) throw new Error(`${TESTBED_ENV_FILE}: ${key} is not a port`);
    return value;
  };
  const testbed: Omit<Testbed, 'cosign3Bin'> = {
    registry: need('TESTBED_REGISTRY'),
    intermediateRegistry: need('TESTBED_INTERMEDIATE_REGISTRY'),
    authRegistry: need('TESTBED_AUTH_REGISTRY'),
    tokenRegistry: need('TESTBED_TOKEN_REGISTRY'),
    tokenRealmPort: port('TESTBED_TOKEN_REALM_PORT'),
    ports: {
      final: port('TESTBED_REGISTRY_PORT_FINAL'),
      intermediate: port('TESTBED_REGISTRY_PORT_INTERMEDIATE'),
      auth: port('TESTBED_REGISTRY_PORT_AUTH'),
      token: port('TESTBED_REGISTRY_PORT_TOKEN')
    },
    baseImage: need('TESTBED_BASE_IMAGE'),
    bin: need('TESTBED_BIN'),
    raw
  };
  // Asked for only by the tests that sign with cosign 3 (an env file of an older testbed has none).
  return Object.defineProperty(testbed, 'cosign3Bin', {
    get: () => need('TESTBED_COSIGN3_BIN'),
    enumerable: true
  }) as Testbed;
}
