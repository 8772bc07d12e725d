/**
 * App-level liveness. With the EIO3 ping settings (60 s interval, 180 s timeout) a dead link takes
 * up to four minutes to notice, so after `idleMs` without any event the client sends `keepalive`
 * (and again every `idleMs`), and gives the link up when `deadMs` pass after the first unanswered
 * keepalive with nothing at all arriving.
 */
export interface KeepaliveOptions {
  idleMs: number;
  deadMs: number;
  sendKeepalive(): void;
  onDead(): void;
}

export class KeepaliveMonitor {
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private deadTimer: ReturnType<typeof setTimeout> | null = null;
  private running = false;

  constructor(private readonly options: KeepaliveOptions) {}

  start(): void {
    this.running = true;
    this.activity();
  }

  /** Anything arrived: the link is alive. */
  activity(): void {
    if (!this.running) return;
    this.clear();
    this.armIdle();
  }

  stop(): void {
    this.running = false;
    this.clear();
  }

  private armIdle(): void {
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (!this.running) return;
      if (this.deadTimer === null) {
        this.deadTimer = setTimeout(() => {
          this.deadTimer = null;
          if (!this.running) return;
          this.stop();
          this.options.onDead();
        }, this.options.deadMs);
      }
      this.armIdle();
      this.options.sendKeepalive();
    }, this.options.idleMs);
  }

  private clear(): void {
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    if (this.deadTimer !== null) clearTimeout(this.deadTimer);
    this.idleTimer = null;
    this.deadTimer = null;
  }
}
