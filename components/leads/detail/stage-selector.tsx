"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { LEAD_STAGE } from "@/components/shell/labels";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/select";
import { useTRPC } from "@/trpc/client";
import { MANUAL_TRANSITIONS, type LeadStage } from "@/domain/pipeline/stages";

export function StageSelector({ leadId, stage }: { leadId: string; stage: LeadStage }) {
  const trpc = useTRPC();
  const router = useRouter();
  const options = MANUAL_TRANSITIONS[stage];
  const [target, setTarget] = useState<LeadStage | "">("");
  const move = useMutation(
    trpc.leads.updateStage.mutationOptions({
      onSuccess: () => {
        setTarget("");
        router.refresh();
      },
    }),
  );

  if (options.length === 0)
    return <p className="text-sm text-muted-foreground">This lead&apos;s stage no longer changes by hand.</p>;

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (target) move.mutate({ leadId, stage: target });
  }

  return (
    <form onSubmit={submit} className="grid gap-2">
      <div className="flex flex-wrap items-end gap-2">
        <div className="grid gap-1">
          <label htmlFor="lead-stage" className="text-sm font-medium">
            Move to stage
          </label>
          <NativeSelect
            id="lead-stage"
            value={target}
            onChange={(e) => setTarget(options.find((s) => s === e.target.value) ?? "")}
            wrapperClassName="w-48"
          >
            <option value="">Choose a stage…</option>
            {options.map((s) => (
              <option key={s} value={s}>
                {LEAD_STAGE[s] ?? s}
              </option>
            ))}
          </NativeSelect>
        </div>
        <Button type="submit" variant="secondary" disabled={!target || move.isPending}>
          {move.isPending ? "Moving…" : "Change stage"}
        </Button>
      </div>
      {move.error ? (
        <Alert variant="destructive">
          <AlertDescription>{move.error.message}</AlertDescription>
        </Alert>
      ) : null}
    </form>
  );
}
