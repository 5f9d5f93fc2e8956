// Client components in this section call tRPC hooks; the dashboard's do not (components/shell/trpc-section-layout.tsx).
export { default } from "@/components/shell/trpc-section-layout";
