import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { isLocale } from "@/lib/i18n/config";
import { availableFields, getPublicRegister } from "@/lib/public-forms/register";
import { BackLink } from "../../../../_components/back-link";
import { PublicCard } from "../../../../_components/public-card";

type Search = { f?: string; error?: string; fields?: string };

/**
 * The answer page of every public form (hosted and embedded): thanks, or — for the form code on
 * another site — the errors with a link back to the form (the browser keeps what was typed).
 * Only known message keys are shown, never text from the query string.
 */
export default async function DonePage({
  params,
  searchParams,
}: {
  params: Promise<{ key: string }>;
  searchParams: Promise<Search>;
}) {
  const { key } = await params;
  const sp = await searchParams;
  const db = await getDb();
  const pr = await getPublicRegister(db, key);
  if (!pr) notFound();
  const t = await getTranslations();
  const tp = await getTranslations("publicForms");
  const names = { org: pr.orgName, register: pr.register.name };
  const known = (k: string) =>
    /^(publicForms|registers\.values|errors)\.[A-Za-z_.]+$/.test(k) && t.has(k);
  if (sp.error) {
    const [errKey, ...params] = sp.error.split("|");
    const values = Object.fromEntries(
      params
        .map((p) => p.split("=", 2) as [string, string])
        .filter(([k, v]) => k === "minutes" && /^\d+$/.test(v ?? "")),
    );
    const fieldLines = (sp.fields ?? "")
      .split(",")
      .map((pair) => pair.split(":", 2) as [string, string])
      .filter(([name, k]) => /^[A-Za-z0-9_]{1,80}$/.test(name) && k && known(k));
    const locale = await getLocale();
    const labels = new Map(
      (
        await availableFields(
          db,
          pr.register.orgId,
          pr.register.id,
          isLocale(locale) ? locale : "fi",
        )
      ).map((f) => [f.name, f.label]),
    );
    return (
      <PublicCard orgName={pr.orgName} title={tp("done.errorTitle")}>
        <p role="alert" className="text-red-700">
          {errKey && known(errKey) ? t(errKey, values) : tp("errors.fix")}
        </p>
        {fieldLines.length > 0 ? (
          <ul className="list-disc pl-5 text-sm">
            {fieldLines.map(([name, k]) => (
              <li key={name}>
                {name === "consent" ? tp("consentRequired") : (labels.get(name) ?? name)}: {t(k)}
              </li>
            ))}
          </ul>
        ) : null}
        <BackLink label={tp("done.back")} />
      </PublicCard>
    );
  }
  const message =
    sp.f === "leave"
      ? tp("done.leave", names)
      : sp.f === "edit"
        ? tp("done.edit", names)
        : pr.register.doubleOptIn
          ? tp("done.joinPending", names)
          : tp("done.joinDone", names);
  return (
    <PublicCard orgName={pr.orgName} title={tp("done.title")}>
      <p role="status">{message}</p>
    </PublicCard>
  );
}
