import type { z } from 'zod';
import { appSection } from './app';
import { boardSection } from './board';
import { demoSection } from './demo';
import { languageSection } from './language';
import { desktopSection } from './desktop';
import { notificationsSection } from './notifications';
import { phoneSection } from './phone';
import { queuesSection } from './queues';
import { rocketchatSection } from './rocketchat';
import { signalwireSection } from './signalwire';
import { updatesSection } from './updates';
import { voicenterSection } from './voicenter';

/** Every settings section, by name. A new section is one file plus one line here. */
export const sections = {
  app: appSection,
  voicenter: voicenterSection,
  notifications: notificationsSection,
  demo: demoSection,
  rocketchat: rocketchatSection,
  signalwire: signalwireSection,
  updates: updatesSection,
  desktop: desktopSection,
  phone: phoneSection,
  queues: queuesSection,
  language: languageSection,
  board: boardSection,
} as const;

export type Sections = typeof sections;
export type SectionName = keyof Sections;
export type SectionValue<K extends SectionName> = z.output<Sections[K]['schema']>;

export const sectionNames = Object.keys(sections) as SectionName[];
export const isSectionName = (name: string): name is SectionName => Object.hasOwn(sections, name);
