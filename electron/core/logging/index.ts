export {
  createLogger,
  silentLogger,
  type LoggerOptions,
  type LogLevel,
  type RootLogger,
} from './logger';
export {
  describeError,
  isSecretName,
  redact,
  redactString,
  scrubSecrets,
  REDACTED,
  REDACTED_KNOWN,
  type KnownSecrets,
} from '../infra/redact';
export type { FileHealth } from './rolling-file';
