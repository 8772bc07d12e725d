import type { Migration } from './migration';
import { v0ToV1 } from './v0-to-v1';

export type { Migration } from './migration';

/**
 * Every migration, in order: `migrations[n]` turns version n into n + 1. To change the layout,
 * add `vN-to-vN+1.ts`, append it here; SETTINGS_VERSION follows from the list.
 */
export const migrations: readonly Migration[] = [v0ToV1];

export const SETTINGS_VERSION = migrations.length;

export interface MigrationResult {
  doc: Record<string, unknown>;
  from: number;
  to: number;
  applied: string[];
}

/** Brings a stored document to SETTINGS_VERSION. A document from a newer Ringside is left as it is. */
export function migrate(raw: unknown): MigrationResult {
  let doc: Record<string, unknown> = isRecord(raw) ? { ...raw } : {};
  const from = versionOf(doc);
  const applied: string[] = [];
  for (let version = from; version < SETTINGS_VERSION; version += 1) {
    const step = migrations[version];
    if (!step || step.to !== version + 1)
      throw new Error(`Settings migration to v${version + 1} is missing.`);
    doc = { ...step.up(doc), version: step.to };
    applied.push(`v${version} -> v${step.to}: ${step.description}`);
  }
  return { doc, from, to: versionOf(doc), applied };
}

function versionOf(doc: Record<string, unknown>): number {
  const version = doc.version;
  return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : 0;
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
