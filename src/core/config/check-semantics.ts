// Checks of a test's assertions that need more than one value: a command without `run` runs the
// image as-is only with `entrypoint: keep`, file checks that contradict themselves, check platforms
// the image does not build.

import {platformKey} from '../../oci/platform.js';
import {imagePlatforms, testSuite} from './effective.js';
import {bytes} from './normalise-checks.js';
import type {Path} from './positions.js';
import type {RawImage} from './raw.js';

type Report = (path: Path, message: string) => void;

export function checkAssertions(image: RawImage, at: Path, error: Report): void {
  const suite = testSuite(image);
  const commandsAt: Path = Array.isArray(image.test) ? [...at, 'test'] : [...at, 'test', 'commands'];
  suite.commands.forEach((command, i) => {
    if (typeof command === 'string') return;
    const path: Path = [...commandsAt, i];
    const keep = command.entrypoint === 'keep';
    if (command.run === undefined && !keep)
      error(
        path,
        'this test has no `run`: give it the command to run (e.g. `run: test -f /app/ready`), or `entrypoint: keep` to run the image as-is, its ENTRYPOINT and CMD unchanged'
      );
    if (command.args !== undefined && (command.run !== undefined || !keep))
      error(
        [...path, 'args'],
        command.run !== undefined
          ? '`args` goes with a test that runs the image as-is (`entrypoint: keep`, no `run`); with `run`, write the arguments in `run`'
          : '`args` are added after the image’s ENTRYPOINT and CMD: set `entrypoint: keep` (and no `run`) to run the image as-is'
      );
  });
  const platforms = imagePlatforms(image);
  const built = new Set(platforms.map(platformKey));
  const checkPlatforms = (list: string[] | undefined, path: Path): void =>
    (list ?? []).forEach((p, j) => {
      if (!built.has(platformKey(p)))
        error(
          [...path, 'platforms', j],
          `check platform ${p} is not one of the image's platforms (${platforms.join(', ')})`
        );
    });
  (suite.files ?? []).forEach((file, i) => {
    const path: Path = [...at, 'test', 'files', i];
    checkPlatforms(file.platforms, path);
    const others = (
      ['type', 'mode', 'uid', 'gid', 'target', 'contains', 'not-contains', 'matches', 'min-size', 'max-size'] as const
    ).filter(k => file[k] !== undefined);
    if (file.exists === false && others.length) {
      error(
        [...path, others[0]!],
        `conflicting options: \`exists: false\` checks that ${file.path} is absent, so \`${others[0]}\` cannot apply; remove one of them`
      );
      return;
    }
    const content = (['contains', 'not-contains', 'matches', 'min-size', 'max-size'] as const).find(
      k => file[k] !== undefined
    );
    if (content && file.type !== undefined && file.type !== 'file')
      error(
        [...path, content],
        `\`${content}\` checks a file's content, but \`type: ${file.type}\` has none; use \`type: file\` or remove \`${content}\``
      );
    if (file.target !== undefined && file.type !== undefined && file.type !== 'symlink')
      error(
        [...path, 'target'],
        `\`target\` is a symbolic link's target, but \`type: ${file.type}\`; use \`type: symlink\` or remove \`target\``
      );
    const min = file['min-size'];
    const max = file['max-size'];
    if (min !== undefined && max !== undefined && bytes(min) > bytes(max))
      error([...path, 'min-size'], `\`min-size\` (${min}) is larger than \`max-size\` (${max}); no file can pass`);
  });
  if (suite.metadata) checkPlatforms(suite.metadata.platforms, [...at, 'test', 'metadata']);
}
