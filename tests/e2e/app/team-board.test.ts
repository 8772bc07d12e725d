import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openTeamBoard,
  quietNotifier,
  saveScreenshot,
  skipReason,
  startApp,
  teamBoardConfig,
  type RunningApp,
} from './harness';

// The team board against the demo's large account: 5,000 extensions (an account login) with
// calls coming and going, in real Chromium.
const reason = skipReason();
if (reason) console.warn(`[skip] e2e team board: ${reason}`);

const EXTENSIONS = 5_000;

describe.skipIf(reason !== null)('team board on a large demo account', () => {
  let app: RunningApp;
  const board = () => app.page.getByTestId('team-board');
  const rows = () => board().getByTestId('board-row');

  beforeAll(async () => {
    app = await startApp({
      config: teamBoardConfig(EXTENSIONS, 50),
      viewport: { width: 1100, height: 800 },
      // Alerts are not what this suite is about: a quiet notifier keeps the screenshots to the board.
      notifier: quietNotifier,
    });
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('offers the board for the account and lists every extension, only a window of them in the DOM', async () => {
    await app.page.getByTestId('screen-board').click({ timeout: 30_000 });
    await expect
      .poll(() => board().getByTestId('board-count').textContent(), { timeout: 30_000 })
      .toBe(`${(EXTENSIONS + 3).toLocaleString('en')} extensions`);
    const inDom = await rows().count();
    expect(inDom).toBeGreaterThan(5);
    expect(inDom).toBeLessThan(100);
    await saveScreenshot(app.page, 'team-board');
  });

  it('finds an extension by name', async () => {
    await board().getByTestId('board-search').fill('Load Agent 4321');
    await expect.poll(() => rows().count(), { timeout: 10_000 }).toBe(1);
    expect(await rows().first().getAttribute('data-extension')).toBe('5004321');
    expect(await rows().first().getByTestId('board-name').textContent()).toBe('Load Agent 4321');
  });

  it('finds an extension by its number', async () => {
    await board().getByTestId('board-search').fill('5000017');
    await expect.poll(() => rows().count(), { timeout: 10_000 }).toBe(1);
    expect(await rows().first().getAttribute('data-extension')).toBe('5000017');
    await board().getByTestId('board-search').fill('');
  });

  it('filters by status: every row shown has it', async () => {
    await board().getByTestId('board-filter-status').selectOption('3');
    await expect
      .poll(() => board().getByTestId('board-count').textContent(), { timeout: 10_000 })
      .toMatch(/^[\d,]+ of [\d,]+ extensions$/);
    const codes = await rows().evaluateAll((els) =>
      els.map((el) => el.getAttribute('data-status-code')),
    );
    expect(codes.length).toBeGreaterThan(0);
    // Rows whose status changed in the last frame may still be on their way out; most are Lunch.
    expect(codes.filter((c) => c === '3').length).toBeGreaterThan(codes.length / 2);
    expect(await rows().first().getByTestId('board-status').textContent()).toBe('Lunch');
    await board().getByTestId('board-filter-status').selectOption('any');
  });

  it('filters by queue: the extensions on a call from that queue', async () => {
    await board().getByTestId('board-filter-queue').selectOption({ label: 'Queue1' });
    await expect
      .poll(() => board().getByTestId('board-count').textContent(), { timeout: 10_000 })
      .toMatch(/^[\d,]+ of [\d,]+ extensions$/);
    await expect.poll(() => rows().count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const activities = await rows().evaluateAll((els) =>
      els.map((el) => el.getAttribute('data-activity')),
    );
    // A call that ended in the last frame may still be on its way out; the rest are on a call.
    expect(activities.filter((a) => a !== 'idle').length).toBeGreaterThan(activities.length / 2);
    await board().getByTestId('board-filter-queue').selectOption('any');
  });

  it('shows a live call with its running duration, longest first when sorted by duration', async () => {
    await board().getByTestId('board-sort').selectOption('duration');
    await board().getByTestId('board-sort-descending').check();
    const first = rows().first();
    await expect
      .poll(() => first.getAttribute('data-activity'), { timeout: 10_000 })
      .toMatch(/^(talking|hold|ringing|dialing)$/);
    const duration = first.getByTestId('board-duration');
    const before = await duration.textContent();
    expect(before).toMatch(/^\d{2}:\d{2}$/);
    // The shared one-second clock moves every row's timer on.
    await expect
      .poll(
        async () => (await rows().first().getByTestId('board-duration').textContent()) !== before,
        {
          timeout: 10_000,
        },
      )
      .toBe(true);
  });

  it('stays live while a second window opens and closes a board of its own', async () => {
    // Two tabs on the same host: each watches its own board records, so the second one closing
    // its board must not stop the first one's.
    const second = await app.page.context().newPage();
    try {
      await second.goto(app.host.url);
      await openTeamBoard(second);
      await second.getByTestId('screen-calls').click();
      await second.getByTestId('team-board').waitFor({ state: 'detached' });
    } finally {
      await second.close();
    }
    await board().getByTestId('board-filter-queue').selectOption({ label: 'Queue1' });
    const count = board().getByTestId('board-count');
    await expect.poll(() => count.textContent(), { timeout: 10_000 }).toMatch(/ of /);
    const before = await count.textContent();
    // Calls from the queue come and go several times a second: the count moves.
    await expect.poll(() => count.textContent(), { timeout: 20_000 }).not.toBe(before);
    await board().getByTestId('board-filter-queue').selectOption('any');
  });

  it('keeps the DOM to a window of rows while scrolling to the end', async () => {
    await board().getByTestId('board-sort').selectOption('extension');
    await board().getByTestId('board-sort-descending').uncheck();
    const list = board().getByTestId('board-list');
    await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect
      .poll(() => rows().last().getAttribute('data-extension'), { timeout: 10_000 })
      .toBe('9876542');
    // Extension order: the demo agent, the load agents, then the two colleagues.
    expect(await rows().evaluateAll((els) => els.map((el) => el.dataset['extension']))).toContain(
      String(5_000_000 + EXTENSIONS),
    );
    expect(await rows().count()).toBeLessThan(100);
  });

  it('speaks Hebrew', async () => {
    await app.page.getByTestId('language-toggle').click();
    await expect
      .poll(() => board().getByTestId('board-count').textContent(), { timeout: 10_000 })
      .toMatch(/שלוחות/);
    await saveScreenshot(app.page, 'team-board-he');
    await app.page.getByTestId('language-toggle').click();
    await expect
      .poll(() => app.page.evaluate(() => document.documentElement.lang), { timeout: 10_000 })
      .toBe('en');
  });
});
