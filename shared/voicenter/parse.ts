// Placeholder signature; the parsing work replaces the body.
import type { RealtimeEvent } from '../domain/calls';

export type ParseResult = { ok: true; event: RealtimeEvent } | { ok: false; error: string };

/** Validates and normalises one server event (name + single payload argument) at the edge. */
export function parseServerEvent(eventName: string, _payload: unknown): ParseResult {
  return { ok: false, error: `not implemented: ${eventName}` };
}
