import { createServer } from 'node:net';
import type { Logger } from '../../../electron/core/ports';
import type { OutboxStorage, PersistedOutbox } from '../../../electron/core/outbox/types';

/** Every line a module logged, as JSON text, so a test can look for a leaked secret. */
export class CapturingLogger implements Logger {
  constructor(
    readonly lines: string[] = [],
    private readonly name = 'test',
  ) {}
  debug(msg: string, fields?: Record<string, unknown>): void {
    this.push('debug', msg, fields);
  }
  info(msg: string, fields?: Record<string, unknown>): void {
    this.push('info', msg, fields);
  }
  warn(msg: string, fields?: Record<string, unknown>): void {
    this.push('warn', msg, fields);
  }
  error(msg: string, fields?: Record<string, unknown>): void {
    this.push('error', msg, fields);
  }
  child(name: string): Logger {
    return new CapturingLogger(this.lines, `${this.name}.${name}`);
  }
  private push(level: string, msg: string, fields?: Record<string, unknown>): void {
    this.lines.push(JSON.stringify({ level, module: this.name, msg, ...fields }));
  }
}

/** Outbox storage in memory (what the file would hold, as a deep copy). */
export class MemoryOutboxStorage implements OutboxStorage {
  saved: PersistedOutbox | null = null;
  async load(): Promise<PersistedOutbox | null> {
    return Promise.resolve(this.saved ? structuredClone(this.saved) : null);
  }
  async save(state: PersistedOutbox): Promise<void> {
    this.saved = structuredClone(state);
    return Promise.resolve();
  }
}

export const CALL = '0e9c80d7-a149-4917-892d-420043709f45';
export const CALL_2 = '7c1f8a2e-3b4d-4e5f-8a6b-9c0d1e2f3a4b';

/** A raw POST to the demo server, for the tests of the server itself. */
export async function post(
  url: string,
  body: unknown,
  auth: string | null,
): Promise<{ status: number; body: unknown; text: string; headers: Headers }> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: 'application/json',
  };
  if (auth !== null) headers.Authorization = auth;
  const response = await fetch(url, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Kept as text.
  }
  return { status: response.status, body: parsed, text, headers: response.headers };
}

export const basic = (user: string, password: string): string =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** A port nothing listens on (bound, read, released). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export { fakeCipher } from '../../support/fake-cipher';
