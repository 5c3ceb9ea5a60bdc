import type { OutgoingEmail } from "./transport";

/**
 * Approximate encoded size of a message in bytes: quoted-printable/base64 parts grow ~4/3,
 * plus headers and MIME boundaries. Good to a few percent; used for size limits and display.
 */
export function mimeSize(
  m: Pick<OutgoingEmail, "subject" | "html" | "text" | "headers" | "from" | "to">,
): number {
  const enc = (s: string | undefined) =>
    s ? Math.ceil((Buffer.byteLength(s, "utf8") * 4) / 3) : 0;
  const headerBytes =
    200 +
    Buffer.byteLength(m.from + m.to + m.subject) +
    Object.entries(m.headers ?? {}).reduce((n, [k, v]) => n + k.length + v.length + 4, 0);
  return headerBytes + enc(m.text) + enc(m.html) + (m.html ? 300 : 0);
}
