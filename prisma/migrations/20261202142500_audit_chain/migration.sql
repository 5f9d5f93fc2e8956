-- Audit chain (issue 10 item 6; docs/security.md) and the dashboard's indexes. Written by hand in Prisma's
-- format (the Prisma 6 side-install cannot be fetched offline); the DDL matches prisma/schema.prisma.

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "seq" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "prevHash" TEXT,
ADD COLUMN     "hash" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "AuditChainHead" (
    "chain" TEXT NOT NULL,
    "tenantId" TEXT,
    "seq" INTEGER NOT NULL,
    "hash" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AuditChainHead_pkey" PRIMARY KEY ("chain")
);

-- CreateIndex
CREATE UNIQUE INDEX "AuditChainHead_tenantId_key" ON "AuditChainHead"("tenantId");

-- AddForeignKey
ALTER TABLE "AuditChainHead" ADD CONSTRAINT "AuditChainHead_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AlterForeignKey: NO ACTION instead of SET NULL (an actor's deletion must not rewrite hashed rows)
ALTER TABLE "AuditEvent" DROP CONSTRAINT "AuditEvent_actorId_fkey";
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- One field of the hashed payload: "~" for NULL, else "<UTF-8 byte length>:<text>" — unambiguous without
-- escaping. Mirrored by domain/audit/chain.ts (auditEntryHash); change both or neither.
CREATE FUNCTION audit_field(v TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN v IS NULL THEN '~' ELSE octet_length(v)::text || ':' || v END
$$;

-- The entry hash: SHA-256 over every stored field. JSON is hashed as PostgreSQL's own jsonb::text, which the
-- verifier reads back verbatim (no re-serialisation, so key order, unicode and numbers cannot drift).
CREATE FUNCTION audit_entry_hash(e "AuditEvent") RETURNS TEXT LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to('audit-v1'
    || audit_field(e."id") || audit_field(e."tenantId") || audit_field(e."seq"::text) || audit_field(e."prevHash")
    || audit_field(e."actorId") || audit_field(e."action") || audit_field(e."entityType") || audit_field(e."entityId")
    || audit_field(e."before"::text) || audit_field(e."after"::text) || audit_field(e."ip") || audit_field(e."requestId")
    || audit_field(to_char(e."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')), 'UTF8')), 'hex')
$$;

-- Links an entry to its chain's head. The head row's lock (INSERT … ON CONFLICT, then SELECT … FOR UPDATE)
-- serialises appends per chain: a concurrent writer waits for the holder's commit and reads its new head.
CREATE FUNCTION audit_chain_link(e "AuditEvent") RETURNS "AuditEvent" LANGUAGE plpgsql AS $$
DECLARE
  k TEXT := coalesce(e."tenantId", '~platform');
  h RECORD;
BEGIN
  INSERT INTO "AuditChainHead" ("chain", "tenantId", "seq", "hash", "updatedAt")
    VALUES (k, e."tenantId", 0, NULL, now()) ON CONFLICT ("chain") DO NOTHING;
  SELECT "seq", "hash" INTO h FROM "AuditChainHead" WHERE "chain" = k FOR UPDATE;
  e."seq" := h."seq" + 1;
  e."prevHash" := h."hash";
  e."hash" := audit_entry_hash(e);
  UPDATE "AuditChainHead" SET "seq" = e."seq", "hash" = e."hash", "updatedAt" = now() WHERE "chain" = k;
  RETURN e;
END
$$;

-- Backfill: chain the rows that exist, per tenant in (createdAt, id) order, with the same functions.
DO $$
DECLARE
  r "AuditEvent";
  linked "AuditEvent";
BEGIN
  FOR r IN SELECT * FROM "AuditEvent" ORDER BY "tenantId" NULLS FIRST, "createdAt", "id" LOOP
    linked := audit_chain_link(r);
    UPDATE "AuditEvent" SET "seq" = linked."seq", "prevHash" = linked."prevHash", "hash" = linked."hash" WHERE "id" = r."id";
  END LOOP;
END
$$;

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_tenantId_seq_key" ON "AuditEvent"("tenantId", "seq");

-- The platform chain (tenantId NULL): NULLs are distinct in the index above.
CREATE UNIQUE INDEX "AuditEvent_platform_seq_key" ON "AuditEvent"("seq") WHERE "tenantId" IS NULL;

-- Every insert is linked by the database, whatever the writer supplied for seq, prevHash and hash.
CREATE FUNCTION audit_chain_append() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RETURN audit_chain_link(NEW);
END
$$;
CREATE TRIGGER audit_chain_append BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION audit_chain_append();

-- Audit rows are never changed; they are deleted only together with their tenant (the cascade runs after the
-- tenant row is gone, so the tenant no longer exists when this trigger asks).
CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND OLD."tenantId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Tenant" WHERE "id" = OLD."tenantId") THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit events are append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_refuse_change BEFORE UPDATE OR DELETE ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();

-- Sign-off entries are append-only too (their own hash chain, engines/signoff/chain.ts); deletion still
-- cascades from their project, week or criterion.
CREATE FUNCTION signoff_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'sign-off entries are append-only: UPDATE refused' USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER signoff_refuse_update BEFORE UPDATE ON "SignOff" FOR EACH ROW EXECUTE FUNCTION signoff_refuse_update();

-- CreateIndex (dashboard)
CREATE INDEX "Lead_tenantId_createdAt_idx" ON "Lead"("tenantId", "createdAt");

-- CreateIndex
CREATE INDEX "Project_tenantId_createdAt_idx" ON "Project"("tenantId", "createdAt");

-- CreateIndex
CREATE INDEX "Refund_guaranteeId_idx" ON "Refund"("guaranteeId");

-- CreateIndex
CREATE INDEX "Milestone_tenantId_validatedAt_idx" ON "Milestone"("tenantId", "validatedAt");
