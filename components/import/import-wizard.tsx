"use client";

import { CheckCircle2, FileUp, Loader2 } from "lucide-react";
import Link from "next/link";
import { useRef, useState } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ColumnMapping, ImportField, ImportKind } from "@/domain/import/fields";
import { IMPORT_LIMITS } from "@/domain/import/limits";
import type { RowError } from "@/domain/import/rows";
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
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [mode, setMode] = useState<"all" | "skip">("all");
  const [refused, setRefused] = useState<{ message: string; errors: RowError[]; total: number } | null>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
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
    else setError(typeof answer.body.error === "string" ? answer.body.error : "Something went wrong. Try again.");
    return null;
  }

  async function check(chosen: File, withMapping?: ColumnMapping) {
    const answer = await run(chosen, withMapping ? { mapping: JSON.stringify(withMapping) } : {});
    if (!answer) return;
    const result = answer.body as unknown as ImportPreview;
    setPreview(result);
    setMapping(result.mapping);
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

  function remap(field: ImportField, value: string) {
    if (!file) return;
    const next: ColumnMapping = { ...mapping };
    if (value === "") delete next[field];
    else next[field] = Number(value);
    setMapping(next);
    void check(file, next);
  }

  async function runImport() {
    if (!file) return;
    const answer = await run(file, { mapping: JSON.stringify(mapping), mode, dryRun: "false" });
    if (answer) setSummary(answer.body as unknown as ImportSummary);
  }

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
  const mapped = fields.filter((f) => mapping[f.key] !== undefined);
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
          <FormField id="import-file" label="CSV file" error={error}>
            <Input ref={fileInput} type="file" accept=".csv,text/csv" onChange={choose} disabled={busy} />
          </FormField>
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
        <>
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
              <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
                {fields.map((f) => (
                  <FormField
                    key={f.key}
                    id={`map-${f.key}`}
                    label={f.label}
                    required={f.required}
                    description={f.hint ?? undefined}
                  >
                    <NativeSelect
                      value={mapping[f.key] === undefined ? "" : String(mapping[f.key])}
                      onChange={(e) => remap(f.key, e.target.value)}
                      disabled={busy}
                    >
                      <option value="">Not imported</option>
                      {preview.headers.map((h, i) => (
                        <option key={`${h}-${i}`} value={String(i)}>
                          {h}
                          {preview.suggested[f.key] === i ? " (matched)" : ""}
                        </option>
                      ))}
                    </NativeSelect>
                  </FormField>
                ))}
              </div>
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
                  <input
                    type="radio"
                    name="mode"
                    value="all"
                    checked={mode === "all"}
                    onChange={() => setMode("all")}
                    className="mt-1"
                  />
                  <span>
                    <span className="font-medium">All or nothing</span> — import only when every row is fine.
                  </span>
                </label>
                <label className="flex items-start gap-2 text-sm">
                  <input
                    type="radio"
                    name="mode"
                    value="skip"
                    checked={mode === "skip"}
                    onChange={() => setMode("skip")}
                    className="mt-1"
                  />
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
        </>
      ) : null}
    </div>
  );
}
