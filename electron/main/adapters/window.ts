import type { BrowserWindow, NativeImage, Session, WebContents, WebPreferences } from 'electron';
import { cspFor, externalLinkTarget, isPermissionAllowed, isSameOrigin } from '../security/policy';

/**
 * The one set of web preferences every Ringside window gets (Electron's security checklist).
 * Frozen, so nothing can loosen it at run time; only the preload path is added per window.
 */
export const WEB_PREFERENCES = Object.freeze({
  /** The preload runs in its own JavaScript world; the page sees only what contextBridge exposes. */
  contextIsolation: true,
  /** The renderer is an OS-sandboxed process and the preload gets only a small Electron API. */
  sandbox: true,
  /** No `require`, no `process` in the page, its workers or frames. */
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  /** Same-origin policy stays on. */
  webSecurity: true,
  /** No http content inside the app's page. */
  allowRunningInsecureContent: false,
  /** No `<webview>`: it could load anything with preferences of its own. */
  webviewTag: false,
  /** No Chromium features behind flags. */
  experimentalFeatures: false,
  /** Dropping a file or link on the window must not navigate it away from the app. */
  navigateOnDragDrop: false,
  /** A page cannot trap the agent in a loop of alert() dialogs. */
  safeDialogs: true,
  /** Chromium's spellchecker downloads dictionaries from Google; the app makes no such requests. */
  spellcheck: false,
} satisfies WebPreferences);

export interface MainWindowOptions {
  BrowserWindow: typeof BrowserWindow;
  preload: string;
  icon?: NativeImage;
}

/** Creates the (hidden) main window; the caller loads the app and shows it when ready. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  return new options.BrowserWindow({
    width: 1100,
    height: 760,
    minWidth: 720,
    minHeight: 520,
    show: false,
    title: 'Ringside',
    autoHideMenuBar: true,
    ...(options.icon ? { icon: options.icon } : {}),
    webPreferences: { ...WEB_PREFERENCES, preload: options.preload },
  });
}

/**
 * Keeps a window's contents on the app: new windows are denied (an https link the agent clicked
 * opens in their browser instead), navigation and redirects away from the app's origin are
 * cancelled, and `<webview>` can never attach.
 */
export function guardContents(
  contents: WebContents,
  appBase: string,
  openExternal: (url: string) => void,
): void {
  contents.setWindowOpenHandler(({ url }) => {
    const target = externalLinkTarget(url);
    if (target) openExternal(target);
    return { action: 'deny' };
  });
  const stayOnApp = (event: { url: string; preventDefault(): void }): void => {
    if (!isSameOrigin(event.url, appBase)) event.preventDefault();
  };
  contents.on('will-navigate', stayOnApp);
  contents.on('will-frame-navigate', stayOnApp);
  contents.on('will-redirect', stayOnApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * Session-wide rules: the CSP header on every response (the app protocol sets it too), and
 * permissions limited to notifications for the app's own page. `appBase` is `app://ringside`, or
 * the Vite dev server in development.
 */
export function secureSession(
  session: Session,
  appBase: string,
  devServerUrl: string | null,
): void {
  const csp = cspFor(devServerUrl);
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    }
    headers['Content-Security-Policy'] = [csp];
    callback({ responseHeaders: headers });
  });
  session.setPermissionRequestHandler((contents, permission, callback) => {
    callback(isPermissionAllowed(permission, contents.getURL(), appBase));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, appBase),
  );
}
