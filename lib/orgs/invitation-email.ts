import { systemEmail, type SystemEmail } from "@/lib/email/system-layout";
import type { Role } from "./roles";

/** The subject Posti's portal uses and our users know (seed 001), in all three languages. */
export const INVITATION_SUBJECT =
  "Kutsu käyttäjäksi / Inbjudan att bli användare / User invitation";

const roleNames: Record<Role, { fi: string; sv: string; en: string }> = {
  main: { fi: "pääkäyttäjä", sv: "huvudanvändare", en: "main user" },
  editor: { fi: "muokkaaja", sv: "redaktör", en: "editor" },
  viewer: { fi: "katselija", sv: "läsare", en: "viewer" },
};

const when = (locale: string, d: Date) =>
  new Intl.DateTimeFormat(locale, {
    timeZone: "Europe/Helsinki",
    dateStyle: "short",
    timeStyle: "short",
  }).format(d);

/**
 * The invitation e-mail in Finnish, Swedish and English: who invited, to which organisation,
 * the role, the link and its validity. Only the inviter's own name and the organisation's
 * name are echoed (no free text typed by the inviter).
 */
export function invitationEmail(opts: {
  inviterName: string;
  orgName: string;
  role: Role;
  url: string;
  expiresAt: Date;
}): SystemEmail {
  const r = roleNames[opts.role];
  const { inviterName: who, orgName: org } = opts;
  return systemEmail({
    lang: "fi",
    subject: INVITATION_SUBJECT,
    heading: INVITATION_SUBJECT,
    paragraphs: [
      `${who} kutsui sinut organisaation ${org} Viestikone-käyttäjäksi roolissa ${r.fi}. Rekisteröidy tai kirjaudu sisään alla olevasta linkistä. Linkki on voimassa 7 päivää (${when("fi-FI", opts.expiresAt)} asti) ja sitä voi käyttää kerran.`,
      `${who} har bjudit in dig att bli användare av Viestikone för organisationen ${org} med rollen ${r.sv}. Registrera dig eller logga in via länken nedan. Länken är giltig i 7 dagar (till ${when("sv-FI", opts.expiresAt)}) och kan användas en gång.`,
      `${who} has invited you to use Viestikone for the organisation ${org} as ${r.en}. Register or sign in through the link below. The link is valid for 7 days (until ${when("en-GB", opts.expiresAt)}, Finnish time) and can be used once.`,
      "Jos et odottanut kutsua, voit jättää viestin huomiotta. / Om du inte väntade dig inbjudan kan du ignorera meddelandet. / If you did not expect this invitation, you can ignore this message.",
    ],
    button: { label: "Hyväksy kutsu / Acceptera inbjudan / Accept invitation", url: opts.url },
    footer: "Viestikone – viestit asiakkaille yhdestä paikasta",
  });
}
