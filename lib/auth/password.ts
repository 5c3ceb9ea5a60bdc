import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from "node:crypto";

const scrypt = (pw: string, salt: Buffer, len: number, opts: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCb(pw, salt, len, opts, (err, key) => (err ? reject(err) : resolve(key))),
  );

// scrypt N=2^15, r=8, p=1 (OWASP's recommended minimum), 64 MiB of memory per hash.
const N = 2 ** 15;
const R = 8;
const P = 1;
const maxmem = 128 * N * R * 2;
/** Largest scrypt memory a stored hash may ask for at verification (4× today's parameters). */
const MAX_VERIFY_MEM = 4 * maxmem;

/** Hashes a password as `scrypt$N$r$p$salt$hash` (base64url). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password.normalize("NFC"), salt, 32, { N, r: R, p: P, maxmem });
  return ["scrypt", N, R, P, salt.toString("base64url"), key.toString("base64url")].join("$");
}

/** Verifies a password against a stored hash in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, salt, hash] = stored.split("$");
  if (alg !== "scrypt" || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64url");
  // A damaged row must not verify (an empty key would match any password), throw, or make one
  // login allocate gigabytes or run for minutes: bound what is read back, treat errors as "no".
  if (expected.length < 16 || !(Number(p) >= 1 && Number(p) <= 16)) return false;
  try {
    const key = await scrypt(
      password.normalize("NFC"),
      Buffer.from(salt, "base64url"),
      expected.length,
      {
        N: Number(n),
        r: Number(r),
        p: Number(p),
        maxmem: Math.min(128 * Number(n) * Number(r) * 2, MAX_VERIFY_MEM),
      },
    );
    return key.length === expected.length && timingSafeEqual(key, expected);
  } catch {
    return false;
  }
}

// A valid hash of a random password: unknown addresses are checked against it so that
// "no such user" and "wrong password" take the same time.
let dummy: Promise<string> | undefined;
export const dummyHash = () => (dummy ??= hashPassword(randomBytes(16).toString("hex")));
