import assert from "node:assert/strict";
import { alignPieces } from "../../../extractors/transformer/align.ts";
import { assignPieces, planWindows, type Window } from "../../../extractors/transformer/windows.ts";

/** Pieces of a text split at spaces and punctuation, with "Zucker ##berg"-style continuations marked by "##". */
function piecesOf(spec: string) {
  const pieces = spec.split(" ");
  const text = pieces.reduce(
    (t, p, i) => (p.startsWith("##") ? t + p.slice(2) : /^[.,]$/.test(p) || i === 0 ? t + p : `${t} ${p}`),
    "",
  );
  return { text, pieces: alignPieces(text, pieces), raw: pieces };
}

function covered(windows: Window[]): string {
  return windows.map((w) => `${w.start}-${w.end}`).join(" ");
}

describe("extractors/transformer/windows", () => {
  it("one window when the text fits", () => {
    const { text, pieces } = piecesOf("Lisa Su leitet AMD .");
    assert.equal(covered(planWindows(text, pieces, { size: 10, overlap: 2 })), "0-5");
  });

  it("ends windows after a sentence, without overlap", () => {
    // 0 Sam 1 Altman 2 baut 3 . 4 Nvidia 5 liefert 6 GPUs 7 . 8 Meta 9 plant 10 .
    const { text, pieces } = piecesOf("Sam Altman baut . Nvidia liefert GPUs . Meta plant .");
    assert.equal(covered(planWindows(text, pieces, { size: 6, overlap: 2 })), "0-4 4-8 8-11");
  });

  it("cuts long sentences at word starts and overlaps them", () => {
    // 0 Mark 1 Zucker 2 ##berg 3 und 4 Lisa 5 Su 6 und 7 Jensen 8 Huang
    const { text, pieces } = piecesOf("Mark Zucker ##berg und Lisa Su und Jensen Huang");
    const windows = planWindows(text, pieces, { size: 3, overlap: 1 });
    // A window never ends between 'Zucker' and '##berg'.
    for (const w of windows)
      assert.ok(pieces[w.start].wordStart, `window ${w.start}-${w.end} starts inside a word`);
    assert.equal(covered(windows), "0-3 3-6 5-8 7-9");
  });

  it("a word longer than a window is cut rather than looping", () => {
    const { text, pieces } = piecesOf("Donau ##dampf ##schiff ##fahrt ##s ##gesellschaft");
    const windows = planWindows(text, pieces, { size: 2, overlap: 1 });
    assert.equal(covered(windows), "0-2 2-4 4-6");
  });

  it("every piece is read from exactly one window, the one where it is farthest from an edge", () => {
    const windows: Window[] = [
      { start: 0, end: 6 },
      { start: 4, end: 10 },
    ];
    assert.deepEqual(assignPieces(windows, 10), [0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
  });

  it("empty input gives no windows", () => {
    assert.deepEqual(planWindows("", [], { size: 8, overlap: 2 }), []);
  });
});
