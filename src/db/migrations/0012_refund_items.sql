CREATE TABLE "order_refund_items" (
	"customer_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"refund_id" uuid NOT NULL,
	"order_item_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"amount" bigint NOT NULL,
	CONSTRAINT "order_refund_items_pk" PRIMARY KEY("customer_id","order_id","refund_id","order_item_id"),
	CONSTRAINT "order_refund_items_quantity_positive" CHECK ("order_refund_items"."quantity" > 0),
	CONSTRAINT "order_refund_items_amount_positive" CHECK ("order_refund_items"."amount" > 0)
);
--> statement-breakpoint
ALTER TABLE "order_refund_items" ADD CONSTRAINT "order_refund_items_refund_fk" FOREIGN KEY ("customer_id","order_id","refund_id") REFERENCES "public"."order_refunds"("customer_id","order_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_refund_items" ADD CONSTRAINT "order_refund_items_item_fk" FOREIGN KEY ("customer_id","order_id","order_item_id") REFERENCES "public"."order_items"("customer_id","order_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "order_refund_items_item_idx" ON "order_refund_items" USING btree ("customer_id","order_id","order_item_id");