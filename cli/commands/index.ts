// The registry of subcommands, declared once. Adding a command is one module plus one line.
import type { Command } from "commander";

export type RegisterCommand = (program: Command) => void;

export const COMMANDS: readonly RegisterCommand[] = Object.freeze([]);
