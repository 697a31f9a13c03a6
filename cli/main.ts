// The `kg` command line: one program, one subcommand a module under cli/commands/.
import { Command } from "commander";
import type { RegisterCommand } from "./commands/index.ts";

const program = new Command("kg")
  .description("Turn German and English news about AI compute infrastructure into a Neo4j knowledge graph")
  .showHelpAfterError()
  .version("0.1.0");

// `kg ner` is timed with its process start (tokens/s): it registers alone, without loading
// every other command's dependencies (database driver, web server).
const commands: readonly RegisterCommand[] =
  process.argv[2] === "ner"
    ? [(await import("./commands/ner.ts")).register]
    : (await import("./commands/index.ts")).COMMANDS;
for (const register of commands) register(program);

await program.parseAsync(process.argv);
