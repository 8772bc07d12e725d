import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { PowerMonitor } from 'electron';
import { watchPower } from '../../../electron/main/adapters/power';
import { watchNetwork } from '../../../electron/main/platform/network-watch';

describe('watchPower', () => {
  it('reports resume and unlock until disposed', () => {
    const monitor = new EventEmitter();
    const reasons: string[] = [];
    const stop = watchPower(monitor as unknown as PowerMonitor, (reason) => reasons.push(reason));
    monitor.emit('resume');
    monitor.emit('unlock-screen');
    monitor.emit('suspend');
    stop();
    monitor.emit('resume');
    expect(reasons).toEqual(['the computer woke from sleep', 'the screen was unlocked']);
  });
});

describe('watchNetwork', () => {
  it('reports coming back online and moving networks, not going offline', () => {
    let online = true;
    let addresses = 'wlan0/10.0.0.5';
    const reasons: string[] = [];
    const watcher = watchNetwork({
      isOnline: () => online,
      fingerprint: () => addresses,
      onChange: (reason) => reasons.push(reason),
      intervalMs: 60_000,
    });
    watcher.check();
    online = false;
    addresses = '';
    watcher.check();
    online = true;
    addresses = 'wlan0/10.0.0.5';
    watcher.check();
    addresses = 'eth0/192.168.1.20';
    watcher.check();
    watcher.check();
    watcher.stop();
    expect(reasons).toEqual(['the network came back', 'the network changed']);
  });
});
