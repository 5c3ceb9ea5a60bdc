/** The e-mail transport port: one small interface, adapters chosen by configuration. */

export type OutgoingEmail = {
  /** Our idempotency key for this message (stable across retries). */
  key: string;
  /** Organisation the message belongs to (null for account e-mails before any organisation). */
  orgId: string | null;
  from: string;
  to: string;
  replyTo?: string;
  subject: string;
  html?: string;
  text: string;
  headers?: Record<string, string>;
  /** Inline images (CID) of the message: the HTML refers to each as `cid:<cid>`. */
  attachments?: EmailAttachment[];
};

/** A file carried by the message; `cid` makes it an inline part the HTML can show. */
export type EmailAttachment = {
  filename: string;
  content: Buffer;
  contentType: string;
  cid: string;
};

export type SendResult =
  | { key: string; ok: true; providerId: string }
  | {
      key: string;
      ok: false;
      error: string;
      /** True when retrying cannot help (rejected address, invalid content). */
      permanent: boolean;
      /** The provider asked us to wait at least this long (rate limit). */
      retryAfterMs?: number;
      /** The server itself is unreachable or refuses our setup: not the recipient's fault, so
       * the attempt is not counted against them (an outage never fails recipients). */
      gatewayDown?: boolean;
    };

export interface EmailTransport {
  readonly kind: "sandbox" | "smtp" | "resend";
  /** Largest batch `sendBatch` accepts in one call (it splits bigger ones itself). */
  readonly maxBatch: number;
  /** Sends messages; one result per message, in order. Never throws for per-message failures. */
  sendBatch(messages: OutgoingEmail[]): Promise<SendResult[]>;
  close(): Promise<void>;
}
