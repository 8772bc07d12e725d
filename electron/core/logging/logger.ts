import pino from 'pino';
import type { Logger } from '../ports';
import { redact, redactString } from '../infra/redact';
import { RollingFile, type FileHealth } from './rolling-file';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LoggerOptions {
  /** The root logger's name (`ringside`); children are `ringside` + `module`. */
  name: string;
  level?: LogLevel;
  /** Path of the log file, e.g. `<userData>/logs/ringside.log`; pino-roll numbers the rotations. */
  file?: string;
  /** Also write to stdout (development). Default false. */
  stdout?: boolean;
  /** How many recent lines to keep in memory for the diagnostics export. Default 1000. */
  ringSize?: number;
  /** Rotation: size per file and how many old files to keep. Default 5 MB x 4. */
  fileSize?: string;
  fileCount?: number;
  /**
   * Called on every failed open or write of the log file (a full disk, a read-only folder): the
   * logger keeps running in memory and counts what it lost; the host decides what to tell the
   * agent. Must not log (the log is what failed).
   */
  onFileError?: (error: NodeJS.ErrnoException) => void;
}

/** The root logger: the Logger port plus what the composition root and diagnostics need. */
export interface RootLogger extends Logger {
  /** The last lines written (already redacted JSON lines, oldest first). */
  recentLines(): string[];
  /** Waits until every line so far is in the file. */
  flush(): Promise<void>;
  /** Flushes and closes the file (at quit). Later writes only reach memory and stdout. */
  close(): Promise<void>;
  /** Failed writes and lost lines of the log file so far (zero without a file). */
  fileHealth(): FileHealth;
}

/**
 * Structured logging on pino: one JSON line per entry, one named child per module
 * (`logger.child('voicenter')` -> `"module":"voicenter"`). Every message and field goes through
 * `redact` before pino sees it, so no code path can write a secret by forgetting to scrub it.
 */
export function createLogger(options: LoggerOptions): RootLogger {
  const ring = new LineRing(options.ringSize ?? 1000);
  const file = options.file
    ? new RollingFile(options.file, {
        size: options.fileSize ?? '5m',
        count: options.fileCount ?? 4,
        ...(options.onFileError ? { onError: options.onFileError } : {}),
      })
    : null;
  let fileOpen = file !== null;
  const toStdout = options.stdout ?? false;
  if (toStdout) watchStdout();

  const destination = {
    write(line: string): void {
      ring.push(line);
      if (file && fileOpen) file.write(line);
      if (toStdout && stdoutWorks) process.stdout.write(line);
    },
  };
  const root = pino(
    {
      name: options.name,
      level: options.level ?? 'info',
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );

  return Object.assign(wrap(root, null), {
    recentLines: () => ring.lines(),
    flush: async () => {
      await file?.flush();
    },
    close: async () => {
      if (!file || !fileOpen) return;
      fileOpen = false;
      await file.close();
    },
    fileHealth: () => file?.fileHealth() ?? { writeErrors: 0, droppedLines: 0 },
  });
}

let stdoutWorks = true;
let stdoutWatched = false;

/**
 * stdout is a stream too: piped into a program that exits (`npm run web | head`), it emits EPIPE,
 * which unhandled would end the host. Logging then goes on to the file and memory.
 */
function watchStdout(): void {
  if (stdoutWatched) return;
  stdoutWatched = true;
  process.stdout.on('error', () => {
    stdoutWorks = false;
  });
}

function wrap(target: pino.Logger, module: string | null): Logger {
  const write =
    (level: LogLevel) =>
    (msg: string, fields?: Record<string, unknown>): void => {
      const safeMsg = redactString(msg);
      if (fields === undefined) target[level](safeMsg);
      else target[level](redact(fields) as Record<string, unknown>, safeMsg);
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    child: (name: string) => {
      const childModule = module ? `${module}.${name}` : name;
      return wrap(target.child({ module: childModule }), childModule);
    },
  };
}

/** A fixed-size ring of the most recent lines, for the support bundle. */
class LineRing {
  private readonly items: string[] = [];
  private start = 0;

  constructor(private readonly size: number) {}

  push(line: string): void {
    const trimmed = line.endsWith('\n') ? line.slice(0, -1) : line;
    if (this.items.length < this.size) {
      this.items.push(trimmed);
      return;
    }
    this.items[this.start] = trimmed;
    this.start = (this.start + 1) % this.size;
  }

  lines(): string[] {
    return [...this.items.slice(this.start), ...this.items.slice(0, this.start)];
  }
}

/** A logger that drops everything (tests that do not look at logs). */
export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silentLogger,
};
