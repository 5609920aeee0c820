// `imagegate setup`: installs the pinned tools and puts them on PATH for the rest of the job
// (GITHUB_PATH on GitHub; elsewhere the directories are printed for the caller to add).

import {appendFile} from 'node:fs/promises';
import {homedir} from 'node:os';
import {join} from 'node:path';
import {toolDownloads} from '../core/tools.js';
import type {Reporter} from '../host/reporter.js';
import {installTool, type InstalledTool} from '../io/install-tools.js';

export const DEFAULT_TOOLS = 'cosign,pack';

export async function setupTools(
  tools: string,
  env: Readonly<Record<string, string | undefined>>,
  reporter: Reporter
): Promise<InstalledTool[]> {
  const downloads = toolDownloads(tools, process.arch, env.IMAGEGATE_TOOLS_MIRROR || undefined);
  const root = env.RUNNER_TOOL_CACHE
    ? join(env.RUNNER_TOOL_CACHE, 'imagegate')
    : join(env.HOME || homedir(), '.cache', 'imagegate', 'tools');
  const installed: InstalledTool[] = [];
  for (const tool of downloads) {
    const done = await reporter.group(`install ${tool.name} ${tool.version}`, () => installTool(tool, root));
    installed.push(done);
    if (env.GITHUB_PATH) await appendFile(env.GITHUB_PATH, `${done.dir}\n`);
  }
  return installed;
}
