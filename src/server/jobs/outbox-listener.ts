import pg from "pg";
import { logger } from "@/server/logger";
import { OUTBOX_CHANNEL } from "@/server/mail/outbox-repository";
import { WEBHOOK_CHANNEL } from "@/server/webhooks/webhook-repository";

export interface OutboxListener {
  close(): Promise<void>;
}

const RETRY_MS = [1000, 2000, 5000, 10_000, 30_000];

/**
 * Hears of each new pending e-mail the moment its transaction commits (`LISTEN comptoir_outbox`, see
 * insertOutboundEmail) on one dedicated connection. A lost connection is opened again with a growing
 * delay; `onConnected` runs after every (re)connection, since announcements made meanwhile are lost:
 * the caller sweeps the outbox then. The announcement only wakes the worker: the outbox row and the
 * queue's job are what make delivery durable.
 */
export function listenForOutboxEmails(
  databaseUrl: string,
  handlers: { onEmail: (emailId: string) => void; onConnected: () => void; /** New webhook deliveries committed (ADR 0016). */ onWebhooks?: () => void },
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
      if (msg.channel === OUTBOX_CHANNEL && msg.payload) handlers.onEmail(msg.payload);
      if (msg.channel === WEBHOOK_CHANNEL) handlers.onWebhooks?.();
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
      await c.query(`LISTEN ${OUTBOX_CHANNEL}`);
      await c.query(`LISTEN ${WEBHOOK_CHANNEL}`);
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
