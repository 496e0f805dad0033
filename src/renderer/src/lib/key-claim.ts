/**
 * A PIN pad over any screen takes the keyboard: while one is open, the counter's own key
 * handlers (the keypad, a scanner's burst, the cart keys) leave every key alone, so a PIN
 * typed over the sale screen never lands in the amount.
 */
let claims = 0;

export function claimKeys(): () => void {
  claims += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    claims -= 1;
  };
}

export function keysClaimed(): boolean {
  return claims > 0;
}
