import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import {
  eventChannel,
  invokeChannel,
  methodNames,
  type ApiEvents,
  type ApiHandlers,
  type EventName,
} from '../../../shared/ipc/contract';
import { dispatch } from '../../../shared/ipc/dispatch';
import { fail, type IpcResult } from '../../../shared/ipc/result';
import { isSameOrigin } from '../security/policy';

/** What the sender check looks at: the frame that sent the call (null once it navigated or died). */
export type SenderFrame = { readonly url: string } | null | undefined;

/** The frame check for the app's own page, by parsed origin. */
export const trustedFrameFor =
  (appBase: string) =>
  (frame: SenderFrame): boolean =>
    !!frame && isSameOrigin(frame.url, appBase);

/**
 * Registers every method of the IPC contract through one path: the sender frame must be the app's
 * own page, then `dispatch` validates the arguments against the contract's schema and runs the
 * handler; every answer is an IpcResult. Returns a disposer that removes every handler.
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
      (
        event: IpcMainInvokeEvent,
        ...args: unknown[]
      ): Promise<IpcResult<unknown>> | IpcResult<never> => {
        if (!isTrustedFrame(event.senderFrame)) {
          return fail('forbidden', 'Ringside only answers its own window.');
        }
        return dispatch(handlers, name, args, onUnexpected);
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
 * navigated elsewhere gets nothing).
 */
export function createEventSender(getContents: () => WebContents | null, appBase: string) {
  return <E extends EventName>(name: E, payload: ApiEvents[E]): void => {
    const contents = getContents();
    if (!contents || contents.isDestroyed() || !isSameOrigin(contents.getURL(), appBase)) return;
    contents.send(eventChannel(name), payload);
  };
}
