// Owned by the SignalWire work (issue 4): its IPC methods, merged into the contract.
export const signalWireMethods = {} as const;
