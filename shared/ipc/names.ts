/**
 * The IPC method and event names without their schemas, so the sandboxed preload (and the
 * renderer) can enumerate them without bundling the validation library. `contract.ts` checks at
 * compile time that this list and the contract's methods are the same set.
 */
export const methodNames = [
  'getSnapshot',
  'watchBoard',
  'signInVoicenter',
  'useDemo',
  'signOut',
  'reconnect',
  'updateSettings',
  'testRing',
  'dismissNotice',
  'exportDiagnostics',
  'rocketChatSignIn',
  'rocketChatSignOut',
  'openRoom',
  'roomAction',
  'wrapUp',
  'retryAction',
  'discardAction',
  'openRoomInBrowser',
  'updateRocketChatSettings',
  'configureSignalWire',
  'testSignalWire',
  'linkSignalWireCall',
  'sendSignalWireEvent',
  'sendSignalWirePreset',
  'endSignalWireCall',
  'updateSignalWireSettings',
  'updateDesktopSettings',
  'markMissedSeen',
  'openCallLink',
  'confirmCallLink',
  'cancelCallLink',
  'closeHintShown',
  'getUpdateStatus',
  'restartToUpdate',
  'queryHistory',
  'exportHistory',
  'markHistorySeen',
  'callBack',
  'updateQueueAlerts',
] as const;
export type MethodName = (typeof methodNames)[number];

export const eventNames = ['snapshot', 'update', 'focusCall', 'updateStatus'] as const;
export type EventName = (typeof eventNames)[number];

export const invokeChannel = (name: MethodName): string => `ringside:${name}`;
export const eventChannel = (name: EventName): string => `ringside-event:${name}`;
