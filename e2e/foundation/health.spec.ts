import { expect, test } from "@playwright/test";

test("[foundation] health reports the embedded defaults or the configured database", async ({
  request,
}) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body).toMatchObject({ ok: true, jobs: "local", email: "sandbox", sms: "sandbox" });
  expect(body.db).toBe(process.env.DATABASE_URL ? "postgres" : "pglite");
});

test("[foundation] pages carry security headers", async ({ request }) => {
  const res = await request.get("/sign-in");
  const h = res.headers();
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["x-powered-by"]).toBeUndefined();
});

test("[foundation] the portal asks for sign-in, and a wrong password gets a clear message", async ({
  page,
}) => {
  await page.goto("/demo");
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel("Sähköpostiosoite").fill("demo@viestikone.local");
  await page.getByLabel("Salasana").fill("wrong-password-1A");
  await page.getByRole("button", { name: "Kirjaudu" }).click();
  await expect(page.getByText("Sähköpostiosoite tai salasana on väärin.")).toBeVisible();
});
