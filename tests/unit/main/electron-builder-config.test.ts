import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '../../..');
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<
  string,
  unknown
> & {
  files: string[];
  mac: Record<string, unknown>;
  win: { target: string[] };
  protocols: { schemes: string[] }[];
  electronFuses: Record<string, boolean>;
};

/** A minimal glob matcher (`**`, `*`, `!` negation) — enough for electron-builder's `files`. */
function included(files: string[], path: string): boolean {
  let result = false;
  for (const pattern of files) {
    const negated = pattern.startsWith('!');
    const body = negated ? pattern.slice(1) : pattern;
    const source = body
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*\*\//g, '<DIRS>')
      .replace(/\*\*/g, '<ANY>')
      .replace(/\*/g, '[^/]*')
      .replace(/<DIRS>/g, '(?:.*/)?')
      .replace(/<ANY>/g, '.*');
    const regex = new RegExp(`^${source}$`);
    if (regex.test(path)) result = !negated;
  }
  return result;
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema validation", async () => {
    const require = createRequire(import.meta.url);
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as {
      DebugLogger: new (enabled: boolean) => unknown;
    };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(
      validateConfiguration({ ...config, asarr: true }, new DebugLogger(false)),
    ).rejects.toThrow();
  });

  it('names the app as the code does (Windows ties toasts to the AppUserModelID)', () => {
    const main = readFileSync(join(root, 'electron/main/index.ts'), 'utf8');
    const appId = /const APP_ID = '([^']+)'/.exec(main)?.[1];
    expect(config.appId).toBe(appId);
    expect(config.productName).toBe('Ringside');
  });

  it('flips every security fuse', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('packs the built app (out/) and nothing of the sources', () => {
    for (const path of [
      'out/main/index.js',
      'out/preload/index.cjs',
      'out/renderer/index.html',
      'out/renderer/assets/index-abc.js',
    ]) {
      expect(included(config.files, path)).toBe(true);
    }
    expect(included(config.files, 'package.json')).toBe(true);
    for (const path of [
      'electron/main/index.ts',
      'tests/unit/main/x.test.ts',
      'out/main/index.js.map',
      '.ringside-dev/secrets.json',
    ]) {
      expect(included(config.files, path)).toBe(false);
    }
  });

  it('signs for the hardened runtime on macOS with entitlements that exist and stay minimal', () => {
    expect(config.mac).toMatchObject({ hardenedRuntime: true, target: ['dmg', 'zip'] });
    const entitlements = String(config.mac.entitlements);
    expect(existsSync(join(root, entitlements))).toBe(true);
    const plist = readFileSync(join(root, entitlements), 'utf8');
    expect(plist).toContain('com.apple.security.cs.allow-jit');
    expect(plist).not.toContain('disable-library-validation');
    expect(plist).not.toContain('allow-dyld-environment-variables');
    expect(config.win.target).toEqual(['nsis']);
    expect(existsSync(join(root, 'build/icon.png'))).toBe(true);
  });

  it('declares tel: and callto:', () => {
    expect(config.protocols.flatMap((protocol) => protocol.schemes).sort()).toEqual([
      'callto',
      'tel',
    ]);
  });
});

describe('electron-builder.yml: installers, icons and updates', () => {
  const more = config as unknown as {
    mac: { icon: string; notarize: boolean; target: string[] };
    win: { icon: string };
    nsis: Record<string, unknown>;
    linux: { target: string[] };
    extraResources: { from: string; to: string; filter: string[] }[];
    publish: { provider: string };
  };

  it('installs per user on Windows, with the app icon on the app and the installer', () => {
    expect(more.nsis).toMatchObject({
      perMachine: false,
      installerIcon: 'build/icon.ico',
      uninstallerIcon: 'build/icon.ico',
    });
    expect(more.win.icon).toBe('build/icon.ico');
    expect(existsSync(join(root, more.win.icon))).toBe(true);
  });

  it('notarises on macOS when the credentials are there, with a zip for electron-updater', () => {
    expect(more.mac.notarize).toBe(true);
    expect(more.mac.target).toContain('zip');
    expect(existsSync(join(root, more.mac.icon))).toBe(true);
  });

  it('builds x64 and arm64 installers for Windows and macOS, and keeps AppImage and deb', () => {
    const scripts = (
      JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    for (const name of ['dist:win', 'dist:mac']) {
      expect(scripts[name]).toContain('--x64');
      expect(scripts[name]).toContain('--arm64');
    }
    expect(more.linux.target).toEqual(['AppImage', 'deb']);
  });

  it('ships the tray icons as files next to the asar, where the tray reads them', () => {
    expect(more.extraResources).toEqual([
      { from: 'resources/tray', to: 'tray', filter: ['*.png', '*.ico'] },
    ]);
    expect(existsSync(join(root, 'resources/tray/connectedTemplate@2x.png'))).toBe(true);
  });

  it('publishes where electron-updater looks: GitHub releases unless the build says otherwise', () => {
    expect(more.publish).toMatchObject({ provider: 'github' });
  });
});
