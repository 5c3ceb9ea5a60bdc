import { getTranslations } from "next-intl/server";
import { darkModeHtml, withBaseTarget } from "@/lib/campaigns/dark-mode";
import type { CampaignPreview } from "@/lib/campaigns/preview";
import { Card } from "@/components/ui/card";

// No allow-scripts and no allow-same-origin: the message runs nothing and reaches nothing of
// ours. Links open in a new tab (base target) for a reader who wants to follow one.
const SANDBOX = "allow-popups allow-popups-to-escape-sandbox";

function Frame({
  html,
  width,
  title,
  label,
}: {
  html: string;
  width: number;
  title: string;
  label: string;
}) {
  return (
    <figure className="space-y-2">
      <figcaption className="text-sm font-medium text-slate-700">{label}</figcaption>
      <div className="overflow-x-auto rounded border border-slate-200 bg-slate-100">
        <iframe
          srcDoc={withBaseTarget(html)}
          sandbox={SANDBOX}
          title={title}
          width={width}
          height={720}
          style={{ width, minWidth: width, height: 720, border: 0, background: "#fff" }}
        />
      </div>
    </figure>
  );
}

/** The personalised message at phone and desktop widths, in dark mode, and its text part. */
export async function MessageFrames({ preview }: { preview: CampaignPreview }) {
  const t = await getTranslations("preflight.preview");
  const { message } = preview;
  return (
    <Card title={t("title")}>
      <dl className="mb-4 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="text-slate-600">{t("from")}</dt>
        <dd className="break-all">{preview.from}</dd>
        <dt className="text-slate-600">{t("subject")}</dt>
        <dd data-testid="preview-subject">{message.subject}</dd>
        {preview.rendered.preheader ? (
          <>
            <dt className="text-slate-600">{t("preheader")}</dt>
            <dd>{preview.rendered.preheader}</dd>
          </>
        ) : null}
      </dl>
      {!preview.senderVerified ? (
        <p className="mb-4 text-sm text-amber-700">{t("systemSender")}</p>
      ) : null}
      {message.html ? (
        <div className="space-y-6">
          <div className="flex flex-wrap gap-6">
            <Frame
              html={message.html}
              width={375}
              label={t("mobile")}
              title={t("frameTitle", { view: t("mobile") })}
            />
            <div className="space-y-2">
              <Frame
                html={darkModeHtml(message.html)}
                width={375}
                label={t("dark")}
                title={t("frameTitle", { view: t("dark") })}
              />
              <p className="max-w-sm text-xs text-slate-600">{t("darkNote")}</p>
            </div>
          </div>
          <Frame
            html={message.html}
            width={1280}
            label={t("desktop")}
            title={t("frameTitle", { view: t("desktop") })}
          />
        </div>
      ) : (
        <p className="text-sm text-slate-600">{t("textOnly")}</p>
      )}
      <h3 className="mt-6 mb-2 text-sm font-medium text-slate-700">{t("text")}</h3>
      <pre
        data-testid="preview-text"
        className="max-h-96 overflow-auto rounded border border-slate-200 bg-slate-50 p-3 text-sm whitespace-pre-wrap"
      >
        {message.text}
      </pre>
    </Card>
  );
}
