import type { ShiftView, ZReport } from '@shared/counter';
import { useAction } from '../../lib/use-action';
import { CashMoveForm } from './CashMoveForm';
import { DrawerCount } from './DrawerCount';
import { ShiftCloseForm } from './ShiftCloseForm';

/** The open shift: its drawer as main counts it, cash in and out with a reason, and the close. */
export function ShiftDrawer({ shift, onClosed }: { shift: ShiftView; onClosed: (z: ZReport) => void }) {
  // One call at a time on this screen: a cash move and the close share busy and the error line.
  const { busy, error, run } = useAction((work: () => Promise<unknown>) => work());
  const act = (work: () => Promise<unknown>) => void run(work);
  return (
    <div className="shift-open-grid">
      <DrawerCount shift={shift} />
      <CashMoveForm busy={busy} act={act} />
      <ShiftCloseForm shift={shift} busy={busy} error={error} act={act} onClosed={onClosed} />
    </div>
  );
}
