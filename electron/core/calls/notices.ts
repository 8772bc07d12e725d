import type { Notice } from '../../../shared/ipc/snapshot';
import type { Message } from '../../../shared/messages/catalogue';
import { english } from '../../../shared/messages/translate';
import type { Clock } from '../ports';

/** A notice's words: a message code the window translates (or English not yet given a code). */
export type NoticeText = string | Message;

const MAX_NOTICES = 20;

/**
 * Messages for the agent, as codes the window puts in the agent's language (with their English
 * for logs and tests). A notice with the same `key` replaces the previous one, so
 * a repeating problem ("Rocket.Chat is not answering") shows once, with its latest wording.
 */
export class Notices {
  private items: Notice[] = [];
  private seq = 0;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly clock: Clock) {}

  add(level: Notice['level'], text: NoticeText, key?: string): string {
    const id = key ?? `n${++this.seq}`;
    const words = typeof text === 'string' ? { text } : { text: english(text), says: text };
    this.items = [
      { id, level, ...words, at: this.clock.now() },
      ...this.items.filter((n) => n.id !== id),
    ].slice(0, MAX_NOTICES);
    this.changed();
    return id;
  }

  dismiss(id: string): void {
    const before = this.items.length;
    this.items = this.items.filter((n) => n.id !== id);
    if (this.items.length !== before) this.changed();
  }

  list(): Notice[] {
    return this.items;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

/**
 * Notices a host raises outside the core: a configuration file it could not use, a data folder
 * it cannot write to. The host opens its log and settings before the core exists, so they are
 * held until the core's `Notices` take them, and go straight there after that.
 */
export class HostNotices {
  private held: { level: Notice['level']; text: NoticeText; key: string }[] = [];
  private target: Notices | null = null;

  add(level: Notice['level'], text: NoticeText, key: string): void {
    if (this.target) this.target.add(level, text, key);
    else this.held = [...this.held.filter((notice) => notice.key !== key), { level, text, key }];
  }

  deliverTo(notices: Notices): void {
    this.target = notices;
    for (const { level, text, key } of this.held) notices.add(level, text, key);
    this.held = [];
  }
}
