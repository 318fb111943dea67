// Preloaded (node --import) into a build and every Node process it starts: any
// attempt to reach the network fails loudly, so a test proves the build is offline.
import net from "node:net";
import dns from "node:dns";

const refuse = (what) => {
  const error = new Error(`network access during the build: ${what}`);
  process.stderr.write(`${error.message}\n`);
  throw error;
};
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const options = typeof args[0] === "object" && args[0] !== null && !Array.isArray(args[0]) ? args[0] : undefined;
  const target = Array.isArray(args[0]) ? args[0][0] : options;
  // Unix sockets and pipes are local; anything with a port is the network.
  if (target && typeof target === "object" && "path" in target && target.path) return connect.apply(this, args);
  if (typeof args[0] === "string" && !/^\d+$/.test(args[0])) return connect.apply(this, args);
  return refuse(`connect ${JSON.stringify(target ?? args[0])}`);
};
dns.lookup = (host) => refuse(`DNS lookup of ${host}`);
globalThis.fetch = (input) => refuse(`fetch ${String(input)}`);
