export * from "./orgs";
export * from "./jobs";
export * from "./email";
export * from "./sms";
export * from "./auth";
export * from "./audit";
export * from "./rate-limits";
export * from "./registers";
