// Which release a moving tag belongs to. A release writes `latest` (and every tag without a
// version of its own) only when it is the highest release of the repository, `{{major}}` only when
// it is the highest of its major, `{{major}}.{{minor}}` of its minor: a backport `v1.4.9` after
// `v2.0.0` moves `1` and `1.4`, never `latest`. The releases are the repository's git tags.

import {parseSemverTag, type Semver, type TagTemplate} from './tags.js';

/** Why a release tag is not moved by the release of `tag`; undefined when it is. */
export function releaseAliasSkip(
  template: TagTemplate,
  tag: string,
  releases: string[] | undefined
): string | undefined {
  const current = parseSemverTag(tag);
  const v = template.variables;
  if (!current || v.some(x => x === 'version' || x === 'patch' || x === 'prerelease' || x === 'tag')) return undefined;
  if (current.prerelease) return `\`${template.source}\` is not moved by prerelease ${current.version}`;
  const scope = v.includes('minor') ? 'minor' : v.includes('major') ? 'major' : 'all';
  const higher = (releases ?? [])
    .map(parseSemverTag)
    .filter((r): r is Semver => !!r && !r.prerelease && sameLine(r, current, scope) && compareSemver(r, current) > 0)
    .sort(compareSemver)
    .at(-1);
  if (!higher) return undefined;
  const line =
    scope === 'all' ? '' : scope === 'major' ? ` of ${current.major}.x` : ` of ${current.major}.${current.minor}.x`;
  return `\`${template.source}\` stays with ${higher.version}: ${current.version} is not the highest release${line} (the repository's git tags)`;
}

function sameLine(a: Semver, b: Semver, scope: 'minor' | 'major' | 'all'): boolean {
  if (scope === 'all') return true;
  return a.major === b.major && (scope === 'major' || a.minor === b.minor);
}

/** Semantic version precedence of releases (no prereleases): major, then minor, then patch. */
export function compareSemver(a: Semver, b: Semver): number {
  for (const key of ['major', 'minor', 'patch'] as const) {
    const d = Number(a[key]) - Number(b[key]);
    if (d) return d;
  }
  return 0;
}
