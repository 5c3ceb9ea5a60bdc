import type { Db } from "@/db";
import { auditLog } from "@/db/schema";

/** Audit actions recorded so far; later issues add sends, exports and deletions. */
export type AuditAction =
  | "auth.sign_in"
  | "auth.sign_in_failed"
  | "auth.sign_up"
  | "auth.sign_up_existing_address"
  | "auth.verification_resent"
  | "auth.email_verified"
  | "auth.password_reset_requested"
  | "auth.password_reset"
  | "auth.password_changed"
  | "auth.email_change_requested"
  | "auth.email_changed"
  | "member.invited"
  | "member.invitation_resent"
  | "member.invitation_revoked"
  | "member.joined"
  | "member.role_changed"
  | "member.removed"
  | "member.left"
  | "org.updated"
  | "org.suspended"
  | "org.unsuspended"
  | "org.partner_granted"
  | "org.partner_revoked"
  | "org.sms_price_changed"
  | "email.test_sent"
  | "audit.exported"
  | "register.created"
  | "register.deleted"
  | "register.column_removed"
  | "contact.deleted"
  | "contact.bulk_deleted"
  | "register.privacy_updated"
  | "person.exported"
  | "person.erased"
  | "person.files_erased"
  | "export.created"
  | "consent.recorded"
  | "suppression.added"
  | "suppression.removed"
  | "register.public_forms_updated"
  | "import.completed"
  | "sms_sender.added"
  | "sms_sender.removed"
  | "sender.added"
  | "sender.verification_sent"
  | "sender.verified"
  | "sender.deleted"
  | "domain.added"
  | "domain.deleted"
  | "preflight.test_sent"
  | "preflight.approved"
  | "campaign.created"
  | "campaign.deleted"
  | "campaign.scheduled"
  | "campaign.unscheduled"
  | "campaign.paused"
  | "campaign.resumed"
  | "campaign.cancelled"
  | "campaign.sent"
  | "campaign.report_exported"
  | "brand.updated";

export type AuditEntry = {
  orgId?: string | null;
  actorId?: string | null;
  actorEmail?: string | null;
  action: AuditAction;
  targetType?: string;
  targetId?: string;
  ip?: string | null;
  details?: Record<string, unknown>;
};

/** Appends an audit entry. Pass the transaction of the change so both commit or neither. */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    orgId: entry.orgId ?? null,
    actorId: entry.actorId ?? null,
    actorEmail: entry.actorEmail ?? null,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    ip: entry.ip ?? null,
    details: entry.details ?? {},
  });
}
