import {describe, expect, it} from '@jest/globals';
import {buildxBuildArgs} from '../../src/core/docker-args.js';
import {repositoryFacts, repositoryLabels} from '../../src/core/repository-facts.js';

const sha = 'a'.repeat(40);

describe('the OCI labels metadata-action users expect', () => {
  it('come from the GitHub event payload, each with its source', () => {
    const facts = repositoryFacts(
      {GITHUB_ACTIONS: 'true'},
      {repository: {description: 'The web app', html_url: 'https://github.com/acme/web', license: {spdx_id: 'MIT'}}}
    );
    expect(facts).toEqual({
      description: {value: 'The web app', source: 'event repository.description'},
      url: {value: 'https://github.com/acme/web', source: 'event repository.html_url'},
      licenses: {value: 'MIT', source: 'event repository.license.spdx_id'}
    });
    expect(
      repositoryLabels('web', facts, {sha: {value: sha, source: 'x'}, tag: {value: 'v1.2.3', source: 'y'}})
    ).toEqual({
      'org.opencontainers.image.title': 'web',
      'org.opencontainers.image.description': 'The web app',
      'org.opencontainers.image.url': 'https://github.com/acme/web',
      'org.opencontainers.image.licenses': 'MIT',
      'org.opencontainers.image.version': '1.2.3'
    });
  });

  it('from GitLab’s project variables; a license GitHub cannot name gives no label; the version is the commit without a release', () => {
    const facts = repositoryFacts(
      {GITLAB_CI: 'true', CI_PROJECT_DESCRIPTION: 'App', CI_PROJECT_URL: 'https://gitlab.example/acme/web'},
      undefined
    );
    expect(facts.description).toEqual({value: 'App', source: 'env CI_PROJECT_DESCRIPTION'});
    expect(repositoryFacts({GITHUB_ACTIONS: 'true'}, {repository: {license: {spdx_id: 'NOASSERTION'}}})).toEqual({});
    expect(repositoryLabels('web', {}, {sha: {value: sha, source: 'x'}})['org.opencontainers.image.version']).toBe(sha);
  });

  it('a label the configuration sets wins over the repository’s', () => {
    const args = buildxBuildArgs({
      image: {
        context: '.',
        containerfile: 'Dockerfile',
        buildArgs: {},
        platforms: ['linux/amd64'],
        labels: {'org.opencontainers.image.licenses': 'Apache-2.0'}
      },
      baseDir: '/repo',
      tags: ['t'],
      load: true,
      oci: repositoryLabels('web', {licenses: {value: 'MIT', source: 'x'}}, {})
    });
    expect(args.filter((a, i) => args[i - 1] === '--label')).toEqual([
      'org.opencontainers.image.title=web',
      'org.opencontainers.image.licenses=Apache-2.0'
    ]);
  });
});
