import { parseArgs } from 'node:util';

import { startRocketChatSim } from './index';

// Standalone run for demos and manual poking:
//   npx tsx electron/sim/rocketchat/cli.ts --version 7.5.1 --port 3100
// Prints the URL and the demo usernames; their passwords are listed in README.md.

const { values } = parseArgs({
  options: {
    version: { type: 'string', default: '6.13.0' },
    port: { type: 'string', default: '0' },
    host: { type: 'string', default: '127.0.0.1' },
  },
});

const sim = await startRocketChatSim({
  version: values.version,
  port: Number(values.port),
  host: values.host,
  visitors: [{ token: 'demo-caller-1', name: 'Dana Levi', phone: '+972501234567' }],
});
process.stdout.write(
  `Rocket.Chat ${sim.version} simulator on ${sim.url}\n` +
    `users: ${[sim.users.agent, sim.users.otherAgent, sim.users.admin, sim.users.user]
      .map((u) => `${u.username} (${u.roles.join(', ')})`)
      .join('; ')}\n`,
);
const shutdown = (): void => {
  void sim.stop().then(() => process.exit(0));
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
