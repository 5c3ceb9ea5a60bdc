import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { contactMergeValues, mergeFields } from "./fields";
import { compileTemplate, renderTemplate, TEMPLATE_MAX_LENGTH } from "./template";

const columns = [
  { key: "kaupunki", label: "Kaupunki", type: "text" as const },
  { key: "kiinnostukset", label: "Kiinnostukset", type: "multi_choice" as const },
  { key: "syntymapaiva", label: "Syntymäpäivä", type: "date" as const },
  { key: "pisteet", label: "Pisteet", type: "number" as const },
  { key: "jasen", label: "Jäsen", type: "boolean" as const },
];
const fields = mergeFields(columns).map((f) => f.name);

const contact = {
  firstName: "Äijö",
  lastName: "Mäkelä",
  email: "aijo@example.fi",
  phone: "+358401234567",
  data: {
    kaupunki: "Helsinki",
    kiinnostukset: ["golf", "tennis"],
    syntymapaiva: "1970-03-09",
    pisteet: 12.5,
    jasen: true,
  },
};
const values = contactMergeValues(contact, columns);

/** The translated-message key (and params) a bad template is refused with. */
function refusal(source: string, kind: "html" | "text" = "text"): string {
  try {
    compileTemplate(source, { kind, fields });
  } catch (err) {
    if (isAppError(err)) return err.userMessage;
    throw err;
  }
  throw new Error(`accepted: ${source}`);
}

describe("compileTemplate / renderTemplate", () => {
  it("fills fields with defaults and formats values the Finnish way", () => {
    const t = compileTemplate(
      'Hei {{ first_name | default: "asiakas" }}! {{ kaupunki }}, {{ kiinnostukset }}, ' +
        "{{ syntymapaiva }}, {{ pisteet }}{% if jasen %}, jäsen{% endif %}",
      { kind: "text", fields },
    );
    expect(t.fields).toEqual([
      "first_name",
      "jasen",
      "kaupunki",
      "kiinnostukset",
      "pisteet",
      "syntymapaiva",
    ]);
    expect(renderTemplate(t, values)).toBe(
      "Hei Äijö! Helsinki, golf, tennis, 9.3.1970, 12,5, jäsen",
    );
    const empty = contactMergeValues({ ...contact, firstName: "", data: {} }, columns);
    expect(renderTemplate(t, empty)).toBe("Hei asiakas! , , , ");
  });

  it("refuses an unknown field and names it", () => {
    expect(refusal("Hei {{ etunimi }}")).toBe("personalize.errors.unknownField|field=etunimi");
    expect(refusal("{% if vip %}x{% endif %}")).toBe("personalize.errors.unknownField|field=vip");
    expect(refusal("{{ first_name | default: sukunimi }}")).toBe(
      "personalize.errors.unknownField|field=sukunimi",
    );
  });

  it("refuses tags that reach outside the template and filters not on the list", () => {
    expect(refusal('{% include "secret" %}')).toBe("personalize.errors.unknownTag|tag=include");
    expect(refusal('{% render "x" %}')).toBe("personalize.errors.unknownTag|tag=render");
    expect(refusal("{% cycle 'a', 'b' %}")).toBe("personalize.errors.unknownTag|tag=cycle");
    expect(refusal("{{ first_name | json }}")).toBe("personalize.errors.unknownFilter|filter=json");
    // No way to switch escaping off for a recipient's value in HTML.
    expect(refusal("{{ first_name | raw }}", "html")).toBe(
      "personalize.errors.unknownFilter|filter=raw",
    );
  });

  it("reports a syntax error with its line", () => {
    const msg = refusal("Rivi 1\nRivi 2 {% if first_name %}");
    expect(msg).toMatch(/^personalize\.errors\.syntax\|line=2\|detail=/);
    expect(refusal("{{ first_name ")).toMatch(/^personalize\.errors\.syntax\|line=1/);
    expect(refusal("x".repeat(TEMPLATE_MAX_LENGTH + 1))).toBe(
      `personalize.errors.tooLong|max=${TEMPLATE_MAX_LENGTH}`,
    );
  });

  it("escapes values in HTML and leaves text as typed", () => {
    const hostile = contactMergeValues(
      { ...contact, firstName: '<img src=x onerror="alert(1)">' },
      columns,
    );
    const html = compileTemplate("<p>Hei {{ first_name }}</p>", { kind: "html", fields });
    expect(renderTemplate(html, hostile)).toBe(
      "<p>Hei &lt;img src=x onerror=&#34;alert(1)&#34;&gt;</p>",
    );
    const text = compileTemplate("Hei {{ first_name }}", { kind: "text", fields });
    expect(renderTemplate(text, hostile)).toBe('Hei <img src=x onerror="alert(1)">');
  });

  it("exposes no prototype and no other recipient's data", () => {
    const t = compileTemplate(
      "[{{ first_name.constructor }}][{{ email.__proto__ }}][{{ email.size }}]",
      {
        kind: "text",
        fields,
      },
    );
    expect(renderTemplate(t, values)).toBe("[][][15]");
    // The compiled template keeps no state between recipients.
    const hi = compileTemplate("{{ first_name }}", { kind: "text", fields });
    expect(renderTemplate(hi, values)).toBe("Äijö");
    expect(renderTemplate(hi, { ...values, first_name: "Liisa" })).toBe("Liisa");
  });

  it("stops a runaway loop instead of hanging the sender", () => {
    const t = compileTemplate("{% for i in (1..100000000) %}{{ first_name }}{% endfor %}", {
      kind: "text",
      fields,
    });
    expect(() => renderTemplate(t, values)).toThrow();
  });
});

describe("personalize messages", () => {
  it("has a Finnish and an English text for every refusal", async () => {
    for (const locale of ["fi", "en"]) {
      const { default: m } = (await import(`@/messages/${locale}/personalize.json`)) as {
        default: { errors: Record<string, string> };
      };
      for (const key of ["unknownField", "unknownTag", "unknownFilter", "syntax", "tooLong"])
        expect(m.errors[key], `${locale} ${key}`).toBeTruthy();
    }
  });
});
