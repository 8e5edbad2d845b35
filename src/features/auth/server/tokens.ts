import { createHash, randomBytes } from "node:crypto";
import type { AccountTokenPurpose, Prisma, PrismaClient } from "~/generated/prisma/client";

// Links mailed to people carry 256 random bits (base64url); the database keeps only their sha256, so a
// leaked database cannot be turned into working links.

type Db = PrismaClient | Prisma.TransactionClient;

export const TOKEN_LIFETIMES_MS = {
  INVITATION: 7 * 24 * 60 * 60 * 1000,
  PASSWORD_RESET: 60 * 60 * 1000,
  EMAIL_VERIFICATION: 24 * 60 * 60 * 1000,
} as const;

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

/** Shape check before touching the database: 32 bytes in base64url. */
export function isWellFormedToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

export async function issueAccountToken(db: Db, userId: string, purpose: AccountTokenPurpose): Promise<string> {
  const { token, tokenHash } = newToken();
  await db.accountToken.create({
    data: { userId, purpose, tokenHash, expiresAt: new Date(Date.now() + TOKEN_LIFETIMES_MS[purpose]) },
  });
  return token;
}

/**
 * Uses a token once: the conditional update succeeds for exactly one caller while the token is unused
 * and unexpired. Returns the token's user, or null for unknown, used, expired or wrong-purpose tokens.
 */
export async function consumeAccountToken(db: Db, token: string, purpose: AccountTokenPurpose): Promise<string | null> {
  if (!isWellFormedToken(token)) return null;
  const tokenHash = hashToken(token);
  const now = new Date();
  const { count } = await db.accountToken.updateMany({
    where: { tokenHash, purpose, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (count !== 1) return null;
  const row = await db.accountToken.findUnique({ where: { tokenHash }, select: { userId: true } });
  return row?.userId ?? null;
}
