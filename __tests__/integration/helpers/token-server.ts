// A bearer-token service for the testbed's "token" registry (distribution's `auth.token`): it checks
// the testbed user's basic credentials and issues RS256 JWTs carrying the signing certificate (x5c),
// which the registry verifies against its rootcertbundle. Tests choose how long tokens really live:
// the registry allows 60 s of clock leeway past `exp`, so `exp` is set that much earlier.
import {createPrivateKey, randomBytes, sign, type KeyObject} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {createServer, type Server} from 'node:http';
import type {Testbed} from './testbed.js';

const REGISTRY_LEEWAY_S = 60;

export interface IssuedToken {
  account: string;
  scopes: string[];
  at: number;
}

export interface TokenServerOptions {
  port: number;
  keyFile: string;
  certFile: string;
  service: string;
  issuer: string;
  user: string;
  password: string;
  /** How long a token is accepted by the registry, in ms (≥ 1000). */
  lifetimeMs: number;
  /** What the answer's `expires_in` claims (seconds); the token spec's default 60 unless set. */
  advertisedSeconds?: number;
}

export class TokenServer {
  readonly issued: IssuedToken[] = [];
  /** Every Authorization header the service received, to check what a client sent where. */
  readonly authorizations: string[] = [];
  lifetimeMs: number;
  private readonly key: KeyObject;
  private readonly certDer: string;
  private server?: Server;

  constructor(readonly opts: TokenServerOptions) {
    this.lifetimeMs = opts.lifetimeMs;
    this.key = createPrivateKey(readFileSync(opts.keyFile));
    this.certDer = readFileSync(opts.certFile, 'utf8')
      .replace(/-----(BEGIN|END) CERTIFICATE-----/g, '')
      .replace(/\s+/g, '');
  }

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://token');
      const authorization = req.headers.authorization ?? '';
      this.authorizations.push(authorization);
      const expected = `Basic ${Buffer.from(`${this.opts.user}:${this.opts.password}`).toString('base64')}`;
      if (url.pathname !== '/token' || url.searchParams.get('service') !== this.opts.service) {
        res.writeHead(404).end();
        return;
      }
      if (authorization !== expected) {
        res.writeHead(401, {'content-type': 'application/json'}).end('{"details":"bad credentials"}');
        return;
      }
      const scopes = url.searchParams.getAll('scope');
      this.issued.push({account: this.opts.user, scopes, at: Date.now()});
      const token = this.sign(scopes);
      res.writeHead(200, {'content-type': 'application/json'});
      res.end(
        JSON.stringify({
          token,
          access_token: token,
          expires_in: this.opts.advertisedSeconds ?? 60,
          issued_at: new Date().toISOString()
        })
      );
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.opts.port, '127.0.0.1', () => resolve());
    });
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>(resolve => server.close(() => resolve()));
  }

  private sign(scopes: string[]): string {
    const now = Math.floor(Date.now() / 1000);
    const header = {typ: 'JWT', alg: 'RS256', x5c: [this.certDer]};
    const claims = {
      iss: this.opts.issuer,
      sub: this.opts.user,
      aud: this.opts.service,
      exp: now + Math.ceil(this.lifetimeMs / 1000) - REGISTRY_LEEWAY_S,
      nbf: now - 1,
      iat: now,
      jti: randomBytes(8).toString('hex'),
      access: scopes.map(parseScope).filter(a => a !== undefined)
    };
    const encode = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
    const signingInput = `${encode(header)}.${encode(claims)}`;
    return `${signingInput}.${sign('sha256', Buffer.from(signingInput), this.key).toString('base64url')}`;
  }
}

/** The token service the testbed's token registry trusts, for the testbed's user (not started). */
export function testbedTokenServer(bed: Testbed, lifetimeMs = 60_000): TokenServer {
  const need = (key: string): string => {
    const value = bed.raw[key];
    if (!value) throw new Error(`the testbed env has no ${key}: rerun \`scripts/testbed up\``);
    return value;
  };
  return new TokenServer({
    port: bed.tokenRealmPort,
    keyFile: need('TESTBED_TOKEN_KEY'),
    certFile: need('TESTBED_TOKEN_CERT'),
    service: need('TESTBED_TOKEN_SERVICE'),
    issuer: need('TESTBED_TOKEN_ISSUER'),
    user: need('TESTBED_AUTH_USER'),
    password: readFileSync(need('TESTBED_AUTH_PASSWORD_FILE'), 'utf8').trim(),
    lifetimeMs
  });
}

/** `repository:ns/app:pull,push` → the JWT access entry (names may contain ':' only before the actions). */
function parseScope(scope: string): {type: string; name: string; actions: string[]} | undefined {
  const first = scope.indexOf(':');
  const last = scope.lastIndexOf(':');
  if (first < 0 || last <= first) return undefined;
  return {type: scope.slice(0, first), name: scope.slice(first + 1, last), actions: scope.slice(last + 1).split(',')};
}
