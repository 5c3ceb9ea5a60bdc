import { randomUUID } from "node:crypto";
import type { Db } from "@/db";
import { env } from "@/lib/env";
import { enqueue } from "@/lib/jobs/enqueue";
import { systemEmail } from "@/lib/email/system-layout";

export type AccountEmailKind =
  "verify" | "alreadyRegistered" | "reset" | "changeEmail" | "emailChangeNotice" | "emailInUse";
type Locale = "fi" | "en";
type Copy = { subject: string; paragraphs: string[]; button?: string };

// Only the recipient's own name is ever put into these messages: never text someone else typed.
const copy: Record<
  Locale,
  { hello: (name: string) => string; footer: string; kinds: Record<AccountEmailKind, Copy> }
> = {
  fi: {
    hello: (name) => (name ? `Hei ${name}!` : "Hei!"),
    footer:
      "Viestikone – viestit asiakkaille yhdestä paikasta. Tämä on automaattinen viesti, älä vastaa siihen.",
    kinds: {
      verify: {
        subject: "Vahvista sähköpostiosoitteesi – Viestikone",
        paragraphs: [
          "Kiitos rekisteröitymisestä. Vahvista sähköpostiosoitteesi, niin voit kirjautua Viestikoneeseen.",
          "Linkki on voimassa 24 tuntia ja toimii kerran. Jos et luonut tiliä, voit jättää tämän viestin huomiotta.",
        ],
        button: "Vahvista sähköpostiosoite",
      },
      alreadyRegistered: {
        subject: "Yritys rekisteröityä osoitteellasi – Viestikone",
        paragraphs: [
          "Joku yritti juuri luoda Viestikone-tilin tällä sähköpostiosoitteella, mutta osoitteella on jo tili.",
          "Jos se olit sinä, kirjaudu sisään. Jos olet unohtanut salasanasi, voit vaihtaa sen kirjautumissivun linkistä ”Unohtuiko salasana?”.",
          "Jos et tehnyt tätä, voit jättää viestin huomiotta: tiliisi ei tehty muutoksia.",
        ],
        button: "Kirjaudu sisään",
      },
      reset: {
        subject: "Salasanan vaihto – Viestikone",
        paragraphs: [
          "Saimme pyynnön vaihtaa Viestikone-tilisi salasana.",
          "Linkki on voimassa tunnin ja toimii kerran. Jos et pyytänyt vaihtoa, voit jättää viestin huomiotta: salasanasi ei muutu.",
        ],
        button: "Vaihda salasana",
      },
      changeEmail: {
        subject: "Vahvista uusi sähköpostiosoitteesi – Viestikone",
        paragraphs: [
          "Vahvista, että haluat käyttää tätä osoitetta Viestikone-tililläsi. Osoite vaihtuu vasta, kun avaat linkin.",
          "Linkki on voimassa 24 tuntia ja toimii kerran. Jos et pyytänyt muutosta, voit jättää viestin huomiotta.",
        ],
        button: "Vahvista uusi osoite",
      },
      emailChangeNotice: {
        subject: "Sähköpostiosoitteesi vaihtoa pyydettiin – Viestikone",
        paragraphs: [
          "Viestikone-tilisi sähköpostiosoitteen vaihtoa toiseen osoitteeseen pyydettiin. Osoite vaihtuu vasta, kun uusi osoite on vahvistettu.",
          "Jos et pyytänyt muutosta, kirjaudu sisään ja vaihda salasanasi heti.",
        ],
      },
      emailInUse: {
        subject: "Pyyntö käyttää osoitettasi – Viestikone",
        paragraphs: [
          "Joku pyysi vaihtamaan Viestikone-tilinsä sähköpostiosoitteeksi tämän osoitteen, mutta osoitteella on jo tili. Mitään ei muutettu.",
          "Jos et tunnista pyyntöä, voit jättää viestin huomiotta.",
        ],
      },
    },
  },
  en: {
    hello: (name) => (name ? `Hello ${name}!` : "Hello!"),
    footer:
      "Viestikone – customer messages from one place. This is an automatic message, please do not reply.",
    kinds: {
      verify: {
        subject: "Confirm your e-mail address – Viestikone",
        paragraphs: [
          "Thank you for signing up. Confirm your e-mail address so that you can sign in to Viestikone.",
          "The link is valid for 24 hours and works once. If you did not create an account, you can ignore this message.",
        ],
        button: "Confirm e-mail address",
      },
      alreadyRegistered: {
        subject: "Attempt to register with your address – Viestikone",
        paragraphs: [
          "Someone just tried to create a Viestikone account with this e-mail address, but the address already has an account.",
          "If it was you, sign in. If you have forgotten your password, you can reset it with the “Forgot your password?” link on the sign-in page.",
          "If it was not you, you can ignore this message: nothing was changed in your account.",
        ],
        button: "Sign in",
      },
      reset: {
        subject: "Password reset – Viestikone",
        paragraphs: [
          "We received a request to reset the password of your Viestikone account.",
          "The link is valid for one hour and works once. If you did not ask for this, you can ignore this message: your password stays the same.",
        ],
        button: "Reset password",
      },
      changeEmail: {
        subject: "Confirm your new e-mail address – Viestikone",
        paragraphs: [
          "Confirm that you want to use this address for your Viestikone account. The address changes only when you open the link.",
          "The link is valid for 24 hours and works once. If you did not ask for this, you can ignore this message.",
        ],
        button: "Confirm new address",
      },
      emailChangeNotice: {
        subject: "A change of your e-mail address was requested – Viestikone",
        paragraphs: [
          "Someone asked to change the e-mail address of your Viestikone account to another address. It changes only once the new address is confirmed.",
          "If this was not you, sign in and change your password now.",
        ],
      },
      emailInUse: {
        subject: "Request to use your address – Viestikone",
        paragraphs: [
          "Someone asked to change their Viestikone account's e-mail address to this address, but it already has an account. Nothing was changed.",
          "If you do not recognise the request, you can ignore this message.",
        ],
      },
    },
  },
};

/** The absolute URL of an app path (links in e-mails). */
export const appUrl = (path: string) => `${env().APP_URL.replace(/\/+$/, "")}${path}`;

/**
 * Queues one account e-mail (no organisation: it shows on /sandbox/mail in sandbox mode) as a
 * job. Pass the transaction of the change so the mail is sent only if the change commits.
 */
export async function queueAccountEmail(
  db: Db,
  opts: { kind: AccountEmailKind; to: string; locale: Locale; firstName: string; url?: string },
): Promise<void> {
  const lang = copy[opts.locale];
  const c = lang.kinds[opts.kind];
  const url = opts.url ?? appUrl("/sign-in");
  const mail = systemEmail({
    lang: opts.locale,
    subject: c.subject,
    heading: lang.hello(opts.firstName),
    paragraphs: c.paragraphs,
    button: c.button ? { label: c.button, url } : undefined,
    footer: lang.footer,
  });
  await enqueue(db, "email/message.requested", {
    orgId: null,
    messageKey: `account-${opts.kind}-${randomUUID()}`,
    to: opts.to,
    subject: mail.subject,
    html: mail.html,
    text: mail.text,
    headers: { "X-Viestikone-Kind": `account-${opts.kind}` },
  });
}
