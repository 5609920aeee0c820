// The Dockerfile checks of `docker buildx build --call check,format=json` (buildx 0.15+): its JSON
// (BuildKit's lint results: warnings with a rule, a description, a URL and the source ranges, and
// the sources they point into) as findings at a Dockerfile line. Pure.

export interface DockerfileFinding {
  rule: string;
  message: string;
  url?: string;
  /** The Dockerfile as buildx names it. */
  file?: string;
  line?: number;
}

interface LintWarning {
  ruleName?: unknown;
  description?: unknown;
  detail?: unknown;
  url?: unknown;
  location?: {sourceIndex?: unknown; ranges?: {start?: {line?: unknown}}[]};
}

/** The findings of the check's JSON output; a document that is not one is a finding that says so. */
export function parseCheckResult(stdout: string): DockerfileFinding[] {
  let doc: unknown;
  try {
    doc = JSON.parse(stdout);
  } catch {
    return [
      {rule: 'unreadable', message: `buildx printed no check results: ${stdout.trim().slice(0, 200) || '(nothing)'}`}
    ];
  }
  const record = typeof doc === 'object' && doc !== null ? (doc as {warnings?: unknown; sources?: unknown}) : {};
  const sources = Array.isArray(record.sources) ? (record.sources as {fileName?: unknown; filename?: unknown}[]) : [];
  const warnings = Array.isArray(record.warnings) ? (record.warnings as LintWarning[]) : [];
  return warnings.map(w => {
    const rule = typeof w.ruleName === 'string' ? w.ruleName : 'check';
    const detail = typeof w.detail === 'string' ? w.detail : typeof w.description === 'string' ? w.description : '';
    const finding: DockerfileFinding = {rule, message: `${rule}: ${detail}`};
    if (typeof w.url === 'string') finding.url = w.url;
    const index = typeof w.location?.sourceIndex === 'number' ? w.location.sourceIndex : 0;
    const source = sources[index];
    const file = source?.fileName ?? source?.filename;
    if (typeof file === 'string') finding.file = file;
    const line = w.location?.ranges?.[0]?.start?.line;
    if (typeof line === 'number' && line > 0) finding.line = line;
    return finding;
  });
}
