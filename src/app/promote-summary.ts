// A promotion's outcome as people read it.

import type {PromoteReport} from './promote.js';

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
    if (image.cleanup)
      lines.push(`    staging tag ${image.cleanup.removed ? 'removed' : `left: ${image.cleanup.reason ?? ''}`}`);
  }
  lines.push(
    `HTTP: ${report.http.requests} requests, ${report.http.bytesSent} bytes sent, ${report.http.bytesReceived} received`
  );
  for (const w of report.warnings) lines.push(`warning: ${w}`);
  return `${lines.join('\n')}\n`;
}
