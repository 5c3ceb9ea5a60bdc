import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { getDb } from "@/db";
import { requireMembership } from "@/lib/auth/session";
import { hasRole } from "@/lib/orgs/roles";
import { removeSmsSenderAction } from "@/lib/sms/actions";
import { listSmsSenders } from "@/lib/sms/senders";
import { ConfirmForm } from "@/components/orgs/confirm-form";
import { Card, EmptyState } from "@/components/ui/card";
import { AddSenderForm } from "./_components/add-sender-form";

export async function generateMetadata() {
  return { title: (await getTranslations("smsSenders"))("title") };
}

/** The organisation's allowed SMS senders (S2): everyone reads, main users add and remove. */
export default async function SmsSendersPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const m = await requireMembership(org);
  const t = await getTranslations("smsSenders");
  const format = await getFormatter();
  const senders = await listSmsSenders(await getDb(), m.orgId);
  const isMain = hasRole(m.role, "main");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="max-w-3xl text-sm text-slate-600">{t("intro")}</p>
        <p className="mt-1 text-sm">
          <Link href={`/${org}/email/templates#sms`} className="text-brand-700 hover:underline">
            {t("templatesLink")}
          </Link>
        </p>
      </div>
      <Card>
        {senders.length === 0 ? (
          <EmptyState>{t("empty")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {senders.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 py-2">
                <div>
                  <span className="font-mono text-sm font-semibold">{s.sender}</span>
                  <span className="ml-3 text-xs text-slate-600">
                    {t("addedAt", { at: format.dateTime(s.createdAt, { dateStyle: "short" }) })}
                  </span>
                </div>
                {isMain ? (
                  <ConfirmForm
                    action={removeSmsSenderAction}
                    fields={{ org, senderId: s.id }}
                    label={t("remove")}
                    question={t("removeQuestion", { sender: s.sender })}
                    confirmLabel={t("removeConfirm")}
                    cancelLabel={t("cancel")}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
      {isMain ? (
        <Card>
          <h2 className="mb-3 text-lg font-semibold">{t("addTitle")}</h2>
          <AddSenderForm org={org} />
        </Card>
      ) : (
        <p className="text-sm text-slate-600">{t("mainOnly")}</p>
      )}
    </div>
  );
}
