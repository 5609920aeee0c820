// Heroku buildpacks' runtime-version errors, turned into one-line annotations. The spellings of
// heroku/python differ by version (0.18–0.2x "is not recognised", later "isn't recognised").

interface Rule {
  pattern: RegExp;
  annotate: (version: string | undefined) => string;
}

const VERSION = /Python version \(?(\d+\.\d+(?:\.\d+)?)/;

const RULES: Rule[] = [
  {
    pattern: /requested Python version (?:\d+\.\d+(?:\.\d+)? )?(?:isn't|is not) recognised/i,
    annotate: v =>
      `heroku/python in this builder does not know Python ${v ?? 'the requested version'}: the builder's buildpack is older than that Python. Pin a version it supports, or move to a newer builder.`
  },
  {
    pattern: /requested Python version (?:\d+\.\d+(?:\.\d+)? )?has reached (?:its )?end[- ]of[- ]life/i,
    annotate: v =>
      `Python ${v ?? 'the requested version'} has reached end-of-life and heroku/python refuses it: pin a supported Python.`
  },
  {
    pattern: /(?:requested )?Python version (?:\d+\.\d+(?:\.\d+)? )?(?:isn't|is not) available/i,
    annotate: v =>
      `Python ${v ?? 'the requested version'} is not available to heroku/python in this builder: pin an existing patch release, or only the minor version (e.g. \`3.13\`).`
  },
  {
    pattern: /runtime\.txt file isn't supported/i,
    annotate: () =>
      'heroku/python no longer reads runtime.txt: move the version to `.python-version` and delete runtime.txt.'
  },
  {
    pattern: /Unknown Node\.js version|could not be resolved to a known release/i,
    annotate: () =>
      'heroku/nodejs in this builder does not know a Node.js release matching package.json engines.node: widen the range or move to a newer builder.'
  }
];

/** The first known runtime error in a build's output as one line, or undefined. */
export function herokuAnnotation(output: string): string | undefined {
  for (const rule of RULES) {
    const line = output.split('\n').find(l => rule.pattern.test(l));
    if (!line) continue;
    const around = output.slice(Math.max(0, output.indexOf(line) - 200), output.indexOf(line) + line.length + 400);
    return rule.annotate(VERSION.exec(line)?.[1] ?? VERSION.exec(around)?.[1]);
  }
  return undefined;
}
