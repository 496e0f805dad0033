import { useMemo, useRef, useState } from 'react';
import { itemsByCategory, searchItems, type ItemView } from '@shared/items';
import { formatRupiah } from '@shared/money';
import { useT } from '../../i18n';
import { useCounterKeys } from '../../lib/use-counter-keys';
import { useItems } from '../../stores/items-store';
import { CartList } from './CartList';
import './items.css';

/**
 * The quick items: a search (F2 or /) and tiles by category; a tile, a search hit or a
 * scanned barcode puts one more in the cart. Tiles never keep the focus, so Enter after a
 * tap still charges instead of adding the item again.
 */
export function ItemsPanel() {
  const t = useT();
  const items = useItems((s) => s.items);
  const add = useItems((s) => s.add);
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState<string | null>(null);
  const [scanNote, setScanNote] = useState<{ code: string; found: string | null } | null>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const queryRef = useRef(query);
  queryRef.current = query;

  useCounterKeys({
    items,
    search: { current: queryRef.current, set: setQuery },
    onScan: ({ code, item }) => setScanNote({ code, found: item?.name ?? null }),
    focusSearch: () => searchBox.current?.focus(),
  });

  const groups = useMemo(() => itemsByCategory(items), [items]);
  const hits = useMemo(() => searchItems(items, query), [items, query]);
  const shown = query.trim() ? hits : ((groups.find((g) => g.category === category) ?? groups[0])?.items ?? []);
  const activeCategory = category ?? groups[0]?.category ?? '';

  const pick = (item: ItemView) => {
    add(item.itemId);
    setScanNote(null);
  };

  return (
    <div className="items-panel" data-testid="items-panel">
      <div className="items-browse">
        <input
          ref={searchBox}
          type="search"
          className="items-search"
          value={query}
          maxLength={40}
          placeholder={t('items.search')}
          aria-label={t('items.search')}
          data-testid="item-search"
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && hits[0]) {
              e.preventDefault();
              e.stopPropagation();
              pick(hits[0]);
              setQuery('');
            } else if (e.key === 'Escape') {
              e.stopPropagation();
              setQuery('');
              searchBox.current?.blur();
            }
          }}
        />
        {!query.trim() && groups.length > 1 && (
          <div className="items-categories" role="tablist">
            {groups.map((g) => (
              <button
                key={g.category}
                type="button"
                role="tab"
                aria-selected={g.category === activeCategory}
                className={`chip ${g.category === activeCategory ? 'chip-on' : ''}`}
                data-testid={`category-${g.category || 'other'}`}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => setCategory(g.category)}
              >
                {g.category || t('items.otherCategory')}
              </button>
            ))}
          </div>
        )}
        <div className="item-tiles">
          {shown.map((item) => (
            <button
              key={item.itemId}
              type="button"
              className="item-tile"
              data-testid="item-tile"
              data-item-name={item.name}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(item)}
            >
              <span className="item-tile-name">{item.name}</span>
              <span className="item-tile-price">{formatRupiah(item.price)}</span>
            </button>
          ))}
          {query.trim() && shown.length === 0 && <p className="hint">{t('items.noMatch')}</p>}
        </div>
        {scanNote && (
          <p className={scanNote.found ? 'hint' : 'warn-text'} data-testid="scan-note" role="status">
            {scanNote.found
              ? t('items.scanned', { name: scanNote.found })
              : t('items.scanUnknown', { code: scanNote.code })}
          </p>
        )}
      </div>
      <CartList />
    </div>
  );
}
