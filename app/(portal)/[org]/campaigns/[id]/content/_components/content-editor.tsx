"use client";

import { useCallback, useMemo, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { BlockEditor } from "@/components/editor/block-editor";
import type { PickerImage } from "@/components/editor/image-picker";
import { SaveStatusText } from "@/components/editor/save-status";
import { useAutosave, type SaveResult } from "@/components/editor/use-autosave";
import { useHistory } from "@/components/editor/use-history";
import { saveCampaignContentAction } from "@/lib/campaigns/content-actions";
import type { BrandColors, CampaignContent } from "@/lib/campaigns/content-queries";
import type { EmailDocument } from "@/lib/campaigns/document";
import type { ContentKind } from "@/lib/campaigns/save-content";
import type { MergeField } from "@/lib/personalize/fields";
import { CodeArea } from "./code-area";
import { TemplateBar, type TemplateOption } from "./template-bar";

type Content = { kind: ContentKind; doc: EmailDocument; html: string; text: string };

/**
 * The campaign body: the kind switch (blocks, designer HTML, plain text), the editor for the
 * chosen kind, autosave with its status, and templates. Read-only for viewers and for
 * campaigns already sending or sent.
 */
export function ContentEditor(props: {
  org: string;
  campaign: CampaignContent;
  canEdit: boolean;
  brand: BrandColors;
  fields: MergeField[];
  images: PickerImage[];
  templates: TemplateOption[];
}) {
  const { org, campaign } = props;
  const t = useTranslations("editor");
  const readOnly = !props.canEdit || !campaign.editable;
  const history = useHistory<EmailDocument>(campaign.document);
  const [kind, setKind] = useState<ContentKind>(campaign.contentKind);
  const [html, setHtml] = useState(campaign.html);
  const [text, setText] = useState(campaign.textBody);
  const version = useRef(campaign.contentVersion);
  const content = useMemo<Content>(
    () => ({ kind, doc: history.value, html, text }),
    [kind, history.value, html, text],
  );

  const save = useCallback(
    async (c: Content): Promise<SaveResult> => {
      const fd = new FormData();
      fd.set("org", org);
      fd.set("campaignId", campaign.id);
      fd.set("contentKind", c.kind);
      fd.set("baseVersion", String(version.current));
      if (c.kind === "blocks") fd.set("document", JSON.stringify(c.doc));
      else if (c.kind === "html") fd.set("html", c.html);
      else fd.set("textBody", c.text);
      const r = await saveCampaignContentAction(null, fd);
      if (r.ok && r.data) {
        version.current = r.data.contentVersion;
        return { ok: true, savedAt: new Date(r.data.savedAt) };
      }
      const error = r.error ?? "errors.INTERNAL";
      return {
        ok: false,
        error,
        fieldErrors: r.fieldErrors,
        stale: error === "editor.errors.stale",
      };
    },
    [org, campaign.id],
  );
  const { status, allowLeave } = useAutosave(
    readOnly ? null : content,
    save as (c: Content | null) => Promise<SaveResult>,
  );
  const errors = status.state === "error" ? (status.fieldErrors ?? {}) : {};
  const kinds: ContentKind[] = ["blocks", "html", "text"];

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <fieldset className="flex flex-wrap gap-3" disabled={readOnly}>
          <legend className="sr-only">{t("kind.legend")}</legend>
          {kinds.map((k) => (
            <label key={k} className="flex items-center gap-1 text-sm">
              <input
                type="radio"
                name="contentKind"
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
              />
              {t(`kind.${k}`)}
            </label>
          ))}
        </fieldset>
        {!readOnly ? (
          <SaveStatusText
            status={status}
            onReload={() => {
              allowLeave();
              window.location.reload();
            }}
          />
        ) : null}
      </div>
      {!readOnly ? (
        <TemplateBar
          org={org}
          channel="email"
          campaignId={campaign.id}
          templates={props.templates}
          version={version}
          busy={status.state !== "saved"}
        />
      ) : null}
      {kind === "blocks" ? (
        <BlockEditor
          history={history}
          brand={props.brand}
          fields={props.fields}
          initialImages={props.images}
          uploadUrl={`/${org}/email/images/upload`}
          readOnly={readOnly}
          errors={errors}
        />
      ) : kind === "html" ? (
        <CodeArea
          label={t("kind.htmlLabel")}
          help={t("kind.htmlHelp")}
          value={html}
          onChange={setHtml}
          fields={props.fields}
          readOnly={readOnly}
          errors={errors.html}
          mono
        />
      ) : (
        <CodeArea
          label={t("kind.textLabel")}
          help={t("kind.textHelp")}
          value={text}
          onChange={setText}
          fields={props.fields}
          readOnly={readOnly}
          errors={errors.textBody}
        />
      )}
    </div>
  );
}
