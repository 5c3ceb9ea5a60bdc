import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requireMembership } from "@/lib/auth/session";
import { listPendingInvitations } from "@/lib/orgs/invitations";
import { listMembers } from "@/lib/orgs/members";
import { hasRole } from "@/lib/orgs/roles";
import { LeaveOrgButton } from "@/components/orgs/leave-org-button";
import { Card, EmptyState } from "@/components/ui/card";
import { InvitationActions } from "./_components/invitation-actions";
import { InviteForm } from "./_components/invite-form";
import { MemberActions } from "./_components/member-actions";
import { TableHead } from "@/components/ui/table-head";

export async function generateMetadata() {
  return { title: (await getTranslations("members"))("title") };
}

/** Members and open invitations; every member may look, only main users get the controls. */
export default async function UsersPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const m = await requireMembership(org);
  const t = await getTranslations("members");
  const tr = await getTranslations("roles");
  const format = await getFormatter();
  const db = await getDb();
  const [members, invitations] = await Promise.all([
    listMembers(db, m.orgId),
    listPendingInvitations(db, m.orgId),
  ]);
  const isMain = hasRole(m.role, "main");
  const now = new Date();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("intro")}</p>
        {isMain ? null : <p className="mt-2 text-sm text-slate-600">{t("onlyMain")}</p>}
      </div>
      <Card title={t("members", { count: members.length })}>
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <TableHead
              labels={[t("name"), t("email"), t("role"), t("joined"), isMain && t("actions")]}
            />
            <tbody className="divide-y divide-slate-100">
              {members.map((u) => {
                const name = `${u.firstName} ${u.lastName}`.trim() || u.email;
                const self = u.userId === m.userId;
                return (
                  <tr key={u.userId} className="align-top">
                    <th scope="row" className="px-2 py-2 text-left font-medium">
                      {name}
                      {self ? (
                        <span className="ml-2 text-xs font-normal text-slate-500">
                          ({t("you")})
                        </span>
                      ) : null}
                    </th>
                    <td className="break-all px-2 py-2">{u.email}</td>
                    <td className="px-2 py-2">{tr(u.role)}</td>
                    <td className="px-2 py-2 whitespace-nowrap">
                      <time dateTime={u.joinedAt.toISOString()}>
                        {format.dateTime(u.joinedAt, "short")}
                      </time>
                    </td>
                    {isMain ? (
                      <td className="px-2 py-2">
                        <MemberActions
                          org={org}
                          member={{ userId: u.userId, name, role: u.role }}
                          self={self}
                        />
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </Card>
      <Card title={t("invitations")}>
        {invitations.length === 0 ? (
          <EmptyState>{isMain ? t("noInvitations") : t("noInvitationsViewer")}</EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <TableHead
                labels={[t("email"), t("role"), t("sent"), t("validUntil"), isMain && t("actions")]}
              />
              <tbody className="divide-y divide-slate-100">
                {invitations.map((i) => (
                  <tr key={i.id} className="align-top">
                    <th scope="row" className="break-all px-2 py-2 text-left font-medium">
                      {i.email}
                    </th>
                    <td className="px-2 py-2">{tr(i.role)}</td>
                    <td className="px-2 py-2 whitespace-nowrap">
                      <time dateTime={i.sentAt.toISOString()}>
                        {format.dateTime(i.sentAt, "short")}
                      </time>
                      {i.invitedBy ? (
                        <span className="block text-xs text-slate-500">{i.invitedBy}</span>
                      ) : null}
                    </td>
                    <td className="px-2 py-2 whitespace-nowrap">
                      <time dateTime={i.expiresAt.toISOString()}>
                        {format.dateTime(i.expiresAt, "short")}
                      </time>
                      {i.expiresAt <= now ? (
                        <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">
                          {t("expired")}
                        </span>
                      ) : null}
                    </td>
                    {isMain ? (
                      <td className="px-2 py-2">
                        <InvitationActions org={org} invitation={{ id: i.id, email: i.email }} />
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      {isMain ? (
        <Card title={t("invite")}>
          <InviteForm org={org} />
        </Card>
      ) : null}
      <Card title={t("ownMembership")}>
        <p className="mb-3 text-sm text-slate-600">{t("ownMembershipHelp")}</p>
        <LeaveOrgButton org={{ slug: m.slug, name: m.name }} />
      </Card>
    </div>
  );
}
