// The CI environment is read once, into typed facts; nothing below the entry points reads it again.
import {describe, expect, it} from '@jest/globals';
import {readRunEnvironment} from '../../src/host/environment.js';

describe('readRunEnvironment', () => {
  it('names the CI and the facts imagegate uses', () => {
    const env = readRunEnvironment({
      GITHUB_ACTIONS: 'true',
      HOME: '/home/runner',
      GITHUB_WORKSPACE: '/w',
      GITHUB_EVENT_PATH: '/e.json',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'acme/web',
      RUNNER_TOOL_CACHE: '/opt/hostedtoolcache',
      ACTIONS_RUNTIME_TOKEN: 't',
      ACTIONS_RESULTS_URL: 'https://results',
      IMAGEGATE_REGISTRY_USER: 'bot',
      IMAGEGATE_REGISTRY_PASSWORD: 'pw'
    });
    expect(env).toMatchObject({
      ci: 'github',
      workspace: '/w',
      eventPath: '/e.json',
      sourceUrl: 'https://github.com/acme/web',
      dockerConfigDir: '/home/runner/.docker',
      toolCache: '/opt/hostedtoolcache',
      githubCache: true,
      oidc: false,
      buildRegistry: 'localhost:5000/imagegate-build',
      login: {username: 'bot', password: 'pw', source: 'IMAGEGATE_REGISTRY_USER/PASSWORD'}
    });
  });

  it('GitLab and the terminal; DOCKER_CONFIG wins over $HOME/.docker; overrides win over both', () => {
    expect(readRunEnvironment({GITLAB_CI: 'true', CI_PROJECT_URL: 'https://gitlab.com/a/b'})).toMatchObject({
      ci: 'gitlab',
      sourceUrl: 'https://gitlab.com/a/b'
    });
    const local = readRunEnvironment({HOME: '/h', DOCKER_CONFIG: '/d'}, {tempRoot: '/scratch'});
    expect(local).toMatchObject({ci: 'terminal', dockerConfigDir: '/d', tempRoot: '/scratch', githubCache: false});
    expect(local.toolCache).toBe('/h/.cache/imagegate/tools');
  });

  it('IMAGEGATE_TRUSTED_REALMS lists token realms, by comma or space; none by default', () => {
    expect(readRunEnvironment({}).trustedRealms).toEqual([]);
    expect(
      readRunEnvironment({IMAGEGATE_TRUSTED_REALMS: 'login.vendor.example, *.auth.example  auth.corp:8443'})
        .trustedRealms
    ).toEqual(['login.vendor.example', '*.auth.example', 'auth.corp:8443']);
  });
});
