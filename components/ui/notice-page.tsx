import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

/** A page of one card, centred, for people who arrive from an email link without signing in. */
export function NoticePage({
  title,
  description,
  children,
}: {
  title: string;
  description?: string;
  children?: React.ReactNode;
}) {
  return (
    <main id="main" className="grid min-h-dvh place-items-center bg-muted/40 p-4">
      <Card className="w-full max-w-xl">
        <CardHeader>
          <CardTitle as="h1" className="text-xl">
            {title}
          </CardTitle>
          {description ? <CardDescription>{description}</CardDescription> : null}
        </CardHeader>
        {children ? <CardContent>{children}</CardContent> : null}
      </Card>
    </main>
  );
}
