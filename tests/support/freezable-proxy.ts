/**
 * A TCP forwarder that can freeze, as a network partition does: while frozen, connections stay
 * open and nothing is refused, but no byte goes through either way, and new connections are
 * accepted and left hanging. Thawed, bytes held back flow again. Put in front of PostgreSQL, it
 * shows what the bot does when its database stops answering without saying so.
 */
import net from 'node:net';

export class FreezableProxy {
  private server?: net.Server;
  private frozen = false;
  private readonly sockets = new Set<net.Socket>();
  /** Bytes held back while frozen, each with where it goes. */
  private held: [to: net.Socket, chunk: Buffer][] = [];
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  /** Starts listening on a free loopback port; resolves to it. */
  async start(): Promise<number> {
    this.server = net.createServer((client) => this.accept(client));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as net.AddressInfo).port;
  }

  freeze(): void {
    this.frozen = true;
  }

  thaw(): void {
    this.frozen = false;
    for (const [to, chunk] of this.held.splice(0)) if (!to.destroyed) to.write(chunk);
    for (const go of this.waiting.splice(0)) go();
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private track(socket: net.Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  }

  /** Forwards `from`'s bytes to `to`, holding them back while frozen. */
  private forward(from: net.Socket, to: net.Socket): void {
    from.on('data', (chunk: Buffer) => {
      if (this.frozen) this.held.push([to, chunk]);
      else to.write(chunk);
    });
    from.on('close', () => to.destroy());
  }

  private accept(client: net.Socket): void {
    this.track(client);
    const early: Buffer[] = [];
    const keep = (chunk: Buffer) => early.push(chunk);
    client.on('data', keep);
    const connect = () => {
      const upstream = net.connect(this.targetPort, this.targetHost);
      this.track(upstream);
      client.off('data', keep);
      for (const chunk of early) upstream.write(chunk);
      this.forward(client, upstream);
      this.forward(upstream, client);
    };
    if (this.frozen) this.waiting.push(connect);
    else connect();
  }
}
