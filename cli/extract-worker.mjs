// Entry of an extraction worker thread: registers tsx (workers do not inherit the loader
// of the main thread), then runs the TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./extract-worker.ts");
