import net from "node:net";

export interface TcpProxy {
  /** The port the app connects to (127.0.0.1). */
  readonly port: number;
  /** Connections accepted and passed on so far. */
  readonly accepted: number;
  /**
   * What a stopped database looks like to the app: the port stops listening (new connections are refused,
   * ECONNREFUSED) and every open connection is reset. Resolves once both are true.
   */
  cut(): Promise<void>;
  /** Listens on the same port again; new connections reach the database. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

function listen(server: net.Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once("error", onError);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", onError);
      resolve();
    });
  });
}

/** A TCP relay on 127.0.0.1 to `target` that can be cut and restored, to simulate a database outage. */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<net.Socket>();
  let accepted = 0;

  const relay = (client: net.Socket) => {
    accepted += 1;
    const upstream = net.connect(target.port, target.host);
    open.add(client);
    open.add(upstream);
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    client.pipe(upstream);
    upstream.pipe(client);
    // Either side going away takes the other with it, with a reset as a crashed server would.
    const teardown = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on("error", teardown).on("close", teardown);
    upstream.on("error", teardown).on("close", teardown);
  };

  let server = net.createServer(relay);
  await listen(server, 0);
  const port = (server.address() as net.AddressInfo).port;
  let listening = true;

  const stopListening = () =>
    new Promise<void>((resolve) => {
      if (!listening) return resolve();
      listening = false;
      server.close(() => resolve());
      // close() waits for accepted connections to end: reset them now instead.
      for (const socket of open) socket.resetAndDestroy();
    });

  return {
    port,
    get accepted() {
      return accepted;
    },
    cut: stopListening,
    async restore() {
      if (listening) return;
      server = net.createServer(relay);
      await listen(server, port);
      listening = true;
    },
    close: stopListening,
  };
}
