// The `kg` command line: one program, one subcommand a module under cli/commands/.
import { Command } from "commander";

// `kg ner` is timed with its process start (tokens/s): it runs alone (cli/ner-main.ts),
// without loading every other command's dependencies (database driver, web server).
if (process.argv[2] === "ner") await import("./ner-main.ts");
else {
  const { COMMANDS } = await import("./commands/index.ts");
  const program = new Command("kg")
    .description("Turn German and English news about AI compute infrastructure into a Neo4j knowledge graph")
    .showHelpAfterError()
    .version("0.1.0");
  for (const register of COMMANDS) register(program);
  await program.parseAsync(process.argv);
}
