// The README is the front door and docs/ the manual: every relative link in them must reach a file
// (or folder) of this repository, and every #anchor a heading of the page it names, as GitHub
// renders them.
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from '@jest/globals';
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs';
import {dirname, join, relative, resolve} from 'node:path';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

const pages = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter(f => f.endsWith('.md'))
    .map(f => `docs/${f}`)
];

/** The text outside fenced code blocks, with inline code spans kept as their contents. */
function prose(markdown: string): string {
  const out: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    const m = /^\s*(`{3,}|~{3,})/.exec(line);
    if (fence !== undefined) {
      if (m && m[1]!.startsWith(fence)) fence = undefined;
      out.push('');
    } else if (m) {
      fence = m[1]!;
      out.push('');
    } else out.push(line);
  }
  return out.join('\n');
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, -1, -2 for repeats. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const line of prose(markdown).split('\n')) {
    const m = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const text = m[1]!.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
    const base = text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

/** Every inline link target `[text](target)` outside code blocks and code spans. */
function links(markdown: string): string[] {
  const text = prose(markdown).replace(/`[^`\n]*`/g, 'code');
  return [...text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map(m => m[1]!);
}

function brokenLinks(page: string): string[] {
  const file = join(ROOT, page);
  const broken: string[] = [];
  for (const target of links(readFileSync(file, 'utf8'))) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:: not ours to check
    const [path, anchor] = target.split('#', 2) as [string, string | undefined];
    const to = path === '' ? file : resolve(dirname(file), decodeURIComponent(path));
    if (!existsSync(to)) {
      broken.push(`${target}: ${relative(ROOT, to)} does not exist`);
      continue;
    }
    if (anchor !== undefined && to.endsWith('.md') && statSync(to).isFile()) {
      if (!anchors(readFileSync(to, 'utf8')).has(anchor))
        broken.push(`${target}: ${relative(ROOT, to)} has no heading #${anchor}`);
    }
  }
  return broken;
}

describe('documentation links', () => {
  it('covers the README and every page of docs/', () => {
    expect(pages).toEqual(expect.arrayContaining(['README.md', 'docs/configuration.md', 'docs/development.md']));
  });

  it.each(pages)('every relative link in %s resolves', page => {
    expect(brokenLinks(page)).toEqual([]);
  });

  it('every page of docs/ is linked from the README', () => {
    const linked = new Set(links(readFileSync(join(ROOT, 'README.md'), 'utf8')).map(t => t.split('#')[0]));
    expect(pages.filter(p => p.startsWith('docs/') && !linked.has(p))).toEqual([]);
  });

  it('computes anchors as GitHub does', () => {
    const md = [
      '# The command line',
      '## `--json`, `--dotenv`, `--junit`',
      '## Does CI still match production? `imagegate doctor`',
      '## On GitLab: `parallel:matrix`',
      '## Tests',
      '## Tests',
      '```sh',
      '# not a heading',
      '```'
    ].join('\n');
    expect([...anchors(md)]).toEqual([
      'the-command-line',
      '--json---dotenv---junit',
      'does-ci-still-match-production-imagegate-doctor',
      'on-gitlab-parallelmatrix',
      'tests',
      'tests-1'
    ]);
  });

  it('finds the links it checks, and not those in code', () => {
    const md = 'See [a](docs/a.md#x) and [`b`](../b/) but not `[c](c.md)`.\n```\n[d](d.md)\n```\n';
    expect(links(md)).toEqual(['docs/a.md#x', '../b/']);
  });
});
