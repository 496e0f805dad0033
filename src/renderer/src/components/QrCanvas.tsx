import QRCode from 'qrcode';
import { useEffect, useRef, useState } from 'react';

interface Props {
  text: string;
  /** Side in CSS pixels. */
  size: number;
  label: string;
  testId: string;
}

/**
 * Draws the QR locally: the payload never leaves the machine for an image service. Error
 * correction M and a 4-module quiet zone, black on white with no logo, is what every QRIS
 * wallet scanner reads reliably from a screen.
 */
export function QrCanvas({ text, size, label, testId }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    setFailed(false);
    QRCode.toCanvas(canvas, text, {
      errorCorrectionLevel: 'M',
      margin: 4,
      width: size,
      color: { dark: '#000000ff', light: '#ffffffff' },
    }).catch(() => setFailed(true));
  }, [text, size]);
  return (
    <canvas
      ref={ref}
      className={failed ? 'qr qr-failed' : 'qr'}
      data-testid={testId}
      data-payload-length={text.length}
      role="img"
      aria-label={label}
      width={size}
      height={size}
    />
  );
}
