/**
 * Runs before every component test file: the window's styles, the stand-in for main where the
 * preload would put it, English, and a clean page and call log for each test.
 */
import { afterEach, beforeEach } from 'vitest';
import '@renderer/app.css';
import { main } from './fake-main';
import { cleanup } from './render.svelte';

window.ringside = main.api;

// Imported after the preload's object is in place, as in the window.
const { i18n } = await import('@renderer/lib/i18n.svelte');

beforeEach(() => {
  main.reset();
  i18n.setLocale('en');
});

afterEach(() => {
  cleanup();
});
