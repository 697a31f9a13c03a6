import assert from "node:assert/strict";
import { createProgress, formatDuration } from "../../cli/progress.ts";

function fakeStream() {
  const lines: string[] = [];
  const stream = {
    isTTY: false,
    write: (s: string) => lines.push(s.trimEnd()) > 0,
  } as unknown as NodeJS.WriteStream;
  return { lines, stream };
}

describe("cli/progress", () => {
  it("prints plain lines with count, percentage, rate and ETA when not on a terminal", () => {
    const { lines, stream } = fakeStream();
    let t = 0;
    const p = createProgress({ total: 10, label: "ingest", stream, every: 5, now: () => t });
    for (let i = 0; i < 10; i++) {
      t += 1000;
      p.tick();
    }
    p.stop();
    assert.deepEqual(lines, ["ingest 5/10 (50.0%), 1.0/s, ETA 5s", "ingest 10/10 (100.0%), 1.0/s, ETA 0s"]);
  });

  it("prints at most one line a second when work finishes in a burst", () => {
    const { lines, stream } = fakeStream();
    const t = 0;
    const p = createProgress({ total: 100, label: "ingest", stream, every: 5, now: () => t });
    for (let i = 0; i < 50; i++) p.tick();
    assert.equal(lines.length, 0);
    p.stop();
    assert.deepEqual(lines, ["ingest 50/100 (50.0%), 50000.0/s, ETA 0s"]);
  });

  it("prints messages as they come", () => {
    const { lines, stream } = fakeStream();
    const p = createProgress({ total: 1, label: "ingest", stream, tty: false });
    p.log("✗ a.txt: empty");
    assert.deepEqual(lines, ["✗ a.txt: empty"]);
  });

  it("formats durations", () => {
    assert.equal(formatDuration(5.4), "5s");
    assert.equal(formatDuration(103), "1m43s");
    assert.equal(formatDuration(3 * 3600 + 120), "3h02m");
    assert.equal(formatDuration(Infinity), "?");
  });
});
