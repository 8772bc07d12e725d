/**
 * axe-core in the real page: the rules engine is evaluated in the page through the DevTools
 * protocol (the window's strict CSP refuses injected script tags, and must keep refusing them),
 * then run over the whole document. A serious or critical violation is a failure, listed in words:
 * the rule, what it asks, and the elements that break it.
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import axe from 'axe-core';
import type { AxeResults, Result } from 'axe-core';
import type { Page } from 'playwright-core';

export const SCREENSHOTS_DIR = resolve('test-results/screenshots');

/** The impacts that fail a test; minor and moderate ones are reported by axe but not failed on. */
const FAILING = new Set(['serious', 'critical']);

/** Each serious or critical violation on the page now, in words (empty when there is none). */
export async function seriousViolations(page: Page): Promise<string[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(axe.source);
  const results = await page.evaluate<AxeResults>(() =>
    (window as unknown as { axe: typeof axe }).axe.run(document, {
      resultTypes: ['violations'],
    }),
  );
  return results.violations
    .filter((violation) => FAILING.has(violation.impact ?? ''))
    .map(describe);
}

function describe(violation: Result): string {
  const where = violation.nodes
    .slice(0, 5)
    .map(
      (node) => `    ${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/g, ' ') ?? ''}`,
    )
    .join('\n');
  const more = violation.nodes.length > 5 ? `\n    … and ${violation.nodes.length - 5} more` : '';
  return `${violation.impact ?? ''} ${violation.id}: ${violation.help}\n${where}${more}`;
}

/** Fails with every serious or critical violation listed, naming the screen they were found on. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = await seriousViolations(page);
  if (violations.length > 0) {
    throw new Error(
      `axe found ${violations.length} serious or critical violation(s) on ${screen}:\n${violations.join('\n')}`,
    );
  }
}

/** A full-page screenshot as test-results/screenshots/<name>.png (test-results/ is not committed). */
export async function saveScreen(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOTS_DIR, { recursive: true });
  const path = join(SCREENSHOTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
