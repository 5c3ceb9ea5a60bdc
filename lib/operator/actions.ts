"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { operatorAction } from "./action";
import { setOrganizationPartner, setOrganizationSuspended } from "./service";

const OrgFlagSchema = z.object({
  orgId: z.uuid(),
  value: z.enum(["on", "off"]),
});

/** Suspends (value "on") or reactivates (value "off") an organisation. Operators only. */
export const setSuspendedAction = operatorAction(
  { schema: OrgFlagSchema },
  async (input, actor) => {
    const res = await setOrganizationSuspended(
      await getDb(),
      actor,
      input.orgId,
      input.value === "on",
    );
    revalidatePath("/operator", "layout");
    return res;
  },
);

/** Grants (value "on") or revokes (value "off") the partner role. Operators only. */
export const setPartnerAction = operatorAction({ schema: OrgFlagSchema }, async (input, actor) => {
  const res = await setOrganizationPartner(await getDb(), actor, input.orgId, input.value === "on");
  revalidatePath("/operator", "layout");
  return res;
});
