// The `kg` command line: one program, one subcommand a module under cli/commands/.
import { Command } from "commander";
import { COMMANDS } from "./commands/index.ts";

const program = new Command("kg")
  .description("Turn German and English news about AI compute infrastructure into a Neo4j knowledge graph")
  .showHelpAfterError()
  .version("0.1.0");

for (const register of COMMANDS) register(program);

await program.parseAsync(process.argv);
