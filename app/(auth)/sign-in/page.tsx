import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { auth } from "@/lib/auth/auth";
import { AuthShell } from "@/components/layout/auth-shell";
import { SignInForm } from "./_components/sign-in-form";

export async function generateMetadata() {
  return { title: (await getTranslations("signIn"))("title") };
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string }>;
}) {
  const session = await auth();
  if (session?.user?.id) redirect("/");
  const t = await getTranslations("signIn");
  const { next } = await searchParams;
  return (
    <AuthShell
      title={t("title")}
      footer={
        <>
          <p className="mt-6 text-center text-sm text-slate-700">
            {t("noAccount")}{" "}
            <Link href="/sign-up" className="font-medium text-brand-700 underline">
              {t("createAccount")}
            </Link>
          </p>
          <p className="mt-4 text-center text-xs text-slate-500">{t("demoHint")}</p>
        </>
      }
    >
      <SignInForm next={next ?? "/"} />
    </AuthShell>
  );
}
