export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacementDisplay {
  id: number;
  bounds: Rect;
}

/**
 * Which screen the customer display goes full-screen on, or null for "no second screen:
 * show it as a normal window". Pure, so plugging and unplugging monitors is unit-testable.
 * - the operator's choice, when that screen is connected and is not the cashier's;
 * - otherwise the first connected screen that is not the cashier's;
 * - never the cashier's own screen: a full-screen QR there would hide the register.
 */
export function chooseCustomerDisplay<D extends PlacementDisplay>(
  displays: readonly D[],
  cashierDisplayId: number | null,
  preferredId: number | null,
): D | null {
  const others = displays.filter((d) => d.id !== cashierDisplayId);
  if (preferredId !== null) {
    const preferred = others.find((d) => d.id === preferredId);
    if (preferred) return preferred;
  }
  return others[0] ?? null;
}

/** A normal window's bounds: centered on the cashier's screen, at most 900x700. */
export function windowedBounds(workArea: Rect): Rect {
  const width = Math.min(900, workArea.width);
  const height = Math.min(700, workArea.height);
  return {
    x: Math.round(workArea.x + (workArea.width - width) / 2),
    y: Math.round(workArea.y + (workArea.height - height) / 2),
    width,
    height,
  };
}
