// report.toml, what the exporter writes (buildpacks/spec platform.md "report.toml"):
// [image] tags = [...], digest = "sha256:…" (registry export) or image-id (daemon export).

export interface BuildReport {
  digest?: string;
  imageId?: string;
  tags: string[];
}

export function parseReportToml(text: string): BuildReport {
  const section = sectionOf(text, 'image');
  const str = (key: string): string | undefined =>
    new RegExp(`^\\s*${key}\\s*=\\s*["']([^"']*)["']\\s*$`, 'm').exec(section)?.[1];
  const tagsText = /^\s*tags\s*=\s*\[([^\]]*)\]/m.exec(section)?.[1] ?? '';
  const tags = [...tagsText.matchAll(/["']([^"']+)["']/g)].map(m => m[1]!);
  const digest = str('digest');
  const imageId = str('image-id');
  return {tags, ...(digest ? {digest} : {}), ...(imageId ? {imageId} : {})};
}

function sectionOf(text: string, name: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex(l => l.trim() === `[${name}]`);
  if (start < 0) return '';
  const end = lines.findIndex((l, i) => i > start && /^\s*\[/.test(l));
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}
