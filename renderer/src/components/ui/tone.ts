/** The colours a Chip can take, by meaning rather than hue. */
export type Tone = 'neutral' | 'info' | 'ok' | 'warn' | 'danger';

/** Where a delivery stands (an outbox action, a SignalWire event), as a colour. */
export function deliveryTone(state: 'queued' | 'sending' | 'waiting' | 'sent' | 'failed'): Tone {
  switch (state) {
    case 'queued':
    case 'sending':
      return 'info';
    case 'waiting':
      return 'warn';
    case 'sent':
      return 'ok';
    case 'failed':
      return 'danger';
  }
}
