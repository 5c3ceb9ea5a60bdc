import { LocaleSwitch } from "@/components/layout/locale-switch";

/**
 * Minimal layout of the recipient pages (forms, confirmations): no portal chrome and no session,
 * only the page (which names the organisation) and a language switch.
 */
export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="min-h-screen bg-slate-50">
      <header className="mx-auto flex max-w-2xl justify-end px-4 pt-4">
        <LocaleSwitch />
      </header>
      <main className="mx-auto max-w-2xl px-4 pt-4 pb-12">{children}</main>
    </div>
  );
}
