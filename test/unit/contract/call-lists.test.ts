import { describe, expect, it } from 'vitest';
import { CALL_NAMES } from '../../../src/shared/contract/api';
import { COUNTER_CALL_NAMES } from '../../../src/shared/contract/counter-calls';
import { ITEM_CALL_NAMES } from '../../../src/shared/contract/item-calls';

// The type checks beside each list catch a call missing from it; these catch the run-time
// slips the types allow: a call listed twice (Electron refuses a second handler for one
// channel) and a part list that is not inside the contract's.
describe('the contract call lists', () => {
  it('name every call once', () => {
    const twice = CALL_NAMES.filter((name, at) => CALL_NAMES.indexOf(name) !== at);
    expect(twice).toEqual([]);
  });

  it('hold the counter and item calls, each once', () => {
    for (const part of [COUNTER_CALL_NAMES, ITEM_CALL_NAMES]) {
      expect(new Set(part).size).toBe(part.length);
      for (const name of part) expect(CALL_NAMES.filter((n) => n === name)).toHaveLength(1);
    }
  });
});
