// The repository's root directory, for tests that read its files (action.yml, templates, examples…).
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
