/**
 * Whether the window asks main for the whole board, and whether the team board is offered.
 *
 * Main sends board records only for what the window watches (`watchBoard`), and a board view needs
 * them all (search, filters and sort run over every extension), so the window watches everything
 * while the board is open and nothing once it is closed. Requests are counted, so the open board
 * and the one-off size probe below never undo each other, and re-sent when the link to main comes
 * back (a new host starts watching nothing).
 *
 * The board is offered for account and token logins. A user login normally sees only the agent's
 * own extensions, so for it (and the demo, whose login may be either) the window asks for the board
 * once per connection, notes its size, and offers the board only when it holds more than the
 * agent's own extensions.
 */
import type { AppSnapshot } from '../../../../shared/ipc/snapshot';
import { api, type LinkState } from '../api';
import { ringside } from '../app-state.svelte';

class BoardWatch {
  /** Extensions on the board when last seen whole; null until known. */
  knownSize = $state<number | null>(null);
  #holders = 0;
  #probing: (() => void) | null = null;

  /** Asks for every board record until the returned function is called. */
  requestAll(): () => void {
    this.#holders += 1;
    if (this.#holders === 1) this.#send();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#holders -= 1;
      if (this.#holders === 0) this.#send();
    };
  }

  /** The link to main is back: whatever it watched is gone with the old connection. */
  resend(): void {
    if (this.#holders > 0) this.#send();
  }

  #session = '';

  /**
   * Called with every view and link state (from the root component): re-sends the watch when the
   * link to main is back, and learns the board's size on each new connection of a login that may
   * see only the agent's own extensions.
   */
  follow(snapshot: AppSnapshot | null, link: LinkState): void {
    const state = snapshot?.connection.state;
    const session = [
      link.status,
      snapshot?.mode,
      snapshot?.settings.voicenter.loginType,
      state?.status === 'connected' ? state.since : state?.status,
    ].join('|');
    if (session === this.#session) return;
    this.#session = session;
    if (link.status !== 'up' || !snapshot) return;
    this.resend();
    const mayBeSmall =
      snapshot.mode === 'demo' ||
      (snapshot.mode === 'account' && snapshot.settings.voicenter.loginType === 'user');
    if (mayBeSmall && state?.status === 'connected') this.probe();
  }

  /** Whether the team board is offered for this view. */
  offered(snapshot: AppSnapshot): boolean {
    if (snapshot.mode === 'signed-out') return false;
    if (snapshot.mode === 'account' && snapshot.settings.voicenter.loginType !== 'user')
      return true;
    return this.knownSize !== null && this.knownSize > snapshot.calls.ownExtensions.length;
  }

  /** Learns the board's size once (a new connection may bring another board). */
  probe(): void {
    this.knownSize = null;
    if (this.#probing) return;
    const release = this.requestAll();
    const stop = ringside.onBoardChange(() => {
      const size = ringside.board.size;
      if (size === 0) return;
      this.knownSize = size;
      this.#endProbe();
    });
    this.#probing = () => {
      stop();
      release();
    };
  }

  #endProbe(): void {
    const end = this.#probing;
    this.#probing = null;
    end?.();
  }

  #send(): void {
    const selection = this.#holders > 0 ? { all: true as const } : { extensions: [] };
    void api.watchBoard(selection);
  }
}

export const boardWatch = new BoardWatch();
