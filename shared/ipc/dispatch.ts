import type { z } from 'zod';
import { methods, type ApiHandlers, type MethodName } from './contract';
import { fail, ok, type IpcResult } from './result';
import type { Message } from '../messages/catalogue';
import { english, say } from '../messages/translate';
import { SECURE_URL_RULE } from '../net/secure-url';

/**
 * An error for the agent: a message code the window translates (its `message` is the English,
 * for logs); anything else is reported as internal.
 */
export class UserFacingError extends Error {
  readonly says: Message | undefined;

  constructor(
    readonly code: string,
    message: string | Message,
  ) {
    super(typeof message === 'string' ? message : english(message));
    this.says = typeof message === 'string' ? undefined : message;
    this.name = 'UserFacingError';
  }
}

const isMethodName = (name: string): name is MethodName => Object.hasOwn(methods, name);

/**
 * The one place a call from the renderer is checked and run, for both transports (Electron IPC
 * and the headless host's WebSocket): unknown method and bad arguments are refused before any
 * handler sees them, and every outcome is an `IpcResult`.
 */
const FIELDS = {
  email: 'field.email',
  password: 'field.password',
  username: 'field.username',
  token: 'field.token',
  userId: 'field.user-id',
  personalAccessToken: 'field.personal-access-token',
  comment: 'field.comment',
  tags: 'field.tags',
  label: 'field.label',
  apiToken: 'field.api-token',
  relayToken: 'field.relay-token',
  relayUrl: 'field.relay-url',
  space: 'field.space',
  projectId: 'field.project-id',
  serverUrl: 'field.server-url',
  loginBaseUrl: 'field.login-base-url',
  customDataKey: 'field.custom-data-key',
  event: 'field.event',
} as const;

/** `relayToken` -> "relay token": the field as the agent would name it, in their language. */
function fieldName(path: readonly PropertyKey[]): Message | null {
  const key = [...path].reverse().find((part): part is string => typeof part === 'string');
  if (!key) return null;
  if (Object.hasOwn(FIELDS, key)) return say(FIELDS[key as keyof typeof FIELDS]);
  return say('field.other', { name: key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase() });
}

/** Why arguments were refused: a value that is too long says which and how long. */
function refusal(issue: z.core.$ZodIssue | undefined): Message {
  if (issue?.code === 'too_big' && issue.origin === 'string') {
    const field = fieldName(issue.path);
    const max = String(issue.maximum);
    return field ? say('ipc.too-long', { field, max }) : say('ipc.too-long-value', { max });
  }
  const problem = issue?.message ?? 'bad input';
  if (!issue || issue.path.length === 0) return say('ipc.invalid', { problem });
  const path = issue.path.join('.');
  return problem === SECURE_URL_RULE
    ? say('ipc.insecure-url', { path })
    : say('ipc.invalid-at', { path, problem });
}

/** A refusal in a code the window translates, with its English for logs. */
export const refuse = (code: string, says: Message): IpcResult<never> =>
  fail(code, english(says), says);

export async function dispatch(
  handlers: ApiHandlers,
  name: string,
  rawArgs: unknown[],
  onUnexpected: (method: string, error: unknown) => void,
): Promise<IpcResult<unknown>> {
  if (!isMethodName(name)) return refuse('unknown-method', say('ipc.unknown-method', { name }));
  const parsed = methods[name].args.safeParse(rawArgs);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return refuse('invalid-arguments', refusal(first));
  }
  try {
    const handler = handlers[name] as (...args: unknown[]) => unknown;
    return ok(await handler(...(parsed.data as unknown[])));
  } catch (error) {
    if (error instanceof UserFacingError) return fail(error.code, error.message, error.says);
    onUnexpected(name, error);
    return refuse('internal', say('ipc.internal'));
  }
}
