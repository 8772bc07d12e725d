import { describe, expect, it } from 'vitest';
import type { IpcMain, WebContents } from 'electron';
import {
  eventChannel,
  invokeChannel,
  methodNames,
  type ApiHandlers,
} from '../../../shared/ipc/contract';
import { UserFacingError } from '../../../shared/ipc/dispatch';
import {
  createEventSender,
  registerIpc,
  trustedFrameFor,
} from '../../../electron/main/adapters/ipc';
import { APP_BASE } from '../../../electron/main/security/policy';

type Listener = (event: unknown, ...args: unknown[]) => unknown;

class FakeIpcMain {
  readonly handlers = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  invoke(channel: string, frameUrl: string | null, ...args: unknown[]): Promise<unknown> {
    const listener = this.handlers.get(channel);
    if (!listener) return Promise.reject(new Error(`no handler for ${channel}`));
    return Promise.resolve(
      listener({ senderFrame: frameUrl === null ? null : { url: frameUrl } }, ...args),
    );
  }
}

function setup() {
  const calls: unknown[][] = [];
  const unexpected: string[] = [];
  const handlers = new Proxy({} as ApiHandlers, {
    get: (_target, name: string) => {
      return (...args: unknown[]) => {
        calls.push([name, ...args]);
        if (name === 'reconnect') throw new Error('socket exploded with token=abc');
        if (name === 'signOut')
          throw new UserFacingError('not-signed-in', 'You are not signed in.');
        return name === 'exportDiagnostics' ? 'bundle' : undefined;
      };
    },
  });
  const ipcMain = new FakeIpcMain();
  const dispose = registerIpc(
    ipcMain as unknown as IpcMain,
    handlers,
    trustedFrameFor(APP_BASE),
    (method) => unexpected.push(method),
  );
  return { ipcMain, calls, unexpected, dispose };
}

describe('registerIpc', () => {
  it('registers every method of the contract, and the disposer removes them all', () => {
    const { ipcMain, dispose } = setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(methodNames.map(invokeChannel).sort());
    dispose();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('answers a call from the app page with the handler result', async () => {
    const { ipcMain, calls } = setup();
    await expect(
      ipcMain.invoke(invokeChannel('exportDiagnostics'), 'app://ringside/index.html'),
    ).resolves.toEqual({
      ok: true,
      value: 'bundle',
    });
    await expect(
      ipcMain.invoke(invokeChannel('updateSettings'), 'app://ringside/index.html', {
        notifications: { enabled: false },
      }),
    ).resolves.toMatchObject({ ok: true });
    expect(calls).toEqual([
      ['exportDiagnostics'],
      ['updateSettings', { notifications: { enabled: false } }],
    ]);
  });

  it.each([
    ['another origin', 'https://evil.example/'],
    ['a look-alike host', 'app://ringside.evil/index.html'],
    ['a file page', 'file:///tmp/index.html'],
    ['a frame that is gone', null],
  ])('refuses a call from %s without running the handler', async (_name, frameUrl) => {
    const { ipcMain, calls } = setup();
    const result = await ipcMain.invoke(invokeChannel('useDemo'), frameUrl);
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(calls).toEqual([]);
  });

  it('refuses invalid arguments before the handler sees them', async () => {
    const { ipcMain, calls } = setup();
    const bad = await ipcMain.invoke(invokeChannel('updateSettings'), 'app://ringside/', {
      notifications: { enabled: 'yes' },
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    const extra = await ipcMain.invoke(invokeChannel('getSnapshot'), 'app://ringside/', 'surplus');
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(calls).toEqual([]);
  });

  it('turns failures into results: user-facing words pass, anything else is reported and hidden', async () => {
    const { ipcMain, unexpected } = setup();
    await expect(ipcMain.invoke(invokeChannel('signOut'), 'app://ringside/')).resolves.toEqual({
      ok: false,
      error: { code: 'not-signed-in', message: 'You are not signed in.' },
    });
    const internal = (await ipcMain.invoke(invokeChannel('reconnect'), 'app://ringside/')) as {
      error: { message: string };
    };
    expect(internal).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(internal.error.message).not.toContain('token');
    expect(unexpected).toEqual(['reconnect']);
  });
});

describe('createEventSender', () => {
  function fakeContents(url: string, destroyed = false) {
    const sent: unknown[][] = [];
    return {
      sent,
      contents: {
        isDestroyed: () => destroyed,
        getURL: () => url,
        send: (...args: unknown[]) => sent.push(args),
      } as unknown as WebContents,
    };
  }

  it('pushes events to the app page on the contract channel', () => {
    const { sent, contents } = fakeContents('app://ringside/index.html');
    createEventSender(() => contents, APP_BASE)('focusCall', { ivrid: 'ivr-1' });
    expect(sent).toEqual([[eventChannel('focusCall'), { ivrid: 'ivr-1' }]]);
  });

  it('sends nothing to a page that is not the app, or a destroyed or missing window', () => {
    const elsewhere = fakeContents('https://evil.example/');
    createEventSender(() => elsewhere.contents, APP_BASE)('focusCall', { ivrid: 'x' });
    const destroyed = fakeContents('app://ringside/', true);
    createEventSender(() => destroyed.contents, APP_BASE)('focusCall', { ivrid: 'x' });
    expect(() =>
      createEventSender(() => null, APP_BASE)('focusCall', { ivrid: 'x' }),
    ).not.toThrow();
    expect(elsewhere.sent).toEqual([]);
    expect(destroyed.sent).toEqual([]);
  });
});
