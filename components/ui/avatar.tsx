"use client";

import * as React from "react";
import { Avatar as AvatarPrimitive } from "radix-ui";

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

function Avatar({ className, ...props }: React.ComponentProps<typeof AvatarPrimitive.Root>) {
  return (
    <AvatarPrimitive.Root
      data-slot="avatar"
      className={cn("relative flex size-8 shrink-0 overflow-hidden rounded-full", className)}
      {...props}
    />
  );
}

function AvatarImage({ className, ...props }: React.ComponentProps<typeof AvatarPrimitive.Image>) {
  return (
    <AvatarPrimitive.Image
      data-slot="avatar-image"
      className={cn("aspect-square size-full object-cover", className)}
      {...props}
    />
  );
}

function AvatarFallback({ className, ...props }: React.ComponentProps<typeof AvatarPrimitive.Fallback>) {
  return (
    <AvatarPrimitive.Fallback
      data-slot="avatar-fallback"
      className={cn(
        "flex size-full items-center justify-center rounded-full bg-secondary text-xs font-medium text-secondary-foreground",
        className,
      )}
      {...props}
    />
  );
}

/**
 * Convenience avatar: image when `src` loads, otherwise initials from `name`.
 * The name is exposed to assistive tech via the image alt / an aria-label on the fallback.
 */
function UserAvatar({
  name,
  src,
  className,
}: {
  name: string | null | undefined;
  src?: string | null;
  className?: string;
}) {
  const label = name?.trim() || "User";
  return (
    <Avatar className={className}>
      {src ? <AvatarImage src={src} alt={label} /> : null}
      <AvatarFallback role="img" aria-label={label}>
        <span aria-hidden="true">{getInitials(name)}</span>
      </AvatarFallback>
    </Avatar>
  );
}

export { Avatar, AvatarImage, AvatarFallback, UserAvatar, getInitials };
