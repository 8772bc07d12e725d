import { describe, expect, it } from 'vitest';
import { customDataExtras, labelOf } from '../../../../shared/history/caller-info';

describe('customDataExtras', () => {
  it('labels fields and keeps text, numbers and yes/no', () => {
    expect(
      customDataExtras(
        {
          order_id: 'A-17',
          customerTier: 3,
          vip: true,
          nested: { a: 1 },
          empty: '  ',
          signalwire_call_id: 'sw-1',
          none: null,
        },
        ['signalwire_call_id'],
      ),
    ).toEqual([
      { label: 'Order id', value: 'A-17' },
      { label: 'Customer tier', value: '3' },
      { label: 'Vip', value: true },
    ]);
  });

  it('cuts long values and keeps at most a dozen fields', () => {
    const data = Object.fromEntries(
      Array.from({ length: 20 }, (_, i) => [`f${i}`, 'x'.repeat(500)]),
    );
    const extras = customDataExtras(data);
    expect(extras).toHaveLength(12);
    expect(String(extras[0]?.value)).toHaveLength(200);
  });

  it.each([
    ['order_id', 'Order id'],
    ['customerTier', 'Customer tier'],
    ['CRM.ticket-no', 'Crm ticket no'],
    ['שם', 'שם'],
  ])('labelOf(%j) is %j', (key, label) => {
    expect(labelOf(key)).toBe(label);
  });
});
