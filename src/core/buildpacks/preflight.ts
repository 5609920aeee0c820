// The preflight's verdict from what the builder's labels say, before any layer is pulled:
// what the builder carries, injected buildpacks that clash with it, runtime pins it cannot build.

import type {BuilderInfo, BuildpackRef} from './labels.js';
import {checkRuntimePins, type Finding, type RuntimePin} from './runtime-pins.js';

export interface Injection extends BuildpackRef {
  uri: string;
  /** `urn:cnb:builder:` names a buildpack the builder carries itself. */
  fromBuilder: boolean;
  position: 'pre' | 'post';
}

export interface PreflightInput {
  builder: string;
  info: BuilderInfo;
  injected: Injection[];
  pins: RuntimePin[];
}

export interface PreflightVerdict {
  /** Lines describing the builder, for the log. */
  summary: string[];
  findings: Finding[];
}

export function preflightVerdict(input: PreflightInput): PreflightVerdict {
  const {info, builder} = input;
  const summary = [
    `builder ${builder}${info.description ? ` (${info.description})` : ''}`,
    `  lifecycle ${info.lifecycleVersion || '(version not labelled)'}; Platform APIs ${info.platformApis.join(', ') || '(none listed)'}; Buildpack APIs ${info.buildpackApis.join(', ') || '(none listed)'}`,
    `  buildpacks: ${info.buildpacks.map(b => `${b.id} ${b.version}`).join(', ') || '(none listed)'}`
  ];
  if (input.injected.length)
    summary.push(`  injected: ${input.injected.map(b => `${b.position} ${b.id} ${b.version}`.trim()).join(', ')}`);
  const findings: Finding[] = [...clashes(input)];
  const running = [...info.buildpacks.filter(b => !input.injected.some(i => i.id === b.id)), ...input.injected];
  findings.push(...checkRuntimePins(input.pins, running, builder));
  return {summary, findings};
}

function clashes({builder, info, injected}: PreflightInput): Finding[] {
  const findings: Finding[] = [];
  for (const bp of injected) {
    const own = info.buildpacks.filter(b => b.id === bp.id);
    if (bp.fromBuilder) {
      if (!own.length)
        findings.push({
          level: 'fail',
          message: `injected buildpack ${bp.uri} names a buildpack builder ${builder} does not carry (it has ${info.buildpacks.map(b => b.id).join(', ') || 'none'}); fix the id or inject a buildpackage image (docker://…@sha256:…)`
        });
      else if (bp.version && !own.some(b => b.version === bp.version))
        findings.push({
          level: 'fail',
          message: `injected buildpack ${bp.uri}: builder ${builder} carries ${bp.id} ${own.map(b => b.version).join(', ')}, not ${bp.version}`
        });
      continue;
    }
    if (own.length) {
      findings.push({
        level: 'fail',
        message: `injected buildpack ${bp.id} ${bp.version} (${bp.uri}) clashes with builder ${builder}'s own ${bp.id} ${own.map(b => b.version).join(', ')}: two copies of one id make the build order ambiguous. Use the builder's copy (urn:cnb:builder:${bp.id}) or a builder without it.`
      });
    }
  }
  const ids = injected.map(b => b.id);
  const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
  for (const id of new Set(twice))
    findings.push({level: 'fail', message: `buildpack ${id} is injected more than once; keep one`});
  return findings;
}
