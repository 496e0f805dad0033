import { describe, expect, it } from 'vitest';
import { seedOrders } from '../../../testkit/orders';
import { useAppFolders } from '../../support/app-services';
import { call, refusal } from '../../support/counter';

/**
 * A workbook of more sales than one sheet holds is refused when the owner asks for it, before
 * the save dialog opens (Electron's dialog in the app; here the sink records each ask): the
 * owner never picks a place for a file that will not come.
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
