// Every path of the configuration is followed through its symbolic links and must stay inside the
// repository; one that leads out is a configuration error at its key (exit 2), found before any
// process runs or any connection opens. The links are made here, in a temporary repository.
import {describe, expect, it} from '@jest/globals';
import {mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {readConfigFile} from '../../src/app/plan.js';
import {isInside, physicalPath, repositoryRoot} from '../../src/io/paths.js';
import {forbidProcessesAndNetwork, runCli} from '../helpers/cli.js';

/** A temporary repository (a `.git` directory marks its top, as in a checkout) with a context, and a directory beside it. */
function repository(): {root: string; outside: string} {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'imagegate-paths-')));
  const root = join(base, 'repo');
  mkdirSync(join(root, '.git'), {recursive: true});
  mkdirSync(join(root, 'app'));
  writeFileSync(join(root, 'app', 'Dockerfile'), 'FROM scratch\n');
  mkdirSync(join(base, 'outside'));
  writeFileSync(join(base, 'outside', 'Dockerfile'), 'FROM scratch\n');
  return {root, outside: join(base, 'outside')};
}

const CONFIG = (image: string, top = ''): string =>
  `registry: localhost:5000/acme\n${top}images:\n  - name: web\n${image}`;

describe('configured paths through symbolic links', () => {
  const spies = forbidProcessesAndNetwork();

  // [what, the links to make (name → target; `OUTSIDE` is the directory beside the repository), the image's lines, the expected line:col and message]
  const cases: [string, Record<string, string>, string, string, string][] = [
    [
      'a context linked to /',
      {ctx: '/'},
      '    context: ctx\n',
      '4:14',
      '`ctx` leads through a symbolic link to /, outside the repository'
    ],
    [
      'a context linked beside the repository',
      {ctx: 'OUTSIDE'},
      '    context: ctx\n',
      '4:14',
      'point `context` at a directory inside the repository'
    ],
    [
      'a containerfile linked to /etc/passwd',
      {'app/Dockerfile.link': '/etc/passwd'},
      '    context: app\n    containerfile: Dockerfile.link\n',
      '5:20',
      '`Dockerfile.link` leads through a symbolic link to /etc/passwd'
    ],
    [
      'a test mount linked to /',
      {tests: '/'},
      '    context: app\n    test:\n      commands: ["true"]\n      mount: {source: tests}\n',
      '7:23',
      '`tests` leads through a symbolic link to /, outside the repository'
    ],
    [
      'a secret file linked to /etc/shadow',
      {'app/secret': '/etc/shadow'},
      '    context: app\n    secrets: [{id: x, file: app/secret}]\n',
      '5:29',
      '`app/secret` leads through a symbolic link to /etc/shadow'
    ],
    [
      'a secret file under a linked directory, not there yet',
      {etc: '/etc'},
      '    context: app\n    secrets: [{id: x, file: etc/imagegate-nope}]\n',
      '5:29',
      '`etc/imagegate-nope` leads through a symbolic link to /etc/imagegate-nope'
    ]
  ];

  it.each(cases)('%s: FILE:LINE:COL, exit 2, no process or network', async (_what, links, image, at, message) => {
    const {root, outside} = repository();
    for (const [name, target] of Object.entries(links))
      symlinkSync(target === 'OUTSIDE' ? outside : target, join(root, name));
    writeFileSync(join(root, '.imagegate.yml'), CONFIG(image));
    const result = await runCli(['plan'], {cwd: root});
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringContaining(`.imagegate.yml:${at}: `)]);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain(`outside the repository ${root};`);
    expect(spies.run()).not.toHaveBeenCalled();
    expect(spies.fetch()).not.toHaveBeenCalled();
  });

  it('a cosign key linked out of the repository is refused at promote.cosign-key', async () => {
    const {root} = repository();
    symlinkSync('/etc/hostname', join(root, 'cosign.key'));
    writeFileSync(
      join(root, '.imagegate.yml'),
      CONFIG('    context: app\n', 'promote: {sign: cosign, cosign-key: cosign.key}\n')
    );
    const result = await runCli(['plan'], {cwd: root});
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('.imagegate.yml:2:37: `cosign.key` leads through a symbolic link to /etc/hostname');
    expect(spies.run()).not.toHaveBeenCalled();
  });

  it('links that stay inside the repository are followed and accepted; env:// keys are no path', async () => {
    const {root} = repository();
    symlinkSync('app', join(root, 'ctx'));
    symlinkSync(join(root, 'app'), join(root, 'tests'));
    const image = '    context: ctx\n    test:\n      commands: ["true"]\n      mount: {source: tests}\n';
    writeFileSync(join(root, '.imagegate.yml'), CONFIG(image, 'promote: {sign: cosign, cosign-key: env://KEY}\n'));
    const loaded = await readConfigFile(root);
    expect(loaded.config.images[0]!.context).toBe('ctx');
  });

  it('outside git, the repository is the configuration file’s directory', async () => {
    const {root} = repository();
    const dir = join(root, 'sub');
    mkdirSync(dir);
    writeFileSync(join(dir, '.imagegate.yml'), CONFIG('    context: ../app\n'));
    await expect(readConfigFile(dir)).resolves.toBeDefined();
    const alone = realpathSync(mkdtempSync(join(tmpdir(), 'imagegate-nogit-')));
    mkdirSync(join(alone, 'cfg'));
    mkdirSync(join(alone, 'app'));
    writeFileSync(join(alone, 'app', 'Dockerfile'), 'FROM scratch\n');
    writeFileSync(join(alone, 'cfg', '.imagegate.yml'), CONFIG('    context: ../app\n'));
    await expect(readConfigFile(join(alone, 'cfg'))).rejects.toThrow(
      `.imagegate.yml:4:14: \`../app\` leads to ${join(alone, 'app')}, outside the repository ${join(alone, 'cfg')};`
    );
  });
});

describe('paths', () => {
  it('physicalPath follows links, also above a part that does not exist', async () => {
    const {root} = repository();
    symlinkSync('/etc', join(root, 'etc'));
    expect(await physicalPath(join(root, 'etc', 'passwd'))).toBe(realpathSync('/etc/passwd'));
    expect(await physicalPath(join(root, 'etc', 'nope', 'x'))).toBe(join(realpathSync('/etc'), 'nope', 'x'));
  });

  it('repositoryRoot finds the directory holding .git (a directory or a worktree’s file)', async () => {
    const {root} = repository();
    mkdirSync(join(root, 'a', 'b'), {recursive: true});
    expect(await repositoryRoot(join(root, 'a', 'b'))).toBe(root);
    writeFileSync(join(root, 'a', '.git'), 'gitdir: /elsewhere\n');
    expect(await repositoryRoot(join(root, 'a', 'b'))).toBe(join(root, 'a'));
  });

  it('isInside takes the root itself and what is below it, nothing beside it', () => {
    expect(isInside('/r/repo', '/r/repo')).toBe(true);
    expect(isInside('/r/repo', '/r/repo/a/b')).toBe(true);
    expect(isInside('/r/repo', '/r/repo2')).toBe(false);
    expect(isInside('/r/repo', '/r')).toBe(false);
    expect(isInside('/r/repo', '/r/repo/..x')).toBe(true);
  });
});
