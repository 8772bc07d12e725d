import { randomId, randomSecret } from './ids';

// In-memory "database" of the simulated server. Documents use the field names and shapes of
// Rocket.Chat's collections (users, rocketchat_livechat_visitor, rocketchat_room,
// rocketchat_message); dates are ISO strings because that is how they leave the REST API.

export interface SimUser {
  readonly _id: string;
  readonly username: string;
  readonly name: string;
  readonly email: string;
  readonly password: string;
  readonly roles: readonly string[];
  readonly totpSecret?: string;
}

export interface TokenRecord {
  readonly userId: string;
  readonly kind: 'login' | 'personalAccessToken';
  readonly name?: string;
}

export interface Visitor {
  _id: string;
  username: string;
  ts: string;
  _updatedAt: string;
  token: string;
  name?: string;
  phone?: { phoneNumber: string }[];
  visitorEmails?: { address: string }[];
  department?: string;
}

export interface VoipRoomDoc {
  _id: string;
  msgs: number;
  usersCount: number;
  lm: string;
  name: string;
  fname: string;
  t: 'v';
  ts: string;
  departmentId?: string;
  v: { _id: string; token: string; status: string; phone?: string };
  servedBy: { _id: string; ts: string; username: string };
  open?: true;
  waitingResponse: boolean;
  source: { type: 'api' };
  queuedAt: string;
  callStarted: string;
  queue: string;
  callUniqueId?: string;
  uids: string[];
  u: { _id: string; username: string };
  direction?: 'inbound' | 'outbound';
  _updatedAt: string;
  closedAt?: string;
  callDuration?: number;
  closer?: 'visitor' | 'user';
  closedBy?: { _id: string; username: string };
  tags?: string[];
}

export interface MessageDoc {
  _id: string;
  rid: string;
  msg: string;
  t: string;
  groupable: false;
  voipData?: { callDuration: number; callStarted: string };
  ts: string;
  u: { _id: string; username: string; name: string };
  _updatedAt: string;
}

/** Default role grants for the permissions the simulated routes check. */
export const DEFAULT_PERMISSIONS: Readonly<Record<string, readonly string[]>> = {
  'inbound-voip-calls': ['livechat-agent'],
  'view-l-room': ['livechat-agent', 'livechat-manager', 'admin'],
  'view-livechat-rooms': ['livechat-manager', 'admin'],
  'api-bypass-rate-limit': ['admin', 'bot'],
  'get-server-info': ['admin'],
};

export class Store {
  readonly users = new Map<string, SimUser>();
  readonly tokens = new Map<string, TokenRecord>();
  readonly visitors = new Map<string, Visitor>();
  readonly rooms = new Map<string, VoipRoomDoc>();
  readonly messages: MessageDoc[] = [];
  readonly permissions = new Map<string, string[]>(
    Object.entries(DEFAULT_PERMISSIONS).map(([perm, roles]) => [perm, [...roles]]),
  );
  private guestCount = 0;
  private callCount = 0;

  addUser(user: SimUser): void {
    this.users.set(user._id, user);
  }

  seedVisitor(
    seed: { token: string; name?: string; phone?: string; email?: string },
    ts: string,
  ): Visitor {
    const visitor: Visitor = {
      _id: randomId(),
      username: this.nextGuestUsername(),
      ts,
      _updatedAt: ts,
      token: seed.token,
    };
    if (seed.name) visitor.name = seed.name;
    if (seed.phone) visitor.phone = [{ phoneNumber: seed.phone }];
    if (seed.email) visitor.visitorEmails = [{ address: seed.email.toLowerCase() }];
    this.visitors.set(seed.token, visitor);
    return visitor;
  }

  findUserByLogin(login: string): SimUser | undefined {
    const byEmail = login.includes('@');
    for (const user of this.users.values()) {
      if (byEmail ? user.email.toLowerCase() === login.toLowerCase() : user.username === login)
        return user;
    }
    return undefined;
  }

  findUserByUsername(username: string): SimUser | undefined {
    for (const user of this.users.values()) if (user.username === username) return user;
    return undefined;
  }

  issueToken(userId: string, kind: TokenRecord['kind'], name?: string): string {
    const token = randomSecret();
    this.tokens.set(token, name === undefined ? { userId, kind } : { userId, kind, name });
    return token;
  }

  hasPermission(user: SimUser, permission: string): boolean {
    const roles = this.permissions.get(permission) ?? [];
    return user.roles.some((role) => roles.includes(role));
  }

  nextGuestUsername(): string {
    this.guestCount += 1;
    return `guest-${this.guestCount}`;
  }

  /** An Asterisk-style linkedid ("<epoch seconds>.<sequence>") for a call the PBX knows about. */
  nextCallUniqueId(nowMs: number): string {
    this.callCount += 1;
    return `${Math.floor(nowMs / 1000)}.${this.callCount}`;
  }

  findVisitorByPhone(phone: string): Visitor | undefined {
    for (const visitor of this.visitors.values()) {
      if (visitor.phone?.some((p) => p.phoneNumber === phone)) return visitor;
    }
    return undefined;
  }

  findVisitorByEmail(email: string): Visitor | undefined {
    for (const visitor of this.visitors.values()) {
      if (visitor.visitorEmails?.some((e) => e.address === email)) return visitor;
    }
    return undefined;
  }

  findOpenRoomByVisitorToken(token: string): VoipRoomDoc | undefined {
    for (const room of this.rooms.values()) if (room.open && room.v.token === token) return room;
    return undefined;
  }

  findRoomByVisitorToken(token: string): VoipRoomDoc | undefined {
    for (const room of this.rooms.values()) if (room.v.token === token) return room;
    return undefined;
  }

  addMessage(
    room: VoipRoomDoc,
    user: SimUser,
    fields: Pick<MessageDoc, 't' | 'msg'> & Partial<MessageDoc>,
    ts: string,
  ): MessageDoc {
    const message: MessageDoc = {
      _id: randomId(),
      rid: room._id,
      msg: fields.msg,
      t: fields.t,
      groupable: false,
      ...(fields.voipData ? { voipData: fields.voipData } : {}),
      ts,
      u: { _id: user._id, username: user.username, name: user.name },
      _updatedAt: ts,
    };
    this.messages.push(message);
    room.msgs += 1;
    room.lm = ts;
    room._updatedAt = ts;
    return message;
  }
}
