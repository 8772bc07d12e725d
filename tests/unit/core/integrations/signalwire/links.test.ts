import { describe, expect, it } from 'vitest';
import { CallLinks } from '../../../../../electron/core/integrations/signalwire/links';
import { SW_ID, SW_ID_2, call, state } from './fixtures';

describe('CallLinks', () => {
  it('links a call through its custom data under the configured key', () => {
    const links = new CallLinks('signalwire_call_id');
    expect(
      links.update(state([{ extension: '201', call: call('111', { signalwire_call_id: SW_ID }) }])),
    ).toBe(true);
    expect(links.get('111')).toEqual({
      ivrid: '111',
      signalwireCallId: SW_ID,
      source: 'customdata',
      ended: false,
    });
    // Same state again: nothing changed.
    expect(
      links.update(state([{ extension: '201', call: call('111', { signalwire_call_id: SW_ID }) }])),
    ).toBe(false);
  });

  it('ignores ids that are not UUIDs and follows a changed key', () => {
    const links = new CallLinks('signalwire_call_id');
    links.update(
      state([{ extension: '201', call: call('111', { signalwire_call_id: 'CA123', sw: SW_ID }) }]),
    );
    expect(links.list()).toEqual([]);
    expect(links.setCustomDataKey('sw')).toBe(true);
    expect(links.get('111')?.signalwireCallId).toBe(SW_ID);
  });

  it('prefers a pasted id and forgets it with the call', () => {
    const links = new CallLinks('signalwire_call_id');
    const subject = call('111', { signalwire_call_id: SW_ID });
    links.update(state([{ extension: '201', call: subject }]));
    links.paste('111', SW_ID_2);
    expect(links.get('111')).toMatchObject({ signalwireCallId: SW_ID_2, source: 'pasted' });
    links.paste('111', null);
    expect(links.get('111')).toMatchObject({ signalwireCallId: SW_ID, source: 'customdata' });
    links.paste('111', SW_ID_2);
    links.update(state([]));
    expect(links.get('111')).toBeNull();
    links.update(state([{ extension: '201', call: subject }]));
    expect(links.get('111')?.source).toBe('customdata');
  });

  it('keeps the last call linked after hang-up and marks ended calls', () => {
    const links = new CallLinks('signalwire_call_id');
    const subject = call('111', { signalwire_call_id: SW_ID });
    links.update(state([], { last: subject }));
    expect(links.get('111')?.ended).toBe(false);
    expect(links.markEnded(SW_ID)).toBe(true);
    expect(links.get('111')?.ended).toBe(true);
    expect(links.isEnded(SW_ID)).toBe(true);
  });
});
