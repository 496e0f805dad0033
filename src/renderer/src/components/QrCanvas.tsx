import QRCode from 'qrcode';
import { useLayoutEffect, useRef, useState } from 'react';

interface Props {
  text: string;
  /** Largest side in CSS pixels; the QR is drawn at the biggest whole number of pixels per module that fits. */
  size: number;
  label: string;
  testId: string;
}

const QUIET_ZONE = 4;

/**
 * Draws the QR locally: the payload never leaves the machine for an image service. Error
 * correction M and a 4-module quiet zone, black on white with no logo, is what every QRIS
 * wallet scanner reads reliably from a screen.
 *
 * Drawn with one rectangle per run of dark modules at a whole number of pixels per module:
 * every module has the same crisp size (no scaling blur for a camera), and a full-screen QR
 * takes a fraction of a millisecond instead of filling hundreds of thousands of pixels.
 */
export function QrCanvas({ text, size, label, testId }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [failed, setFailed] = useState(false);
  const [side, setSide] = useState(size);
  // A layout effect draws before the browser paints, so the QR appears in the same frame as
  // its screen instead of one frame later on an empty canvas.
  useLayoutEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    try {
      const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
      const n = qr.modules.size;
      const total = n + 2 * QUIET_ZONE;
      const scale = Math.max(1, Math.floor(size / total));
      const px = total * scale;
      canvas.width = px;
      canvas.height = px;
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no 2d context');
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, px, px);
      ctx.fillStyle = '#000000';
      const data = qr.modules.data;
      for (let row = 0; row < n; row++) {
        let col = 0;
        while (col < n) {
          if (!data[row * n + col]) {
            col += 1;
            continue;
          }
          const start = col;
          while (col < n && data[row * n + col]) col += 1;
          ctx.fillRect((QUIET_ZONE + start) * scale, (QUIET_ZONE + row) * scale, (col - start) * scale, scale);
        }
      }
      setSide(px);
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }, [text, size]);
  return (
    <canvas
      ref={ref}
      className={failed ? 'qr qr-failed' : 'qr'}
      data-testid={testId}
      data-payload-length={text.length}
      role="img"
      aria-label={label}
      style={{ width: side, height: side }}
    />
  );
}
