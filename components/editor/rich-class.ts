/** Tailwind classes that give rich text its list, link, heading and quote styles (preflight resets them). */
export const RICH_CLASS =
  "[&_a]:underline [&_a]:text-blue-700 [&_blockquote]:border-l-4 [&_blockquote]:border-slate-300 [&_blockquote]:pl-3 [&_h2]:text-xl [&_h2]:font-bold [&_h3]:text-lg [&_h3]:font-semibold [&_ol]:list-decimal [&_ol]:pl-6 [&_p]:my-1 [&_ul]:list-disc [&_ul]:pl-6";
