import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { signedFillStamp } from "@/lib/public-forms/fill-time";
import { getPublicRegister } from "@/lib/public-forms/register";
import { PublicCard } from "../../../../_components/public-card";
import { AddressForm } from "../../../../_components/public-forms";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("publicForms"))("edit.title") };
}

/** Hosted edit page of a register (R6): the same answer whether or not the address is known. */
export default async function Page({ params }: { params: Promise<{ key: string }> }) {
  const { key } = await params;
  const pr = await getPublicRegister(await getDb(), key);
  if (!pr) notFound();
  const t = await getTranslations("publicForms");
  return (
    <PublicCard orgName={pr.orgName} title={t("edit.title")}>
      <p className="text-sm text-slate-700">
        {t("edit.intro", { org: pr.orgName, register: pr.register.name })}
      </p>
      <AddressForm publicKey={key} kind="edit" stamp={signedFillStamp()} />
    </PublicCard>
  );
}
