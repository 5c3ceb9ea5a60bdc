import { describe, expect, it } from "vitest";
import { recipientUrls } from "@/lib/tracking/tokens";
import { compileMessage, composeTestMessage, formatFrom, personalizeMessage } from "./compose";
import {
  LINK_SENTINEL,
  OPEN_SENTINEL,
  UNSUBSCRIBE_SENTINEL,
  type RenderedMessage,
} from "./render/types";

const rendered: RenderedMessage = {
  subject: 'Hei {{ first_name | default: "asiakas" }}',
  preheader: "",
  html: `<p>Hei {{ first_name }}</p><a href="${LINK_SENTINEL(0)}">A</a><a href="${LINK_SENTINEL(1)}">B</a><img src="${OPEN_SENTINEL}" alt=""><a href="${UNSUBSCRIBE_SENTINEL}">Peru</a>`,
  text: `Hei {{ first_name }} ${LINK_SENTINEL(1)} ${UNSUBSCRIBE_SENTINEL}`,
  links: [
    { idx: 0, url: "https://a.example/x?y=1&z=2", label: "A" },
    { idx: 1, url: "https://b.example/", label: "B" },
  ],
  inlineImages: [],
  htmlBytes: 0,
  mimeBytes: 0,
  findings: [],
};
const fields = ["first_name", "last_name", "email", "phone"];
const urls = recipientUrls(42, "https://vk.example");

describe("personalizeMessage", () => {
  it("escapes a recipient's value in HTML but not in text, and keeps the subject one line", () => {
    const m = compileMessage(rendered, { fields, trackOpens: true, trackClicks: true });
    const p = personalizeMessage(m, { first_name: "<b>Eve</b>\r\nBcc: x@y" }, urls);
    expect(p.html).toContain("Hei &lt;b&gt;Eve&lt;/b&gt;");
    expect(p.text).toContain("Hei <b>Eve</b>");
    expect(p.subject).toBe("Hei <b>Eve</b> Bcc: x@y");
    expect(p.html).toContain(`href="${urls.click(0)}"`);
    expect(p.html).toContain(`href="${urls.click(1)}"`);
    expect(p.html).toContain(`<img src="${urls.open}"`);
    expect(p.html).toContain(`href="${urls.unsubscribe}"`);
    expect(p.headers).toEqual({
      "List-Unsubscribe": `<${urls.unsubscribe}>, <${urls.unsubscribeMailto}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
  });

  it("uses the default for a missing value and original URLs without tracking", () => {
    const m = compileMessage(rendered, { fields, trackOpens: false, trackClicks: false });
    const p = personalizeMessage(m, {}, urls);
    expect(p.subject).toBe("Hei asiakas");
    expect(p.html).toContain('href="https://a.example/x?y=1&amp;z=2"');
    expect(p.html).not.toContain("<img");
    expect(p.text).toContain("https://b.example/");
    expect(p.text).toContain(urls.unsubscribe);
  });

  it("marks test messages and leaves them untracked", () => {
    const m = compileMessage(rendered, { fields, trackOpens: true, trackClicks: true });
    const t = composeTestMessage(m, { first_name: "Maija" });
    expect(t.subject).toBe("[TEST] Hei Maija");
    expect(t.html).not.toContain("/t/");
    expect(t.html).not.toContain("<img");
    expect(t.headers).toEqual({});
  });

  it("refuses a message with an unknown merge field at compile time", () => {
    expect(() =>
      compileMessage(
        { ...rendered, text: "{{ salasana }}" },
        { fields, trackOpens: true, trackClicks: true },
      ),
    ).toThrow(
      expect.objectContaining({ userMessage: "personalize.errors.unknownField|field=salasana" }),
    );
  });
});

describe("formatFrom", () => {
  it("quotes names and escapes quotes", () => {
    expect(formatFrom('Kylä "Yhdistys"', "a@b.fi")).toBe('"Kylä \\"Yhdistys\\"" <a@b.fi>');
    expect(formatFrom("", "a@b.fi")).toBe("a@b.fi");
  });
});
