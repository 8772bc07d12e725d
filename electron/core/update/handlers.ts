import type { Handlers } from '../../../shared/ipc/define';
import type { updateMethods } from '../../../shared/ipc/update-methods';
import { UserFacingError } from '../../../shared/ipc/dispatch';
import type { AppSnapshot } from '../../../shared/ipc/snapshot';
import type { UpdateControl } from './update-service';
import { say } from '../../../shared/messages/translate';

/** The update's IPC methods; a host without updates (the headless host) passes null. */
export function updateHandlers(control: UpdateControl | null): Handlers<typeof updateMethods> {
  return {
    getUpdateStatus: () => control?.status() ?? { state: 'off', reason: 'not-supported' },
    restartToUpdate() {
      if (!control) {
        throw new UserFacingError('update-not-ready', say('update.not-ready'));
      }
      control.restartToUpdate();
    },
  };
}

/**
 * Whether the agent is on a call for the update's purposes: one ringing, dialling, talking, on
 * hold or in a state Ringside cannot tell counts; only an ended call (or none) frees the restart.
 */
export function isOnCall(view: Pick<AppSnapshot, 'calls'>): boolean {
  const current = view.calls.currentCall;
  return current !== null && current.call.status !== 'ended';
}
