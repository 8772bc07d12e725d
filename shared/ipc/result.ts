import type { Message } from '../messages/catalogue';

/** Every IPC call answers with this envelope: a failure is a value, never a thrown Error across the bridge. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export interface IpcError {
  /** Stable machine-readable code, e.g. `invalid-arguments`, `not-signed-in`, `unavailable`. */
  code: string;
  /** The English words, for logs and tests. Never contains a secret. */
  message: string;
  /** What the window shows, in the agent's language; absent for a refusal not yet given a code. */
  says?: Message;
}

export const ok = <T>(value: T): IpcResult<T> => ({ ok: true, value });
export const fail = (code: string, message: string, says?: Message): IpcResult<never> => ({
  ok: false,
  error: says ? { code, message, says } : { code, message },
});
