import { WEBHOOK_EVENTS, WEBHOOK_EVENT_LABEL } from "@/lib/schemas/webhooks";

/**
 * The events an endpoint receives, as checkboxes named `events` with the catalogue's words; none
 * checked means every event (docs/webhooks/README.md#events).
 */
export function EventCheckboxes({ selected, error }: { selected?: readonly string[]; error?: string }) {
  return (
    <fieldset className="grid gap-2" aria-describedby={error ? "webhook-events-error" : "webhook-events-help"}>
      <legend className="mb-1 text-sm font-medium">Events</legend>
      <p id="webhook-events-help" className="text-sm text-muted-foreground">
        Leave all unchecked to receive every event, including new kinds added later.
      </p>
      {WEBHOOK_EVENTS.map((event) => (
        <label key={event} className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            name="events"
            value={event}
            defaultChecked={selected?.includes(event) ?? false}
            className="mt-0.5 size-4 accent-primary"
          />
          <span>{WEBHOOK_EVENT_LABEL[event]}</span>
        </label>
      ))}
      {error ? (
        <p id="webhook-events-error" role="alert" className="text-sm font-medium text-destructive">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
