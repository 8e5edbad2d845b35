import { EventEmitter, on } from "node:events";
import pg from "pg";
import { serverEnv } from "~/server/env";
import { logger } from "~/server/logger";
import { ACCESS_CHANNEL, CHANNEL, type StudioEvent } from "./events";

const accessKey = (userId: string) => `access:${userId}`;

/**
 * One LISTEN connection per process, fanning notifications out to in-process subscribers by studio (and, on
 * the access channel, by user: a session or membership of theirs changed). Reconnects by itself after a
 * database restart.
 */
class RealtimeHub {
  private emitter = new EventEmitter();
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  /** Resolves once the hub is listening (so an event published right after is not missed). */
  ready(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      // LISTEN holds a session: never through a transaction pooler (see docs/scaling.md).
      connectionString: serverEnv().DIRECT_DATABASE_URL ?? serverEnv().DATABASE_URL,
      connectionTimeoutMillis: 2_000,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    client.on("error", (error) => {
      logger.warn("realtime.listen_error", { message: error.message });
      this.dropAndRetry(client);
    });
    client.on("end", () => this.dropAndRetry(client));
    client.on("notification", (message) => {
      if (message.channel === ACCESS_CHANNEL && message.payload) {
        this.emitter.emit(accessKey(message.payload));
        return;
      }
      if (message.channel !== CHANNEL || !message.payload) return;
      try {
        const event = JSON.parse(message.payload) as StudioEvent;
        this.emitter.emit(event.studioId, event);
      } catch {
        logger.warn("realtime.bad_payload");
      }
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    await client.query(`LISTEN ${ACCESS_CHANNEL}`);
    this.client = client;
  }

  private dropAndRetry(client: pg.Client) {
    if (this.client !== client && this.client !== null) return;
    this.client = null;
    client.removeAllListeners("end");
    void client.end().catch(() => {});
    if (this.closed || this.retryTimer || this.emitter.eventNames().length === 0) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.ready().catch(() => this.dropAndRetry(client));
    }, 1_000);
  }

  /** Events of one studio until the signal aborts. */
  async *events(studioId: string, signal: AbortSignal): AsyncGenerator<StudioEvent> {
    await this.ready();
    for await (const [event] of on(this.emitter, studioId, { signal })) {
      yield event as StudioEvent;
    }
  }

  /** Calls `listener` whenever a session or membership of this user changes; returns the unsubscribe. */
  onAccessChange(userId: string, listener: () => void): () => void {
    this.emitter.on(accessKey(userId), listener);
    return () => this.emitter.off(accessKey(userId), listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }
}

const globalForHub = globalThis as unknown as { benchflowRealtime?: RealtimeHub };

export function realtimeHub(): RealtimeHub {
  globalForHub.benchflowRealtime ??= new RealtimeHub();
  return globalForHub.benchflowRealtime;
}

export async function closeRealtimeHub(): Promise<void> {
  await globalForHub.benchflowRealtime?.close();
  globalForHub.benchflowRealtime = undefined;
}
