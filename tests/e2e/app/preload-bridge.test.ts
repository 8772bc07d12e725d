import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { dispatch } from '@shared/ipc/dispatch';
import { methodNames } from '@shared/ipc/names';
import { skipReason, startApp, type RunningApp } from './harness';

// The renderer as Electron runs it: `window.ringside` provided by a preload, no WebSocket. The
// bridge here stands in for the preload + ipcMain pair (Playwright bindings carry the calls to
// the same `dispatch` main uses); what is under test is the renderer's preload path, which the
// headless host's own transport never exercises.
const reason = skipReason();
if (reason) console.warn(`[skip] e2e preload bridge: ${reason}`);

declare global {
  interface Window {
    __ringsideInvoke?: (name: string, args: unknown[]) => Promise<unknown>;
    __ringsideEmit?: (event: string, payload: unknown) => void;
  }
}

describe.skipIf(reason !== null)('the window through a preload-style bridge', () => {
  let app: RunningApp;
  let page: Page;
  const offs: (() => void)[] = [];
  // An effect loop (Svelte's effect_update_depth_exceeded) shows up here as a page error.
  const errors: string[] = [];

  beforeAll(async () => {
    app = await startApp();
    page = await app.page.context().newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    const emit = (event: string, payload: unknown): void => {
      // A push racing the page's close at the end of the suite has nowhere to go: drop it.
      page
        .evaluate(([e, p]) => window.__ringsideEmit?.(e as string, p), [event, payload])
        .catch(() => undefined);
    };
    // As Electron's main does: one window link, its updates pushed and its calls dispatched.
    const link = app.host.core.connectWindow((update) => emit('update', update));
    offs.push(() => link.close());
    await page.exposeFunction('__ringsideInvoke', (name: string, args: unknown[]) =>
      dispatch(link.handlers, name, args, () => undefined),
    );
    await page.addInitScript((names: readonly string[]) => {
      const listeners = new Map<string, Set<(payload: unknown) => void>>();
      const api: Record<string, unknown> = {};
      for (const name of names) {
        api[name] = (...args: unknown[]) => window.__ringsideInvoke?.(name, args);
      }
      api.on = (event: string, listener: (payload: unknown) => void) => {
        const set = listeners.get(event) ?? new Set();
        listeners.set(event, set);
        set.add(listener);
        return () => set.delete(listener);
      };
      Object.defineProperty(window, 'ringside', { value: Object.freeze(api) });
      window.__ringsideEmit = (event, payload) =>
        listeners.get(event)?.forEach((listener) => listener(payload));
    }, methodNames);
    // The page is the app's own; the fragment token is irrelevant on this path.
    await page.goto(app.host.url.split('#')[0] ?? app.host.url);
  });

  afterAll(async () => {
    offs.forEach((off) => off());
    await page?.close();
    await app?.stop();
  });

  it('renders, stays responsive, and follows the demo call without a WebSocket', async () => {
    await expect
      .poll(() => page.getByTestId('connection-badge').getAttribute('data-status'), {
        timeout: 20_000,
      })
      .toBe('connected');
    await expect
      .poll(() => page.getByTestId('call-card').getAttribute('data-status'), { timeout: 30_000 })
      .toMatch(/ringing|talking/);
    expect(await page.getByTestId('ipc-lost').count()).toBe(0);
    // A call through the bridge answers: the Settings drawer's test ring reaches main.
    await page.getByTestId('open-settings').click();
    await page.getByTestId('test-ring').click();
    expect(errors).toEqual([]);
  });
});
