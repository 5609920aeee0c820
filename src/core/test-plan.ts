// Which test commands run on which platform, in order.

import type {ImageConfig, TestCommand} from './config/types.js';
import type {ServiceTest} from './service/types.js';
import {samePlatformText} from '../oci/platform.js';

export function testsForPlatform(image: ImageConfig, platform: string): TestCommand[] {
  return image.test.commands.filter(c => !c.platforms || c.platforms.some(p => samePlatformText(p, platform)));
}

export function servicesForPlatform(image: ImageConfig, platform: string): ServiceTest[] {
  return (image.test.services ?? []).filter(s => !s.platforms || s.platforms.some(p => samePlatformText(p, platform)));
}
