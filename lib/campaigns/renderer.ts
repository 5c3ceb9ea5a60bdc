import type { RenderCampaign } from "./prepare";

/** The production renderer port: TEMPORARY until issue5-render is merged. */
export const renderCampaign: RenderCampaign = async () => {
  throw new Error("renderMessage not merged yet");
};
