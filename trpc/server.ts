import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { createCaller } from "@/server/api/root";
import { createTRPCContext } from "@/server/api/trpc";

/** tRPC from server components: the same procedures, same access checks, no HTTP hop. */
export const api = cache(async () => createCaller(await createTRPCContext({ headers: await headers() })));
