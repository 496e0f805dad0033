import { useState } from 'react';
import { REFUND_CHANNELS, type RefundChannel, type SaleView } from '@shared/counter';
import { formatRupiah } from '@shared/money';
import { getPosApi } from '../../api/pos-api';
import { useT, type MessageKey } from '../../i18n';
import { ErrorBox } from '../../components/ErrorBox';
import {
  gatewayPartsPaid,
  refundAmount,
  refundInput,
  refundProblemFromError,
  refundProblems,
  startRefund,
  type RefundDraft,
  type RefundProblem,
} from '../../lib/refund-draft';
import { useAction } from '../../lib/use-action';
import { useCounter } from '../../stores/counter-store';

/** Problems the form says before the first press too: they come from the sale, not from typing. */
const ALWAYS_SHOWN: RefundProblem[] = [
  'part_open',
  'nothing_left',
  'above_refundable',
  'cash_no_shift',
  'above_drawer',
];

/**
 * Money back for one sale: how much (all that is left, unless typed), how it went back, and
 * why. A void is the same form with the whole amount fixed. The call is owner-only: on a
 * locked till the owner's PIN pad opens and the refund goes on after a good PIN.
 */
export function RefundForm({
  sale,
  mode,
  onDone,
  onCancel,
}: {
  sale: SaleView;
  mode: 'refund' | 'void';
  onDone: (sale: SaleView) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const shift = useCounter((s) => s.counter?.shift ?? null);
  const [draft, setDraft] = useState<RefundDraft>(() => startRefund(shift));
  const [tried, setTried] = useState(false);
  const [mainSaid, setMainSaid] = useState<RefundProblem | null>(null);
  const problems = refundProblems(mode === 'void' ? { ...draft, amount: '' } : draft, sale, shift);
  const shown = [
    ...new Set([...problems.filter((p) => tried || ALWAYS_SHOWN.includes(p)), ...(mainSaid ? [mainSaid] : [])]),
  ];
  const amount = mode === 'void' ? sale.refundable : refundAmount(draft, sale);
  const edit = (patch: Partial<RefundDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setMainSaid(null);
    setError(null);
  };
  const problemText = (p: RefundProblem) =>
    t(`refund.problem.${p}` as MessageKey, {
      amount: formatRupiah(p === 'above_drawer' ? (shift?.drawer.expected ?? 0) : sale.refundable),
    });

  // A refusal main words as a refund problem shows beside the fields; any other as an error box.
  const { busy, error, run, setError } = useAction(async (input: NonNullable<ReturnType<typeof refundInput>>) => {
    try {
      onDone(await getPosApi().refundSale(input));
    } catch (e) {
      const p = refundProblemFromError(e);
      if (!p) throw e;
      setMainSaid(p);
    }
  });
  const submit = () => {
    setTried(true);
    const input = refundInput(mode === 'void' ? { ...draft, amount: '' } : draft, sale);
    if (problems.length === 0 && input) void run(input);
  };

  return (
    <form
      className="refund-form"
      data-testid="refund-form"
      data-mode={mode}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h3>{t(mode === 'void' ? 'refund.voidTitle' : 'refund.title')}</h3>
      {mode === 'refund' && (
        <label className="field">
          <span>{t('refund.amount')}</span>
          <input
            inputMode="numeric"
            autoFocus
            value={draft.amount}
            placeholder={formatRupiah(sale.refundable)}
            data-testid="refund-amount"
            onChange={(e) => edit({ amount: e.target.value.replace(/\D/g, '').slice(0, 10) })}
          />
          <small>{t('refund.amountHint', { amount: formatRupiah(sale.refundable) })}</small>
        </label>
      )}
      <ChannelPick value={draft.channel} onPick={(channel) => edit({ channel })} />
      {gatewayPartsPaid(sale) && (
        <p className="hint" data-testid="refund-pakasir-note">
          {t('refund.pakasirNote')}
        </p>
      )}
      <label className="field">
        <span>{t('refund.note')}</span>
        <input
          value={draft.note}
          maxLength={200}
          autoFocus={mode === 'void'}
          data-testid="refund-note"
          onChange={(e) => edit({ note: e.target.value })}
        />
      </label>
      {shown.length > 0 && (
        <ul className="refund-problems" data-testid="refund-problems">
          {shown.map((p) => (
            <li key={p} data-problem={p}>
              {problemText(p)}
            </li>
          ))}
        </ul>
      )}
      {error && <ErrorBox error={error} />}
      <p className="hint">{t('refund.needsOwner')}</p>
      <div className="sale-actions">
        <button
          type="submit"
          className="btn btn-big btn-danger"
          data-testid="refund-submit"
          disabled={busy || problems.some((p) => ALWAYS_SHOWN.includes(p))}
        >
          {t('refund.submit', { amount: formatRupiah(amount > 0 ? amount : 0) })}
        </button>
        <button type="button" className="btn btn-big" data-testid="refund-cancel" onClick={onCancel}>
          {t('refund.cancel')}
        </button>
      </div>
    </form>
  );
}

/** How the money went back: four big choices, one picked. */
function ChannelPick({ value, onPick }: { value: RefundChannel | null; onPick: (c: RefundChannel) => void }) {
  const t = useT();
  return (
    <div className="field">
      <span>{t('refund.channel')}</span>
      <div className="refund-channels" role="radiogroup" aria-label={t('refund.channel')}>
        {REFUND_CHANNELS.map((c) => (
          <button
            key={c}
            type="button"
            role="radio"
            aria-checked={value === c}
            className={`btn ${value === c ? 'btn-primary' : ''}`}
            data-testid={`refund-channel-${c}`}
            onClick={() => onPick(c)}
          >
            {t(`refund.channel.${c}`)}
          </button>
        ))}
      </div>
    </div>
  );
}
