/** Every IPC call answers with this envelope: a failure is a value, never a thrown Error across the bridge. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export interface IpcError {
  /** Stable machine-readable code, e.g. `invalid-arguments`, `not-signed-in`, `unavailable`. */
  code: string;
  /** Plain words for the agent. Never contains a secret. */
  message: string;
}

export const ok = <T>(value: T): IpcResult<T> => ({ ok: true, value });
export const fail = (code: string, message: string): IpcResult<never> => ({
  ok: false,
  error: { code, message },
});
