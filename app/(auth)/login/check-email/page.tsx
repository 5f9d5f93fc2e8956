import type { Metadata } from "next";
import Link from "next/link";
import { MailCheck } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { isDevMailEnabled } from "@/lib/demo";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Check your email" };

export default function CheckEmailPage() {
  return (
    <Card>
      <CardHeader>
        <MailCheck aria-hidden className="size-8 text-primary" />
        <CardTitle as="h1">Check your email</CardTitle>
        <CardDescription>
          If that address belongs to a customer of ours, a sign-in link is on its way. It works once and expires in 24
          hours.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-2 text-sm">
        {isDevMailEnabled() ? (
          <p>
            No email provider is configured, so open the{" "}
            <Link className="font-medium text-primary underline" href="/dev/mail">
              dev mail viewer
            </Link>{" "}
            to read the link.
          </p>
        ) : null}
        <Link className="text-primary underline" href="/login?mode=customer">
          Use a different email
        </Link>
      </CardContent>
    </Card>
  );
}
