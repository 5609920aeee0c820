// The CI environment, read once by the entry point into a typed run environment. Nothing below the
// entry points reads process.env: what a module needs from the environment reaches it from here.

import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {environmentLogin, type ExplicitLogin, type HostLogin} from '../registry/credentials.js';
import type {HostKind} from './host.js';

export type Variables = Readonly<Record<string, string | undefined>>;

/** Where imagegate's buildpacks builds land before they are tested (a registry on this machine). */
const DEFAULT_BUILD_REGISTRY = 'localhost:5000/imagegate-build';

export interface RunEnvironment {
  /** Which CI the run is in (the entry point may still choose another host, e.g. the terminal). */
  ci: HostKind;
  /**
   * The whole environment as it was: scenario inference reads the CI's variables from it, build
   * secrets read the variables they name, and programs imagegate starts inherit it.
   */
  variables: Variables;
  home: string;
  path: string;
  /** The machine's architecture as Node names it (`x64`, `arm64`): which pinned downloads apply. */
  arch: string;
  /** Directory holding docker's config.json: DOCKER_CONFIG, else $HOME/.docker. */
  dockerConfigDir: string;
  /** Where this run's temporary files go (TMPDIR, or the action's scratch directory). */
  tempRoot: string;
  /** GITHUB_WORKSPACE / CI_PROJECT_DIR: paths in annotations are relative to it. */
  workspace?: string;
  /** GITHUB_EVENT_PATH. */
  eventPath?: string;
  /** GITHUB_SHA: on pull_request_target, the base branch tip. */
  baseSha?: string;
  /** The explicit registry login (IMAGEGATE_REGISTRY_USER/PASSWORD, or the action's inputs). */
  login: ExplicitLogin;
  /**
   * Logins for one registry host each (IMAGEGATE_REGISTRY_USER_<HOST>/PASSWORD_<HOST>, or the
   * action's `registry-auths`), read once the configuration says which hosts the run names.
   */
  hostLogins?: HostLogin[];
  /**
   * Registry hosts the workflow itself names (IMAGEGATE_REGISTRIES, the action's `registries` input,
   * GitLab's CI_REGISTRY): where credentials may go when the configuration file is the pull request's.
   */
  namedRegistries: string[];
  /** IMAGEGATE_ALLOW_PULL_REQUEST_TARGET_PUSH=true: the workflow's opt-in on the command line. */
  allowPullRequestTargetPush: boolean;
  /** IMAGEGATE_BUILD_REGISTRY: where buildpacks builds land before they are tested. */
  buildRegistry: string;
  /**
   * IMAGEGATE_TRUSTED_REALMS (comma- or space-separated `host`, `host:port`, `*.domain`): token realms
   * that may receive a registry's credentials besides those on the registry's own host or domain.
   */
  trustedRealms: string[];
  /** IMAGEGATE_TOOLS_MIRROR: a base URL serving `<tool>/v<version>/<file>`. */
  toolsMirror?: string;
  /** IMAGEGATE_PACK_BASE_URL: where pack's release archives are downloaded from. */
  packBaseUrl?: string;
  /** RUNNER_TOOL_CACHE, else the user's cache: where pinned tools are installed. */
  toolCache: string;
  /** The repository's web address, for the OCI `source` label. */
  sourceUrl?: string;
  /** SOURCE_DATE_EPOCH, for reproducible builds. */
  sourceDateEpoch?: string;
  /** GitHub's cache service is reachable (buildx `type=gha` cache). */
  githubCache: boolean;
  /** An OIDC identity for keyless signing (GitHub `id-token: write`, or SIGSTORE_ID_TOKEN). */
  oidc: boolean;
  /** IMAGEGATE_TRACE: print every program imagegate starts. */
  trace: boolean;
}

export function readRunEnvironment(vars: Variables, overrides: Partial<RunEnvironment> = {}): RunEnvironment {
  const home = vars.HOME || tmpdir();
  const cacheHome = vars.XDG_CACHE_HOME || join(home, '.cache');
  const env: RunEnvironment = {
    ci: vars.GITHUB_ACTIONS === 'true' ? 'github' : vars.GITLAB_CI === 'true' ? 'gitlab' : 'terminal',
    variables: {...vars},
    home,
    path: vars.PATH ?? '',
    arch: process.arch,
    dockerConfigDir: vars.DOCKER_CONFIG || join(home, '.docker'),
    tempRoot: vars.TMPDIR || tmpdir(),
    login: environmentLogin(vars),
    namedRegistries: [
      ...hostList(vars.IMAGEGATE_REGISTRIES),
      ...(vars.GITLAB_CI === 'true' ? hostList(vars.CI_REGISTRY) : [])
    ],
    allowPullRequestTargetPush: vars.IMAGEGATE_ALLOW_PULL_REQUEST_TARGET_PUSH === 'true',
    buildRegistry: vars.IMAGEGATE_BUILD_REGISTRY || DEFAULT_BUILD_REGISTRY,
    trustedRealms: hostList(vars.IMAGEGATE_TRUSTED_REALMS),
    toolCache: vars.RUNNER_TOOL_CACHE || join(cacheHome, 'imagegate', 'tools'),
    githubCache:
      vars.GITHUB_ACTIONS === 'true' &&
      !!vars.ACTIONS_RUNTIME_TOKEN &&
      !!(vars.ACTIONS_CACHE_URL || vars.ACTIONS_RESULTS_URL),
    oidc: !!(vars.ACTIONS_ID_TOKEN_REQUEST_URL || vars.SIGSTORE_ID_TOKEN),
    trace: !!vars.IMAGEGATE_TRACE,
    ...given('workspace', vars.GITHUB_WORKSPACE || vars.CI_PROJECT_DIR),
    ...given('eventPath', vars.GITHUB_EVENT_PATH),
    ...given('baseSha', vars.GITHUB_SHA),
    ...given('toolsMirror', vars.IMAGEGATE_TOOLS_MIRROR),
    ...given('packBaseUrl', vars.IMAGEGATE_PACK_BASE_URL),
    ...given('sourceUrl', repositoryUrl(vars)),
    ...given('sourceDateEpoch', vars.SOURCE_DATE_EPOCH)
  };
  return {...env, ...overrides};
}

/** `ghcr.io, docker.io` → the hosts, in order, each once. */
export function hostList(text: string | undefined): string[] {
  return [...new Set((text ?? '').split(/[\s,]+/).filter(Boolean))];
}

function given<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value ? ({[key]: value} as Record<K, string>) : {};
}

function repositoryUrl(vars: Variables): string | undefined {
  return vars.GITHUB_SERVER_URL && vars.GITHUB_REPOSITORY
    ? `${vars.GITHUB_SERVER_URL}/${vars.GITHUB_REPOSITORY}`
    : vars.CI_PROJECT_URL;
}
