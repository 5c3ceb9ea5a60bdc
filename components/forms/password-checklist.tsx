"use client";

import { useId } from "react";
import { useTranslations } from "next-intl";
import { checkPassword, PASSWORD_RULES } from "@/lib/auth/password-policy";

type Props = { password: string; firstName?: string; lastName?: string; id?: string };

/**
 * The password rules with their live state, computed by the same policy the server enforces.
 * Each rule is marked by an icon and by text ("Met: …" / "Not met: …" for screen readers), never by
 * colour alone; the list is a polite live region, and each item's accessible text is one text
 * node, so a flip is announced with its rule. "printable" is listed only when it fails (control
 * characters cannot be typed, only pasted).
 */
export function PasswordChecklist({ password, firstName, lastName, id }: Props) {
  const t = useTranslations("password");
  const titleId = useId();
  const { rules } = checkPassword(password, { firstName, lastName });
  const shown = PASSWORD_RULES.filter((rule) => rule !== "printable" || !rules.printable);
  return (
    <div id={id} className="rounded-md bg-slate-50 px-3 py-2">
      <p id={titleId} className="text-xs font-medium text-slate-800">
        {t("checklistTitle")}
      </p>
      <ul aria-labelledby={titleId} aria-live="polite" className="mt-1 space-y-0.5 text-xs">
        {shown.map((rule) => {
          const met = rules[rule];
          const text = t(`rules.${rule}`);
          return (
            <li
              key={rule}
              data-rule={rule}
              data-met={met}
              className={`flex items-start gap-1.5 ${met ? "text-green-800" : "text-slate-700"}`}
            >
              <span
                aria-hidden="true"
                className={`w-3 shrink-0 text-center font-bold ${met ? "text-green-700" : "text-red-700"}`}
              >
                {met ? "✓" : "✗"}
              </span>
              <span className="sr-only">{`${met ? t("met") : t("unmet")}: ${text}`}</span>
              <span aria-hidden="true">{text}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
