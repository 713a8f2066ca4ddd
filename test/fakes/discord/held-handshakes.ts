/**
 * Gateway connections held in their opening handshake: the TCP connection accepted and the client's HTTP Upgrade read,
 * never answered (RFC 6455, 4.1: the client waits for the server's 101 before the connection is OPEN), until the test
 * resets them with a TCP RST: what a client meets when the gateway drops it mid-handshake in an outage (the CONNECTING
 * connection's `ECONNRESET`). What a test chooses is the moment: after the client has destroyed the shard the
 * connection belongs to (@discordjs/ws WebSocketShard.destroy leaves a CONNECTING connection open, with no error
 * handler: src/adapters/discord/gateway-shards.ts).
 */
import type { Socket } from 'node:net';

export class HeldHandshakes {
  /** While true, every new gateway connection is held in its handshake. */
  holding = false;
  private readonly sockets: Socket[] = [];

  /** Connections held now. */
  get count(): number {
    return this.sockets.length;
  }

  hold(socket: Socket): void {
    socket.on('error', () => undefined); // the client may end it first; the fake has nothing to say about that
    this.sockets.push(socket);
  }

  /** Resets every held connection (a TCP RST, `socket.resetAndDestroy()`), and stops holding new ones. */
  reset(): void {
    this.holding = false;
    for (const socket of this.sockets.splice(0)) socket.resetAndDestroy();
  }
}
