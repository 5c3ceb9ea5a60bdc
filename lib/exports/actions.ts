"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db";
import { orgAction } from "@/lib/action";
import { createExport } from "./exports";

const uuid = z.string().regex(/^[0-9a-f-]{36}$/i, "errors.NOT_FOUND");
const CreateExportSchema = z.object({
  registerId: uuid,
  segmentId: uuid.optional().or(z.literal("")),
  format: z.enum(["csv", "xlsx"]),
});

/** Queues an export of a register or segment (editors) and opens the register's exports. */
export const createExportAction = orgAction(
  { schema: CreateExportSchema, role: "editor" },
  async ({ registerId, segmentId, format }, ctx) => {
    await createExport(
      await getDb(),
      ctx.orgId,
      { userId: ctx.userId, userEmail: ctx.userEmail, ip: ctx.ip },
      {
        registerId,
        segmentId: segmentId || null,
        format,
        locale: (await getLocale()) === "en" ? "en" : "fi",
      },
    );
    revalidatePath(`/${ctx.slug}/registers/${registerId}/exports`);
    redirect(`/${ctx.slug}/registers/${registerId}/exports`);
  },
);
