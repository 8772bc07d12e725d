// The desktop's IPC methods (alert mode, do-not-disturb, missed calls, phone links, start-up,
// shortcuts), merged into the contract.
import { z } from 'zod';
import { method } from './define';
import { alertModes } from '../desktop/alert-policy';
import type { DesktopView } from './desktop';

const accelerator = z.string().trim().max(100);
/** Do-not-disturb for at most a week at a time, or until turned off. */
const MAX_DND_MS = 7 * 24 * 60 * 60_000;

export const desktopSettingsPatchSchema = z
  .object({
    alertMode: z.enum(alertModes as ['notify-and-focus', 'notify', 'off']).optional(),
    /** On for `minutes`, on until turned off (`minutes` absent), or off. */
    dnd: z
      .union([
        z.object({ on: z.literal(false) }).strict(),
        z
          .object({
            on: z.literal(true),
            minutes: z
              .number()
              .int()
              .min(1)
              .max(MAX_DND_MS / 60_000)
              .optional(),
          })
          .strict(),
      ])
      .optional(),
    startAtLogin: z.boolean().optional(),
    shortcuts: z
      .object({
        showWindow: accelerator.optional(),
        openRoom: accelerator.optional(),
        holdToggle: accelerator.optional(),
        endCall: accelerator.optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type DesktopSettingsPatch = z.infer<typeof desktopSettingsPatchSchema>;

/** A link as the operating system handed it; read again (and refused if not a phone number) in main. */
const linkSchema = z.string().trim().min(4).max(512);
const linkId = z.string().trim().min(1).max(64);

export const desktopMethods = {
  /** Changes the alert mode, do-not-disturb, start at login or the shortcuts; answers the desktop view. */
  updateDesktopSettings: method<DesktopView>()(z.tuple([desktopSettingsPatchSchema])),
  /** The agent has seen the recent calls: the missed-call badge clears. */
  markMissedSeen: method()(z.tuple([])),
  /** Hands a `tel:`/`callto:` link to Ringside, as the OS does (the window then asks "Call …?"). */
  openCallLink: method()(z.tuple([linkSchema])),
  /** The agent confirmed the link: the caller's Rocket.Chat room opens, direction outbound. */
  confirmCallLink: method()(z.tuple([linkId])),
  /** The agent dismissed the link. */
  cancelCallLink: method()(z.tuple([linkId])),
  /** The one-time "Ringside is still running in the tray" hint was shown. */
  closeHintShown: method()(z.tuple([])),
} as const;
