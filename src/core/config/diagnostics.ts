export interface Position {
  line: number;
  col: number;
}

export interface Diagnostic extends Position {
  message: string;
  severity?: 'error' | 'warning';
}

export function formatDiagnostic(file: string, d: Diagnostic): string {
  return `${file}:${d.line}:${d.col}: ${d.message}`;
}

export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) => a.line - b.line || a.col - b.col);
}
