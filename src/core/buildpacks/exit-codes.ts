// Lifecycle exit codes (buildpacks/spec platform.md "Exit codes") in words a person can act on.

export function lifecycleExitMessage(code: number): string {
  const exact: Record<number, string> = {
    11: 'the builder’s lifecycle does not support the Platform API imagegate asked for (exit 11); the builder may be too old or too new for this imagegate',
    12: 'a buildpack needs a Buildpack API the builder’s lifecycle does not support (exit 12); an injected buildpack may be too new for this builder',
    20: 'no buildpack group passed detection (exit 20): the app does not look like anything this builder builds (e.g. heroku/python needs .python-version, requirements.txt or pyproject.toml)',
    21: 'a buildpack failed with an error during detection (exit 21); see its output above',
    51: 'a buildpack’s build failed (exit 51); its message above says why, and production would fail the same way',
    62: 'the export failed (exit 62): the image could not be written to the registry'
  };
  if (exact[code]) return exact[code];
  const phases: [number, number, string][] = [
    [30, 39, 'analyzing the previous image'],
    [40, 49, 'restoring cached layers'],
    [50, 59, 'the build phase'],
    [60, 69, 'exporting the image'],
    [70, 79, 'the rebase'],
    [80, 89, 'the launcher']
  ];
  const phase = phases.find(([lo, hi]) => code >= lo && code <= hi);
  if (phase) return `the lifecycle failed in ${phase[2]} (exit ${code}); see its output above`;
  if (code === 125) return 'docker could not start the builder container (exit 125); see its output above';
  return `the lifecycle exited with ${code}; see its output above`;
}
