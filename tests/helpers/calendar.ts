import type { TenantFixture } from "./fixtures";
import { educationPlanFor, testDb } from "./fixtures";

/** A video session of account A's education plan, for its customer (made once per fixture). */
const sessions = new Map<string, Promise<string>>();
export function videoSessionFor(f: TenantFixture): Promise<string> {
  let id = sessions.get(f.tag);
  if (!id) {
    id = (async () => {
      const { planId } = await educationPlanFor(f);
      const item = await testDb().educationItem.create({
        data: {
          tenantId: f.tenant.id,
          key: `video-${f.tag}`,
          title: "Portal walkthrough",
          kind: "walkthrough",
          audience: "business",
          serviceTypes: ["MVP_DEVELOPMENT"],
          body: "A live tour of the portal.",
          durationMinutes: 30,
          deliveryMethod: "video_call",
        },
      });
      const d = await testDb().educationDelivery.create({
        data: { tenantId: f.tenant.id, planId, itemId: item.id, userId: f.users.CUSTOMER.id, scheduledAt: new Date() },
      });
      return d.id;
    })();
    sessions.set(f.tag, id);
  }
  return id;
}
