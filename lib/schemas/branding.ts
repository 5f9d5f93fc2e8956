import { z } from "zod";
import { LOGO_TYPES, MAX_LOGO_BYTES } from "@/domain/branding/logo";

/**
 * Portal branding and email sender (docs/branding.md). An empty field means "not set" (Onward's default).
 * The accent colour's contrast and the logo's content are checked by the service with the engines in
 * domain/branding, which give the measured reason.
 */
const blankToNull = (v: string) => (v === "" ? null : v);

const optionalName = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} is at most ${max} characters`)
    .refine((v) => !/[<>"\\\r\n]/.test(v), `${label} may not contain < > " \\ or line breaks`)
    .transform(blankToNull);

const optionalEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "That email address is too long")
  .refine((v) => v === "" || z.email().safeParse(v).success, "Enter a valid email address")
  .transform(blankToNull);

export const ZBrandingSettingsSchema = z.object({
  displayName: optionalName(80, "The display name"),
  /** "#rrggbb" (or "#rgb"); the contrast check happens in the service, with the measured ratio */
  accentColor: z
    .string()
    .trim()
    .refine(
      (v) => v === "" || /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(v),
      "Enter the colour as a hex code, e.g. #1d4ed8",
    )
    .transform(blankToNull),
  supportEmail: optionalEmail,
  fromName: optionalName(80, "The sender name"),
  fromEmail: optionalEmail,
  replyTo: optionalEmail,
});
export type BrandingSettingsInput = z.input<typeof ZBrandingSettingsSchema>;
export type BrandingSettings = z.output<typeof ZBrandingSettingsSchema>;

/** base64 of at most MAX_LOGO_BYTES (4 characters per 3 bytes, padded) */
const MAX_BASE64 = Math.ceil(MAX_LOGO_BYTES / 3) * 4;

export const ZLogoUploadSchema = z.object({
  contentType: z.enum(LOGO_TYPES, { error: "Upload a PNG or SVG file" }),
  dataBase64: z
    .string()
    .min(1, "Choose a file")
    .max(MAX_BASE64, `Logos may be at most ${MAX_LOGO_BYTES / 1024} KB`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, "The file could not be read; choose it again"),
});
export type LogoUploadInput = z.infer<typeof ZLogoUploadSchema>;
