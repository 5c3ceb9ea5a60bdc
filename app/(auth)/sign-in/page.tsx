import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { auth } from "@/lib/auth/auth";
import { LocaleSwitch } from "@/components/layout/locale-switch";
import { SignInForm } from "./_components/sign-in-form";

export async function generateMetadata() {
  return { title: (await getTranslations("signIn"))("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const session = await auth();
  if (session?.user?.id) redirect("/");
  const t = await getTranslations();
  const { next } = await searchParams;
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <p className="mb-2 text-center text-2xl font-bold text-brand-700">{t("app.name")}</p>
        <p className="mb-8 text-center text-sm text-slate-600">{t("app.tagline")}</p>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="mb-6 text-xl font-semibold">{t("signIn.title")}</h1>
          <SignInForm next={next ?? "/"} />
        </div>
        <p className="mt-6 text-center text-xs text-slate-500">{t("signIn.demoHint")}</p>
        <div className="mt-4 flex justify-center">
          <LocaleSwitch />
        </div>
      </div>
    </main>
  );
}
