import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHeadlessHost, type HeadlessHost } from '../../../electron/headless/host';
import { startRocketChatSim, type RocketChatSim } from '../../../electron/sim/rocketchat';

// Trying the demo must not cost the agent their own Rocket.Chat sign-in: the demo's Rocket.Chat
// session lives in memory, and leaving the demo hands Rocket.Chat back to the agent's server.
describe('the demo and the agent’s own Rocket.Chat server', () => {
  let host: HeadlessHost | null = null;
  let own: RocketChatSim | null = null;
  let dir = '';

  afterEach(async () => {
    await host?.stop();
    await own?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('keeps the stored sign-in through a demo session and resumes it afterwards', async () => {
    own = await startRocketChatSim({ version: '7.5.1' });
    dir = await mkdtemp(join(tmpdir(), 'ringside-demo-rc-'));
    const config = join(dir, 'ringside.json');
    await writeFile(config, JSON.stringify({ version: 1, app: { mode: 'signed-out' } }));
    host = await startHeadlessHost({
      dataDir: join(dir, 'data'),
      configPath: config,
      rendererDir: dir,
    });
    const { handlers } = host.core;

    await handlers.rocketChatSignIn({
      serverUrl: own.url,
      username: own.users.agent.username,
      password: own.users.agent.password,
    });
    expect(host.core.snapshot().rocketchat.server?.url).toBe(own.url);

    await handlers.useDemo();
    const demoUrl = host.core.demo()?.rocketchat.url;
    expect(demoUrl).toBeDefined();
    expect(host.core.snapshot().rocketchat.server?.url).toBe(demoUrl);

    await handlers.signOut();
    const view = host.core.snapshot().rocketchat;
    expect(view.server?.url).toBe(own.url);
    expect(view.status).toBe('signed-in');
    expect(view.signedInAs?.username).toBe(own.users.agent.username);
  });
});
