// npm run build: bundle the CLI and the action into dist/ with ncc, then regenerate the JSON
// Schema from its TypeScript source. CI fails when the committed dist/ or schema/ differ.
import {execFileSync} from 'node:child_process';
import {chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';

const entries = {cli: 'src/cli/index.ts', action: 'src/action/index.ts'};
rmSync('dist', {recursive: true, force: true});
for (const [name, entry] of Object.entries(entries)) {
  execFileSync(process.execPath, ['node_modules/@vercel/ncc/dist/ncc/cli.js', 'build', entry, '-o', `dist/${name}`, '--license', 'licenses.txt', '-q', '--target', 'es2022'], {
    stdio: 'inherit'
  });
}
const cli = 'dist/cli/index.js';
const text = readFileSync(cli, 'utf8');
if (!text.startsWith('#!')) writeFileSync(cli, `#!/usr/bin/env node\n${text}`);
chmodSync(cli, 0o755);
const schema = execFileSync(process.execPath, [cli, 'schema'], {encoding: 'utf8'});
mkdirSync('schema', {recursive: true});
writeFileSync('schema/imagegate.schema.json', schema);
