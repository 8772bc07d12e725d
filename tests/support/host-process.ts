/**
 * The headless host as its own process (`electron/headless/cli.ts` under tsx, as `npm run web` runs
 * it), so a test can tell whether bad input or a hostile environment ends it, and an IPC client
 * that talks to its WebSocket the way the page does (same origin, per-run token).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { WebSocket, type RawData } from 'ws';
import { WS_PATH } from '../../shared/ipc/ws-protocol';
import type { IpcResult } from '../../shared/ipc/result';

export interface HostProcess {
  port: number;
  token: string;
  /** Null while the process runs; its exit code or signal once it ended. */
  exit(): { code: number | null; signal: NodeJS.Signals | null } | null;
  /** What it printed so far (stdout and stderr). */
  output(): string;
  stop(): Promise<void>;
  /** Sends `signal` (SIGKILL: no clean-up at all) and resolves once the process is gone. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

const STARTED = /http:\/\/127\.0\.0\.1:(\d+)\/#token=([A-Za-z0-9_-]+)/;

/**
 * A host process with nothing of its own going on (signed out, no demo, no alerts) in a fresh
 * folder: for tests of its IPC socket. `stop` ends it and removes the folder.
 */
export async function startIdleHostProcess(
  prefix: string,
): Promise<{ host: HostProcess; stop: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  const configPath = join(dir, 'ringside.json');
  const config = {
    app: { mode: 'signed-out' },
    demo: { enabled: false },
    notifications: { enabled: false },
  };
  await writeFile(configPath, JSON.stringify(config));
  const host = await startHostProcess({ dataDir: join(dir, 'data'), configPath });
  const stop = async (): Promise<void> => {
    await host.stop();
    await rm(dir, { recursive: true, force: true });
  };
  return { host, stop };
}

export async function startHostProcess(options: {
  dataDir: string;
  configPath?: string;
  /** A script that starts the host like the CLI does (default `electron/headless/cli.ts`). */
  entry?: string;
  /** More arguments for `entry`. */
  args?: string[];
}): Promise<HostProcess> {
  const entry = resolve(options.entry ?? 'electron/headless/cli.ts');
  const args = ['--import', 'tsx', entry, '--port', '0'];
  args.push('--data-dir', options.dataDir);
  if (options.configPath) args.push('--config', options.configPath);
  args.push(...(options.args ?? []));
  const child = spawn(process.execPath, args, {
    env: { ...process.env, RINGSIDE_CONFIG: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exited = new Promise<void>((done) => {
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      done();
    });
  });
  const started = new Promise<{ port: number; token: string }>((done, fail) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const match = STARTED.exec(output);
      if (match?.[1] && match[2]) done({ port: Number(match[1]), token: match[2] });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then(() => fail(new Error(`the host ended before it started:\n${output}`)));
  });
  const { port, token } = await started;
  return {
    port,
    token,
    exit: () => exit,
    output: () => output,
    async stop() {
      if (exit) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
    async kill(signal) {
      if (exit) return;
      child.kill(signal);
      await exited;
    },
  };
}

export interface IpcClient {
  socket: WebSocket;
  /** The TCP stream under the WebSocket, for bytes outside any valid frame. */
  raw(): Socket;
  invoke(method: string, args?: unknown[]): Promise<IpcResult<unknown>>;
  /** Resolves with the close code once the host (or the client) closed the socket. */
  closed: Promise<number>;
  close(): void;
}

function text(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  return Buffer.from(new Uint8Array(data)).toString('utf8');
}

/** Opens the IPC socket as the page does; resolves once it is open. */
export async function connectIpc(host: { port: number; token: string }): Promise<IpcClient> {
  const socket = new WebSocket(
    `ws://127.0.0.1:${host.port}${WS_PATH}?token=${encodeURIComponent(host.token)}`,
    { origin: `http://127.0.0.1:${host.port}` },
  );
  // A refused or broken socket is an outcome the tests look at, never a crash of the test run.
  socket.on('error', () => undefined);
  const pending = new Map<number, (result: IpcResult<unknown>) => void>();
  socket.on('message', (data) => {
    const message = JSON.parse(text(data)) as { type: string; id?: number; result?: unknown };
    if (message.type !== 'result' || message.id === undefined) return;
    pending.get(message.id)?.(message.result as IpcResult<unknown>);
    pending.delete(message.id);
  });
  const closed = new Promise<number>((done) => socket.once('close', (code) => done(code)));
  await new Promise<void>((done, fail) => {
    socket.once('open', () => done());
    void closed.then((code) => fail(new Error(`the IPC socket closed before it opened (${code})`)));
  });
  let nextId = 1;
  return {
    socket,
    raw: () => (socket as unknown as { _socket: Socket })._socket,
    closed,
    invoke(method, args = []) {
      const id = nextId++;
      return new Promise((done, fail) => {
        pending.set(id, done);
        void closed.then((code) => fail(new Error(`the IPC socket closed (${code})`)));
        socket.send(JSON.stringify({ type: 'invoke', id, method, args }));
      });
    },
    close: () => socket.close(),
  };
}
