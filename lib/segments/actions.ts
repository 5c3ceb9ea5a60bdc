"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { orgAction, type OrgActionContext } from "@/lib/action";
import { AppError } from "@/lib/errors";
import { CountFilterSchema, SaveSegmentSchema, SegmentIdSchema } from "./schemas";
import { countFilter, createSegment, deleteSegment, updateSegment } from "./segments";

const actor = (ctx: OrgActionContext) => ({
  userId: ctx.userId,
  userEmail: ctx.userEmail,
  ip: ctx.ip,
});

function json(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", { userMessage: "segments.errors.badFilter" });
  }
}

/** Live count of the filter being edited (any member; the register must be the org's). */
export const countFilterAction = orgAction(
  { schema: CountFilterSchema, role: "viewer", allowSuspended: true },
  async (input, ctx) => countFilter(await getDb(), ctx.orgId, input.registerId, json(input.filter)),
);

/** Saves a new segment or changes one (editors), then opens it. */
export const saveSegmentAction = orgAction(
  { schema: SaveSegmentSchema, role: "editor" },
  async ({ registerId, segmentId, name, filter }, ctx) => {
    const db = await getDb();
    const input = { registerId, name, filter: json(filter) };
    const s = segmentId
      ? await updateSegment(db, ctx.orgId, actor(ctx), segmentId, input)
      : await createSegment(db, ctx.orgId, actor(ctx), input);
    revalidatePath(`/${ctx.slug}/registers/${registerId}/segments`, "layout");
    redirect(`/${ctx.slug}/registers/${registerId}/segments/${s.id}`);
  },
);

/** Deletes a segment (editors). */
export const deleteSegmentAction = orgAction(
  { schema: SegmentIdSchema, role: "editor" },
  async ({ registerId, segmentId }, ctx) => {
    await deleteSegment(await getDb(), ctx.orgId, actor(ctx), registerId, segmentId);
    revalidatePath(`/${ctx.slug}/registers/${registerId}/segments`);
    redirect(`/${ctx.slug}/registers/${registerId}/segments`);
  },
);
