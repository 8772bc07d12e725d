import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { BrowserWindow, Session, WebContents } from 'electron';
import {
  createMainWindow,
  guardContents,
  secureSession,
  WEB_PREFERENCES,
} from '../../../electron/main/adapters/window';
import { APP_BASE } from '../../../electron/main/security/policy';

describe('WEB_PREFERENCES', () => {
  it('is frozen and follows the security checklist', () => {
    expect(Object.isFrozen(WEB_PREFERENCES)).toBe(true);
    expect(WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('is what every window gets, plus its preload', () => {
    let options: Record<string, unknown> = {};
    class FakeWindow {
      constructor(given: Record<string, unknown>) {
        options = given;
      }
    }
    createMainWindow({
      BrowserWindow: FakeWindow as unknown as typeof BrowserWindow,
      preload: '/app/out/preload/index.cjs',
    });
    expect(options.show).toBe(false);
    expect(options.webPreferences).toEqual({
      ...WEB_PREFERENCES,
      preload: '/app/out/preload/index.cjs',
    });
  });
});

class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler;
  }
  /** Emits a navigation-like event; answers whether it was cancelled. */
  attempt(event: string, url: string): boolean {
    let prevented = false;
    this.emit(event, { url, preventDefault: () => (prevented = true) });
    return prevented;
  }
}

describe('guardContents', () => {
  function guarded() {
    const contents = new FakeContents();
    const opened: string[] = [];
    guardContents(contents as unknown as WebContents, APP_BASE, (url) => opened.push(url));
    return { contents, opened };
  }

  it('denies every new window; an https link opens in the browser instead', () => {
    const { contents, opened } = guarded();
    expect(contents.openHandler?.({ url: 'https://chat.example.com/room' })).toEqual({
      action: 'deny',
    });
    expect(contents.openHandler?.({ url: 'http://chat.example.com/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'app://ringside/index.html' })).toEqual({
      action: 'deny',
    });
    expect(opened).toEqual(['https://chat.example.com/room']);
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])(
    '%s: stays on the app origin',
    (event) => {
      const { contents } = guarded();
      expect(contents.attempt(event, 'app://ringside/index.html#calls')).toBe(false);
      expect(contents.attempt(event, 'https://evil.example/')).toBe(true);
      expect(contents.attempt(event, 'app://ringside.evil/')).toBe(true);
      expect(contents.attempt(event, 'file:///C:/')).toBe(true);
    },
  );

  it('never lets a webview attach', () => {
    const { contents } = guarded();
    expect(contents.attempt('will-attach-webview', 'app://ringside/')).toBe(true);
  });
});

describe('secureSession', () => {
  function fakeSession() {
    const state: {
      headers?: (
        details: { responseHeaders?: Record<string, string[]> },
        cb: (r: { responseHeaders: Record<string, string[]> }) => void,
      ) => void;
      request?: (
        contents: { getURL(): string },
        permission: string,
        cb: (granted: boolean) => void,
      ) => void;
      check?: (contents: unknown, permission: string, origin: string) => boolean;
    } = {};
    const session = {
      webRequest: {
        onHeadersReceived: (listener: typeof state.headers) => (state.headers = listener),
      },
      setPermissionRequestHandler: (handler: typeof state.request) => (state.request = handler),
      setPermissionCheckHandler: (handler: typeof state.check) => (state.check = handler),
    };
    return { state, session: session as unknown as Session };
  }

  it('puts the strict CSP on every response, replacing any the response had', () => {
    const { state, session } = fakeSession();
    secureSession(session, APP_BASE, null);
    let out: Record<string, string[]> = {};
    state.headers?.(
      {
        responseHeaders: {
          'content-security-policy': ['default-src *'],
          'Content-Type': ['text/html'],
        },
      },
      (result) => (out = result.responseHeaders),
    );
    expect(out['content-security-policy']).toBeUndefined();
    expect(out['Content-Type']).toEqual(['text/html']);
    expect(out['Content-Security-Policy']?.[0]).toMatch(
      /^default-src 'none'; script-src 'self'; style-src 'self';/,
    );
  });

  it('grants notifications to the app page and refuses everything else', () => {
    const { state, session } = fakeSession();
    secureSession(session, APP_BASE, null);
    const ask = (url: string, permission: string): boolean => {
      let granted: boolean | null = null;
      state.request?.({ getURL: () => url }, permission, (answer) => (granted = answer));
      return granted === true;
    };
    expect(ask('app://ringside/index.html', 'notifications')).toBe(true);
    expect(ask('app://ringside/index.html', 'media')).toBe(false);
    expect(ask('https://evil.example/', 'notifications')).toBe(false);
    expect(state.check?.(null, 'notifications', 'app://ringside')).toBe(true);
    expect(state.check?.(null, 'geolocation', 'app://ringside')).toBe(false);
    expect(state.check?.(null, 'notifications', 'https://evil.example')).toBe(false);
  });
});
