import { describe, expect, it } from 'vitest';
import { itemsText } from '../../../src/main/export/export-columns';

describe('the items column of an export', () => {
  it('lists what was sold as it was sold, empty for an amount-only sale', () => {
    expect(
      itemsText([
        { itemId: 'kopi', name: 'Kopi susu', qty: 2, unitPrice: 18_000, total: 36_000 },
        { itemId: null, name: 'Roti', qty: 1, unitPrice: 9_000, total: 9_000 },
      ]),
    ).toBe('2 x Kopi susu @ 18000; 1 x Roti @ 9000');
    expect(itemsText([])).toBe('');
  });
});
