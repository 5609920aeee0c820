// .imagegate.yml text → a checked, normalised Config with the position of every value: check the
// text, parse with positions, check the document (the schema walk, then the checks across values),
// and only then normalise. Pure: the caller reads the file; nothing here touches a process or the
// network. Every step is linear in the file and stops at the limits of limits.ts.

import {boundDiagnostics, type Diagnostic} from './diagnostics.js';
import {LIMITS} from './limits.js';
import {normalise} from './normalise.js';
import {parseYaml} from './parse.js';
import {configSource} from './positions.js';
import {checkDocument} from './semantics.js';
import {checkText} from './text.js';
import type {Config, ConfigSource} from './types.js';
import {walkDocument} from './validate.js';

export type LoadResult =
  {ok: true; config: Config; source: ConfigSource; warnings: Diagnostic[]} | {ok: false; diagnostics: Diagnostic[]};

export function loadConfig(text: string, file: string): LoadResult {
  const checkedText = checkText(text);
  if (!checkedText.ok) return refused(checkedText.diagnostics);
  const parsed = parseYaml(text);
  if (!parsed.ok) return refused(parsed.diagnostics);
  const walked = walkDocument(parsed.doc, parsed.lines);
  if (!walked.ok) return refused(walked.diagnostics);
  const checked = checkDocument(walked.value, walked.positions);
  if (!checked.ok) return refused(checked.diagnostics);
  return {
    ok: true,
    config: normalise(checked.config),
    source: configSource(file, walked.positions),
    warnings: boundDiagnostics(checked.warnings, LIMITS.diagnostics)
  };
}

function refused(diagnostics: Diagnostic[]): LoadResult {
  return {ok: false, diagnostics: boundDiagnostics(diagnostics, LIMITS.diagnostics)};
}
