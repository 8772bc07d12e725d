import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHeadlessHost, type HeadlessHost } from '../../../electron/headless/host';

// docs/configuration.md: a configuration file that cannot be used does not stop Ringside; it
// starts with the stored settings and the agent reads what is wrong, naming the field, never a
// secret's value. The headless host takes the same start-up path as the Electron app.
const SECRET = 'hunter2-do-not-show';
const silentNotifier = {
  notifier: { notify: async () => {}, dismiss: () => {} },
  available: false,
};

describe('the headless host with a configuration file it cannot use', () => {
  let dir: string;
  let host: HeadlessHost | null = null;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ringside-config-'));
  });

  afterEach(async () => {
    await host?.stop();
    host = null;
    await rm(dir, { recursive: true, force: true });
  });

  async function start(config: string): Promise<HeadlessHost> {
    const configPath = join(dir, 'ringside.json');
    await writeFile(configPath, config);
    host = await startHeadlessHost({
      dataDir: join(dir, 'data'),
      configPath,
      notifier: silentNotifier,
    });
    return host;
  }

  const configNotice = (running: HeadlessHost) =>
    running.core.snapshot().notices.find((notice) => notice.id === 'config-file');

  it('starts with the stored settings and names the wrong field, without the secret', async () => {
    // A first run stores the agent's own choice.
    const first = await start(JSON.stringify({ app: { mode: 'signed-out' } }));
    await first.core.handlers.updateSettings({ ownExtensions: ['301'] });
    await first.stop();
    host = null;

    const running = await start(
      JSON.stringify({
        voicenter: { loginType: 'user', email: 'agent@example.com', pin: SECRET },
        notifications: { enabled: 'yes' },
      }),
    );
    const notice = configNotice(running);
    expect(notice?.level).toBe('warning');
    expect(notice?.text).toContain(join(dir, 'ringside.json'));
    expect(notice?.text).toContain('"notifications.enabled"');
    expect(notice?.text).toContain('started with the settings it had');
    expect(JSON.stringify(running.core.snapshot())).not.toContain(SECRET);
    // Nothing of the file was applied: neither its secret nor its account mode.
    expect(running.core.snapshot().settings.voicenter.ownExtensions).toEqual(['301']);
    expect(running.core.snapshot().settings.voicenter.hasSecret).toBe(false);
    expect(running.core.snapshot().mode).toBe('signed-out');
  });

  it('says where broken JSON is wrong without quoting the line that holds a secret', async () => {
    const running = await start(`{\n  "voicenter": { "pin": "${SECRET}" \n}`);
    const text = configNotice(running)?.text ?? '';
    expect(text).toMatch(/not valid JSON \(line \d+, column \d+\)/);
    expect(text).not.toContain(SECRET);
    expect(running.logger.recentLines().join('\n')).not.toContain(SECRET);
  });

  it('refuses a secret longer than Ringside keeps, naming it', async () => {
    const running = await start(
      JSON.stringify({ signalwire: { authMode: 'relay', relayToken: 'x'.repeat(20_000) } }),
    );
    expect(configNotice(running)?.text).toContain('"signalwire.relayToken" is too long');
  });
});
