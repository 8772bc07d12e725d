/**
 * The only module that reaches main. In Electron the preload exposes the contract as
 * `window.ringside`; in a plain browser (the headless host) the same `Api` is carried over a
 * WebSocket whose per-run token comes from the page's URL fragment. Components import `api` from
 * here and never learn which transport is underneath.
 */
import type { Api } from '@shared/ipc/contract';
import { methodNames, type MethodName } from '@shared/ipc/names';
import { fail } from '@shared/ipc/result';
import { WS_PATH, tokenFromHash } from '@shared/ipc/ws-protocol';
import { createWsTransport, type LinkState, type Transport } from './ws-transport';

export type { LinkState, Transport } from './ws-transport';

/**
 * The same object every time: the app state reads `link()` inside an effect, and a fresh object
 * per call would look like a change and re-run that effect forever.
 */
const ALWAYS_UP: LinkState = Object.freeze({ status: 'up' });

/** The preload's object: always linked, main lives as long as the window. */
function preloadTransport(bridge: Api): Transport {
  return { api: bridge, link: () => ALWAYS_UP, onLink: () => () => {}, close: () => {} };
}

/** A page opened without its token can never reach main: say so instead of retrying forever. */
function unreachableTransport(reason: string): Transport {
  const refuse = () => Promise.resolve(fail('no-token', reason));
  const api = {
    ...Object.fromEntries(methodNames.map((name: MethodName) => [name, refuse])),
    on: () => () => {},
  } as unknown as Api;
  const state: LinkState = { status: 'down', attempt: 0, retryAt: null, reason };
  return { api, link: () => state, onLink: () => () => {}, close: () => {} };
}

function createTransport(): Transport {
  if (window.ringside) return preloadTransport(window.ringside);
  const token = tokenFromHash(location.hash);
  if (!token) {
    return unreachableTransport(
      'This page was opened without its access token. Open the full address Ringside printed when it started.',
    );
  }
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return createWsTransport({
    url: `${scheme}://${location.host}${WS_PATH}?token=${encodeURIComponent(token)}`,
  });
}

let transport: Transport | null = null;

/** Created on first use, so importing this module opens nothing. */
export function getTransport(): Transport {
  transport ??= createTransport();
  return transport;
}

type AnyMethod = (...args: unknown[]) => Promise<unknown>;

/** The contract as the components call it. Every method answers with an `IpcResult`. */
export const api: Api = {
  ...Object.fromEntries(
    methodNames.map((name) => [
      name,
      (...args: unknown[]) => {
        const target = getTransport().api;
        return (target[name] as AnyMethod).apply(target, args);
      },
    ]),
  ),
  on: (event, listener) => getTransport().api.on(event, listener),
} as Api;
