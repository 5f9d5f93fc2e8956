import {
  ZCreateWebhookSchema,
  ZRedeliverSchema,
  ZUpdateWebhookSchema,
  ZWebhookDeliveriesSchema,
  ZWebhookRefSchema,
} from "@/lib/schemas/webhooks";
import { serviceContext } from "@/server/services/context";
import {
  createWebhookEndpoint,
  redeliverWebhook,
  reenableWebhookEndpoint,
  removeWebhookEndpoint,
  rotateWebhookSecret,
  sendTestEvent,
  updateWebhookEndpoint,
  webhookDeliveries,
  webhookEndpoint,
  webhookEndpoints,
} from "@/server/services/webhooks";
import { createTRPCRouter, permissionProcedure } from "../trpc";

/** The tenant's signed webhook endpoints (docs/architecture.md#messaging): admin only. */
const manage = permissionProcedure("webhooks:manage");

export const webhooksRouter = createTRPCRouter({
  list: manage.query(({ ctx }) => webhookEndpoints(serviceContext(ctx))),
  get: manage
    .input(ZWebhookRefSchema)
    .query(({ ctx, input }) => webhookEndpoint(serviceContext(ctx), input.endpointId)),
  create: manage
    .input(ZCreateWebhookSchema)
    .mutation(({ ctx, input }) => createWebhookEndpoint(serviceContext(ctx), input)),
  update: manage
    .input(ZUpdateWebhookSchema)
    .mutation(({ ctx, input }) => updateWebhookEndpoint(serviceContext(ctx), input)),
  remove: manage
    .input(ZWebhookRefSchema)
    .mutation(({ ctx, input }) => removeWebhookEndpoint(serviceContext(ctx), input.endpointId)),
  sendTest: manage
    .input(ZWebhookRefSchema)
    .mutation(({ ctx, input }) => sendTestEvent(serviceContext(ctx), input.endpointId)),
  rotateSecret: manage
    .input(ZWebhookRefSchema)
    .mutation(({ ctx, input }) => rotateWebhookSecret(serviceContext(ctx), input.endpointId)),
  reenable: manage
    .input(ZWebhookRefSchema)
    .mutation(({ ctx, input }) => reenableWebhookEndpoint(serviceContext(ctx), input.endpointId)),
  deliveries: manage
    .input(ZWebhookDeliveriesSchema)
    .query(({ ctx, input }) => webhookDeliveries(serviceContext(ctx), input)),
  redeliver: manage
    .input(ZRedeliverSchema)
    .mutation(({ ctx, input }) => redeliverWebhook(serviceContext(ctx), input.deliveryId)),
});
