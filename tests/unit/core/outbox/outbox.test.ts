import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Outbox, type OutboxTimers } from '../../../../electron/core/outbox/outbox';
import { FileOutboxStorage } from '../../../../electron/core/outbox/file-storage';
import type {
  DeliveryContext,
  DeliveryOutcome,
  NewOutboxAction,
  OutboxAction,
  OutboxTransport,
} from '../../../../electron/core/outbox/types';
import { systemClock } from '../../../../electron/core/ports';
import { silentLogger } from '../../../../electron/core/logging';
import { waitFor } from '../../../support/wait';

/** A transport whose answers the test scripts; it records what it was asked to deliver. */
class ScriptedTransport implements OutboxTransport {
  readonly delivered: string[] = [];
  readonly attempts: string[] = [];
  /** The ids of attempts the outbox said were in doubt. */
  readonly inDoubt: string[] = [];
  inflight = 0;
  maxInflight = 0;
  constructor(
    private readonly answer: (
      action: OutboxAction,
      attempt: number,
      context: DeliveryContext,
    ) => DeliveryOutcome | Promise<DeliveryOutcome> = () => ({ kind: 'sent' }),
  ) {}

  async deliver(
    action: OutboxAction,
    signal: AbortSignal,
    context: DeliveryContext,
  ): Promise<DeliveryOutcome> {
    this.attempts.push(action.id);
    if (context.inDoubt) this.inDoubt.push(action.id);
    this.inflight += 1;
    this.maxInflight = Math.max(this.maxInflight, this.inflight);
    try {
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (signal.aborted) return { kind: 'retry', reason: 'aborted' };
      const outcome = await this.answer(
        action,
        this.attempts.filter((id) => id === action.id).length,
        context,
      );
      if (outcome.kind === 'sent') this.delivered.push(action.id);
      return outcome;
    } finally {
      this.inflight -= 1;
    }
  }
}

const action = (
  id: string,
  orderKey = 'room-1',
  extra: Partial<NewOutboxAction> = {},
): NewOutboxAction => ({
  id,
  target: 'rocketchat',
  kind: 'voip-event',
  orderKey,
  payload: { n: id },
  label: `Action ${id}`,
  ivrid: orderKey,
  ...extra,
});

let dir: string;
let file: string;
const outboxes: Outbox[] = [];

const makeOutbox = (
  transport: OutboxTransport,
  extra: Partial<ConstructorParameters<typeof Outbox>[0]> = {},
): Outbox => {
  const outbox = new Outbox({
    storage: new FileOutboxStorage(file, silentLogger),
    transports: { rocketchat: transport },
    clock: systemClock,
    logger: silentLogger,
    backoff: { baseMs: 2, capMs: 10 },
    ...extra,
  });
  outboxes.push(outbox);
  return outbox;
};

const stateOf = (outbox: Outbox, id: string): string | undefined => outbox.get(id)?.state;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ringside-outbox-'));
  file = join(dir, 'outbox.json');
});

afterEach(async () => {
  for (const outbox of outboxes.splice(0)) await outbox.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('Outbox', () => {
  it('has the action on disk before the first attempt', async () => {
    const seenOnDisk: boolean[] = [];
    const transport = new ScriptedTransport(async (a) => {
      const text = await readFile(file, 'utf8');
      seenOnDisk.push(text.includes(a.id));
      return { kind: 'sent' };
    });
    const outbox = makeOutbox(transport);
    await outbox.start();
    await outbox.enqueue(action('a1'));
    await waitFor(() => stateOf(outbox, 'a1') === 'sent');
    expect(seenOnDisk).toEqual([true]);
    await outbox.flush();
    const persisted = JSON.parse(await readFile(file, 'utf8')) as { records: { state: string }[] };
    expect(persisted.records.map((r) => r.state)).toEqual(['sent']);
  });

  it('delivers FIFO per key with one attempt in flight per key, keys in parallel', async () => {
    const transport = new ScriptedTransport();
    const outbox = makeOutbox(transport);
    await outbox.start();
    for (const id of ['a1', 'a2', 'a3']) await outbox.enqueue(action(id, 'room-a'));
    for (const id of ['b1', 'b2']) await outbox.enqueue(action(id, 'room-b'));
    await waitFor(() => transport.delivered.length === 5);
    expect(transport.delivered.filter((id) => id.startsWith('a'))).toEqual(['a1', 'a2', 'a3']);
    expect(transport.delivered.filter((id) => id.startsWith('b'))).toEqual(['b1', 'b2']);
    expect(transport.maxInflight).toBeLessThanOrEqual(2);
  });

  it('keeps order across retries: a later action waits for the head to be sent', async () => {
    const transport = new ScriptedTransport((a, attempt) =>
      a.id === 'a1' && attempt < 3
        ? { kind: 'retry', reason: 'Rocket.Chat is not answering' }
        : { kind: 'sent' },
    );
    const outbox = makeOutbox(transport);
    await outbox.start();
    await outbox.enqueue(action('a1'));
    await outbox.enqueue(action('a2'));
    await waitFor(() => transport.delivered.length === 2);
    expect(transport.attempts).toEqual(['a1', 'a1', 'a1', 'a2']);
    expect(outbox.get('a1')?.attempts).toBe(3);
  });

  it('backs off exponentially up to the cap, and honours notBefore', async () => {
    const delays: number[] = [];
    const timers: OutboxTimers = {
      // Records the wait and never fires: the test moves time and calls `wake()` itself.
      setTimeout: (_fn, ms) => delays.push(ms),
      clearTimeout: () => undefined,
    };
    let now = 1_000_000;
    const clock = { now: () => now };
    const transport = new ScriptedTransport((a, attempt) => {
      if (a.id === 'late')
        return attempt === 1
          ? { kind: 'retry', reason: 'rate limited', notBefore: now + 5_000 }
          : { kind: 'sent' };
      return attempt <= 5 ? { kind: 'retry', reason: 'down' } : { kind: 'sent' };
    });
    const outbox = makeOutbox(transport, {
      timers,
      clock,
      random: () => 0,
      backoff: { baseMs: 100, capMs: 500 },
    });
    await outbox.start();
    await outbox.enqueue(action('x'));
    // Time only moves when the test moves it; `wake()` plays the timer firing.
    await waitFor(() => delays.length >= 1);
    const seen: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      await waitFor(
        () => outbox.get('x')?.state === 'waiting' || outbox.get('x')?.state === 'sent',
      );
      const record = outbox.get('x');
      if (record?.state !== 'waiting') break;
      seen.push((record.nextAttemptAt ?? 0) - now);
      now = record.nextAttemptAt ?? now;
      outbox.wake();
    }
    expect(seen).toEqual([100, 200, 400, 500, 500]);
    await waitFor(() => stateOf(outbox, 'x') === 'sent');

    await outbox.enqueue(action('late', 'room-2'));
    await waitFor(() => stateOf(outbox, 'late') === 'waiting');
    expect((outbox.get('late')?.nextAttemptAt ?? 0) - now).toBe(5_000);
    expect(delays.at(-1)).toBe(5_000);
  });

  it('lets a permanently failed action not block later ones, except those that name it in `after`', async () => {
    const transport = new ScriptedTransport((a, attempt) =>
      a.id === 'hold' && attempt === 1
        ? { kind: 'failed', reason: 'no permission' }
        : { kind: 'sent' },
    );
    const outbox = makeOutbox(transport);
    await outbox.start();
    await outbox.enqueue(action('hold'));
    await outbox.enqueue(action('end'));
    await outbox.enqueue(action('close', 'room-1', { after: ['hold', 'end'] }));
    await waitFor(() => stateOf(outbox, 'end') === 'sent');
    expect(stateOf(outbox, 'hold')).toBe('failed');
    expect(outbox.get('hold')?.reason).toBe('no permission');
    // The close waits, visibly, for the failed hold.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stateOf(outbox, 'close')).toBe('queued');
    const closeView = outbox.view().items.find((i) => i.id === 'close');
    expect(closeView?.reason).toContain('Action hold');
    expect(outbox.retry('hold')).toBe(true);
    await waitFor(() => stateOf(outbox, 'close') === 'sent');
    expect(transport.delivered).toEqual(['end', 'hold', 'close']);
  });

  it('says an action waits for one still being retried, without calling that one failed', async () => {
    let release: () => void = () => undefined;
    const unreachable = new Promise<void>((resolve) => (release = resolve));
    const transport = new ScriptedTransport(async (a) => {
      if (a.id === 'open') await unreachable;
      return { kind: 'sent' };
    });
    const outbox = makeOutbox(transport);
    await outbox.start();
    await outbox.enqueue(action('open'));
    await outbox.enqueue(action('hold', 'room-1', { after: ['open'] }));
    await waitFor(() => stateOf(outbox, 'open') === 'sending');
    const hold = outbox.view().items.find((i) => i.id === 'hold');
    expect(hold?.reason).toBe('Waiting for "Action open" to be sent first.');
    release();
    await waitFor(() => stateOf(outbox, 'hold') === 'sent');
  });

  it('releases the actions waiting for one that is discarded', async () => {
    const transport = new ScriptedTransport((a) =>
      a.id === 'open' ? { kind: 'failed', reason: 'not an agent' } : { kind: 'sent' },
    );
    const outbox = makeOutbox(transport);
    await outbox.start();
    await outbox.enqueue(action('open'));
    await outbox.enqueue(action('close', 'room-1', { after: ['open'] }));
    await waitFor(() => stateOf(outbox, 'open') === 'failed');
    expect(stateOf(outbox, 'close')).toBe('queued');
    expect(outbox.discard('open')).toBe(true);
    await waitFor(() => stateOf(outbox, 'close') === 'sent');
    expect(outbox.get('open')).toBeUndefined();
    expect(outbox.discard('close')).toBe(false);
  });

  it('resumes after a restart: queued and in-flight actions are sent, sent ones never again', async () => {
    let release: () => void = () => undefined;
    const blocked = new Promise<void>((resolve) => (release = resolve));
    const first = new ScriptedTransport(async (a) => {
      if (a.id === 'a2') await blocked;
      return { kind: 'sent' };
    });
    const outbox = makeOutbox(first);
    await outbox.start();
    await outbox.enqueue(action('a1'));
    await outbox.enqueue(action('a2'));
    await outbox.enqueue(action('a3'));
    await outbox.enqueue(action('b1', 'room-b', { target: 'signalwire' }));
    await waitFor(() => stateOf(outbox, 'a2') === 'sending');
    // The app "dies": nothing more is written after this point.
    await outbox.flush();
    const snapshot = await readFile(file, 'utf8');
    await outbox.stop();
    release();
    await writeFile(file, snapshot);

    const second = new ScriptedTransport();
    const revived = makeOutbox(second);
    await revived.start();
    await waitFor(() => second.delivered.length === 2);
    expect(second.delivered).toEqual(['a2', 'a3']);
    expect(first.delivered.filter((id) => id === 'a1')).toHaveLength(1);
    expect(stateOf(revived, 'a1')).toBe('sent');
    // No transport for signalwire here: it stays queued, not lost.
    expect(stateOf(revived, 'b1')).toBe('queued');
    revived.setTransport('signalwire', second);
    await waitFor(() => stateOf(revived, 'b1') === 'sent');
  });

  it('refuses to send what it could not persist', async () => {
    const transport = new ScriptedTransport();
    const outbox = new Outbox({
      storage: {
        load: () => Promise.resolve(null),
        save: () => Promise.reject(new Error('disk full')),
      },
      transports: { rocketchat: transport },
      clock: systemClock,
      logger: silentLogger,
    });
    outboxes.push(outbox);
    await outbox.start();
    await expect(outbox.enqueue(action('a1'))).rejects.toThrow('disk full');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(transport.attempts).toEqual([]);
    expect(outbox.view().items).toEqual([]);
  });

  it('keeps only the newest sent actions for the strip', async () => {
    const transport = new ScriptedTransport();
    const outbox = makeOutbox(transport, { keepSent: 2 });
    await outbox.start();
    for (const id of ['a1', 'a2', 'a3', 'a4']) await outbox.enqueue(action(id));
    await waitFor(() => transport.delivered.length === 4);
    expect(outbox.view().items.map((i) => i.id)).toEqual(['a3', 'a4']);
  });

  it('shows queued, waiting and failed with reasons, and retries a waiting action on demand', async () => {
    const transport = new ScriptedTransport((a, attempt) =>
      a.id === 'w' && attempt === 1
        ? {
            kind: 'retry',
            reason: 'Rocket.Chat asked to slow down',
            notBefore: Date.now() + 60_000,
          }
        : { kind: 'sent' },
    );
    const outbox = makeOutbox(transport);
    await outbox.start();
    await outbox.enqueue(action('w'));
    await waitFor(() => stateOf(outbox, 'w') === 'waiting');
    const item = outbox.view().items[0];
    expect(item).toMatchObject({
      id: 'w',
      state: 'waiting',
      attempts: 1,
      reason: 'Rocket.Chat asked to slow down',
      target: 'rocketchat',
      label: 'Action w',
    });
    expect(item?.nextAttemptAt).toBeGreaterThan(Date.now());
    expect(outbox.retry('w')).toBe(true);
    await waitFor(() => stateOf(outbox, 'w') === 'sent');
    expect(outbox.retry('w')).toBe(false);
  });

  it('moves an unreadable file aside and starts empty', async () => {
    await writeFile(file, '{"version":1,"records":[{"broken"');
    const outbox = makeOutbox(new ScriptedTransport());
    await outbox.start();
    expect(outbox.view().items).toEqual([]);
    const names = await readdir(dir);
    expect(names.some((n) => n.startsWith('outbox.json.corrupt-'))).toBe(true);
  });

  it('puts an aborted attempt back in the queue on stop, in doubt: it may have reached the server', async () => {
    const transport = new ScriptedTransport(() => new Promise<DeliveryOutcome>(() => undefined));
    const outbox = makeOutbox(transport);
    await outbox.start();
    await outbox.enqueue(action('a1'));
    await waitFor(() => transport.attempts.length === 1);
    await outbox.stop();
    expect(outbox.get('a1')).toMatchObject({ state: 'queued', doubt: 'unresolved' });
    const persisted = JSON.parse(await readFile(file, 'utf8')) as {
      records: { state: string; doubt: string }[];
    };
    expect(persisted.records[0]).toMatchObject({ state: 'queued', doubt: 'unresolved' });
  });

  it('treats a repeated id as the same action', async () => {
    const transport = new ScriptedTransport();
    const outbox = makeOutbox(transport);
    await outbox.start();
    await outbox.enqueue(action('same'));
    await outbox.enqueue(action('same'));
    await waitFor(() => stateOf(outbox, 'same') === 'sent');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(transport.attempts).toEqual(['same']);
  });

  it('has "sending" on disk before the transport gets the request', async () => {
    const onDisk: string[] = [];
    const transport = new ScriptedTransport(async () => {
      const text = await readFile(file, 'utf8');
      const persisted = JSON.parse(text) as { records: { state: string }[] };
      onDisk.push(persisted.records[0]?.state ?? 'missing');
      return { kind: 'sent' };
    });
    const outbox = makeOutbox(transport);
    await outbox.start();
    await outbox.enqueue(action('a1'));
    await waitFor(() => stateOf(outbox, 'a1') === 'sent');
    expect(onDisk).toEqual(['sending']);
  });

  describe('an attempt whose outcome was never recorded', () => {
    /** Starts an outbox whose transport takes `a1` and never answers, then "kills" the app. */
    async function dieWhileSending(): Promise<void> {
      const first = new ScriptedTransport(() => new Promise<DeliveryOutcome>(() => undefined));
      const outbox = makeOutbox(first);
      await outbox.start();
      await outbox.enqueue(action('a1'));
      await outbox.enqueue(action('a2'));
      await waitFor(() => first.attempts.length === 1);
      // Nothing more reaches the disk after this point: what is there is what a crash leaves.
      const snapshot = await readFile(file, 'utf8');
      await outbox.stop();
      await writeFile(file, snapshot);
    }

    it.each([
      ['the server had it: not sent again', 'already-there', 'found'],
      ['checked, it was not there: sent once', 'not-there', null],
      ['sending it again cannot double it', 'harmless', null],
      ['no way to check: sent again, marked', undefined, 'maybe-twice'],
    ] as const)('%s', async (_name, doubt, shown) => {
      await dieWhileSending();
      const second = new ScriptedTransport((a, _attempt, context) =>
        context.inDoubt && doubt ? { kind: 'sent', doubt } : { kind: 'sent' },
      );
      const revived = makeOutbox(second);
      await revived.start();
      expect(revived.view().items.find((i) => i.id === 'a1')?.doubt).toBe('unresolved');
      await waitFor(() => second.delivered.length === 2);
      // Only the attempt that was cut off is in doubt, and the order of the room holds.
      expect(second.inDoubt).toEqual(['a1']);
      expect(second.delivered).toEqual(['a1', 'a2']);
      const items = revived.view().items;
      expect(items.map((i) => [i.id, i.doubt])).toEqual([
        ['a1', shown],
        ['a2', null],
      ]);
      // What was learned is on disk: the next start does not ask again.
      await revived.flush();
      const persisted = JSON.parse(await readFile(file, 'utf8')) as {
        records: { doubt: string | null }[];
      };
      expect(persisted.records.map((r) => r.doubt)).toEqual([shown, null]);
    });

    it('stays in doubt through retries until an attempt settles it', async () => {
      const transport = new ScriptedTransport((_a, attempt, context) => {
        if (attempt === 1)
          return { kind: 'retry', reason: 'the connection dropped', mayHaveArrived: true };
        if (attempt === 2) return { kind: 'retry', reason: 'Rocket.Chat is not answering' };
        return context.inDoubt ? { kind: 'sent', doubt: 'already-there' } : { kind: 'sent' };
      });
      const outbox = makeOutbox(transport);
      await outbox.start();
      await outbox.enqueue(action('a1'));
      await waitFor(() => stateOf(outbox, 'a1') === 'sent');
      expect(transport.attempts).toEqual(['a1', 'a1', 'a1']);
      expect(transport.inDoubt).toEqual(['a1', 'a1']);
      expect(outbox.get('a1')?.doubt).toBe('found');
    });
  });

  describe('a disk that refuses writes (here: the file turned into a folder)', () => {
    const breakDisk = async () => {
      await rm(file, { force: true });
      await mkdir(file);
    };
    const healDisk = () => rm(file, { recursive: true, force: true });

    it('refuses a batch as a whole, and keeps nothing it could not save', async () => {
      const transport = new ScriptedTransport();
      const outbox = makeOutbox(transport);
      await outbox.start();
      await breakDisk();
      await expect(outbox.enqueueAll([action('end'), action('duration')])).rejects.toMatchObject({
        code: 'EISDIR',
      });
      expect(outbox.view().items).toEqual([]);
      await healDisk();
      await outbox.enqueueAll([action('end'), action('duration')]);
      await waitFor(() => transport.delivered.length === 2);
      expect(transport.delivered).toEqual(['end', 'duration']);
    });

    it('does not start an attempt it cannot mark on disk; it waits, says why, and goes later', async () => {
      const transport = new ScriptedTransport();
      const outbox = new Outbox({
        storage: new FileOutboxStorage(file, silentLogger),
        clock: systemClock,
        logger: silentLogger,
        backoff: { baseMs: 2, capMs: 10 },
      });
      outboxes.push(outbox);
      await outbox.start();
      await outbox.enqueue(action('a1'));
      await breakDisk();
      outbox.setTransport('rocketchat', transport);
      await waitFor(() => stateOf(outbox, 'a1') === 'waiting');
      expect(outbox.get('a1')?.reason).toContain('could not save its queue');
      expect(transport.attempts).toEqual([]);
      await healDisk();
      await waitFor(() => stateOf(outbox, 'a1') === 'sent');
      expect(transport.attempts).toEqual(['a1']);
    });
  });
});
