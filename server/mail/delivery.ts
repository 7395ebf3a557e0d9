import { and, eq, inArray, lte, sql } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import type { Db } from "../db/client.ts";
import { mailOutbox } from "../db/schema/index.ts";

const BATCH = 20;
const MAX_ATTEMPTS = 8;
const POLL_MS = 5_000;

type Logger = { warn: (obj: object, msg: string) => void };

/**
 * Sends queued mail over SMTP. Without SMTP_URL, queued mail is marked "kept" and stays readable in the
 * administrators' outbox. Rows are claimed with SKIP LOCKED, so several server processes can share the work.
 */
export class MailDelivery {
  private readonly db: Db;
  private readonly from: string;
  private readonly log: Logger;
  private readonly transport: Transporter | null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;

  constructor(db: Db, smtpUrl: string | undefined, from: string, log: Logger) {
    this.db = db;
    this.from = from;
    this.log = log;
    this.transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : null;
  }

  start(): void {
    this.timer = setInterval(() => this.kick(), POLL_MS);
    this.timer.unref();
    this.kick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
    this.transport?.close();
  }

  /** Delivers what is due now; called after a transaction that queued mail commits. */
  kick(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.drain()
      .catch((error: unknown) => this.log.warn({ err: error }, "mail delivery failed"))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          void this.kick();
        }
      });
    return this.running;
  }

  private async drain(): Promise<void> {
    for (;;) {
      const sent = await this.deliverBatch();
      if (sent < BATCH) return;
    }
  }

  private async deliverBatch(): Promise<number> {
    return this.db.transaction(async (tx) => {
      const due = await tx
        .select()
        .from(mailOutbox)
        .where(and(eq(mailOutbox.status, "pending"), lte(mailOutbox.nextAttemptAt, sql`now()`)))
        .orderBy(mailOutbox.nextAttemptAt)
        .limit(BATCH)
        .for("update", { skipLocked: true });
      if (due.length === 0) return 0;
      if (!this.transport) {
        const ids = due.map((m) => m.id);
        await tx.update(mailOutbox).set({ status: "kept" }).where(inArray(mailOutbox.id, ids));
        return due.length;
      }
      for (const mail of due) {
        try {
          await this.transport.sendMail({
            from: this.from,
            to: mail.to,
            subject: mail.subject,
            text: mail.text,
            html: mail.html,
          });
          await tx
            .update(mailOutbox)
            .set({ status: "sent", sentAt: sql`now()`, attempts: mail.attempts + 1 })
            .where(eq(mailOutbox.id, mail.id));
        } catch (error) {
          const attempts = mail.attempts + 1;
          const backoffSeconds = Math.min(3600, 2 ** attempts * 15);
          await tx
            .update(mailOutbox)
            .set({
              attempts,
              lastError: String(error).slice(0, 500),
              status: attempts >= MAX_ATTEMPTS ? "failed" : "pending",
              nextAttemptAt: sql`now() + make_interval(secs => ${backoffSeconds})`,
            })
            .where(eq(mailOutbox.id, mail.id));
        }
      }
      return due.length;
    });
  }
}
