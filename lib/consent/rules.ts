/**
 * The consent rules (R8), in one place. Every writer of `consent_events` — the ledger here, the
 * public forms, the import (which inserts its events in SQL) and later the API and SMS — derives
 * a contact's `email_status` / `sms_status` with `statusAfter`:
 *
 * | action      | source                 | register double opt-in | current status | new status   |
 * |-------------|------------------------|------------------------|----------------|--------------|
 * | subscribe   | form                   | on                     | subscribed     | subscribed   |
 * | subscribe   | form                   | on                     | anything else  | pending      |
 * | subscribe   | any other, or DOI off  | –                      | –              | subscribed   |
 * | confirm     | any                    | –                      | –              | subscribed   |
 * | unsubscribe | any                    | –                      | –              | unsubscribed |
 *
 * A form subscribe never downgrades a subscribed contact to pending (re-joining is recorded, not
 * punished). Suppressions (per organisation, looked up by address hash):
 * - every `unsubscribe` adds an entry with reason "unsubscribe" for the channel's address;
 * - the person's own confirmed opt-in (`confirm`, or a form `subscribe` that lands on
 *   "subscribed") lifts an entry with reason "unsubscribe" — the person asked again;
 * - entries for bounce, complaint, erasure and manual are never lifted by consent events; only a
 *   main user removes them;
 * - import, API and manual subscribes never lift an entry: a manual subscribe of a suppressed
 *   address is refused, an import reports the row as suppressed.
 */
export type ConsentChannel = "email" | "sms";
export type ConsentAction = "subscribe" | "confirm" | "unsubscribe";
export type ConsentSource = "form" | "import" | "api" | "sms" | "manual" | "link";
export type ConsentStatus = "none" | "pending" | "subscribed" | "unsubscribed";

export const CONSENT_CHANNELS: readonly ConsentChannel[] = ["email", "sms"];
export const CONSENT_ACTIONS: readonly ConsentAction[] = ["subscribe", "confirm", "unsubscribe"];
export const CONSENT_SOURCES: readonly ConsentSource[] = [
  "form",
  "import",
  "api",
  "sms",
  "manual",
  "link",
];

/** The status a contact's channel has after an event (see the table above). Pure. */
export function statusAfter(
  action: ConsentAction,
  source: ConsentSource,
  doubleOptIn: boolean,
  current: ConsentStatus = "none",
): ConsentStatus {
  if (action === "unsubscribe") return "unsubscribed";
  if (action === "confirm") return "subscribed";
  if (source === "form" && doubleOptIn && current !== "subscribed") return "pending";
  return "subscribed";
}

/** Whether an event is the person's own opt-in that lifts an "unsubscribe" suppression. */
export function liftsUnsubscribeSuppression(
  action: ConsentAction,
  source: ConsentSource,
  status: ConsentStatus,
): boolean {
  if (action === "confirm") return true;
  return (
    action === "subscribe" && (source === "form" || source === "sms") && status === "subscribed"
  );
}
