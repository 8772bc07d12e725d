import { describe, expect, it } from 'vitest';
import { migrate, SETTINGS_VERSION } from '../../../../electron/core/settings/migrations';
import { parseDocument } from '../../../../electron/core/settings/document';
import { sections } from '../../../../electron/core/settings/sections';

describe('settings migrations', () => {
  it('numbers the versions by the list of migrations', () => {
    expect(SETTINGS_VERSION).toBe(1);
  });

  it('turns the flat v0 prototype layout into v1 sections', () => {
    const result = migrate({
      loginType: 'user',
      email: 'agent@example.com',
      loginUrl: 'https://login.reseller.example/monitorAPI/Login',
      extensions: '201, 202;203',
      notify: false,
      focusOnRing: true,
    });
    expect(result.from).toBe(0);
    expect(result.to).toBe(1);
    expect(result.applied).toHaveLength(1);
    expect(result.doc).toEqual({
      version: 1,
      app: { mode: 'account' },
      voicenter: {
        loginType: 'user',
        identity: 'agent@example.com',
        loginBaseUrl: 'https://login.reseller.example/monitorAPI/Login',
        ownExtensions: ['201', '202', '203'],
      },
      notifications: { enabled: false, focusWindowOnRing: true },
      demo: { enabled: false },
    });
  });

  it.each([
    [{ loginType: 'account', username: 'acme', email: 'ignored@example.com' }, 'acme', 'account'],
    [{ loginType: 'token', email: 'ignored@example.com' }, '', 'demo'],
    [{ demo: false }, undefined, 'signed-out'],
  ])('v0 %j -> identity %j, mode %s', (v0, identity, mode) => {
    const { doc } = migrate(v0);
    expect((doc.voicenter as Record<string, unknown>).identity).toBe(identity);
    expect((doc.app as Record<string, unknown>).mode).toBe(mode);
  });

  it('gives a fresh install (empty v0) the defaults: demo mode, demo offered', () => {
    const { doc, to } = migrate({});
    const { settings, repaired } = parseDocument(doc, to);
    expect(repaired).toEqual([]);
    expect(settings).toEqual({
      version: 1,
      app: { mode: 'demo' },
      voicenter: {
        loginType: 'user',
        identity: '',
        loginBaseUrl: 'https://loginapi.voicenter.co.il/monitorAPI/Login',
        ownExtensions: [],
      },
      notifications: { enabled: true, focusWindowOnRing: false },
      demo: { enabled: true, scenario: 'demo-loop', seed: 1 },
      // Owned by other work; each starts from its own defaults.
      rocketchat: sections.rocketchat.schema.parse({}),
      signalwire: sections.signalwire.schema.parse({}),
      phone: sections.phone.schema.parse({}),
      queues: sections.queues.schema.parse({}),
      language: sections.language.schema.parse({}),
      desktop: sections.desktop.schema.parse({}),
      updates: sections.updates.schema.parse({}),
      board: sections.board.schema.parse({}),
    });
  });

  it('leaves a current document alone and does not run migrations on a newer one', () => {
    const current = { version: 1, app: { mode: 'signed-out' } };
    expect(migrate(current)).toMatchObject({ from: 1, to: 1, applied: [], doc: current });
    const newer = { version: 7, app: { mode: 'account' }, future: { x: 1 } };
    expect(migrate(newer)).toMatchObject({ from: 7, to: 7, applied: [], doc: newer });
  });

  it('treats anything that is not an object as an empty v0 document', () => {
    expect(migrate(null).from).toBe(0);
    expect(migrate([1, 2]).doc).toMatchObject({ version: 1 });
  });
});
