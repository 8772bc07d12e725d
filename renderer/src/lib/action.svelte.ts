/**
 * A call to main from one piece of the window, and its outcome in words: `busy` while it runs
 * (its buttons disable on it), the refusal's message after it (shown as it is: main writes it in
 * plain words). `about` names what a call concerned (a room, an outbox item), so a panel that
 * acts on several things shows a refusal only beside the one it is about.
 */
import type { IpcResult } from '@shared/ipc/result';
import { refusal } from './i18n.svelte';

interface Failure {
  message: string;
  about: string | null;
}

export class Action {
  busy = $state(false);
  #running = $state<string | null>(null);
  #failure = $state.raw<Failure | null>(null);

  /** The last refusal's words, whatever it was about; null after a success. */
  get error(): string | null {
    return this.#failure?.message ?? null;
  }

  /** The last refusal's words if it was about `about`. */
  errorAbout(about: string | null): string | null {
    return this.#failure !== null && this.#failure.about === about ? this.#failure.message : null;
  }

  /** Whether a call about `about` is running. */
  busyWith(about: string): boolean {
    return this.busy && this.#running === about;
  }

  /** A refusal found before calling main (a form check), shown like main's. */
  fail(message: string, about: string | null = null): void {
    this.#failure = { message, about };
  }

  clear(): void {
    this.#failure = null;
  }

  async run<T>(
    call: () => Promise<IpcResult<T>>,
    about: string | null = null,
  ): Promise<IpcResult<T>> {
    this.busy = true;
    this.#running = about;
    this.#failure = null;
    try {
      const result = await call();
      if (!result.ok) this.#failure = { message: refusal(result.error), about };
      return result;
    } finally {
      this.busy = false;
      this.#running = null;
    }
  }
}
