import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import SignalWireSettings from '@renderer/components/signalwire/SignalWireSettings.svelte';
import { main } from './support/fake-main';
import { render } from './support/render.svelte';
import { makeSignalWire, makeSnapshot } from './support/snapshot';

const save = () => page.getByTestId('sw-settings-save');

describe('SignalWire settings', () => {
  it('refuses a relay that is not https, in words, before the token leaves', async () => {
    render(SignalWireSettings, { snapshot: makeSnapshot() });
    await page
      .getByRole('textbox', { name: 'Relay URL' })
      .fill('http://voice.example.org/signalwire');
    await page.getByLabelText('Relay token (optional)').fill('relay-secret');
    await save().click();
    await expect
      .element(page.getByTestId('sw-settings-message'))
      .toHaveTextContent(/^The address must start with https:\/\//);
    expect(main.calls).toEqual([]);
  });

  it('sets up a relay with its token, then empties the token field', async () => {
    render(SignalWireSettings, { snapshot: makeSnapshot() });
    await page
      .getByRole('textbox', { name: 'Relay URL' })
      .fill('https://voice.example.org/signalwire');
    await page.getByLabelText('Relay token (optional)').fill('relay-secret');
    await save().click();
    expect(main.callsTo('configureSignalWire')).toEqual([
      [
        {
          mode: 'relay',
          relayUrl: 'https://voice.example.org/signalwire',
          relayToken: 'relay-secret',
        },
      ],
    ]);
    await expect.element(page.getByTestId('sw-settings-message')).toHaveTextContent('Saved.');
    await expect.element(page.getByLabelText('Relay token (optional)')).toHaveValue('');
  });

  it('sets up a project token: space, project id and API token', async () => {
    render(SignalWireSettings, { snapshot: makeSnapshot() });
    await page.getByRole('radio', { name: 'Project API token, straight to SignalWire' }).click();
    await page.getByLabelText('Space').fill('acme.signalwire.com');
    await page.getByLabelText('Project id').fill('p-1');
    await page.getByLabelText('API token (Voice scope only)').fill('PT-secret');
    await save().click();
    expect(main.callsTo('configureSignalWire')).toEqual([
      [{ mode: 'token', space: 'acme.signalwire.com', projectId: 'p-1', apiToken: 'PT-secret' }],
    ]);
  });

  it('says a token is stored without showing it, and keeps it when the field is left empty', async () => {
    const signalwire = makeSignalWire({
      configured: true,
      mode: 'relay',
      relayUrl: 'https://voice.example.org/signalwire',
      hasToken: true,
    });
    render(SignalWireSettings, { snapshot: makeSnapshot({ signalwire }) });
    await expect
      .element(page.getByText('A token is stored. Leave empty to keep it.'))
      .toBeVisible();
    await save().click();
    expect(main.callsTo('configureSignalWire')).toEqual([
      [{ mode: 'relay', relayUrl: 'https://voice.example.org/signalwire' }],
    ]);
  });

  it('shows main’s refusal in words', async () => {
    main.refuse('configureSignalWire', 'The relay token is too long for Ringside to accept.');
    render(SignalWireSettings, { snapshot: makeSnapshot() });
    await page
      .getByRole('textbox', { name: 'Relay URL' })
      .fill('https://voice.example.org/signalwire');
    await save().click();
    await expect
      .element(page.getByTestId('sw-settings-message'))
      .toHaveTextContent('The relay token is too long for Ringside to accept.');
  });
});
