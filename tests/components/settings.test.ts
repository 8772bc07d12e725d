import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import Settings from '@renderer/components/Settings.svelte';
import { ok } from '@shared/ipc/result';
import { main } from './support/fake-main';
import { render } from './support/render.svelte';
import { makeSnapshot, NOW } from './support/snapshot';

const extensions = () => page.getByLabelText('My extensions');
// The Save beside the extensions (other sections have their own).
const save = () => page.getByTestId('settings-save-extensions');

describe('Settings', () => {
  it('starts from the extensions main has, and saves the ones typed as a list', async () => {
    render(Settings, { snapshot: makeSnapshot(), now: NOW });
    await expect.element(extensions()).toHaveValue('101');
    await extensions().fill('101, 102 103');
    await save().click();
    expect(main.callsTo('updateSettings')).toEqual([[{ ownExtensions: ['101', '102', '103'] }]]);
    await expect.element(page.getByText('Saved.')).toBeVisible();
  });

  it('refuses extensions that are not digits, in words, without asking main', async () => {
    render(Settings, { snapshot: makeSnapshot(), now: NOW });
    await extensions().fill('101, front desk');
    await save().click();
    await expect
      .element(page.getByText('Extensions are digits only, separated by commas.'))
      .toBeVisible();
    await expect.element(extensions()).toHaveAttribute('aria-invalid', 'true');
    expect(main.callsTo('updateSettings')).toEqual([]);
  });

  it('turns desktop alerts off and bringing the window forward on', async () => {
    render(Settings, { snapshot: makeSnapshot(), now: NOW });
    await page.getByLabelText('Show a desktop alert when a call rings').click();
    await page.getByLabelText('Bring Ringside to the front when a call rings').click();
    expect(main.callsTo('updateSettings')).toEqual([
      [{ notifications: { enabled: false } }],
      [{ notifications: { focusWindowOnRing: true } }],
    ]);
  });

  it('shows main’s refusal in its words', async () => {
    main.refuse('updateSettings', 'The settings could not be saved: the disk is full.');
    render(Settings, { snapshot: makeSnapshot(), now: NOW });
    await save().click();
    await expect
      .element(page.getByRole('alert'))
      .toHaveTextContent('The settings could not be saved: the disk is full.');
    await expect.element(page.getByText('Saved.')).not.toBeInTheDocument();
  });

  it('sends a test ring and says it was sent', async () => {
    render(Settings, { snapshot: makeSnapshot(), now: NOW });
    await page.getByRole('button', { name: 'Test ring' }).click();
    expect(main.callsTo('testRing')).toEqual([[]]);
    await expect.element(page.getByText('Test alert sent. Did you see it?')).toBeVisible();
  });

  it('shows the diagnostics main exports, ready to download', async () => {
    main.answer('exportDiagnostics', () => ok('Ringside 0.1.0\nconnection: connected'));
    render(Settings, { snapshot: makeSnapshot(), now: NOW });
    await page.getByRole('button', { name: 'Export diagnostics' }).click();
    await expect
      .element(page.getByTestId('diagnostics-text'))
      .toHaveValue('Ringside 0.1.0\nconnection: connected');
    await expect
      .element(page.getByRole('link', { name: 'Download' }))
      .toHaveAttribute('download', 'ringside-diagnostics-2026-03-01.txt');
  });

  it('says what it knows about the link: no events yet and the malformed count', async () => {
    const snapshot = makeSnapshot();
    snapshot.connection = { ...snapshot.connection, lastEventAt: null, malformedEvents: 3 };
    render(Settings, { snapshot, now: NOW });
    const diagnostics = page.getByTestId('diagnostics');
    await expect.element(diagnostics).toHaveTextContent('Last event never');
    await expect.element(diagnostics).toHaveTextContent('Malformed events dropped 3');
  });
});
