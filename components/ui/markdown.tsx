import Markdown from "react-markdown";

/**
 * Markdown from our own content (the education library): rendered as elements by react-markdown, which
 * never passes raw HTML through.
 */
export function MarkdownText({ text }: { text: string }) {
  return (
    <div className="grid gap-3 text-sm leading-relaxed [&_li]:ml-5 [&_ol]:list-decimal [&_strong]:font-semibold [&_ul]:list-disc [&_ul]:space-y-1">
      <Markdown>{text}</Markdown>
    </div>
  );
}
