import { basename, dirname, extname, join } from 'node:path';
import pinoRoll from 'pino-roll';
import type SonicBoom from 'sonic-boom';

const MAX_PENDING = 5_000;

/**
 * A rotating log file (pino-roll: `ringside.1.log`, `ringside.2.log`, … with the oldest removed).
 * pino-roll opens its file asynchronously; lines written before it is ready are held and written
 * in order, so `createLogger` can stay synchronous. If the file cannot be opened the logger keeps
 * working without it and says so once on stderr.
 */
export class RollingFile {
  private stream: SonicBoom | null = null;
  private pending: string[] = [];
  private failed = false;
  private closed = false;
  private readonly ready: Promise<void>;

  constructor(path: string, options: { size: string; count: number }) {
    const extension = extname(path) || '.log';
    const base = join(dirname(path), basename(path, extname(path)));
    this.ready = pinoRoll({
      file: base,
      extension,
      size: options.size,
      limit: { count: options.count },
      mkdir: true,
    })
      .then(async (stream) => {
        // SonicBoom opens the file asynchronously; lines written before then would be lost on flush.
        if ((stream as unknown as { fd: number }).fd < 0)
          await new Promise<void>((resolve) => stream.once('ready', () => resolve()));
        return stream;
      })
      .then(
        (stream) => {
          this.stream = stream;
          for (const line of this.pending) stream.write(line);
          this.pending = [];
        },
        (error: unknown) => {
          this.failed = true;
          this.pending = [];
          const reason = error instanceof Error ? error.message : String(error);
          process.stderr.write(
            `Ringside cannot write its log file in ${dirname(path)} (${reason}); logging to memory only.\n`,
          );
        },
      );
  }

  write(line: string): void {
    if (this.closed) return;
    if (this.stream) this.stream.write(line);
    else if (!this.failed && this.pending.length < MAX_PENDING) this.pending.push(line);
  }

  async flush(): Promise<void> {
    await this.ready;
    const stream = this.stream;
    if (!stream || this.closed) return;
    await new Promise<void>((resolve) => stream.flush(() => resolve()));
  }

  async close(): Promise<void> {
    await this.flush();
    const stream = this.stream;
    if (!stream || this.closed) return;
    this.closed = true;
    await new Promise<void>((resolve) => {
      stream.once('close', () => resolve());
      stream.end();
    });
  }
}
