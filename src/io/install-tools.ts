// Downloads the pinned single-file tools, checks every byte against the pinned SHA-256 before anything runs,
// and installs them into a versioned directory (the runner's tool cache when there is one).

import {createHash} from 'node:crypto';
import {chmod, copyFile, mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {InfrastructureError} from '../core/errors.js';
import type {ToolDownload} from '../core/tools.js';

export interface InstalledTool {
  name: string;
  version: string;
  dir: string;
}

export async function installTool(tool: ToolDownload, root: string): Promise<InstalledTool> {
  const work = await mkdtemp(join(tmpdir(), `imagegate-${tool.name}-`));
  try {
    const bytes = await download(tool.url);
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== tool.sha256)
      throw new InfrastructureError(
        `${tool.url} has SHA-256 ${actual}, not the pinned ${tool.sha256}: refusing to install ${tool.name} ${tool.version}. ` +
          'A proxy or mirror served different bytes; fix the mirror (IMAGEGATE_TOOLS_MIRROR) or download from the publisher'
      );
    const file = join(work, 'download');
    await writeFile(file, bytes);
    const dir = join(root, tool.name, tool.version);
    await mkdir(dir, {recursive: true});
    await copyFile(file, join(dir, tool.name));
    await chmod(join(dir, tool.name), 0o755);
    return {name: tool.name, version: tool.version, dir};
  } finally {
    await rm(work, {recursive: true, force: true});
  }
}

async function download(url: string): Promise<Buffer> {
  let res: Response;
  try {
    res = await fetch(url, {redirect: 'follow', signal: AbortSignal.timeout(300_000)});
  } catch (e) {
    throw new InfrastructureError(
      `cannot download ${url}: ${(e as Error).message}; check the network or set IMAGEGATE_TOOLS_MIRROR`
    );
  }
  if (!res.ok) throw new InfrastructureError(`cannot download ${url}: HTTP ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}
