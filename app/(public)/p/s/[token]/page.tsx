import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { peekSenderToken } from "@/lib/senders/senders";
import { PublicCard } from "../../../_components/public-card";
import { VerifySenderButton } from "./_components/verify-sender-button";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("senders"))("verify.title") };
}

/**
 * The landing page of a sender-verification link (valid 7 days, single use). Opening it only
 * shows the button: mail scanners that open links must not verify on the owner's behalf.
 */
export default async function VerifySenderPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("senders.verify");
  const found = await peekSenderToken(await getDb(), token);
  if (found.status !== "valid")
    return (
      <PublicCard title={t("invalidTitle")}>
        <p>{t("invalid")}</p>
      </PublicCard>
    );
  return (
    <PublicCard orgName={found.orgName} title={t("title")}>
      <p>{t("intro", { org: found.orgName, address: found.address })}</p>
      <VerifySenderButton token={token} />
    </PublicCard>
  );
}
