/**
 * The built-in demo links its calls to SignalWire ids derived from the ivrid, so the demo
 * telephony service (which writes the id into the call's custom data) and the demo SignalWire
 * service agree without talking to each other.
 */

/** FNV-1a, 32 bits, seeded: four rounds give the 128 bits of a UUID. Not cryptographic: demo only. */
function fnv1a(text: string, seed: number): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** A stable, UUID-shaped (version 4 layout) SignalWire call id for a demo call. */
export function demoSignalWireCallId(ivrid: string): string {
  const hex = [1, 2, 3, 4].map((seed) => fnv1a(ivrid, seed).toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `4${hex.slice(13, 16)}`,
    `${variant}${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join('-');
}
