import { beforeAll, describe, expect, it } from "vitest";
import { runPhases, type Phase } from "@/server/jobs/batches";
import { JobContext, type JobCounts, type JobError } from "@/server/jobs/runner";
import { createTenantFixture, testDb, type TenantFixture } from "../helpers/fixtures";

/**
 * The batch runner's fallback (bench/README.md, P5): a phase with `handleBatch` handles a page at once; when
 * that throws, the same page is handled again item by item, so the one bad item is recorded alone
 * (with its id) and every other item of the page still gets done. Runs on the file's tenant only.
 */
let f: TenantFixture;
beforeAll(async () => {
  f = await createTenantFixture("batches");
});

const items = Array.from({ length: 7 }, (_, i) => ({ id: `item-${String(i).padStart(2, "0")}` }));

function contextFor(tenantId: string, cursor: string | null = null) {
  const counts: JobCounts = {};
  const errors: JobError[] = [];
  const cursors: (string | null)[] = [];
  const ctx = new JobContext(testDb(), new Date(), tenantId, Date.now() + 60_000, cursor, counts, errors, () => {
    cursors.push(ctx.cursor);
    return true;
  });
  return { ctx, counts, errors, cursors };
}

/** a phase over `items` in pages of 3; `bad` fails alone and fails any page it is in */
function phaseWith(bad: string | null, done: string[], pages: string[][]): Phase<{ id: string }> {
  return {
    name: "things",
    batchSize: 3,
    load: (_tenant, afterId, take) => items.filter((i) => afterId === null || i.id > afterId).slice(0, take),
    handleBatch: (_tenant, page) => {
      if (page.some((i) => i.id === bad)) throw new Error("page failed");
      pages.push(page.map((i) => i.id));
      done.push(...page.map((i) => i.id));
    },
    handle: (_tenant, item) => {
      if (item.id === bad) throw new Error(`cannot handle ${item.id}`);
      done.push(item.id);
    },
  };
}

describe("runPhases", () => {
  it("handles every page at once when no page fails, saving the cursor after each page", async () => {
    const { ctx, errors, cursors } = contextFor(f.tenant.id);
    const done: string[] = [];
    const pages: string[][] = [];
    expect(await runPhases(ctx, [phaseWith(null, done, pages)])).toBe("done");
    expect(pages).toEqual([["item-00", "item-01", "item-02"], ["item-03", "item-04", "item-05"], ["item-06"]]);
    expect(done).toEqual(items.map((i) => i.id));
    expect(errors).toEqual([]);
    expect(cursors).toEqual([
      `things|${f.tenant.id}|item-02`,
      `things|${f.tenant.id}|item-05`,
      `things|${f.tenant.id}|item-06`,
    ]);
  });

  it("handles a failed page item by item: the bad item is recorded alone, the rest of its page and the later pages are done", async () => {
    const { ctx, counts, errors } = contextFor(f.tenant.id);
    const done: string[] = [];
    const pages: string[][] = [];
    expect(await runPhases(ctx, [phaseWith("item-04", done, pages)])).toBe("done");
    // pages 1 and 3 went as pages; page 2 (items 3–5) item by item
    expect(pages).toEqual([["item-00", "item-01", "item-02"], ["item-06"]]);
    expect(done.sort()).toEqual(items.map((i) => i.id).filter((id) => id !== "item-04"));
    expect(errors).toEqual([{ tenantId: f.tenant.id, ref: "things:item-04", message: "cannot handle item-04" }]);
    expect(counts[f.tenant.id]).toEqual({ errors: 1 });
  });

  it("resumes after the saved cursor", async () => {
    const { ctx } = contextFor(f.tenant.id, `things|${f.tenant.id}|item-04`);
    const done: string[] = [];
    expect(await runPhases(ctx, [phaseWith(null, done, [])])).toBe("done");
    expect(done).toEqual(["item-05", "item-06"]);
  });
});
