import type { OutgoingEmail } from "./transport";

/** An attachment as the size estimate sees it: its name and its raw byte count. */
type AttachmentSize = { filename: string; size: number };

/** Base64 with 76-character lines and CRLF: 4 bytes per 3, plus 2 per line. */
const base64Bytes = (n: number) => {
  const b64 = Math.ceil(n / 3) * 4;
  return b64 + Math.ceil(b64 / 76) * 2;
};

/**
 * Approximate encoded size of a message in bytes: quoted-printable/base64 parts grow ~4/3,
 * plus headers and MIME boundaries; inline images and other attachments as base64 parts with
 * their own headers. Good to a few percent; used for size limits and display.
 */
export function mimeSize(
  m: Pick<OutgoingEmail, "subject" | "html" | "text" | "headers" | "from" | "to"> & {
    attachments?: AttachmentSize[] | OutgoingEmail["attachments"];
  },
): number {
  const enc = (s: string | undefined) =>
    s ? Math.ceil((Buffer.byteLength(s, "utf8") * 4) / 3) : 0;
  const headerBytes =
    200 +
    Buffer.byteLength(m.from + m.to + m.subject) +
    Object.entries(m.headers ?? {}).reduce((n, [k, v]) => n + k.length + v.length + 4, 0);
  const attachments = (m.attachments ?? []).reduce(
    (n, a) =>
      n + 250 + a.filename.length * 2 + base64Bytes("size" in a ? a.size : a.content.length),
    0,
  );
  return (
    headerBytes +
    enc(m.text) +
    enc(m.html) +
    (m.html ? 300 : 0) +
    (attachments ? attachments + 200 : 0)
  );
}
