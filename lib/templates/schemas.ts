import { z } from "zod";

// Shared by the e-mail and the SMS template actions: the inputs are the same.

const id = z.string().min(1).max(40);
const name = z.string().trim().min(1, "templates.errors.nameRequired").max(200);

export const CreateTemplateSchema = z.object({ campaignId: id, name });
export const RenameTemplateSchema = z.object({ templateId: id, name });
export const TemplateIdSchema = z.object({ templateId: id });
export const ApplyTemplateSchema = z.object({
  campaignId: id,
  templateId: id,
  baseVersion: z.coerce.number().int().min(0),
});
