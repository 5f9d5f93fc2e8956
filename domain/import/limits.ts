/** How large an import file may be (docs/import.md#limits); shared by the server and the upload form. */
export const IMPORT_LIMITS = { maxBytes: 5 * 1024 * 1024, maxRows: 10_000 } as const;
