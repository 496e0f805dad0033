import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { WebSocketServer } from 'ws';
import type { Simulator } from '../src/simulator/simulator';
import type { QuietBrowser } from './lib/quiet-browser';
import type { ChargePages } from './sale-in-browser';

/**
 * The peer for charge to QR: the least a counter can do for the same job on the same rig.
 * Two pages (a button and a canvas; a canvas), a plain Node HTTP server, the same loopback
 * WebSocket for the charge and the same socket's messages to both windows, the same simulator's
 * v2 create, and the same QR library drawn the same way (one pixel per module, scaled by the
 * browser). What it leaves out is what the app adds: no journal, no checks of the input or of
 * Pakasir's answer, no framework, no screens. Its time is the floor this machine and this
 * transport allow; the app's ratio to it is what the app's own work costs.
 */
export interface BareCounter extends ChargePages {
  close(): Promise<void>;
}

/** The pages' shared code: the app's own QR sizing and painting, bundled with the QR library. */
async function pageScript(root: string): Promise<string> {
  const out = await build({
    stdin: {
      contents: `import QRCode from 'qrcode';
import { fitQr, paintModules } from './src/renderer/src/lib/qr-image';
window.bare = { QRCode, fitQr, paintModules };`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

function page(script: string, testId: string, side: number, withButton: boolean): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>
body{margin:0;font:16px sans-serif}canvas{display:block;image-rendering:pixelated;background:#fff}button{font-size:24px;padding:16px}
</style></head><body>
${withButton ? '<button data-testid="charge">Bayar</button>' : ''}
<canvas data-testid="${testId}"></canvas>
<script>${script}</script>
<script>
const canvas = document.querySelector('canvas');
function draw(text) {
  const { modules } = bare.QRCode.create(text, { errorCorrectionLevel: 'M' });
  const fit = bare.fitQr(modules.size, ${side}, devicePixelRatio);
  canvas.width = fit.modules;
  canvas.height = fit.modules;
  canvas.style.width = canvas.style.height = fit.cssSide + 'px';
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(fit.modules, fit.modules);
  bare.paintModules(modules.data, modules.size, image.data);
  ctx.putImageData(image, 0, 0);
}
const socket = new WebSocket('ws://' + location.host + '/socket');
socket.addEventListener('message', (ev) => draw(JSON.parse(ev.data).qr));
${
  withButton
    ? `document.querySelector('button').addEventListener('click', () => {
  socket.send(JSON.stringify({ amount: 25000 }));
});`
    : ''
}
</script></body></html>`;
}

/** Starts the bare counter against `sim` (its first project) and opens its two pages like the rig's. */
export async function startBareCounter(root: string, sim: Simulator, browser: QuietBrowser): Promise<BareCounter> {
  const script = await pageScript(root);
  const cashierHtml = page(script, 'qr', 340, true);
  const customerHtml = page(script, 'customer-qr', 800, false);
  const project = sim.projects[0]!;
  let orders = 0;
  const server: Server = createServer((req, res) => {
    if (req.method === 'GET' && (req.url === '/cashier' || req.url === '/customer')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return void res.end(req.url === '/cashier' ? cashierHtml : customerHtml);
    }
    res.writeHead(404).end();
  });
  const sockets = new WebSocketServer({ server, path: '/socket' });
  const charge = async (amount: number) => {
    orders += 1;
    const orderId = `BARE-${process.pid}-${orders}`;
    const answer = await fetch(`${sim.baseUrl}/api/v2/create-transaction/${project.slug}/${orderId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': project.apiKey },
      body: JSON.stringify({ method: 'qris', amount }),
    });
    const body = (await answer.json()) as { qr_string?: string; payment_number?: string };
    const qr = body.qr_string ?? body.payment_number;
    if (!qr) throw new Error(`the simulator's create gave no QR (HTTP ${answer.status})`);
    const text = JSON.stringify({ orderId, qr });
    for (const c of sockets.clients) c.send(text);
  };
  sockets.on('connection', (ws) => {
    ws.on('message', (data) => {
      const { amount } = JSON.parse(data.toString()) as { amount: number };
      void charge(amount).catch((err: unknown) => process.stderr.write(`bare counter: ${String(err)}\n`));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const cashier = await browser.newPage(`${base}/cashier`);
  const customer = await browser.newPage(`${base}/customer`, { width: 1920, height: 1080 });
  // Both windows listening before the first charge, as the app's are.
  while (sockets.clients.size < 2) await new Promise((resolve) => setTimeout(resolve, 20));
  const clocks = { cashier: await cashier.syncClock(), customer: await customer.syncClock() };
  return {
    cashier,
    customer,
    clocks,
    async close() {
      for (const c of sockets.clients) c.terminate();
      sockets.close();
      await cashier.close();
      await customer.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
