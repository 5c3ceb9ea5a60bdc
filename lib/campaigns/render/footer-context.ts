import { eq } from "drizzle-orm";
import { createTranslator } from "next-intl";
import type { Db } from "@/db";
import { organizations } from "@/db/schema";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { addressSourceStatement } from "@/lib/registers/privacy";
import en from "@/messages/en/privacy.json";
import fi from "@/messages/fi/privacy.json";
import type { FooterInput, RenderLocale } from "./footer";

/**
 * The footer facts of a campaign sent to a register (R9, E10): the organisation's name and
 * address and the register's address-source statement with its privacy-notice URL (null until
 * the notice is published). Org-scoped: another organisation's register is NOT_FOUND.
 */
export async function footerContext(
  db: Db,
  orgId: string,
  registerId: string,
  locale: RenderLocale,
  baseUrl: string = env().APP_URL,
): Promise<FooterInput> {
  const [org] = await db
    .select({ name: organizations.name, address: organizations.billingAddress })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  if (!org) throw new AppError("NOT_FOUND");
  const t = createTranslator({
    locale,
    messages: { privacy: locale === "en" ? en : fi },
    namespace: "privacy",
  });
  const statement = await addressSourceStatement(db, orgId, registerId, {
    baseUrl: baseUrl.replace(/\/+$/, ""),
    t: (key, values) => t(key as never, values as never),
  });
  return {
    addressSourceStatement: statement.text,
    privacyUrl: statement.noticeUrl,
    organisationName: org.name,
    organisationAddress: org.address ?? "",
  };
}
