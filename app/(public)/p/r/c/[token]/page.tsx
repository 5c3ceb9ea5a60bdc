import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { peekConfirmToken } from "@/lib/public-forms/links";
import { ConfirmButton } from "../../../../_components/confirm-button";
import { PublicCard } from "../../../../_components/public-card";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("publicForms"))("confirm.title") };
}

/**
 * The double opt-in link from the confirmation mail (valid 7 days, single use). Opening it only
 * shows the button: mail scanners that open links must not confirm on the person's behalf.
 */
export default async function ConfirmPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("publicForms");
  const names = await peekConfirmToken(await getDb(), token);
  if (!names)
    return (
      <PublicCard title={t("confirm.invalidTitle")}>
        <p>{t("confirm.invalid")}</p>
      </PublicCard>
    );
  return (
    <PublicCard orgName={names.orgName} title={t("confirm.title")}>
      <p>{t("confirm.intro", { org: names.orgName, register: names.registerName })}</p>
      <ConfirmButton token={token} />
    </PublicCard>
  );
}
