/**
 * "Call back" from the history: main gives the number (and copies it where it can); where it
 * could not, the window copies it. The answer is the words to show, or main's refusal.
 */
import { ok, type IpcResult } from '@shared/ipc/result';
import { api } from '../api';
import { ht } from './words';

export async function callBack(entryId: string): Promise<IpcResult<string>> {
  const result = await api.callBack(entryId);
  if (!result.ok) return result;
  const { number, copied } = result.value;
  if (!copied) {
    try {
      await navigator.clipboard.writeText(number);
    } catch {
      return ok(ht('copyFailed', { number }));
    }
  }
  return ok(ht('copied', { number }));
}
