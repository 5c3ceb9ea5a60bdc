import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/db";
import { authSecret } from "@/lib/env";
import { log } from "@/lib/log";
import { clientIp } from "@/lib/security/request";
import { attemptSignIn } from "./sign-in";

declare module "next-auth" {
  interface Session {
    user: { id: string; isOperator: boolean } & DefaultSession["user"];
  }
}

const SignInSchema = z.object({ email: z.email(), password: z.string().min(1).max(1024) });

/**
 * A refused sign-in. `code` travels to the sign-in action (and, for direct calls of the
 * callback endpoint, into the error URL), so it never says more than the form may show:
 * "credentials" (unknown address or wrong password alike), "unverified" (the password was
 * right) or "rate_limited_<minutes>".
 */
class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super(code);
    this.code = code;
  }
}

// Lazy configuration: the secret (generated under .data/ for the embedded default) is read at
// the first request, never during `next build`.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  logger: {
    // A refused sign-in is an expected outcome (audited), not a server error.
    error: (err: Error) => {
      if ((err as { type?: string }).type !== "CredentialsSignin") log.error({ err }, "auth error");
    },
    warn: (code: string) => log.warn({ code }, "auth warning"),
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw) {
        const parsed = SignInSchema.safeParse(raw);
        if (!parsed.success) return null;
        const outcome = await attemptSignIn(await getDb(), parsed.data, {
          ip: await clientIp(),
          now: new Date(),
        });
        if (outcome.ok)
          return {
            id: outcome.user.id,
            email: outcome.user.email,
            name: outcome.user.name,
            isOperator: outcome.user.isOperator,
          };
        if (outcome.reason === "unverified") throw new SignInRefused("unverified");
        if (outcome.reason === "rate_limited")
          throw new SignInRefused(
            `rate_limited_${/minutes=(\d+)/.exec(outcome.message)?.[1] ?? "15"}`,
          );
        throw new SignInRefused("credentials");
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.op = (user as { isOperator?: boolean }).isOperator ?? false;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.uid as string;
      session.user.isOperator = Boolean(token.op);
      return session;
    },
  },
}));
