/**
 * The gateway's shards as @discordjs/ws's SimpleShardingStrategy makes them (given to discord.js as ClientOptions
 * `ws.buildStrategy`), except that every connection a shard lets go of keeps an 'error' listener.
 *
 * Why: @discordjs/ws `WebSocketShard.destroy` (packages/ws/src/ws/WebSocketShard.ts, 1.2.3 here, unchanged in 2.0.2)
 * closes the shard's connection only when it is OPEN, then sets `connection.onerror = null` whatever its state. A
 * connection still being made (CONNECTING: a reconnect in flight during a gateway outage, when the client is destroyed
 * at a stop or after a failed start attempt) is left with no 'error' listener at all, and its end (a reset, `ws`'s
 * `handshakeTimeout`) is emitted by `ws` (lib/websocket.js, `emitErrorAndClose`: `websocket.emit('error', err)`) on an
 * EventEmitter with none: Node throws it as an uncaught exception, which ends the service (discordjs/discord.js#7964 and
 * #10382 are this class; #8150 fixed it once in discord.js's own shard with a kept no-op handler). discord.js 14 takes
 * no WebSocket constructor, and the shard makes its socket with the `ws` class it imported, so the shard is where
 * this can be caught without patching `ws` for the whole process or catching every uncaught exception.
 */
import { EventEmitter } from 'node:events';
import {
  managerToFetchingStrategyOptions,
  SimpleContextFetchingStrategy,
  SimpleShardingStrategy,
  WebSocketShard,
  WebSocketShardEvents,
  type IContextFetchingStrategy,
  type IShardingStrategy,
  type WebSocketManager,
  type WebSocketShardDestroyOptions,
} from '@discordjs/ws';
import type { GatewaySendPayload } from 'discord-api-types/v10';
import type { Logger } from '../../log.js';
import { errorText } from '../../errors.js';

/** Connections that already have our listener (a shard may be destroyed twice before it connects again). */
const kept = new WeakSet<EventEmitter>();

/** Gives a connection its shard lets go of a listener of its own: whatever ends it later is logged, never thrown. */
function keepErrorListener(connection: EventEmitter, shardId: number, log: Logger): void {
  if (kept.has(connection)) return;
  kept.add(connection);
  connection.on('error', (e: unknown) => log.debug({ shard: shardId, err: errorText(e) }, 'a gateway connection its shard had let go of ended; nothing uses it'));
}

/**
 * A shard whose `destroy` first gives its current connection our listener. The connection is the shard's private
 * `connection` field (WebSocketShard.ts: set in `internalConnect`, read by `destroy`), read by name and checked to be
 * an EventEmitter (the `ws` WebSocket is one) rather than cast: another version that renamed it would leave the
 * connection as it was, and `discord-gateway-reset.test.ts` fails.
 */
class ShardKeepingErrorListeners extends WebSocketShard {
  constructor(
    strategy: IContextFetchingStrategy,
    id: number,
    private readonly log: Logger,
  ) {
    super(strategy, id);
  }

  override async destroy(options?: WebSocketShardDestroyOptions): Promise<void> {
    const connection: unknown = Reflect.get(this, 'connection');
    if (connection instanceof EventEmitter) keepErrorListener(connection, this.id, this.log);
    return super.destroy(options);
  }
}

/** Passes each of a shard's events on to the manager with its shard id, as SimpleShardingStrategy.spawn does. */
function relayEvents(shard: WebSocketShard, manager: WebSocketManager): void {
  const shardId = shard.id;
  shard.on(WebSocketShardEvents.Closed, (p) => manager.emit(WebSocketShardEvents.Closed, { ...p, shardId }));
  shard.on(WebSocketShardEvents.Debug, (p) => manager.emit(WebSocketShardEvents.Debug, { ...p, shardId }));
  shard.on(WebSocketShardEvents.Dispatch, (p) => manager.emit(WebSocketShardEvents.Dispatch, { ...p, shardId }));
  shard.on(WebSocketShardEvents.Error, (p) => manager.emit(WebSocketShardEvents.Error, { ...p, shardId }));
  shard.on(WebSocketShardEvents.Hello, () => manager.emit(WebSocketShardEvents.Hello, { shardId }));
  shard.on(WebSocketShardEvents.Ready, (p) => manager.emit(WebSocketShardEvents.Ready, { ...p, shardId }));
  shard.on(WebSocketShardEvents.Resumed, () => manager.emit(WebSocketShardEvents.Resumed, { shardId }));
  shard.on(WebSocketShardEvents.HeartbeatComplete, (p) => manager.emit(WebSocketShardEvents.HeartbeatComplete, { ...p, shardId }));
}

/** SimpleShardingStrategy (packages/ws/src/strategies/sharding/SimpleShardingStrategy.ts) with the shards above. */
export class ShardsKeepingErrorListeners implements IShardingStrategy {
  private readonly shards = new Map<number, WebSocketShard>();

  constructor(
    private readonly manager: WebSocketManager,
    private readonly log: Logger,
  ) {}

  async spawn(shardIds: number[]): Promise<void> {
    const options = await managerToFetchingStrategyOptions(this.manager);
    for (const shardId of shardIds) {
      const shard = new ShardKeepingErrorListeners(new SimpleContextFetchingStrategy(this.manager, options), shardId, this.log);
      relayEvents(shard, this.manager);
      this.shards.set(shardId, shard);
    }
  }

  async connect(): Promise<void> {
    await Promise.all([...this.shards.values()].map((shard) => shard.connect()));
  }

  async destroy(options?: Omit<WebSocketShardDestroyOptions, 'recover'>): Promise<void> {
    await Promise.all([...this.shards.values()].map((shard) => shard.destroy(options)));
    this.shards.clear();
  }

  async send(shardId: number, payload: GatewaySendPayload): Promise<void> {
    const shard = this.shards.get(shardId);
    if (!shard) throw new RangeError(`Shard ${shardId} not found`);
    return shard.send(payload);
  }

  /**
   * The shards' states in the Collection @discordjs/ws answers with: its own @discordjs/collection (2.x), not the one
   * discord.js exports (1.5), so it is taken from an empty SimpleShardingStrategy's answer rather than made here.
   */
  async fetchStatus(): Promise<Awaited<ReturnType<IShardingStrategy['fetchStatus']>>> {
    const status = await new SimpleShardingStrategy(this.manager).fetchStatus();
    for (const [id, shard] of this.shards) status.set(id, shard.status);
    return status;
  }
}
