"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { orgAction, type OrgActionContext } from "@/lib/action";
import { listMemberships } from "./queries";
import { inviteMember, resendInvitation, revokeInvitation } from "./invitations";
import { changeMemberRole, leaveOrganisation, removeMember } from "./members";
import {
  ChangeRoleSchema,
  InvitationIdSchema,
  InviteMemberSchema,
  LeaveOrganisationSchema,
  MemberIdSchema,
} from "./schemas";

const actor = (ctx: OrgActionContext) => ({ id: ctx.userId, email: ctx.userEmail, ip: ctx.ip });

/** Invites an address with a role (main users; refused for suspended organisations: it sends e-mail). */
export const inviteMemberAction = orgAction(
  { schema: InviteMemberSchema, role: "main" },
  async (input, ctx) => {
    const res = await inviteMember(await getDb(), {
      orgId: ctx.orgId,
      actor: actor(ctx),
      email: input.email,
      role: input.role,
    });
    revalidatePath(`/${ctx.slug}/users`);
    return { email: input.email, renewed: res.renewed };
  },
);

/** Sends an open invitation again with a fresh 7-day link (main users). */
export const resendInvitationAction = orgAction(
  { schema: InvitationIdSchema, role: "main" },
  async (input, ctx) => {
    await resendInvitation(await getDb(), {
      orgId: ctx.orgId,
      actor: actor(ctx),
      invitationId: input.invitationId,
    });
    revalidatePath(`/${ctx.slug}/users`);
  },
);

/** Revokes an open invitation (main users). */
export const revokeInvitationAction = orgAction(
  { schema: InvitationIdSchema, role: "main", allowSuspended: true },
  async (input, ctx) => {
    await revokeInvitation(await getDb(), {
      orgId: ctx.orgId,
      actor: actor(ctx),
      invitationId: input.invitationId,
    });
    revalidatePath(`/${ctx.slug}/users`);
  },
);

/** Changes a member's role (main users; never leaves the organisation without a main user). */
export const changeMemberRoleAction = orgAction(
  { schema: ChangeRoleSchema, role: "main", allowSuspended: true },
  async (input, ctx) => {
    await changeMemberRole(await getDb(), {
      orgId: ctx.orgId,
      actor: actor(ctx),
      userId: input.userId,
      role: input.role,
    });
    revalidatePath(`/${ctx.slug}`, "layout");
  },
);

/** Removes a member (main users; never the last main user). */
export const removeMemberAction = orgAction(
  { schema: MemberIdSchema, role: "main", allowSuspended: true },
  async (input, ctx) => {
    await removeMember(await getDb(), {
      orgId: ctx.orgId,
      actor: actor(ctx),
      userId: input.userId,
    });
    revalidatePath(`/${ctx.slug}/users`);
  },
);

/**
 * The signed-in member leaves the organisation (any role; not the last main user), then goes to
 * another organisation of theirs, or to the profile page when none is left.
 */
export const leaveOrganisationAction = orgAction(
  { schema: LeaveOrganisationSchema, role: "viewer", allowSuspended: true },
  async (_input, ctx) => {
    const db = await getDb();
    await leaveOrganisation(db, { orgId: ctx.orgId, actor: actor(ctx) });
    revalidatePath("/", "layout");
    const [next] = await listMemberships(db, ctx.userId);
    redirect(next ? `/${next.slug}` : "/account");
  },
);
