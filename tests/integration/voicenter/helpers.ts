/** Drives a VoicenterRealtimeClient against the real simulator over real sockets. */
import io from 'socket.io-client';
import type { RealtimeEvent } from '../../../shared/domain/calls';
import type { ConnectionView } from '../../../shared/domain/connection';
import { createEventParser } from '../../../shared/voicenter/parse';
import { systemClock, type Logger } from '../../../electron/core/ports';
import {
  VoicenterRealtimeClient,
  type MalformedEvent,
  type RealtimeClientDeps,
} from '../../../electron/core/voicenter/realtime-client';
import type { Timings, VoicenterCredentials } from '../../../electron/core/voicenter/types';
import type { VoicenterSim } from '../../../electron/sim/voicenter';

export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  name: string;
  msg: string;
  fields: Record<string, unknown> | undefined;
}

/** Keeps every line so a test can assert on it (and that no secret was ever logged). */
export function captureLogger(lines: LogLine[] = [], name = 'test'): Logger & { lines: LogLine[] } {
  const at =
    (level: LogLine['level']) =>
    (msg: string, fields?: Record<string, unknown>): void => {
      lines.push({ level, name, msg, fields });
    };
  return {
    lines,
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (child: string) => captureLogger(lines, `${name}.${child}`),
  };
}

/** Timings short enough for tests; each test overrides what it exercises. */
export const FAST: Partial<Timings> = {
  keepaliveIdleMs: 5_000,
  deadAfterKeepaliveMs: 10_000,
  connectTimeoutMs: 3_000,
  backoffBaseMs: 50,
  backoffCapMs: 400,
  returnToMainAfterMs: 60_000,
  refreshBeforeExpiryMs: 5_000,
  httpTimeoutMs: 3_000,
};

export function credentialsFor(
  sim: VoicenterSim,
  type: VoicenterCredentials['loginType'],
): VoicenterCredentials {
  const c = sim.credentials;
  switch (type) {
    case 'user':
      return {
        loginType: 'user',
        identity: c.user.email,
        secret: c.user.pin,
        loginBaseUrl: sim.loginBaseUrl,
      };
    case 'account':
      return {
        loginType: 'account',
        identity: c.account.username,
        secret: c.account.password,
        loginBaseUrl: sim.loginBaseUrl,
      };
    case 'token':
      return { loginType: 'token', identity: '', secret: c.token, loginBaseUrl: sim.loginBaseUrl };
  }
}

export interface Harness {
  client: VoicenterRealtimeClient;
  events: RealtimeEvent[];
  states: ConnectionView[];
  malformed: MalformedEvent[];
  log: LogLine[];
  /** Resolves when `test` holds (checked on every client emission and every 20 ms). */
  until(test: () => boolean, what: string, timeoutMs?: number): Promise<void>;
  untilState(
    test: (view: ConnectionView) => boolean,
    what: string,
    timeoutMs?: number,
  ): Promise<ConnectionView>;
  connectedTo(server: string, timeoutMs?: number): Promise<ConnectionView>;
  /** Delays (ms) the client chose for each retry, from its log. */
  retryDelays(): number[];
}

export function harness(
  sim: VoicenterSim,
  options: {
    credentials?: VoicenterCredentials;
    type?: VoicenterCredentials['loginType'];
    timings?: Partial<Timings>;
    io?: RealtimeClientDeps['io'];
    parser?: RealtimeClientDeps['parser'];
  } = {},
): Harness {
  const logger = captureLogger();
  const client = new VoicenterRealtimeClient({
    credentials: options.credentials ?? credentialsFor(sim, options.type ?? 'account'),
    io: options.io ?? io,
    parser: options.parser ?? createEventParser(),
    logger,
    clock: systemClock,
    timings: { ...FAST, ...options.timings },
    // No jitter: the back-off schedule is exact and can be asserted.
    random: () => 0,
  });
  const events: RealtimeEvent[] = [];
  const states: ConnectionView[] = [];
  const malformed: MalformedEvent[] = [];
  client.on('event', (e) => events.push(e));
  client.on('state', (s) => states.push(s));
  client.on('malformed', (m) => malformed.push(m));

  const until = (test: () => boolean, what: string, timeoutMs = 10_000): Promise<void> =>
    new Promise((resolve, reject) => {
      if (test()) return resolve();
      const offs: (() => void)[] = [];
      const finish = (error?: Error): void => {
        clearInterval(poll);
        clearTimeout(timer);
        for (const off of offs) off();
        if (error) reject(error);
        else resolve();
      };
      const check = (): void => {
        if (test()) finish();
      };
      const poll = setInterval(check, 20);
      const timer = setTimeout(() => {
        const last = states.at(-1)?.state;
        finish(new Error(`timed out waiting for ${what}; last state ${JSON.stringify(last)}`));
      }, timeoutMs);
      offs.push(
        client.on('event', check),
        client.on('state', check),
        client.on('malformed', check),
      );
    });

  const untilState = async (
    test: (view: ConnectionView) => boolean,
    what: string,
    timeoutMs?: number,
  ): Promise<ConnectionView> => {
    await until(() => test(client.getView()), what, timeoutMs);
    return client.getView();
  };

  return {
    client,
    events,
    states,
    malformed,
    log: logger.lines,
    until,
    untilState,
    connectedTo: (server, timeoutMs) =>
      untilState(
        (v) => v.state.status === 'connected' && v.state.server === server,
        `connected to ${server}`,
        timeoutMs,
      ),
    retryDelays: () =>
      logger.lines
        .filter((l) => l.msg === 'offline; retrying')
        .map((l) => Number(l.fields?.['delayMs'])),
  };
}

/** Sockets the sim holds open, over all servers. */
export function openSockets(sim: VoicenterSim): number {
  return sim.connections().reduce((n, c) => n + c.sockets.length, 0);
}

/** Active timers in this process (Node's own bookkeeping). */
export function activeTimers(): number {
  return process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
}

/** Every string a test must never find in a log line. */
export function assertNoSecrets(log: LogLine[], secrets: readonly string[]): void {
  const text = JSON.stringify(log);
  for (const secret of secrets) {
    if (secret.length > 0 && text.includes(secret)) throw new Error('a secret reached the log');
  }
}
