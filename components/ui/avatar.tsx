"use client";

import * as React from "react";
import { Avatar as AvatarPrimitive } from "radix-ui";

import { AVATAR_CLASS, AVATAR_FALLBACK_CLASS } from "@/components/ui/avatar-classes";
import { cn } from "@/lib/utils";

function Avatar({ className, ...props }: React.ComponentProps<typeof AvatarPrimitive.Root>) {
  return <AvatarPrimitive.Root data-slot="avatar" className={cn(AVATAR_CLASS, className)} {...props} />;
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
    <AvatarPrimitive.Fallback data-slot="avatar-fallback" className={cn(AVATAR_FALLBACK_CLASS, className)} {...props} />
  );
}

export { Avatar, AvatarImage, AvatarFallback };
