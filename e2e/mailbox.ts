import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { E2E_PORT } from "../playwright.config.ts";

export const MAIL_DIR = path.resolve(`.test-data/e2e-${E2E_PORT}/mail`);

export type ReceivedMail = { to: string; subject: string; text: string; receivedAt: number };

/** A real SMTP server for the e2e run; each received message is filed as JSON for the specs to read. */
export async function startMailbox(port: number): Promise<() => Promise<void>> {
  await mkdir(MAIL_DIR, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(", ") : (mail.to?.text ?? "");
          const record: ReceivedMail = {
            to,
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            receivedAt: Date.now(),
          };
          count += 1;
          await writeFile(path.join(MAIL_DIR, `${Date.now()}-${count}.json`), JSON.stringify(record));
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

/** Waits for the newest message to `address` received after `since`, as a person waits for their inbox. */
export async function waitForMail(address: string, since: number, timeoutMs = 15_000): Promise<ReceivedMail> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const files = (await readdir(MAIL_DIR)).sort().reverse();
    for (const file of files) {
      const mail = JSON.parse(await readFile(path.join(MAIL_DIR, file), "utf8")) as ReceivedMail;
      if (mail.receivedAt >= since && mail.to.includes(address)) return mail;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`No mail to ${address} arrived within ${timeoutMs} ms`);
}

/** The first link in a mail's text that starts with `prefix`. */
export function linkIn(mail: ReceivedMail, prefix: string): string {
  const match = mail.text.match(new RegExp(`${prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[^\\s)]+`));
  if (!match) throw new Error(`No link starting with ${prefix} in "${mail.subject}"`);
  return match[0];
}
