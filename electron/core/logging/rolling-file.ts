import { basename, dirname, extname, join } from 'node:path';
import pinoRoll from 'pino-roll';
import type SonicBoom from 'sonic-boom';

const MAX_PENDING = 5_000;
/**
 * What the stream may hold while the disk refuses it (bytes). Past it, lines are dropped and
 * counted instead of growing the heap for as long as the disk stays full; once the disk takes
 * writes again the held lines go first.
 */
const MAX_BUFFERED_BYTES = 1024 * 1024;

/** How the file has fared: failures are counted, never thrown. */
export interface FileHealth {
  /** Writes (or the open) the disk refused. */
  writeErrors: number;
  /** Lines lost: dropped while the disk refused writes, or never written because the file could not open. */
  droppedLines: number;
}

export interface RollingFileOptions {
  size: string;
  count: number;
  /** Called on every failed open or write (a full disk, a read-only folder). Must not throw or log. */
  onError?: (error: NodeJS.ErrnoException) => void;
}

/**
 * A rotating log file (pino-roll: `ringside.1.log`, `ringside.2.log`, … with the oldest removed).
 * pino-roll opens its file asynchronously; lines written before it is ready are held and written
 * in order, so `createLogger` can stay synchronous.
 *
 * The file never ends the process: the stream has an error listener (SonicBoom emits `'error'`
 * on ENOSPC, EROFS, a failed rotation, and an unhandled one throws), failures and dropped lines
 * are counted and reported through `onError`, and writing resumes by itself when the disk takes
 * writes again. If the file cannot be opened at all, the logger keeps working without it.
 */
export class RollingFile {
  private stream: SonicBoom | null = null;
  private pending: string[] = [];
  private failed = false;
  /** The last write failed and none has succeeded since. */
  private failing = false;
  private closed = false;
  private destroying = false;
  private readonly health: FileHealth = { writeErrors: 0, droppedLines: 0 };
  private readonly ready: Promise<void>;

  constructor(
    private readonly path: string,
    private readonly options: RollingFileOptions,
  ) {
    const extension = extname(path) || '.log';
    const base = join(dirname(path), basename(path, extname(path)));
    this.ready = pinoRoll({
      file: base,
      extension,
      size: options.size,
      limit: { count: options.count },
      mkdir: true,
      maxLength: MAX_BUFFERED_BYTES,
    })
      .then((stream) => this.opened(stream))
      .then(
        (stream) => {
          this.stream = stream;
          for (const line of this.pending) stream.write(line);
          this.pending = [];
        },
        (error: unknown) => this.openFailed(error),
      );
  }

  write(line: string): void {
    if (this.closed) return;
    if (this.stream) this.stream.write(line);
    else if (!this.failed && this.pending.length < MAX_PENDING) this.pending.push(line);
    else this.health.droppedLines += 1;
  }

  fileHealth(): FileHealth {
    return { ...this.health };
  }

  /** Waits until every line so far reached the file, or the disk refused it. */
  async flush(): Promise<void> {
    await this.ready;
    const stream = this.stream;
    if (!stream || this.closed) return;
    // SonicBoom's own flush answers at once when `minLength` is 0 (as here): wait for its queue
    // to drain instead, or for the write in flight to fail. While the disk refuses writes, what is
    // held waits for the next line, not for this.
    const queue = stream as unknown as { _writing: boolean; _len: number };
    if (this.failing || (!queue._writing && queue._len === 0)) return;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        stream.off('drain', done);
        stream.off('error', done);
        resolve();
      };
      stream.on('drain', done);
      stream.on('error', done);
      // An empty write starts the queue if nothing is in flight.
      if (!queue._writing) stream.write('');
    });
  }

  async close(): Promise<void> {
    await this.flush();
    const stream = this.stream;
    if (!stream || this.closed) return;
    this.closed = true;
    await new Promise<void>((resolve) => {
      stream.once('close', () => resolve());
      // Ending writes what is held first; on a disk that refuses it, that would never finish.
      if (this.failing) {
        this.destroying = true;
        stream.destroy();
      } else stream.end();
    });
  }

  /** Waits until SonicBoom opened its file (or could not), then listens for failed writes. */
  private opened(stream: SonicBoom): Promise<SonicBoom> {
    const listen = (): SonicBoom => {
      stream.on('error', (error: NodeJS.ErrnoException) => this.failedWrite(stream, error));
      stream.on('drop', () => {
        this.health.droppedLines += 1;
      });
      stream.on('write', () => {
        this.failing = false;
      });
      return stream;
    };
    if ((stream as unknown as { fd: number }).fd >= 0) return Promise.resolve(listen());
    return new Promise<SonicBoom>((resolve, reject) => {
      const onReady = (): void => {
        stream.off('error', onError);
        resolve(listen());
      };
      const onError = (error: unknown): void => {
        stream.off('ready', onReady);
        reject(error instanceof Error ? error : new Error(String(error)));
      };
      stream.once('ready', onReady);
      stream.once('error', onError);
    });
  }

  private failedWrite(stream: SonicBoom, error: NodeJS.ErrnoException): void {
    this.health.writeErrors += 1;
    this.failing = true;
    this.options.onError?.(error);
    // While closing, what is still held cannot be written: give it up so `close` finishes.
    if (this.closed && !this.destroying) {
      this.destroying = true;
      stream.destroy();
    }
  }

  private openFailed(error: unknown): void {
    this.failed = true;
    this.health.droppedLines += this.pending.length;
    this.pending = [];
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      `Ringside cannot write its log file in ${dirname(this.path)} (${reason}); logging to memory only.\n`,
    );
    this.health.writeErrors += 1;
    this.options.onError?.(error as NodeJS.ErrnoException);
  }
}
