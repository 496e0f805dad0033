import type { FeePayer } from '@shared/fees';
import { METHOD_RULES, type PaymentMethod } from '@shared/methods';
import { formatRupiah } from '@shared/money';
import { useT } from '../../i18n';
import type { ChargePlan } from '../../lib/charge-plan';
import type { ShownError } from '../../lib/errors';
import type { MethodOption } from '../../lib/method-options';
import { ErrorBox } from '../../components/ErrorBox';
import { MethodButton } from './MethodButton';

export interface ChargePanelProps {
  amount: number;
  options: MethodOption[];
  chosen: PaymentMethod;
  plan: ChargePlan;
  note: string;
  busy: boolean;
  canCharge: boolean;
  canCash: boolean;
  feePayer: FeePayer;
  /** The owner has not yet said who pays the fee: the line says so. */
  feeNotChosen: boolean;
  error: ShownError | null;
  onPick: (m: PaymentMethod) => void;
  onCash: () => void;
  onNote: (note: string) => void;
  onCharge: () => void;
}

/** The methods (Tunai among them), the note, and the charge button with who pays the fee. */
export function ChargePanel(p: ChargePanelProps) {
  const t = useT();
  const primary = p.options.filter((o) => METHOD_RULES[o.method].kind !== 'va');
  const vas = p.options.filter((o) => METHOD_RULES[o.method].kind === 'va');
  return (
    <section className="charge-panel">
      <h2 className="panel-title">{t('keypad.method')}</h2>
      <div className="methods-primary">
        {primary.map((o) => (
          <MethodButton key={o.method} option={o} selected={o.method === p.chosen} onPick={p.onPick} />
        ))}
        <button
          type="button"
          className="method method-cash"
          data-testid="method-cash"
          title={t('cash.keyHint')}
          disabled={!p.canCash}
          onClick={p.onCash}
        >
          <span className="method-name">{t('method.cash')} (F2)</span>
        </button>
      </div>
      <div className="methods-va">
        {vas.map((o) => (
          <MethodButton key={o.method} option={o} selected={o.method === p.chosen} onPick={p.onPick} />
        ))}
      </div>
      <label className="field note-field">
        <span>{t('keypad.note')}</span>
        <input
          type="text"
          value={p.note}
          maxLength={200}
          placeholder={t('keypad.notePlaceholder')}
          data-testid="note"
          onChange={(e) => p.onNote(e.target.value)}
        />
      </label>
      {p.error && <ErrorBox error={p.error} />}
      <button
        type="button"
        className={`btn btn-charge ${p.plan.kind === 'ask' ? 'btn-charge-ask' : ''}`}
        data-testid="charge"
        data-plan={p.plan.kind}
        disabled={!p.canCharge}
        onClick={p.onCharge}
      >
        {p.busy
          ? t('keypad.charging')
          : p.amount > 0
            ? t('keypad.charge', { method: t(`method.${p.chosen}`), amount: formatRupiah(p.amount) })
            : t('keypad.chargeEmpty')}
      </button>
      <p className="fee-line" data-testid="fee-line" data-fee-payer={p.feePayer}>
        {t(p.feePayer === 'shop' ? 'keypad.feeShop' : 'keypad.feeCustomer')}
        {p.feeNotChosen ? ` ${t('keypad.feeNotChosen')}` : ''}
      </p>
      <p className="hint">{t('keypad.hint')}</p>
    </section>
  );
}
