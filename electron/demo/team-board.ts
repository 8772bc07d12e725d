/**
 * The demo's large team board: `demo.scenario` `team-board` (or `team-board:<extensions>:<events
 * per second>`) signs the demo in with the account login, which sees every extension, and keeps
 * a busy account of 5,000 extensions (by default) moving at a steady pace, with a third of them on
 * a call, queue calls among them. The agent's own calls still follow `demo-loop`; set
 * `voicenter.ownExtensions` to `["1234567"]` so the call card shows them (an account login does
 * not say which extension is the agent's).
 */
import { QUEUE1_ID, QUEUE2_ID } from '../sim/voicenter/directory';
import type { PacedTrafficOptions } from '../sim/voicenter';

const PATTERN = /^team-board(?::(\d{1,5}))?(?::(\d{1,5}))?$/;

export const TEAM_BOARD_DEFAULTS = { extensions: 5_000, eventsPerSecond: 100 } as const;

/** The traffic of a `team-board` scenario name, or null for any other scenario. */
export function teamBoardTraffic(scenario: string, seed: number): PacedTrafficOptions | null {
  const match = PATTERN.exec(scenario);
  if (!match) return null;
  const extensions = Number(match[1] ?? TEAM_BOARD_DEFAULTS.extensions);
  const eventsPerSecond = Number(match[2] ?? TEAM_BOARD_DEFAULTS.eventsPerSecond);
  return {
    extensions: Math.min(Math.max(extensions, 1), 10_000),
    eventsPerSecond: Math.min(Math.max(eventsPerSecond, 1), 10_000),
    queueIds: [QUEUE1_ID, QUEUE2_ID],
    seed: `team-board-${seed}`,
  };
}
