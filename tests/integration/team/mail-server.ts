import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

// A real SMTP server on loopback for tests: the app's nodemailer transport talks SMTP to it.

export type ReceivedMail = { to: string[]; raw: string; subject: string; text: string };

/** Undoes quoted-printable soft line breaks and escapes, enough to read links and subjects. */
function decodeQuotedPrintable(raw: string): string {
  return raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export async function startMailServer() {
  const mails: ReceivedMail[] = [];
  const waiters: Array<() => void> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    disableReverseLookup: true,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const text = decodeQuotedPrintable(raw);
        mails.push({
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
          raw,
          subject: /^Subject: (.*)$/m.exec(raw)?.[1]?.trim() ?? "",
          text,
        });
        waiters.splice(0).forEach((wake) => wake());
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;

  /** The newest mail to `to` (optionally matching), waiting up to 5 s for it to arrive. */
  async function waitForMail(to: string, match: (mail: ReceivedMail) => boolean = () => true, after = 0): Promise<ReceivedMail> {
    const deadline = Date.now() + 5_000;
    for (;;) {
      const found = mails.slice(after).reverse().find((mail) => mail.to.includes(to.toLowerCase()) && match(mail));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`No mail to ${to} arrived`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    waitForMail,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The token of the first link to /<kind>/<token> in a mail. */
export function linkToken(mail: ReceivedMail, kind: "invite" | "reset-password" | "verify-email"): string {
  const match = new RegExp(`https?://[^\\s"<>]+/${kind}/([A-Za-z0-9_-]{43})`).exec(mail.text);
  if (!match) throw new Error(`No ${kind} link in mail "${mail.subject}"`);
  return match[1]!;
}
