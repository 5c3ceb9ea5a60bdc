"use client";

import { useTranslations } from "next-intl";
import { SOCIAL_NETWORKS, type SocialBlockSchema } from "@/lib/campaigns/document";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { AlignSelect, Select, TextInput } from "./inputs";

type Social = z.infer<typeof SocialBlockSchema>;

/** Social links: a network and a URL each (up to 10), and alignment. */
export function SocialProperties({
  block,
  onPatch,
}: {
  block: Social;
  onPatch: (patch: Record<string, unknown>, field?: string) => void;
}) {
  const t = useTranslations("editor");
  const set = (i: number, link: Partial<Social["links"][number]>, field?: string) =>
    onPatch({ links: block.links.map((l, j) => (j === i ? { ...l, ...link } : l)) }, field);
  const options = SOCIAL_NETWORKS.map((n) => ({ value: n, label: t(`networks.${n}`) }));
  return (
    <>
      <ul className="space-y-3">
        {block.links.map((l, i) => (
          <li key={i} className="space-y-1 rounded border border-slate-200 p-2">
            <Select
              label={t("props.network", { n: i + 1 })}
              value={l.network}
              options={options}
              onChange={(v) => set(i, { network: v })}
            />
            <TextInput
              label={t("props.networkUrl", { n: i + 1 })}
              type="url"
              value={l.url}
              onChange={(v) => set(i, { url: v }, `url${i}`)}
            />
            <Button
              type="button"
              variant="ghost"
              className="text-red-700"
              onClick={() => onPatch({ links: block.links.filter((_, j) => j !== i) })}
            >
              {t("props.removeNetwork", { n: i + 1 })}
            </Button>
          </li>
        ))}
      </ul>
      {block.links.length < 10 ? (
        <Button
          type="button"
          variant="secondary"
          onClick={() =>
            onPatch({ links: [...block.links, { network: "website", url: "https://" }] })
          }
        >
          {t("props.addNetwork")}
        </Button>
      ) : null}
      <AlignSelect value={block.align} onChange={(v) => onPatch({ align: v })} />
    </>
  );
}
