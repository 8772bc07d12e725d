import type { z } from 'zod';
import type { SettingsView } from '../../../shared/ipc/snapshot';
import { UserFacingError } from '../../../shared/ipc/dispatch';
import { effectiveLocale, type LanguageChoice, type Locale } from '../../../shared/messages/locale';
import type { Logger } from '../ports';
import { silentLogger } from '../logging/logger';
import { describeIssue, parseDocument, type Settings } from './document';
import { isRecord, migrate, SETTINGS_VERSION } from './migrations';
import { isSectionName, sections, type SectionName, type SectionValue } from './sections';
import { VOICENTER_SECRET } from './sections/voicenter';
import type { SecretKey } from './section';

/**
 * Where the settings document is kept. Both `electron-store` (Electron) and `conf` (plain Node,
 * the headless host) satisfy it; tests use a plain object.
 */
export interface SettingsBackend {
  get store(): unknown;
  set store(value: Record<string, unknown>);
}

type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends Record<string, unknown>
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/** A change to some sections; objects are merged, arrays and other values replace. */
export type SettingsUpdate = { [K in SectionName]?: DeepPartial<SectionValue<K>> };

export type SettingsListener = (settings: Settings, changed: readonly SectionName[]) => void;

/** A setting the caller tried to store is not valid; the message names it and never holds its value. */
export class SettingsError extends UserFacingError {
  constructor(message: string) {
    super('invalid-settings', message);
    this.name = 'SettingsError';
  }
}

/**
 * The versioned settings document: migrated and validated when opened, validated again on every
 * update, written through the backend, and announced to listeners. Secrets are not settings: they
 * live in the SecretStore.
 */
export class SettingsStore {
  private current: Settings;
  /** `section.field` of each stored value that was invalid when read and replaced by its default. */
  readonly repaired: readonly string[];
  private readonly listeners = new Set<SettingsListener>();
  /**
   * The operating system's language tag, which the `system` language choice follows: the Electron
   * host sets `app.getLocale()`; plain Node reads the runtime's own (from LANG / LC_ALL).
   */
  systemLocale: string = Intl.DateTimeFormat().resolvedOptions().locale;

  constructor(
    private readonly backend: SettingsBackend,
    private readonly logger: Logger = silentLogger,
  ) {
    const migrated = migrate(backend.store);
    if (migrated.from > SETTINGS_VERSION) {
      logger.warn(
        'settings were written by a newer Ringside; keeping what this version understands',
        {
          version: migrated.from,
        },
      );
    }
    const { settings, repaired } = parseDocument(migrated.doc, migrated.to);
    this.repaired = repaired;
    this.current = deepFreeze(settings);
    for (const step of migrated.applied) logger.info('settings migrated', { step });
    if (repaired.length > 0)
      logger.warn('invalid stored settings replaced by defaults', { fields: repaired });
    if (migrated.applied.length > 0 || repaired.length > 0 || !isRecord(backend.store))
      this.write();
  }

  get(): Settings {
    return this.current;
  }

  section<K extends SectionName>(name: K): SectionValue<K> {
    return this.current[name] as SectionValue<K>;
  }

  /**
   * Validates every changed section before anything is stored (all or nothing), writes once and
   * tells listeners which sections changed. Throws SettingsError on an invalid value.
   */
  update(patch: SettingsUpdate): Settings {
    const next: Record<string, unknown> = { ...this.current };
    const changed: SectionName[] = [];
    for (const [name, sectionPatch] of Object.entries(patch) as [string, unknown][]) {
      if (sectionPatch === undefined) continue;
      if (!isSectionName(name))
        throw new SettingsError(`There is no settings section named "${name}".`);
      if (!isRecord(sectionPatch))
        throw new SettingsError(`The settings for "${name}" must be an object.`);
      const secretField = Object.keys(sectionPatch).find((field) =>
        Object.hasOwn(sections[name].secretFields, field),
      );
      if (secretField !== undefined) {
        throw new SettingsError(
          `"${name}.${secretField}" is a secret and is kept apart from the settings.`,
        );
      }
      const schema: z.ZodObject = sections[name].schema;
      const parsed = schema.safeParse(mergeDeep(this.current[name], sectionPatch));
      if (!parsed.success)
        throw new SettingsError(`The setting ${describeIssue(name, parsed.error)}.`);
      if (!deepEqual(parsed.data, this.current[name])) {
        next[name] = parsed.data;
        changed.push(name);
      }
    }
    if (changed.length === 0) return this.current;
    this.current = deepFreeze(next as Settings);
    this.write();
    this.logger.info('settings changed', { sections: changed });
    for (const listener of [...this.listeners]) {
      try {
        listener(this.current, changed);
      } catch (error) {
        this.logger.error('settings listener failed', { error });
      }
    }
    return this.current;
  }

  onChange(listener: SettingsListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The language Ringside speaks now: the agent's choice, or the system's. */
  locale(): Locale {
    return effectiveLocale(this.current.language.choice, this.systemLocale);
  }

  /** What the window shows of the language setting. */
  languageView(): { choice: LanguageChoice; locale: Locale } {
    return { choice: this.current.language.choice, locale: this.locale() };
  }

  /** What the renderer may see: no secret, only whether one is stored. */
  view(hasSecret: (key: SecretKey) => boolean): SettingsView {
    const { voicenter, notifications, demo } = this.current;
    return {
      voicenter: {
        loginType: voicenter.loginType,
        identity: voicenter.loginType === 'token' ? '' : voicenter.identity,
        loginBaseUrl: voicenter.loginBaseUrl,
        hasSecret: hasSecret(VOICENTER_SECRET),
        ownExtensions: [...voicenter.ownExtensions],
      },
      notifications: {
        enabled: notifications.enabled,
        focusWindowOnRing: notifications.focusWindowOnRing,
      },
      demo: { enabled: demo.enabled, scenario: demo.scenario },
    };
  }

  private write(): void {
    try {
      this.backend.store = structuredClone(this.current);
    } catch (error) {
      // The app keeps running on the in-memory settings; the agent's change is lost at restart only.
      this.logger.error('could not save settings', { error });
    }
  }
}

export function mergeDeep(base: unknown, patch: unknown): unknown {
  if (!isRecord(base) || !isRecord(patch)) return patch === undefined ? base : patch;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined) out[key] = mergeDeep(base[key], value);
  }
  return out;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => deepEqual(item, b[index]));
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((key) => Object.hasOwn(b, key) && deepEqual(a[key], b[key]))
    );
  }
  return false;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}
