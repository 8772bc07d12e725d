export {
  SettingsStore,
  SettingsError,
  type SettingsBackend,
  type SettingsUpdate,
  type SettingsListener,
} from './settings-store';
export type { Settings } from './document';
export { SecretStore } from './secret-store';
export { FileKeyCipher } from './file-key-cipher';
export { openConfBackend, openRecovering } from './conf-backend';
export {
  applyConfig,
  configPathFrom,
  loadConfigFile,
  parseConfig,
  ConfigFileError,
  type AppliedConfig,
  type ConfigFile,
} from './config-file';
export { SETTINGS_VERSION, migrate, migrations } from './migrations';
export { openSettings, type OpenSettingsOptions, type OpenedSettings } from './open-settings';
export { DataFolderWatch, dataFolderProblem, type DataFile } from './data-folder';
export { answerUnsavedChanges, ChangeNotSavedError } from './unsaved-changes';
export { sections, sectionNames, type SectionName, type SectionValue } from './sections';
export { DEFAULT_LOGIN_BASE_URL, VOICENTER_SECRET } from './sections/voicenter';
export type { SecretKey, SectionDef } from './section';
