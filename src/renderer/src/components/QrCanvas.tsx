import { useLayoutEffect, useMemo, useRef } from 'react';
import { encodeQr } from '../lib/qr-encode';
import { fitQr, paintModules } from '../lib/qr-image';

interface Props {
  text: string;
  /** Largest side in CSS pixels; the QR is shown at the biggest whole number of device pixels per module that fits. */
  size: number;
  label: string;
  testId: string;
}

/**
 * Draws the QR locally: the payload never leaves the machine for an image service. Error
 * correction M and a 4-module quiet zone, black on white with no logo, is what every QRIS
 * wallet scanner reads reliably from a screen.
 *
 * The canvas holds one pixel per module and the browser scales it up (`image-rendering:
 * pixelated` in the stylesheet) to a whole number of device pixels per module: every module
 * is the same crisp square for a camera, and showing a full-screen QR writes a few thousand
 * pixels instead of filling a million.
 */
export function QrCanvas({ text, size, label, testId }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  const code = useMemo(() => encodeQr(text), [text]);
  const fit = code ? fitQr(code.size, size, window.devicePixelRatio) : null;
  const modules = fit?.modules ?? 0;
  // A layout effect draws before the browser paints, so the QR appears in the same frame as
  // its screen instead of one frame later on an empty canvas.
  useLayoutEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!code || !ctx) return;
    const image = ctx.createImageData(modules, modules);
    paintModules(code.data, code.size, image.data);
    ctx.putImageData(image, 0, 0);
  }, [code, modules]);
  return (
    <canvas
      ref={ref}
      className={code ? 'qr' : 'qr qr-failed'}
      data-testid={testId}
      data-payload-length={text.length}
      role="img"
      aria-label={label}
      width={modules || undefined}
      height={modules || undefined}
      style={{ width: fit?.cssSide ?? size, height: fit?.cssSide ?? size }}
    />
  );
}
