import type { Db } from "@/db";
import { AppError, isAppError } from "@/lib/errors";
import { notFound } from "next/navigation";
import { getRegisterOrThrow, listColumns } from "./registers";

/** A register of the organisation with its columns, for pages: other ids are a 404. */
export async function loadRegisterForPage(db: Db, orgId: string, registerId: string) {
  try {
    const register = await getRegisterOrThrow(db, orgId, registerId);
    return { register, columns: await listColumns(db, orgId, registerId) };
  } catch (err) {
    if (isAppError(err) && (err as AppError).code === "NOT_FOUND") notFound();
    throw err;
  }
}
