import { useT, type MessageKey } from '../../i18n';

export type KeypadTab = 'items' | 'keypad';

const TABS: [KeypadTab, MessageKey][] = [
  ['items', 'items.tab'],
  ['keypad', 'items.tabKeypad'],
];

/** Quick items or the digit keypad, for a shop that defined items. */
export function KeypadTabs({ tab, onTab }: { tab: KeypadTab; onTab: (tab: KeypadTab) => void }) {
  const t = useT();
  return (
    <div className="keypad-tabs" role="tablist">
      {TABS.map(([id, label]) => (
        <button
          key={id}
          type="button"
          role="tab"
          aria-selected={tab === id}
          className={`chip ${tab === id ? 'chip-on' : ''}`}
          data-testid={`tab-${id}`}
          // The tab must not take the focus: Enter stays the charge key.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onTab(id)}
        >
          {t(label)}
        </button>
      ))}
    </div>
  );
}
