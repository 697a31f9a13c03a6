// The bundled fixture articles ingested without output, as `kg start` ingests them (idempotent;
// article ids are the fixture paths): the API's tests and benchmark stand on this graph.
import type { Graph } from "../graph/driver.ts";
import { createExtractor, pipelineVersion } from "./extraction.ts";
import { type IngestSummary, runIngest } from "./ingest.ts";
import { maxArticleBytes } from "./readers.ts";

export async function ingestFixtures(graph: Graph, root: string): Promise<IngestSummary> {
  const extractor = await createExtractor(1);
  try {
    return await runIngest(
      { inputs: ["fixtures"], base: root, limit: maxArticleBytes() },
      {
        graph,
        extractor,
        pipeline: await pipelineVersion(),
        progress: () => ({ tick() {}, log() {}, setTotal() {}, stop() {} }),
      },
    );
  } finally {
    await extractor.close();
  }
}
