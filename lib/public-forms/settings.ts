import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { registers } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { authorizeActor, getRegisterOrThrow, type Actor } from "@/lib/registers/registers";
import { availableFields } from "./register";

export type PublicFormSettings = {
  publicJoin: boolean;
  doubleOptIn: boolean;
  joinColumns: string[];
  consentWording: string;
};

/**
 * Saves a register's public-form settings (editors). Join columns must be columns of the
 * register (built-ins or custom), without repeats; e-mail is always first. Enabling joining needs
 * a consent wording, since every join stores the wording shown. Audited.
 */
export async function updatePublicForms(
  db: Db,
  orgId: string,
  actor: Actor,
  registerId: string,
  input: PublicFormSettings,
) {
  await authorizeActor(db, orgId, actor, "editor");
  await getRegisterOrThrow(db, orgId, registerId);
  const known = new Set((await availableFields(db, orgId, registerId, "fi")).map((f) => f.key));
  const cols = ["email", ...input.joinColumns.filter((k) => k !== "email")];
  if (cols.some((k) => !known.has(k)) || new Set(cols).size !== cols.length)
    throw new AppError("BAD_REQUEST", {
      userMessage: "publicForms.errors.unknownColumn",
      fieldErrors: { joinColumns: ["publicForms.errors.unknownColumn"] },
    });
  const wording = input.consentWording.trim();
  if (input.publicJoin && !wording)
    throw new AppError("BAD_REQUEST", {
      userMessage: "publicForms.errors.wordingRequired",
      fieldErrors: { consentWording: ["publicForms.errors.wordingRequired"] },
    });
  await db.transaction(async (tx) => {
    await tx
      .update(registers)
      .set({
        publicJoin: input.publicJoin,
        doubleOptIn: input.doubleOptIn,
        joinColumns: cols,
        consentWording: wording,
        updatedAt: new Date(),
      })
      .where(and(eq(registers.id, registerId), eq(registers.orgId, orgId)));
    await recordAudit(tx, {
      orgId,
      actorId: actor.userId,
      actorEmail: actor.userEmail,
      action: "register.public_forms_updated",
      targetType: "register",
      targetId: registerId,
      ip: actor.ip ?? null,
      details: { publicJoin: input.publicJoin, doubleOptIn: input.doubleOptIn, joinColumns: cols },
    });
  });
}
