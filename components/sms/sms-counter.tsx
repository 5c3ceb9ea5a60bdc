"use client";

import { Fragment } from "react";
import { useTranslations } from "next-intl";
import { gsm7Septets, smsLength, type SmsLength } from "@/lib/sms/encoding";

/** The GSM-7 extension characters in `text` (each takes two septets), deduplicated. */
export function extensionCharacters(text: string): string[] {
  return [...new Set(Array.from(text).filter((c) => gsm7Septets(c) === 2))];
}

/** A mirror of `text` with the characters that force UCS-2 marked. */
function Mirror({ text, marked }: { text: string; marked: Set<string> }) {
  const t = useTranslations("smsEditor");
  return (
    <p
      aria-label={t("mirror")}
      className="whitespace-pre-wrap break-words rounded border border-slate-200 bg-white p-2 text-sm"
    >
      {Array.from(text).map((ch, i) =>
        marked.has(ch) ? (
          <mark key={i} className="rounded bg-amber-200 px-0.5">
            {ch}
          </mark>
        ) : (
          <Fragment key={i}>{ch}</Fragment>
        ),
      )}
    </p>
  );
}

/**
 * The live count of one text (S3), computed by the same `smsLength` the server sends and bills
 * by: encoding, characters, units, parts with their size, the characters forcing UCS-2 (marked
 * in a mirror of the text and listed) and GSM-7 extension characters (counted as two).
 */
export function SmsCounter({
  text,
  maxParts,
  label,
  testId,
}: {
  text: string;
  maxParts: number;
  label: string;
  testId?: string;
}) {
  const t = useTranslations("smsEditor");
  const len: SmsLength = smsLength(text);
  const ext = len.encoding === "gsm7" ? extensionCharacters(text) : [];
  const quote = (cs: string[]) => cs.map((c) => `“${c}”`).join(", ");
  return (
    <section aria-label={label} data-testid={testId} className="space-y-2 text-sm">
      <h3 className="font-semibold">{label}</h3>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1 sm:grid-cols-4">
        <div>
          <dt className="text-slate-600">{t("encoding")}</dt>
          <dd data-testid="sms-encoding" className="font-medium">
            {len.encoding === "gsm7" ? "GSM-7" : "UCS-2"}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("characters")}</dt>
          <dd className="tabular-nums">{len.characters}</dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("units")}</dt>
          <dd className="tabular-nums">{len.units}</dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("parts")}</dt>
          <dd data-testid="sms-parts" className="font-medium tabular-nums">
            {t("partsValue", { parts: len.parts, perPart: len.perPart })}
          </dd>
        </div>
      </dl>
      {len.parts > maxParts ? (
        <p role="alert" className="text-red-700">
          {t("tooManyParts", { parts: len.parts, max: maxParts })}
        </p>
      ) : null}
      {len.nonGsmCharacters.length > 0 ? (
        <>
          <p data-testid="sms-ucs2-note" className="text-amber-900">
            {t("forcesUcs2", {
              chars: quote(len.nonGsmCharacters),
              count: len.nonGsmCharacters.length,
            })}
          </p>
          <Mirror text={text} marked={new Set(len.nonGsmCharacters)} />
        </>
      ) : null}
      {ext.length > 0 ? (
        <p className="text-slate-700">{t("extension", { chars: quote(ext), count: ext.length })}</p>
      ) : null}
    </section>
  );
}
