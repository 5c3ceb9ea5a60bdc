import { Inngest } from "inngest";

/** The Inngest client. Dev mode follows INNGEST_DEV; cloud mode needs INNGEST_EVENT_KEY/SIGNING_KEY. */
export const inngest = new Inngest({ id: "viestikone" });
