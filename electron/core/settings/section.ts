import type { z } from 'zod';

/**
 * A key in the SecretStore: `<section>.<name>`, e.g. `voicenter.secret`, `rocketchat.authToken`,
 * `signalwire.apiToken`.
 */
export type SecretKey = `${string}.${string}`;

/** What a section makes of its object in the configuration file. */
export interface ConfigSplit {
  /** Non-secret values, merged into the section and validated with its schema. */
  values: Record<string, unknown>;
  secrets: Partial<Record<SecretKey, string>>;
  /** Plain-words problems, each naming the field (`"voicenter.pin" …`). */
  problems: string[];
}

/**
 * One settings section. Its schema gives every field a default, so `schema.parse({})` is the
 * section's defaults; adding a field to a section is a change to its own file only.
 */
export interface SectionDef<S extends z.ZodObject = z.ZodObject> {
  readonly schema: S;
  /**
   * Configuration-file fields that are secrets, by field name -> SecretStore key. They go to the
   * SecretStore and are refused in (and stripped from) the settings document.
   */
  readonly secretFields: Readonly<Record<string, SecretKey>>;
  /** A custom reading of the section's config-file object (aliases, several names for one secret). */
  readonly fromConfig?: (raw: Record<string, unknown>) => ConfigSplit;
  /**
   * Address fields whose server the secrets listed belong to. When a stored address is refused
   * (and so replaced by its default), those secrets are forgotten: they must never go to another
   * server than the one they were given for.
   */
  readonly secretsOfServer: Readonly<Record<string, readonly SecretKey[]>>;
}

export const defineSection = <S extends z.ZodObject>(def: {
  schema: S;
  secretFields?: Readonly<Record<string, SecretKey>>;
  fromConfig?: (raw: Record<string, unknown>) => ConfigSplit;
  secretsOfServer?: Readonly<Record<string, readonly SecretKey[]>>;
}): SectionDef<S> => ({ secretFields: {}, secretsOfServer: {}, ...def });

/** The default reading of a config-file object: fields named in `secretFields` are secrets. */
export function splitBySecretFields(
  section: string,
  secretFields: Readonly<Record<string, SecretKey>>,
  raw: Record<string, unknown>,
): ConfigSplit {
  const values: Record<string, unknown> = {};
  const secrets: Partial<Record<SecretKey, string>> = {};
  const problems: string[] = [];
  for (const [field, value] of Object.entries(raw)) {
    const secretKey = secretFields[field];
    if (secretKey === undefined) {
      values[field] = value;
    } else if (typeof value === 'string' && value.length > 0) {
      secrets[secretKey] = value;
    } else {
      problems.push(`"${section}.${field}" must be a non-empty text value`);
    }
  }
  return { values, secrets, problems };
}
