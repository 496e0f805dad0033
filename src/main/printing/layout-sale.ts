import type { Block, ReceiptDoc } from './receipt-doc';
import { formatReceiptTime, formatRupiah, methodLabel } from './receipt-format';
import { labelsFor, type Labels } from './receipt-labels';
import type { SaleSnapshot, Snapshot } from './snapshot';

/** Shop name, address lines, and the marks that must not be missed (copy, not real money). */
export function headerBlocks(s: Snapshot, l: Labels, reprint: number): Block[] {
  const blocks: Block[] = [{ type: 'text', text: s.shop.name, align: 'center', bold: true, size: 2 }];
  for (const line of s.shop.headerLines) blocks.push({ type: 'text', text: line, align: 'center' });
  blocks.push({ type: 'rule', char: '=' });
  if (s.notRealMoney) blocks.push({ type: 'text', text: `*** ${l('notRealMoney')} ***`, align: 'center', bold: true });
  if (reprint > 0)
    blocks.push({ type: 'text', text: `*** ${l('reprint', { n: reprint })} ***`, align: 'center', bold: true });
  return blocks;
}

export function footerBlocks(s: Snapshot, l: Labels): Block[] {
  const lines = s.shop.footerLines.length > 0 ? s.shop.footerLines : [l('thanks')];
  return lines.map((text) => ({ type: 'text', text, align: 'center' }));
}

function itemBlocks(s: SaleSnapshot, l: Labels): Block[] {
  if (!s.items || s.items.length === 0) return [{ type: 'pair', left: l('amountOnly'), right: formatRupiah(s.amount) }];
  const blocks: Block[] = [];
  for (const item of s.items) {
    if (item.qty === 1) {
      blocks.push({ type: 'pair', left: item.name, right: formatRupiah(item.total) });
    } else {
      blocks.push({ type: 'text', text: item.name });
      blocks.push({
        type: 'pair',
        left: `${item.qty} x ${formatRupiah(item.unitPrice)}`,
        right: formatRupiah(item.total),
        indent: 2,
      });
    }
  }
  return blocks;
}

/** Who bore the fee: the customer (paid above the price), the shop, or each a part. */
function feeBearer(s: SaleSnapshot, l: Labels): string {
  const fee = s.fee ?? 0;
  const onCustomer = Math.min(fee, s.feeOnCustomer ?? 0);
  if (onCustomer >= fee) return l('feeByCustomer');
  if (onCustomer === 0) return l('feeByShop');
  return l('feeSplit', { customer: formatRupiah(onCustomer), shop: formatRupiah(fee - onCustomer) });
}

/**
 * A sale's receipt: who sold what, for how much, how it was paid, Pakasir's ids to look the
 * payment up, LUNAS, and a QR of the verification string. A reprint carries its number at
 * the top so a copy is never mistaken for the original.
 */
export function saleReceiptDoc(s: SaleSnapshot, opts: { reprint: number; openDrawer: boolean }): ReceiptDoc {
  const l = labelsFor(s.language);
  const blocks: Block[] = [
    ...headerBlocks(s, l, opts.reprint),
    { type: 'pair', left: l('receiptNo'), right: s.receiptNo },
    { type: 'pair', left: l('date'), right: formatReceiptTime(s.paidAt, s.timeZone) },
    { type: 'pair', left: l('terminal'), right: s.terminal },
  ];
  if (s.cashier) blocks.push({ type: 'pair', left: l('cashier'), right: s.cashier });
  blocks.push({ type: 'rule' }, ...itemBlocks(s, l), { type: 'rule' });
  blocks.push({ type: 'pair', left: l('total'), right: formatRupiah(s.amount), bold: true });
  if (s.parts) {
    for (const part of s.parts)
      blocks.push({ type: 'pair', left: methodLabel(part.method, l), right: formatRupiah(part.amount) });
  } else {
    blocks.push({ type: 'pair', left: l('method'), right: methodLabel(s.method, l) });
  }
  if (s.fee !== null && s.fee > 0) {
    blocks.push({ type: 'pair', left: l('fee'), right: formatRupiah(s.fee) });
    blocks.push({ type: 'text', text: `(${feeBearer(s, l)})`, align: 'right' });
  }
  if (s.totalPaid !== s.amount) blocks.push({ type: 'pair', left: l('totalPaid'), right: formatRupiah(s.totalPaid) });
  if (s.cash) {
    blocks.push({ type: 'pair', left: l('cashTendered'), right: formatRupiah(s.cash.tendered) });
    blocks.push({ type: 'pair', left: l('change'), right: formatRupiah(s.cash.change), bold: true });
  }
  if (s.pakasir) {
    blocks.push({ type: 'rule' });
    if (s.pakasir.vaNumber) blocks.push({ type: 'pair', left: l('vaNumber'), right: s.pakasir.vaNumber });
    blocks.push({ type: 'text', text: l('orderId') }, { type: 'text', text: s.pakasir.orderId, align: 'right' });
    if (s.pakasir.txnId)
      blocks.push({ type: 'text', text: l('txnId') }, { type: 'text', text: s.pakasir.txnId, align: 'right' });
  }
  if (s.note) blocks.push({ type: 'rule' }, { type: 'text', text: `${l('note')}: ${s.note}` });
  blocks.push(
    { type: 'rule', char: '=' },
    { type: 'text', text: l('paid'), align: 'center', bold: true, size: 2 },
    { type: 'feed', lines: 1 },
    { type: 'qr', value: s.verification, caption: s.receiptNo, maxModuleDots: 5 },
    { type: 'feed', lines: 1 },
    ...footerBlocks(s, l),
  );
  return { blocks, openDrawer: opts.openDrawer };
}
