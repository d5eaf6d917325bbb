import { connect, createServer, type Socket } from 'node:net';

/** A TCP proxy on 127.0.0.1 that a test can cut and restore: a network partition between two real processes. */
export interface TcpProxy {
  /** `http://127.0.0.1:<port>`: where clients connect instead of the target. */
  readonly endpoint: string;
  /** Drops every open connection and refuses new ones (they are closed on accept). */
  cut(): void;
  /** Lets connections through again. */
  restore(): void;
  close(): Promise<void>;
}

/** Starts a proxy to `127.0.0.1:<targetPort>` on a free port. */
export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  const open = new Set<Socket>();
  let isCut = false;
  const server = createServer((client) => {
    if (isCut) return void client.destroy();
    const upstream = connect(targetPort, '127.0.0.1');
    open.add(client).add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const cut = () => {
    isCut = true;
    for (const socket of open) socket.destroy();
    open.clear();
  };
  return {
    endpoint: `http://127.0.0.1:${port}`,
    cut,
    restore() {
      isCut = false;
    },
    close() {
      cut();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
