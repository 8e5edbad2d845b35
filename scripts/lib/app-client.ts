// A small HTTP client of a running Benchflow server (one instance or the cluster's balancer), as a browser
// would talk to it: next-auth's credentials sign-in, tRPC queries and mutations in the superjson wire format,
// and live feeds over server-sent events. Used by perf:api and the cluster tests.

export type TrpcResult = { status: number; body: unknown; servedBy: string | null; data: unknown };

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((header) => header.split(";")[0]!);
}

export type SignInResult = { status: number; cookie: string | null; servedBy: string | null };

/** next-auth credentials sign-in: csrf token (and its cookie), then the callback. */
export async function signIn(origin: string, email: string, password: string, headers: Record<string, string> = {}): Promise<SignInResult> {
  const csrf = await fetch(`${origin}/api/auth/csrf`, { headers });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const response = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { ...headers, "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; "), origin },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  await response.arrayBuffer();
  const all = [...jar, ...cookiesOf(response)];
  return {
    status: response.status,
    cookie: all.some((cookie) => cookie.includes("session-token=")) ? all.join("; ") : null,
    servedBy: response.headers.get("x-served-by"),
  };
}

async function result(response: Response): Promise<TrpcResult> {
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON (a balancer's error page)
  }
  const data = (body as { result?: { data?: { json?: unknown } } } | null)?.result?.data?.json;
  return { status: response.status, body, servedBy: response.headers.get("x-served-by"), data };
}

export async function trpcQuery(origin: string, cookie: string, procedure: string, input: unknown): Promise<TrpcResult> {
  const url = `${origin}/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  return result(await fetch(url, { headers: { cookie } }));
}

export async function trpcMutation(origin: string, cookie: string, procedure: string, input: unknown): Promise<TrpcResult> {
  const response = await fetch(`${origin}/api/trpc/${procedure}`, {
    method: "POST",
    headers: { cookie, "content-type": "application/json", origin },
    body: JSON.stringify({ json: input }),
  });
  return result(response);
}

/** The tRPC error code of a failed call (e.g. "CONFLICT"), or null. */
export function trpcErrorCode(outcome: TrpcResult): string | null {
  const code = (outcome.body as { error?: { json?: { data?: { code?: string } } } } | null)?.error?.json?.data?.code;
  return code ?? null;
}

export type LiveFeed = { events: unknown[]; servedBy: string | null; close: () => void };

/** Opens a subscription over SSE and collects its data events until closed. Resolves once the stream is open. */
export async function openLiveFeed(origin: string, cookie: string, procedure: string, input: unknown): Promise<LiveFeed> {
  const controller = new AbortController();
  const url = `${origin}/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const response = await fetch(url, { headers: { cookie, accept: "text/event-stream" }, signal: controller.signal });
  if (!response.ok || !response.body) throw new Error(`${procedure} answered HTTP ${response.status}`);
  const events: unknown[] = [];
  const feed: LiveFeed = { events, servedBy: response.headers.get("x-served-by"), close: () => controller.abort() };
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = message.split("\n").filter((line) => line.startsWith("data:")).map((line) => line.slice(5).trim()).join("\n");
          const isData = !/^event:/m.test(message);
          if (data && isData) events.push((JSON.parse(data) as { json?: unknown }).json ?? JSON.parse(data));
        }
      }
    } catch {
      // aborted
    }
  })();
  return feed;
}
