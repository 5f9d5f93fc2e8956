import { AVATAR_CLASS, AVATAR_FALLBACK_CLASS } from "@/components/ui/avatar-classes";
import { cn } from "@/lib/utils";

/** "Ada Lovelace" → "AL", "grace" → "G", "ada@example.com" → "A". Empty → "?". */
function getInitials(name: string | null | undefined): string {
  const words =
    (name ?? "")
      .split("@")[0]
      ?.trim()
      .split(/[\s._-]+/)
      .filter(Boolean) ?? [];
  const first = words[0]?.[0] ?? "";
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? "") : "";
  return (first + last).toUpperCase() || "?";
}

/**
 * A person's initials from `name` in the avatar's circle; the name is exposed to assistive tech by an aria-label.
 * Server-rendered with the markup of avatar.tsx's Radix `Avatar` + `AvatarFallback`, but no client code: the
 * shells' user menu ships none for it (bench/README.md, P3). A picture needs avatar.tsx's `AvatarImage`, which
 * shows it once it loads; even importing that module here would ship it to every page with a user menu.
 */
function UserAvatar({ name, className }: { name: string | null | undefined; className?: string }) {
  const label = name?.trim() || "User";
  return (
    <span data-slot="avatar" className={cn(AVATAR_CLASS, className)}>
      <span data-slot="avatar-fallback" role="img" aria-label={label} className={AVATAR_FALLBACK_CLASS}>
        <span aria-hidden="true">{getInitials(name)}</span>
      </span>
    </span>
  );
}

export { UserAvatar, getInitials };
