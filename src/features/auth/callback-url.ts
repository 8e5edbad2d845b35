// Where to go after signing in: only a path on this site. Shared by the sign-in/sign-up forms and next-auth's
// redirect callback.

const PROBE_ORIGIN = "https://benchflow.invalid";

/**
 * The same-site path in `value`, or null. Refuses anything a browser could read as another origin: "//host",
 * "/\host", and control characters or whitespace, which browsers strip from URLs ("/\t/evil.example" becomes
 * "//evil.example"). The answer is rebuilt from the parsed URL, so what is followed is what was checked.
 */
export function safeCallbackUrl(value: string | null | undefined): string | null {
  if (!value || !value.startsWith("/") || /[\u0000-\u0020\u007f\\]/.test(value) || value.startsWith("//")) return null;
  try {
    const url = new URL(value, PROBE_ORIGIN);
    if (url.origin !== PROBE_ORIGIN) return null;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return null;
  }
}
