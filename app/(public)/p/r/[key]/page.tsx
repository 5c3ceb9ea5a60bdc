import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { isLocale } from "@/lib/i18n/config";
import { signedFillStamp } from "@/lib/public-forms/fill-time";
import { getPublicRegister, joinFields } from "@/lib/public-forms/register";
import { PublicCard } from "../../../_components/public-card";
import { JoinForm } from "../../../_components/public-forms";

// The fill-time stamp is the render time: never serve a cached copy.
export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("publicForms"))("join.title") };
}

/** Hosted join page of a register (R6), found by its public key. */
export default async function JoinPage({ params }: { params: Promise<{ key: string }> }) {
  const { key } = await params;
  const db = await getDb();
  const pr = await getPublicRegister(db, key);
  if (!pr) notFound();
  const t = await getTranslations("publicForms");
  const locale = await getLocale();
  const names = { org: pr.orgName, register: pr.register.name };
  const fields = pr.register.publicJoin
    ? await joinFields(db, pr.register.orgId, pr.register.id, isLocale(locale) ? locale : "fi")
    : [];
  return (
    <PublicCard orgName={pr.orgName} title={pr.register.name}>
      {pr.register.publicJoin ? (
        <>
          <p className="text-sm text-slate-700">{t("join.intro", names)}</p>
          <JoinForm
            publicKey={key}
            fields={fields}
            wording={pr.register.consentWording}
            stamp={signedFillStamp()}
          />
        </>
      ) : (
        <p>{t("join.closed")}</p>
      )}
      <p className="flex gap-4 border-t border-slate-200 pt-4 text-sm">
        <Link href={`/p/r/${key}/leave`} className="text-brand-700 underline">
          {t("join.leaveLink")}
        </Link>
        <Link href={`/p/r/${key}/edit`} className="text-brand-700 underline">
          {t("join.editLink")}
        </Link>
      </p>
    </PublicCard>
  );
}
