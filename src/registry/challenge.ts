// WWW-Authenticate challenges (RFC 7235) as registries send them, and the token scopes we ask for.

export interface Challenge {
  scheme: 'basic' | 'bearer' | string;
  params: Record<string, string>;
}

/** Parses `Bearer realm="…",service="…",scope="…"` (several challenges may share one header). */
export function parseChallenges(header: string | undefined): Challenge[] {
  if (!header) return [];
  const out: Challenge[] = [];
  const re = /([A-Za-z][\w-]*)\s*(?:=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+)))?\s*,?/g;
  let current: Challenge | undefined;
  for (let m = re.exec(header); m; m = re.exec(header)) {
    const [, name = '', quoted, token] = m;
    if (quoted === undefined && token === undefined) {
      current = {scheme: name.toLowerCase(), params: {}};
      out.push(current);
    } else if (current) {
      current.params[name.toLowerCase()] = quoted !== undefined ? quoted.replace(/\\(.)/g, '$1') : (token ?? '');
    }
    if (m[0] === '') re.lastIndex++;
  }
  return out;
}

export type Action = 'pull' | 'push' | 'delete';

/** `repository:acme/web:pull,push` */
export function scopeFor(repository: string, actions: Action[]): string {
  return `repository:${repository}:${[...new Set(actions)].sort(actionOrder).join(',')}`;
}

function actionOrder(a: Action, b: Action): number {
  const order: Action[] = ['pull', 'push', 'delete'];
  return order.indexOf(a) - order.indexOf(b);
}
