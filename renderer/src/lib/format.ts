/** Presentation of times for the window: durations, clock times and ages, in the agent's language. */
import type { Locale } from './i18n.svelte';

const pad = (value: number): string => String(value).padStart(2, '0');

/** `mm:ss` under an hour, `h:mm:ss` above; negative or unknown durations show as `00:00`. */
export function formatDuration(ms: number | null): string {
  const total = ms === null || !Number.isFinite(ms) || ms < 0 ? 0 : Math.floor(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${pad(minutes)}:${pad(seconds)}`;
}

const clockFormats = new Map<Locale, Intl.DateTimeFormat>();
const dateTimeFormats = new Map<Locale, Intl.DateTimeFormat>();
const relativeFormats = new Map<Locale, Intl.RelativeTimeFormat>();

/** Wall-clock time of day, 24-hour (call centres in Israel and Europe read 24-hour time). */
export function formatClock(at: number, locale: Locale): string {
  let format = clockFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hour12: false });
    clockFormats.set(locale, format);
  }
  return format.format(at);
}

export function formatDateTime(at: number, locale: Locale): string {
  let format = dateTimeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
      hour12: false,
    });
    dateTimeFormats.set(locale, format);
  }
  return format.format(at);
}

/** "5 seconds ago", "in 3 minutes" in the agent's language. */
export function formatAge(at: number, now: number, locale: Locale): string {
  let format = relativeFormats.get(locale);
  if (!format) {
    // Long style: ICU's short Hebrew forms read oddly ("לפני שנ׳ (1)").
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'long' });
    relativeFormats.set(locale, format);
  }
  const seconds = Math.round((at - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 60) return format.format(seconds, 'second');
  if (abs < 3600) return format.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return format.format(Math.round(seconds / 3600), 'hour');
  return format.format(Math.round(seconds / 86_400), 'day');
}

/** Whole seconds until `at`, never negative. */
export function secondsUntil(at: number, now: number): number {
  return Math.max(0, Math.ceil((at - now) / 1000));
}
