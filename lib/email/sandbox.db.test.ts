import { afterAll, beforeAll, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { sandboxEmails } from "@/db/schema";
import { createOrg } from "@/db/seed/factories";
import { openTestDb } from "@/db/seed/test-db";
import { createSandboxTransport } from "./sandbox";

let h: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => h?.dispose());

it("keeps a message's inline images viewable: cid: references become data URLs, counted in the size", async () => {
  const org = await createOrg(h.db);
  const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
  const t = createSandboxTransport(async () => h.db);
  const key = `cid-test-${org.id}`;
  const base = {
    orgId: org.id,
    from: "uutiset@kyla.fi",
    to: "liisa@example.fi",
    subject: "Kuva",
    text: "Kuva",
    html: '<p><img src="cid:img1@viestikone" alt=""></p>',
  };
  const [res] = await t.sendBatch([
    {
      ...base,
      key,
      attachments: [
        { filename: "image-1.png", content: png, contentType: "image/png", cid: "img1@viestikone" },
      ],
    },
    { ...base, key: `${key}-plain` },
  ]);
  expect(res!.ok).toBe(true);
  const [withImage] = await h.db
    .select()
    .from(sandboxEmails)
    .where(eq(sandboxEmails.messageKey, key));
  const [plain] = await h.db
    .select()
    .from(sandboxEmails)
    .where(eq(sandboxEmails.messageKey, `${key}-plain`));
  expect(withImage!.html).toBe(
    `<p><img src="data:image/png;base64,${png.toString("base64")}" alt=""></p>`,
  );
  expect(withImage!.headers["X-Inline-Images"]).toBe("image-1.png <img1@viestikone>");
  expect(withImage!.sizeBytes).toBeGreaterThan(plain!.sizeBytes + png.length);
});
