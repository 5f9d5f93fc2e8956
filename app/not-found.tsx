import { plainButtonClass } from "@/components/ui/variant-classes";

// The root not-found boundary's client code loads with every page: a plain link styled like the default `Button`
// keeps `next/link` (already in most pages' own chunks, but not shared with this one) and Slot out of it (the
// portal's JavaScript budget, bench/README.md P3). Home is a full load after a 404 either way.
export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
      <p className="text-sm font-medium text-muted-foreground">404</p>
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-muted-foreground">This page does not exist, or you do not have access to it.</p>
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full load on purpose (above) */}
      <a href="/" data-slot="button" className={plainButtonClass}>
        Go to your home page
      </a>
    </main>
  );
}
