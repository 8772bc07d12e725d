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
    const where = first && first.path.length > 0 ? ` (${first.path.join('.')})` : '';
    return fail(
      'invalid-arguments',
      `That request was not valid${where}: ${first?.message ?? 'bad input'}.`,
    );
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
