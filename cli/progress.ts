// Progress of a batch: a cli-progress bar with rate and ETA on a terminal, plain lines
// otherwise (CI, pipes, log files). Messages (failures) print above the bar.
import cliProgress from "cli-progress";

export interface Progress {
  /** One more item done. */
  tick(status?: string): void;
  /** A line printed without breaking the bar. */
  log(line: string): void;
  /** Raises the total when more work is discovered (a .jsonl file read lazily). */
  setTotal(total: number): void;
  stop(): void;
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return "?";
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, "0")}m`;
}

interface Options {
  total: number;
  label: string;
  /** Where to print; defaults to stderr. */
  stream?: NodeJS.WriteStream;
  /** Force plain lines (or a bar); default: a bar only on a TTY outside CI. */
  tty?: boolean;
  /** Plain mode prints a line after `every` items (at most one a second), at least one every 5 s, and at the end. */
  every?: number;
  now?: () => number;
}

export function createProgress(options: Options): Progress {
  const stream = options.stream ?? process.stderr;
  const tty = options.tty ?? (Boolean(stream.isTTY) && !process.env.CI);
  return tty ? barProgress(options, stream) : lineProgress(options, stream);
}

function barProgress(options: Options, stream: NodeJS.WriteStream): Progress {
  const multi = new cliProgress.MultiBar(
    {
      stream,
      format: `${options.label} {bar} {percentage}% | {value}/{total} | {rate}/s | ETA {eta_formatted} | {status}`,
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 50,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  let done = 0;
  const bar = multi.create(options.total, 0, { rate: "0.0", status: "" });
  const rate = () => (done / Math.max((Date.now() - started) / 1000, 0.001)).toFixed(1);
  return {
    tick(status = "") {
      done++;
      bar.increment(1, { rate: rate(), status: status.length > 40 ? `…${status.slice(-39)}` : status });
    },
    log(line) {
      multi.log(`${line}\n`);
    },
    setTotal(total) {
      bar.setTotal(total);
    },
    stop() {
      multi.stop();
    },
  };
}

function lineProgress(options: Options, stream: NodeJS.WriteStream): Progress {
  const now = options.now ?? Date.now;
  const started = now();
  const every = options.every ?? Math.max(1, Math.ceil(options.total / 20));
  let total = options.total;
  let done = 0;
  let lastAt = started;
  let lastDone = 0;
  const line = () => {
    const secs = (now() - started) / 1000;
    const rate = done / Math.max(secs, 0.001);
    const pct = total > 0 ? ((100 * done) / total).toFixed(1) : "100.0";
    const eta = rate > 0 ? formatDuration((total - done) / rate) : "?";
    stream.write(`${options.label} ${done}/${total} (${pct}%), ${rate.toFixed(1)}/s, ETA ${eta}\n`);
    lastAt = now();
    lastDone = done;
  };
  return {
    tick() {
      done++;
      const since = now() - lastAt;
      // at most one line a second (work often finishes in bursts), at least one every 5 s
      if (done === total || since >= 5000 || (done - lastDone >= every && since >= 1000)) line();
    },
    log(l) {
      stream.write(`${l}\n`);
    },
    setTotal(t) {
      total = t;
    },
    stop() {
      if (done !== lastDone) line();
    },
  };
}
