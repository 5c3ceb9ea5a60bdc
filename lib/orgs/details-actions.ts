"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { orgAction } from "@/lib/action";
import { OrgDetailsSchema, updateOrgDetails } from "./details";

/** Saves the organisation's details (main users only; allowed while suspended so billing data can be fixed). */
export const updateOrgDetailsAction = orgAction(
  { schema: OrgDetailsSchema, role: "main", allowSuspended: true },
  async (input, ctx) => {
    const res = await updateOrgDetails(
      await getDb(),
      { orgId: ctx.orgId, userId: ctx.userId, userEmail: ctx.userEmail, ip: ctx.ip },
      input,
    );
    revalidatePath(`/${ctx.slug}`, "layout");
    return res;
  },
);
