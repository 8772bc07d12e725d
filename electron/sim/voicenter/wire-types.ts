/**
 * Payload shapes exactly as the production server sends them (spec §2.3). Epoch fields are the
 * server's Israel-wall-clock seconds (see israel-time.ts); `representativeUpdated` is real ms.
 */

export interface WireRecording {
  Filename: string;
  IsMuted: number;
}

export interface WireCall {
  callStarted: number;
  /** The server repeats `callStarted` here, not a duration. */
  calldurationinterval: number;
  callAnswered: number;
  answered: 0 | 1;
  callername: string;
  callerphone: string;
  callstatus: string;
  customdata: Record<string, unknown>;
  direction: string;
  ivrid: string;
  recording: WireRecording;
  did: string;
  /** A string on the wire: "1" or "2". */
  c2cdirection?: string;
  queueID?: number;
}

export interface WireExtension {
  calls: WireCall[];
  userID: number;
  userName: string;
  number: number;
  extenUser: string;
  /** Sic: the server's spelling. */
  summery: { representative: string };
  onlineUserID: number;
  representative: number;
  representativeStatus: number;
  lastCallEventEpoch: number;
  lastAnsweredCallEventEpoch: number;
  lastHangupCallEpoch: number;
  /** Milliseconds (real UTC), unlike every other time field. */
  representativeUpdated: number;
  peerStatus: string;
  currentCall?: WireCall;
}

export interface WireQueueCall {
  CallerID: string;
  CallerName: string;
  IvrUniqueID: string;
  JoinTimeStamp: number;
  calldurationinterval?: number;
  ivrid: string;
}

export interface WireQueue {
  QueueID: number;
  Calls: WireQueueCall[];
  QueueName: string;
}

export type ExtensionReason =
  'NEWCALL' | 'ANSWER' | 'HOLD' | 'UNHOLD' | 'HANGUP' | 'userStatusUpdate';
export type QueueReason = 'JOIN' | 'EXIT' | 'ABANDONED' | 'ANSWER';

export interface WireHangupFields {
  cause: string;
  callerID: string;
  ivruniqueid: string;
}

/** The real (top-level) ExtensionEvent shape. */
export interface WireExtensionEvent extends Partial<WireHangupFields> {
  eventName: 'extension';
  reason: ExtensionReason;
  servertime: number;
  servertimeoffset: number;
  data: WireExtension;
}

/** The seed page's (wrong) shape: everything nested in `data`. Only for tolerance tests. */
export interface SeedShapedExtensionEvent {
  data: WireExtension &
    Partial<WireHangupFields> & {
      eventName: 'extension';
      reason: ExtensionReason;
      servertime: number;
      servertimeoffset: number;
    };
}

export interface WireQueueEvent {
  data: WireQueue;
  eventName: 'queue';
  reason: QueueReason;
  servertime: number;
  servertimeoffset: number;
  telephonyservertime: number;
  ivruniqueid: string;
}

export interface WireLoginSuccess {
  errorCode: 0;
  errorDesc: 'OK';
  servertime: number;
  servertimeoffset: number;
}

export interface WireLoginStatus {
  errorCode: number;
  errorDesc: string;
  servertime: number;
  servertimeoffset: number;
  queues: WireQueue[];
}

export interface WireAllExtensionsStatus {
  errorCode: number;
  servertime: number;
  servertimeoffset: number;
  extensions: WireExtension[];
}

export interface WireKeepaliveResponse {
  errorCode: number;
  errorDesc: string;
  isOk: boolean;
}

/** The login API's `Data.Socket` object (spec §1.1). */
export interface WireSocketLogin {
  Token: string;
  TokenExpiry: string;
  RefreshToken: string;
  RefreshTokenExpiry: string;
  PersonId: number;
  Url?: string;
  URL?: string;
  URLList?: string[];
  MonitorList?: { URLID: number; Priority: number; Domain: string; Version: string }[];
  Client: string;
  Version: string;
}

export interface WireLoginResponse {
  StatusCode: 200;
  Status: 'OK';
  Data: { Socket: WireSocketLogin };
}
