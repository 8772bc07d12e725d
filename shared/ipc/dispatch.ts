import type { z } from 'zod';
import { methods, type ApiHandlers, type MethodName } from './contract';
import { fail, ok, type IpcResult } from './result';

/** An error whose message is written for the agent; anything else is reported as internal. */
export class UserFacingError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'UserFacingError';
  }
}

const isMethodName = (name: string): name is MethodName => Object.hasOwn(methods, name);

/**
 * The one place a call from the renderer is checked and run, for both transports (Electron IPC
 * and the headless host's WebSocket): unknown method and bad arguments are refused before any
 * handler sees them, and every outcome is an `IpcResult`.
 */
/** `relayToken` -> `relay token`: the field as the agent would name it. */
function fieldName(path: readonly PropertyKey[]): string | null {
  const key = [...path].reverse().find((part): part is string => typeof part === 'string');
  return key ? key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase() : null;
}

/** Why arguments were refused, in words: a value that is too long says which and how long. */
function refusal(issue: z.core.$ZodIssue | undefined): string {
  if (issue?.code === 'too_big' && issue.origin === 'string') {
    const field = fieldName(issue.path);
    const what = field ? `The ${field}` : 'A value';
    return `${what} is too long for Ringside to accept (at most ${String(issue.maximum)} characters). Shorten it and try again.`;
  }
  const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
  return `That request was not valid${where}: ${issue?.message ?? 'bad input'}.`;
}

export async function dispatch(
  handlers: ApiHandlers,
  name: string,
  rawArgs: unknown[],
  onUnexpected: (method: string, error: unknown) => void,
): Promise<IpcResult<unknown>> {
  if (!isMethodName(name)) return fail('unknown-method', `Ringside has no action named "${name}".`);
  const parsed = methods[name].args.safeParse(rawArgs);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return fail('invalid-arguments', refusal(first));
  }
  try {
    const handler = handlers[name] as (...args: unknown[]) => unknown;
    return ok(await handler(...(parsed.data as unknown[])));
  } catch (error) {
    if (error instanceof UserFacingError) return fail(error.code, error.message);
    onUnexpected(name, error);
    return fail('internal', 'Something went wrong inside Ringside. The details are in the log.');
  }
}
