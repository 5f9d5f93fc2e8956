import type { Role, StakeholderRole } from "../../server/db/generated/enums";
import type { TenantSpec } from "./context";

/**
 * The two demo tenants. Northwind Labs carries the whole story (every lead stage, every project
 * outcome); Bluebird Digital is deliberately small and exists to prove tenant isolation.
 * Data only — this file has no runtime imports, so UI code may import DEMO_USERS from here.
 */
const nw = (local: string) => `${local}@northwind.test`;

export const NORTHWIND: TenantSpec = {
  slug: "northwind-labs", name: "Northwind Labs", currency: "USD", seed: 20_261_125, domain: "northwind.test",
  users: [
    { email: nw("admin"), name: "Ada Admin", role: "ADMIN" },
    { email: nw("exec"), name: "Evan Exec", role: "EXECUTIVE" },
    { email: nw("csm"), name: "Casey Morgan", role: "CSM" },
    { email: nw("csm2"), name: "Priya Shah", role: "CSM" },
    { email: nw("lead"), name: "Theo Lang", role: "TECH_LEAD" },
    { email: nw("lead2"), name: "Lena Park", role: "TECH_LEAD" },
    { email: "sponsor@acme.test", name: "Sofia Ramirez", role: "CUSTOMER", account: "acme", stakeholderRole: "EXECUTIVE_SPONSOR", isApprover: true },
    { email: "cto@acme.test", name: "Daniel Cho", role: "CUSTOMER", account: "acme", stakeholderRole: "TECHNICAL_LEAD", isApprover: true },
    { email: "po@acme.test", name: "Paula Owens", role: "CUSTOMER", account: "acme", stakeholderRole: "PRODUCT_OWNER", isApprover: true },
    { email: "po@globex.test", name: "Grace Lin", role: "CUSTOMER", account: "globex", stakeholderRole: "PRODUCT_OWNER", isApprover: true },
    { email: "member@globex.test", name: "Mark Ellis", role: "CUSTOMER", account: "globex", stakeholderRole: "MEMBER", isApprover: false },
    // one approver per remaining account, so every project has sign-offs and survey answers (docs/domain.md#milestones)
    { email: "po@pinecrest.test", name: "Nora Quinn", role: "CUSTOMER", account: "pinecrest", stakeholderRole: "PRODUCT_OWNER", isApprover: true },
    { email: "po@vela.test", name: "Ivan Petrov", role: "CUSTOMER", account: "vela", stakeholderRole: "PRODUCT_OWNER", isApprover: true },
    { email: "po@oakridge.test", name: "Rosa Delgado", role: "CUSTOMER", account: "oakridge", stakeholderRole: "PRODUCT_OWNER", isApprover: true },
    { email: "po@lumen.test", name: "Sam Whitaker", role: "CUSTOMER", account: "lumen", stakeholderRole: "PRODUCT_OWNER", isApprover: true },
  ],
  accounts: [
    { key: "acme", name: "Acme Health", industry: "Healthcare", website: "https://acmehealth.example", csm: nw("csm"), health: [80, 91], retention: "HIGH_SATISFACTION_EXPANSION", educationPlan: true },
    { key: "globex", name: "Globex Retail", industry: "Retail & e-commerce", website: "https://globexretail.example", csm: nw("csm2"), health: [72, 84] },
    { key: "pinecrest", name: "Pinecrest Insurance", industry: "Insurance", website: "https://pinecrest.example", csm: nw("csm"), health: [82, 63] },
    { key: "vela", name: "Vela Fintech", industry: "Financial services", website: "https://velafintech.example", csm: nw("csm2"), health: [66, 54], retention: "AT_RISK_RECOVERY" },
    { key: "oakridge", name: "Oakridge Manufacturing", industry: "Manufacturing", website: "https://oakridge.example", csm: nw("csm"), health: [78, 61] },
    { key: "lumen", name: "Lumen Learning", industry: "Education technology", website: "https://lumenlearning.example", csm: nw("csm2"), health: [74, 80], retention: "MODERATE_SATISFACTION_IMPROVEMENT", educationPlan: true },
  ],
  leads: [
    { key: "brightwave", company: "Brightwave Media", contact: "Hannah Cole", email: "hannah.cole@brightwave.example", source: "SELF_SERVICE", stage: "NEW", serviceType: "MVP_DEVELOPMENT", owner: nw("csm2"), valueUsd: 95_000, daysAgo: 1 },
    { key: "cobalt", company: "Cobalt Robotics", contact: "Victor Sand", email: "victor.sand@cobaltrobotics.example", source: "CSM", stage: "NEW", serviceType: "TEAM_AUGMENTATION", owner: nw("csm"), valueUsd: 180_000, daysAgo: 3 },
    { key: "fernhill", company: "Fernhill Dental Group", contact: "Olivia Brandt", email: "olivia.brandt@fernhill.example", source: "SELF_SERVICE", stage: "QUALIFYING", serviceType: "MVP_DEVELOPMENT", owner: nw("csm2"), valueUsd: 110_000, daysAgo: 6 },
    { key: "quarry", company: "Quarry Analytics", contact: "Jonas Meyer", email: "jonas.meyer@quarry.example", source: "CSM", stage: "QUALIFYING", serviceType: "TEAM_AUGMENTATION", owner: nw("csm"), valueUsd: 140_000, daysAgo: 9 },
    { key: "tidewater", company: "Tidewater Shipping", contact: "Amara Eze", email: "amara.eze@tidewater.example", source: "CSM", stage: "QUALIFIED", serviceType: "LEGACY_MODERNIZATION", owner: nw("csm"), valueUsd: 420_000, daysAgo: 14 },
    { key: "maple", company: "Maple Street Bank", contact: "Ethan Brooks", email: "ethan.brooks@maplestreet.example", source: "SELF_SERVICE", stage: "QUALIFIED", serviceType: "MVP_DEVELOPMENT", owner: nw("csm2"), valueUsd: 260_000, daysAgo: 18 },
    { key: "nimbus", company: "Nimbus Pet Supplies", contact: "Zoe Hart", email: "zoe.hart@nimbuspets.example", source: "SELF_SERVICE", stage: "UNQUALIFIED", serviceType: "MVP_DEVELOPMENT", owner: nw("csm2"), valueUsd: 60_000, daysAgo: 25, notes: "No budget owner yet; revisit next quarter." },
    { key: "redline", company: "Redline Motors", contact: "Carl Jensen", email: "carl.jensen@redline.example", source: "CSM", stage: "UNQUALIFIED", serviceType: "LEGACY_MODERNIZATION", owner: nw("csm"), valueUsd: 350_000, daysAgo: 40, notes: "Core system is business critical with no fallback." },
    { key: "summit", company: "Summit Outdoor Co", contact: "Mia Lopez", email: "mia.lopez@summitoutdoor.example", source: "CSM", stage: "FEASIBILITY", serviceType: "MVP_DEVELOPMENT", owner: nw("csm2"), valueUsd: 130_000, daysAgo: 21 },
    { key: "helix", company: "Helix Genomics", contact: "Ravi Menon", email: "ravi.menon@helixgenomics.example", source: "SELF_SERVICE", stage: "FEASIBILITY", serviceType: "MVP_DEVELOPMENT", owner: nw("csm"), valueUsd: 310_000, daysAgo: 27 },
    { key: "orbit", company: "Orbit Travel", contact: "Lucy Kim", email: "lucy.kim@orbittravel.example", source: "CSM", stage: "PROPOSAL", serviceType: "MVP_DEVELOPMENT", owner: nw("csm"), valueUsd: 145_000, daysAgo: 33 },
    { key: "keystone", company: "Keystone Legal", contact: "Owen Price", email: "owen.price@keystonelegal.example", source: "SELF_SERVICE", stage: "PROPOSAL", serviceType: "LEGACY_MODERNIZATION", owner: nw("csm2"), valueUsd: 480_000, daysAgo: 36 },
    { key: "evergreen", company: "Evergreen Utilities", contact: "Nadia Farouk", email: "nadia.farouk@evergreen.example", source: "CSM", stage: "LOST", serviceType: "LEGACY_MODERNIZATION", owner: nw("csm"), valueUsd: 520_000, daysAgo: 70, notes: "Chose an in-house rebuild." },
    { key: "acme-telehealth", company: "Acme Health", contact: "Sofia Ramirez", email: "sofia.ramirez@acmehealth.example", source: "CSM", stage: "CONVERTED", serviceType: "MVP_DEVELOPMENT", owner: nw("csm"), valueUsd: 240_000, daysAgo: 140, account: "acme" },
    { key: "globex-loyalty", company: "Globex Retail", contact: "Grace Lin", email: "grace.lin@globexretail.example", source: "SELF_SERVICE", stage: "CONVERTED", serviceType: "MVP_DEVELOPMENT", owner: nw("csm2"), valueUsd: 120_000, daysAgo: 34, account: "globex" },
    { key: "pinecrest-claims", company: "Pinecrest Insurance", contact: "Nora Quinn", email: "nora.quinn@pinecrest.example", source: "CSM", stage: "CONVERTED", serviceType: "LEGACY_MODERNIZATION", owner: nw("csm"), valueUsd: 560_000, daysAgo: 45, account: "pinecrest" },
  ],
  projects: [
    { key: "p-intake", name: "Patient Intake Portal", slug: "patient-intake", account: "acme", serviceType: "MVP_DEVELOPMENT", tierKey: "enterprise_mvp", contractUsd: 320_000, techLead: nw("lead"), scenario: "active", startDaysAgo: 16, stack: "nextjs_postgres" },
    { key: "p-loyalty", name: "Loyalty App MVP", slug: "loyalty-app", account: "globex", serviceType: "MVP_DEVELOPMENT", tierKey: "startup_mvp", contractUsd: 118_000, techLead: nw("lead2"), scenario: "active", startDaysAgo: 10, lead: "globex-loyalty", stack: "react_native_node" },
    { key: "p-claims", name: "Claims System Modernization", slug: "claims-modernization", account: "pinecrest", serviceType: "LEGACY_MODERNIZATION", tierKey: "legacy_modernization_accelerated", contractUsd: 540_000, techLead: nw("lead"), scenario: "at_risk", startDaysAgo: 17, lead: "pinecrest-claims", stack: "java_to_kotlin" },
    { key: "p-payments", name: "Payments Dashboard MVP", slug: "payments-dashboard", account: "vela", serviceType: "MVP_DEVELOPMENT", tierKey: "startup_mvp", contractUsd: 135_000, techLead: nw("lead2"), scenario: "failed_refunded", startDaysAgo: 100, stack: "vue_go" },
    { key: "p-shopfloor", name: "Shop-floor Analytics Platform", slug: "shopfloor-analytics", account: "oakridge", serviceType: "TEAM_AUGMENTATION", tierKey: "enterprise_mvp", contractUsd: 260_000, techLead: nw("lead"), scenario: "refund_review", startDaysAgo: 40, stack: "python_timescale" },
    { key: "p-telehealth", name: "Telehealth Scheduling MVP", slug: "telehealth-scheduling", account: "acme", serviceType: "MVP_DEVELOPMENT", tierKey: "enterprise_mvp", contractUsd: 235_000, techLead: nw("lead2"), scenario: "completed", startDaysAgo: 118, lead: "acme-telehealth", stack: "nextjs_postgres" },
    { key: "p-courses", name: "Course Catalogue Modernization", slug: "course-catalogue", account: "lumen", serviceType: "LEGACY_MODERNIZATION", tierKey: "legacy_modernization_accelerated", contractUsd: 410_000, techLead: nw("lead"), scenario: "completed", startDaysAgo: 76, stack: "php_to_node" },
    { key: "p-mobile", name: "Learner Mobile Companion", slug: "learner-mobile", account: "lumen", serviceType: "MVP_DEVELOPMENT", tierKey: "startup_mvp", contractUsd: 96_000, techLead: nw("lead2"), scenario: "kickoff", startDaysAgo: -2, stack: "flutter_firebase" },
  ],
};

const bb = (local: string) => `${local}@bluebird.test`;

export const BLUEBIRD: TenantSpec = {
  slug: "bluebird-digital", name: "Bluebird Digital", currency: "USD", seed: 7_041_977, domain: "bluebird.test",
  users: [
    { email: bb("admin"), name: "Bianca Reyes", role: "ADMIN" },
    { email: bb("exec"), name: "Ben Ortiz", role: "EXECUTIVE" },
    { email: bb("csm"), name: "Carmen Diaz", role: "CSM" },
    { email: bb("lead"), name: "Tariq Hassan", role: "TECH_LEAD" },
    { email: "po@initech.test", name: "Peter Gibbons", role: "CUSTOMER", account: "initech", stakeholderRole: "PRODUCT_OWNER", isApprover: true },
  ],
  accounts: [
    { key: "initech", name: "Initech", industry: "Software", website: "https://initech.example", csm: bb("csm"), health: [70, 82] },
  ],
  leads: [
    { key: "chotchkies", company: "Chotchkie's Restaurants", contact: "Joanna Dale", email: "joanna.dale@chotchkies.example", source: "SELF_SERVICE", stage: "NEW", serviceType: "MVP_DEVELOPMENT", owner: bb("csm"), valueUsd: 85_000, daysAgo: 2 },
    { key: "intertrode", company: "Intertrode Systems", contact: "Tom Smykowski", email: "tom.smykowski@intertrode.example", source: "CSM", stage: "QUALIFIED", serviceType: "TEAM_AUGMENTATION", owner: bb("csm"), valueUsd: 150_000, daysAgo: 12 },
  ],
  projects: [
    { key: "b-expenses", name: "Expense Reporting MVP", slug: "expense-reporting", account: "initech", serviceType: "MVP_DEVELOPMENT", tierKey: "startup_mvp", contractUsd: 90_000, techLead: bb("lead"), scenario: "active", startDaysAgo: 12, stack: "nextjs_postgres" },
  ],
};

/** Shared by every staff demo user (customers have no password: they sign in by magic link). */
export const DEMO_PASSWORD = "onward-demo-2026";

export const DEMO_TENANTS: TenantSpec[] = [NORTHWIND, BLUEBIRD];

export type DemoUser = {
  email: string; name: string; role: Role; tenantSlug: string; stakeholderRole?: StakeholderRole; accountName?: string;
};

/** Every demo login (staff sign in with DEMO_PASSWORD, customers by magic link). */
export const DEMO_USERS: DemoUser[] = DEMO_TENANTS.flatMap((tenant) =>
  tenant.users.map((u) => ({
    email: u.email, name: u.name, role: u.role, tenantSlug: tenant.slug,
    ...(u.stakeholderRole ? { stakeholderRole: u.stakeholderRole } : {}),
    ...(u.account ? { accountName: tenant.accounts.find((a) => a.key === u.account)?.name ?? u.account } : {}),
  })),
);
