// Temporary directories of this run, all under one root (the action's scratch directory, which its
// post step removes, or TMPDIR on the command line).

import {mkdtemp, rm} from 'node:fs/promises';
import {join} from 'node:path';

export class TempDirs {
  constructor(readonly root: string) {}

  /** A fresh private directory; removed again after `fn` unless `keep` says otherwise. */
  async with<T>(prefix: string, fn: (dir: string) => Promise<T>): Promise<T> {
    const dir = await this.make(prefix);
    try {
      return await fn(dir);
    } finally {
      // Files a container wrote as another user may resist removal on a non-root runner.
      await rm(dir, {recursive: true, force: true}).catch(() => undefined);
    }
  }

  make(prefix: string): Promise<string> {
    return mkdtemp(join(this.root, `imagegate-${prefix}-`));
  }
}
