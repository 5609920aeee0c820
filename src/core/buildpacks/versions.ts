// Dotted version numbers as buildpacks use them: semver for buildpacks (`2.4.5`), `MAJOR.MINOR`
// for the Platform and Buildpack APIs (`0.13`), `X.Y[.Z]` for runtimes (`3.13`).

/** Numeric parts of `1.2.3`, `v1.2`, `0.13`; undefined when it is not a dotted number. */
export function versionParts(text: string): number[] | undefined {
  const m = /^v?(\d+(?:\.\d+)*)(?:[-+].*)?$/.exec(text.trim());
  return m ? m[1]!.split('.').map(Number) : undefined;
}

/** Negative, zero or positive like a sort comparator; missing parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = versionParts(a) ?? [];
  const pb = versionParts(b) ?? [];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** `3.13.2` → `3.13`. */
export function minorOf(version: string): string | undefined {
  const parts = versionParts(version);
  return parts && parts.length >= 2 ? `${parts[0]}.${parts[1]}` : undefined;
}
