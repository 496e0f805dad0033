import type { OrderView } from '@shared/domain';
import { METHOD_RULES } from '@shared/methods';
import { formatRupiah } from '@shared/money';
import { validateQrisPayload } from '@shared/qris';
import { useT } from '../i18n';
import { QrCanvas } from './QrCanvas';

export type VisualKind =
  | { kind: 'qr'; text: string; link: boolean }
  | { kind: 'va'; number: string; bank: string }
  | { kind: 'link'; url: string }
  | { kind: 'invalid' }
  | { kind: 'pending' };

/**
 * What to put in front of the customer for a sale. A QRIS payload is checked once more here
 * (main checked it already): a QR whose amount differs from the total we display would
 * charge the customer something else, so it is never drawn.
 */
export function paymentVisual(order: OrderView): VisualKind {
  const rule = METHOD_RULES[order.method];
  if (rule.kind === 'qris') {
    if (!order.paymentNumber || order.totalPayment === null) return { kind: 'pending' };
    const check = validateQrisPayload(order.paymentNumber, order.totalPayment);
    return check.ok ? { kind: 'qr', text: order.paymentNumber, link: false } : { kind: 'invalid' };
  }
  if (rule.kind === 'va') {
    return order.paymentNumber
      ? { kind: 'va', number: order.paymentNumber, bank: rule.bank ?? '' }
      : { kind: 'pending' };
  }
  if (rule.kind === 'link') {
    return order.paymentUrl ? { kind: 'qr', text: order.paymentUrl, link: true } : { kind: 'pending' };
  }
  return order.paymentUrl ? { kind: 'link', url: order.paymentUrl } : { kind: 'pending' };
}

/** Groups a VA number in fours so it can be read aloud and typed without losing place. */
export function groupVa(n: string): string {
  return n.replace(/(.{4})(?=.)/g, '$1 ');
}

interface Props {
  order: OrderView;
  qrSize: number;
  testIds: { qr: string; va: string };
  onCopy?: (text: string) => void;
  copied?: boolean;
}

export function PaymentVisual({ order, qrSize, testIds, onCopy, copied }: Props) {
  const t = useT();
  const v = paymentVisual(order);
  const amount = formatRupiah(order.totalPayment ?? order.price);
  switch (v.kind) {
    case 'qr':
      return (
        <div className="visual visual-qr">
          <QrCanvas
            text={v.text}
            size={qrSize}
            testId={testIds.qr}
            label={t(v.link ? 'pay.qrLinkAlt' : 'pay.qrAlt', { amount })}
          />
        </div>
      );
    case 'va':
      return (
        <div className="visual visual-va">
          <div className="va-bank">{t('pay.vaBank', { bank: v.bank })}</div>
          <div className="va-label">{t('pay.vaNumber')}</div>
          <div className="va-number" data-testid={testIds.va}>
            {groupVa(v.number)}
          </div>
          {onCopy && (
            <button type="button" className="btn" data-testid="copy-va" onClick={() => onCopy(v.number)}>
              {copied ? t('pay.copied') : t('pay.copy')}
            </button>
          )}
        </div>
      );
    case 'link':
      return (
        <div className="visual visual-link">
          <QrCanvas text={v.url} size={qrSize} testId={testIds.qr} label={t('pay.qrLinkAlt', { amount })} />
          <div className="link-url" data-testid="payment-url">
            {v.url}
          </div>
        </div>
      );
    case 'invalid':
      return (
        <div className="visual visual-invalid error-box" role="alert" data-testid="qr-invalid">
          {t('pay.qrInvalid')}
        </div>
      );
    default:
      return <div className="visual visual-pending">{t('pay.noPaymentData')}</div>;
  }
}
