import { TRPCReactProvider } from "@/trpc/client";

/**
 * The layout of every staff section whose client components call tRPC hooks. The staff shell itself
 * does not, and neither does the executive dashboard, so the provider (react-query, the tRPC client,
 * superjson) is mounted per section instead of around every staff page (bench/README.md, P4: dashboard TBT).
 */
export default function TrpcSectionLayout({ children }: { children: React.ReactNode }) {
  return <TRPCReactProvider>{children}</TRPCReactProvider>;
}
