import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requireMembership } from "@/lib/auth/session";
import { getSandboxEmail, listSandboxEmails } from "@/lib/email/queries";
import { SandboxMailbox } from "@/components/email/sandbox-mailbox";

const PAGE = 50;

export async function generateMetadata() {
  return { title: (await getTranslations("outbox"))("title") };
}

export default async function SandboxOutboxPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<{ m?: string; page?: string }>;
}) {
  const { org } = await params;
  const { m: selectedId, page: pageParam } = await searchParams;
  const member = await requireMembership(org);
  const t = await getTranslations("outbox");
  const db = await getDb();
  const page = Math.max(0, Number(pageParam) || 0);
  const { rows, total } = await listSandboxEmails(db, member.orgId, {
    limit: PAGE,
    offset: page * PAGE,
  });
  const selected = selectedId ? await getSandboxEmail(db, member.orgId, selectedId) : null;

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("intro")}</p>
      </div>
      <SandboxMailbox
        rows={rows}
        total={total}
        selected={selected}
        page={page}
        pageSize={PAGE}
        basePath={`/${org}/sandbox/outbox`}
        empty={t("empty")}
        label={t("title")}
      />
    </div>
  );
}
