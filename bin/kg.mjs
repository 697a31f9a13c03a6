#!/usr/bin/env node
// Entry point of the `kg` command: runs the TypeScript CLI through tsx, so that
// `npx kg ...` works right after `npm ci` with no build step.
import { register } from "tsx/esm/api";

register();
await import("../cli/main.ts");
