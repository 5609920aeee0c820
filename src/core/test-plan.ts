// Which test commands run on which platform, in order.

import type {ImageConfig, TestCommand} from './config/types.js';
import {samePlatformText} from '../oci/platform.js';

export function testsForPlatform(image: ImageConfig, platform: string): TestCommand[] {
  return image.test.commands.filter(c => !c.platforms || c.platforms.some(p => samePlatformText(p, platform)));
}
