// `imagegate setup`: installs the pinned tools and puts them on PATH for the rest of the job
// (GITHUB_PATH on GitHub; elsewhere the directories are printed for the caller to add).

import {appendFile} from 'node:fs/promises';
import {homedir} from 'node:os';
import {dirname, join} from 'node:path';
import {PACK_TOOL, parseToolNames, toolDownloads} from '../core/tools.js';
import type {Reporter} from '../host/reporter.js';
import {installPack, PACK_BASE_URL_ENV} from '../io/buildpacks/pack-install.js';
import {installTool, type InstalledTool} from '../io/install-tools.js';

export const DEFAULT_TOOLS = 'cosign,pack';

export async function setupTools(
  tools: string,
  env: Readonly<Record<string, string | undefined>>,
  reporter: Reporter
): Promise<InstalledTool[]> {
  const names = parseToolNames(tools);
  const mirror = env.IMAGEGATE_TOOLS_MIRROR || undefined;
  const downloads = toolDownloads(names, process.arch, mirror);
  const root = env.RUNNER_TOOL_CACHE
    ? join(env.RUNNER_TOOL_CACHE, 'imagegate')
    : join(env.HOME || homedir(), '.cache', 'imagegate', 'tools');
  const installed: InstalledTool[] = [];
  for (const tool of downloads)
    installed.push(await reporter.group(`install ${tool.name} ${tool.version}`, () => installTool(tool, root)));
  if (names.includes(PACK_TOOL)) {
    // One installer for pack (tool-cache, the project's single pin); the mirror serves it as <mirror>/pack/v<version>/<file>.
    const packEnv = {
      ...env,
      [PACK_BASE_URL_ENV]: env[PACK_BASE_URL_ENV] || (mirror && `${mirror.replace(/\/+$/, '')}/pack`)
    };
    const pack = await reporter.group('install pack', () =>
      installPack({env: packEnv, log: line => reporter.info(line)})
    );
    installed.push({name: PACK_TOOL, version: pack.version, dir: dirname(pack.path)});
  }
  if (env.GITHUB_PATH) for (const tool of installed) await appendFile(env.GITHUB_PATH, `${tool.dir}\n`);
  return installed;
}
