import { createServer, connect, type Server, type Socket } from 'node:net';

export type ProxyMode = 'pass' | 'refuse' | 'blackhole';

/**
 * A loopback TCP proxy between tills and the shop server, to cut them off in the ways a
 * shop's network does: `refuse` (nothing listens: connection refused), `blackhole` (the
 * connection opens and then nothing comes back), `dropAll()` (every open connection is
 * cut mid-request), and a new target port when the server restarts.
 */
export interface TcpProxy {
  readonly port: number;
  readonly url: string;
  setMode(mode: ProxyMode): Promise<void>;
  setTarget(port: number): void;
  dropAll(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  let target = targetPort;
  let mode: ProxyMode = 'pass';
  const sockets = new Set<Socket>();
  const track = (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => s.destroy());
  };
  const onConnection = (client: Socket) => {
    track(client);
    if (mode === 'blackhole') return;
    if (mode === 'refuse') {
      // Accepted in the moment before the listener closed: refused all the same.
      client.destroy();
      return;
    }
    const upstream = connect(target, '127.0.0.1');
    track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  };
  let server: Server = createServer(onConnection);
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server = createServer(onConnection);
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
    });
  const port = await listen(0);
  // close() stops accepting at once; its callback would also wait for every open
  // connection to end, and those are cut separately (dropAll), so it is not awaited.
  const stopListening = async () => {
    server.close();
  };
  const dropAll = () => {
    for (const s of sockets) s.destroy();
    sockets.clear();
  };
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    async setMode(next) {
      if (next === mode) return;
      if (mode === 'refuse') await listen(port);
      mode = next;
      if (next !== 'pass') dropAll();
      if (next === 'refuse') await stopListening();
    },
    setTarget(p) {
      target = p;
    },
    dropAll,
    async close() {
      dropAll();
      if (mode !== 'refuse') await stopListening();
    },
  };
}
