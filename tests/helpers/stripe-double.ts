import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

// A small Stripe API double on 127.0.0.1 for the real stripe-node SDK (pointed here with the host, port
// and protocol options). It answers the calls Benchflow makes, checks the key and required parameters the
// way Stripe does (400 invalid_request_error), honours Idempotency-Key on customer creation, and records
// every request with its form-encoded parameters flattened ("metadata[studioId]", "line_items[0][price]").

export type RecordedRequest = {
  method: string;
  path: string;
  params: Record<string, string>;
  headers: { authorization?: string; idempotencyKey?: string; stripeVersion?: string };
};

export type StripeDouble = {
  port: number;
  requests: RecordedRequest[];
  subscriptions: Map<string, Record<string, unknown>>;
  /** The next request to this path fails with this HTTP status and a Stripe error body. */
  failNext: (path: string, status: number) => void;
  reset: () => void;
  close: () => Promise<void>;
};

const REQUIRED: Record<string, string[]> = {
  "POST /v1/customers": [],
  "POST /v1/checkout/sessions": ["mode", "success_url", "line_items[0][price]"],
  "POST /v1/billing_portal/sessions": ["customer"],
};

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => resolve(body));
    req.on("error", reject);
  });
}

function stripeError(status: number, message: string, param?: string) {
  return { status, body: { error: { type: "invalid_request_error", message, param } } };
}

export async function startStripeDouble(options: { secretKey: string }): Promise<StripeDouble> {
  const requests: RecordedRequest[] = [];
  const subscriptions = new Map<string, Record<string, unknown>>();
  const customersByKey = new Map<string, Record<string, unknown>>();
  const failures = new Map<string, number>();
  let sequence = 0;

  function answer(method: string, path: string, params: Record<string, string>, idempotencyKey?: string) {
    const failure = failures.get(path);
    if (failure) {
      failures.delete(path);
      return stripeError(failure, "Injected failure from the Stripe double.");
    }
    const route = `${method} ${path}`;
    for (const name of REQUIRED[route] ?? []) {
      if (!params[name]) return stripeError(400, `Missing required param: ${name}.`, name);
    }
    sequence += 1;
    if (route === "POST /v1/customers") {
      const existing = idempotencyKey ? customersByKey.get(idempotencyKey) : undefined;
      if (existing) return { status: 200, body: existing };
      const metadata = Object.fromEntries(
        Object.entries(params).filter(([key]) => key.startsWith("metadata[")).map(([key, value]) => [key.slice(9, -1), value]),
      );
      const customer = { id: `cus_double_${sequence}`, object: "customer", email: params.email ?? null, name: params.name ?? null, metadata };
      if (idempotencyKey) customersByKey.set(idempotencyKey, customer);
      return { status: 200, body: customer };
    }
    if (route === "POST /v1/checkout/sessions") {
      if (params.mode === "subscription" && !params.customer && !params.customer_email) {
        return stripeError(400, "A customer is expected for this integration.", "customer");
      }
      return {
        status: 200,
        body: {
          id: `cs_test_double_${sequence}`,
          object: "checkout.session",
          mode: params.mode,
          customer: params.customer ?? null,
          client_reference_id: params.client_reference_id ?? null,
          url: `https://checkout.stripe.test/c/pay/cs_test_double_${sequence}`,
        },
      };
    }
    if (route === "POST /v1/billing_portal/sessions") {
      return {
        status: 200,
        body: { id: `bps_double_${sequence}`, object: "billing_portal.session", customer: params.customer, return_url: params.return_url, url: `https://billing.stripe.test/p/session/${sequence}` },
      };
    }
    const subscription = method === "GET" && path.match(/^\/v1\/subscriptions\/([^/]+)$/);
    if (subscription) {
      const found = subscriptions.get(decodeURIComponent(subscription[1]!));
      return found ? { status: 200, body: found } : stripeError(404, `No such subscription: '${subscription[1]}'`, "id");
    }
    return stripeError(404, `Unrecognized request URL (${method}: ${path}).`);
  }

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const raw = await readBody(req);
    const params = Object.fromEntries(new URLSearchParams(req.method === "GET" ? url.search : raw));
    const headers = {
      authorization: req.headers.authorization,
      idempotencyKey: req.headers["idempotency-key"] as string | undefined,
      stripeVersion: req.headers["stripe-version"] as string | undefined,
    };
    requests.push({ method: req.method ?? "GET", path: url.pathname, params, headers });
    const result =
      headers.authorization !== `Bearer ${options.secretKey}`
        ? stripeError(401, "Invalid API Key provided.")
        : answer(req.method ?? "GET", url.pathname, params, headers.idempotencyKey);
    res.writeHead(result.status, { "content-type": "application/json", "request-id": `req_double_${sequence}` });
    res.end(JSON.stringify(result.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));

  return {
    port: (server.address() as AddressInfo).port,
    requests,
    subscriptions,
    failNext: (path, status) => failures.set(path, status),
    reset: () => {
      requests.length = 0;
      failures.clear();
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
