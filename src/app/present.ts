// The outcomes of merge, promote, verify, cleanup and setup as people read them (check and gate:
// core/summary.ts; plan: core/render-plan.ts).

import type {CleanupReport} from './cleanup.js';
import type {MergeReport} from './merge.js';
import type {PromoteReport} from './promote.js';
import type {VerifyReport} from './verify.js';
import type {InstalledTool} from '../io/tool-install.js';

export function renderPromoteText(report: PromoteReport): string {
  const lines = [
    `imagegate ${report.scenario}: ${report.images.length} image(s), ${report.refs.length} tag(s) written in ${(report.durationMs / 1000).toFixed(2)}s`
  ];
  for (const image of report.images) {
    lines.push(`  ${image.name}  ${image.digest}  from ${image.staging}`);
    for (const tag of image.tags)
      lines.push(
        `    ${tag.action.padEnd(9)} ${tag.ref}${tag.before && tag.action === 'moved' ? ` (was ${tag.before})` : ''}`
      );
    const c = image.copy;
    lines.push(
      `    copied: ${c.manifests} manifest(s), ${c.blobsMounted} blob(s) mounted, ${c.blobsUploaded} uploaded (${c.bytesUploaded} bytes), ${c.blobsPresent + c.manifestsPresent} already there`
    );
    if (image.referrers)
      lines.push(
        `    referrers: ${image.referrers.manifests} manifest(s) and ${image.referrers.tags} cosign tag(s) copied`
      );
    if (image.marker)
      lines.push(
        `    marker: ${image.marker.tag} → ${image.marker.digest}${image.marker.created ? '' : ' (already there)'}`
      );
    if (image.signed)
      lines.push(
        `    signed: ${image.signed.created ? 'now' : 'already'} by cosign ${image.signed.cosign.version} (${image.signed.format === 'bundle' ? 'bundle referrer' : '.sig tag'} ${image.signed.signature})${image.signed.verified ? ', verified' : ''}`
      );
    if (image.cleanup)
      lines.push(`    staging tag ${image.cleanup.removed ? 'removed' : `left: ${image.cleanup.reason ?? ''}`}`);
  }
  lines.push(
    `HTTP: ${report.http.requests} requests, ${report.http.bytesSent} bytes sent, ${report.http.bytesReceived} received`
  );
  for (const w of report.warnings) lines.push(`warning: ${w}`);
  return `${lines.join('\n')}\n`;
}

export function renderMergeText(report: MergeReport): string {
  const lines = report.images.map(
    i =>
      `  ${i.name}: ${i.ref}@${i.digest} (${i.action}; ${i.platforms.map(p => `${p.platform} ${p.digest.slice(0, 19)}`).join(', ')})\n`
  );
  return `imagegate merge: ${report.images.length} image(s) assembled from tested digests\n${lines.join('')}`;
}

export function renderVerifyText(report: VerifyReport): string {
  const problems = report.problems.map(p => `  ${p}\n`).join('');
  return `${problems ? 'INCOMPLETE' : 'complete'}: ${report.ref}${report.digest ? `@${report.digest}` : ''} (${report.manifests} manifests, ${report.blobs} blobs)\n${problems}`;
}

export function renderCleanupText(report: CleanupReport): string {
  const lines = [
    `imagegate cleanup: removed ${report.removed.length} staging tag(s) and ${report.referrers.length} referrer(s) of them, kept ${report.kept.length}, ${report.leftovers.length} left (deletes refused)`,
    ...report.removed.map(r => `  removed ${r}`),
    ...report.referrers.map(r => `  removed ${r} (referred only to a removed staging digest)`),
    ...report.kept.map(k => `  kept ${k.ref}: ${k.reason}`),
    ...report.leftovers.map(l => `  left ${l.ref}: ${l.reason}`)
  ];
  return `${lines.join('\n')}\n`;
}

export function renderSetupText(installed: InstalledTool[]): string {
  return installed.map(t => `installed ${t.name} ${t.version} in ${t.dir}\n`).join('');
}

/** A fenced block under a heading, for CI summary pages. */
export function fencedMarkdown(title: string, text: string): string {
  return `### ${title}\n\n\`\`\`\n${text}\`\`\`\n`;
}
