"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { orgAction } from "@/lib/action";
import { deleteImage } from "./images";

/** Deletes an image of the organisation's bank (editors). */
export const deleteImageAction = orgAction(
  { schema: z.object({ imageId: z.string().min(1).max(40) }), role: "editor" },
  async ({ imageId }, ctx) => {
    await deleteImage(await getDb(), ctx.orgId, ctx, imageId);
    revalidatePath(`/${ctx.slug}/email/images`);
    return { deleted: imageId };
  },
);
