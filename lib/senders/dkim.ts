import { createPrivateKey, createPublicKey, generateKeyPairSync } from "node:crypto";
import { env } from "@/lib/env";

/** The DKIM signing key of the transport, when configured (`DKIM_PRIVATE_KEY`, PEM). */
export function transportDkimKey(): {
  privateKey: string;
  selector: string;
  publicKey: string;
} | null {
  const e = env();
  if (!e.DKIM_PRIVATE_KEY) return null;
  const pem = e.DKIM_PRIVATE_KEY.replace(/\\n/g, "\n");
  return { privateKey: pem, selector: e.DKIM_SELECTOR, publicKey: publicKeyOf(pem) };
}

/** Base64 SPKI (DER) of a PEM private key: the `p=` value of the DKIM record. */
export function publicKeyOf(privatePem: string): string {
  return createPublicKey(createPrivateKey(privatePem))
    .export({ type: "spki", format: "der" })
    .toString("base64");
}

/**
 * The DKIM key a new sending domain publishes: the transport's own key when `DKIM_PRIVATE_KEY`
 * is set (then messages are signed with it), else a fresh RSA-2048 pair whose private half is
 * not kept anywhere — the record can be published ahead, but nothing signs with it yet.
 */
export function dkimKeyForNewDomain(): { selector: string; publicKey: string; signing: boolean } {
  const configured = transportDkimKey();
  if (configured)
    return { selector: configured.selector, publicKey: configured.publicKey, signing: true };
  const { publicKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "der" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  return { selector: env().DKIM_SELECTOR, publicKey: publicKey.toString("base64"), signing: false };
}
