import { z } from "zod";
import { roles } from "./roles";

const email = z.email({ error: "errors.EMAIL_INVALID" }).max(320);
const role = z.enum(roles, { error: "errors.ROLE_INVALID" });
const id = z.uuid({ error: "errors.NOT_FOUND" });
const token = z.string().min(20).max(200);
const name = z
  .string()
  .trim()
  .min(1, { error: "errors.NAME_REQUIRED" })
  .max(100, { error: "errors.NAME_TOO_LONG" });

export const InviteMemberSchema = z.object({ email: z.string().trim().pipe(email), role });
export type InviteMemberInput = z.infer<typeof InviteMemberSchema>;

export const InvitationIdSchema = z.object({ invitationId: id });
export type InvitationIdInput = z.infer<typeof InvitationIdSchema>;

export const ChangeRoleSchema = z.object({ userId: id, role });
export type ChangeRoleInput = z.infer<typeof ChangeRoleSchema>;

export const MemberIdSchema = z.object({ userId: id });
export type MemberIdInput = z.infer<typeof MemberIdSchema>;

export const LeaveOrganisationSchema = z.object({});

export const AcceptInvitationSchema = z.object({ token });
export type AcceptInvitationInput = z.infer<typeof AcceptInvitationSchema>;

export const RegisterFromInvitationSchema = z.object({
  token,
  firstName: name,
  lastName: name,
  email: z.string().trim().pipe(email),
  password: z.string().min(1, { error: "errors.PASSWORD_REQUIRED" }).max(1024),
});
export type RegisterFromInvitationInput = z.infer<typeof RegisterFromInvitationSchema>;
