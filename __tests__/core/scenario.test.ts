import {readdirSync, readFileSync} from 'node:fs';
import {describe, expect, it} from '@jest/globals';
import {inferScenario, parseScenario, SCENARIOS, type Fact, type Inference} from '../../src/core/scenario.js';

// Each fixture is one recorded run: the host's environment, the (trimmed) event payload when the
// host has one, and what imagegate must infer from them. Git fact sources are matched as prefixes,
// so a source may go on to explain itself, e.g. "event pull_request.head.sha (the pull request head; …)".
interface Fixture {
  description: string;
  env: Record<string, string>;
  event?: unknown;
  expect: {
    host: Inference['host'];
    event: string;
    scenario: string;
    scenarioSource: string[];
    trusted: boolean;
    fork: boolean;
    bot?: Inference['bot'];
    git: Record<string, Fact<string>>;
    reasonMentions: string[];
  };
}

const FIXTURES = new URL('../fixtures/ci/', import.meta.url);
const SOURCE = /^(env [A-Z][A-Z0-9_]*|event [a-z_]+(\.[a-z_]+)*)( \(.+\))?$/;

function fixtureNames(host: string): string[] {
  return readdirSync(new URL(`${host}/`, FIXTURES))
    .filter(file => file.endsWith('.json'))
    .map(file => `${host}/${file.slice(0, -'.json'.length)}`)
    .sort();
}

function loadFixture(name: string): Fixture {
  return JSON.parse(readFileSync(new URL(`${name}.json`, FIXTURES), 'utf8')) as Fixture;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const recorded = [...fixtureNames('github'), ...fixtureNames('gitlab')];

describe('inferScenario on recorded CI runs', () => {
  it.each(recorded)('%s', name => {
    const {env, event, expect: want} = loadFixture(name);
    const inference = inferScenario(env, event);

    expect({
      host: inference.host,
      event: inference.event,
      scenario: inference.scenario.value,
      trusted: inference.trusted,
      fork: inference.fork,
      bot: inference.bot
    }).toEqual({
      host: want.host,
      event: want.event,
      scenario: want.scenario,
      trusted: want.trusted,
      fork: want.fork,
      bot: want.bot
    });

    const decidedBy = inference.scenario.source.split(', ');
    expect(decidedBy).toEqual(expect.arrayContaining(want.scenarioSource));
    for (const source of decidedBy) expect(source).toMatch(SOURCE);

    const expectedGit = Object.fromEntries(
      Object.entries(want.git).map(([key, fact]) => [
        key,
        {value: fact.value, source: expect.stringMatching(new RegExp(`^${escapeRegExp(fact.source)}`))}
      ])
    );
    expect(inference.git).toEqual(expectedGit);
    for (const fact of Object.values(inference.git)) expect(fact.source).toMatch(SOURCE);

    for (const mention of [...want.reasonMentions, want.scenario]) expect(inference.reason).toContain(mention);
  });

  it('covers every event and pipeline source imagegate distinguishes', () => {
    expect(recorded).toEqual(
      expect.arrayContaining([
        'github/pull_request-same-repo',
        'github/pull_request-fork',
        'github/pull_request-deleted-fork',
        'github/pull_request-dependabot',
        'github/pull_request-renovate',
        'github/pull_request_target-fork',
        'github/merge_group',
        'github/push-default-branch',
        'github/push-other-branch',
        'github/push-tag',
        'github/workflow_dispatch-default-branch',
        'github/workflow_dispatch-branch',
        'github/schedule',
        'github/release-published',
        'github/issue_comment',
        'github/push-missing-payload',
        'gitlab/merge_request-detached',
        'gitlab/merge_request-merged_result',
        'gitlab/merge_request-merge_train',
        'gitlab/merge_request-fork',
        'gitlab/merge_request-fork-pipeline-in-fork',
        'gitlab/tag',
        'gitlab/push-default-branch',
        'gitlab/push-other-branch',
        'gitlab/web-default-branch',
        'gitlab/schedule',
        'gitlab/unknown-source'
      ])
    );
  });

  it.each(recorded)('%s: an untrusted run is never given a scenario that writes', name => {
    const {env, event} = loadFixture(name);
    const inference = inferScenario(env, event);
    if (!inference.trusted) expect(inference.scenario.value).toBe('check');
  });
});

describe('inferScenario outside CI', () => {
  const shell = {HOME: '/home/alice', PATH: '/usr/local/bin:/usr/bin:/bin', USER: 'alice', TERM: 'xterm-256color'};

  it('defaults a local run to a trusted check with no git facts', () => {
    const inference = inferScenario(shell);
    expect(inference).toEqual({
      host: 'local',
      event: 'local',
      scenario: {value: 'check', source: 'default'},
      reason: expect.stringContaining('check'),
      trusted: true,
      fork: false,
      git: {}
    });
  });

  it('is not fooled by a CI variable that is not the host marker', () => {
    expect(inferScenario({...shell, CI: 'true', GITHUB_ACTIONS: 'false', GITLAB_CI: ''}).host).toBe('local');
  });
});

describe('inferScenario on GitHub edge cases', () => {
  it('treats Dependabot as the actor as untrusted even when the pull request author is a person', () => {
    const {env, event} = loadFixture('github/pull_request-same-repo');
    const inference = inferScenario({...env, GITHUB_ACTOR: 'dependabot[bot]'}, event);
    expect(inference.scenario.value).toBe('check');
    expect(inference.trusted).toBe(false);
    expect(inference.bot).toBe('dependabot');
    expect(inference.scenario.source).toContain('env GITHUB_ACTOR');
  });

  it.each([null, 'not json', ['array'], 42])('treats an unusable payload (%p) as missing', payload => {
    const {env} = loadFixture('github/push-default-branch');
    const inference = inferScenario(env, payload);
    expect(inference.scenario.value).toBe('check');
    expect(inference.reason).toContain('default branch is unknown');
    expect(inference.git.defaultBranch).toBeUndefined();
  });

  it('falls back to GITHUB_SHA on a pull request payload without a head sha, and says it is the merge commit', () => {
    const {env, event} = loadFixture('github/pull_request-same-repo');
    const trimmed = JSON.parse(JSON.stringify(event)) as {pull_request: {head: {sha?: string}}};
    delete trimmed.pull_request.head.sha;
    const sha = inferScenario(env, trimmed).git.sha;
    expect(sha?.value).toBe(env.GITHUB_SHA);
    expect(sha?.source).toMatch(/^env GITHUB_SHA \(.*merge commit/);
  });

  it('does not trust a run whose event name is missing', () => {
    const {env, event} = loadFixture('github/push-default-branch');
    const inference = inferScenario({...env, GITHUB_EVENT_NAME: undefined}, event);
    expect(inference).toMatchObject({event: 'unknown', scenario: {value: 'check'}, trusted: false});
    expect(inference.reason).toContain('GITHUB_EVENT_NAME');
  });

  it('does not release from a release event whose payload is missing', () => {
    const {env} = loadFixture('github/release-published');
    expect(inferScenario(env).scenario.value).toBe('check');
  });
});

describe('inferScenario on GitLab edge cases', () => {
  it('does not trust a merge request pipeline that does not name its source project', () => {
    const {env} = loadFixture('gitlab/merge_request-detached');
    const inference = inferScenario({...env, CI_MERGE_REQUEST_SOURCE_PROJECT_ID: undefined});
    expect(inference).toMatchObject({scenario: {value: 'check'}, trusted: false});
  });

  it('does not promote when the default branch is unknown', () => {
    const {env} = loadFixture('gitlab/push-default-branch');
    const inference = inferScenario({...env, CI_DEFAULT_BRANCH: undefined});
    expect(inference).toMatchObject({scenario: {value: 'check'}, trusted: true});
    expect(inference.reason).toContain('default branch is unknown');
  });

  it('marks a dependabot-gitlab merge request as a bot without changing the decision', () => {
    const {env} = loadFixture('gitlab/merge_request-detached');
    const inference = inferScenario({...env, GITLAB_USER_LOGIN: 'dependabot-bot'});
    expect(inference).toMatchObject({scenario: {value: 'gate'}, trusted: true, bot: 'dependabot'});
  });

  it('does not trust a pipeline whose source is missing', () => {
    const {env} = loadFixture('gitlab/push-default-branch');
    const inference = inferScenario({...env, CI_PIPELINE_SOURCE: undefined});
    expect(inference).toMatchObject({event: 'unknown', scenario: {value: 'check'}, trusted: false});
  });
});

describe('parseScenario', () => {
  it.each(SCENARIOS)('accepts %s', name => {
    expect(parseScenario(name)).toBe(name);
  });

  it.each(['Gate', 'GATE', ' gate', 'gate ', '', 'publish', 'push', 'toString', 'constructor'])('rejects %p', text => {
    expect(parseScenario(text)).toBeUndefined();
  });

  it('lists the four scenarios in pipeline order', () => {
    expect(SCENARIOS).toEqual(['check', 'gate', 'promote', 'release']);
  });
});
