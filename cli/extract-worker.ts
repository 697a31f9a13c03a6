// An extraction worker: loads the pipeline once, then answers { id, input } messages with
// { id, result } or { id, error }.
import { parentPort, workerData } from "node:worker_threads";
import { type ExtractInput, loadPipeline } from "./extraction.ts";

if (!parentPort) throw new Error("extract-worker.ts runs as a worker thread");
const port = parentPort;
const extract = await loadPipeline((workerData as { module?: string } | null)?.module);
port.on("message", async (msg: { id: number; input: ExtractInput }) => {
  try {
    port.postMessage({ id: msg.id, result: await extract(msg.input) });
  } catch (err) {
    port.postMessage({ id: msg.id, error: err instanceof Error ? err.message : String(err) });
  }
});
port.postMessage({ ready: true });
