import type { Api } from '../../shared/ipc/contract';
// Names only: the preload must not bundle the schemas (main validates every call anyway).
import {
  eventChannel,
  eventNames,
  invokeChannel,
  methodNames,
  type EventName,
} from '../../shared/ipc/names';

/** The part of ipcRenderer the bridge uses (a fake in tests). */
export interface RendererIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
}

/**
 * Builds `window.ringside` from the contract: one function per method (answers an IpcResult, never
 * throws for a refused call) and `on(event, listener)`, which hands the listener the payload only
 * (never Electron's event, which carries `sender`) and returns an unsubscribe.
 */
export function buildApi(ipc: RendererIpc): Api {
  const api: Record<string, unknown> = {};
  for (const name of methodNames) {
    const channel = invokeChannel(name);
    api[name] = (...args: unknown[]) => ipc.invoke(channel, ...args);
  }
  api.on = (event: EventName, listener: (payload: unknown) => void): (() => void) => {
    if (!(eventNames as readonly string[]).includes(event))
      throw new Error(`Ringside has no event named "${String(event)}".`);
    if (typeof listener !== 'function') throw new Error('A listener must be a function.');
    const channel = eventChannel(event);
    const forward = (_event: unknown, payload: unknown): void => listener(payload);
    ipc.on(channel, forward);
    return () => {
      ipc.removeListener(channel, forward);
    };
  };
  return Object.freeze(api) as Api;
}
