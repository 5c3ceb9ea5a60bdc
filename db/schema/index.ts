export * from "./orgs";
export * from "./jobs";
export * from "./email";
export * from "./sms";
