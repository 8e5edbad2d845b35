import { AsyncLocalStorage } from "node:async_hooks";
import { isIP } from "node:net";
import { serverEnv } from "~/server/env";

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

type PeerStore = AsyncLocalStorage<{ address: string | undefined }>;

/**
 * One store per process, found through the global symbol registry: the server runner (scripts/server.ts) and
 * the route handlers bundled by Next.js load separate copies of this module.
 */
function peerStore(): PeerStore {
  const slot = Symbol.for("benchflow.peer-address");
  const global = globalThis as Record<symbol, PeerStore | undefined>;
  global[slot] ??= new AsyncLocalStorage();
  return global[slot];
}

/** Runs a request's handling with its TCP peer's address in reach of clientIp (the server runner does this). */
export function runWithPeerAddress<T>(address: string | undefined, fn: () => T): T {
  return peerStore().run({ address }, fn);
}

/**
 * The TCP peer of the current request, as the server runner saw it; null outside it (a bare `next start`,
 * tests), where per-address limits are skipped.
 */
export function socketAddress(): string | null {
  return peerStore().getStore()?.address ?? null;
}

function expandIpv6(address: string): string[] {
  const [head = "", tail] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const middle = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill("0");
  return [...left, ...middle, ...right].map((group) => group.toLowerCase().replace(/^0+(?=.)/, ""));
}

/**
 * One key per client for rate limits: IPv4 as is (also when mapped into IPv6), IPv6 by its /64 — one
 * subscriber usually holds a whole /64, so single addresses would cost an attacker nothing.
 */
export function normalizeAddress(raw: string | null | undefined): string | null {
  const address = raw?.trim().replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  if (!address) return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  const family = isIP(address);
  if (family === 4) return address;
  if (family === 6) return `${expandIpv6(address).slice(0, 4).join(":")}::/64`;
  return null;
}

/**
 * The client's address. With no trusted proxy (TRUST_PROXY_HOPS=0, the default) it is the socket's peer and
 * X-Forwarded-For is ignored: anyone can send that header. Behind N proxies that each append the address they
 * received from, the client is the N-th entry from the right of [X-Forwarded-For..., peer]; entries further
 * left were written by the client and are never trusted.
 */
export function clientIp(
  headers: HeaderBag,
  options: { peer?: string | null; hops?: number } = {},
): string | null {
  const peer = options.peer !== undefined ? options.peer : socketAddress();
  const hops = options.hops ?? serverEnv().TRUST_PROXY_HOPS;
  if (peer === null) return null;
  if (hops === 0) return normalizeAddress(peer);
  const forwarded = (header(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  const chain = [...forwarded, peer];
  return normalizeAddress(chain[Math.max(0, chain.length - 1 - hops)]);
}
