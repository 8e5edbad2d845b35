import { Suspense } from "react";
import { SignUpForm } from "~/features/auth/components/sign-up-form";

export const metadata = { title: "Create your account" };

export default function SignUpPage() {
  return (
    <Suspense>
      <SignUpForm />
    </Suspense>
  );
}
