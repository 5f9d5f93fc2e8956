"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { CheckCircle2, FileUp, Loader2 } from "lucide-react";
import Link from "next/link";
import { useEffect, useEffectEvent, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Form } from "@/components/ui/form";
import { SelectField } from "@/components/ui/form-controls";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ImportKind } from "@/domain/import/fields";
import { IMPORT_LIMITS } from "@/domain/import/limits";
import type { RowError } from "@/domain/import/rows";
import { readError } from "@/lib/form-errors";
import { ZImportChoicesSchema, type ImportChoicesInput, type ImportOptions } from "@/lib/schemas/imports";
import { cn } from "@/lib/utils";
import type { ImportPreview, ImportSummary, PreviewRow } from "@/server/services/imports";

type Answer = { status: number; body: Record<string, unknown> };
type Phase = { step: "idle" } | { step: "uploading"; percent: number } | { step: "checking" };

const NOUN: Record<ImportKind, { plural: string; list: string }> = {
  leads: { plural: "leads", list: "/leads" },
  accounts: { plural: "accounts", list: "/accounts" },
};
const ACTION: Record<
  PreviewRow["action"],
  { label: string; variant: "success" | "secondary" | "outline" | "destructive" }
> = {
  create: { label: "New", variant: "success" },
  update: { label: "Update", variant: "secondary" },
  unchanged: { label: "Unchanged", variant: "outline" },
  error: { label: "Problem", variant: "destructive" },
};
const MB = IMPORT_LIMITS.maxBytes / 1024 / 1024;

/** A preview's mapping as the selects hold it: each field's column number as text, "" when not imported. */
const choicesOf = ({ fields, mapping }: ImportPreview): ImportChoicesInput["mapping"] =>
  Object.fromEntries(fields.map((f) => [f.key, mapping[f.key] === undefined ? "" : String(mapping[f.key])]));

/** Sends the form with XMLHttpRequest, whose upload events give the progress bar its figures. */
function send(
  kind: ImportKind,
  fields: Record<string, string | File>,
  onProgress: (percent: number) => void,
): Promise<Answer> {
  return new Promise((resolve) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/import/${kind}`);
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.upload.onload = () => onProgress(100);
    xhr.onload = () =>
      resolve({
        status: xhr.status,
        body: (xhr.response as Record<string, unknown> | null) ?? {
          error: "The server answered with something unexpected. Try again.",
        },
      });
    xhr.onerror = () =>
      resolve({ status: 0, body: { error: "The upload did not reach Onward. Check your connection and try again." } });
    xhr.send(form);
  });
}

function ProblemList({ errors, total }: { errors: RowError[]; total: number }) {
  if (total === 0) return null;
  return (
    <div className="grid gap-2">
      <h3 className="text-sm font-semibold">
        {total.toLocaleString("en-US")} {total === 1 ? "problem" : "problems"}
        {errors.length < total ? ` (the first ${errors.length} shown)` : ""}
      </h3>
      <ul className="max-h-72 overflow-y-auto rounded-md border text-sm" aria-label="Problems by row">
        {errors.map((e, i) => (
          <li key={`${e.row}-${e.column}-${i}`} className="border-b px-3 py-2 last:border-b-0">
            <span className="font-medium">Row {e.row}</span> · <span className="text-muted-foreground">{e.column}</span>{" "}
            — {e.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ImportWizard({ kind }: { kind: ImportKind }) {
  const noun = NOUN[kind];
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ step: "idle" });
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [refused, setRefused] = useState<{ message: string; errors: RowError[]; total: number } | null>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  // the choices (a column for each field, what to do with rows that have problems) are a form on the shared schema
  const form = useForm({
    resolver: zodResolver(ZImportChoicesSchema),
    defaultValues: { mode: "all", mapping: {} } as ImportChoicesInput,
  });
  const [mode, choices] = useWatch({ control: form.control, name: ["mode", "mapping"] });
  const busy = phase.step !== "idle";

  async function run(chosen: File, fields: Record<string, string>): Promise<Answer | null> {
    setError(null);
    setRefused(null);
    setPhase({ step: "uploading", percent: 0 });
    const answer = await send(kind, { file: chosen, ...fields }, (percent) =>
      setPhase(percent >= 100 ? { step: "checking" } : { step: "uploading", percent }),
    );
    setPhase({ step: "idle" });
    if (answer.status >= 200 && answer.status < 300) return answer;
    const rowErrors = answer.body.rowErrors as RowError[] | undefined;
    if (rowErrors)
      setRefused({
        message: String(answer.body.error),
        errors: rowErrors,
        total: Number(answer.body.errorCount ?? rowErrors.length),
      });
    // a refusal is problem details (server/http/rest.ts): its message in `error`, shown at the file
    else setError(readError({ message: answer.body.error, fieldErrors: answer.body.fieldErrors })?.message ?? null);
    return null;
  }

  async function check(chosen: File, withMapping?: ImportOptions["mapping"]) {
    const answer = await run(chosen, withMapping ? { mapping: JSON.stringify(withMapping) } : {});
    if (!answer) return;
    const result = answer.body as unknown as ImportPreview;
    setPreview(result);
    form.reset({ ...form.getValues(), mapping: choicesOf(result) });
  }

  function choose(event: React.ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0] ?? null;
    setFile(chosen);
    setPreview(null);
    setSummary(null);
    setRefused(null);
    setError(null);
    if (!chosen) return;
    if (chosen.size > IMPORT_LIMITS.maxBytes) {
      setError(
        `The file is larger than ${MB} MB. Split it into smaller files (at most ${IMPORT_LIMITS.maxRows.toLocaleString("en-US")} rows each).`,
      );
      return;
    }
    void check(chosen);
  }

  // a column chosen by hand is checked again at once, so the rows below show what that choice imports
  const remap = useEffectEvent((mapping: ImportChoicesInput["mapping"]) => {
    const parsed = ZImportChoicesSchema.shape.mapping.safeParse(mapping);
    if (file && parsed.success) void check(file, parsed.data);
  });
  useEffect(
    () =>
      form.subscribe({
        name: "mapping",
        formState: { values: true },
        callback: ({ values, type }) => {
          if (type === "change") remap(values.mapping);
        },
      }),
    [form],
  );

  const runImport = form.handleSubmit(async (input) => {
    if (!file) return;
    const answer = await run(file, { mapping: JSON.stringify(input.mapping), mode: input.mode, dryRun: "false" });
    if (answer) setSummary(answer.body as unknown as ImportSummary);
  });

  function startOver() {
    setFile(null);
    setPreview(null);
    setSummary(null);
    setRefused(null);
    setError(null);
    if (fileInput.current) fileInput.current.value = "";
  }

  if (summary) {
    return (
      <Card>
        <CardHeader>
          <CardTitle className="flex items-center gap-2">
            <CheckCircle2 aria-hidden className="size-5 text-success" /> Import finished
          </CardTitle>
          <CardDescription>
            {summary.fileName} · {summary.rowCount.toLocaleString("en-US")} rows ·{" "}
            {summary.mode === "all" ? "all or nothing" : "rows with problems skipped"}
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" aria-label="Import summary">
            {(
              [
                ["Created", summary.created],
                ["Updated", summary.updated],
                ["Unchanged", summary.unchanged],
                ["Skipped", summary.skipped],
              ] as const
            ).map(([label, n]) => (
              <div key={label} className="rounded-md border p-3">
                <dt className="text-xs text-muted-foreground">{label}</dt>
                <dd className="text-2xl font-semibold tabular-nums">{n.toLocaleString("en-US")}</dd>
              </div>
            ))}
          </dl>
          <ProblemList errors={summary.skippedRows} total={summary.skipped === 0 ? 0 : summary.skippedRows.length} />
          <div className="flex flex-wrap gap-2">
            <Button asChild>
              <Link href={noun.list}>See the {noun.plural}</Link>
            </Button>
            <Button variant="outline" onClick={startOver}>
              Import another file
            </Button>
          </div>
        </CardContent>
      </Card>
    );
  }

  const fields = preview?.fields ?? [];
  const mapped = fields.filter((f) => (choices[f.key] ?? "") !== "");
  const blocked =
    !preview ||
    preview.missing.length > 0 ||
    (mode === "all" && preview.errorCount > 0) ||
    preview.counts.create + preview.counts.update + preview.counts.unchanged === 0;

  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle>1. Choose the file</CardTitle>
          <CardDescription>
            A CSV export (UTF-8, comma or semicolon separated), at most {IMPORT_LIMITS.maxRows.toLocaleString("en-US")}{" "}
            rows and {MB} MB. HubSpot and Salesforce export headers are recognised.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          {/* picking a file uploads it at once, so it is no form field: its refusal is shown here */}
          <div className="grid gap-2">
            <Label htmlFor="import-file" className={cn(error && "text-destructive")}>
              CSV file
            </Label>
            <Input
              id="import-file"
              ref={fileInput}
              type="file"
              accept=".csv,text/csv"
              onChange={choose}
              disabled={busy}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? "import-file-error" : undefined}
            />
            {error ? (
              <p id="import-file-error" role="alert" className="text-sm font-medium text-destructive">
                {error}
              </p>
            ) : null}
          </div>
          {phase.step === "uploading" ? (
            <div className="grid gap-1" aria-live="polite">
              <p className="text-sm">Uploading… {phase.percent}%</p>
              <div
                role="progressbar"
                aria-label="Upload"
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={phase.percent}
                className="h-2 w-full overflow-hidden rounded bg-muted"
              >
                <div className="h-full bg-primary transition-[width]" style={{ width: `${phase.percent}%` }} />
              </div>
            </div>
          ) : null}
          {phase.step === "checking" ? (
            <p className="flex items-center gap-2 text-sm" aria-live="polite">
              <Loader2 aria-hidden className="size-4 animate-spin" /> Checking every row…
            </p>
          ) : null}
        </CardContent>
      </Card>

      {preview ? (
        <Form {...form}>
          <Card>
            <CardHeader>
              <CardTitle>2. Match the columns</CardTitle>
              <CardDescription>
                {preview.fileName}: {preview.rowCount.toLocaleString("en-US")} rows, {preview.headers.length} columns,
                separated by {preview.delimiter === ";" ? "semicolons" : "commas"}. Amounts are read in{" "}
                {preview.currency}.
              </CardDescription>
            </CardHeader>
            <CardContent className="grid gap-4">
              {preview.missing.length > 0 ? (
                <Alert variant="destructive">
                  <AlertTitle>Some columns are still needed</AlertTitle>
                  <AlertDescription>
                    <ul className="list-disc pl-4">
                      {preview.missing.map((m) => (
                        <li key={m}>{m}</li>
                      ))}
                    </ul>
                  </AlertDescription>
                </Alert>
              ) : null}
              {/* no new choice while the file is being sent */}
              <fieldset disabled={busy} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
                {fields.map((f) => (
                  <SelectField
                    key={f.key}
                    control={form.control}
                    name={`mapping.${f.key}`}
                    label={f.label}
                    required={f.required}
                    description={f.hint ?? undefined}
                    placeholder="Not imported"
                    options={preview.headers.map((h, i) => ({
                      value: String(i),
                      label: preview.suggested[f.key] === i ? `${h} (matched)` : h,
                    }))}
                  />
                ))}
              </fieldset>
            </CardContent>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle>3. Check the rows</CardTitle>
              <CardDescription aria-live="polite">
                {preview.counts.create.toLocaleString("en-US")} new, {preview.counts.update.toLocaleString("en-US")} to
                update, {preview.counts.unchanged.toLocaleString("en-US")} unchanged,{" "}
                {preview.counts.invalid.toLocaleString("en-US")} with problems. Nothing is saved yet.
              </CardDescription>
            </CardHeader>
            <CardContent className="grid gap-4">
              {mapped.length > 0 ? (
                <div className="overflow-x-auto">
                  <Table>
                    <TableCaption>The first {preview.preview.length} rows as they will be imported.</TableCaption>
                    <TableHeader>
                      <TableRow>
                        <TableHead>Row</TableHead>
                        <TableHead>Result</TableHead>
                        {mapped.map((f) => (
                          <TableHead key={f.key}>{f.label}</TableHead>
                        ))}
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {preview.preview.map((r) => (
                        <TableRow key={r.row}>
                          <TableCell className="tabular-nums">{r.row}</TableCell>
                          <TableCell>
                            <Badge variant={ACTION[r.action].variant} title={r.problems.join("\n") || undefined}>
                              {ACTION[r.action].label}
                            </Badge>
                          </TableCell>
                          {mapped.map((f) => (
                            <TableCell key={f.key} className="max-w-56 truncate">
                              {r.values[f.key] ?? ""}
                            </TableCell>
                          ))}
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </div>
              ) : null}
              <ProblemList errors={preview.errors} total={preview.errorCount} />
            </CardContent>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle>4. Import</CardTitle>
              <CardDescription>
                Rows that match an existing record (same external ID, else same{" "}
                {kind === "leads" ? "email" : "website or name"}) update it; the others are created.
              </CardDescription>
            </CardHeader>
            <CardContent className="grid gap-4">
              <fieldset className="grid gap-2">
                <legend className="mb-1 text-sm font-medium">When some rows have problems</legend>
                <label className="flex items-start gap-2 text-sm">
                  <input type="radio" value="all" {...form.register("mode")} className="mt-1" />
                  <span>
                    <span className="font-medium">All or nothing</span> — import only when every row is fine.
                  </span>
                </label>
                <label className="flex items-start gap-2 text-sm">
                  <input type="radio" value="skip" {...form.register("mode")} className="mt-1" />
                  <span>
                    <span className="font-medium">Skip rows with problems</span> — import the others and list the
                    skipped ones.
                  </span>
                </label>
              </fieldset>
              {refused ? (
                <Alert variant="destructive">
                  <AlertTitle>Nothing was imported</AlertTitle>
                  <AlertDescription>{refused.message}</AlertDescription>
                </Alert>
              ) : null}
              {refused ? <ProblemList errors={refused.errors} total={refused.total} /> : null}
              {blocked && preview.missing.length === 0 && mode === "all" && preview.errorCount > 0 ? (
                <p className="text-sm text-muted-foreground">
                  Fix the problems in the file and choose it again, or choose to skip rows with problems.
                </p>
              ) : null}
              <div className="flex flex-wrap gap-2">
                <Button onClick={() => void runImport()} disabled={busy || blocked}>
                  {busy ? <Loader2 aria-hidden className="animate-spin" /> : <FileUp aria-hidden />} Import{" "}
                  {(preview.counts.create + preview.counts.update + preview.counts.unchanged).toLocaleString("en-US")}{" "}
                  {noun.plural}
                </Button>
                <Button variant="outline" onClick={startOver} disabled={busy}>
                  Choose another file
                </Button>
              </div>
            </CardContent>
          </Card>
        </Form>
      ) : null}
    </div>
  );
}
