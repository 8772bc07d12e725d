import type { SettingsBackend } from '../../electron/core/settings/settings-store';

/** An in-memory backend that records what was written, as the JSON text a file would hold. */
export class MemoryBackend implements SettingsBackend {
  writes: string[] = [];
  private doc: unknown;

  constructor(initial: unknown = {}) {
    this.doc = structuredClone(initial);
  }

  get store(): unknown {
    return structuredClone(this.doc);
  }

  set store(value: Record<string, unknown>) {
    this.writes.push(JSON.stringify(value));
    this.doc = structuredClone(value);
  }

  /** What a file would hold now. */
  text(): string {
    return JSON.stringify(this.doc);
  }
}
