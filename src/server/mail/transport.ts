import "server-only";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { logger } from "~/server/logger";

// SMTP_URL set: real SMTP through nodemailer (smtp:// or smtps://, credentials in the URL).
// Unset: every mail is written as <time>-<id>.eml plus a .json summary under
// ${BENCHFLOW_DATA_DIR:-.data}/mail/ and its links are logged, so the local demo works without a server.

export type OutgoingMail = { to: string; subject: string; text: string; html: string };
export type SentMail = { messageId: string; file?: string };

const globalForMail = globalThis as unknown as { benchflowMail?: { url: string; transporter: Transporter } };

function smtpTransporter(url: string): Transporter {
  if (globalForMail.benchflowMail?.url !== url) {
    globalForMail.benchflowMail?.transporter.close();
    const transporter = nodemailer.createTransport(url, {
      // A slow server fails the request rather than holding its database transaction open.
      connectionTimeout: 5_000,
      greetingTimeout: 5_000,
      socketTimeout: 8_000,
    });
    globalForMail.benchflowMail = { url, transporter };
  }
  return globalForMail.benchflowMail.transporter;
}

export function mailFolder(): string {
  const dataDir =
    process.env.BENCHFLOW_DATA_DIR ??
    (process.env.NODE_ENV === "test" ? path.join(tmpdir(), `benchflow-test-${process.pid}`) : ".data");
  return path.resolve(dataDir, "mail");
}

export function mailFrom(): string {
  return process.env.MAIL_FROM || "Benchflow <no-reply@benchflow.local>";
}

let warnedNoSmtp = false;

async function writeToFolder(mail: OutgoingMail & { from: string }): Promise<SentMail> {
  const stream = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  const info = (await stream.sendMail(mail)) as { messageId: string; message: Buffer };
  const folder = mailFolder();
  mkdirSync(folder, { recursive: true });
  const base = `${new Date().toISOString().replace(/[:.]/g, "-")}-${info.messageId.replace(/[^a-zA-Z0-9]/g, "").slice(0, 16)}`;
  const links = [...mail.text.matchAll(/https?:\/\/\S+/g)].map((match) => match[0]);
  writeFileSync(path.join(folder, `${base}.eml`), info.message);
  // Written aside and renamed into place: whoever watches the folder (a developer's tool, the e2e specs) never reads
  // half a file.
  const json = path.join(folder, `${base}.json`);
  writeFileSync(`${json}.partial`, JSON.stringify({ to: mail.to, subject: mail.subject, links, text: mail.text }, null, 2));
  renameSync(`${json}.partial`, json);
  if (process.env.NODE_ENV === "production" && !warnedNoSmtp) {
    warnedNoSmtp = true;
    logger.warn("mail.no_smtp", { message: "SMTP_URL is not set: mails are written to files, not sent", folder });
  }
  if (process.env.NODE_ENV !== "test") {
    console.log(`[mail] to ${mail.to}: ${mail.subject}\n${links.map((link) => `  ${link}`).join("\n")}\n  saved in ${folder}`);
  }
  return { messageId: info.messageId, file: path.join(folder, `${base}.eml`) };
}

export async function deliver(mail: OutgoingMail): Promise<SentMail> {
  const message = { ...mail, from: mailFrom() };
  const url = process.env.SMTP_URL;
  if (!url) return writeToFolder(message);
  const info = (await smtpTransporter(url).sendMail(message)) as { messageId: string };
  return { messageId: info.messageId };
}
