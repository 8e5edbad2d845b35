import { z } from "zod";
import { newPasswordSchema, signUpInput } from "~/features/auth/server/schemas";

export const updateNameInput = z.object({ name: signUpInput.shape.name });
export const changePasswordInput = z.object({
  currentPassword: z.string().min(1, { message: "Enter your current password" }).max(128),
  newPassword: newPasswordSchema,
});

// Services take (ctx, input) with these types.
export type UpdateNameInput = z.infer<typeof updateNameInput>;
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;
