// `imagegate doctor`: does CI still build with what production uses? The pinned builder's digest
// against the digest a production tag points at now, and what differs inside when they part.

import type {BuildpackRef} from './labels.js';

export interface DoctorImage {
  name: string;
  ciBuilder: string;
  ciDigest: string;
  production: string;
  productionDigest: string;
  matches: boolean;
  /** `heroku/python 2.4.5 → 2.7.0`, `+ heroku/go 1.0.0`, `- heroku/php 0.3.0`. */
  differences: string[];
}

export function buildpackDifferences(ci: BuildpackRef[], production: BuildpackRef[]): string[] {
  const lines: string[] = [];
  const ids = [...new Set([...ci, ...production].map(b => b.id))].sort();
  for (const id of ids) {
    const a = ci.filter(b => b.id === id).map(b => b.version);
    const b = production.filter(p => p.id === id).map(p => p.version);
    if (!a.length) lines.push(`+ ${id} ${b.join(', ')} (production only)`);
    else if (!b.length) lines.push(`- ${id} ${a.join(', ')} (CI only)`);
    else if (a.join() !== b.join()) lines.push(`${id} ${a.join(', ')} → ${b.join(', ')}`);
  }
  return lines;
}

export function renderDoctor(images: DoctorImage[]): string {
  return images
    .map(i => {
      const repo = i.production.replace(/@.*$/, '').replace(/:[^/:]+$/, '');
      if (i.matches)
        return `${i.name}: CI matches production: ${i.production} points at ${i.ciDigest}, the digest CI builds with.\n`;
      const diff = i.differences.length
        ? `\n  buildpacks (CI → production):\n${i.differences.map(d => `    ${d}`).join('\n')}`
        : '';
      return `${i.name}: CI does NOT match production: CI builds with ${i.ciBuilder} (${i.ciDigest}), but ${i.production} points at ${i.productionDigest} now.${diff}\n  Fix: set builder.buildpacks.image to ${repo}@${i.productionDigest}\n`;
    })
    .join('');
}
