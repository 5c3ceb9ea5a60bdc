import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requireMembership } from "@/lib/auth/session";
import { listImagesForPicker } from "@/lib/images/queries";
import { MAX_IMAGE_BYTES, MAX_IMAGE_SIDE } from "@/lib/images/sniff";
import { hasRole } from "@/lib/orgs/roles";
import { ImageGrid } from "./_components/image-grid";

export async function generateMetadata() {
  return { title: (await getTranslations("images"))("title") };
}

/** The organisation's image bank (E2): upload, thumbnails with size and dimensions, delete. */
export default async function ImagesPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const m = await requireMembership(org);
  const images = await listImagesForPicker(await getDb(), m.orgId);
  const t = await getTranslations("images");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="max-w-2xl text-sm text-slate-600">
          {t("intro", { mb: MAX_IMAGE_BYTES / 1024 / 1024, px: MAX_IMAGE_SIDE })}
        </p>
      </div>
      <ImageGrid
        org={org}
        images={images}
        canEdit={hasRole(m.role, "editor") && m.status !== "suspended"}
      />
    </div>
  );
}
