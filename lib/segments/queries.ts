import { notFound } from "next/navigation";
import type { Db } from "@/db";
import { AppError, isAppError } from "@/lib/errors";
import "@/lib/tracking/segment-fields";
import { describeFields, loadFieldOptions } from "./fields";
import { getSegmentOrThrow, segmentColumns } from "./segments";

/** The builder's field descriptions for a register (already org-checked by the caller). */
export async function builderFields(db: Db, orgId: string, registerId: string) {
  const [columns, options] = await Promise.all([
    segmentColumns(db, orgId, registerId),
    loadFieldOptions(db, orgId, registerId),
  ]);
  return describeFields(columns, options);
}

/** A segment of the register for a page: another organisation's or register's id is a 404. */
export async function loadSegmentForPage(
  db: Db,
  orgId: string,
  registerId: string,
  segmentId: string,
) {
  try {
    return await getSegmentOrThrow(db, orgId, segmentId, registerId);
  } catch (err) {
    if (isAppError(err) && (err as AppError).code === "NOT_FOUND") notFound();
    throw err;
  }
}
