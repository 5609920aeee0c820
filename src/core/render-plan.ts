// A plan as people read it: a terminal listing and a markdown table for CI summaries.

import type {ImagePlan, Plan} from './plan.js';
import type {PlannedContract, PlannedRunAs} from './run-as/plan.js';
import type {Fact} from './scenario.js';

export function renderPlanText(plan: Plan): string {
  const lines: string[] = [];
  lines.push(`imagegate plan — scenario ${plan.scenario.value}  [${plan.scenario.source}]`);
  lines.push(`  ${plan.reason}`);
  const trust = plan.trusted ? 'trusted: may write to registries' : 'untrusted: no registry writes';
  lines.push(`  host ${plan.host}, event ${plan.event}, ${trust}`);
  lines.push(`  credentials: ${plan.credentials.reason}`);
  for (const key of ['sha', 'branch', 'tag'] as const) {
    const fact = plan.git[key];
    if (fact) lines.push(row(`git ${key}`, fact.value, fact.source, 2));
  }
  if (plan.selected) lines.push(row('images', plan.selected.value.join(', '), plan.selected.source, 2));
  for (const key of ['description', 'url', 'licenses'] as const) {
    const fact = plan.repository?.[key];
    if (fact) lines.push(row(`oci ${key}`, fact.value, fact.source, 2));
  }
  for (const image of plan.images) lines.push('', ...renderImage(image));
  lines.push('');
  lines.push(
    plan.writes.length
      ? `Registry writes in ${plan.scenario.value}:`
      : `Registry writes in ${plan.scenario.value}: none`
  );
  for (const ref of plan.writes) lines.push(`  ${ref}`);
  for (const warning of plan.warnings) lines.push(`warning: ${warning}`);
  if (plan.refusal) lines.push(`refused: ${plan.refusal}`);
  return `${lines.join('\n')}\n`;
}

function renderImage(image: ImagePlan): string[] {
  const out = [`image ${image.name}`];
  const fact = (label: string, f: Fact<unknown> | undefined, show = (v: unknown): string => String(v)): void => {
    if (f) out.push(row(label, show(f.value), f.source));
  };
  fact('builder', image.builder);
  fact('context', image.context);
  fact('containerfile', image.containerfile);
  fact('target', image.target);
  fact('depends-on', image.dependsOn);
  fact('platforms', image.platforms, v => (v as string[]).join(', '));
  const args = Object.entries(image.buildArgs.value);
  if (args.length) out.push(row('build-args', args.map(([k, v]) => `${k}=${v}`).join(' '), image.buildArgs.source));
  fact('repository', image.repository);
  fact('mirrors', image.mirrors, v => (v as string[]).join(', '));
  if (image.identity.value) {
    const id = image.identity.value;
    const detail = `context tree ${id.contextTree.slice(0, 12)}, config ${id.configHash.slice(0, 12)}${id.dirty ? ', uncommitted changes' : ''}`;
    out.push(row('source identity', `${id.key} (${detail})`, image.identity.source));
  } else {
    out.push(row('source identity', `unavailable: ${image.identity.error ?? 'unknown'}`, image.identity.source));
  }
  fact('tests', image.tests, v => testCounts(Number(v), image.testsByPlatform));
  for (const [platform, names] of Object.entries(image.checks ?? {}))
    if (names.length) out.push(row(`checks ${platform}`, names.join(', '), 'test.files, test.metadata'));
  out.push(...renderContract(image.contract));
  fact('staging', image.staging);
  for (const tag of image.tags) {
    const when = `on ${tag.on.join(', ')}`;
    const value = tag.ref
      ? `${tag.ref}${tag.published ? '' : ` (${when})`}`
      : `"${tag.template}" skipped: ${tag.skipped ?? ''}`;
    out.push(row(tag.published ? 'tag (published)' : 'tag', value, `${tag.source} "${tag.template}"`));
  }
  out.push(row('steps', image.steps.join(' → '), ''));
  return out;
}

function renderContract(contract: PlannedContract | undefined): string[] {
  if (!contract) return [];
  const out: string[] = [];
  const details = (r: PlannedRunAs): void => {
    for (const d of r.settings) out.push(row(d.setting, d.value, d.source, 6));
    for (const d of r.unsupported) out.push(row('not honoured', `${d.setting}: ${d.value}`, d.source, 6));
    for (const d of r.notReproducible)
      out.push(row('not reproducible', `${d.setting}: ${d.value} (give a stand-in)`, d.source, 6));
  };
  const image = contract.image;
  if (image) {
    out.push(row('run-as', `${image.spec}: ${image.what}`, image.source));
    out.push(
      row(
        '  commands',
        image.commands.length
          ? `${image.commands.join(', ')}: run with these (a command's own user and env win)`
          : 'none to confine',
        ''
      )
    );
    details(image);
  }
  for (const service of contract.services) {
    const r = service.runAs;
    out.push(
      row(
        `service ${service.name}`,
        r ? `run-as ${r.spec}${service.inherited ? ' (the image’s)' : ''}: ${r.what}` : 'the image’s own settings',
        r?.source ?? service.source
      )
    );
    if (r) details(r);
  }
  return out;
}

function row(label: string, value: string, source: string, indent = 2): string {
  const left = `${' '.repeat(indent)}${label.padEnd(16)} ${value}`;
  return source ? `${left.padEnd(72)}  [${source}]` : left;
}

export function renderPlanMarkdown(plan: Plan): string {
  const lines = [
    `### imagegate: ${plan.scenario.value}`,
    '',
    `${escapeCell(plan.reason)} (scenario from ${escapeCell(plan.scenario.source)})`,
    '',
    '| image | platforms | source identity | staging | tags written |',
    '|---|---|---|---|---|'
  ];
  for (const image of plan.images) {
    const tags =
      image.tags
        .filter(t => t.published)
        .map(t => `\`${t.tag}\``)
        .join(' ') || '—';
    const staging = image.staging ? `\`${image.staging.value}\`` : '—';
    lines.push(
      `| ${image.name} | ${image.platforms.value.join(', ')} | \`${image.identity.value?.key ?? 'n/a'}\` | ${staging} | ${tags} |`
    );
  }
  return `${lines.join('\n')}\n`;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/[<>]/g, c => (c === '<' ? '&lt;' : '&gt;'));
}

/** `2 command(s)`, or `2 command(s): 2 on linux/amd64, 1 on linux/arm64` when some are limited to platforms. */
function testCounts(total: number, byPlatform: Record<string, number>): string {
  const counts = Object.entries(byPlatform);
  if (counts.every(([, n]) => n === total)) return `${total} command(s)`;
  return `${total} command(s): ${counts.map(([p, n]) => `${n} on ${p}`).join(', ')}`;
}
