/**
 * The ports services depend on. Electron adapters (electron/main/adapters/) and the headless host
 * (electron/headless/) each provide real implementations; tests pass real local servers or, for
 * the thin Electron adapters only, fakes.
 */

/** Structured, named logging. Implementations redact secrets before anything is written. */
export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(name: string): Logger;
}

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A native notification about one call. */
export interface CallAlert {
  /** Stable id (the call's ivrid): one notification per call. */
  id: string;
  title: string;
  body: string;
  /**
   * Buttons on the notification where the platform has them (Electron: macOS only); the chosen
   * one's id reaches `onClick`.
   */
  actions?: readonly { id: string; label: string }[];
}

export interface Notifier {
  /**
   * Shows the alert; `onClick` runs when the agent clicks it (with the action's id when they chose
   * one of its buttons). Rejects when the OS refused it.
   */
  notify(alert: CallAlert, onClick: (action?: string) => void): Promise<void>;
  /** Removes the alert if it is still shown (the call was answered elsewhere or ended). */
  dismiss(id: string): void;
}

/**
 * Encrypts secrets at rest. Electron: `safeStorage` (OS keychain / DPAPI / libsecret). When
 * `available()` is false, secrets are kept in memory only and never written.
 */
export interface SecretCipher {
  available(): boolean;
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
}
