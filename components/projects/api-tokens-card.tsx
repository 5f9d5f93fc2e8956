"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState, useSyncExternalStore } from "react";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Form, FormRootError, setServerError } from "@/components/ui/form";
import { TextField } from "@/components/ui/form-controls";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useTRPC } from "@/trpc/client";
import type { RouterOutputs } from "@/trpc/types";
import { formatDateTime } from "@/lib/format";
import { readError } from "@/lib/form-errors";
import { ZCreateApiTokenSchema } from "@/lib/schemas/quality";

const noSubscription = () => () => {};
/** The app's own origin for the curl example; a placeholder while rendering on the server. */
function useOrigin() {
  return useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => "https://onward.example.com",
  );
}

function CurlExample({ token }: { token: string }) {
  const origin = useOrigin();
  const headingId = useId();
  const example = [
    `curl -X POST ${origin}/api/v1/evidence \\`,
    `  -H "Authorization: Bearer ${token}" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -d '{"coverage": 96.4, "complexity": 7, "maintainability": 8.9, "vulnerabilities": {"high": 0, "critical": 0}, "benchmarkP95Ms": 310, "tests": {"passed": 412, "failed": 0}, "commitSha": "'"$GIT_SHA"'", "buildUrl": "https://ci.example.com/builds/42"}'`,
  ].join("\n");
  return (
    <div className="grid gap-1">
      <h3 id={`${headingId}-ci`} className="text-sm font-medium">
        Send evidence from CI
      </h3>
      {/* focusable and named: a keyboard user scrolls the long command (scrollable-region-focusable) */}
      <pre
        tabIndex={0}
        role="region"
        aria-labelledby={`${headingId}-ci`}
        className="overflow-x-auto rounded-md bg-muted p-3 text-xs focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
      >
        <code>{example}</code>
      </pre>
      <p className="text-xs text-muted-foreground">
        Keep the token in your CI&apos;s secret store. Fields, limits and a GitHub Actions / GitLab CI step:
        docs/ci-evidence.md.
      </p>
    </div>
  );
}

export function NewToken({ token, onDismiss }: { token: string; onDismiss: () => void }) {
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <Alert variant="success">
      <AlertTitle>Token created — copy it now</AlertTitle>
      <AlertDescription>
        <p>You won&apos;t see it again: only a hash is stored. If you lose it, revoke it and create another.</p>
        <div className="flex w-full flex-wrap items-end gap-2">
          <div className="grid min-w-0 flex-1 gap-2">
            <Label htmlFor="new-api-token">Your new token</Label>
            <Input
              id="new-api-token"
              readOnly
              value={token}
              className="font-mono text-xs"
              onFocus={(e) => e.currentTarget.select()}
            />
          </div>
          <Button
            type="button"
            variant="outline"
            onClick={() =>
              void navigator.clipboard.writeText(token).then(
                () => setCopied("copied"),
                () => setCopied("failed"),
              )
            }
          >
            Copy
          </Button>
          <Button type="button" variant="ghost" onClick={onDismiss}>
            I have stored it
          </Button>
        </div>
        <p aria-live="polite" className="text-xs">
          {copied === "copied"
            ? "Copied to the clipboard."
            : copied === "failed"
              ? "Copy failed: select the field and copy it by hand."
              : ""}
        </p>
      </AlertDescription>
    </Alert>
  );
}

function RevokeButton({ name, pending, onConfirm }: { name: string; pending: boolean; onConfirm: () => void }) {
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button size="sm" variant="outline" disabled={pending}>
          Revoke<span className="sr-only"> {name}</span>
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Revoke “{name}”?</DialogTitle>
          <DialogDescription>
            Pipelines still using it get 401 from now on. This cannot be undone; create a new token to reconnect.
          </DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline">Cancel</Button>
          </DialogClose>
          <DialogClose asChild>
            <Button variant="destructive" onClick={onConfirm}>
              Revoke token
            </Button>
          </DialogClose>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

/** CI API tokens of a project (docs/ci-evidence.md): create (shown once), list, revoke; and the evidence they sent last. */
export function ApiTokensCard({
  projectId,
  canWrite,
  tokens,
  evidence,
}: {
  projectId: string;
  canWrite: boolean;
  tokens: RouterOutputs["apiTokens"]["list"];
  evidence: RouterOutputs["evidence"]["list"];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const refresh = () => router.refresh();
  const [created, setCreated] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(ZCreateApiTokenSchema), defaultValues: { projectId, name: "" } });
  const name = useWatch({ control: form.control, name: "name" });
  const create = useMutation(
    trpc.apiTokens.create.mutationOptions({
      onSuccess: (data) => {
        setCreated(data.token);
        form.reset();
        return refresh();
      },
      onError: (error) => setServerError(form, error),
    }),
  );
  const submit = form.handleSubmit((input) => create.mutate(input));
  const revoke = useMutation(trpc.apiTokens.revoke.mutationOptions({ onSuccess: refresh }));
  const revokeError = readError(revoke.error);

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">CI API tokens</CardTitle>
        <CardDescription>
          The customer&apos;s pipeline posts coverage, complexity, vulnerabilities and benchmarks with a token; the code
          gates are checked from it.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-5">
        {canWrite ? (
          <Form {...form}>
            <form className="flex flex-wrap items-end gap-3" noValidate onSubmit={(event) => void submit(event)}>
              <TextField
                control={form.control}
                name="name"
                label="Token name"
                description="Name it after the pipeline, e.g. “GitHub Actions – main”."
                maxLength={80}
                required
                className="min-w-64 flex-1"
              />
              <Button type="submit" disabled={create.isPending || name.trim() === ""}>
                {create.isPending ? "Creating…" : "Create token"}
              </Button>
            </form>
            <FormRootError />
          </Form>
        ) : null}
        {created ? <NewToken token={created} onDismiss={() => setCreated(null)} /> : null}
        {revokeError ? (
          <Alert variant="destructive">
            <AlertDescription>{revokeError.message}</AlertDescription>
          </Alert>
        ) : null}

        {tokens.length === 0 ? (
          <EmptyState
            title="No API token yet"
            description={
              canWrite
                ? "Create one for each pipeline that reports evidence."
                : "A technical lead creates one per pipeline."
            }
            headingAs="h3"
          />
        ) : (
          <Table>
            <TableCaption className="sr-only">API tokens of this project</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>Name</TableHead>
                <TableHead>Prefix</TableHead>
                <TableHead>Created</TableHead>
                <TableHead>Last used</TableHead>
                <TableHead>Status</TableHead>
                {canWrite ? (
                  <TableHead>
                    <span className="sr-only">Actions</span>
                  </TableHead>
                ) : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {tokens.map((t) => (
                <TableRow key={t.id}>
                  <TableCell className="font-medium">{t.name}</TableCell>
                  <TableCell className="font-mono text-xs">{t.prefix}…</TableCell>
                  <TableCell>
                    {formatDateTime(t.createdAt)}
                    {t.createdByName ? <span className="text-muted-foreground"> by {t.createdByName}</span> : null}
                  </TableCell>
                  <TableCell>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : "Never"}</TableCell>
                  <TableCell>
                    {t.revokedAt ? (
                      <Badge variant="outline">Revoked {formatDateTime(t.revokedAt)}</Badge>
                    ) : (
                      <Badge variant="success">Active</Badge>
                    )}
                  </TableCell>
                  {canWrite ? (
                    <TableCell>
                      {t.revokedAt ? null : (
                        <RevokeButton
                          name={t.name}
                          pending={revoke.isPending}
                          onConfirm={() => revoke.mutate({ tokenId: t.id })}
                        />
                      )}
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}

        {canWrite ? <CurlExample token={created ?? "<your token>"} /> : null}

        <section aria-labelledby="recent-evidence" className="grid gap-2">
          <h3 id="recent-evidence" className="text-sm font-medium">
            Evidence received
          </h3>
          {evidence.length === 0 ? (
            <p className="text-sm text-muted-foreground">Nothing received yet.</p>
          ) : (
            <ul className="grid gap-1 text-sm">
              {evidence.map((e) => (
                <li key={e.id}>
                  <span className="tabular-nums">{formatDateTime(e.createdAt)}</span>
                  {e.commitSha ? <span className="font-mono text-xs"> · {e.commitSha.slice(0, 7)}</span> : null}
                  {e.coverage !== null ? <span> · coverage {e.coverage}%</span> : null}
                  <span className="text-muted-foreground">
                    {" "}
                    · {e.apiToken ? `via ${e.apiToken.name}` : "entered by hand"}
                  </span>
                  {e.buildUrl ? (
                    <>
                      {" "}
                      ·{" "}
                      <a
                        className="underline underline-offset-2"
                        href={e.buildUrl}
                        target="_blank"
                        rel="noreferrer noopener"
                      >
                        build
                      </a>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      </CardContent>
    </Card>
  );
}
