import { VerifyEmail } from "~/features/auth/components/verify-email";

export const metadata = { title: "Confirm your email" };

export default async function VerifyEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return <VerifyEmail token={token} />;
}
