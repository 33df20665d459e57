-- The three groups the Marketing module targets out of the box.
INSERT INTO "customer_groups" ("name", "description") VALUES
  ('Retail', 'Individual shoppers buying for themselves.'),
  ('Wholesaler', 'Businesses buying in bulk to resell.'),
  ('VIP', 'Top customers by spend and loyalty.')
ON CONFLICT DO NOTHING;
