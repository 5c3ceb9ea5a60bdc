"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { operatorAction } from "./action";
import {
  setOrganizationPartner,
  setOrganizationSmsPrice,
  setOrganizationSuspended,
  validSmsPartPrice,
} from "./service";

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

const SmsPriceSchema = z.object({
  orgId: z.uuid(),
  /** Cents per part, "6,9" or "6.9". */
  cents: z
    .string()
    .trim()
    .min(1, { error: "operator.smsPriceInvalid" })
    .transform((v) => Number(v.replace(",", ".")))
    .refine(validSmsPartPrice, { error: "operator.smsPriceInvalid" }),
});

/** Sets an organisation's price per SMS part (0–100 cents, three decimals). Operators only. */
export const setSmsPriceAction = operatorAction(
  { schema: SmsPriceSchema },
  async (input, actor) => {
    const res = await setOrganizationSmsPrice(await getDb(), actor, input.orgId, input.cents);
    revalidatePath("/operator", "layout");
    return res;
  },
);
