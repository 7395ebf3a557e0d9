// Baseline for the benchmarks: a bare Fastify route answering the same JSON from memory.
import { readFileSync } from "node:fs";
import Fastify from "fastify";

const [port, file] = process.argv.slice(2);
if (!port || !file) throw new Error("usage: bare-server.ts PORT JSON_FILE");
const body = readFileSync(file, "utf8");
const app = Fastify({ logger: false });
app.get("/page", async (_request, reply) => reply.type("application/json").send(body));
await app.listen({ port: Number(port), host: "127.0.0.1" });
console.log("ready");
