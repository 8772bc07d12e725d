import type { z } from 'zod';
import { isRecord } from './migrations';
import { sectionNames, sections, type SectionName, type SectionValue } from './sections';

/** The settings as the app reads them: every section present and valid. */
export type Settings = { readonly version: number } & {
  readonly [K in SectionName]: SectionValue<K>;
};

export interface ParsedDocument {
  settings: Settings;
  /** `section.field` of each stored value that was invalid and replaced by its default. */
  repaired: string[];
}

/**
 * Validates a (migrated) document section by section. An invalid stored value (a hand-edited
 * file, a value an older build accepted) falls back to that field's default instead of costing
 * the agent every other setting; secret fields are never kept in the document.
 */
export function parseDocument(doc: Record<string, unknown>, version: number): ParsedDocument {
  const repaired: string[] = [];
  const out: Record<string, unknown> = { version };
  for (const name of sectionNames) {
    const raw = stripSecretFields(name, isRecord(doc[name]) ? doc[name] : {}, repaired);
    out[name] = parseSection(name, raw, repaired);
  }
  return { settings: out as Settings, repaired };
}

export function stripSecretFields(
  name: SectionName,
  raw: Record<string, unknown>,
  removed: string[],
): Record<string, unknown> {
  const secretFields = sections[name].secretFields;
  const kept: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(raw)) {
    if (Object.hasOwn(secretFields, field)) removed.push(`${name}.${field}`);
    else kept[field] = value;
  }
  return kept;
}

function parseSection(
  name: SectionName,
  raw: Record<string, unknown>,
  repaired: string[],
): unknown {
  const schema: z.ZodObject = sections[name].schema;
  const whole = schema.safeParse(raw);
  if (whole.success) return whole.data;
  // Field by field: keep what is valid, default the rest.
  const fixed: Record<string, unknown> = { ...raw };
  for (const [field, fieldSchema] of Object.entries(schema.shape)) {
    if (!(fieldSchema as z.ZodType).safeParse(raw[field]).success) {
      delete fixed[field];
      repaired.push(`${name}.${field}`);
    }
  }
  const retry = schema.safeParse(fixed);
  if (retry.success) return retry.data;
  repaired.push(name);
  return schema.parse({});
}

/** The first problem of a failed parse, in plain words, naming the setting. */
export function describeIssue(section: string, error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return `"${section}" is not valid`;
  const path = [section, ...issue.path.map(String)].join('.');
  return `"${path}" ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}`;
}
