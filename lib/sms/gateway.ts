import type { SmsEncoding } from "./encoding";

/** The SMS gateway port: send a batch, receive inbound messages and delivery reports. */

export type OutgoingSms = {
  /** Our idempotency key (delivery row or job), stable across retries. */
  key: string;
  orgId: string | null;
  /** Sender name (≤ 11 characters) or number / short code. */
  from: string;
  /** Recipient in E.164 (+358…). */
  to: string;
  text: string;
};

export type SmsSendResult =
  | { key: string; ok: true; providerId: string; parts: number; encoding: SmsEncoding }
  | {
      key: string;
      ok: false;
      error: string;
      permanent: boolean;
      retryAfterMs?: number;
      /** The gateway itself is unavailable (down, queue full, refusing our credentials): not
       * the recipient's fault, so the attempt is not counted against them. */
      gatewayDown?: boolean;
    };

export type InboundSms = {
  /** The gateway's own id for the message, used to store it once. */
  providerId: string;
  from: string;
  /** The short code or number it was sent to. */
  to: string;
  text: string;
  receivedAt: Date;
};

export type DeliveryReport = {
  /** Our key of the message the report is about. */
  key: string;
  status: "accepted" | "delivered" | "failed";
  at: Date;
  detail?: string;
};

export interface SmsGateway {
  readonly kind: "sandbox" | "kannel";
  readonly maxBatch: number;
  /** Sends messages; one result per message, in order. Never throws for per-message failures. */
  sendBatch(messages: OutgoingSms[]): Promise<SmsSendResult[]>;
  close(): Promise<void>;
}
