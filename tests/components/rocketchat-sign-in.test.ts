import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import RocketChatSignIn from '@renderer/components/rocketchat/RocketChatSignIn.svelte';
import { main } from './support/fake-main';
import { render } from './support/render.svelte';
import { makeRocketChat, makeSnapshot, signedInRocketChat } from './support/snapshot';

const signedOut = () => makeSnapshot({ rocketchat: makeRocketChat({ lastUsername: 'alice' }) });
const signIn = () => page.getByRole('button', { name: 'Sign in' });

describe('Rocket.Chat sign-in and settings', () => {
  it('refuses a server address that is not https, in words, before any secret leaves', async () => {
    render(RocketChatSignIn, { snapshot: signedOut() });
    await page.getByLabelText('Server address').fill('http://chat.example.com');
    await page.getByLabelText('Password', { exact: true }).fill('secret');
    await signIn().click();
    await expect
      .element(page.getByTestId('rc-error'))
      .toHaveTextContent(/^The address must start with https:\/\//);
    expect(main.calls).toEqual([]);
  });

  it('signs in with the remembered username and the password typed, then forgets it', async () => {
    render(RocketChatSignIn, { snapshot: signedOut() });
    await expect.element(page.getByLabelText('Username or email')).toHaveValue('alice');
    await page.getByLabelText('Server address').fill('https://chat.example.com');
    await page.getByLabelText('Password', { exact: true }).fill('secret');
    await signIn().click();
    expect(main.callsTo('rocketChatSignIn')).toEqual([
      [{ serverUrl: 'https://chat.example.com', username: 'alice', password: 'secret' }],
    ]);
    await expect.element(page.getByLabelText('Password', { exact: true })).toHaveValue('');
  });

  it('asks for the two-factor code when Rocket.Chat wants one, and sends it', async () => {
    main.refuse(
      'rocketChatSignIn',
      'Rocket.Chat asks for your two-factor code.',
      'two-factor-required',
    );
    render(RocketChatSignIn, { snapshot: signedOut() });
    await page.getByLabelText('Server address').fill('https://chat.example.com');
    await page.getByLabelText('Password', { exact: true }).fill('secret');
    await signIn().click();
    await expect
      .element(page.getByTestId('rc-error'))
      .toHaveTextContent('Rocket.Chat asks for your two-factor code.');
    await page.getByLabelText('Two-factor code').fill('123456');
    await signIn().click();
    expect(main.callsTo('rocketChatSignIn').at(-1)).toEqual([
      {
        serverUrl: 'https://chat.example.com',
        username: 'alice',
        password: 'secret',
        code: '123456',
      },
    ]);
  });

  it('signs in with a personal access token', async () => {
    render(RocketChatSignIn, { snapshot: signedOut() });
    await page.getByLabelText('Server address').fill('https://chat.example.com');
    await page.getByRole('radio', { name: 'Personal access token' }).click();
    await page.getByLabelText('User id').fill('u1');
    // Its label is the method's name too: the radio above says the same words.
    await page.getByTestId('rc-token').fill('pat-1');
    await signIn().click();
    expect(main.callsTo('rocketChatSignIn')).toEqual([
      [{ serverUrl: 'https://chat.example.com', userId: 'u1', personalAccessToken: 'pat-1' }],
    ]);
  });

  it('says who is signed in, changes how rooms follow calls, and signs out', async () => {
    render(RocketChatSignIn, { snapshot: makeSnapshot({ rocketchat: signedInRocketChat() }) });
    await expect
      .element(page.getByTestId('rocketchat-signed-in'))
      .toHaveTextContent('Signed in as alice on https://chat.example.com');
    await page.getByLabelText('Open the room automatically when I answer').click();
    await page.getByLabelText('Default wrap-up tags (comma-separated)').fill('sales, vip');
    // The tags are saved when the agent leaves the field, as a change.
    await userEvent.tab();
    await page.getByRole('button', { name: 'Sign out' }).click();
    expect(main.callsTo('updateRocketChatSettings')).toEqual([
      [{ autoOpenRoom: true }],
      [{ defaultTags: ['sales', 'vip'] }],
    ]);
    expect(main.callsTo('rocketChatSignOut')).toEqual([[]]);
  });

  it('shows a refused setting in words', async () => {
    main.refuse('updateRocketChatSettings', 'The settings file is read-only.');
    render(RocketChatSignIn, { snapshot: makeSnapshot({ rocketchat: signedInRocketChat() }) });
    await page.getByLabelText('Open the room automatically when I answer').click();
    await expect
      .element(page.getByTestId('rc-error'))
      .toHaveTextContent('The settings file is read-only.');
  });
});
