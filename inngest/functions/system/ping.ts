import { defineJob } from "../../define";

/** Does nothing; proves the runner works and is the unit of the jobs benchmark. */
export const ping = defineJob({
  id: "system-ping",
  event: "system/ping",
  retries: 0,
  handler: async () => null,
});
