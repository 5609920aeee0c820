// Who may write where. The inference (scenario.ts) reads the event; this module adds what the event
// alone cannot say — which commit was checked out, what the workflow explicitly allowed — and refuses
// an explicit scenario that would write more than the event may:
//   - untrusted runs (forks, Dependabot, unknown events) write nothing: only `check`;
//   - a pull/merge request may reach staging (`gate`), never final or version tags;
//   - `pull_request_target` runs with the base repository's secrets: when the pull request's head is
//     checked out, it pushes only with `allow-pull-request-target-push`, and only for same-repository heads.
// The opt-in is never read from the configuration file: on these events that file comes from the
// pull request, so a pull request could grant itself the permission.

import type {Fact, Inference, Scenario} from './scenario.js';

export interface TrustOptions {
  /** The commit the working tree holds (`git rev-parse HEAD`). */
  checkoutSha?: string;
  /** The workflow's explicit opt-in (action input / IMAGEGATE_ALLOW_PULL_REQUEST_TARGET_PUSH), never the config file. */
  allowPullRequestTargetPush?: boolean;
  /** GITHUB_SHA: on pull_request_target, the base branch tip. */
  baseSha?: string;
}

const ALLOW_PRT_INPUT = 'allow-pull-request-target-push';

const CHANGE_REQUEST_EVENTS = /^(pull_request|pull_request_target|merge_request_event(\/.*)?)$/;

function isChangeRequest(inference: Pick<Inference, 'event'>): boolean {
  return CHANGE_REQUEST_EVENTS.test(inference.event);
}

/** Whether a pull_request_target run built the pull request's code rather than the base branch's. */
function checkedOutPullRequestHead(inference: Inference, opts: TrustOptions): boolean {
  if (opts.checkoutSha && opts.baseSha && opts.checkoutSha === opts.baseSha) return false;
  // Anything but the base tip (the head, a merge, an unknown commit) is treated as the pull request's code.
  return true;
}

/**
 * The inference adjusted for pull_request_target: a same-repository head with the workflow's opt-in
 * gates like a pull_request; everything else keeps `check`, with the reason saying what would allow a push.
 */
export function applyTrust(inference: Inference, opts: TrustOptions): Inference {
  if (inference.host !== 'github' || inference.event !== 'pull_request_target') return inference;
  if (!checkedOutPullRequestHead(inference, opts)) {
    return {
      ...inference,
      trusted: true,
      reason: `${inference.reason}; the working tree is the base branch tip ${short(opts.baseSha)}, not the pull request's code`
    };
  }
  const outsider = inference.fork || inference.bot === 'dependabot';
  if (opts.allowPullRequestTargetPush && !outsider) {
    return {
      ...inference,
      headCheckedOut: true,
      trusted: true,
      scenario: {value: 'gate', source: `env GITHUB_EVENT_NAME, ${ALLOW_PRT_INPUT}`},
      reason:
        `pull_request_target with the pull request's head checked out (${short(opts.checkoutSha)}), ` +
        `allowed to push by \`${ALLOW_PRT_INPUT}: true\`: same-repository pull requests get gate (staging only)`
    };
  }
  const why = outsider
    ? `its head comes from ${inference.fork ? 'a fork' : 'dependabot[bot]'}, which never pushes even with \`${ALLOW_PRT_INPUT}\``
    : `set \`${ALLOW_PRT_INPUT}: true\` to let a same-repository head push to staging`;
  return {
    ...inference,
    headCheckedOut: true,
    trusted: false,
    reason: `${inference.reason}; the pull request's head is checked out (${short(opts.checkoutSha)}), so nothing is pushed: ${why}`
  };
}

/**
 * Where this run's registry credentials may go. The configuration file is the pull request's own on
 * every pull request run, so it alone never decides it:
 *   - a run that may not write (forks, Dependabot, pull_request_target with the head checked out,
 *     unknown events) sends no credential anywhere: no login, no docker config, no build secret from
 *     the job's environment;
 *   - pull_request_target allowed to push a same-repository head sends credentials only to the
 *     registries the workflow names itself (`registries` / IMAGEGATE_REGISTRIES / CI_REGISTRY);
 *   - everywhere else the configuration is the repository's, and its registries receive them.
 */
export type CredentialPolicy =
  {use: 'none'; reason: string} | {use: 'named-registries'; reason: string} | {use: 'configuration'; reason: string};

export function credentialPolicy(inference: Inference): CredentialPolicy {
  if (!inference.trusted)
    return {
      use: 'none',
      reason: `no credentials on this run (it may not write: ${inference.reason}): no login, no docker config, no build secret from the job's environment`
    };
  if (inference.headCheckedOut)
    return {
      use: 'named-registries',
      reason:
        "the pull request's head is checked out, so its .imagegate.yml cannot name where credentials go: only the registries the workflow names (`registries`, IMAGEGATE_REGISTRIES) receive them"
    };
  return {use: 'configuration', reason: "the repository's configuration: its registries receive the run's credentials"};
}

/**
 * Why `scenario` may not run on this event, or undefined when it may. Only explicit choices can be
 * refused: an inferred scenario is always allowed by construction.
 */
export function trustRefusal(inference: Inference, scenario: Fact<Scenario>): string | undefined {
  if (scenario.value === 'check') return undefined;
  if (!inference.trusted) {
    return (
      `scenario ${scenario.value} (${scenario.source}) is refused: this run may not write to any registry (${inference.reason}). ` +
      `Remove the override; the run then checks (build and test) without pushing`
    );
  }
  if (isChangeRequest(inference) && (scenario.value === 'promote' || scenario.value === 'release')) {
    return (
      `scenario ${scenario.value} (${scenario.source}) is refused on a ${inference.event} run: a change that is not merged yet ` +
      `may push to staging (gate) at most, never to final or version tags. ` +
      `Promotion runs on the push to the default branch after the merge, release on a version tag`
    );
  }
  return undefined;
}

function short(sha: string | undefined): string {
  return sha ? sha.slice(0, 12) : 'unknown commit';
}

export type StepKind = 'gate' | 'promote';

/**
 * What a sub-action runs on this event. `gate` pushes to staging where the event may write and checks
 * elsewhere; `promote` publishes only where the event promotes or releases and otherwise does nothing.
 */
export function stepScenario(step: StepKind, inference: Inference): {scenario: Fact<Scenario>} | {skip: string} {
  const source = `components/${step}`;
  if (step === 'gate') {
    if (inference.trusted) return {scenario: {value: 'gate', source}};
    return {scenario: {value: 'check', source: `${source} (untrusted event: ${inference.scenario.source})`}};
  }
  const inferred = inference.scenario.value;
  if (inferred === 'promote' || inferred === 'release') return {scenario: {value: inferred, source}};
  return {
    skip: `${inference.reason}. The promote step publishes only on a push to the default branch (promote) or a release tag (release), so it does nothing here`
  };
}
