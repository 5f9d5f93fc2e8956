"use client";

import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** The dashboard could not be computed (database down, …): say so and offer a retry. */
export default function DashboardError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <Alert variant="destructive" className="max-w-2xl">
      <AlertTitle>Could not load the dashboard</AlertTitle>
      <AlertDescription>
        <p>
          {error.digest
            ? `The error has been logged (reference ${error.digest}).`
            : error.message || "Something went wrong."}{" "}
          Try again in a moment.
        </p>
        <Button variant="outline" size="sm" onClick={reset}>
          Try again
        </Button>
      </AlertDescription>
    </Alert>
  );
}
