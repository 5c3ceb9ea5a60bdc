import { requireUserId } from "@/lib/auth/session";
import { AppFrame } from "@/components/layout/app-frame";

/** The frame of the user's own pages (not tied to one organisation). */
export default async function AccountLayout({ children }: { children: React.ReactNode }) {
  await requireUserId();
  return (
    <AppFrame home="/" wide={false}>
      <main id="main" className="mx-auto max-w-4xl px-4 py-6">
        {children}
      </main>
    </AppFrame>
  );
}
