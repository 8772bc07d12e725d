import { describe, expect, it } from 'vitest';
import { buildApi, type RendererIpc } from '../../../electron/preload/api';
import { eventChannel, invokeChannel, methodNames } from '../../../shared/ipc/contract';

type Listener = (event: unknown, payload: unknown) => void;

class FakeIpc implements RendererIpc {
  invoked: unknown[][] = [];
  listeners = new Map<string, Set<Listener>>();
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push([channel, ...args]);
    return Promise.resolve({ ok: true, value: channel });
  }
  on(channel: string, listener: Listener): void {
    const set = this.listeners.get(channel) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(channel, set);
  }
  removeListener(channel: string, listener: Listener): void {
    this.listeners.get(channel)?.delete(listener);
  }
  emit(channel: string, payload: unknown): void {
    for (const listener of this.listeners.get(channel) ?? [])
      listener({ sender: 'ipc internals' }, payload);
  }
}

describe('buildApi (window.ringside)', () => {
  it('has exactly one function per contract method plus on, and cannot be changed', () => {
    const api = buildApi(new FakeIpc());
    expect(Object.keys(api).sort()).toEqual([...methodNames, 'on'].sort());
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('invokes the contract channel with the arguments', async () => {
    const ipc = new FakeIpc();
    const api = buildApi(ipc);
    await expect(api.updateSettings({ notifications: { enabled: false } })).resolves.toEqual({
      ok: true,
      value: invokeChannel('updateSettings'),
    });
    expect(ipc.invoked).toEqual([
      [invokeChannel('updateSettings'), { notifications: { enabled: false } }],
    ]);
  });

  it('hands listeners the payload only, and unsubscribes', () => {
    const ipc = new FakeIpc();
    const api = buildApi(ipc);
    const seen: unknown[][] = [];
    const stop = api.on('focusCall', (...args: unknown[]) => seen.push(args));
    ipc.emit(eventChannel('focusCall'), { ivrid: 'ivr-1' });
    stop();
    ipc.emit(eventChannel('focusCall'), { ivrid: 'ivr-2' });
    expect(seen).toEqual([[{ ivrid: 'ivr-1' }]]);
  });

  it('refuses unknown events', () => {
    const api = buildApi(new FakeIpc());
    expect(() => api.on('ipc-internals' as 'snapshot', () => undefined)).toThrow(/no event named/);
  });
});
