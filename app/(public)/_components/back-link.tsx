"use client";

/** Back to the previous page (the form on the customer's site keeps what was typed). */
export function BackLink({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => history.back()} className="text-brand-700 underline">
      {label}
    </button>
  );
}
