// Annotations as a GitLab code quality report (artifacts:reports:codequality, the Code Climate
// subset GitLab reads): merge requests show each finding at its file and line.

import {createHash} from 'node:crypto';
import type {Annotation} from '../core/annotations.js';

const SEVERITY = {error: 'major', warning: 'minor', notice: 'info'} as const;

export function codeQualityReport(annotations: Annotation[]): string {
  const issues = annotations.map(a => ({
    description: a.message,
    check_name: 'imagegate',
    fingerprint: createHash('sha256')
      .update(`${a.where?.file ?? ''}:${a.where?.line ?? ''}:${a.message}`)
      .digest('hex'),
    severity: SEVERITY[a.level],
    location: {path: a.where?.file ?? '.imagegate.yml', lines: {begin: a.where?.line ?? 1}}
  }));
  return `${JSON.stringify(issues, null, 2)}\n`;
}
