import type { Db } from "@/db";
import { env } from "@/lib/env";
import { imagePath, listImages, type BankImage } from "./images";

/** The absolute public URL of a bank image (what e-mails link to). */
export function imageUrl(publicKey: string): string {
  return `${env().APP_URL.replace(/\/$/, "")}${imagePath(publicKey)}`;
}

/** A bank image as the editor's picker and the bank page show it. */
export function toPickerImage(img: BankImage) {
  return {
    id: img.id,
    name: img.name,
    src: imageUrl(img.publicKey),
    width: img.width,
    height: img.height,
    sizeBytes: img.sizeBytes,
    contentType: img.contentType,
  };
}

/** The organisation's images for the picker and the bank page, newest first. */
export async function listImagesForPicker(db: Db, orgId: string) {
  return (await listImages(db, orgId)).map(toPickerImage);
}
