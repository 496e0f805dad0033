import { useState } from 'react';
import { itemsByCategory, MAX_ITEMS, type ItemView } from '@shared/items';
import { formatRupiah } from '@shared/money';
import { getPosApi } from '../../api/pos-api';
import { useT } from '../../i18n';
import { ErrorBox } from '../../components/ErrorBox';
import { draftOfItem, EMPTY_DRAFT, inputOfDraft, type ItemDraft } from '../../lib/item-draft';
import { useAction } from '../../lib/use-action';
import { ownerLocked } from '../../lib/owner-gate';
import { useItems } from '../../stores/items-store';
import { useCounter } from '../../stores/counter-store';
import '../keypad/items.css';

/**
 * The owner's quick items. Optional: a shop with none keeps the amount keypad alone. Saves
 * on its own (inside the settings form, so Enter here saves the item, not the settings).
 * Prices are the owner's: main refuses a change while the owner is locked, and the section
 * says so before anyone tries (the refusal itself is shown as main words it).
 */
export function ItemsSection() {
  const t = useT();
  const items = useItems((s) => s.items);
  const locked = useCounter((s) => ownerLocked(s.access));
  const [draft, setDraft] = useState<ItemDraft>(EMPTY_DRAFT);
  const set = (patch: Partial<ItemDraft>) => setDraft((d) => ({ ...d, ...patch }));

  // After each change the list is read again, so the order shown is main's.
  const { busy, error, run } = useAction(async (call: () => Promise<unknown>) => {
    await call();
    useItems.getState().setItems(await getPosApi().listItems({}));
    return true;
  });
  const save = async () => {
    if (await run(() => getPosApi().saveItem(inputOfDraft(draft)))) setDraft(EMPTY_DRAFT);
  };
  const enterSaves = (e: React.KeyboardEvent) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    e.stopPropagation();
    void save();
  };
  const field = (
    key: keyof Omit<ItemDraft, 'itemId'>,
    label: string,
    extra: React.InputHTMLAttributes<HTMLInputElement>,
  ) => (
    <label className="field">
      <span>{label}</span>
      <input
        type="text"
        value={draft[key]}
        data-testid={`item-${key}`}
        onChange={(e) => set({ [key]: e.target.value })}
        onKeyDown={enterSaves}
        {...extra}
      />
    </label>
  );

  return (
    <fieldset className="card items-settings" data-testid="settings-items">
      <legend>{t('items.section')}</legend>
      <p className="hint">{t('items.sectionHint', { max: MAX_ITEMS })}</p>
      {locked && (
        <p className="warn-text" data-testid="items-owner-locked">
          {t('items.ownerLocked')}
        </p>
      )}
      <div className="items-form">
        {field('name', t('items.name'), { maxLength: 60, placeholder: t('items.namePlaceholder') })}
        {field('price', t('items.price'), { inputMode: 'numeric', maxLength: 12, placeholder: '18000' })}
        {field('category', t('items.category'), { maxLength: 30, placeholder: t('items.categoryPlaceholder') })}
        {field('barcode', t('items.barcode'), { maxLength: 32, placeholder: t('items.barcodePlaceholder') })}
      </div>
      <div className="items-form-actions">
        <button
          type="button"
          className="btn btn-primary"
          data-testid="item-save"
          disabled={busy}
          onClick={() => void save()}
        >
          {t(draft.itemId ? 'items.saveChange' : 'items.add')}
        </button>
        {draft.itemId && (
          <button type="button" className="btn" onClick={() => setDraft(EMPTY_DRAFT)}>
            {t('items.cancelEdit')}
          </button>
        )}
      </div>
      {error && <ErrorBox error={error} />}
      {items.length === 0 ? (
        <p className="hint" data-testid="items-none">
          {t('items.none')}
        </p>
      ) : (
        <ItemsTable
          items={items}
          busy={busy}
          onEdit={(item) => setDraft(draftOfItem(item))}
          onRemove={(item) => void run(() => getPosApi().removeItem({ itemId: item.itemId }))}
        />
      )}
    </fieldset>
  );
}

function ItemsTable({
  items,
  busy,
  onEdit,
  onRemove,
}: {
  items: ItemView[];
  busy: boolean;
  onEdit: (item: ItemView) => void;
  onRemove: (item: ItemView) => void;
}) {
  const t = useT();
  return (
    <table className="table items-table" data-testid="items-table">
      <thead>
        <tr>
          <th>{t('items.name')}</th>
          <th className="num">{t('items.price')}</th>
          <th>{t('items.barcode')}</th>
          <th />
        </tr>
      </thead>
      {itemsByCategory(items).map((g) => (
        <tbody key={g.category}>
          <tr className="items-group">
            <th colSpan={4}>{g.category || t('items.otherCategory')}</th>
          </tr>
          {g.items.map((item) => (
            <tr key={item.itemId} data-testid="items-row">
              <td>{item.name}</td>
              <td className="num">{formatRupiah(item.price)}</td>
              <td className="mono">{item.barcode ?? ''}</td>
              <td className="items-row-actions">
                <button type="button" className="btn btn-small" onClick={() => onEdit(item)}>
                  {t('items.edit')}
                </button>
                <button type="button" className="btn btn-small" disabled={busy} onClick={() => onRemove(item)}>
                  {t('items.delete')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}
