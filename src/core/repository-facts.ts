// What the repository says about itself, for the OCI labels and annotations metadata-action users
// expect (`org.opencontainers.image.title`, `.description`, `.url`, `.licenses`, `.version`): from
// GitHub's event payload (`repository.*`) or GitLab's CI_PROJECT_* variables, each with its source.

import type {Fact} from './scenario.js';
import {parseSemverTag} from './tags.js';

export interface RepositoryFacts {
  description?: Fact<string>;
  url?: Fact<string>;
  licenses?: Fact<string>;
}

type Env = Readonly<Record<string, string | undefined>>;

export function repositoryFacts(env: Env, event: unknown): RepositoryFacts {
  const repo = record(record(event)?.repository);
  const out: RepositoryFacts = {};
  const set = (key: keyof RepositoryFacts, value: unknown, source: string): void => {
    if (out[key] === undefined && typeof value === 'string' && value.trim()) out[key] = {value: value.trim(), source};
  };
  if (env.GITHUB_ACTIONS === 'true') {
    set('description', repo?.description, 'event repository.description');
    set('url', repo?.html_url, 'event repository.html_url');
    const spdx = record(repo?.license)?.spdx_id;
    // GitHub says NOASSERTION for a license it cannot name: no label then.
    if (spdx !== 'NOASSERTION') set('licenses', spdx, 'event repository.license.spdx_id');
  }
  if (env.GITLAB_CI === 'true') {
    set('description', env.CI_PROJECT_DESCRIPTION, 'env CI_PROJECT_DESCRIPTION');
    set('url', env.CI_PROJECT_URL, 'env CI_PROJECT_URL');
  }
  return out;
}

/**
 * The OCI labels (and annotations) of an image built on this commit: the image's name as its title,
 * the repository's description, address and license, and as version the release of the commit (its
 * git tag's semantic version), else the commit. A later release does not rebuild, so a promoted
 * image keeps the version of the commit it was built from.
 */
export function repositoryLabels(
  name: string,
  facts: RepositoryFacts,
  git: {sha?: Fact<string>; tag?: Fact<string>}
): Record<string, string> {
  const labels: Record<string, string> = {'org.opencontainers.image.title': name};
  if (facts.description) labels['org.opencontainers.image.description'] = facts.description.value;
  if (facts.url) labels['org.opencontainers.image.url'] = facts.url.value;
  if (facts.licenses) labels['org.opencontainers.image.licenses'] = facts.licenses.value;
  const version = git.tag ? parseSemverTag(git.tag.value)?.version : undefined;
  const value = version ?? git.sha?.value;
  if (value) labels['org.opencontainers.image.version'] = value;
  return labels;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
