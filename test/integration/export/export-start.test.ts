import { describe, expect, it } from 'vitest';
import { seedOrders } from '../../../testkit/orders';
import { useAppFolders } from '../../support/app-services';
import { call, refusal } from '../../support/counter';

/**
 * What happens when the owner asks for an export, before any row is read: a workbook of more
 * sales than one sheet holds is refused before the save dialog opens (Electron's dialog in
 * the app; here the sink records each ask), so the owner never picks a place for a file that
 * will not come; and the name the dialog offers carries the shop's own date and time.
 */
describe('an XLSX export larger than one sheet', () => {
  const app = useAppFolders();

  it('is refused before a place is asked for; CSV and a workbook that fits still ask', async () => {
    const asked: string[] = [];
    const services = await app.start(app.folder(), {
      sheetSalesLimit: 7,
      exportSink: {
        choosePath: async (name) => {
          asked.push(name);
          return null;
        },
        describe: () => ({ name: '', bytes: 0 }),
      },
    });
    seedOrders(services.store, 8, { end: new Date('2026-11-25T09:00:00+07:00'), days: 1, live: 0 });

    const refused = await refusal(services, 'startExport', { format: 'xlsx', filter: {} });
    expect(refused.code).toBe('export_too_large');
    expect(asked).toEqual([]);

    // No place chosen (the sink answers null): the call is canceled, after asking.
    await expect(call(services, 'startExport', { format: 'csv', filter: {} })).rejects.toThrow(/no file was chosen/);
    const paid = { states: ['paid' as const] };
    const fits = services.store.count(paid);
    expect(fits).toBeGreaterThan(0);
    expect(fits).toBeLessThanOrEqual(7);
    await expect(call(services, 'startExport', { format: 'xlsx', filter: paid })).rejects.toThrow(/no file was chosen/);
    expect(asked).toHaveLength(2);
    expect(asked[1]).toMatch(/\.xlsx$/);
  });
});

describe("an export's file name", () => {
  const app = useAppFolders();

  it.each([
    ['2026-11-25T02:30:00+07:00', 'pakasir-pos-20261125-023000.csv'],
    ['2026-11-25T23:30:00+07:00', 'pakasir-pos-20261125-233000.csv'],
  ])('carries the shop’s own date and time (%s)', async (at, expected) => {
    const asked: string[] = [];
    app.clock.now = Date.parse(at);
    const services = await app.start(app.folder(), {
      exportSink: {
        choosePath: async (name) => {
          asked.push(name);
          return null;
        },
        describe: () => ({ name: '', bytes: 0 }),
      },
    });
    await expect(call(services, 'startExport', { format: 'csv', filter: {} })).rejects.toThrow(/no file was chosen/);
    expect(asked).toEqual([expected]);
  });
});
