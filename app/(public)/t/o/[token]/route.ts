import { getDb } from "@/db";
import { log } from "@/lib/log";
import { PIXEL_GIF, trackOpen } from "@/lib/tracking/hits";

export const dynamic = "force-dynamic";

const HEADERS = {
  "Content-Type": "image/gif",
  "Content-Length": String(PIXEL_GIF.length),
  "Cache-Control": "no-store, no-cache, must-revalidate, max-age=0",
  Pragma: "no-cache",
  Expires: "0",
};

/** The open pixel (E9): always the GIF; an open is recorded only for a genuine token. */
export async function GET(_req: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  try {
    await trackOpen(await getDb(), token);
  } catch (err) {
    // The image must load whatever happens; a lost open is logged, never shown as a broken image.
    log.error({ err }, "open tracking failed");
  }
  return new Response(new Uint8Array(PIXEL_GIF), { status: 200, headers: HEADERS });
}
