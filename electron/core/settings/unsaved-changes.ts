import { AsyncLocalStorage } from 'node:async_hooks';
import { UserFacingError } from '../../../shared/ipc/dispatch';
import { refusalReasonSays } from './data-folder';
import { say } from '../../../shared/messages/translate';

/**
 * An agent's action that changed settings or secrets Ringside could not save. The change is in
 * use (the stores keep it in memory, so nothing the agent chose is lost while Ringside runs), but
 * the call answers this error so the window says it was not saved.
 */
export class ChangeNotSavedError extends UserFacingError {
  constructor(cause: unknown) {
    super('not-saved', say('settings.not-saved', { because: refusalReasonSays(cause) }));
    this.name = 'ChangeNotSavedError';
  }
}

interface Action {
  failures: unknown[];
  /** Answered: timers and sockets it started still carry it, but no longer report to it. */
  answered: boolean;
}

/** The failed writes of the action being handled (one per call, carried across its awaits). */
const action = new AsyncLocalStorage<Action>();

/** A settings or secrets write failed; the action that caused it, if any, answers for it. */
export function noteUnsavedWrite(error: unknown): void {
  const current = action.getStore();
  if (current && !current.answered) current.failures.push(error);
}

type AnyHandler = (...args: never[]) => unknown;

/**
 * Wraps every handler so that a call during which a settings or secrets write failed answers
 * `ChangeNotSavedError` instead of success. Attributing by async context (not a global counter)
 * keeps a background write, or another call running at the same time, out of this call's answer.
 */
export function answerUnsavedChanges<H extends Record<string, AnyHandler>>(handlers: H): H {
  const wrapped: Record<string, AnyHandler> = {};
  for (const [name, handler] of Object.entries(handlers)) {
    wrapped[name] = async (...args: never[]) => {
      const context: Action = { failures: [], answered: false };
      try {
        const value = await action.run(context, () => handler(...args));
        if (context.failures.length > 0) throw new ChangeNotSavedError(context.failures[0]);
        return value;
      } finally {
        context.answered = true;
      }
    };
  }
  return wrapped as H;
}
