import { TRPCError } from "@trpc/server";
import { Prisma, type PrismaClient } from "~/generated/prisma/client";
import { hashPassword } from "./password";
import type { SignUpInput } from "./schemas";

export async function signUp(db: PrismaClient, input: SignUpInput): Promise<{ id: string; email: string }> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.user.create({
      data: { email: input.email, name: input.name, passwordHash },
      select: { id: true, email: true },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new TRPCError({ code: "CONFLICT", message: "An account with this email already exists. Sign in instead." });
    }
    throw error;
  }
}
