import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest";
import { env } from "@/lib/env";

const handlers = serve({ client: inngest, functions });

type Handler = (req: Request, ctx: unknown) => Promise<Response>;
// Served only when Inngest is configured; otherwise the local runner does the work.
const guard =
  (h: Handler): Handler =>
  (req, ctx) =>
    env().jobsKind === "inngest"
      ? h(req, ctx)
      : Promise.resolve(Response.json({ error: "Inngest is not configured" }, { status: 404 }));

export const GET = guard(handlers.GET as Handler);
export const POST = guard(handlers.POST as Handler);
export const PUT = guard(handlers.PUT as Handler);
