import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requireMembership } from "@/lib/auth/session";
import { hasRole } from "@/lib/orgs/roles";
import { listRegisters } from "@/lib/registers/registers";
import { Card, EmptyState } from "@/components/ui/card";
import { CreateRegisterForm } from "./_components/create-register-form";

export async function generateMetadata() {
  return { title: (await getTranslations("registers"))("title") };
}

/** The organisation's registers; editors also get the form to create one. */
export default async function RegistersPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const m = await requireMembership(org);
  const t = await getTranslations("registers");
  const td = await getTranslations("dataRequests");
  const format = await getFormatter();
  const registers = await listRegisters(await getDb(), m.orgId);
  const canEdit = hasRole(m.role, "editor");
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="text-sm text-slate-600">{t("intro")}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link
            href={`/${org}/registers/suppressions`}
            className="rounded-md px-4 py-2 text-sm font-semibold ring-1 ring-slate-300 hover:bg-slate-50"
          >
            {(await getTranslations("consent"))("suppressions.link")}
          </Link>
          {canEdit ? (
            <Link
              href={`/${org}/registers/data-requests`}
              className="rounded-md px-4 py-2 text-sm font-semibold ring-1 ring-slate-300 hover:bg-slate-50"
            >
              {td("link")}
            </Link>
          ) : null}
        </div>
      </div>
      <Card title={t("listTitle")}>
        {registers.length === 0 ? (
          <EmptyState>{canEdit ? t("emptyEditor") : t("emptyViewer")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-200">
            {registers.map((r) => (
              <li key={r.id} className="flex flex-wrap items-baseline justify-between gap-2 py-3">
                <div>
                  <Link
                    href={`/${org}/registers/${r.id}`}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {r.name}
                  </Link>
                  {r.description ? <p className="text-sm text-slate-600">{r.description}</p> : null}
                </div>
                <p className="text-sm text-slate-600">
                  {t("contactCount", { count: r.contactCount })} ·{" "}
                  {t("created", { date: format.dateTime(r.createdAt, { dateStyle: "short" }) })}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {canEdit ? (
        <Card title={t("createTitle")}>
          <CreateRegisterForm org={org} />
        </Card>
      ) : null}
    </div>
  );
}
