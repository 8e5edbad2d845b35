import { getSession, signIn, type SignInResponse } from "next-auth/react";

/**
 * Signs in with email and password without leaving the page. next-auth 4 answers a CSRF mismatch (its cookie
 * replaced by a concurrent request on a browser's very first visit) with `ok: true`, no error and a
 * `?csrf=true` URL, so success is judged by the session it leaves, and a refused token is tried once more
 * with the settled cookie.
 */
export async function signInWithPassword(email: string, password: string): Promise<SignInResponse | undefined> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const result = await signIn("credentials", { email, password, redirect: false });
    if (!result?.ok || result.error) return result;
    if (await getSession()) return result;
    if (!result.url?.includes("csrf=true")) break;
  }
  return { ok: false, status: 401, error: "CredentialsSignin", url: null };
}
