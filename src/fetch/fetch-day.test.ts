import { describe, expect, it } from "vitest";
import { fetchDay } from "./fetch-day.ts";

const policy = { timeoutMs: 50, retries: 2, backoffMs: 100 };

/** A fetch that answers from a script, one reply (or thrown error) per call. */
function scripted(replies: (Response | Error)[]) {
  const calls: string[] = [];
  const fetch = (async (url: string) => {
    calls.push(url);
    const reply = replies[Math.min(calls.length - 1, replies.length - 1)]!;
    if (reply instanceof Error) throw reply;
    return reply;
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}
const timeout = () => Object.assign(new Error("timed out"), { name: "TimeoutError" });

describe("fetchDay", () => {
  it.each([
    { name: "a success", replies: [new Response("[]")], ok: true, calls: 1, waits: [] },
    { name: "a 500 then a success", replies: [new Response("x", { status: 500 }), new Response("[]")], ok: true, calls: 2, waits: [100] },
    {
      name: "a 429 then a timeout then a success",
      replies: [new Response("x", { status: 429 }), timeout(), new Response("[]")],
      ok: true,
      calls: 3,
      waits: [100, 200],
    },
    {
      name: "a 404, not retried",
      replies: [new Response("x", { status: 404, statusText: "Not Found" })],
      ok: false,
      calls: 1,
      waits: [],
      message: "HTTP 404 Not Found",
    },
    {
      name: "timeouts throughout",
      replies: [timeout()],
      ok: false,
      calls: 3,
      waits: [100, 200],
      message: "no answer within 0.05 s after 3 attempts",
    },
    {
      name: "a refused connection throughout",
      replies: [Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } })],
      ok: false,
      calls: 3,
      waits: [100, 200],
      message: "cannot connect (ECONNREFUSED) after 3 attempts",
    },
  ])("$name", async ({ replies, ok, calls, waits, message }) => {
    const script = scripted(replies);
    const waited: number[] = [];
    const result = await fetchDay("http://127.0.0.1:9/api/daily_papers", "2026-05-11", policy, {
      fetch: script.fetch,
      sleep: async (ms) => void waited.push(ms),
      log: () => {},
    });
    expect(result.ok).toBe(ok);
    if (!result.ok) expect(result.message).toBe(message);
    expect(script.calls).toEqual(Array(calls).fill("http://127.0.0.1:9/api/daily_papers?date=2026-05-11"));
    expect(waited).toEqual(waits);
  });
});
