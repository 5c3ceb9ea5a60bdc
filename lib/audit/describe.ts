import { createTranslator } from "next-intl";
import { loadMessages } from "@/messages";
import type { Locale } from "@/lib/i18n/config";
import { AUDIT_ACTIONS, type AuditEntryRow } from "./queries";

/** The slice of a next-intl translator this module needs (server, client and tests alike). */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

const str = (v: unknown): string | undefined =>
  typeof v === "string" && v.trim() ? v : typeof v === "number" ? String(v) : undefined;
const ROLES = ["main", "editor", "viewer"];

/**
 * An audit entry in words, e.g. "Dora Demo kutsui osoitteen x@y.fi rooliin Muokkaaja". Details
 * are read by convention: email, role, from/to (roles), targetName/targetEmail, fields, count.
 * Values are ICU arguments, never parsed as message syntax.
 */
export function describeAuditEntry(e: AuditEntryRow, t: Translate): string {
  const d = e.details ?? {};
  const role = (v: unknown) => {
    const s = str(v);
    return s && ROLES.includes(s) ? t(`roles.${s}`) : (s ?? "–");
  };
  const fields = Array.isArray(d.fields)
    ? d.fields
        .map((f) =>
          typeof f === "string" &&
          ["name", "businessId", "billingAddress", "contactEmails"].includes(f)
            ? t(`audit.fields.${f}`)
            : String(f),
        )
        .join(", ")
    : "–";
  const values = {
    actor: auditActorLabel(e, t),
    email: str(d.email) ?? str(d.newEmail) ?? e.actorEmail ?? "–",
    role: role(d.role),
    from: role(d.from ?? d.oldRole),
    to: role(d.to ?? d.newRole),
    target: str(d.targetName) ?? str(d.targetEmail) ?? str(d.email) ?? e.targetId ?? "–",
    fields,
    count: typeof d.count === "number" ? d.count : 0,
  };
  if (!(AUDIT_ACTIONS as readonly string[]).includes(e.action))
    return t("audit.describe.unknown", { ...values, action: e.action });
  return t(`audit.describe.${e.action}`, values);
}

/** Who did it: the person's current name, else the e-mail recorded, else "unknown user". */
export function auditActorLabel(
  e: Pick<AuditEntryRow, "actorName" | "actorEmail">,
  t: Translate,
): string {
  return e.actorName ?? e.actorEmail ?? t("audit.someone");
}

/** A translator over every namespace of `locale`, for code outside a request (exports, tests). */
export async function auditTranslator(locale: Locale): Promise<Translate> {
  const messages = await loadMessages(locale);
  const t = createTranslator({ locale, messages });
  return (key, values) => t(key as never, values as never);
}
