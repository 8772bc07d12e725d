/** Once per run of the fault suite: the recovery-time file starts empty, so it holds this run only. */
import { rmSync } from 'node:fs';
import { RECOVERY_TIMES_FILE } from './recovery';

export default function clearRecoveryTimes(): void {
  rmSync(RECOVERY_TIMES_FILE, { force: true });
}
