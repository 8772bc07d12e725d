/**
 * `npm run sim -- [--port N] [--servers K] [--scenario demo-loop] [--seed S] [--speed X] [--host H]`
 * Starts the Voicenter simulator, prints where to log in, runs a scenario, stops on SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { SCENARIO_NAMES, isScenarioName, startVoicenterSim } from './voicenter';

const argsSchema = z.object({
  host: z.string().default('127.0.0.1'),
  port: z.coerce.number().int().min(0).max(65_535).default(0),
  servers: z.coerce.number().int().min(1).max(16).default(1),
  scenario: z
    .string()
    .refine(isScenarioName, { message: `one of: ${SCENARIO_NAMES.join(', ')}, none` })
    .or(z.literal('none'))
    .default('demo-loop'),
  seed: z.string().default('1'),
  speed: z.coerce.number().positive().default(1),
});

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      servers: { type: 'string' },
      scenario: { type: 'string' },
      seed: { type: 'string' },
      speed: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(
      'usage: npm run sim -- [--port N] [--servers K] [--scenario NAME|none] [--seed S] [--speed X] [--host H]',
    );
    console.log(`scenarios: ${SCENARIO_NAMES.join(', ')}`);
    return;
  }
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    console.error(z.prettifyError(parsed.error));
    process.exitCode = 2;
    return;
  }
  const args = parsed.data;
  const sim = await startVoicenterSim({
    host: args.host,
    port: args.port,
    servers: args.servers,
    seed: args.seed,
    speed: args.speed,
  });
  const c = sim.credentials;
  // The demo credentials are public by design; printing them is the point of this tool.
  console.log('Voicenter simulator running');
  console.log(`  login base URL: ${sim.loginBaseUrl}   (POST /User, /Account, /Token)`);
  console.log(`  refresh URL:    ${sim.refreshUrl}`);
  sim.socketUrls.forEach((url, i) => {
    console.log(`  socket server ${i}: ${url}${i === 0 ? '   (main)' : '   (backup)'}`);
  });
  console.log(
    `  user login:     email ${c.user.email}  pin ${c.user.pin}  (extension ${c.user.extension})`,
  );
  console.log(`  account login:  username ${c.account.username}  password ${c.account.password}`);
  console.log(`  token login:    token ${c.token}`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping`);
    sim.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  if (args.scenario !== 'none' && isScenarioName(args.scenario)) {
    console.log(`  scenario:       ${args.scenario} (seed ${args.seed}, speed ${args.speed})`);
    const result = await sim.runScenario(args.scenario);
    if (result.completed)
      console.log(`scenario ${result.name} finished; still serving (Ctrl-C to stop)`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
