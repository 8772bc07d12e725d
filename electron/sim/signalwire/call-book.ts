/**
 * The calls the SignalWire side of the demo service knows, and what each command does to them.
 * Kept apart from the HTTP layer so the rules read in one place.
 */
import { randomUUID } from 'node:crypto';
import type { CallLegStatus, SimCallInit, SimCallLeg } from './types';
import type { ValidationErrorItem } from './validate';

interface SimCall {
  leg: SimCallLeg;
  cxml: boolean;
  events: Record<string, unknown>[];
}

export type CommandOutcome =
  | { status: 200; body: SimCallLeg }
  | { status: 404; body: { error: 'Not Found' } }
  | { status: 409; body: { error: 'Conflict' } }
  | { status: 422; body: { errors: ValidationErrorItem[] } };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const GONE: ReadonlySet<CallLegStatus> = new Set(['ended', 'failed', 'canceled', 'completed']);

export class CallBook {
  private readonly calls = new Map<string, SimCall>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly options: { acceptUnknownCalls: boolean; endingMs: number; now: () => number },
  ) {}

  add(id: string, init: SimCallInit = {}): SimCallLeg {
    const { cxml = false, ...fields } = init;
    const leg: SimCallLeg = {
      id,
      from: '+12069708643',
      to: '+15550198765',
      direction: 'inbound',
      source: 'realtime_api',
      url: '',
      charge: 0,
      created_at: new Date(this.options.now()).toISOString(),
      charge_details: [],
      status: 'answered',
      duration: 0,
      duration_ms: 0,
      billing_ms: 0,
      type: 'relay_pstn_call',
      parent_id: null,
      ...fields,
    };
    this.calls.set(id, { leg, cxml, events: [] });
    return { ...leg };
  }

  get(id: string): SimCallLeg | undefined {
    const call = this.calls.get(id);
    return call ? this.snapshotLeg(call) : undefined;
  }

  hangUp(id: string): void {
    const call = this.calls.get(id);
    if (call) call.leg.status = 'ended';
  }

  events(id: string): Record<string, unknown>[] {
    return (this.calls.get(id)?.events ?? []).map((event) => ({ ...event }));
  }

  /** Runs a validated command. `dial` and `update` have no call id. */
  run(command: string, id: string | null, params: Record<string, unknown>): CommandOutcome {
    if (command === 'dial') {
      const leg = this.add(randomUUID(), { status: 'queued', direction: 'outbound-api' });
      return { status: 200, body: leg };
    }
    if (id === null) return { status: 404, body: { error: 'Not Found' } };
    const call = this.lookup(id);
    if (!call || GONE.has(call.leg.status)) return { status: 404, body: { error: 'Not Found' } };
    if (call.cxml) {
      return {
        status: 422,
        body: {
          errors: [
            {
              type: 'validation_error',
              code: 'invalid_call_id_passed',
              message: 'Calls created with the cXML API cannot be controlled with this API',
              attribute: 'id',
              url: 'https://developer.signalwire.com/rest/signalwire-rest/endpoints/calling/call-commands',
            },
          ],
        },
      };
    }
    // While a call is being torn down, any further command conflicts with the end in progress.
    if (call.leg.status === 'ending') return { status: 409, body: { error: 'Conflict' } };

    switch (command) {
      case 'calling.user_event':
        call.events.push(params.event as Record<string, unknown>);
        break;
      case 'calling.end':
      case 'calling.disconnect':
        this.end(call);
        break;
      default:
        break;
    }
    return { status: 200, body: this.snapshotLeg(call) };
  }

  dispose(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private lookup(id: string): SimCall | undefined {
    const known = this.calls.get(id);
    if (known) return known;
    if (!this.options.acceptUnknownCalls || !UUID.test(id)) return undefined;
    this.add(id);
    return this.calls.get(id);
  }

  private end(call: SimCall): void {
    if (this.options.endingMs <= 0) {
      call.leg.status = 'ended';
      return;
    }
    call.leg.status = 'ending';
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      call.leg.status = 'ended';
    }, this.options.endingMs);
    this.timers.add(timer);
  }

  private snapshotLeg(call: SimCall): SimCallLeg {
    const elapsed = Math.max(0, this.options.now() - Date.parse(call.leg.created_at));
    return {
      ...call.leg,
      charge_details: call.leg.charge_details.map((item) => ({ ...item })),
      duration: Math.floor(elapsed / 1000),
      duration_ms: elapsed,
    };
  }
}
