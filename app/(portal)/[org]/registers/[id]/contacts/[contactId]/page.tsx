import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requireMembership } from "@/lib/auth/session";
import { deleteContactAction } from "@/lib/contacts/actions";
import { getContactOrThrow } from "@/lib/contacts/contacts";
import { contactFormValues, formatValue } from "@/lib/contacts/form-values";
import { listConsentActors, listConsentHistory } from "@/lib/consent/ledger";
import { isAppError } from "@/lib/errors";
import { hasRole } from "@/lib/orgs/roles";
import { loadRegisterForPage } from "@/lib/registers/queries";
import { ConfirmForm } from "@/components/orgs/confirm-form";
import { Card } from "@/components/ui/card";
import { ContactForm } from "../../_components/contact-form";
import { ConsentBadge } from "@/components/consent/consent-badge";
import { ConsentHistory } from "./_components/consent-history";
import { ManualConsentForm } from "./_components/manual-consent-form";
import { MessageHistory } from "./_components/message-history";
import { listContactMessages } from "@/lib/tracking/report-rows";

export async function generateMetadata() {
  return { title: (await getTranslations("contacts"))("contactTitle") };
}

/** One contact: every value, the edit form (editors), deletion and its history. */
export default async function ContactPage({
  params,
}: {
  params: Promise<{ org: string; id: string; contactId: string }>;
}) {
  const { org, id, contactId } = await params;
  const m = await requireMembership(org);
  const db = await getDb();
  const { register, columns } = await loadRegisterForPage(db, m.orgId, id);
  const contact = await getContactOrThrow(db, m.orgId, id, contactId).catch((err: unknown) => {
    if (isAppError(err) && err.code === "NOT_FOUND") notFound();
    throw err;
  });
  const history = await listConsentHistory(db, m.orgId, contact.id);
  const actors = await listConsentActors(db, history);
  const messages = await listContactMessages(db, m.orgId, contact.id);
  const channels = [
    ...(contact.email ? (["email"] as const) : []),
    ...(contact.phone ? (["sms"] as const) : []),
  ];
  const t = await getTranslations("contacts");
  const tc = await getTranslations("consent");
  const tr = await getTranslations("registers");
  const format = await getFormatter();
  const canEdit = hasRole(m.role, "editor");
  const name =
    `${contact.firstName} ${contact.lastName}`.trim() ||
    contact.email ||
    contact.phone ||
    t("noName");
  const show = (v: unknown, type?: string) => {
    if (v === undefined || v === null || v === "") return "–";
    if (type === "boolean") return tr(v ? "yes" : "no");
    const f = formatValue(v);
    return Array.isArray(f) ? f.join(", ") : f;
  };
  const rows: [string, string][] = [
    [t("email"), show(contact.email)],
    [t("phone"), show(contact.phone)],
    [t("firstName"), show(contact.firstName)],
    [t("lastName"), show(contact.lastName)],
    ...columns.map((c): [string, string] => [c.label, show(contact.data[c.key], c.type)]),
  ];
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link href={`/${org}/registers/${id}`} className="text-brand-700 hover:underline">
            {register.name}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">{name}</h1>
        <p className="text-sm text-slate-600">
          {t("addedAt", {
            date: format.dateTime(contact.createdAt, { dateStyle: "short", timeStyle: "short" }),
          })}{" "}
          ·{" "}
          {t("updatedAt", {
            date: format.dateTime(contact.updatedAt, { dateStyle: "short", timeStyle: "short" }),
          })}
        </p>
        <p className="mt-2 flex flex-wrap gap-2">
          <ConsentBadge channel="email" status={contact.emailStatus} />
          <ConsentBadge channel="sms" status={contact.smsStatus} />
        </p>
      </div>
      <Card title={t("values")}>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          {rows.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="font-medium text-slate-600">{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      </Card>
      {canEdit ? (
        <Card title={t("edit")}>
          <ContactForm
            org={org}
            registerId={id}
            contactId={contact.id}
            columns={columns}
            initial={contactFormValues(contact)}
          />
        </Card>
      ) : null}
      <Card title={tc("historyTitle")}>
        <ConsentHistory events={history} actors={actors} />
      </Card>
      <Card title={(await getTranslations("reports"))("history.title")}>
        <MessageHistory org={org} messages={messages} />
      </Card>
      {canEdit && channels.length > 0 ? (
        <Card title={tc("manualTitle")}>
          <ManualConsentForm
            org={org}
            registerId={id}
            contactId={contact.id}
            channels={[...channels]}
          />
        </Card>
      ) : null}
      {canEdit ? (
        <Card title={t("deleteTitle")}>
          <ConfirmForm
            action={deleteContactAction}
            fields={{ org, registerId: id, contactId: contact.id }}
            label={t("delete")}
            question={t("deleteQuestion", { name })}
            confirmLabel={t("deleteConfirm")}
            cancelLabel={t("cancel")}
          />
        </Card>
      ) : null}
    </div>
  );
}
