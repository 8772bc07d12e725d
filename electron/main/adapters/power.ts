import type { PowerMonitor } from 'electron';

/**
 * After sleep or a screen lock the socket may claim to be open while the server has long
 * forgotten it ("deaf after sleep"): report the wake-up so the core reconnects now.
 */
export function watchPower(
  powerMonitor: Pick<PowerMonitor, 'on' | 'off'>,
  onWake: (reason: string) => void,
): () => void {
  const resumed = (): void => onWake('the computer woke from sleep');
  const unlocked = (): void => onWake('the screen was unlocked');
  powerMonitor.on('resume', resumed);
  powerMonitor.on('unlock-screen', unlocked);
  return () => {
    powerMonitor.off('resume', resumed);
    powerMonitor.off('unlock-screen', unlocked);
  };
}
