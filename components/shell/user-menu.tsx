import { LogOutIcon } from "@/components/ui/server-icon";
import { signOutAction } from "@/app/actions/sign-out";
import { UserAvatar } from "@/components/ui/user-avatar";
import { Button } from "@/components/ui/button";

export function UserMenu({ name, detail }: { name: string; detail: string }) {
  return (
    <div className="flex items-center gap-3">
      <UserAvatar name={name} className="size-8" />
      <div className="hidden min-w-0 leading-tight sm:block">
        <p className="truncate text-sm font-medium" data-testid="user-name">
          {name}
        </p>
        <p className="truncate text-xs text-muted-foreground">{detail}</p>
      </div>
      <form action={signOutAction}>
        <Button type="submit" variant="ghost" size="sm" aria-label="Sign out">
          <LogOutIcon aria-hidden /> <span className="hidden md:inline">Sign out</span>
        </Button>
      </form>
    </div>
  );
}
