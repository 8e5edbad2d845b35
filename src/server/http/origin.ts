/**
 * Mutations must come from our own pages: the Origin (sent by browsers on every POST) must match the
 * host, and the body must be JSON — a cross-site <form> can post form-data or text/plain, not JSON.
 */
export function isSameOriginMutation(req: Request): boolean {
  const contentType = req.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("application/json")) return false;
  const origin = req.headers.get("origin");
  if (!origin) return true; // non-browser clients; browsers always send Origin on POST
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
