import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { openEmailLink } from "@/lib/auth/verify-email";
import { clientIp } from "@/lib/security/request";
import { AuthShell } from "@/components/layout/auth-shell";
import { ResendForm } from "../_components/resend-form";

export async function generateMetadata() {
  return { title: (await getTranslations("verify"))("title") };
}

/**
 * Opens a link mailed to an address: confirms a new account's address or completes a change of
 * address (single use). A dead link explains itself and offers a new one.
 */
export default async function VerifyPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("verify");
  const result = await openEmailLink(await getDb(), token, {
    ip: await clientIp(),
    now: new Date(),
  });
  const signInLink = (
    <Link
      href="/sign-in"
      className="inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
    >
      {t("signIn")}
    </Link>
  );
  if (
    result.status === "verified" ||
    result.status === "email_changed" ||
    (result.status === "used" && result.alreadyVerified)
  ) {
    const key =
      result.status === "verified"
        ? "verified"
        : result.status === "email_changed"
          ? "changed"
          : "already";
    return (
      <AuthShell title={t(`${key}Title`)}>
        <p role="status" className="mb-6 text-sm text-slate-800">
          {t(`${key}Body`)}
        </p>
        {signInLink}
      </AuthShell>
    );
  }
  if (result.status === "email_taken") {
    return (
      <AuthShell title={t("takenTitle")}>
        <p role="alert" className="mb-6 text-sm text-slate-800">
          {t("takenBody")}
        </p>
        <Link href="/account" className="text-sm text-brand-700 underline">
          {t("account")}
        </Link>
      </AuthShell>
    );
  }
  return (
    <AuthShell title={t("invalidTitle")}>
      <div role="alert" className="mb-6 space-y-2 text-sm text-slate-800">
        <p>{t("invalidBody")}</p>
        <p className="text-slate-600">{t("changeHint")}</p>
      </div>
      <h2 className="mb-3 text-base font-semibold">{t("resendTitle")}</h2>
      <ResendForm />
    </AuthShell>
  );
}
