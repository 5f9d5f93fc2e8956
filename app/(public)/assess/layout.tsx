import { TRPCReactProvider } from "@/trpc/client";

/** Public pages: no sign-in, no staff shell. Each page loads its tenant by slug and 404s on an unknown one. */
export default function AssessLayout({ children }: { children: React.ReactNode }) {
  return (
    <TRPCReactProvider>
      <div className="min-h-dvh bg-muted/40">{children}</div>
    </TRPCReactProvider>
  );
}
