// npm run build: bundle the CLI and the action into dist/ with ncc, then regenerate the JSON
// Schema from its TypeScript source. CI fails when the committed dist/ or schema/ differ.
import {execFileSync} from 'node:child_process';
import {chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';

const entries = {cli: 'src/cli/index.ts', action: 'src/action/index.ts'};
rmSync('dist', {recursive: true, force: true});
for (const [name, entry] of Object.entries(entries)) {
  execFileSync(
    process.execPath,
    [
      'node_modules/@vercel/ncc/dist/ncc/cli.js',
      'build',
      entry,
      '-o',
      `dist/${name}`,
      '--license',
      'licenses.txt',
      '-q',
      '--target',
      'es2022'
    ],
    {
      stdio: 'inherit'
    }
  );
}
const cli = 'dist/cli/index.js';
const text = readFileSync(cli, 'utf8');
if (!text.startsWith('#!')) writeFileSync(cli, `#!/usr/bin/env node\n${text}`);
chmodSync(cli, 0o755);
const schema = execFileSync(process.execPath, [cli, 'schema'], {encoding: 'utf8'});
mkdirSync('schema', {recursive: true});
writeFileSync('schema/imagegate.schema.json', schema);

const reference = execFileSync(process.execPath, [cli, 'schema', '--markdown'], {encoding: 'utf8'});
const readme = readFileSync('README.md', 'utf8');
const start = '<!-- config-reference:start -->';
const end = '<!-- config-reference:end -->';
const from = readme.indexOf(start);
const to = readme.indexOf(end);
if (from < 0 || to < from) throw new Error(`README.md lacks the ${start} … ${end} markers`);
writeFileSync('README.md', `${readme.slice(0, from + start.length)}\n${reference}${readme.slice(to)}`);
