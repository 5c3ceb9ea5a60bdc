import { createHash, randomBytes } from "node:crypto";

/** A fresh unguessable token for a link (256 bits, URL-safe) and the hash we store. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

/** SHA-256 of a token: only hashes are stored, so the database cannot hand out links. */
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
