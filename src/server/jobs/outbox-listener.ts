import pg from "pg";
import { logger } from "@/server/logger";

export interface OutboxListener {
  close(): Promise<void>;
}

const RETRY_MS = [1000, 2000, 5000, 10_000, 30_000];

/**
 * Hears of each new pending e-mail, webhook delivery and payment event the moment its transaction
 * commits (`LISTEN` on each channel: the outbox's, the webhooks', the payment inbox's) on one
 * dedicated connection; each announcement goes to its channel's handler. A lost connection is
 * opened again with a growing delay; `onConnected` runs after every (re)connection, since
 * announcements made meanwhile are lost: the caller sweeps then. The announcement only wakes the
 * worker: the rows and the queue's jobs are what make the work durable.
 */
export function listenForChannels(
  databaseUrl: string,
  handlers: { channels: Record<string, (payload: string) => void>; onConnected: () => void },
): OutboxListener {
  let client: pg.Client | null = null;
  let timer: NodeJS.Timeout | null = null;
  let failures = 0;
  let closed = false;

  const retry = () => {
    if (closed || timer) return;
    const delay = RETRY_MS[Math.min(failures, RETRY_MS.length - 1)] ?? 30_000;
    failures++;
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, delay);
  };

  const connect = async () => {
    const c = new pg.Client({ connectionString: databaseUrl, application_name: "comptoir-jobs-listen" });
    client = c;
    c.on("notification", (msg) => {
      // Some announcements carry no payload (new webhook deliveries): the handler then sweeps.
      const handler = handlers.channels[msg.channel];
      if (handler) handler(msg.payload ?? "");
    });
    c.on("error", (e) => {
      if (!closed) logger.warn({ err: e.message }, "outbox listener connection lost");
    });
    c.on("end", () => {
      if (client === c) client = null;
      retry();
    });
    try {
      await c.connect();
      for (const channel of Object.keys(handlers.channels)) await c.query(`LISTEN ${channel}`);
      if (closed) {
        await c.end().catch(() => {});
        return;
      }
      failures = 0;
      handlers.onConnected();
    } catch (e) {
      if (!closed) logger.warn({ err: (e as Error).message }, "outbox listener could not connect");
      await c.end().catch(() => {});
      retry();
    }
  };

  void connect();
  return {
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      const c = client;
      client = null;
      await c?.end().catch(() => {});
    },
  };
}
