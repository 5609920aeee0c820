// The configuration reference in docs/configuration.md, generated from SCHEMA so the two never disagree.

import {SCHEMA, type Schema} from './schema.js';

const DEFS: Readonly<Record<string, Schema>> = SCHEMA.$defs;

export function renderConfigReference(): string {
  const rows: string[] = ['| key | type | default | description |', '|---|---|---|---|'];
  const visit = (schema: Schema, path: string, required: boolean): void => {
    const s = resolve(schema);
    if (path)
      rows.push(
        `| \`${path}\`${required ? ' (required)' : ''} | ${typeName(s)} | ${s.default !== undefined ? `\`${JSON.stringify(s.default)}\`` : ''} | ${cell(s.description ?? schema.description ?? '')} |`
      );
    const object =
      s.type === 'object' ? s : (s.oneOf ?? []).map(resolve).find(o => o.type === 'object' && o.properties);
    const list = s.type === 'array' ? s : (s.oneOf ?? []).map(resolve).find(o => o.type === 'array');
    if (object?.properties) {
      for (const [key, child] of Object.entries(object.properties))
        visit(child, path ? `${path}.${key}` : key, (object.required ?? []).includes(key));
    } else if (list?.items) {
      const item = resolve(list.items);
      const itemObject = item.type === 'object' ? item : (item.oneOf ?? []).map(resolve).find(o => o.type === 'object');
      if (itemObject?.properties) {
        for (const [key, child] of Object.entries(itemObject.properties))
          visit(child, `${path}[].${key}`, (itemObject.required ?? []).includes(key));
      }
    }
  };
  visit(SCHEMA, '', false);
  return `${rows.join('\n')}\n`;
}

function resolve(schema: Schema): Schema {
  if (!schema.$ref) return schema;
  const target = DEFS[schema.$ref.replace('#/$defs/', '')];
  return {...target, description: schema.description ?? target?.description};
}

function typeName(schema: Schema): string {
  if (schema.oneOf) return [...new Set(schema.oneOf.map(o => typeName(resolve(o))))].join(' \\| ');
  if (schema.enum) return schema.enum.map(v => `\`${v}\``).join(' \\| ');
  if (schema.type === 'array') {
    const item = schema.items ? typeName(resolve(schema.items)) : 'values';
    return `list of ${item.includes('|') ? `(${item})` : item}`;
  }
  return schema.format ? `${schema.type ?? 'value'} (${schema.format})` : (schema.type ?? 'value');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
