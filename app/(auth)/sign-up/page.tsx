import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { auth } from "@/lib/auth/auth";
import { env } from "@/lib/env";
import { AuthShell } from "@/components/layout/auth-shell";
import { SignUpForm } from "./_components/sign-up-form";

export async function generateMetadata() {
  return { title: (await getTranslations("signUp"))("title") };
}

export default async function SignUpPage() {
  const session = await auth();
  if (session?.user?.id) redirect("/");
  const t = await getTranslations("signUp");
  return (
    <AuthShell
      title={t("title")}
      wide
      footer={
        <p className="mt-6 text-center text-sm text-slate-700">
          {t("haveAccount")}{" "}
          <Link href="/sign-in" className="font-medium text-brand-700 underline">
            {t("signIn")}
          </Link>
        </p>
      }
    >
      <SignUpForm sandbox={env().EMAIL_TRANSPORT === "sandbox"} />
    </AuthShell>
  );
}
