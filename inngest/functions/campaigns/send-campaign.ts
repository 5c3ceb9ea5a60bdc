import { defineJob } from "../../define";
import { getDb } from "@/db";
import { renderCampaign } from "@/lib/campaigns/renderer";
import { sendCampaign } from "@/lib/campaigns/send";
import { emailTransport } from "@/lib/email";
import { smsGateway } from "@/lib/sms";

/**
 * Sends (or continues) one e-mail campaign (E8): lib/campaigns/send.ts does the work. Runs at
 * most a budget of ~50 s and re-emits itself to continue, so one long campaign never holds a
 * runner slot forever. Duplicates and retries are safe (claimed deliveries, idempotency keys).
 */
export const sendCampaignJob = defineJob({
  id: "campaign-send",
  event: "campaign/send.requested",
  retries: 5,
  concurrency: 4,
  handler: async (data, ctx) => {
    const r = await sendCampaign(await getDb(), data, {
      transport: emailTransport(),
      gateway: smsGateway(),
      render: renderCampaign,
    });
    ctx.log.info({ campaignId: data.campaignId, ...r }, "campaign send step");
    return r;
  },
});
