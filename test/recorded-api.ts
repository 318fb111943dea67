import http from "node:http";
import type { AddressInfo } from "node:net";

/** One answer the recorded API gives: a status, a body, and how long it takes to start answering. */
export interface RecordedReply {
  status?: number;
  body: string;
  delayMs?: number;
}

/**
 * A stand-in for https://huggingface.co/api/daily_papers on 127.0.0.1: each
 * date answers with its recorded replies in turn (the last one repeats), so a
 * test can script a 500 before a success, a day that grows, or a hang.
 */
export async function startRecordedApi(
  replies: Record<string, RecordedReply[]>,
): Promise<{ api: string; requests: string[]; close: () => Promise<void> }> {
  const requests: string[] = [];
  const served = new Map<string, number>();
  const sockets = new Set<import("node:net").Socket>();
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const date = url.searchParams.get("date") ?? "";
    requests.push(date);
    const script = url.pathname === "/api/daily_papers" ? replies[date] : undefined;
    if (!script || script.length === 0) {
      response.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: `nothing recorded for ${date}` }));
      return;
    }
    const index = served.get(date) ?? 0;
    served.set(date, index + 1);
    const reply = script[Math.min(index, script.length - 1)]!;
    const answer = () => {
      if (response.destroyed) return;
      response.writeHead(reply.status ?? 200, { "content-type": "application/json" }).end(reply.body);
    };
    if (reply.delayMs) setTimeout(answer, reply.delayMs);
    else answer();
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    api: `http://127.0.0.1:${port}/api/daily_papers`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
