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

/**
 * At most `max` diagnostics in file order and, when there are more, one more line at the first one
 * left out that counts them, so that an error storm stays readable.
 */
export function boundDiagnostics(list: readonly Diagnostic[], max: number): Diagnostic[] {
  const sorted = sortDiagnostics(list);
  const omitted = sorted[max];
  if (!omitted) return sorted;
  const more = sorted.length - max;
  return [
    ...sorted.slice(0, max),
    {
      line: omitted.line,
      col: omitted.col,
      message: `and ${more} more problem${more === 1 ? '' : 's'} from here on (only the first ${max} are listed); fix these first`,
      ...(sorted.slice(max).every(d => d.severity === 'warning') ? {severity: 'warning' as const} : {})
    }
  ];
}
