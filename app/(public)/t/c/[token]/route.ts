import { getDb } from "@/db";
import { trackClick } from "@/lib/tracking/hits";

export const dynamic = "force-dynamic";

const NOT_FOUND = `<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>404</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem">
<h1>Linkkiä ei löydy</h1><p>Tämä linkki on virheellinen tai vanhentunut.</p>
<h1 lang="en">Link not found</h1><p lang="en">This link is invalid or no longer exists.</p>
</body></html>`;

/**
 * A tracked link (E9): redirects only to the URL stored for that link of the delivery's own
 * campaign. A forged token or an unknown link is a 404 page, never a redirect elsewhere.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const url = await trackClick(await getDb(), token);
  if (!url)
    return new Response(NOT_FOUND, {
      status: 404,
      headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
    });
  return new Response(null, {
    status: 302,
    headers: {
      Location: url,
      "Cache-Control": "no-store",
      // The token identifies the recipient: the destination must not see it in a Referer.
      "Referrer-Policy": "no-referrer",
    },
  });
}
