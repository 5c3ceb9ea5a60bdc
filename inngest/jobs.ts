import type { JobDefinition } from "./define";
import type { EventName } from "./events";
import { ping } from "./functions/system/ping";
import { sendEmailMessage } from "./functions/email/send-message";
import { sendSmsMessage } from "./functions/sms/send-message";
import { exportContacts } from "./functions/registers/export-contacts";
import { runRegisterImport } from "./functions/registers/import";
import { eraseFiles } from "./functions/registers/erase-files";
import { deleteContacts } from "./functions/registers/delete-contacts";
import { sendCampaignJob } from "./functions/campaigns/send-campaign";

/** Every job, keyed by its event. One handler per event. */
export const jobs: JobDefinition[] = [
  ping,
  sendEmailMessage,
  sendSmsMessage,
  exportContacts,
  runRegisterImport,
  eraseFiles,
  deleteContacts,
  sendCampaignJob,
] as JobDefinition[];

export const jobsByEvent = new Map<EventName, JobDefinition>(jobs.map((j) => [j.event, j]));
