export interface Position {
  line: number;
  col: number;
}

export interface Diagnostic extends Position {
  message: string;
  /** Absent: an error. */
  severity?: 'error' | 'warning';
}

/** `FILE:LINE:COL: message`, with `warning: ` before the message of a warning. */
export function formatDiagnostic(file: string, d: Diagnostic): string {
  return `${file}:${d.line}:${d.col}: ${d.severity === 'warning' ? 'warning: ' : ''}${d.message}`;
}

export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) => a.line - b.line || a.col - b.col);
}
