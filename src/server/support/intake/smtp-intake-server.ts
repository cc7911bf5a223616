import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from "smtp-server";
import { normaliseAddress } from "@/domain/support/inbound-email";
import type { RootDb } from "@/server/db/types";
import { logger } from "@/server/logger";
import { INBOUND_MAX_BYTES as SMTP_INTAKE_MAX_BYTES } from "@/server/support/intake/intake-config";
import { getSupportSettings } from "@/server/support/get-support-settings";
import { parseRawEmail } from "@/server/support/intake/parse-inbound-email";
import { NotADeskAddress, receiveSupportEmail } from "@/server/support/intake/receive-support-email";

// The support desk's SMTP door (docs/support-intake.md): the MTA that receives the provider's mail
// forwards the two desk addresses here. It speaks plain SMTP without authentication or TLS, so it
// binds to 127.0.0.1 by default; the MTA in front does TLS, spam filtering and the public MX.

export interface SmtpIntake {
  port: number;
  close(): Promise<void>;
}

/** An SMTP reply with its code: smtp-server sends `responseCode` and the message to the client. */
function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

/** Reads the DATA stream; null when it went over the size limit (the rest is drained, not kept). */
function readMessage(stream: SMTPServerDataStream): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on("data", (c: Buffer) => {
      if (!stream.sizeExceeded) chunks.push(c);
    });
    stream.on("end", () => resolve(stream.sizeExceeded ? null : Buffer.concat(chunks)));
    stream.on("error", reject);
  });
}

/**
 * Starts the listener. RCPT TO is accepted only for the desk's two addresses (any case), else 550;
 * each message goes through `receiveSupportEmail` before the final reply, so a 250 means it is in
 * the database. Any failure answers 451: the sending MTA keeps the message and retries later (the
 * Message-ID makes a retry of a message that was in fact stored harmless).
 */
export async function startSmtpIntake(db: RootDb, opts: { port: number; host: string; now?: () => Date }): Promise<SmtpIntake> {
  const now = opts.now ?? (() => new Date());
  const server = new SMTPServer({
    name: "comptoir-support-intake",
    banner: "Comptoir support desk",
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    size: SMTP_INTAKE_MAX_BYTES,
    hideSize: false,
    logger: false,
    onRcptTo(address, _session, callback) {
      getSupportSettings(db)
        .then((settings) => {
          const desk = [settings.regularAddress, settings.urgentAddress].map(normaliseAddress);
          if (desk.includes(normaliseAddress(address.address))) return callback();
          callback(smtpError(550, "5.1.1 No such support address here"));
        })
        .catch((e: unknown) => {
          logger.error({ err: (e as Error).message }, "support intake: could not read the desk addresses");
          callback(smtpError(451, "4.3.0 Temporary failure, please retry later"));
        });
    },
    onData(stream, session: SMTPServerSession, callback) {
      const arrivedAt = now();
      readMessage(stream)
        .then(async (raw) => {
          if (!raw) return callback(smtpError(552, `5.3.4 Message too big: at most ${SMTP_INTAKE_MAX_BYTES / 1024 / 1024} MB`));
          const recipients = session.envelope.rcptTo.map((r) => r.address);
          const message = await parseRawEmail(raw, recipients);
          const result = await receiveSupportEmail(db, message, arrivedAt, now());
          logger.info({ outcome: result.outcome, duplicate: !result.accepted, inboundEmailId: result.inboundEmailId }, "support intake: message received");
          callback();
        })
        .catch((e: unknown) => {
          if (e instanceof NotADeskAddress) return callback(smtpError(550, "5.1.1 No such support address here"));
          logger.error({ err: (e as Error).message }, "support intake: could not store a message; the sender will retry");
          callback(smtpError(451, "4.3.0 Temporary failure, please retry later"));
        });
    },
  });
  server.on("error", (e) => logger.error({ err: e.message }, "support intake: SMTP server error"));
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(opts.port, opts.host, () => {
      server.server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.server.address() as AddressInfo;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
