import { and, asc, eq } from "drizzle-orm";
import { createTranslator } from "next-intl";
import type { Db } from "@/db";
import { organizations, registerColumns, registers } from "@/db/schema";
import type { Locale } from "@/lib/i18n/config";
import type { ColumnType } from "@/lib/registers/values";
import { loadMessages } from "@/messages";

export const BUILTIN_KEYS = ["email", "phone", "firstName", "lastName"] as const;
export type BuiltinKey = (typeof BUILTIN_KEYS)[number];

/** One field of a public form: a built-in contact column or a custom column of the register. */
export type FormField = {
  key: string;
  /** Form field name: built-ins by key, custom columns `c_<key>`. */
  name: string;
  builtin: boolean;
  label: string;
  type: ColumnType;
  required: boolean;
  options: string[];
  helpText: string;
};

/**
 * A register by its public key with its organisation's name, or null (unknown key,
 * suspended organisation). Never by uuid: the key is the only public handle.
 */
export async function getPublicRegister(db: Db, key: string) {
  if (!/^[A-Za-z0-9_-]{10,40}$/.test(key)) return null;
  const [row] = await db
    .select({
      register: registers,
      orgName: organizations.name,
      orgStatus: organizations.status,
    })
    .from(registers)
    .innerJoin(organizations, eq(organizations.id, registers.orgId))
    .where(eq(registers.publicKey, key));
  if (!row || row.orgStatus !== "active") return null;
  return { register: row.register, orgName: row.orgName };
}

export type PublicRegister = NonNullable<Awaited<ReturnType<typeof getPublicRegister>>>;

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** A translator for the public forms' texts in a language (mails, stored wordings, embed code). */
export async function publicTranslator(locale: Locale): Promise<Translate> {
  const messages = (await loadMessages(locale)) as Parameters<
    typeof createTranslator
  >[0]["messages"];
  const t = createTranslator({ locale, messages, namespace: "publicForms" as never });
  return t as unknown as Translate;
}

/**
 * The fields of a register's join form in the chosen order, labels of built-ins in `locale`.
 * E-mail is always present and required (the confirmation goes there); unknown keys are dropped.
 */
export async function joinFields(db: Db, orgId: string, registerId: string, locale: Locale) {
  const [reg] = await db
    .select({ joinColumns: registers.joinColumns })
    .from(registers)
    .where(and(eq(registers.id, registerId), eq(registers.orgId, orgId)));
  const all = await availableFields(db, orgId, registerId, locale);
  const byKey = new Map(all.map((f) => [f.key, f]));
  const keys = ["email", ...(reg?.joinColumns ?? []).filter((k) => k !== "email")];
  return keys.map((k) => byKey.get(k)).filter((f): f is FormField => Boolean(f));
}

/** Every column a join form may ask for: the four built-ins, then the custom columns. */
export async function availableFields(db: Db, orgId: string, registerId: string, locale: Locale) {
  const t = await publicTranslator(locale);
  const cols = await db
    .select()
    .from(registerColumns)
    .where(and(eq(registerColumns.registerId, registerId), eq(registerColumns.orgId, orgId)))
    .orderBy(asc(registerColumns.position), asc(registerColumns.createdAt));
  const builtinType: Record<BuiltinKey, ColumnType> = {
    email: "email",
    phone: "phone",
    firstName: "text",
    lastName: "text",
  };
  const builtins: FormField[] = BUILTIN_KEYS.map((k) => ({
    key: k,
    name: k,
    builtin: true,
    label: t(`fields.${k}`),
    type: builtinType[k],
    required: k === "email",
    options: [],
    helpText: "",
  }));
  return [
    ...builtins,
    ...cols.map((c): FormField => ({
      key: c.key,
      name: `c_${c.key}`,
      builtin: false,
      label: c.label,
      type: c.type,
      required: c.required,
      options: c.options,
      helpText: c.helpText,
    })),
  ];
}
