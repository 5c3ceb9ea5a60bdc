import { z } from "zod";
import { COLUMN_TYPES } from "./values";

const id = z.uuid({ error: "errors.NOT_FOUND" });
const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "true");

export const ColumnSchema = z.object({
  label: z.string().trim().min(1, { error: "registers.errors.labelRequired" }).max(100),
  type: z.enum(COLUMN_TYPES),
  required: z.boolean().optional(),
  helpText: z.string().max(500).optional(),
  options: z.array(z.string().max(200)).max(200).optional(),
});

export const CreateRegisterSchema = z.object({
  name: z.string().trim().min(1, { error: "registers.errors.nameRequired" }).max(100),
  description: z.string().max(1000).optional(),
  // The columns editor posts its rows as one JSON field.
  columns: z
    .string()
    .default("[]")
    .transform((s, ctx) => {
      try {
        return JSON.parse(s) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "errors.INVALID_INPUT" });
        return z.NEVER;
      }
    })
    .pipe(z.array(ColumnSchema).max(100)),
});

export const RegisterIdSchema = z.object({ registerId: id });

/** Options are typed one per line. */
const optionLines = z
  .string()
  .optional()
  .transform((s) =>
    (s ?? "")
      .split("\n")
      .map((o) => o.trim())
      .filter(Boolean),
  );

export const AddColumnSchema = z.object({
  registerId: id,
  label: z.string().trim().min(1, { error: "registers.errors.labelRequired" }).max(100),
  type: z.enum(COLUMN_TYPES),
  required: checkbox,
  helpText: z.string().max(500).optional(),
  options: optionLines,
});

export const UpdateColumnSchema = z.object({
  registerId: id,
  columnId: id,
  label: z.string().trim().min(1, { error: "registers.errors.labelRequired" }).max(100),
  required: checkbox,
  helpText: z.string().max(500).optional(),
  options: optionLines,
});

export const ColumnIdSchema = z.object({ registerId: id, columnId: id });
export const MoveColumnSchema = ColumnIdSchema.extend({ direction: z.enum(["up", "down"]) });
