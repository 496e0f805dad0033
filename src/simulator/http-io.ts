import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimAnswer } from './context';

/** A request body larger than this is refused: the simulator never buffers without bound. */
const MAX_BODY = 256 * 1024;

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** JSON or a form, as Pakasir accepts both; bad JSON is reported, not thrown, so a route can answer it. */
export function parseBody(text: string, contentType: string | undefined): { body: unknown; badJson: boolean } {
  if (text.trim() === '') return { body: null, badJson: false };
  if (contentType?.startsWith('application/x-www-form-urlencoded'))
    return { body: Object.fromEntries(new URLSearchParams(text)), badJson: false };
  try {
    return { body: JSON.parse(text), badJson: false };
  } catch {
    return { body: null, badJson: true };
  }
}

export function send(res: ServerResponse, answer: SimAnswer): void {
  const payload = answer.json !== undefined ? JSON.stringify(answer.json) : (answer.text ?? '');
  const type = answer.json !== undefined ? 'application/json' : (answer.contentType ?? 'text/plain; charset=utf-8');
  res.writeHead(answer.status, {
    'content-type': type,
    'content-length': Buffer.byteLength(payload),
    ...answer.headers,
  });
  res.end(payload);
}
