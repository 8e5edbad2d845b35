import { NextRequest } from "next/server";

// Request bodies are read with a cap BEFORE anything parses them: a declared Content-Length over the limit is
// refused without reading, and a streamed body is cut off as soon as it passes the limit. One client's 80 MB
// post can no longer hold the event loop (and everyone's requests) while it is parsed.

export function payloadTooLarge(maxBytes: number): Response {
  return Response.json(
    { error: { message: `The request body is larger than ${Math.round(maxBytes / 1024)} KB.` } },
    { status: 413, headers: { connection: "close" } },
  );
}

/** The body's bytes, or a 413/400 answer when it is over maxBytes or unreadable. */
export async function readBodyWithin(req: Request, maxBytes: number): Promise<{ body: Uint8Array<ArrayBuffer> } | { response: Response }> {
  const declared = req.headers.get("content-length");
  if (declared !== null) {
    const length = Number(declared);
    if (!Number.isSafeInteger(length) || length < 0) {
      return { response: Response.json({ error: { message: "Invalid Content-Length." } }, { status: 400 }) };
    }
    if (length > maxBytes) {
      await req.body?.cancel().catch(() => {});
      return { response: payloadTooLarge(maxBytes) };
    }
  }
  if (!req.body) return { body: new Uint8Array(0) };
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => {});
        return { response: payloadTooLarge(maxBytes) };
      }
      chunks.push(value);
    }
  } catch {
    return { response: Response.json({ error: { message: "The request body could not be read." } }, { status: 400 }) };
  }
  const body = new Uint8Array(new ArrayBuffer(total));
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { body };
}

/** The same request with its body already read (the handler downstream reads it again, from memory). */
export function withBody(req: Request, body: Uint8Array<ArrayBuffer>): NextRequest {
  return new NextRequest(req.url, { method: req.method, headers: req.headers, body: body.byteLength ? body : null, signal: req.signal });
}
