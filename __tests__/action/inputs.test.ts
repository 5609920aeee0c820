// The action's inputs become the same run request the CLI makes; bad inputs are usage errors that
// name the input and the fix.
import {afterEach, describe, expect, it, jest} from '@jest/globals';
import {readInputs} from '../../src/action/inputs.js';
import {UsageError} from '../../src/core/errors.js';

const set: string[] = [];
function inputs(values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values)) {
    const key = `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
    process.env[key] = value;
    set.push(key);
  }
}

afterEach(() => {
  for (const key of set.splice(0)) delete process.env[key];
  jest.restoreAllMocks();
});

describe('readInputs', () => {
  it('the root action: command, scenario, paths and options as a request', () => {
    inputs({command: 'run', scenario: 'gate', config: 'ci/imagegate.yml', 'working-directory': '/w', parallel: '3'});
    expect(readInputs('run').request).toEqual({
      command: 'run',
      cwd: '/w',
      config: 'ci/imagegate.yml',
      parallel: 3,
      scenario: {value: 'gate', source: 'action input scenario'}
    });
  });

  it('a sub-action runs its step, whose scenario follows from the event; merge gates like components/gate', () => {
    expect(readInputs('promote').request).toMatchObject({command: 'promote', step: 'promote'});
    inputs({command: 'merge', records: 'out'});
    expect(readInputs('run').request).toMatchObject({command: 'merge', step: 'gate', records: 'out'});
  });

  it('registry-username and registry-password become the run’s login, masked', () => {
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    inputs({'registry-username': 'octocat', 'registry-password': 's3cret-token'});
    expect(readInputs('run').login).toMatchObject({username: 'octocat', password: 's3cret-token'});
    expect(write).toHaveBeenCalledWith(expect.stringContaining('::add-mask::s3cret-token'));
  });

  it.each([
    [{command: 'deploy'}, 'input `command: deploy` is not one of plan, run, check, gate, merge, promote, release'],
    [{command: 'gate', scenario: 'check'}, 'input `command: gate` conflicts with `scenario: check`'],
    [{scenario: 'ship'}, 'input `scenario: ship` must be check, gate, promote or release'],
    [{parallel: '0'}, 'input `parallel: 0` must be a whole number of 1 or more'],
    [{'allow-pull-request-target-push': 'yes'}, 'input `allow-pull-request-target-push: yes` must be true or false'],
    [{'registry-password': 'x'}, '`registry-password` is set but `registry-username` is not']
  ])('%j is a usage error', (values, message) => {
    jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    inputs(values);
    expect(() => readInputs('run')).toThrow(UsageError);
    expect(() => readInputs('run')).toThrow(message);
  });
});
