"use client";

import * as React from "react";
import { useTheme } from "next-themes";

/** The theme switch's click handler around a plain button; ThemeToggle (theme-toggle.tsx) gives it its looks. */
function ThemeToggleButton({ onClick, type, ...props }: React.ComponentProps<"button">) {
  const { resolvedTheme, setTheme } = useTheme();
  return (
    <button
      data-slot="button"
      type={type ?? "button"}
      onClick={(event) => {
        onClick?.(event);
        if (!event.defaultPrevented) setTheme(resolvedTheme === "dark" ? "light" : "dark");
      }}
      {...props}
    />
  );
}

export { ThemeToggleButton };
