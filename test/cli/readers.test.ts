import assert from "node:assert/strict";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type ReadItem,
  decodeUtf8,
  expandInputs,
  htmlToArticle,
  markdownToText,
  normalizeLang,
  readArticles,
  rejectBytes,
  splitFrontMatter,
} from "../../cli/readers.ts";

async function collect(gen: AsyncGenerator<ReadItem>): Promise<ReadItem[]> {
  const out = [];
  for await (const x of gen) out.push(x);
  return out;
}

describe("cli/readers", () => {
  describe("bytes", () => {
    const limit = 100;
    const rows: [string, Uint8Array, RegExp | null][] = [
      ["empty", new Uint8Array(), /empty/],
      ["too large", new Uint8Array(101).fill(65), /too large: 101 bytes, the limit is 100/],
      ["NUL bytes", Uint8Array.from([72, 105, 0, 1, 2]), /binary/],
      ["German text", new TextEncoder().encode("Größte Rechenzentren"), null],
    ];
    for (const [name, bytes, expected] of rows) {
      it(`${name}: ${expected ?? "accepted"}`, () => {
        const r = rejectBytes(bytes, limit);
        if (expected) assert.match(r ?? "", expected);
        else assert.equal(r, null);
      });
    }
    it("refuses Latin-1 text as invalid UTF-8 and drops a BOM", () => {
      assert.match(
        (decodeUtf8(Uint8Array.from([0x47, 0x72, 0xf6, 0xdf, 0x65])) as { reason: string }).reason,
        /invalid UTF-8/,
      );
      assert.deepEqual(decodeUtf8(Uint8Array.from([0xef, 0xbb, 0xbf, 0x48, 0x69])), { text: "Hi" });
    });
  });

  describe("formats", () => {
    it("reads front matter and keeps the body as the article text", () => {
      const { meta, body } = splitFrontMatter(
        "---\ntitle: Neues Rechenzentrum\ndate: 2025-09-24\nlang: de\n---\nText hier.\n",
      );
      assert.deepEqual(meta, {
        title: "Neues Rechenzentrum",
        date: "2025-09-24",
        url: undefined,
        lang: "de",
        id: undefined,
      });
      assert.equal(body, "Text hier.\n");
    });
    it("reduces language tags to the two-letter code", () => {
      assert.deepEqual(["DE", "de-DE", "en_US", " en ", "deu", "", null].map(normalizeLang), [
        "de",
        "de",
        "en",
        "en",
        "deu",
        null,
        null,
      ]);
    });
    it("leaves text without front matter alone", () => {
      assert.deepEqual(splitFrontMatter("--- not front matter"), { meta: {}, body: "--- not front matter" });
    });
    it("strips Markdown markup and takes the first heading as title", () => {
      const { text, title } = markdownToText(
        "# Stargate wächst\n\n**OpenAI** baut mit [Oracle](https://oracle.com) in *Texas*.\n- 1,2 GW",
      );
      assert.equal(title, "Stargate wächst");
      assert.equal(text, "Stargate wächst\n\nOpenAI baut mit Oracle in Texas.\n1,2 GW");
    });
    it("takes HTML text without scripts or navigation, and its metadata", () => {
      const html = `<!doctype html><html lang="en"><head><title>xAI expands Colossus</title>
<meta property="article:published_time" content="2025-07-01T09:00:00Z"><link rel="canonical" href="https://example.org/a">
<script>var x = "Nvidia";</script><style>p{}</style></head>
<body><nav>Home | News</nav><article><h1>xAI expands Colossus</h1><p>Elon Musk's xAI buys   100,000 GPUs.</p><p>Memphis &amp; more.</p></article><footer>(c)</footer></body></html>`;
      const { text, meta } = htmlToArticle(html);
      assert.equal(text, "xAI expands Colossus\n\nElon Musk's xAI buys 100,000 GPUs.\n\nMemphis & more.");
      assert.deepEqual(meta, {
        title: "xAI expands Colossus",
        date: "2025-07-01T09:00:00Z",
        url: "https://example.org/a",
        lang: "en",
      });
    });
  });

  describe("files @fs", () => {
    let dir: string;
    before(async () => {
      dir = await mkdtemp(join(tmpdir(), "kg-readers-"));
      await mkdir(join(dir, "news", "de"), { recursive: true });
      await writeFile(join(dir, "news", "de", "a.txt"), "Nvidia liefert 10.000 GPUs an die Telekom.");
      await writeFile(join(dir, "news", "de", "empty.txt"), "");
      await writeFile(
        join(dir, "news", "de", "latin1.txt"),
        Buffer.from([0x47, 0x72, 0xf6, 0xdf, 0x65, 0x20, 0x41, 0x47]),
      );
      await writeFile(join(dir, "news", "blob.md"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
      await writeFile(join(dir, "news", "notes.pdf"), "%PDF");
      await writeFile(join(dir, "news", "big.txt"), "x".repeat(300));
      await writeFile(
        join(dir, "news", "feed.jsonl"),
        [
          JSON.stringify({
            id: "n1",
            url: "https://example.org/1",
            title: "One",
            date: "2025-01-02",
            lang: "en",
            text: "Oracle builds it.",
          }),
          "",
          "{not json",
          JSON.stringify({ id: "n3", title: "no text" }),
          JSON.stringify({ id: 4, text: "Microsoft invests." }),
          JSON.stringify({ id: 5, text: "y".repeat(250) }),
        ].join("\r\n") + "\n",
      );
    });
    after(async () => rm(dir, { recursive: true, force: true }));

    it("finds supported files in folders, and reports arguments that match nothing", async () => {
      const r = await expandInputs(["news", "missing/*.txt", "news/notes.pdf"], dir);
      assert.deepEqual(
        r.files.map((f) => f.slice(dir.length + 1)),
        [
          "news/big.txt",
          "news/blob.md",
          "news/de/a.txt",
          "news/de/empty.txt",
          "news/de/latin1.txt",
          "news/feed.jsonl",
        ],
      );
      assert.deepEqual(
        r.problems.map((p) => p.origin),
        ["missing/*.txt", "news/notes.pdf"],
      );
    });

    it("expands glob patterns", async () => {
      const r = await expandInputs(["news/**/*.txt"], dir);
      assert.equal(r.files.length, 4);
    });

    it("reads every file, one failure per bad file or line, with the reason", async () => {
      const { files } = await expandInputs(["news"], dir);
      const items = await collect(readArticles(files, { base: dir, limit: 200 }));
      const summary = items.map((i) => (i.ok ? `ok ${i.article.id}` : `fail ${i.origin}: ${i.reason}`));
      assert.equal(
        summary[0],
        "fail news/big.txt: too large: 300 bytes, the limit is 200 (KG_MAX_ARTICLE_BYTES)",
      );
      assert.match(summary[1]!, /^fail news\/blob\.md: binary/);
      assert.equal(summary[2], "ok news/de/a.txt");
      assert.equal(summary[3], "fail news/de/empty.txt: empty");
      assert.match(summary[4]!, /^fail news\/de\/latin1\.txt: invalid UTF-8/);
      assert.equal(summary[5], "ok n1");
      assert.match(summary[6]!, /^fail news\/feed\.jsonl:3: not JSON/);
      assert.match(
        summary[7]!,
        /^fail news\/feed\.jsonl:4: expected \{id, url, title, date, lang, text\}: text/,
      );
      assert.equal(summary[8], "ok 4");
      assert.equal(
        summary[9],
        "fail news/feed.jsonl:6: too large: 268 bytes, the limit is 200 (KG_MAX_ARTICLE_BYTES)",
      );
      assert.equal(summary.length, 10);
      const n1 = items[5] as Extract<ReadItem, { ok: true }>;
      assert.deepEqual(n1.article, {
        id: "n1",
        text: "Oracle builds it.",
        lang: "en",
        url: "https://example.org/1",
        title: "One",
        date: "2025-01-02",
        origin: "news/feed.jsonl:1",
      });
    });
  });
});
