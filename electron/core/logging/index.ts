export {
  createLogger,
  silentLogger,
  type LoggerOptions,
  type LogLevel,
  type RootLogger,
} from './logger';
export { redact, redactString, isSecretName, REDACTED } from './redact';
export type { FileHealth } from './rolling-file';
