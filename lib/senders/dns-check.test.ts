import { describe, expect, it } from "vitest";
import {
  checkDomainRecords,
  judgeDkim,
  judgeDmarc,
  judgeSpf,
  type ExpectedRecords,
} from "./dns-check";

const expected: ExpectedRecords = {
  spf: {
    name: "example.fi",
    value: "v=spf1 include:_spf.mail.test ~all",
    mechanism: "include:_spf.mail.test",
  },
  dkim: {
    name: "vk._domainkey.example.fi",
    value: "v=DKIM1; k=rsa; p=ABC123",
    publicKey: "ABC123",
  },
  dmarc: { name: "_dmarc.example.fi", value: "v=DMARC1; p=none" },
};

describe("DNS record verdicts", () => {
  it("SPF: one record with our mechanism passes; none, two, or without it say what to fix", () => {
    expect(judgeSpf(["v=spf1 include:_spf.mail.test -all"], expected.spf).ok).toBe(true);
    expect(judgeSpf(["google-site-verification=x"], expected.spf).error).toBe("spfMissing");
    expect(
      judgeSpf(["v=spf1 mx ~all", "v=spf1 include:_spf.mail.test ~all"], expected.spf).error,
    ).toBe("spfMultiple");
    expect(judgeSpf(["v=spf1 include:other.test ~all"], expected.spf).error).toBe("spfMechanism");
  });

  it("DKIM: the published p= must be our key (whitespace in the record ignored)", () => {
    expect(judgeDkim(["v=DKIM1; k=rsa; p=ABC 123"], expected.dkim).ok).toBe(true);
    expect(judgeDkim(["v=DKIM1; k=rsa; p=OTHER"], expected.dkim).error).toBe("dkimMismatch");
    expect(judgeDkim([], expected.dkim).error).toBe("dkimMissing");
  });

  it("DMARC: one record with a valid policy", () => {
    expect(judgeDmarc(["v=DMARC1; p=quarantine; rua=mailto:d@example.fi"], expected.dmarc).ok).toBe(
      true,
    );
    expect(judgeDmarc(["v=DMARC1; rua=mailto:d@example.fi"], expected.dmarc).error).toBe(
      "dmarcPolicy",
    );
    expect(judgeDmarc(["v=DMARC1; p=none", "v=DMARC1; p=reject"], expected.dmarc).error).toBe(
      "dmarcMultiple",
    );
  });

  it("a domain that cannot be resolved or a timeout is 'unavailable', not an error", async () => {
    for (const code of ["ENOTFOUND", "ETIMEOUT", "ECONNREFUSED"]) {
      const result = await checkDomainRecords("example.fi", expected, async () => {
        throw Object.assign(new Error(code), { code });
      });
      expect(result).toEqual({ status: "unavailable", code });
    }
  });
});
