import { afterEach } from 'vitest';
import {
  startRocketChatSim,
  type DemoUser,
  type RocketChatSim,
  type RocketChatSimOptions,
} from '../../../electron/sim/rocketchat/index';

// Plain-fetch helpers for the simulator tests: raw status, raw body text (for byte-exact
// comparisons) and parsed JSON.

export interface Answer {
  readonly status: number;
  readonly text: string;
  readonly json: unknown;
  readonly headers: Headers;
}

export type Auth = Readonly<Record<'X-User-Id' | 'X-Auth-Token', string>>;

/** Returns a `startSim` whose sims are all stopped after each test of the file that calls this. */
export function useSims(): (options?: RocketChatSimOptions) => Promise<RocketChatSim> {
  const started: RocketChatSim[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((s) => s.stop()));
  });
  return async (options = {}) => {
    const sim = await startRocketChatSim(options);
    started.push(sim);
    return sim;
  };
}

async function answer(res: Response): Promise<Answer> {
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json, headers: res.headers };
}

export async function get(
  sim: RocketChatSim,
  path: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  return answer(await fetch(`${sim.url}${path}`, { headers }));
}

export async function post(
  sim: RocketChatSim,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  return answer(
    await fetch(`${sim.url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
    }),
  );
}

export async function login(
  sim: RocketChatSim,
  user: DemoUser,
  extra: Record<string, string> = {},
): Promise<Auth> {
  const res = await post(sim, '/api/v1/login', {
    user: user.username,
    password: user.password,
    ...extra,
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${res.text}`);
  const data = (res.json as { data: { userId: string; authToken: string } }).data;
  return { 'X-User-Id': data.userId, 'X-Auth-Token': data.authToken };
}

/** Create (or update) a visitor; `phone` makes rooms for it linked to a PBX call. */
export async function visitor(
  sim: RocketChatSim,
  token: string,
  fields: Record<string, string> = {},
): Promise<{ _id: string; token: string }> {
  const res = await post(sim, '/api/v1/livechat/visitor', { visitor: { token, ...fields } });
  if (res.status !== 200) throw new Error(`visitor failed: ${res.status} ${res.text}`);
  return (res.json as { visitor: { _id: string; token: string } }).visitor;
}

export interface RoomAnswer {
  readonly room: { _id: string; open?: boolean; [key: string]: unknown };
  readonly newRoom: boolean;
}

export async function openRoom(
  sim: RocketChatSim,
  auth: Auth,
  token: string,
  agentId: string,
  direction = 'inbound',
): Promise<RoomAnswer> {
  const res = await get(
    sim,
    `/api/v1/voip/room?${new URLSearchParams({ token, agentId, direction }).toString()}`,
    auth,
  );
  if (res.status !== 200) throw new Error(`voip/room failed: ${res.status} ${res.text}`);
  return res.json as RoomAnswer;
}

export function q(params: Record<string, string>): string {
  return new URLSearchParams(params).toString();
}
