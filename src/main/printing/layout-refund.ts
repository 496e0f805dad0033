import { footerBlocks, headerBlocks } from './layout-sale';
import type { Block, ReceiptDoc } from './receipt-doc';
import { formatReceiptTime, formatRupiah } from './receipt-format';
import { labelsFor } from './receipt-labels';
import type { RefundSnapshot } from './snapshot';

/**
 * A refund slip: which receipt the money belonged to, how much went back and how, who gave
 * it, and a line for the customer's signature. A refund never opens the drawer by itself:
 * the counter decides that (a cash refund does).
 */
export function refundSlipDoc(s: RefundSnapshot, opts: { reprint: number; openDrawer: boolean }): ReceiptDoc {
  const l = labelsFor(s.language);
  const blocks: Block[] = [
    ...headerBlocks(s, l, opts.reprint),
    { type: 'text', text: l('refundTitle'), align: 'center', bold: true },
    { type: 'rule' },
    { type: 'pair', left: l('refundNo'), right: s.receiptNo },
    { type: 'pair', left: l('date'), right: formatReceiptTime(s.at, s.timeZone) },
    { type: 'pair', left: l('terminal'), right: s.terminal },
  ];
  if (s.originalReceiptNo) blocks.push({ type: 'pair', left: l('originalReceipt'), right: s.originalReceiptNo });
  if (s.originalOrderId)
    blocks.push({ type: 'text', text: l('originalOrder') }, { type: 'text', text: s.originalOrderId, align: 'right' });
  blocks.push(
    { type: 'rule' },
    { type: 'pair', left: l('refundAmount'), right: formatRupiah(s.amount), bold: true },
    { type: 'pair', left: l('refundChannel'), right: l(`channel.${s.channel}`) },
    { type: 'pair', left: l('refundBy'), right: s.by },
  );
  if (s.note) blocks.push({ type: 'text', text: `${l('note')}: ${s.note}` });
  blocks.push(
    { type: 'feed', lines: 3 },
    { type: 'text', text: '________________________', align: 'center' },
    { type: 'text', text: l('signature'), align: 'center' },
    { type: 'rule', char: '=' },
    ...footerBlocks(s, l),
  );
  return { blocks, openDrawer: opts.openDrawer };
}
