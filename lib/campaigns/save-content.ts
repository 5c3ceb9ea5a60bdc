import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db";
import { campaigns } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { mergeFields } from "@/lib/personalize/fields";
import { authorizeActor, listColumns, type Actor } from "@/lib/registers/registers";
import {
  assertMergeTags,
  assertSafeUrls,
  documentSources,
  sanitizeDocument,
} from "./content-checks";
import { DocumentSchema } from "./document";
import { sanitizeDesignerHtml } from "./rich-text";

/** Campaign states whose content may still change; later ones are read-only. */
export const EDITABLE_STATUSES = ["draft", "scheduled", "paused"] as const;

export type ContentKind = "blocks" | "html" | "text";

export type SaveContentInput = {
  campaignId: string;
  contentKind: ContentKind;
  /** The block document (kind "blocks"), unparsed. */
  document?: unknown;
  /** Designer HTML (kind "html"). */
  html?: string | null;
  /** Plain text (kind "text"). */
  textBody?: string | null;
  /** The contentVersion the client edited; a different current version is a stale save. */
  baseVersion: number;
};

export type SavedContent = { contentVersion: number; savedAt: Date };

const MAX_HTML = 500_000;

/** True when a campaign in `status` may have its content changed. */
export function isContentEditable(status: string): boolean {
  return (EDITABLE_STATUSES as readonly string[]).includes(status);
}

function validDocument(raw: unknown) {
  const parsed = DocumentSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join(".") : "";
    throw new AppError("BAD_REQUEST", {
      userMessage: `editor.errors.invalidDocument|path=${where.replace(/[|=]/g, " ")}`,
    });
  }
  return sanitizeDocument(parsed.data);
}

function prepare(input: SaveContentInput, fields: string[]) {
  if (input.contentKind === "blocks") {
    const document = validDocument(input.document);
    assertSafeUrls(document);
    assertMergeTags(documentSources(document), fields);
    return { contentKind: "blocks" as const, document };
  }
  if (input.contentKind === "html") {
    const raw = input.html ?? "";
    if (raw.length > MAX_HTML)
      throw new AppError("BAD_REQUEST", { userMessage: "editor.errors.tooLong" });
    const html = sanitizeDesignerHtml(raw);
    assertMergeTags([{ blockId: null, text: html, kind: "html" }], fields);
    return { contentKind: "html" as const, html };
  }
  const textBody = input.textBody ?? "";
  if (textBody.length > MAX_HTML)
    throw new AppError("BAD_REQUEST", { userMessage: "editor.errors.tooLong" });
  assertMergeTags([{ blockId: null, text: textBody, kind: "text" }], fields);
  return { contentKind: "text" as const, textBody };
}

/**
 * Saves an e-mail campaign's body (editors; the campaign loaded by id and orgId, so another
 * organisation's campaign is NOT_FOUND). Validates the block document, sanitizes rich text and
 * designer HTML, checks every merge tag against the campaign's register (the unknown one named
 * per block), refuses a stale `baseVersion` (CONFLICT) and a campaign that is sending or sent,
 * then bumps `contentVersion`. The other kinds' stored bodies are kept, so switching back loses
 * nothing.
 */
export async function saveCampaignContent(
  db: Db,
  orgId: string,
  actor: Actor,
  input: SaveContentInput,
): Promise<SavedContent> {
  return saveContentVersion(db, orgId, actor, input, "email", async (tx, registerId) => {
    const columns = await listColumns(tx, orgId, registerId);
    return prepare(
      input,
      mergeFields(columns).map((f) => f.name),
    );
  });
}

/**
 * The one content save of every channel (editors): loads the campaign by (id, orgId) under a row
 * lock — another organisation's campaign, or one of another channel, is NOT_FOUND — refuses a
 * read-only status or a stale `baseVersion` (CONFLICT), then stores what `build` returns (it may
 * throw to refuse the content; nothing is stored then) and bumps `contentVersion`.
 */
export async function saveContentVersion(
  db: Db,
  orgId: string,
  actor: Actor,
  input: { campaignId: string; baseVersion: number },
  channel: "email" | "sms",
  build: (tx: Db, registerId: string) => Promise<Partial<typeof campaigns.$inferInsert>>,
): Promise<SavedContent> {
  await authorizeActor(db, orgId, actor, "editor");
  if (!z.uuid().safeParse(input.campaignId).success) throw new AppError("NOT_FOUND");
  return db.transaction(async (tx0) => {
    const tx = tx0 as unknown as Db;
    const [c] = await tx
      .select({
        status: campaigns.status,
        channel: campaigns.channel,
        registerId: campaigns.registerId,
        contentVersion: campaigns.contentVersion,
      })
      .from(campaigns)
      .where(and(eq(campaigns.id, input.campaignId), eq(campaigns.orgId, orgId)))
      .for("update");
    if (!c || c.channel !== channel) throw new AppError("NOT_FOUND");
    if (!isContentEditable(c.status))
      throw new AppError("CONFLICT", { userMessage: "editor.errors.readOnly" });
    if (c.contentVersion !== input.baseVersion)
      throw new AppError("CONFLICT", { userMessage: "editor.errors.stale" });
    const content = await build(tx, c.registerId);
    const [row] = await tx
      .update(campaigns)
      .set({
        ...content,
        contentVersion: sql`${campaigns.contentVersion} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(campaigns.id, input.campaignId), eq(campaigns.orgId, orgId)))
      .returning({ contentVersion: campaigns.contentVersion, savedAt: campaigns.updatedAt });
    return row!;
  });
}
