import {describe, expect, it} from '@jest/globals';
import {parseArgs} from '../../src/cli/args.js';
import {UsageError} from '../../src/core/errors.js';

describe('parseArgs', () => {
  // prettier-ignore
  it.each([
    [['plan'], {verb: 'plan', json: false}],
    [['plan', '--json', '--config', 'x.yml'], {verb: 'plan', json: true, config: 'x.yml'}],
    [['gate', '--config=ci/imagegate.yml', '--scenario=gate'], {verb: 'gate', json: false, config: 'ci/imagegate.yml', scenario: 'gate'}],
    [['-c', 'a.yml', 'run'], {verb: 'run', json: false, config: 'a.yml'}],
    [[], {verb: 'help', json: false}],
    [['plan', '--help'], {verb: 'help', json: false}],
    [['--version'], {verb: 'version', json: false}],
    [['run', '--junit', 'j.xml', '--dotenv', 'imagegate.env'], {verb: 'run', json: false, junit: 'j.xml', dotenv: 'imagegate.env'}],
    [['doctor', 'docker.io/heroku/builder:24'], {verb: 'doctor', json: false, target: 'docker.io/heroku/builder:24'}]
  ])('%j', (argv, expected) => {
    expect(parseArgs(argv)).toEqual(expected);
  });

  // prettier-ignore
  it.each([
    [['plna'], 'unknown command `plna`, did you mean `plan`?'],
    [['plan', '--jsno'], 'unknown option `--jsno`, did you mean `--json`?'],
    [['plan', '--scenario', 'promot'], 'unknown scenario `promot`, did you mean `promote`?'],
    [['plan', '--config'], '--config needs a value'],
    [['plan', '--config', '--json'], '--config needs a value'],
    [['plan', 'extra'], 'unexpected argument `extra` after `plan`'],
    [['plan', '--json=yes'], '--json takes no value'],
    [['doctor'], '`imagegate doctor` needs the builder reference production uses']
  ])('%j is a usage error', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
    expect(() => parseArgs(argv)).toThrow(message);
  });
});
