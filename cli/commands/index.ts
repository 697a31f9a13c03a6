// The registry of subcommands, declared once. Adding a command is one module plus one line.
import type { Command } from "commander";
import { register as extract } from "./extract.ts";
import { register as ingest } from "./ingest.ts";
import { register as models } from "./models.ts";
import { register as neo4j } from "./neo4j.ts";
import { register as ner } from "./ner.ts";
import { register as serve } from "./serve.ts";
import { register as start } from "./start.ts";

export type RegisterCommand = (program: Command) => void;

export const COMMANDS: readonly RegisterCommand[] = Object.freeze([
  neo4j,
  extract,
  ingest,
  ner,
  start,
  models,
  serve,
]);
