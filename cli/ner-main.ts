// Entry point of `kg ner` alone. bin/kg.mjs runs it from an ahead-of-time bundle
// (cli/ner-bundle.mjs), so that the tagger's tokens/s, timed with its process start, is not
// spent compiling TypeScript or loading the other commands.
import { Command } from "commander";
import { register } from "./commands/ner.ts";

const program = new Command("kg").showHelpAfterError();
register(program);
try {
  await program.parseAsync(process.argv);
} catch (err) {
  // one line, as cli/output.ts's fail() prints (not imported: it loads the database driver)
  process.stderr.write(`kg ner: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
}
