import { z } from 'zod';
import { defineSection } from '../section';

/** An Electron accelerator as typed; read and checked by shared/desktop/accelerators.ts. */
const accelerator = z.string().trim().max(100).default('');

export const desktopSection = defineSection({
  schema: z.object({
    /**
     * Start with the computer's sign-in, hidden in the tray. An administrator sets it in the
     * configuration file, which is applied again at every start.
     */
    startAtLogin: z.boolean().default(false),
    /** Do-not-disturb: no alert at all while on; until a time (UTC ms) or, with null, until turned off. */
    dnd: z
      .object({ on: z.boolean().default(false), until: z.number().int().nullable().default(null) })
      .prefault({}),
    /** The one-time "still running in the tray" hint after the window was first closed. */
    closeHintShown: z.boolean().default(false),
    /** Global shortcuts; '' is none. None by default: a global shortcut takes a key from every program. */
    shortcuts: z
      .object({
        showWindow: accelerator,
        openRoom: accelerator,
        holdToggle: accelerator,
        endCall: accelerator,
      })
      .prefault({}),
  }),
});
