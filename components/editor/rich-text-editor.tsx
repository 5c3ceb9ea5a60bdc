"use client";

import { EditorContent, useEditor, useEditorState } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useTranslations } from "next-intl";
import type { MergeField } from "@/lib/personalize/fields";
import { MergeFieldMenu } from "./merge-field-menu";
import { RICH_CLASS } from "./rich-class";

const btn =
  "rounded px-2 py-1 text-xs font-semibold text-slate-700 hover:bg-slate-200 aria-pressed:bg-slate-300";

/**
 * Rich text with Tiptap, limited to what RICH_TEXT_TAGS allows: bold, italic, underline,
 * strike, lists, links, h2/h3 and quotes (no code, images or rules). The HTML is sanitized
 * again on save. Keyed by block id by the caller, so each block gets its own editor.
 */
export function RichTextEditor({
  html,
  onChange,
  fields,
  label,
}: {
  html: string;
  onChange: (html: string) => void;
  fields: MergeField[];
  label: string;
}) {
  const t = useTranslations("editor.rich");
  const editor = useEditor({
    immediatelyRender: false,
    extensions: [
      StarterKit.configure({
        code: false,
        codeBlock: false,
        horizontalRule: false,
        heading: { levels: [2, 3] },
        link: {
          openOnClick: false,
          autolink: true,
          protocols: ["mailto", "tel"],
          defaultProtocol: "https",
        },
      }),
    ],
    content: html,
    editorProps: {
      attributes: {
        "aria-label": label,
        role: "textbox",
        "aria-multiline": "true",
        class: `${RICH_CLASS} min-h-24 p-2 text-sm focus:outline-none`,
      },
    },
    onUpdate: ({ editor: e }) => onChange(e.isEmpty ? "" : e.getHTML()),
  });
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) =>
      e
        ? {
            bold: e.isActive("bold"),
            italic: e.isActive("italic"),
            underline: e.isActive("underline"),
            bullet: e.isActive("bulletList"),
            ordered: e.isActive("orderedList"),
            h2: e.isActive("heading", { level: 2 }),
            h3: e.isActive("heading", { level: 3 }),
            quote: e.isActive("blockquote"),
            link: e.isActive("link"),
          }
        : null,
  });
  if (!editor) return <div className="min-h-24 rounded border border-slate-300" />;
  const chain = () => editor.chain().focus();
  const setLink = () => {
    const prev = (editor.getAttributes("link").href as string | undefined) ?? "https://";
    const href = window.prompt(t("linkPrompt"), prev);
    if (href === null) return;
    if (href.trim() === "") chain().extendMarkRange("link").unsetLink().run();
    else chain().extendMarkRange("link").setLink({ href: href.trim() }).run();
  };
  const tools: [string, boolean | undefined, () => void][] = [
    ["bold", state?.bold, () => chain().toggleBold().run()],
    ["italic", state?.italic, () => chain().toggleItalic().run()],
    ["underline", state?.underline, () => chain().toggleUnderline().run()],
    ["h2", state?.h2, () => chain().toggleHeading({ level: 2 }).run()],
    ["h3", state?.h3, () => chain().toggleHeading({ level: 3 }).run()],
    ["bullet", state?.bullet, () => chain().toggleBulletList().run()],
    ["ordered", state?.ordered, () => chain().toggleOrderedList().run()],
    ["quote", state?.quote, () => chain().toggleBlockquote().run()],
    ["link", state?.link, setLink],
  ];
  return (
    <div className="rounded border border-slate-300 bg-white">
      <div
        role="toolbar"
        aria-label={t("toolbar")}
        className="flex flex-wrap items-center gap-0.5 border-b border-slate-200 p-1"
      >
        {tools.map(([name, active, run]) => (
          <button
            key={name}
            type="button"
            className={btn}
            aria-pressed={Boolean(active)}
            onClick={run}
          >
            {t(name)}
          </button>
        ))}
        <MergeFieldMenu fields={fields} onInsert={(tag) => chain().insertContent(tag).run()} />
      </div>
      <EditorContent editor={editor} />
    </div>
  );
}
