/** The app update's IPC methods, merged into the contract. */
import { z } from 'zod';
import { method } from './define';
import type { UpdateStatus } from './update';

export const updateMethods = {
  /** Where the app's own update stands; changes follow as the `updateStatus` event. */
  getUpdateStatus: method<UpdateStatus>()(z.tuple([])),
  /**
   * The agent's consent: quit and install the downloaded update now. Refused while a call rings
   * or is under way, and when no update is ready.
   */
  restartToUpdate: method()(z.tuple([])),
} as const;
