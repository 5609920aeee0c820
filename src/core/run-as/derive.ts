// One entry for every `run-as` file: a Compose file (top-level `services:`) or Kubernetes manifests
// (`apiVersion`/`kind`), told apart by their content, not their name.

import {deriveFromCompose, isCompose} from './compose.js';
import type {DeriveResult} from './derived.js';
import {deriveFromManifests} from './kubernetes.js';
import {parseDocuments} from './yaml-nodes.js';

export function deriveRunAs(text: string, file: string, spec: string, name?: string): DeriveResult {
  const parsed = parseDocuments(text, file);
  if (!parsed.ok) return parsed;
  const [first] = parsed.docs;
  if (parsed.docs.length === 1 && isCompose(first)) return deriveFromCompose(first!, file, spec, name);
  if (parsed.docs.some(d => d.get('kind') !== undefined || d.get('apiVersion') !== undefined))
    return deriveFromManifests(parsed.docs, file, spec, name);
  const message = `${file} is neither a Compose file (a top-level \`services:\` mapping) nor a Kubernetes manifest (\`apiVersion\` and \`kind\`); point \`run-as\` at the file production deploys`;
  return {ok: false, diagnostics: [first ? first.diagnostic(message) : {line: 1, col: 1, message}]};
}
