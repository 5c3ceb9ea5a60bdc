import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { campaigns, smsSenders } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { senderProblem } from "./phone";

export type SmsSender = typeof smsSenders.$inferSelect;
type Actor = { userId: string; userEmail: string; ip: string | null };

/** The organisation's allowed SMS senders, alphabetically (any member may read). */
export async function listSmsSenders(db: Db, orgId: string): Promise<SmsSender[]> {
  return db
    .select()
    .from(smsSenders)
    .where(eq(smsSenders.orgId, orgId))
    .orderBy(asc(smsSenders.sender));
}

/**
 * Adds an allowed sender (S2; the caller checked the main-user role). The name is validated
 * again here, so no path can store "Ääkkönen"; a duplicate is refused with its own message.
 */
export async function addSmsSender(
  db: Db,
  orgId: string,
  actor: Actor,
  input: { sender: string },
): Promise<SmsSender> {
  const sender = input.sender.trim().replace(/\s+/g, " ");
  const problem = senderProblem(sender);
  if (problem)
    throw new AppError("BAD_REQUEST", {
      userMessage: "errors.INVALID_INPUT",
      fieldErrors: {
        sender: [
          `errors.SENDER_${problem.code}${problem.character ? `|character=${problem.character}` : ""}`,
        ],
      },
    });
  return db.transaction(async (tx0) => {
    const tx = tx0 as unknown as Db;
    const [row] = await tx
      .insert(smsSenders)
      .values({ orgId, sender })
      .onConflictDoNothing()
      .returning();
    if (!row)
      throw new AppError("CONFLICT", {
        userMessage: "smsSenders.errors.duplicate",
        fieldErrors: { sender: ["smsSenders.errors.duplicate"] },
      });
    await recordAudit(tx, {
      orgId,
      actorId: actor.userId,
      actorEmail: actor.userEmail,
      ip: actor.ip,
      action: "sms_sender.added",
      targetType: "sms_sender",
      targetId: row.id,
      details: { sender, targetName: sender },
    });
    return row;
  });
}

/**
 * Removes an allowed sender (main users). Refused while a scheduled, sending or paused campaign
 * of the organisation still uses it, so nothing goes out from a sender that is no longer allowed.
 */
export async function removeSmsSender(
  db: Db,
  orgId: string,
  actor: Actor,
  senderId: string,
): Promise<void> {
  await db.transaction(async (tx0) => {
    const tx = tx0 as unknown as Db;
    const [row] = await tx
      .select()
      .from(smsSenders)
      .where(and(eq(smsSenders.id, senderId), eq(smsSenders.orgId, orgId)))
      .for("update");
    if (!row) throw new AppError("NOT_FOUND");
    const inUse = await tx
      .select({ id: campaigns.id, status: campaigns.status })
      .from(campaigns)
      .where(and(eq(campaigns.orgId, orgId), eq(campaigns.smsSender, row.sender)));
    if (inUse.some((c) => ["scheduled", "sending", "paused"].includes(c.status)))
      throw new AppError("CONFLICT", { userMessage: "smsSenders.errors.inUse" });
    await tx.delete(smsSenders).where(eq(smsSenders.id, row.id));
    await recordAudit(tx, {
      orgId,
      actorId: actor.userId,
      actorEmail: actor.userEmail,
      ip: actor.ip,
      action: "sms_sender.removed",
      targetType: "sms_sender",
      targetId: row.id,
      details: { sender: row.sender, targetName: row.sender },
    });
  });
}
