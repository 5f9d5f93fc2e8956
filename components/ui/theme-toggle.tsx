import * as React from "react";
import type { VariantProps } from "class-variance-authority";

import { buttonVariants } from "@/components/ui/button";
import { MoonIcon, SunIcon } from "@/components/ui/server-icon";
import { ThemeToggleButton } from "@/components/ui/theme-toggle-button";
import { cn } from "@/lib/utils";

/**
 * Light/dark switch. Both icons are always rendered and swapped with `dark:` classes,
 * so server and client markup match (no theme read during render → no hydration mismatch).
 * Rendered on the server where it can be: the button's classes and the icons arrive as markup, and only the
 * click handler (ThemeToggleButton) is client code, so a light page ships no icon, class-merging or variant
 * code for it (the portal's JavaScript budget, bench/README.md P3). Same markup as a ghost icon `Button`.
 */
function ThemeToggle({
  className,
  variant = "ghost",
  size = "icon",
  ...props
}: Omit<React.ComponentProps<typeof ThemeToggleButton>, "children"> & VariantProps<typeof buttonVariants>) {
  return (
    <ThemeToggleButton
      aria-label="Toggle dark mode"
      title="Toggle dark mode"
      {...props}
      className={cn(buttonVariants({ variant, size, className }))}
    >
      <SunIcon className="size-4 dark:hidden" aria-hidden="true" />
      <MoonIcon className="hidden size-4 dark:block" aria-hidden="true" />
    </ThemeToggleButton>
  );
}

export { ThemeToggle };
