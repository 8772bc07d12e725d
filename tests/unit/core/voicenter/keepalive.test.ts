import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KeepaliveMonitor } from '../../../../electron/core/voicenter/keepalive';

describe('KeepaliveMonitor', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function monitor() {
    const sent: number[] = [];
    let dead = 0;
    const m = new KeepaliveMonitor({
      idleMs: 60_000,
      deadMs: 120_000,
      sendKeepalive: () => sent.push(Date.now()),
      onDead: () => {
        dead += 1;
      },
    });
    return { m, sent, dead: () => dead };
  }

  it('sends keepalive after the idle time, repeats it, and declares the link dead when nothing answers', () => {
    const { m, sent, dead } = monitor();
    m.start();
    vi.advanceTimersByTime(59_999);
    expect(sent).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(60_000);
    expect(sent).toHaveLength(2);
    expect(dead()).toBe(0);
    vi.advanceTimersByTime(60_000);
    expect(dead()).toBe(1);
    // Dead once; nothing keeps ticking afterwards.
    vi.advanceTimersByTime(600_000);
    expect(dead()).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('any activity resets both the idle and the dead timers', () => {
    const { m, sent, dead } = monitor();
    m.start();
    vi.advanceTimersByTime(60_000);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(100_000);
    m.activity();
    vi.advanceTimersByTime(59_000);
    expect(sent).toHaveLength(2);
    expect(dead()).toBe(0);
    m.activity();
    vi.advanceTimersByTime(170_000);
    expect(dead()).toBe(0);
  });

  it('stop clears every timer', () => {
    const { m, sent, dead } = monitor();
    m.start();
    vi.advanceTimersByTime(60_000);
    m.stop();
    expect(vi.getTimerCount()).toBe(0);
    m.activity();
    vi.advanceTimersByTime(1_000_000);
    expect(sent).toHaveLength(1);
    expect(dead()).toBe(0);
  });
});
