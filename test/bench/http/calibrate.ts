// The yardstick: a bare node:http server answering every request with the same 20 KB of HTML,
// driven exactly as the app is. Its requests per second say what this machine, this Node and this
// load generator can do at all, so each scenario is also shown as a fraction of it, a figure that
// moves less between machines than raw requests per second.
//
// This file is both the child process (when CALIBRATION_SERVER=1) and the parent's way to start it.
import http from "node:http";
import { fileURLToPath } from "node:url";
import { startServer, type RunningServer } from "./server";

export const CALIBRATION_BODY_BYTES = 20 * 1024;

export function startCalibrationServer(): Promise<RunningServer> {
  return startServer(["--import", "tsx", fileURLToPath(import.meta.url)], { CALIBRATION_SERVER: "1" });
}

if (process.env.CALIBRATION_SERVER === "1") {
  const paragraph = "<p>Peerdesk calibration page: a fixed body of plain HTML, as large as a typical page.</p>\n";
  const html = `<!DOCTYPE html><html><head><title>Calibration</title></head><body>\n${paragraph.repeat(Math.ceil(CALIBRATION_BODY_BYTES / paragraph.length))}`.slice(0, CALIBRATION_BODY_BYTES - 15) + "</body></html>\n";
  const body = Buffer.from(html);
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": body.length });
    response.end(body);
  });
  server.keepAliveTimeout = 65_000;
  server.listen(Number(process.env.PORT), "127.0.0.1");
  process.on("SIGTERM", () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
}
