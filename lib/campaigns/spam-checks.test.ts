import { describe, expect, it } from "vitest";
import { runSpamChecks, visibleText, type SpamCheckInput } from "./spam-checks";
import { LINK_SENTINEL, UNSUBSCRIBE_SENTINEL, type RenderedLink } from "./render/types";

const prose = "Tervetuloa syksyn tapahtumiin! ".repeat(20);

/** A clean message; each test changes one thing and expects exactly that rule. */
function message(
  over: {
    subject?: string;
    html?: string | null;
    text?: string;
    links?: RenderedLink[];
    mimeBytes?: number;
    htmlBytes?: number;
  } = {},
): SpamCheckInput {
  const links = over.links ?? [
    { idx: 0, url: "https://kauppa.example.fi/syksy", label: "Katso tarjoukset" },
  ];
  const html =
    over.html !== undefined
      ? over.html
      : `<html><head><style>p{color:red}</style></head><body><p>${prose}</p>${links.map((l) => `<a href="${LINK_SENTINEL(l.idx)}">${l.label}</a>`).join(" ")}<a href="${UNSUBSCRIBE_SENTINEL}">Peru tilaus</a></body></html>`;
  const text = over.text ?? `${prose}\nPeru tilaus: ${UNSUBSCRIBE_SENTINEL}`;
  return {
    rendered: {
      subject: over.subject ?? "Syksyn tarjoukset",
      preheader: "",
      html,
      text,
      links,
      inlineImages: [],
      htmlBytes: over.htmlBytes ?? 5_000,
      mimeBytes: over.mimeBytes ?? 12_000,
      findings: [],
    },
    subject: over.subject ?? "Syksyn tarjoukset",
    html,
    text,
  };
}
const rules = (input: SpamCheckInput) => runSpamChecks(input).map((f) => f.rule);

describe("built-in spam checks", () => {
  it("a clean message has no findings", () => {
    expect(runSpamChecks(message())).toEqual([]);
  });

  it("size: over the 250 kB cap is high, HTML over Gmail's clip medium", () => {
    expect(rules(message({ mimeBytes: 300 * 1024 }))).toEqual(["sizeOverCap"]);
    expect(rules(message({ htmlBytes: 110 * 1024 }))).toEqual(["htmlClipped"]);
  });

  it("missing text part", () => {
    expect(rules(message({ text: `  ${UNSUBSCRIBE_SENTINEL} ` }))).toEqual(["missingText"]);
  });

  it("image-to-text ratio: image only, and many images for little text", () => {
    const unsub = `<a href="${UNSUBSCRIBE_SENTINEL}">x</a>`;
    expect(
      rules(
        message({ html: `<body><img src="https://x.example.fi/a.png">${unsub}</body>`, links: [] }),
      ),
    ).toEqual(["imageOnly"]);
    const four = '<img src="https://x.example.fi/a.png">'.repeat(4);
    expect(
      rules(
        message({
          html: `<body><p>${"Lyhyt teksti tässä. ".repeat(10)}</p>${four}${unsub}</body>`,
          links: [],
        }),
      ),
    ).toEqual(["imageHeavy"]);
    expect(
      rules(
        message({
          html: `<body><p>${prose}</p><img src="https://x.example.fi/a.png">${unsub}</body>`,
          links: [],
        }),
      ),
    ).toEqual([]);
  });

  it("subject in capitals or with !!!", () => {
    expect(rules(message({ subject: "ALENNUSMYYNTI ALKAA NYT" }))).toEqual(["subjectCaps"]);
    expect(rules(message({ subject: "Alennusmyynti alkaa!!!" }))).toEqual(["subjectExclamation"]);
    expect(rules(message({ subject: "EU ja ALV muuttuvat" }))).toEqual([]);
    expect(rules(message({ subject: "Tervetuloa!" }))).toEqual([]);
  });

  it("missing unsubscribe link", () => {
    expect(
      rules(message({ html: `<body><p>${prose}</p></body>`, text: prose, links: [] })),
    ).toEqual(["missingUnsubscribe"]);
  });

  it("link text that names another site than the target", () => {
    const bad = { idx: 0, url: "https://evil.example.com/login", label: "www.pankki.fi" };
    const ok = { idx: 1, url: "https://www.pankki.fi/kirjaudu", label: "pankki.fi" };
    const f = runSpamChecks(message({ links: [bad, ok] }));
    expect(f).toEqual([
      {
        rule: "linkTextMismatch",
        severity: "high",
        values: { text: "www.pankki.fi", host: "evil.example.com" },
      },
    ]);
  });

  it("URL shorteners, once per host", () => {
    const links = [
      { idx: 0, url: "https://bit.ly/abc", label: "Lue lisää" },
      { idx: 1, url: "https://bit.ly/def", label: "Osta" },
      { idx: 2, url: "https://tinyurl.com/x", label: "Tästä" },
    ];
    expect(rules(message({ links }))).toEqual(["urlShortener", "urlShortener"]);
  });

  it("visible text ignores head, styles and tags", () => {
    expect(
      visibleText("<head><title>T</title></head><style>a{}</style><p>Hei&nbsp;<b>Maija</b></p>"),
    ).toBe("Hei Maija");
  });
});
