import { ThemeToggle } from "@/components/ui/theme-toggle";

/** The tenant's name on every public page, so the prospect knows whose assessment this is. */
export function IntakeHeader({ tenantName, subtitle }: { tenantName: string; subtitle: string }) {
  return (
    <header className="mx-auto flex w-full max-w-2xl items-start justify-between gap-4 px-4 pt-6 pb-4">
      <div className="flex items-center gap-3">
        <span
          aria-hidden
          className="grid size-10 shrink-0 place-items-center rounded-lg bg-primary text-lg font-semibold text-primary-foreground"
        >
          {tenantName.trim().charAt(0).toUpperCase()}
        </span>
        <div>
          <p className="font-semibold leading-tight">{tenantName}</p>
          <p className="text-sm text-muted-foreground">{subtitle}</p>
        </div>
      </div>
      <ThemeToggle />
    </header>
  );
}
