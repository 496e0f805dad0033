import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { PosError } from '@shared/errors';
import { MAX_ITEMS, type ItemInput, type ItemView } from '@shared/items';

interface ItemRow {
  item_id: string;
  name: string;
  price: number;
  category: string;
  barcode: string | null;
}

const toView = (r: ItemRow): ItemView => ({
  itemId: r.item_id,
  name: r.name,
  price: r.price,
  category: r.category,
  barcode: r.barcode,
});

/**
 * The owner's quick items, in the journal. Every change is one transaction that writes the
 * item and an `item_events` row with what it was before and after. Nothing is deleted: a
 * removed item turns inactive, so the journal still says what each id was. Inputs arrive
 * already parsed by the call schemas; what a schema cannot know (the barcode is on another
 * item, the list is full) is refused here with a sentence the owner can act on.
 */
export class Catalogue {
  private readonly db: Database.Database;
  private cache: Map<string, ItemView> | null = null;

  constructor(
    file: string,
    private readonly clock: () => Date,
    private readonly onChange: (items: ItemView[]) => void,
    nativeBinding?: string,
  ) {
    this.db = new Database(file, { fileMustExist: true, nativeBinding });
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    // The order store decides when the -wal is merged (after the integrity check).
    this.db.pragma('wal_autocheckpoint = 0');
  }

  /** Active items by id; read once and kept until the next change. */
  map(): ReadonlyMap<string, ItemView> {
    if (!this.cache) {
      const rows = this.db
        .prepare('SELECT item_id, name, price, category, barcode FROM items WHERE active = 1 ORDER BY name, item_id')
        .all() as ItemRow[];
      this.cache = new Map(rows.map((r) => [r.item_id, toView(r)]));
    }
    return this.cache;
  }

  list(): ItemView[] {
    return [...this.map().values()];
  }

  save(input: ItemInput): ItemView[] {
    const at = this.clock().toISOString();
    const next = {
      name: input.name.trim(),
      price: input.price,
      category: (input.category ?? '').trim(),
      barcode: input.barcode?.trim() || null,
    };
    if (next.barcode) {
      const other = [...this.map().values()].find((i) => i.barcode === next.barcode && i.itemId !== input.itemId);
      if (other)
        throw new PosError('invalid_input', `Barcode ${next.barcode} already belongs to "${other.name}".`, [
          { path: 'barcodeTaken', message: `barcode already on ${other.name}` },
        ]);
    }
    this.db
      .transaction(() => {
        if (input.itemId) {
          const before = this.db
            .prepare('SELECT item_id, name, price, category, barcode FROM items WHERE item_id = ? AND active = 1')
            .get(input.itemId) as ItemRow | undefined;
          if (!before) throw new PosError('not_found', 'This item was removed meanwhile; add it again.');
          this.db
            .prepare(
              'UPDATE items SET name = ?, price = ?, category = ?, barcode = ?, updated_at = ? WHERE item_id = ?',
            )
            .run(next.name, next.price, next.category, next.barcode, at, input.itemId);
          this.event(input.itemId, at, 'changed', { before: toView(before), after: next });
          return;
        }
        if (this.map().size >= MAX_ITEMS)
          throw new PosError('invalid_input', `The list holds at most ${MAX_ITEMS} items; remove some first.`);
        const itemId = `it-${randomUUID()}`;
        this.db
          .prepare(
            'INSERT INTO items (item_id, name, price, category, barcode, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?)',
          )
          .run(itemId, next.name, next.price, next.category, next.barcode, at, at);
        this.event(itemId, at, 'created', { after: next });
      })
      .immediate();
    return this.changed();
  }

  remove(itemId: string): ItemView[] {
    const at = this.clock().toISOString();
    this.db
      .transaction(() => {
        const r = this.db
          .prepare('UPDATE items SET active = 0, updated_at = ? WHERE item_id = ? AND active = 1')
          .run(at, itemId);
        if (r.changes === 0) return;
        this.event(itemId, at, 'removed', {});
      })
      .immediate();
    return this.changed();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private event(itemId: string, at: string, action: 'created' | 'changed' | 'removed', facts: object): void {
    this.db
      .prepare('INSERT INTO item_events (item_id, at, action, facts) VALUES (?, ?, ?, ?)')
      .run(itemId, at, action, JSON.stringify(facts));
  }

  private changed(): ItemView[] {
    this.cache = null;
    const items = this.list();
    this.onChange(items);
    return items;
  }
}
