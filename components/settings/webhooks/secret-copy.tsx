"use client";

import { Copy } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/** A signing secret shown once, with a copy button (docs/webhooks/README.md#secret-rotation). */
export function SecretCopy({ secret, testId }: { secret: string; testId: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="flex w-full items-center gap-2">
      <code className="min-w-0 flex-1 truncate rounded bg-muted px-2 py-1 font-mono text-xs" data-testid={testId}>
        {secret}
      </code>
      <Button
        type="button"
        size="sm"
        variant="outline"
        onClick={() => void navigator.clipboard?.writeText(secret).then(() => setCopied(true))}
      >
        <Copy aria-hidden /> {copied ? "Copied" : "Copy"}
      </Button>
    </div>
  );
}
