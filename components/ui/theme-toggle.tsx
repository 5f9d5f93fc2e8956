"use client";

import * as React from "react";
import { useTheme } from "next-themes";
import { Moon, Sun } from "lucide-react";

import { Button } from "@/components/ui/button";

/**
 * Light/dark switch. Both icons are always rendered and swapped with `dark:` classes,
 * so server and client markup match (no theme read during render → no hydration mismatch).
 */
function ThemeToggle({ className, onClick, ...props }: React.ComponentProps<typeof Button>) {
  const { resolvedTheme, setTheme } = useTheme();

  return (
    <Button
      variant="ghost"
      size="icon"
      aria-label="Toggle dark mode"
      title="Toggle dark mode"
      className={className}
      onClick={(event) => {
        onClick?.(event);
        if (!event.defaultPrevented) setTheme(resolvedTheme === "dark" ? "light" : "dark");
      }}
      {...props}
    >
      <Sun className="size-4 dark:hidden" aria-hidden="true" />
      <Moon className="hidden size-4 dark:block" aria-hidden="true" />
    </Button>
  );
}

export { ThemeToggle };
