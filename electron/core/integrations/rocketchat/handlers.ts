/**
 * The IPC handlers of `rocketChatMethods`: a flat table, one use case per method. Arguments
 * arrive validated by their zod schemas. SignalWire's `handlers.ts` has the same form.
 */
import type { Handlers } from '../../../../shared/ipc/define';
import type { RocketChatView } from '../../../../shared/ipc/rocketchat';
import type {
  RocketChatSettingsPatch,
  RocketChatSignIn,
  WrapUp,
  rocketChatMethods,
} from '../../../../shared/ipc/rocketchat-methods';

export type RocketChatHandlers = Handlers<typeof rocketChatMethods>;

/** What the handlers call: the use cases (`use-cases.ts`), declared here so neither file imports the other's class. */
export interface RocketChatUseCases {
  signIn(input: RocketChatSignIn): Promise<void>;
  signOut(): Promise<void>;
  view(): RocketChatView;
  openRoom(ivrid: string): Promise<void>;
  roomAction(ivrid: string, action: 'hold' | 'unhold' | 'end'): Promise<void>;
  wrapUp(ivrid: string, wrapUp: WrapUp): Promise<void>;
  retryAction(id: string): Promise<void>;
  discardAction(id: string): Promise<void>;
  openRoomInBrowser(ivrid: string): Promise<void>;
  updateSettings(patch: RocketChatSettingsPatch): Promise<RocketChatView>;
}

export function rocketChatHandlers(useCases: RocketChatUseCases): RocketChatHandlers {
  return {
    rocketChatSignIn: async (input) => {
      await useCases.signIn(input);
      return useCases.view();
    },
    rocketChatSignOut: () => useCases.signOut(),
    openRoom: (ivrid) => useCases.openRoom(ivrid),
    roomAction: (ivrid, action) => useCases.roomAction(ivrid, action),
    wrapUp: (ivrid, wrapUp) => useCases.wrapUp(ivrid, wrapUp),
    retryAction: (id) => useCases.retryAction(id),
    discardAction: (id) => useCases.discardAction(id),
    openRoomInBrowser: (ivrid) => useCases.openRoomInBrowser(ivrid),
    updateRocketChatSettings: (patch) => useCases.updateSettings(patch),
  };
}
