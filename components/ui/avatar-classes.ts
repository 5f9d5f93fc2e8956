/** The avatar's classes, shared by the Radix parts (avatar.tsx) and the server-rendered initials (user-avatar.tsx). */
export const AVATAR_CLASS = "relative flex size-8 shrink-0 overflow-hidden rounded-full";
export const AVATAR_FALLBACK_CLASS =
  "flex size-full items-center justify-center rounded-full bg-secondary text-xs font-medium text-secondary-foreground";
