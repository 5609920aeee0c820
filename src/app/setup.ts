// `imagegate setup`: installs the pinned tools and puts them on PATH for the rest of the job
// (GITHUB_PATH on GitHub; elsewhere the directories are printed for the caller to add).

import {dirname} from 'node:path';
import {PACK_TOOL, parseToolNames, toolDownloads} from '../core/tools.js';
import type {Log} from '../host/host.js';
import type {InstalledTool} from '../io/tool-install.js';
import type {Installer} from './services.js';

export const DEFAULT_TOOLS = 'cosign,pack';

export interface SetupServices {
  log: Log;
  installer: Installer;
  /** IMAGEGATE_TOOLS_MIRROR: a base URL serving `<tool>/v<version>/<file>`. */
  mirror?: string;
  /** The machine's architecture as Node names it (`x64`, `arm64`). */
  arch: string;
}

export async function setupTools(
  tools: string,
  {log, installer, mirror, arch}: SetupServices
): Promise<InstalledTool[]> {
  const names = parseToolNames(tools);
  const installed: InstalledTool[] = [];
  for (const tool of toolDownloads(names, arch, mirror))
    installed.push(await log.group(`install ${tool.name} ${tool.version}`, () => installer.installFile(tool)));
  if (names.includes(PACK_TOOL)) {
    const pack = await log.group('install pack', () => installer.installPack());
    installed.push({name: PACK_TOOL, version: pack.version, dir: dirname(pack.path)});
  }
  return installed;
}
