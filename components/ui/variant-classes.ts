/**
 * The looks of the button, the alert and the textarea as plain class strings: the one source that `cva` composes
 * for `Button` and `Alert` (components/ui/variants.ts) and that light client components use as they are, so the
 * code every page loads (app/error.tsx) and the portal's survey form ship neither `cva` nor the class merging `cn`
 * brings (the portal page's JavaScript budget, bench/README.md P3). They come out already merged — cn() changes
 * nothing — except the button's `sm` size (its gap-1.5 over the base's gap-2), which only `Button` resolves
 * (tests/unit/variants.test.ts).
 */
export const BUTTON_CLASSES = {
  base: "inline-flex shrink-0 items-center justify-center gap-2 rounded-md text-sm font-medium whitespace-nowrap transition-[color,background-color,border-color,box-shadow] outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-background disabled:pointer-events-none disabled:opacity-50 aria-invalid:border-destructive aria-invalid:ring-destructive/30 [&_svg]:pointer-events-none [&_svg]:shrink-0 [&_svg:not([class*='size-'])]:size-4",
  variant: {
    default: "bg-primary text-primary-foreground shadow-xs hover:bg-primary/90",
    secondary: "bg-secondary text-secondary-foreground shadow-xs hover:bg-secondary/80",
    outline:
      "border border-input bg-background shadow-xs hover:bg-accent hover:text-accent-foreground dark:bg-input/20 dark:hover:bg-input/40",
    ghost: "hover:bg-accent hover:text-accent-foreground",
    destructive: "bg-destructive text-destructive-foreground shadow-xs hover:bg-destructive/90",
    link: "text-primary underline-offset-4 hover:underline",
  },
  size: {
    sm: "h-8 gap-1.5 px-3 has-[>svg]:px-2.5",
    default: "h-9 px-4 py-2 has-[>svg]:px-3",
    lg: "h-10 px-6 has-[>svg]:px-4",
    icon: "size-9",
  },
} as const;

export const ALERT_CLASSES = {
  base: "relative grid w-full grid-cols-[0_1fr] items-start gap-y-0.5 rounded-lg border px-4 py-3 text-sm has-[>svg]:grid-cols-[calc(var(--spacing)*4)_1fr] has-[>svg]:gap-x-3 [&>svg]:size-4 [&>svg]:translate-y-0.5 [&>svg]:text-current",
  variant: {
    default: "bg-card text-card-foreground",
    destructive:
      "border-destructive/40 bg-destructive/5 text-destructive *:data-[slot=alert-description]:text-destructive/90",
    success: "border-success/40 bg-success/5 text-success *:data-[slot=alert-description]:text-foreground",
  },
} as const;

/** The default `Button`'s classes, for a plain `<button>`. */
export const plainButtonClass = [BUTTON_CLASSES.base, BUTTON_CLASSES.variant.default, BUTTON_CLASSES.size.default].join(
  " ",
);

/** An `Alert`'s classes at a variant, for a plain element. */
export function plainAlertClass(variant: keyof typeof ALERT_CLASSES.variant): string {
  return `${ALERT_CLASSES.base} ${ALERT_CLASSES.variant[variant]}`;
}

export const alertDescriptionClass =
  "col-start-2 grid justify-items-start gap-1 text-sm text-muted-foreground [&_p]:leading-relaxed";

export const textareaClass = [
  "flex field-sizing-content min-h-20 w-full rounded-md border border-input bg-transparent px-3 py-2 text-base shadow-xs transition-[color,box-shadow] outline-none dark:bg-input/20 md:text-sm",
  "placeholder:text-muted-foreground",
  "focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/40",
  "disabled:cursor-not-allowed disabled:opacity-50",
  "aria-invalid:border-destructive aria-invalid:ring-destructive/25",
].join(" ");
