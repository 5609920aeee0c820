import {readFileSync} from 'node:fs';
import {describe, expect, it} from '@jest/globals';
import {loadConfig} from '../../src/core/config/load.js';
import {sourceIdentity} from '../../src/core/identity.js';
import {buildPlan} from '../../src/core/plan.js';
import {inferScenario, type Scenario} from '../../src/core/scenario.js';
import {applyTrust, type TrustOptions} from '../../src/core/trust.js';

const CONFIG = `registry: localhost:5000/acme
images:
  - name: web
    tags: ["{{sha}}", latest]
`;

function recorded(name: string): {env: Record<string, string>; event?: unknown} {
  return JSON.parse(readFileSync(new URL(`../fixtures/ci/${name}.json`, import.meta.url), 'utf8')) as {
    env: Record<string, string>;
    event?: unknown;
  };
}

/** The plan for a recorded run, as the action builds it: inference → trust → plan. */
function planFor(name: string, opts: {override?: Scenario; fromConfig?: Scenario; trust?: TrustOptions} = {}) {
  const {env, event} = recorded(name);
  const r = loadConfig(opts.fromConfig ? `${CONFIG}scenario: ${opts.fromConfig}\n` : CONFIG, '.imagegate.yml');
  if (!r.ok) throw new Error('config');
  const identities = new Map(
    r.config.images.map(i => [i.name, sourceIdentity(i, {contextTree: 'b'.repeat(40), dirty: false, dependencies: []})])
  );
  const inference = applyTrust(inferScenario(env, event), {baseSha: env.GITHUB_SHA, ...opts.trust});
  return buildPlan({
    config: r.config,
    source: r.source,
    inference,
    identities,
    ...(opts.override ? {scenarioOverride: {value: opts.override, source: 'action input scenario'}} : {})
  });
}

const staging = /^localhost:5000\/acme\/web:staging-[0-9a-f]{32}$/;

describe('the trust table', () => {
  it.each([
    ['github/pull_request-fork', 'check', []],
    ['github/pull_request-dependabot', 'check', []],
    ['github/pull_request_target-fork', 'check', []],
    ['github/pull_request-renovate', 'gate', [staging]],
    ['github/pull_request-same-repo', 'gate', [staging]],
    ['github/merge_group', 'gate', [staging]],
    [
      'github/push-default-branch',
      'promote',
      [/^localhost:5000\/acme\/web:[0-9a-f]{40}$/, 'localhost:5000/acme/web:latest']
    ]
  ] as [string, Scenario, (string | RegExp)[]][])('%s → %s, writing only what it may', (name, scenario, writes) => {
    const plan = planFor(name);
    expect(plan.scenario.value).toBe(scenario);
    expect(plan.refusal).toBeUndefined();
    expect(plan.writes).toHaveLength(writes.length);
    writes.forEach((w, i) => expect(plan.writes[i]).toMatch(w));
  });

  it.each(['github/pull_request-fork', 'github/pull_request-dependabot', 'github/pull_request_target-fork'])(
    '%s: an explicit gate is refused, and nothing is written',
    name => {
      const plan = planFor(name, {override: 'gate'});
      expect(plan.refusal).toMatch(/^scenario gate \(action input scenario\) is refused: this run may not write/);
      expect(plan.refusal).toContain('Remove the override');
      expect(plan.writes).toEqual([]);
    }
  );

  it.each([
    ['promote', {override: 'promote'}, 'action input scenario'],
    ['release', {override: 'release'}, 'action input scenario'],
    ['promote', {fromConfig: 'promote'}, '.imagegate.yml:5']
  ] as [Scenario, {override?: Scenario; fromConfig?: Scenario}, string][])(
    'a same-repository pull request may not %s (%j)',
    (scenario, opts, source) => {
      const plan = planFor('github/pull_request-renovate', opts);
      expect(plan.refusal).toBe(
        `scenario ${scenario} (${source}) is refused on a pull_request run: a change that is not merged yet may push to staging (gate) at most, never to final or version tags. ` +
          'Promotion runs on the push to the default branch after the merge, release on a version tag'
      );
      expect(plan.writes).toEqual([]);
    }
  );

  it('a same-repository pull request may still force check', () => {
    expect(planFor('github/pull_request-renovate', {override: 'check'}).refusal).toBeUndefined();
  });

  describe('pull_request_target', () => {
    const head = 'a3bb2d20a2a396970dc6ea8d563f043abbdbbc16';
    const base = '7762722e681bd7e5844307ef4927bb4faa1d7e7a';

    it('with the head checked out: check, and the reason names the opt-in', () => {
      const plan = planFor('github/pull_request_target-same-repo', {trust: {checkoutSha: head}});
      expect(plan.scenario.value).toBe('check');
      expect(plan.trusted).toBe(false);
      expect(plan.reason).toContain("the pull request's head is checked out (a3bb2d20a2a3)");
      expect(plan.reason).toContain('set `allow-pull-request-target-push: true`');
      expect(
        planFor('github/pull_request_target-same-repo', {override: 'gate', trust: {checkoutSha: head}}).refusal
      ).toMatch(/^scenario gate .* is refused: this run may not write/);
    });

    it('with the opt-in, a same-repository head gates to staging, never further', () => {
      const trust = {checkoutSha: head, allowPullRequestTargetPush: true};
      const plan = planFor('github/pull_request_target-same-repo', {trust});
      expect(plan.scenario).toEqual({value: 'gate', source: 'env GITHUB_EVENT_NAME, allow-pull-request-target-push'});
      expect(plan.writes).toEqual([expect.stringMatching(staging)]);
      expect(planFor('github/pull_request_target-same-repo', {trust, override: 'promote'}).refusal).toContain(
        'is refused on a pull_request_target run'
      );
    });

    it('the opt-in never lets a fork push', () => {
      const plan = planFor('github/pull_request_target-fork', {
        trust: {checkoutSha: head, allowPullRequestTargetPush: true}
      });
      expect(plan.scenario.value).toBe('check');
      expect(plan.reason).toContain('its head comes from a fork, which never pushes even with');
    });

    it('with the base branch checked out, the code is the base branch’s own: a forced gate may push', () => {
      const inferred = planFor('github/pull_request_target-fork', {trust: {checkoutSha: base}});
      expect(inferred.scenario.value).toBe('check');
      expect(inferred.reason).toContain('the working tree is the base branch tip 7762722e681b');
      const plan = planFor('github/pull_request_target-fork', {override: 'gate', trust: {checkoutSha: base}});
      expect(plan.trusted).toBe(true);
      expect(plan.refusal).toBeUndefined();
    });
  });

  it('GitLab fork merge requests follow the same rule', () => {
    const plan = planFor('gitlab/merge_request-fork', {override: 'gate'});
    expect(plan.refusal).toContain('may not write to any registry');
    expect(planFor('gitlab/merge_request-detached', {override: 'promote'}).refusal).toContain(
      'is refused on a merge_request_event/detached run'
    );
  });
});
