import { DISPLAY_IMAGE_MAX_BYTES } from '@shared/display-media';
import { fitWithin, QUALITY_STEPS, toBase64 } from './image-fit';

/**
 * Scales a picture the owner picked (a phone photo can be megabytes) to fit the customer
 * display and the size limit, re-encoded as WebP. Re-encoding also drops anything but the
 * pixels (metadata, a crafted payload). Returns base64, or null if it cannot be made small.
 */
export async function shrinkImage(file: Blob, maxSide: number): Promise<string | null> {
  const bitmap = await createImageBitmap(file);
  const size = fitWithin(bitmap.width, bitmap.height, maxSide);
  const canvas = new OffscreenCanvas(size.width, size.height);
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.drawImage(bitmap, 0, 0, size.width, size.height);
  bitmap.close();
  for (const quality of QUALITY_STEPS) {
    const blob = await canvas.convertToBlob({ type: 'image/webp', quality });
    if (blob.size <= DISPLAY_IMAGE_MAX_BYTES) return toBase64(new Uint8Array(await blob.arrayBuffer()));
  }
  return null;
}
