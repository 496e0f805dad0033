import { headerBlocks } from './layout-sale';
import type { Block, ReceiptDoc } from './receipt-doc';
import { formatReceiptDay, formatReceiptTime, formatRupiah, formatSignedRupiah, methodLabel } from './receipt-format';
import { labelsFor } from './receipt-labels';
import type { ZReportSnapshot } from './snapshot';

/**
 * The Z report at the close of a till: sales per method, fees, refunds, cash movements and
 * the drawer count against what it should hold. Everything is a figure the counter computed
 * and froze in the snapshot; this layout adds nothing up except the sales total line.
 */
export function zReportDoc(s: ZReportSnapshot, opts: { reprint: number }): ReceiptDoc {
  const l = labelsFor(s.language);
  const at = (iso: string) => formatReceiptTime(iso, s.timeZone);
  const blocks: Block[] = [
    ...headerBlocks(s, l, opts.reprint),
    { type: 'text', text: l('zTitle'), align: 'center', bold: true },
    { type: 'rule' },
    { type: 'pair', left: l('reportNo'), right: s.receiptNo },
    { type: 'pair', left: l('businessDay'), right: formatReceiptDay(s.businessDay) },
    { type: 'pair', left: l('terminal'), right: s.terminal },
    { type: 'pair', left: l('opened'), right: at(s.openedAt) },
    { type: 'pair', left: l('closed'), right: at(s.closedAt) },
  ];
  if (s.openedBy) blocks.push({ type: 'pair', left: l('openedBy'), right: s.openedBy });
  blocks.push({ type: 'pair', left: l('closedBy'), right: s.closedBy });

  blocks.push({ type: 'rule' }, { type: 'text', text: l('salesByMethod'), bold: true });
  if (s.methods.length === 0) blocks.push({ type: 'text', text: l('noSales') });
  for (const m of s.methods)
    blocks.push({ type: 'pair', left: `${methodLabel(m.method, l)} (${m.count})`, right: formatRupiah(m.amount) });
  const total = s.methods.reduce((sum, m) => sum + m.amount, 0);
  const count = s.methods.reduce((sum, m) => sum + m.count, 0);
  blocks.push({ type: 'pair', left: `${l('salesTotal')} (${count})`, right: formatRupiah(total), bold: true });

  blocks.push(
    { type: 'rule' },
    { type: 'text', text: l('fees'), bold: true },
    { type: 'pair', left: l('feesCustomers'), right: formatRupiah(s.fees.paidByCustomers) },
    { type: 'pair', left: l('feesShop'), right: formatRupiah(s.fees.paidByShop) },
    { type: 'rule' },
    { type: 'text', text: l('refunds'), bold: true },
    { type: 'pair', left: l('refundsCount'), right: String(s.refunds.count) },
    { type: 'pair', left: l('refundsAmount'), right: formatRupiah(s.refunds.amount) },
    { type: 'pair', left: l('refundsCash'), right: formatRupiah(s.refunds.cash) },
  );

  if (s.cashMovements.length > 0) {
    blocks.push({ type: 'rule' }, { type: 'text', text: l('cashMovements'), bold: true });
    for (const m of s.cashMovements) {
      const sign = m.kind === 'in' ? formatRupiah(m.amount) : formatRupiah(-m.amount);
      blocks.push({ type: 'pair', left: `${l(m.kind === 'in' ? 'cashIn' : 'cashOut')} ${m.note}`, right: sign });
    }
  }

  const c = s.cash;
  blocks.push(
    { type: 'rule' },
    { type: 'text', text: l('drawer'), bold: true },
    { type: 'pair', left: l('opening'), right: formatRupiah(c.opening) },
    { type: 'pair', left: l('cashSales'), right: formatRupiah(c.sales) },
    { type: 'pair', left: l('cashRefunds'), right: formatRupiah(-c.refunds) },
    { type: 'pair', left: l('movementsIn'), right: formatRupiah(c.movementsIn) },
    { type: 'pair', left: l('movementsOut'), right: formatRupiah(-c.movementsOut) },
    { type: 'pair', left: l('expected'), right: formatRupiah(c.expected), bold: true },
    { type: 'pair', left: l('counted'), right: c.counted === null ? l('notCounted') : formatRupiah(c.counted) },
  );
  if (c.difference !== null)
    blocks.push({ type: 'pair', left: l('difference'), right: formatSignedRupiah(c.difference), bold: true });
  if (s.needsReview > 0) blocks.push({ type: 'pair', left: l('needsReview'), right: String(s.needsReview) });
  blocks.push({ type: 'rule', char: '=' }, { type: 'text', text: at(s.closedAt), align: 'center' });
  return { blocks, openDrawer: false };
}
