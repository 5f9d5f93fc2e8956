/**
 * The generator's statements, in foreign-key order (bench/generate.ts runs them in one transaction).
 * Parameters: $1 tenant id, $2 slug, $3 now (ISO, cast to the UTC wall time like server/db's `ts`),
 * $4 hash salt (seed:slug), $5 projects, $6 accounts, $7 leads, $8 CSMs, $9 tech leads, $10 tenant
 * name, $11 staff password hash. R(x, key) expands to the seeded hash pg_temp.r.
 */
const NOW = `$3::timestamp`;
const R = (salt: string, key: string) => `pg_temp.r($4::text || '${salt}', (${key})::text)`;
const pad = (n: string) => `lpad((${n})::text, 6, '0')`;
const PREFS = `'{"email":true,"inApp":true,"digest":"daily"}'::jsonb`;
const ISO = (t: string) => `to_char(${t}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
/** A project's kickoff day: spread over the last 200 days, so about a third are still running. */
const START = (g: string) => `date_trunc('second', ${NOW} - ${R("ps", g)} * 200 * interval '1 day')`;
const ACTIVE = `('KICKOFF', 'ACTIVE', 'AT_RISK')`;
const CUSTOMER_OF = (account: string) => `$1::text || '-c' || right(${account}, 6)`;

export const GENERATOR_STATEMENTS: [table: string, sql: string][] = [
  [
    "Tenant",
    `INSERT INTO "Tenant" (id, slug, name, currency, timezone, "createdAt") VALUES ($1, $2, $10, 'USD', 'UTC', ${NOW} - interval '400 days')`,
  ],
  // the engines' default configuration, as the demo seed stores it (version 1 of every kind)
  [
    "TenantConfig",
    `INSERT INTO "TenantConfig" (id, "tenantId", kind, version, data, "createdAt")
     SELECT $1::text || '-cfg-' || c.kind, $1, c.kind, 1, c.data, ${NOW} FROM "TenantConfig" c JOIN "Tenant" t ON t.id = c."tenantId"
     WHERE t.slug = 'northwind-labs' AND c.version = 1`,
  ],
  [
    "User",
    `INSERT INTO "User" (id, "tenantId", email, name, role, "passwordHash", "channelPrefs", "emailVerified", "createdAt")
     SELECT $1::text || '-u-' || k, $1, k || '@' || $2::text || '.bench', initcap(k), role::"Role", $11, ${PREFS}, ${NOW} - interval '400 days', ${NOW} - interval '400 days'
     FROM (SELECT 'admin' AS k, 'ADMIN' AS role UNION ALL SELECT 'exec', 'EXECUTIVE'
           UNION ALL SELECT 'csm' || g, 'CSM' FROM generate_series(1, $8::int) g
           UNION ALL SELECT 'lead' || g, 'TECH_LEAD' FROM generate_series(1, $9::int) g) v`,
  ],
  [
    "CustomerAccount",
    `INSERT INTO "CustomerAccount" (id, "tenantId", name, industry, "csmId", "createdAt")
     SELECT $1::text || '-a' || ${pad("g")}, $1, 'Account ' || g, (ARRAY['SaaS', 'Fintech', 'Health', 'Retail'])[1 + g % 4],
            $1::text || '-u-csm' || (1 + (g - 1) % $8::int), ${NOW} - interval '400 days'
     FROM generate_series(1, $6::int) g`,
  ],
  [
    "User",
    `INSERT INTO "User" (id, "tenantId", email, name, role, "customerAccountId", "stakeholderRole", "isApprover", "channelPrefs", "createdAt")
     SELECT $1::text || '-c' || ${pad("g")}, $1, 'c' || ${pad("g")} || '@' || $2::text || '.bench', 'Customer ' || g, 'CUSTOMER',
            $1::text || '-a' || ${pad("g")}, 'PRODUCT_OWNER', true, ${PREFS}, ${NOW} - interval '400 days'
     FROM generate_series(1, $6::int) g`,
  ],
  // leads 1..projects converted into project n; the rest sit at other stages
  [
    "Lead",
    `INSERT INTO "Lead" (id, "tenantId", company, "contactName", "contactEmail", source, stage, "serviceType", "ownerId", "customerAccountId",
                              "estimatedValueCents", "latestScore", "createdAt", "updatedAt", "qualifiedAt", "convertedAt")
     SELECT id, $1, 'Company ' || g, 'Contact ' || g, 'contact' || g || '@lead.bench', 'CSM', stage::"LeadStage", 'MVP_DEVELOPMENT', owner, account,
            (2000000 + floor(${R("lv", "g")} * 8000000))::int, 40 + 60 * ${R("lsc", "g")}, created, created,
            CASE WHEN converted OR stage IN ('QUALIFIED', 'PROPOSAL') THEN created + interval '36 hours' END, CASE WHEN converted THEN start END
     FROM (SELECT g, $1::text || '-l' || ${pad("g")} AS id, g <= $5::int AS converted, ${START("g")} AS start,
                  $1::text || '-u-csm' || (1 + g % $8::int) AS owner,
                  CASE WHEN g <= $5::int THEN $1::text || '-a' || ${pad("1 + (g - 1) % $6::int")} END AS account,
                  CASE WHEN g <= $5::int THEN 'CONVERTED' ELSE (ARRAY['NEW', 'QUALIFYING', 'QUALIFIED', 'UNQUALIFIED', 'PROPOSAL', 'LOST'])[1 + floor(${R("ls", "g")} * 6)::int] END AS stage,
                  CASE WHEN g <= $5::int THEN ${START("g")} - (2 + ${R("lc", "g")} * 20) * interval '1 day'
                       ELSE date_trunc('second', ${NOW} - ${R("lc", "g")} * 200 * interval '1 day') END AS created
           FROM generate_series(1, $7::int) g) x`,
  ],
  [
    "Project",
    `INSERT INTO "Project" (id, "tenantId", "customerAccountId", "leadId", name, "serviceType", "tierKey", "contractValueCents", status, "techLeadId",
                                    kickoff, "startDate", "targetEndDate", "completedAt", "createdAt", "updatedAt")
     SELECT $1::text || '-p' || ${pad("g")}, $1, $1::text || '-a' || ${pad("1 + (g - 1) % $6::int")}, $1::text || '-l' || ${pad("g")}, 'Project ' || g,
            'MVP_DEVELOPMENT', 'growth', (2000000 + floor(${R("pv", "g")} * 8000000))::int, status::"ProjectStatus", $1::text || '-u-lead' || (1 + g % $9::int),
            CASE WHEN start < ${NOW} - interval '3 days'
                 THEN jsonb_build_array(jsonb_build_object('phase', 'launch', 'status', 'completed', 'finishedAt', ${ISO(`start + ${R("ko", "g")} * interval '72 hours'`)}))
                 ELSE '[]'::jsonb END,
            start, end_at, CASE WHEN status IN ('COMPLETED', 'FAILED') THEN end_at END, start, LEAST(end_at, ${NOW})
     FROM (SELECT g, start, end_at,
                  CASE WHEN end_at > ${NOW} THEN CASE WHEN start > ${NOW} - interval '7 days' THEN 'KICKOFF' WHEN ${R("st", "g")} < 0.15 THEN 'AT_RISK' ELSE 'ACTIVE' END
                       WHEN ${R("st", "g")} < 0.85 THEN 'COMPLETED' WHEN ${R("st", "g")} < 0.95 THEN 'FAILED' ELSE 'CANCELLED' END AS status
           FROM (SELECT g, ${START("g")} AS start, ${START("g")} + interval '70 days' AS end_at FROM generate_series(1, $5::int) g) y) x`,
  ],
  // onboarded when the launch step finished; a project without kickoff steps at its creation (as the
  // kickoff service would have written it, docs/architecture.md#workflow-state)
  [
    "Project",
    `UPDATE "Project" SET "onboardedAt" = CASE WHEN kickoff = '[]'::jsonb THEN "createdAt"
                                               ELSE (kickoff -> 0 ->> 'finishedAt')::timestamptz AT TIME ZONE 'UTC' END
     WHERE "tenantId" = $1`,
  ],
  [
    "Guarantee",
    `INSERT INTO "Guarantee" (id, "tenantId", "projectId", "amountCents", "successThreshold", "startsAt", "endsAt", status, outcome, remedy, "decidedAt", "createdAt")
     SELECT p.id || '-g', $1, p.id, p."contractValueCents" / 5, 80, p."startDate", p."targetEndDate", s.status::"GuaranteeStatus",
            CASE WHEN s.status <> 'ACTIVE' THEN jsonb_build_object('successScore', round((CASE WHEN s.status = 'SUCCEEDED' THEN 70 ELSE 30 END + 30 * ${R("gs", "p.id")})::numeric, 1)) END,
            CASE WHEN s.status = 'REMEDIED' THEN 'CONTINUED_DEVELOPMENT'::"Remedy" END,
            CASE WHEN s.status <> 'ACTIVE' THEN LEAST(p."targetEndDate" + interval '2 days', ${NOW}) END, p."startDate"
     FROM "Project" p, LATERAL (SELECT CASE p.status WHEN 'COMPLETED' THEN 'SUCCEEDED' WHEN 'FAILED' THEN CASE WHEN ${R("gf", "p.id")} < 0.5 THEN 'FAILED' ELSE 'REMEDIED' END
                                                     ELSE 'ACTIVE' END AS status) s
     WHERE p."tenantId" = $1`,
  ],
  [
    "Refund",
    `INSERT INTO "Refund" (id, "tenantId", "guaranteeId", "amountCents", status, reason, "createdAt", "updatedAt", "decidedAt", "paidAt")
     SELECT g.id || '-r', $1, g.id, g."amountCents", s.status::"RefundStatus", 'Guarantee failed', g."decidedAt", g."decidedAt",
            CASE WHEN s.status IN ('APPROVED', 'PAID') THEN g."decidedAt" + interval '2 days' END, CASE WHEN s.status = 'PAID' THEN g."decidedAt" + interval '5 days' END
     FROM "Guarantee" g, LATERAL (SELECT (ARRAY['CLAIMED', 'UNDER_REVIEW', 'APPROVED', 'PAID'])[1 + floor(${R("rf", "g.id")} * 4)::int] AS status) s
     WHERE g."tenantId" = $1 AND g.status = 'FAILED'`,
  ],
  [
    "Milestone",
    `INSERT INTO "Milestone" (id, "tenantId", "projectId", "weekNumber", title, "dueDate", "minimumSuccessThreshold", "escalationThreshold", status, score, "validatedAt", "createdAt")
     SELECT id, $1, project_id, w, 'Week ' || w || ' deliverables', due, 70, 50, status::"MilestoneStatus",
            CASE status WHEN 'SUCCESS' THEN 80 + 20 * rs WHEN 'AT_RISK' THEN 55 + 15 * rs WHEN 'FAILED' THEN 20 + 30 * rs END,
            CASE WHEN status IN ('SUCCESS', 'AT_RISK', 'FAILED') THEN LEAST(due + (${R("mv", "id")} * 96 - 60) * interval '1 hour', ${NOW}) END, start
     FROM (SELECT p.id || '-m' || lpad(w::text, 2, '0') AS id, p.id AS project_id, w, p."startDate" AS start, p."startDate" + w * interval '7 days' AS due,
                  ${R("ms", "p.id || w")} AS rs,
                  CASE WHEN p."startDate" + w * interval '7 days' < ${NOW} THEN
                         CASE WHEN ${R("ms", "p.id || w")} < 0.8 THEN 'SUCCESS' WHEN ${R("ms", "p.id || w")} < 0.93 THEN 'AT_RISK' ELSE 'FAILED' END
                       WHEN p."startDate" + (w - 1) * interval '7 days' < ${NOW} THEN 'IN_PROGRESS' ELSE 'PENDING' END AS status
           FROM "Project" p CROSS JOIN generate_series(1, 10) w WHERE p."tenantId" = $1) x`,
  ],
  [
    "MilestoneCriterion",
    `INSERT INTO "MilestoneCriterion" (id, "tenantId", "milestoneId", position, name, weight, "validationMethod", deliverable, "requiresSignOff", score, "updatedAt")
     SELECT m.id || '-c' || c, $1, m.id, c, (ARRAY['Scope delivered', 'Quality bar', 'Stakeholder demo'])[c + 1], 1.0 / 3, 'review', 'Deliverable ' || (c + 1), c = 0,
            m.score, COALESCE(m."validatedAt", m."createdAt")
     FROM "Milestone" m CROSS JOIN generate_series(0, 2) c WHERE m."tenantId" = $1`,
  ],
  [
    "SignOff",
    `INSERT INTO "SignOff" (id, "tenantId", "projectId", "milestoneId", "criterionId", "userId", seq, decision, "contentHash", "prevHash", hash, "createdAt")
     SELECT m.id || '-s', $1, m."projectId", m.id, m.id || '-c0', ${CUSTOMER_OF(`p."customerAccountId"`)}, m."weekNumber",
            CASE WHEN m.status = 'FAILED' THEN 'CHANGES_REQUESTED' ELSE 'APPROVED' END::"SignOffDecision",
            md5(m.id), CASE WHEN m."weekNumber" > 1 THEN md5(m.id || 'prev') END, md5(m.id || 'hash'), m."validatedAt"
     FROM "Milestone" m JOIN "Project" p ON p.id = m."projectId" WHERE m."tenantId" = $1 AND m."validatedAt" IS NOT NULL`,
  ],
  [
    "Survey",
    `INSERT INTO "Survey" (id, "tenantId", "projectId", "milestoneId", "recipientId", kind, trigger, key, "sentAt", "answeredAt", "createdAt")
     SELECT m.id || '-sv', $1, m."projectId", m.id, ${CUSTOMER_OF(`p."customerAccountId"`)}, 'CSAT', 'MILESTONE_SIGN_OFF', 'csat/' || m.id, m."validatedAt",
            CASE WHEN ${R("sa", "m.id")} < 0.8 AND m."validatedAt" + interval '1 day' < ${NOW} THEN m."validatedAt" + interval '1 day' END, m."validatedAt"
     FROM "Milestone" m JOIN "Project" p ON p.id = m."projectId" WHERE m."tenantId" = $1 AND m."validatedAt" IS NOT NULL AND m."weekNumber" % 3 = 0`,
  ],
  [
    "Survey",
    `INSERT INTO "Survey" (id, "tenantId", "projectId", "recipientId", kind, trigger, key, "sentAt", "answeredAt", "createdAt")
     SELECT p.id || '-nps', $1, p.id, ${CUSTOMER_OF(`p."customerAccountId"`)}, 'NPS', 'PROJECT_END', 'nps/' || p.id, p."completedAt",
            CASE WHEN ${R("na", "p.id")} < 0.7 AND p."completedAt" + interval '2 days' < ${NOW} THEN p."completedAt" + interval '2 days' END, p."completedAt"
     FROM "Project" p WHERE p."tenantId" = $1 AND p."completedAt" IS NOT NULL`,
  ],
  [
    "SurveyResponse",
    `INSERT INTO "SurveyResponse" (id, "tenantId", "surveyId", "userId", score, "createdAt")
     SELECT s.id || '-a', $1, s.id, s."recipientId", LEAST(10, 4 + floor(${R("sr", "s.id")} * 7))::int, s."answeredAt"
     FROM "Survey" s WHERE s."tenantId" = $1 AND s."answeredAt" IS NOT NULL`,
  ],
  [
    "HealthSnapshot",
    `INSERT INTO "HealthSnapshot" (id, "tenantId", "customerAccountId", day, score, "expansionScore", components, "createdAt")
     SELECT a.id || '-h' || lpad(d::text, 2, '0'), $1, a.id, (${NOW})::date - d, 40 + 60 * ${R("hs", "a.id || d")}, 20 + 80 * ${R("he", "a.id || d")}, '{}'::jsonb,
            ((${NOW})::date - d)::timestamp
     FROM "CustomerAccount" a CROSS JOIN generate_series(0, 89) d WHERE a."tenantId" = $1`,
  ],
  // the trigger that keeps each account's newest snapshot is skipped too (replica role): the same rule
  ["CustomerAccount", `SELECT onward_account_refresh_latest_health(id) FROM "CustomerAccount" WHERE "tenantId" = $1`],
  // …and the one that sums the tenant's snapshots per day (the dashboard's expansion trend reads those)
  ["TenantHealthDay", `SELECT onward_tenant_health_days_refresh($1)`],
  [
    "RetentionPlan",
    `INSERT INTO "RetentionPlan" (id, "tenantId", "customerAccountId", strategy, "healthScore", "expansionScore", triggers, "successMetrics", "expectedOutcome", "nextTouchpointAt", "createdAt")
     SELECT a.id || '-rp', $1, a.id, (ARRAY['HIGH_SATISFACTION_EXPANSION', 'MODERATE_SATISFACTION_IMPROVEMENT', 'AT_RISK_RECOVERY'])[1 + floor(${R("rs", "a.id")} * 3)::int]::"RetentionStrategy",
            60, 60, '[]'::jsonb, '[]'::jsonb, 'Renewal', ${NOW} + interval '7 days', ${NOW} - interval '10 days'
     FROM "CustomerAccount" a WHERE a."tenantId" = $1 AND ${R("rp", "a.id")} < 0.5`,
  ],
  [
    "QualityValidation",
    `INSERT INTO "QualityValidation" (id, "tenantId", "projectId", type, score, "gatesPassed", "gatesFailed", results, "createdAt")
     SELECT p.id || '-q' || d, $1, p.id, CASE WHEN d = 14 THEN 'CODE' ELSE 'DELIVERY' END::"QualityValidationType", 60 + 40 * ${R("qs", "p.id || d")},
            3 + floor(${R("qp", "p.id || d")} * 3)::int, floor(${R("qf", "p.id || d")} * 2)::int, '{}'::jsonb, p."startDate" + d * interval '1 day'
     FROM "Project" p CROSS JOIN (VALUES (14), (42)) v(d) WHERE p."tenantId" = $1 AND p."startDate" + d * interval '1 day' < ${NOW}`,
  ],
  // …and the dashboard's per-day rollups of answers, validations, milestones and bookings (docs/dashboard.md#rollups)
  ["TenantRollups", `SELECT onward_dashboard_rollups_refresh($1), onward_guarantee_rollups_refresh($1)`],
  [
    "Alert",
    `INSERT INTO "Alert" (id, "tenantId", "projectId", "customerAccountId", severity, kind, message, link, "createdAt")
     SELECT p.id || '-al', $1, p.id, p."customerAccountId", CASE WHEN p.status = 'AT_RISK' THEN 'HIGH' ELSE 'WARNING' END::"AlertSeverity",
            CASE WHEN p.status = 'AT_RISK' THEN 'PROJECT_OFF_TRACK' ELSE 'MILESTONE_AT_RISK' END::"AlertKind",
            p.name || ' needs attention', '/projects/' || p.id, ${NOW} - ${R("ac", "p.id")} * 10 * interval '1 day'
     FROM "Project" p WHERE p."tenantId" = $1 AND (p.status = 'AT_RISK' OR (p.status IN ${ACTIVE} AND ${R("aw", "p.id")} < 0.1))`,
  ],
  [
    "OutboxMessage",
    `INSERT INTO "OutboxMessage" (id, "tenantId", channel, recipient, subject, "bodyText", "idempotencyKey", status, attempts, "nextAttemptAt", "sentAt", "createdAt")
     SELECT p.id || '-o' || k, $1, 'EMAIL', 'c' || right(p."customerAccountId", 6) || '@' || $2::text || '.bench', 'Weekly update', 'Your project progressed.',
            'bench/' || p.id || '/' || k, 'SENT', 1, at, at, at
     FROM "Project" p CROSS JOIN generate_series(1, 5) k, LATERAL (SELECT LEAST(p."startDate" + k * interval '7 days', ${NOW}) AS at) t WHERE p."tenantId" = $1`,
  ],
];
