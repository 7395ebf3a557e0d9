// Baseline for the live-room benchmark: a bare `ws` server that broadcasts every text message it receives
// to every connected socket, serialised once — the least work a room can do per step.
import { createServer } from "node:http";
import { WebSocketServer } from "ws";

const port = Number(process.argv[2]);
if (!port) throw new Error("usage: bare-ws.ts PORT");
const server = createServer((_request, response) => response.end("ok"));
const wss = new WebSocketServer({ server, perMessageDeflate: false });
wss.on("connection", (socket) => {
  socket.send('{"type":"snapshot"}');
  socket.on("message", (data, isBinary) => {
    if (isBinary) return;
    const payload = Buffer.isBuffer(data) ? data : Buffer.from(String(data));
    for (const client of wss.clients) client.send(payload, { binary: false });
  });
});
server.listen(port, "127.0.0.1");
