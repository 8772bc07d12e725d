import { describe, expect, it } from 'vitest';
import type { IpcMain, WebContents } from 'electron';
import { invokeChannel, type ApiHandlers } from '../../../shared/ipc/contract';
import {
  createEventSender,
  registerIpc,
  trustedFrameFor,
} from '../../../electron/main/adapters/ipc';
import { APP_BASE } from '../../../electron/main/security/policy';

// Electron's IPC path under hostile input: whatever arrives, the window's call is answered with an
// IpcResult (a rejected invoke would throw inside the window's `api`), and a failed push is
// reported instead of thrown into the core. ipcMain and WebContents are fakes (Electron objects).

type Listener = (event: unknown, ...args: unknown[]) => unknown;

function setup() {
  const listeners = new Map<string, Listener>();
  const ran: string[] = [];
  const unexpected: string[] = [];
  const handlers = new Proxy({} as ApiHandlers, {
    get: (_target, name: string) => () => void ran.push(name),
  });
  registerIpc(
    {
      handle: (channel: string, listener: Listener) => listeners.set(channel, listener),
    } as unknown as IpcMain,
    handlers,
    trustedFrameFor(APP_BASE),
    (method) => unexpected.push(method),
  );
  const call = (method: string, event: unknown, ...args: unknown[]): unknown => {
    const listener = listeners.get(invokeChannel(method as never));
    if (!listener) throw new Error(`no handler for ${method}`);
    return listener(event, ...args);
  };
  return { call, ran, unexpected };
}

describe('registerIpc under hostile input', () => {
  it('answers a call whose sender frame throws when read (disposed) with a refusal', async () => {
    const { call, ran } = setup();
    const disposed = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    let answer: unknown;
    expect(() => (answer = call('useDemo', disposed))).not.toThrow();
    await expect(answer).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(ran).toEqual([]);
  });

  it('answers arguments nested too deep to check, instead of rejecting the call', async () => {
    const { call, ran } = setup();
    let deep: Record<string, unknown> = {};
    for (let depth = 0; depth < 50_000; depth += 1) deep = { a: deep };
    const answer = call(
      'updateSignalWireSettings',
      { senderFrame: { url: 'app://ringside/index.html' } },
      { presets: [{ label: 'deep', event: deep }] },
    );
    await expect(answer).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments' },
    });
    expect(ran).toEqual([]);
  });
});

describe('createEventSender when the push fails', () => {
  it('reports a send that throws (the window went away, a payload that cannot be cloned)', () => {
    const failures: string[] = [];
    const contents = {
      isDestroyed: () => false,
      getURL: () => 'app://ringside/index.html',
      send: () => {
        throw new Error('Object has been destroyed');
      },
    } as unknown as WebContents;
    const send = createEventSender(
      () => contents,
      APP_BASE,
      (event) => failures.push(event),
    );
    expect(() => send('focusCall', { ivrid: 'ivr-1' })).not.toThrow();
    expect(failures).toEqual(['focusCall']);
  });
});
