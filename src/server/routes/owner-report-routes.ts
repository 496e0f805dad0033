import type { FastifyBaseLogger, FastifyInstance, FastifyReply } from 'fastify';
import { OWNER_API, ownerDaySchema, ownerExportSchema } from '@shared/owner/contract';
import { ownerDayZSchema, ownerShiftZSchema } from '@shared/owner/counter-contract';
import { parseOr400 } from '../owner/owner-guard';
import { countShopOrders, eachShopOrder } from '../owner/order-query';
import { sheetHolds } from '@shared/sheet-limit';
import { ORDER_TABLE, streamExport, type ExportTable } from '../owner/order-export';
import { reconcileDay } from '../owner/reconciliation';
import { eachShopRefund, REFUND_TABLE } from '../owner/refund-export';
import { shopDailyReport } from '../reports/daily-report';
import { dayZReport, shiftZReport } from '../reports/z-report';
import type { OwnerRouteDeps } from './owner-route-deps';

/** A CSV or XLSX download, streamed while its rows are read. */
function sendExport<R>(
  reply: FastifyReply,
  name: string,
  format: 'csv' | 'xlsx',
  table: ExportTable<R>,
  rows: AsyncIterable<R>,
  log: FastifyBaseLogger,
  timeZone: string,
  sheetRows: number,
) {
  const body = streamExport(
    rows,
    format,
    timeZone,
    (err) => log.error({ err }, 'owner export failed part-way'),
    table,
    sheetRows,
  );
  return reply
    .header(
      'content-type',
      format === 'csv'
        ? 'text/csv; charset=utf-8'
        : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    )
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('cache-control', 'no-store')
    .send(body);
}

/**
 * The owner's figures: the exports (sales with their cash parts, and refunds), the daily
 * report, the Z reports of a day across tills and of a shift, and the reconciliation.
 * Registered inside the owner's guarded scope (owner-routes.ts).
 */
export function ownerReportRoutes(owner: FastifyInstance, deps: OwnerRouteDeps) {
  const { pool } = deps;
  owner.get(`${OWNER_API}/exports/orders`, async (request, reply) => {
    const input = parseOr400(ownerExportSchema, request.query, reply);
    if (!input) return reply;
    const { format, ...filter } = input;
    // Refused before the download starts, so the owner's browser gets the reason instead of
    // a broken file. The page already offers CSV only for such a list (overview.xlsxRows).
    if (format === 'xlsx' && !sheetHolds(await countShopOrders(pool, filter, deps.day), deps.sheetRows))
      return reply.code(413).send({
        error: 'export_too_large',
        message: `More sales than one Excel sheet holds (${deps.sheetRows}). Pick one day, or download CSV.`,
      });
    const name = `penjualan-${filter.day ?? 'semua'}${filter.tillId ? `-${filter.tillId.slice(0, 8)}` : ''}.${format}`;
    return sendExport(
      reply,
      name,
      format,
      ORDER_TABLE,
      eachShopOrder(pool, filter, deps.day),
      request.log,
      deps.day.timeZone,
      deps.sheetRows,
    );
  });

  owner.get(`${OWNER_API}/exports/refunds`, async (request, reply) => {
    const input = parseOr400(ownerExportSchema, request.query, reply);
    if (!input) return reply;
    const { format, ...filter } = input;
    const name = `refund-${filter.day ?? 'semua'}${filter.tillId ? `-${filter.tillId.slice(0, 8)}` : ''}.${format}`;
    return sendExport(
      reply,
      name,
      format,
      REFUND_TABLE,
      eachShopRefund(pool, filter, deps.day),
      request.log,
      deps.day.timeZone,
      deps.sheetRows,
    );
  });

  owner.get(`${OWNER_API}/reports/z/day`, async (request, reply) => {
    const input = parseOr400(ownerDayZSchema, request.query, reply);
    if (!input) return reply;
    return dayZReport(pool, input.day, deps.day, input.tillId ?? null);
  });

  owner.get(`${OWNER_API}/reports/z/shift`, async (request, reply) => {
    const input = parseOr400(ownerShiftZSchema, request.query, reply);
    if (!input) return reply;
    const z = await shiftZReport(pool, input.tillId, input.shiftId);
    return z ?? reply.code(404).send({ error: 'not_found', message: 'No such shift on that till.' });
  });

  owner.get(`${OWNER_API}/reports/daily`, async (request, reply) => {
    const q = request.query as Record<string, string | undefined>;
    const input = parseOr400(ownerDaySchema, { day: q.day, tillId: q.tillId }, reply);
    if (!input) return reply;
    // The day rules may be given (scripts comparing with a till set otherwise); the server's own by default.
    return shopDailyReport(pool, {
      day: input.day,
      tillId: input.tillId ?? null,
      cutoffHour: q.cutoffHour === undefined ? deps.day.cutoffHour : Number(q.cutoffHour),
      timeZone: q.timeZone ?? deps.day.timeZone,
    });
  });

  owner.get(`${OWNER_API}/reconciliation`, async (request, reply) => {
    const input = parseOr400(ownerDaySchema, request.query, reply);
    if (!input) return reply;
    return reconcileDay(pool, input.day, deps.day);
  });
}
