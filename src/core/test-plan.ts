// Which test commands run on which platform, in order.

import type {ImageConfig, TestCommand} from './config/types.js';
import {parsePlatform, samePlatform} from './platform.js';

export interface PlannedTest {
  platform: string;
  command: TestCommand;
}

export function testsForPlatform(image: ImageConfig, platform: string): TestCommand[] {
  return image.test.commands.filter(c => !c.platforms || c.platforms.some(p => platformsMatch(p, platform)));
}

function platformsMatch(a: string, b: string): boolean {
  const pa = parsePlatform(a);
  const pb = parsePlatform(b);
  return pa.ok && pb.ok ? samePlatform(pa.value, pb.value) : a === b;
}
