import { describe, expect, it } from 'vitest';
import { ringside } from '@renderer/lib/app-state.svelte';
import { makeExtension } from '@tests/support/calls';
import { makeCalls, makeSnapshot, NOW } from './support/snapshot';

describe('the window state', () => {
  it('takes a board-only update without replacing the view or re-basing the clock', () => {
    ringside.setState({ ...makeSnapshot(), seq: 1, board: [makeExtension('200')] });
    const snapshot = ringside.snapshot;
    const now = ringside.now;
    const version = ringside.boardVersion;

    const record = makeExtension('201', { statusCode: 3 });
    const board = { reset: false, upsert: [record] };
    expect(ringside.applyUpdate({ seq: 2, now: NOW + 16, view: {}, board })).toBe(true);
    expect(ringside.board.get('201')).toEqual(record);
    expect(ringside.boardVersion).toBe(version + 1);
    expect(ringside.snapshot).toBe(snapshot);
    expect(ringside.now).toBe(now);

    // An update that carries a part of the view replaces it, and main's clock with it.
    const calls = makeCalls({ ownExtensions: ['101', '102'] });
    expect(ringside.applyUpdate({ seq: 3, now: NOW + 5_000, view: { calls }, board: null })).toBe(
      true,
    );
    expect(ringside.snapshot).not.toBe(snapshot);
    expect(ringside.snapshot?.calls).toBe(calls);
    expect(ringside.boardVersion).toBe(version + 1);
    expect(ringside.now).toBeGreaterThanOrEqual(NOW + 5_000);
  });
});
