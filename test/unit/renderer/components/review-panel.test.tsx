// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OrderView } from '@shared/domain';
import { PosError } from '@shared/errors';
import { setPosApi, type PosApi } from '@renderer/api/pos-api';
import { useLanguage } from '@renderer/i18n';
import { ReviewPanel } from '@renderer/screens/history/ReviewPanel';
import { order } from '../fixtures';

/**
 * The owner's review list: a sale is settled only with a note saying how it was checked,
 * the list is read again after a decision, and a refused decision says why in words.
 */
let waiting: OrderView[];
const listNeedsReview = vi.fn(async () => waiting);
const resolveReview = vi.fn();

beforeEach(() => {
  useLanguage.getState().setLang('en');
  waiting = [order({ orderId: 'POS1-20260101-0007', state: 'needs_review', reason: 'paid_after_expiry' })];
  listNeedsReview.mockClear();
  resolveReview.mockReset();
  setPosApi({ listNeedsReview, resolveReview } as unknown as PosApi);
});
afterEach(cleanup);

async function shown(): Promise<void> {
  render(<ReviewPanel />);
  await screen.findByTestId('review-item');
}

describe('ReviewPanel', () => {
  it('needs a note before either decision, then sends the trimmed note and reads the list again', async () => {
    await shown();
    const paid = screen.getByTestId('review-paid') as HTMLButtonElement;
    expect(paid.disabled).toBe(true);
    expect((screen.getByTestId('review-not-paid') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByTestId('review-note'), { target: { value: '  seen in the bank app  ' } });
    expect(paid.disabled).toBe(false);
    resolveReview.mockResolvedValue(order({ state: 'paid' }));
    waiting = [];
    await act(async () => fireEvent.click(paid));
    expect(resolveReview).toHaveBeenCalledWith({
      orderId: 'POS1-20260101-0007',
      resolution: 'paid',
      note: 'seen in the bank app',
    });
    expect(await screen.findByText('No sales need review.')).toBeTruthy();
    expect(listNeedsReview).toHaveBeenCalledTimes(2);
  });

  it('keeps the sale and says why when main refuses the decision', async () => {
    await shown();
    fireEvent.change(screen.getByTestId('review-note'), { target: { value: 'customer left' } });
    resolveReview.mockRejectedValue(
      new PosError('illegal_state', 'Sale POS1-20260101-0007 is not waiting for review.'),
    );
    await act(async () => fireEvent.click(screen.getByTestId('review-not-paid')));
    expect(screen.getByText("This step is not possible in the sale's current state.")).toBeTruthy();
    expect(screen.getByTestId('review-item')).toBeTruthy();
    expect((screen.getByTestId('review-not-paid') as HTMLButtonElement).disabled).toBe(false);
    expect(listNeedsReview).toHaveBeenCalledTimes(1);
  });
});
