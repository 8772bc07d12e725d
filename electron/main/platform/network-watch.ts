import { networkInterfaces } from 'node:os';

export interface NetworkWatchOptions {
  /** Whether the OS believes it is online (Electron: `net.isOnline()`). */
  isOnline: () => boolean;
  /** A string that changes when the machine's addresses change (default: from os.networkInterfaces). */
  fingerprint?: () => string;
  /** Called on a change worth reconnecting for, with the reason in plain words. */
  onChange: (reason: string) => void;
  intervalMs?: number;
}

/**
 * Electron has no "network changed" event in main, so this polls: the online flag and the set of
 * the machine's addresses. Coming back online, or moving to another network while online (Wi-Fi to
 * cable, VPN up or down), is reported: the socket may look open but be dead. Going offline is not:
 * nothing can be done until the network returns.
 */
export function watchNetwork(options: NetworkWatchOptions): { check(): void; stop(): void } {
  const fingerprint = options.fingerprint ?? addressFingerprint;
  let online = options.isOnline();
  let addresses = fingerprint();

  const check = (): void => {
    const nowOnline = options.isOnline();
    const nowAddresses = fingerprint();
    const cameBack = nowOnline && !online;
    const moved = nowOnline && online && nowAddresses !== addresses;
    online = nowOnline;
    addresses = nowAddresses;
    if (cameBack) options.onChange('the network came back');
    else if (moved) options.onChange('the network changed');
  };
  const timer = setInterval(check, options.intervalMs ?? 5000);
  timer.unref();
  return { check, stop: () => clearInterval(timer) };
}

/** The machine's external addresses, sorted: changes when it joins another network. */
export function addressFingerprint(): string {
  const found: string[] = [];
  for (const [name, entries] of Object.entries(networkInterfaces())) {
    for (const entry of entries ?? []) {
      if (!entry.internal) found.push(`${name}/${entry.address}`);
    }
  }
  return found.sort().join(',');
}
