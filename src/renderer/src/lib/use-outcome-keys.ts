import { useEffect, useState } from 'react';

const KEY_GRACE_MS = 1200;

/**
 * Enter or Escape leaves an outcome screen. A key pressed for the screen before (Enter to
 * confirm a cancel just as the payment arrived) must not dismiss this outcome unseen: keys
 * count only after a short moment. The counts are returned so the element can say whether
 * keys count yet and how many it ignored, and a test waits for that instead of sleeping.
 */
export function useOutcomeKeys(screenKey: string, onLeave: () => void): { keysReady: boolean; ignoredKeys: number } {
  const [keysReady, setKeysReady] = useState(false);
  const [ignoredKeys, setIgnoredKeys] = useState(0);
  useEffect(() => {
    setKeysReady(false);
    const id = setTimeout(() => setKeysReady(true), KEY_GRACE_MS);
    return () => clearTimeout(id);
  }, [screenKey]);

  useEffect(() => {
    const onKey = (ev: KeyboardEvent) => {
      if (ev.repeat) return;
      if (ev.key !== 'Enter' && ev.key !== 'Escape') return;
      if (ev.key === 'Enter' && ev.target instanceof HTMLButtonElement) return;
      if (!keysReady) {
        setIgnoredKeys((n) => n + 1);
        return;
      }
      ev.preventDefault();
      onLeave();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  return { keysReady, ignoredKeys };
}
