"use server";

import { revalidatePath } from "next/cache";
import { eq } from "drizzle-orm";
import { getLocale } from "next-intl/server";
import { getDb } from "@/db";
import { organizations } from "@/db/schema";
import { orgAction } from "@/lib/action";
import { updateBrand } from "./brand";
import { renderBrandPreview } from "./preview";
import { BrandSchema } from "./schemas";

/** Saves the organisation's brand (editors and main users). */
export const updateBrandAction = orgAction(
  { schema: BrandSchema, role: "editor" },
  async (input, ctx) => {
    await updateBrand(
      await getDb(),
      ctx.orgId,
      { userId: ctx.userId, userEmail: ctx.userEmail, ip: ctx.ip },
      input,
    );
    revalidatePath(`/${ctx.slug}/email/brand`);
    return { saved: true };
  },
);

/** Renders the sample message with the brand as typed in the form (any member; nothing saved). */
export const previewBrandAction = orgAction(
  { schema: BrandSchema, role: "viewer" },
  async (input, ctx) => {
    const db = await getDb();
    const [org] = await db
      .select({ name: organizations.name, address: organizations.billingAddress })
      .from(organizations)
      .where(eq(organizations.id, ctx.orgId));
    const locale = (await getLocale()) === "en" ? "en" : "fi";
    return renderBrandPreview(db, ctx.orgId, input, {
      locale,
      organisationName: org?.name ?? "",
      organisationAddress: org?.address ?? "",
    });
  },
);
