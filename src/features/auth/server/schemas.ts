import { z } from "zod";
import { isCommonPassword } from "./common-passwords";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .email({ message: "Enter a valid email address" })
  .max(254, { message: "Email is too long" });

export const newPasswordSchema = z
  .string()
  .min(8, { message: "Use at least 8 characters" })
  .max(128, { message: "Use at most 128 characters" })
  .refine((value) => !isCommonPassword(value), {
    message: "This password is too common; choose another",
  });

export const signUpInput = z.object({
  name: z.string().trim().min(1, { message: "Enter your name" }).max(100, { message: "Name is too long" }),
  email: emailSchema,
  password: newPasswordSchema,
  // Signing up from an invitation link: the link was mailed to this address, which proves it.
  inviteToken: z.string().trim().max(200).optional(),
});
export type SignUpInput = z.infer<typeof signUpInput>;

export const signInInput = z.object({
  email: emailSchema,
  password: z.string().min(1, { message: "Enter your password" }).max(128),
});

export const tokenSchema = z.string().trim().min(1).max(200);

export const requestPasswordResetInput = z.object({ email: emailSchema });
export const resetPasswordInput = z.object({ token: tokenSchema, password: newPasswordSchema });
export const verifyEmailInput = z.object({ token: tokenSchema });

// Services take (ctx, input) with these types.
export type SignInInput = z.infer<typeof signInInput>;
export type RequestPasswordResetInput = z.infer<typeof requestPasswordResetInput>;
export type ResetPasswordInput = z.infer<typeof resetPasswordInput>;
export type VerifyEmailInput = z.infer<typeof verifyEmailInput>;
