/**
 * Global shortcuts: Electron accelerator strings ("CommandOrControl+Alt+R") read and checked
 * before they reach `globalShortcut.register`, so a typo or two actions on one key is told to the
 * agent instead of failing silently. Electron has no parser of its own to ask; the grammar is
 * Electron's documented one (docs/api/accelerator.md).
 */

export type ShortcutAction = 'showWindow' | 'openRoom' | 'holdToggle' | 'endCall';
export const shortcutActions: readonly ShortcutAction[] = [
  'showWindow',
  'openRoom',
  'holdToggle',
  'endCall',
];
export const shortcutLabels: Readonly<Record<ShortcutAction, string>> = {
  showWindow: 'Show the window',
  openRoom: "Open the current call's room",
  holdToggle: 'Hold / unhold the current call',
  endCall: 'End the current call',
};

export type ShortcutSettings = Record<ShortcutAction, string>;

type Modifier = 'Command' | 'Control' | 'Alt' | 'AltGr' | 'Shift' | 'Super';
const MODIFIER_ORDER: readonly Modifier[] = [
  'Command',
  'Control',
  'Alt',
  'AltGr',
  'Shift',
  'Super',
];

const MODIFIERS: Readonly<Record<string, Modifier | 'CommandOrControl'>> = {
  command: 'Command',
  cmd: 'Command',
  control: 'Control',
  ctrl: 'Control',
  commandorcontrol: 'CommandOrControl',
  cmdorctrl: 'CommandOrControl',
  alt: 'Alt',
  option: 'Alt',
  altgr: 'AltGr',
  shift: 'Shift',
  super: 'Super',
  meta: 'Super',
};

const NAMED_KEYS: readonly string[] = [
  'Plus',
  'Space',
  'Tab',
  'Capslock',
  'Numlock',
  'Scrolllock',
  'Backspace',
  'Delete',
  'Insert',
  'Return',
  'Enter',
  'Up',
  'Down',
  'Left',
  'Right',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  'Escape',
  'Esc',
  'PrintScreen',
  'VolumeUp',
  'VolumeDown',
  'VolumeMute',
  'MediaNextTrack',
  'MediaPreviousTrack',
  'MediaStop',
  'MediaPlayPause',
  'numdec',
  'numadd',
  'numsub',
  'nummult',
  'numdiv',
  ...Array.from({ length: 10 }, (_, n) => `num${n}`),
];
const NAMED = new Map(NAMED_KEYS.map((key) => [key.toLowerCase(), key]));
const PUNCTUATION = new Set([...')!@#$%^&*(:;:+=<,_->.?/~`{][|\\}"\'']);
/** Keys a global shortcut may take alone: they type nothing. */
const STANDALONE = /^(F([1-9]|1\d|2[0-4])|Media\w+|Volume\w+)$/;

export interface Accelerator {
  /** As Electron reads it on this platform, for comparing two accelerators. */
  canonical: string;
}

export type AcceleratorResult = { ok: true; value: Accelerator } | { ok: false; problem: string };

/** Reads one accelerator for `platform` (CommandOrControl is Command on macOS, Control elsewhere). */
export function parseAccelerator(text: string, platform: string): AcceleratorResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, problem: 'is empty' };
  if (trimmed.length > 100) return { ok: false, problem: 'is too long' };
  // "+" separates parts, so a literal plus key is written "Plus" (a trailing "++" is tolerated).
  const parts = trimmed.endsWith('++')
    ? [...trimmed.slice(0, -2).split('+'), 'Plus']
    : trimmed.split('+');
  const modifiers = new Set<Modifier>();
  let key: string | null = null;
  for (const raw of parts) {
    const part = raw.trim();
    if (part === '') return { ok: false, problem: `"${trimmed}" has an empty part` };
    const modifier = MODIFIERS[part.toLowerCase()];
    if (modifier) {
      if (key !== null) return { ok: false, problem: `"${part}" must come before the key` };
      const resolved =
        modifier === 'CommandOrControl'
          ? platform === 'darwin'
            ? 'Command'
            : 'Control'
          : modifier;
      if (modifiers.has(resolved)) return { ok: false, problem: `"${part}" is named twice` };
      modifiers.add(resolved);
      continue;
    }
    if (key !== null) return { ok: false, problem: `"${trimmed}" names two keys` };
    const found = keyCode(part);
    if (!found) return { ok: false, problem: `"${part}" is not a key Electron knows` };
    key = found;
  }
  if (key === null) return { ok: false, problem: `"${trimmed}" has no key, only modifiers` };
  const onlyShift = modifiers.size === 1 && modifiers.has('Shift');
  if ((modifiers.size === 0 || onlyShift) && !STANDALONE.test(key))
    return {
      ok: false,
      problem: `"${trimmed}" would take a key away from typing everywhere; add Control, Alt or Command`,
    };
  const ordered = MODIFIER_ORDER.filter((modifier) => modifiers.has(modifier));
  return { ok: true, value: { canonical: [...ordered, key].join('+') } };
}

function keyCode(part: string): string | null {
  if (/^[a-z0-9]$/i.test(part)) return part.toUpperCase();
  if (/^f([1-9]|1\d|2[0-4])$/i.test(part)) return part.toUpperCase();
  if (part.length === 1 && PUNCTUATION.has(part)) return part;
  return NAMED.get(part.toLowerCase()) ?? null;
}

/** One shortcut as the window shows it. */
export interface ShortcutStatus {
  action: ShortcutAction;
  accelerator: string;
  /** off: none set; active: registered; invalid/duplicate/taken: not registered, `problem` says why. */
  state: 'off' | 'active' | 'invalid' | 'duplicate' | 'taken' | 'pending';
  problem: string | null;
}

export interface ShortcutPlan {
  /** What to hand to `globalShortcut.register`, in action order. */
  register: { action: ShortcutAction; accelerator: string }[];
  /** Every action's status before registration (registered ones are `pending`). */
  statuses: ShortcutStatus[];
}

/**
 * Which shortcuts to register: empty ones are off, unreadable ones are invalid, and two actions
 * on one key both stay unregistered (neither silently wins).
 */
export function planShortcuts(settings: ShortcutSettings, platform: string): ShortcutPlan {
  const parsed = shortcutActions.map((action) => {
    const accelerator = settings[action].trim();
    return {
      action,
      accelerator,
      result: accelerator ? parseAccelerator(accelerator, platform) : null,
    };
  });
  const owners = new Map<string, ShortcutAction[]>();
  for (const { action, result } of parsed)
    if (result?.ok)
      owners.set(result.value.canonical, [...(owners.get(result.value.canonical) ?? []), action]);
  const register: ShortcutPlan['register'] = [];
  const statuses = parsed.map(({ action, accelerator, result }): ShortcutStatus => {
    if (result === null) return { action, accelerator, state: 'off', problem: null };
    if (!result.ok)
      return { action, accelerator, state: 'invalid', problem: `The shortcut ${result.problem}.` };
    const others = (owners.get(result.value.canonical) ?? []).filter((other) => other !== action);
    if (others.length > 0)
      return {
        action,
        accelerator,
        state: 'duplicate',
        problem: `${accelerator} is also set for "${others.map((other) => shortcutLabels[other]).join('", "')}".`,
      };
    register.push({ action, accelerator });
    return { action, accelerator, state: 'pending', problem: null };
  });
  return { register, statuses };
}

/** The statuses once registration was tried: `registered(accelerator)` is what Electron answered. */
export function afterRegistration(
  plan: ShortcutPlan,
  registered: (accelerator: string) => boolean,
): ShortcutStatus[] {
  return plan.statuses.map((status) => {
    if (status.state !== 'pending') return status;
    return registered(status.accelerator)
      ? { ...status, state: 'active' }
      : {
          ...status,
          state: 'taken',
          problem: `${status.accelerator} is already used by another program (or the system); choose another.`,
        };
  });
}
