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

/**
 * Activity only stamps the time: on an account login events arrive thousands of times a second,
 * and clearing and arming a timer for each one would cost more than the event. The idle timer
 * looks at the stamp when it fires and waits out the rest.
 */
export class KeepaliveMonitor {
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private deadTimer: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  private lastActivity = 0;

  constructor(private readonly options: KeepaliveOptions) {}

  start(): void {
    this.running = true;
    this.activity();
  }

  /** Anything arrived: the link is alive. */
  activity(): void {
    if (!this.running) return;
    this.lastActivity = performance.now();
    if (this.deadTimer !== null) {
      clearTimeout(this.deadTimer);
      this.deadTimer = null;
    }
    if (this.idleTimer === null) this.armIdle(this.options.idleMs);
  }

  stop(): void {
    this.running = false;
    this.clear();
  }

  private armIdle(delay: number): void {
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (!this.running) return;
      const quiet = performance.now() - this.lastActivity;
      if (quiet < this.options.idleMs) {
        this.armIdle(this.options.idleMs - quiet);
        return;
      }
      if (this.deadTimer === null) {
        this.deadTimer = setTimeout(() => {
          this.deadTimer = null;
          if (!this.running) return;
          this.stop();
          this.options.onDead();
        }, this.options.deadMs);
      }
      this.armIdle(this.options.idleMs);
      this.options.sendKeepalive();
    }, delay);
  }

  private clear(): void {
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    if (this.deadTimer !== null) clearTimeout(this.deadTimer);
    this.idleTimer = null;
    this.deadTimer = null;
  }
}
