import type { Logger, SecretCipher } from '../ports';
import type { Message } from '../../../shared/messages/catalogue';
import { english, say } from '../../../shared/messages/translate';
import { applyConfig, ConfigFileError, loadConfigFile } from './config-file';
import { isWriteRefusal, type DataFolderWatch } from './data-folder';
import { SecretStore } from './secret-store';
import { isSectionName, sections } from './sections';
import { SettingsStore, type SettingsBackend } from './settings-store';
import { noteUnsavedWrite } from './unsaved-changes';

export interface OpenSettingsOptions {
  /** Opens the stored document `settings` or `secrets` (electron-store in Electron, conf in Node). */
  openBackend: (name: 'settings' | 'secrets') => SettingsBackend;
  /** The secrets' cipher (safeStorage in Electron, a key file in the headless host). */
  cipher: () => SecretCipher;
  /** `--config` / RINGSIDE_CONFIG, or null. */
  configPath: string | null;
  /** The root logger; the stores log as its `settings` and `secrets` children. */
  logger: Logger;
  dataFolder: DataFolderWatch;
}

export interface OpenedSettings {
  settings: SettingsStore;
  secrets: SecretStore;
  /**
   * What is wrong with the configuration file, in plain words naming the file and each wrong
   * field (never a secret's value); null when there is none or it was applied. Ringside then runs
   * on the stored settings.
   */
  configProblem: string | null;
  /** The same, as a code the window puts in the agent's language. */
  configProblemSays: Message | null;
}

/**
 * The one start-up path for settings, secrets and the deployment's configuration file, for both
 * hosts. It never stops Ringside from starting: a configuration file that cannot be used is a
 * problem to show, a data folder that cannot be written is reported to `dataFolder` and the stores
 * keep their values in memory.
 */
export function openSettings(options: OpenSettingsOptions): OpenedSettings {
  const log = options.logger.child('settings');
  const settings = new SettingsStore(open('settings', options), log);
  const secrets = new SecretStore(
    open('secrets', options),
    openCipher(options),
    options.logger.child('secrets'),
  );
  forgetSecretsOfRefusedServers(settings, secrets, log);
  const configProblemSays = options.configPath
    ? applyConfigFile(options.configPath, settings, secrets, log)
    : null;
  const configProblem = configProblemSays ? english(configProblemSays) : null;
  return { settings, secrets, configProblem, configProblemSays };
}

/** A stored server address that was refused takes the secrets given for that server with it. */
function forgetSecretsOfRefusedServers(
  settings: SettingsStore,
  secrets: SecretStore,
  log: Logger,
): void {
  for (const repaired of settings.repaired) {
    const [section, field] = repaired.split('.', 2);
    if (section === undefined || field === undefined || !isSectionName(section)) continue;
    for (const key of sections[section].secretsOfServer[field] ?? []) {
      if (!secrets.has(key)) continue;
      secrets.delete(key);
      log.warn('forgot a secret whose server address was refused', { field: repaired, key });
    }
  }
}

function open(name: 'settings' | 'secrets', options: OpenSettingsOptions): SettingsBackend {
  let backend: SettingsBackend;
  try {
    backend = options.openBackend(name);
  } catch (error) {
    // A folder that cannot be read or created: run on defaults in memory rather than not at all,
    // and never write over a file that may still hold the agent's settings.
    options.logger.error(`could not open the ${name} file; using defaults until restart`, {
      error,
    });
    options.dataFolder.failed(name, error);
    backend = memoryBackend();
  }
  return reportingWrites(backend, name, options.dataFolder);
}

/**
 * The stores catch a failed write and keep their values in memory; this tells the data folder
 * watch (the agent hears it once) and the agent action that caused it (its call answers it).
 */
function reportingWrites(
  backend: SettingsBackend,
  name: 'settings' | 'secrets',
  dataFolder: DataFolderWatch,
): SettingsBackend {
  return {
    get store(): unknown {
      return backend.store;
    },
    set store(value: Record<string, unknown>) {
      try {
        backend.store = value;
      } catch (error) {
        dataFolder.failed(name, error);
        noteUnsavedWrite(error);
        throw error;
      }
    },
  };
}

function memoryBackend(): SettingsBackend {
  let doc: Record<string, unknown> = {};
  return {
    get store(): unknown {
      return structuredClone(doc);
    },
    set store(value: Record<string, unknown>) {
      doc = structuredClone(value);
    },
  };
}

/** Secrets stay in memory only (as without an OS key store) when the cipher cannot be set up. */
const memoryOnlyCipher: SecretCipher = {
  available: () => false,
  encrypt: () => {
    throw new Error('no cipher');
  },
  decrypt: () => {
    throw new Error('no cipher');
  },
};

/**
 * A key that cannot be written (a full or read-only folder) or read (a damaged key file) leaves
 * secrets in memory only, which the window already explains to the agent at sign-in.
 */
function openCipher(options: OpenSettingsOptions): SecretCipher {
  try {
    return options.cipher();
  } catch (error) {
    options.logger.error('could not set up the secrets key; secrets are kept in memory only', {
      error,
    });
    if (isWriteRefusal(error)) options.dataFolder.failed('key', error);
    return memoryOnlyCipher;
  }
}

function applyConfigFile(
  path: string,
  settings: SettingsStore,
  secrets: SecretStore,
  log: Logger,
): Message | null {
  try {
    const applied = applyConfig(loadConfigFile(path), settings, secrets);
    log.info('configuration file applied', {
      path,
      sections: applied.sections,
      secrets: applied.secrets,
    });
    return null;
  } catch (error) {
    log.error('configuration file not applied', { error });
    // A ConfigFileError names each wrong field and never holds a value; anything else may.
    return error instanceof ConfigFileError
      ? say('settings.config-not-used', { why: `${error.path}: ${error.problems.join('; ')}` })
      : say('settings.config-not-used-see-log', { path });
  }
}
