// Owned by the SignalWire work (issue 4). Placeholder shape until that lands.
export interface SignalWireView {
  configured: boolean;
}
