import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import {
  eventChannel,
  invokeChannel,
  methodNames,
  type ApiEvents,
  type ApiHandlers,
  type EventName,
} from '../../../shared/ipc/contract';
import { dispatch, refuse } from '../../../shared/ipc/dispatch';
import { say } from '../../../shared/messages/translate';
import type { IpcResult } from '../../../shared/ipc/result';
import { isSameOrigin } from '../security/policy';

/** What the sender check looks at: the frame that sent the call (null once it navigated or died). */
export type SenderFrame = { readonly url: string } | null | undefined;

/** The frame check for the app's own page, by parsed origin. */
export const trustedFrameFor =
  (appBase: string) =>
  (frame: SenderFrame): boolean =>
    !!frame && isSameOrigin(frame.url, appBase);

/** The answer when checking a call itself failed (a frame disposed mid-check, arguments nested too deep). */
const UNCHECKED = say('ipc.unchecked');

/**
 * Registers every method of the IPC contract through one path: the sender frame must be the app's
 * own page, then `dispatch` validates the arguments against the contract's schema and runs the
 * handler; every answer is an IpcResult, even when the check itself throws, so the window's
 * `api` never sees a rejected call. Returns a disposer that removes every handler.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  handlers: ApiHandlers,
  isTrustedFrame: (frame: SenderFrame) => boolean,
  onUnexpected: (method: string, error: unknown) => void,
): () => void {
  const channels: string[] = [];
  for (const name of methodNames) {
    const channel = invokeChannel(name);
    ipcMain.handle(
      channel,
      (event: IpcMainInvokeEvent, ...args: unknown[]): Promise<IpcResult<unknown>> => {
        try {
          // Reading a frame that is being disposed throws in Electron.
          if (!isTrustedFrame(event.senderFrame)) {
            return Promise.resolve(refuse('forbidden', say('ipc.forbidden')));
          }
        } catch (error) {
          onUnexpected(name, error);
          return Promise.resolve(refuse('forbidden', say('ipc.forbidden')));
        }
        return dispatch(handlers, name, args, onUnexpected).catch((error: unknown) => {
          onUnexpected(name, error);
          return refuse('invalid-arguments', UNCHECKED);
        });
      },
    );
    channels.push(channel);
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

/**
 * Pushes events to the window, only while it shows the app's own page (a window that somehow
 * navigated elsewhere gets nothing). A push that fails (the window went away between the check
 * and the send, a payload that cannot be cloned) is reported, never thrown at the core.
 */
export function createEventSender(
  getContents: () => WebContents | null,
  appBase: string,
  onError: (event: EventName, error: unknown) => void = () => undefined,
) {
  return <E extends EventName>(name: E, payload: ApiEvents[E]): void => {
    try {
      const contents = getContents();
      if (!contents || contents.isDestroyed() || !isSameOrigin(contents.getURL(), appBase)) return;
      contents.send(eventChannel(name), payload);
    } catch (error) {
      onError(name, error);
    }
  };
}
