"use client";

import type { Control, FieldPath, FieldValues } from "react-hook-form";
import { FormField, FormItem, FormMessage, useFormField } from "@/components/ui/form";
import { WEBHOOK_EVENTS, WEBHOOK_EVENT_LABEL } from "@/lib/schemas/webhooks";

/**
 * The events an endpoint receives, as checkboxes with the catalogue's words; none checked means every
 * event (docs/webhooks/README.md#events). One form field holding the chosen events.
 */
export function EventsField<TValues extends FieldValues, TContext, TTransformed>({
  control,
  name,
}: {
  control: Control<TValues, TContext, TTransformed>;
  name: FieldPath<TValues>;
}) {
  return (
    <FormField
      control={control}
      name={name}
      render={({ field }) => (
        <FormItem>
          <EventCheckboxes value={(field.value as string[] | undefined) ?? []} onChange={field.onChange} />
        </FormItem>
      )}
    />
  );
}

function EventCheckboxes({ value, onChange }: { value: readonly string[]; onChange: (events: string[]) => void }) {
  const { error, descriptionId, messageId } = useFormField();
  return (
    <fieldset className="grid gap-2" aria-describedby={error ? `${descriptionId} ${messageId}` : descriptionId}>
      <legend className="mb-1 text-sm font-medium">Events</legend>
      <p id={descriptionId} className="text-sm text-muted-foreground">
        Leave all unchecked to receive every event, including new kinds added later.
      </p>
      {WEBHOOK_EVENTS.map((event) => (
        <label key={event} className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            name="events"
            value={event}
            checked={value.includes(event)}
            onChange={(e) => onChange(e.target.checked ? [...value, event] : value.filter((v) => v !== event))}
            className="mt-0.5 size-4 accent-primary"
          />
          <span>{WEBHOOK_EVENT_LABEL[event]}</span>
        </label>
      ))}
      <FormMessage />
    </fieldset>
  );
}
