import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { z } from 'zod';
import { describeIssue } from './document';
import { isRecord } from './migrations';
import { splitBySecretFields, type SecretKey } from './section';
import { isSectionName, sectionNames, sections, type SectionName } from './sections';
import { VOICENTER_SECRET } from './sections/voicenter';
import { MAX_SECRET_LENGTH, type SecretStore } from './secret-store';
import {
  mergeDeep,
  SettingsError,
  type SettingsStore,
  type SettingsUpdate,
} from './settings-store';

/**
 * A deployment's configuration file (see docs/configuration.md): it can pre-seed every setting,
 * server address and credential. It is applied on every start and wins over stored values for the
 * settings it names; settings it does not name stay as the agent left them.
 */
export interface ConfigFile {
  readonly path: string;
  /** Non-secret settings named in the file, per section (validated). */
  readonly settings: SettingsUpdate;
  /** Secrets named in the file, by SecretStore key. Never log this map. */
  readonly secrets: ReadonlyMap<SecretKey, string>;
}

export class ConfigFileError extends Error {
  constructor(
    readonly path: string,
    readonly problems: readonly string[],
  ) {
    super(
      `Ringside could not use the configuration file ${path}:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`,
    );
    this.name = 'ConfigFileError';
  }
}

const ALLOWED_TOP_LEVEL = new Set<string>(['$schema', 'version', ...sectionNames]);
const CONFIG_VERSION = 1;
/** Far more than any real deployment's file; a larger one is a wrong path, not a configuration. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/** `--config <path>`, `--config=<path>`, else the RINGSIDE_CONFIG environment variable, else null. */
export function configPathFrom(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): string | null {
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    if (arg === '--config') {
      const next = argv[index + 1];
      return next && !next.startsWith('--') ? next : null;
    }
    if (arg.startsWith('--config=')) return arg.slice('--config='.length) || null;
  }
  const fromEnv = env.RINGSIDE_CONFIG?.trim();
  return fromEnv ? fromEnv : null;
}

/** Reads and validates the file; throws ConfigFileError naming the file and each wrong field. */
export function loadConfigFile(path: string): ConfigFile {
  const absolute = resolve(path);
  let text: string;
  try {
    if (statSync(absolute).size > MAX_CONFIG_BYTES) {
      throw new ConfigFileError(absolute, [`it is larger than ${MAX_CONFIG_BYTES / 1024} KB`]);
    }
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    if (error instanceof ConfigFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'the file does not exist'
        : code === 'EACCES'
          ? 'Ringside may not read it'
          : `it cannot be read (${code ?? 'unknown error'})`;
    throw new ConfigFileError(absolute, [why]);
  }
  return parseConfig(text, absolute);
}

export function parseConfig(text: string, path: string): ConfigFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    // The parser's own message can quote the text around the error, which may be a password.
    throw new ConfigFileError(path, [`it is not valid JSON${jsonErrorWhere(text, error)}`]);
  }
  if (!isRecord(raw)) throw new ConfigFileError(path, ['it must hold one JSON object ({ … })']);

  const problems: string[] = [];
  for (const key of Object.keys(raw)) {
    if (!ALLOWED_TOP_LEVEL.has(key)) {
      problems.push(`"${key}" is not a section Ringside knows (known: ${sectionNames.join(', ')})`);
    }
  }
  if (raw.version !== undefined && raw.version !== CONFIG_VERSION) {
    problems.push(`"version" must be ${CONFIG_VERSION}`);
  }

  const settings: Record<string, Record<string, unknown>> = {};
  const secrets = new Map<SecretKey, string>();
  for (const [name, value] of Object.entries(raw)) {
    if (!isSectionName(name)) continue;
    if (!isRecord(value)) {
      problems.push(`"${name}" must be an object ({ … })`);
      continue;
    }
    const section = readSection(name, value);
    problems.push(...section.problems);
    if (Object.keys(section.values).length > 0) settings[name] = section.values;
    for (const [key, secret] of section.secrets) secrets.set(key, secret);
  }
  if (problems.length > 0) throw new ConfigFileError(path, problems);

  // Credentials in a managed file mean "run this account", unless the file says otherwise.
  if (secrets.has(VOICENTER_SECRET) && settings.app?.mode === undefined) {
    settings.app = { ...settings.app, mode: 'account' };
  }
  return { path, settings: settings, secrets };
}

function readSection(
  name: SectionName,
  raw: Record<string, unknown>,
): { values: Record<string, unknown>; secrets: [SecretKey, string][]; problems: string[] } {
  const def = sections[name];
  const split = def.fromConfig
    ? def.fromConfig(raw)
    : splitBySecretFields(name, def.secretFields, raw);
  const problems = [...split.problems];
  const schema: z.ZodObject = def.schema;
  const parsed = schema.safeParse(mergeDeep(schema.parse({}), split.values));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push(describeIssue(name, { issues: [issue] } as z.ZodError));
    }
  } else {
    // A strict section drops fields it does not know: most likely a typo in the file.
    for (const field of Object.keys(split.values)) {
      if (!Object.hasOwn(parsed.data, field))
        problems.push(`"${name}.${field}" is not a Ringside setting`);
    }
  }
  const secrets = Object.entries(split.secrets).filter(
    (entry): entry is [SecretKey, string] => typeof entry[1] === 'string',
  );
  for (const [key, secret] of secrets) {
    if (secret.length > MAX_SECRET_LENGTH)
      problems.push(`the secret "${key}" is too long (at most ${MAX_SECRET_LENGTH} characters)`);
  }
  return { values: split.values, secrets, problems };
}

function jsonErrorWhere(text: string, error: unknown): string {
  const match = error instanceof Error ? /position (\d+)/.exec(error.message) : null;
  if (!match?.[1]) return '';
  const before = text.slice(0, Number(match[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return ` (line ${line}, column ${column})`;
}

export interface AppliedConfig {
  sections: SectionName[];
  secrets: SecretKey[];
  /** False when the secrets could only be kept in memory (no OS encryption). */
  persistentSecrets: boolean;
}

/**
 * Applies a loaded file: the settings it names override the stored ones, its secrets go to the
 * SecretStore (encrypted, or memory-only when encryption is unavailable; the file is read again at
 * the next start anyway).
 */
export function applyConfig(
  config: ConfigFile,
  settings: SettingsStore,
  secrets: SecretStore,
): AppliedConfig {
  try {
    settings.update(config.settings);
  } catch (error) {
    if (error instanceof SettingsError) throw new ConfigFileError(config.path, [error.message]);
    throw error;
  }
  for (const [key, value] of config.secrets) secrets.set(key, value);
  return {
    sections: Object.keys(config.settings) as SectionName[],
    secrets: [...config.secrets.keys()],
    persistentSecrets: secrets.persistent,
  };
}
