// The version is package.json's: one place to bump.
import manifest from '../package.json' with {type: 'json'};

export const VERSION: string = manifest.version;
