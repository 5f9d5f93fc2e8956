"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { useForm, useWatch, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Form, FormRootError, setServerError } from "@/components/ui/form";
import { Textarea } from "@/components/ui/textarea";
import { cn } from "@/lib/utils";
import {
  CONFIG_SCHEMAS,
  PARSE_OPTIONS,
  asRecord,
  describePath,
  hasForm,
  isRecord,
  validateConfig,
  type ConfigKind,
  type Problem,
} from "./config-draft";
import { ConfigReadOnly, type ConfigValues } from "./config-fields";
import { EducationConfigForm } from "./education-config-form";
import { FeasibilityConfigForm } from "./feasibility-config-form";
import { QualificationConfigForm } from "./qualification-config-form";
import { TiersConfigForm } from "./tiers-config-form";

/** A save the server refused with field errors: its message, shown with the fields' own messages. */
export type ServerRefusal = { message: string };

type View = "form" | "json";
const VIEWS: { value: View; label: string }[] = [
  { value: "form", label: "Form" },
  { value: "json", label: "JSON (advanced)" },
];

type Props = {
  kind: ConfigKind;
  version: number;
  data: unknown;
  defaults: unknown;
  canEdit: boolean;
  saving: boolean;
  /** saves the configuration; `onRefused` gets the server's refusal (not a version conflict) */
  onSave: (data: unknown, onRefused: (error: unknown) => void) => void;
  /** the version the last save wrote */
  saved: number | null;
  /** the server refused the last save with field errors (they are shown under their fields) */
  refusal: ServerRefusal | null;
  /** the server said someone saved a newer version meanwhile */
  conflict: { version: number | null } | null;
  onReload: () => void;
  reloading: boolean;
};

/**
 * Edits one version of one kind: a structured form or, for power users, the raw JSON; both edit the
 * same draft, the react-hook-form state (docs/architecture.md#forms) with the engine's schema as resolver
 * (the server runs the same one). The draft is checked live, so a save the server would refuse is refused
 * here first, with the reasons; the server's own refusal lands under its fields (`setServerError`), a
 * version conflict next to the Save button. Mounted per version: a new version resets it.
 */
export function DraftEditor({
  kind,
  version,
  data,
  defaults,
  canEdit,
  saving,
  onSave,
  saved,
  refusal,
  conflict,
  onReload,
  reloading,
}: Props) {
  const savedText = useMemo(() => JSON.stringify(data), [data]);
  const schema = CONFIG_SCHEMAS[kind];
  const form = useForm<ConfigValues>({
    resolver: schema
      ? (zodResolver(schema as z.ZodType<ConfigValues, ConfigValues>, PARSE_OPTIONS) as Resolver<ConfigValues>)
      : undefined,
    defaultValues: asRecord(data),
    // a refused save focuses the list of problems, which names every one
    shouldFocusError: false,
  });
  const draft = useWatch({ control: form.control });
  const draftText = useMemo(() => JSON.stringify(draft), [draft]);
  const withForm = hasForm(kind);
  const [view, setView] = useState<View>(withForm ? "form" : "json");
  const [jsonText, setJsonText] = useState(() => JSON.stringify(data, null, 2));
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [tabError, setTabError] = useState<string | null>(null);
  /** the draft a save was refused for: the refusal shows until the draft changes */
  const [refused, setRefused] = useState<{ draftText: string } | null>(null);
  const refusalRef = useRef<HTMLDivElement>(null);
  const tabRefs = useRef<Record<View, HTMLButtonElement | null>>({ form: null, json: null });

  // the live list of problems is a preview of the same schema; the fields' messages are the form's own
  const validation = useMemo(() => validateConfig(kind, draft), [kind, draft]);
  const dirty = draftText !== savedText;
  // edits made while saving would be lost when the saved version replaces this one
  const readOnly = !canEdit || saving;
  const idPrefix = `cfg-${kind}`;

  // every edit checks the whole draft, so a message about another field (proceed below pass) shows at once;
  // it also clears the server's messages about the draft it refused
  useEffect(() => {
    void form.trigger();
  }, [form, draftText]);

  const showRefusal = refused !== null && refused.draftText === draftText && (!validation.ok || jsonError !== null);
  useEffect(() => {
    if (refused) refusalRef.current?.focus();
  }, [refused]);

  function switchTo(next: View) {
    if (next === view) return;
    if (next === "json") {
      setJsonText(JSON.stringify(form.getValues(), null, 2));
      setJsonError(null);
    } else if (jsonError) {
      setTabError("The JSON is not valid: fix it (or discard your changes) before going back to the form.");
      return;
    }
    setTabError(null);
    setView(next);
  }

  function onTabKey(event: React.KeyboardEvent<HTMLButtonElement>) {
    const index = VIEWS.findIndex((v) => v.value === view);
    let next: number | null = null;
    if (event.key === "ArrowRight") next = (index + 1) % VIEWS.length;
    else if (event.key === "ArrowLeft") next = (index - 1 + VIEWS.length) % VIEWS.length;
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = VIEWS.length - 1;
    const target = next === null ? undefined : VIEWS[next];
    if (!target) return;
    event.preventDefault();
    switchTo(target.value);
    tabRefs.current[target.value]?.focus();
  }

  function editJson(text: string) {
    setJsonText(text);
    try {
      const parsed: unknown = JSON.parse(text);
      if (!isRecord(parsed)) {
        setJsonError("The configuration must be a JSON object ({ … }).");
        return;
      }
      setJsonError(null);
      setTabError(null);
      form.reset(parsed, { keepDefaultValues: true });
    } catch (error) {
      setJsonError(`Not valid JSON: ${(error as Error).message}`);
    }
  }

  function replaceDraft(next: unknown) {
    form.reset(asRecord(next), { keepDefaultValues: true });
    setJsonText(JSON.stringify(next, null, 2));
    setJsonError(null);
    setTabError(null);
    setRefused(null);
  }

  const submit = form.handleSubmit(
    (config) => {
      setRefused(null);
      onSave(config, (error) => setServerError(form, error));
    },
    () => setRefused({ draftText }),
  );

  function save() {
    if (view === "json" && jsonError) {
      setRefused({ draftText });
      return;
    }
    void submit();
  }

  const jsonId = `${idPrefix}-json`;
  return (
    <Form {...form}>
      <ConfigReadOnly.Provider value={readOnly}>
        <div className="grid gap-4">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <p className="font-medium">Current version: {version}</p>
              {dirty && canEdit ? <Badge variant="warning">Unsaved changes</Badge> : null}
              {!canEdit ? <Badge variant="secondary">Read-only</Badge> : null}
            </div>
            {withForm ? (
              <div
                role="tablist"
                aria-label="Edit as"
                className="inline-grid grid-cols-2 gap-1 rounded-lg bg-muted p-1"
              >
                {VIEWS.map((v) => (
                  <button
                    key={v.value}
                    ref={(el) => {
                      tabRefs.current[v.value] = el;
                    }}
                    role="tab"
                    type="button"
                    id={`${idPrefix}-tab-${v.value}`}
                    aria-selected={view === v.value}
                    aria-controls={view === v.value ? `${idPrefix}-panel-${v.value}` : undefined}
                    tabIndex={view === v.value ? 0 : -1}
                    onClick={() => switchTo(v.value)}
                    onKeyDown={onTabKey}
                    className={cn(
                      "rounded-md px-3 py-1.5 text-sm font-medium transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
                      view === v.value
                        ? "bg-background text-foreground shadow-sm"
                        : "text-muted-foreground hover:text-foreground",
                    )}
                  >
                    {v.label}
                  </button>
                ))}
              </div>
            ) : null}
          </div>
          {!canEdit ? (
            <p className="text-sm text-muted-foreground">Only admins can change scoring configuration.</p>
          ) : null}
          {tabError ? (
            <Alert variant="destructive">
              <AlertDescription>{tabError}</AlertDescription>
            </Alert>
          ) : null}

          {!withForm ? (
            <p className="text-sm text-muted-foreground">
              There is no form for this kind yet: it is edited as JSON and checked by the server when saved.
            </p>
          ) : null}
          <div
            {...(withForm
              ? { role: "tabpanel", id: `${idPrefix}-panel-${view}`, "aria-labelledby": `${idPrefix}-tab-${view}` }
              : {})}
          >
            {view === "form" ? (
              kind === "qualification" ? (
                <QualificationConfigForm />
              ) : kind === "feasibility" ? (
                <FeasibilityConfigForm />
              ) : kind === "tiers" ? (
                <TiersConfigForm names={tierNames(data)} />
              ) : kind === "education" ? (
                <EducationConfigForm />
              ) : null
            ) : (
              <div className="grid gap-2">
                <label htmlFor={jsonId} className="text-sm font-medium">
                  Version {version} ({kind}) as JSON
                </label>
                <Textarea
                  id={jsonId}
                  value={jsonText}
                  onChange={(e) => editJson(e.target.value)}
                  readOnly={readOnly}
                  spellCheck={false}
                  aria-invalid={jsonError ? true : undefined}
                  aria-describedby={jsonError ? `${jsonId}-error` : `${jsonId}-help`}
                  className="min-h-80 font-mono text-xs"
                />
                {jsonError ? (
                  <p id={`${jsonId}-error`} role="alert" className="text-sm font-medium text-destructive">
                    {jsonError}
                  </p>
                ) : (
                  <p id={`${jsonId}-help`} className="text-sm text-muted-foreground">
                    Money is in integer cents here. Checked against the same rules as the form as you type.
                  </p>
                )}
              </div>
            )}
          </div>

          {canEdit ? (
            <div className="grid gap-3 border-t pt-4">
              {saved !== null ? (
                <Alert variant="success">
                  <AlertDescription>
                    Saved as version {saved}. New scores use it; stored scores keep theirs.
                  </AlertDescription>
                </Alert>
              ) : null}
              {conflict ? (
                <Alert variant="destructive">
                  <AlertDescription>
                    <p>
                      {conflict.version !== null
                        ? `Someone else saved version ${conflict.version}`
                        : "Someone else saved a newer version"}{" "}
                      — reload to get it, then apply your change again. Reloading discards your unsaved changes.
                    </p>
                    <Button size="sm" variant="outline" onClick={onReload} disabled={reloading}>
                      {reloading ? "Reloading…" : "Reload"}
                    </Button>
                  </AlertDescription>
                </Alert>
              ) : null}
              <FormRootError />
              {refusal ? (
                <Alert variant="destructive">
                  <AlertTitle>The server refused this version</AlertTitle>
                  <AlertDescription>{refusal.message}</AlertDescription>
                </Alert>
              ) : null}
              {showRefusal ? (
                <Alert
                  variant="destructive"
                  ref={refusalRef}
                  tabIndex={-1}
                  className="focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
                >
                  <AlertTitle>
                    Not saved:{" "}
                    {jsonError && view === "json"
                      ? "the JSON is not valid"
                      : `fix ${problemCount(validation.problems)} first`}
                  </AlertTitle>
                  <AlertDescription>
                    {jsonError && view === "json" ? (
                      <p>{jsonError}</p>
                    ) : (
                      <ProblemList problems={validation.problems} draft={draft} />
                    )}
                  </AlertDescription>
                </Alert>
              ) : !validation.ok ? (
                <div className="rounded-lg border border-destructive/40 px-4 py-3 text-sm">
                  <p className="font-medium text-destructive">
                    {problemCount(validation.problems)} to fix before saving
                  </p>
                  <ProblemList problems={validation.problems} draft={draft} />
                </div>
              ) : null}
              <div className="flex flex-wrap items-center gap-2">
                <Button type="button" onClick={save} disabled={saving}>
                  {saving ? "Saving…" : "Save as new version"}
                </Button>
                <Button type="button" variant="ghost" onClick={() => replaceDraft(data)} disabled={saving || !dirty}>
                  Discard changes
                </Button>
                {view === "json" ? (
                  <Button type="button" variant="outline" onClick={() => replaceDraft(defaults)} disabled={saving}>
                    Load the defaults
                  </Button>
                ) : null}
              </div>
            </div>
          ) : null}
        </div>
      </ConfigReadOnly.Provider>
    </Form>
  );
}

function problemCount(problems: Problem[]): string {
  return problems.length === 1 ? "1 problem" : `${problems.length} problems`;
}

function ProblemList({ problems, draft }: { problems: Problem[]; draft: unknown }) {
  return (
    <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm">
      {problems.map((p) => (
        <li key={p.key}>
          {p.path.length > 0 ? <span className="font-medium">{describePath(p.path, draft)}: </span> : null}
          {p.message}
        </li>
      ))}
    </ul>
  );
}

/** Tier key → its saved name: stable words for the screen-reader prefixes while the name is edited. */
function tierNames(data: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, tier] of Object.entries(asRecord(asRecord(data).tiers))) {
    const name = asRecord(tier).name;
    if (typeof name === "string" && name.trim()) out[key] = name;
  }
  return out;
}
