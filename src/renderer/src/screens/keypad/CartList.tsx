import { useEffect, useRef } from 'react';
import { formatRupiah } from '@shared/money';
import { useT } from '../../i18n';
import { useItems } from '../../stores/items-store';

/** The cart as main priced it, with big +/- and remove per line; the selected line answers + - Delete. */
export function CartList() {
  const t = useT();
  const view = useItems((s) => s.view);
  const selected = useItems((s) => s.selected);
  const list = useRef<HTMLOListElement>(null);
  // The line a scan or a key just changed stays in sight in a long cart.
  useEffect(() => {
    list.current?.children[selected]?.scrollIntoView({ block: 'nearest' });
  }, [selected, view]);
  const { change, remove, select, clear } = useItems.getState();
  if (view.lines.length === 0) {
    return (
      <div className="cart cart-empty" data-testid="cart">
        <p className="hint">{t('items.cartEmpty')}</p>
      </div>
    );
  }
  const keep = (e: React.MouseEvent) => e.preventDefault();
  return (
    <div className="cart" data-testid="cart">
      <ol ref={list} className="cart-lines">
        {view.lines.map((line, i) => (
          <li
            key={line.itemId ?? i}
            className={`cart-line ${i === selected ? 'cart-line-on' : ''}`}
            data-testid="cart-line"
            data-qty={line.qty}
            onClick={() => select(i)}
          >
            <span className="cart-name">{line.name}</span>
            <span className="cart-qty">
              <button
                type="button"
                className="btn btn-small cart-btn"
                aria-label={t('items.less', { name: line.name })}
                data-testid="cart-minus"
                onMouseDown={keep}
                onClick={() => change(i, -1)}
              >
                −
              </button>
              <b>{line.qty}</b>
              <button
                type="button"
                className="btn btn-small cart-btn"
                aria-label={t('items.more', { name: line.name })}
                data-testid="cart-plus"
                onMouseDown={keep}
                onClick={() => change(i, +1)}
              >
                +
              </button>
            </span>
            <span className="cart-total">{formatRupiah(line.total)}</span>
            <button
              type="button"
              className="btn btn-small cart-remove"
              aria-label={t('items.remove', { name: line.name })}
              data-testid="cart-remove"
              onMouseDown={keep}
              onClick={() => remove(i)}
            >
              ✕
            </button>
          </li>
        ))}
      </ol>
      <div className="cart-foot">
        <span className="hint">{t('items.cartKeys')}</span>
        <button type="button" className="btn btn-small" data-testid="cart-clear" onMouseDown={keep} onClick={clear}>
          {t('items.clearCart')}
        </button>
      </div>
    </div>
  );
}
