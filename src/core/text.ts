/** The last non-empty line of a program's output, for one-line error messages. */
export function lastLine(text: string): string {
  return (
    text
      .trim()
      .split('\n')
      .reverse()
      .find(l => l.trim())
      ?.trim() ?? ''
  );
}
