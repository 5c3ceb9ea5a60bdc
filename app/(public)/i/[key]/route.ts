import { getDb } from "@/db";
import { openPublicImage } from "@/lib/images/images";
import { log } from "@/lib/log";

const notFound = () =>
  new Response("Not found", {
    status: 404,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });

/**
 * An image of an image bank by its public key (E2), for e-mail clients and the editor. The
 * bytes behind a key never change, so it is cached for a year as immutable; the key is the ETag.
 */
export async function GET(req: Request, { params }: { params: Promise<{ key: string }> }) {
  const { key } = await params;
  try {
    const found = await openPublicImage(await getDb(), key);
    if (!found) return notFound();
    const { image, bytes } = found;
    const headers = {
      "content-type": image.contentType,
      "cache-control": "public, max-age=31536000, immutable",
      etag: `"${image.publicKey}"`,
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
    };
    if (req.headers.get("if-none-match")?.includes(`"${image.publicKey}"`))
      return new Response(null, { status: 304, headers });
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await bytes.next();
        if (next.done) controller.close();
        else controller.enqueue(new Uint8Array(next.value));
      },
    });
    return new Response(body, {
      headers: { ...headers, "content-length": String(image.sizeBytes) },
    });
  } catch (err) {
    log.error({ err }, "image read failed");
    return new Response("Internal error", { status: 500 });
  }
}
