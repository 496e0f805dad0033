import { describe, expect, it } from 'vitest';
import { wrap } from '../../../src/main/printing/receipt-doc';

describe('a value longer than the paper is wide', () => {
  it('an order id breaks after a dash on 58 mm paper, so each line holds whole parts of it', () => {
    const id = 'KSR1-7HQK2M9X-20261125T074402-00000123';
    expect(wrap(id, 32)).toEqual(['KSR1-7HQK2M9X-20261125T074402-', '00000123']);
    expect(wrap(id, 48)).toEqual([id]);
    expect(wrap('ABCDEFGH-7HQK2M9X-20261125T074402-00000123', 32)).toEqual([
      'ABCDEFGH-7HQK2M9X-',
      '20261125T074402-00000123',
    ]);
  });

  it('text without dashes is still cut at the width', () => {
    expect(wrap('x'.repeat(40), 32)).toEqual(['x'.repeat(32), 'x'.repeat(8)]);
  });
});
