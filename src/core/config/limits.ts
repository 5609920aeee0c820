// The bounds of a configuration file, each refused with a diagnostic that names it. They keep the
// whole check linear and fast (docs/configuration.md#limits has the measured figures) and keep
// every value within what the programs imagegate starts can take; real files stay far below them.

export const LIMITS = {
  /** Bytes of the file. */
  fileBytes: 1024 * 1024,
  /** YAML tokens (scalars, indicators, comments, line breaks): what the YAML parser works through. */
  tokens: 500_000,
  /** Keys and values, each use of an alias counting again. */
  values: 20_000,
  /** Collections nested in one another (the schema itself needs 7). */
  depth: 32,
  /** Characters of a key. */
  keyLength: 1024,
  /** Characters of a name, path, reference, platform, tag or duration. */
  formattedLength: 4096,
  /** Characters of any other string (a command, a label, an environment value): one argument stays under Linux's 128 KiB. */
  textLength: 32_768,
  /** Diagnostics listed; the rest are counted in one more line. */
  diagnostics: 50,
  /** A test's time limit: at least a second (the container must start), at most a day. */
  timeoutMinMs: 1000,
  timeoutMaxMs: 24 * 60 * 60 * 1000
} as const;

/** A value echoed in a message, cut to a readable length. */
export function clip(text: string, length = 60): string {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}
