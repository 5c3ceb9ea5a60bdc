import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requireMembership } from "@/lib/auth/session";
import { deleteDomainAction, deleteSenderAction } from "@/lib/senders/actions";
import { transportDkimKey } from "@/lib/senders/dkim";
import { listDomains } from "@/lib/senders/domains";
import { listSenders } from "@/lib/senders/senders";
import { hasRole } from "@/lib/orgs/roles";
import { ConfirmForm } from "@/components/orgs/confirm-form";
import { Card, EmptyState } from "@/components/ui/card";
import { AddDomainForm, AddSenderForm } from "./_components/add-forms";
import { DomainRecords } from "./_components/domain-records";
import { ResendButton } from "./_components/resend-button";

export async function generateMetadata() {
  return { title: (await getTranslations("senders"))("title") };
}

/** Sender addresses (verified by a mailed link) and sending domains with their DNS records (E6). */
export default async function SendersPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const m = await requireMembership(org);
  const t = await getTranslations("senders");
  const format = await getFormatter();
  const db = await getDb();
  const [senders, domains] = await Promise.all([
    listSenders(db, m.orgId),
    listDomains(db, m.orgId),
  ]);
  const canEdit = hasRole(m.role, "editor");
  const date = (d: Date) => format.dateTime(d, { dateStyle: "short", timeStyle: "short" });
  const signing = transportDkimKey();
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link href={`/${org}/email`} className="text-brand-700 hover:underline">
            {t("backToEmail")}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="max-w-3xl text-sm text-slate-600">{t("intro")}</p>
      </div>
      <Card title={t("senders.title")}>
        {senders.length === 0 ? (
          <EmptyState>{t("senders.empty")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label={t("senders.title")}>
            {senders.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center gap-3 py-3">
                <div className="min-w-64 flex-1">
                  <p className="font-medium break-all">
                    {s.name ? `${s.name} <${s.address}>` : s.address}
                  </p>
                  <p className={`text-sm ${s.verifiedAt ? "text-green-700" : "text-amber-700"}`}>
                    {s.verifiedAt
                      ? t("senders.verified", { date: date(s.verifiedAt) })
                      : s.state === "pending" && s.tokenExpiresAt
                        ? t("senders.pending", { date: date(s.tokenExpiresAt) })
                        : t("senders.expired")}
                  </p>
                </div>
                {canEdit && !s.verifiedAt ? <ResendButton org={org} senderId={s.id} /> : null}
                {canEdit ? (
                  <ConfirmForm
                    action={deleteSenderAction}
                    fields={{ org, senderId: s.id }}
                    label={t("senders.delete")}
                    question={t("senders.deleteQuestion")}
                    confirmLabel={t("senders.deleteConfirm")}
                    cancelLabel={t("senders.cancel")}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
      {canEdit ? (
        <Card title={t("add.title")}>
          <AddSenderForm org={org} />
        </Card>
      ) : null}
      <Card title={t("domains.title")}>
        <p className="mb-4 text-sm text-slate-600">
          {signing ? t("domains.signing", { selector: signing.selector }) : t("domains.notSigning")}
        </p>
        {domains.length === 0 ? (
          <EmptyState>{t("domains.empty")}</EmptyState>
        ) : (
          <div className="space-y-6">
            {domains.map((d) => (
              <section
                key={d.id}
                aria-label={d.domain}
                className="rounded-md border border-slate-200 p-4"
              >
                <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
                  <h3 className="text-lg font-semibold">{d.domain}</h3>
                  {canEdit ? (
                    <ConfirmForm
                      action={deleteDomainAction}
                      fields={{ org, domainId: d.id }}
                      label={t("domains.delete")}
                      question={t("domains.deleteQuestion")}
                      confirmLabel={t("domains.deleteConfirm")}
                      cancelLabel={t("domains.cancel")}
                    />
                  ) : null}
                </div>
                <DomainRecords
                  org={org}
                  domainId={d.id}
                  records={d.records}
                  lastCheck={d.lastCheck}
                  checkedAt={d.checkedAt ? date(d.checkedAt) : null}
                  canCheck={canEdit}
                />
              </section>
            ))}
          </div>
        )}
        {canEdit ? (
          <div className="mt-6 border-t border-slate-100 pt-4">
            <h3 className="mb-2 font-semibold">{t("domains.add")}</h3>
            <AddDomainForm org={org} />
          </div>
        ) : null}
      </Card>
    </div>
  );
}
