/**
 * `representativeStatus` codes (spec 2.5). 4, 6, 8 and 10 are undocumented and accounts can rename
 * statuses, so unknown codes are shown by number rather than guessed.
 */
export const STATUS_LABELS: Readonly<Record<number, string>> = Object.freeze({
  1: 'Available',
  2: 'Logout',
  3: 'Lunch',
  5: 'Administrative',
  7: 'Private',
  9: 'Other',
  11: 'Training',
  12: 'Team meeting',
  13: 'Brief',
});

/** Code 1 is "Login": the agent is available for calls. */
export const AVAILABLE_STATUS = 1;

export function statusLabel(code: number | null): string {
  if (code === null) return 'Unknown';
  return STATUS_LABELS[code] ?? `Status ${code}`;
}

export function isAvailableStatus(code: number | null): boolean {
  return code === AVAILABLE_STATUS;
}
