// `kg models status [--json]`: which transformer NER model is configured, where it is looked
// for, what is there, and whether it loads. Exit code 0 when it loads, 1 when it does not.
import type { Command } from "commander";

export function register(program: Command): void {
  const models = program
    .command("models")
    .description("Inspect the transformer NER model (KG_NER_MODEL, KG_MODEL_DIR, KG_ALLOW_REMOTE_MODELS)");
  models
    .command("status")
    .description("Say which transformer NER model is configured, where it is looked for and whether it loads")
    .option("--json", "print the status as one JSON object")
    .option("--no-load", "only look at the files, do not load the model")
    .action(async (opts: { json?: boolean; load: boolean }) => {
      const { transformerConfig, locateModel, tryLoadTransformer } = await import("../transformer-model.ts");
      let cfg;
      try {
        cfg = transformerConfig();
      } catch (err) {
        process.stderr.write(`kg models status: ${(err as Error).message}\n`);
        process.exitCode = 2;
        return;
      }
      const loc = locateModel(cfg);
      const started = Date.now();
      const loaded = opts.load ? await tryLoadTransformer(cfg) : null;
      const status = {
        model: cfg.model,
        modelDir: cfg.modelDir,
        lookedFor: loc.dir,
        allowRemote: cfg.allowRemote,
        dtype: cfg.dtype,
        files: { "config.json": loc.config, "tokenizer.json": loc.tokenizer, onnx: loc.onnxFiles },
        loads: loaded === null ? null : loaded.ok,
        ...(loaded?.ok
          ? {
              loadedDtype: loaded.model.dtype,
              labels: loaded.model.labels,
              maxLength: loaded.model.classifier.maxLength,
              loadMs: Date.now() - started,
            }
          : {}),
        ...(loaded && !loaded.ok ? { error: loaded.error.message } : {}),
      };
      if (opts.json) process.stdout.write(JSON.stringify(status) + "\n");
      else {
        const yes = (b: boolean) => (b ? "yes" : "no");
        const lines = [
          `model:          ${status.model}  (KG_NER_MODEL)`,
          `model folder:   ${status.modelDir}  (KG_MODEL_DIR)`,
          `looked for in:  ${status.lookedFor}`,
          `remote models:  ${status.allowRemote ? "allowed (KG_ALLOW_REMOTE_MODELS=1)" : "not allowed, local files only (KG_ALLOW_REMOTE_MODELS=1 allows downloads)"}`,
          `dtype:          ${status.dtype}  (KG_NER_DTYPE)`,
          `config.json:    ${yes(loc.config)}`,
          `tokenizer.json: ${yes(loc.tokenizer)}`,
          `onnx files:     ${loc.onnxFiles.length ? loc.onnxFiles.join(", ") : "none"}`,
        ];
        if (loaded === null) lines.push("loads:          not tried (--no-load)");
        else if (loaded.ok)
          lines.push(
            `loads:          yes (${loaded.model.dtype}, ${loaded.model.labels.length} labels: ${loaded.model.labels.join(" ")}, windows of ${loaded.model.classifier.maxLength} tokens, ${status.loadMs} ms)`,
          );
        else lines.push(`loads:          no — ${loaded.error.message}`);
        process.stdout.write(lines.join("\n") + "\n");
      }
      if (loaded && !loaded.ok) process.exitCode = 1;
    });
}
