import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger, type RootLogger } from '../../../../electron/core/logging/logger';

const SECRETS = [
  '4321-pin',
  'tok_live_abcdef123456',
  'eyJhbGciOiJIUzI1NiJ9.payload.sig',
  'hunter2hunter2',
  'cookie-value-99',
];

describe('createLogger', () => {
  let dir: string;
  let logger: RootLogger;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ringside-log-'));
    logger = createLogger({
      name: 'ringside',
      level: 'debug',
      file: join(dir, 'logs', 'ringside.log'),
    });
  });

  afterEach(async () => {
    await logger.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function fileText(): Promise<string> {
    await logger.flush();
    const files = await readdir(join(dir, 'logs'));
    const logs = files.filter((name) => name.startsWith('ringside') && name.endsWith('.log'));
    expect(logs.length).toBeGreaterThan(0);
    const texts = await Promise.all(logs.map((name) => readFile(join(dir, 'logs', name), 'utf8')));
    return texts.join('');
  }

  function logEverySecretShape(target: RootLogger): void {
    const voicenter = target.child('voicenter');
    voicenter.info('signing in', {
      login: {
        loginType: 'user',
        email: 'agent@example.com',
        pin: '4321-pin',
        token: 'tok_live_abcdef123456',
      },
    });
    voicenter.error('login failed', {
      error: new Error(
        'server said: Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig was rejected',
      ),
    });
    voicenter.warn('batch', {
      attempts: [
        { url: 'wss://monitor1.example/socket.io/?token=tok_live_abcdef123456&EIO=3', ok: false },
        [{ headers: { Authorization: 'Basic aHVudGVyMmh1bnRlcjI=', Cookie: 'cookie-value-99' } }],
        { nested: { deeper: { password: 'hunter2hunter2', apiKey: 'tok_live_abcdef123456' } } },
      ],
    });
    voicenter.info('raw body {"Token":"tok_live_abcdef123456","Url":"https://monitor1.example"}');
  }

  it('never writes a secret to the file or the in-memory ring, yet keeps the useful context', async () => {
    logEverySecretShape(logger);
    const text = await fileText();
    const ring = logger.recentLines().join('\n');
    for (const secret of SECRETS) {
      expect(text).not.toContain(secret);
      expect(ring).not.toContain(secret);
    }
    // Context that is not secret survives, so the log is still useful to support.
    expect(text).toContain('agent@example.com');
    expect(text).toContain('wss://monitor1.example/socket.io/?token=[REDACTED]&EIO=3');
    expect(text).toContain('Bearer [REDACTED] was rejected');
    expect(text).toContain('https://monitor1.example');
  });

  it('writes one JSON line per entry with the module name of the child logger', async () => {
    logger.child('settings').child('migrations').info('migrated', { from: 0, to: 1 });
    const lines = (await fileText()).trim().split('\n');
    const entry = JSON.parse(lines.at(-1) ?? '{}') as Record<string, unknown>;
    expect(entry).toMatchObject({
      name: 'ringside',
      module: 'settings.migrations',
      level: 'info',
      msg: 'migrated',
      from: 0,
      to: 1,
    });
    expect(typeof entry.time).toBe('string');
  });

  it('turns Errors into objects with a redacted message, stack and cause', () => {
    const cause = new Error('token=tok_live_abcdef123456 expired');
    logger.error('refresh failed', {
      error: new Error('refresh with pin=4321-pin failed', { cause }),
    });
    const entry = JSON.parse(logger.recentLines().at(-1) ?? '{}') as {
      error: { type: string; message: string; stack: string; cause: { message: string } };
    };
    expect(entry.error.type).toBe('Error');
    expect(entry.error.message).toBe('refresh with pin=[REDACTED] failed');
    expect(entry.error.stack).not.toContain('4321-pin');
    expect(entry.error.cause.message).toBe('token=[REDACTED] expired');
  });

  it('respects the level and keeps only the most recent lines in memory', () => {
    const small = createLogger({ name: 'ringside', level: 'info', ringSize: 3 });
    small.debug('hidden');
    for (let i = 1; i <= 5; i += 1) small.info(`line ${i}`);
    const msgs = small.recentLines().map((line) => (JSON.parse(line) as { msg: string }).msg);
    expect(msgs).toEqual(['line 3', 'line 4', 'line 5']);
  });
});
