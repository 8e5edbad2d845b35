import "server-only";
import { logger } from "~/server/logger";
import { deliver, type SentMail } from "./transport";
import type { MailContent } from "./templates";

export { accountExistsMail, catalogShareMail, invitationMail, passwordResetMail, verificationMail } from "./templates";
export { mailFolder } from "./transport";

/** The public base URL for links in mails: APP_URL, else NEXTAUTH_URL, else the local dev server. */
export function appUrl(pathname: string): string {
  const base = process.env.APP_URL || process.env.NEXTAUTH_URL || "http://localhost:3000";
  return new URL(pathname.replace(/^\/+/, ""), base.endsWith("/") ? base : `${base}/`).toString();
}

/** Sends one mail; throws when delivery fails (callers decide whether that fails the request). */
export async function sendMail(to: string, content: MailContent, kind: string): Promise<SentMail> {
  try {
    const sent = await deliver({ to, ...content });
    logger.info("mail.sent", { kind, messageId: sent.messageId });
    return sent;
  } catch (error) {
    logger.error("mail.failed", { kind, error: (error as Error).message });
    throw error;
  }
}
