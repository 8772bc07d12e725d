/**
 * A tiny typed listener set. Not Node's EventEmitter: an `error` event there throws when nobody
 * listens, and a listener that throws would unwind into the socket code.
 */
export class Listeners<Events> {
  private readonly sets = new Map<keyof Events, Set<(value: never) => void>>();

  constructor(private readonly onListenerError: (event: string, error: unknown) => void) {}

  on<K extends keyof Events>(event: K, listener: (value: Events[K]) => void): () => void {
    let set = this.sets.get(event);
    if (set === undefined) {
      set = new Set();
      this.sets.set(event, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }

  emit<K extends keyof Events>(event: K, value: Events[K]): void {
    const set = this.sets.get(event) as Set<(value: Events[K]) => void> | undefined;
    if (set === undefined) return;
    for (const listener of [...set]) {
      try {
        listener(value);
      } catch (error) {
        this.onListenerError(String(event), error);
      }
    }
  }

  clear(): void {
    this.sets.clear();
  }
}
