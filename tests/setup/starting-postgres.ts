import { createServer, type Server, type Socket } from "node:net";

/**
 * A TCP server that answers every PostgreSQL connection the way a server still starting up does: an
 * ErrorResponse with SQLSTATE 57P03 ("the database system is starting up", or during crash recovery "... is not
 * yet accepting connections"), then it hangs up.
 */
export async function startingPostgres(message = "the database system is starting up"): Promise<{ url: (user: string) => string; close: () => Promise<void> }> {
  const field = (code: string, value: string) => Buffer.concat([Buffer.from(code), Buffer.from(value), Buffer.from([0])]);
  const fields = Buffer.concat([
    field("S", "FATAL"),
    field("V", "FATAL"),
    field("C", "57P03"),
    field("M", message),
    Buffer.from([0]),
  ]);
  const length = Buffer.alloc(4);
  length.writeInt32BE(fields.length + 4);
  const error = Buffer.concat([Buffer.from("E"), length, fields]);
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {});
    socket.once("data", () => socket.end(error));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: (user: string) => `postgresql://${user}:secret@127.0.0.1:${port}/benchflow`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
