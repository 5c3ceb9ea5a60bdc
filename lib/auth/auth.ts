import NextAuth, { type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/db";
import { authSecret } from "@/lib/env";
import { log } from "@/lib/log";
import { verifyCredentials } from "./credentials";

declare module "next-auth" {
  interface Session {
    user: { id: string; isOperator: boolean } & DefaultSession["user"];
  }
}

const SignInSchema = z.object({ email: z.email(), password: z.string().min(1).max(1024) });

// Lazy configuration: the secret (generated under .data/ for the embedded default) is read at
// the first request, never during `next build`.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw) {
        const parsed = SignInSchema.safeParse(raw);
        if (!parsed.success) return null;
        const user = await verifyCredentials(await getDb(), parsed.data.email, parsed.data.password);
        log.info({ event: "sign-in", ok: Boolean(user) }, "sign-in attempt");
        return user ? { id: user.id, email: user.email, name: user.name, isOperator: user.isOperator } : null;
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
