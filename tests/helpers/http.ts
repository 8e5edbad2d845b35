import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";

// Calls the real route handlers (src/app/api/...) with Request objects, as Next.js does, with a session cookie
// that next-auth would have issued.

export async function sessionCookie(
  user: { id: string; email: string; sessionVersion?: number },
  claims: { loginAt?: number; jti?: string } = {},
): Promise<string> {
  const token = await encode({
    token: { sub: user.id, email: user.email, sv: user.sessionVersion ?? 0, loginAt: claims.loginAt ?? Date.now(), jti: claims.jti ?? randomUUID() },
    secret: process.env.NEXTAUTH_SECRET!,
    maxAge: 3600,
  });
  return `next-auth.session-token=${token}`;
}

/** A batched tRPC POST of several calls, in the wire format of httpBatchLink (superjson). */
export function trpcBatchPost(calls: Array<[path: string, input: unknown]>, options: { cookie?: string; headers?: Record<string, string> } = {}): Request {
  const body = Object.fromEntries(calls.map(([, input], index) => [index, { json: input }]));
  return new Request(`http://localhost/api/trpc/${calls.map(([path]) => path).join(",")}?batch=1`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(options.cookie ? { cookie: options.cookie } : {}), ...options.headers },
    body: JSON.stringify(body),
  });
}

/** A tRPC query (GET) of one procedure. */
export function trpcGet(path: string, input: unknown, options: { cookie?: string } = {}): Request {
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  return new Request(`http://localhost/api/trpc/${path}${query}`, { headers: options.cookie ? { cookie: options.cookie } : {} });
}

/** A request body that streams `total` bytes in chunks, counting how many were actually pulled. */
export function streamingBody(total: number, chunk = 64 * 1024): { body: ReadableStream<Uint8Array>; pulled: () => number } {
  let sent = 0;
  const piece = new Uint8Array(chunk).fill(0x20);
  return {
    body: new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= total) return controller.close();
        sent += chunk;
        controller.enqueue(piece);
      },
    }),
    pulled: () => sent,
  };
}
