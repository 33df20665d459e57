CREATE TABLE "customer_duplicate_pairs" (
	"customer_a_id" uuid NOT NULL,
	"customer_b_id" uuid NOT NULL,
	"reason" text NOT NULL,
	CONSTRAINT "customer_duplicate_pairs_customer_a_id_customer_b_id_reason_pk" PRIMARY KEY("customer_a_id","customer_b_id","reason"),
	CONSTRAINT "customer_duplicate_pairs_ordered" CHECK ("customer_duplicate_pairs"."customer_a_id" < "customer_duplicate_pairs"."customer_b_id"),
	CONSTRAINT "customer_duplicate_pairs_reason" CHECK ("customer_duplicate_pairs"."reason" in ('email', 'phone', 'name_postcode', 'name_street'))
);
--> statement-breakpoint
CREATE TABLE "customer_duplicate_refreshes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"customer_ids" uuid[] NOT NULL,
	"old_keys" text[] NOT NULL
);
--> statement-breakpoint
CREATE INDEX "customer_duplicate_pairs_b_idx" ON "customer_duplicate_pairs" USING btree ("customer_b_id");--> statement-breakpoint
-- The Duplicates list kept by the database (src/db/schema/duplicate-pairs.ts). Every pair and reason, from scratch:
-- the backfill below, and the reference the tests compare the kept table with. The similarity threshold (0.6 of
-- pg_trgm's similarity of the lower-cased full names) is also in customer_duplicate_pairs_apply(); a change of it is a
-- new migration that replaces both and refills the table.
CREATE FUNCTION customer_duplicate_pairs_computed() RETURNS TABLE (customer_a_id uuid, customer_b_id uuid, reason text)
LANGUAGE sql STABLE AS $$
  select a.id, b.id, 'email' from customers a
  join customers b on b.email_canonical = a.email_canonical and b.id > a.id and b.erased_at is null
  where a.email_canonical is not null and a.erased_at is null
  union all
  select a.id, b.id, 'phone' from customers a
  join customers b on b.phone = a.phone and b.id > a.id and b.erased_at is null
  where a.phone is not null and a.erased_at is null
  union all
  select distinct x.customer_id, y.customer_id, 'name_postcode' from customer_addresses x
  join customer_addresses y on y.country_code = x.country_code and y.postal_key = x.postal_key and y.customer_id > x.customer_id
  join customers a on a.id = x.customer_id and a.erased_at is null
  join customers b on b.id = y.customer_id and b.erased_at is null
  where x.postal_key is not null and similarity(a.sort_name, b.sort_name) >= 0.6
  union all
  select distinct x.customer_id, y.customer_id, 'name_street' from customer_addresses x
  join customer_addresses y on y.country_code = x.country_code and y.line1_key = x.line1_key and y.customer_id > x.customer_id
  join customers a on a.id = x.customer_id and a.erased_at is null
  join customers b on b.id = y.customer_id and b.erased_at is null
  where x.line1_key is not null and similarity(a.sort_name, b.sort_name) >= 0.6
$$;
--> statement-breakpoint
-- The names of what a customer's pairs depend on: the customer itself, its mailbox, its phone, and the postcode and
-- street line of each of its addresses. Two transactions whose customers share one of them take turns at commit.
CREATE FUNCTION customer_duplicate_keys(ids uuid[]) RETURNS SETOF text LANGUAGE sql STABLE AS $$
  select 'c:' || id from unnest(ids) id
  union select 'e:' || email_canonical from customers where id = any(ids) and email_canonical is not null
  union select 'p:' || phone from customers where id = any(ids) and phone is not null
  union select 'z:' || country_code || ':' || postal_key from customer_addresses where customer_id = any(ids) and postal_key is not null
  union select 'l:' || country_code || ':' || line1_key from customer_addresses where customer_id = any(ids) and line1_key is not null
$$;
--> statement-breakpoint
-- Transaction-level advisory locks of the keys, in one order (hash order) so that two refreshes never wait on each
-- other in a cycle. Keys live in the two-integer lock space under class 6240101 (the app's other advisory locks use
-- single bigint keys); a hash collision only makes two unrelated refreshes take turns.
CREATE FUNCTION customer_duplicate_lock(keys text[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  key_hash integer;
BEGIN
  FOR key_hash IN SELECT DISTINCT hashtext(k) FROM unnest(keys) k ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock(6240101, key_hash);
  END LOOP;
END $$;
--> statement-breakpoint
-- At commit (deferred trigger on customer_duplicate_refreshes): recomputes the pairs of every customer this
-- transaction queued, by index lookups from each of them (same mailbox, same phone, similar name among those sharing
-- a postcode or a street line), after locking what those pairs depend on. Why the locks: two transactions that commit
-- at once (a customer added with a mailbox another is being given) would each miss the other's uncommitted row; with
-- them the later one waits, then sees the earlier one's rows (READ COMMITTED: each statement here takes a new
-- snapshot) and its recompute is the last word. Locks are all taken here, at commit, never while a transaction still
-- has statements to run, so they cannot close a cycle with row locks. Over 64 keys (imports) one exclusive lock
-- replaces them, bounding the lock table; every smaller refresh holds that lock shared.
CREATE FUNCTION customer_duplicate_pairs_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  done_upto bigint;
  changed_ids uuid[];
  previous_keys text[];
  locked text[];
  unlocked text[];
BEGIN
  -- The first firing at commit does the work of every queued row; the others find theirs done.
  done_upto := coalesce(nullif(current_setting('customers.duplicates_refreshed_upto', true), ''), '0')::bigint;
  IF NEW.id <= done_upto THEN
    RETURN NULL;
  END IF;
  WITH done AS (DELETE FROM customer_duplicate_refreshes RETURNING id, customer_ids, old_keys)
  SELECT (SELECT max(id) FROM done),
    (SELECT array_agg(DISTINCT i) FROM done, unnest(done.customer_ids) i),
    (SELECT array_agg(DISTINCT k) FROM done, unnest(done.old_keys) k)
  INTO done_upto, changed_ids, previous_keys;
  IF done_upto IS NULL THEN
    RETURN NULL;
  END IF;
  PERFORM set_config('customers.duplicates_refreshed_upto', done_upto::text, true);

  locked := array(SELECT DISTINCT k FROM (SELECT customer_duplicate_keys(changed_ids) k UNION ALL SELECT unnest(coalesce(previous_keys, '{}'))) all_keys);
  IF cardinality(locked) > 64 THEN
    PERFORM pg_advisory_xact_lock(6240100, 0);
  ELSE
    PERFORM pg_advisory_xact_lock_shared(6240100, 0);
    PERFORM customer_duplicate_lock(locked);
    -- Another transaction that changed these customers committed while this one waited: lock their keys of now too.
    LOOP
      unlocked := array(SELECT k FROM customer_duplicate_keys(changed_ids) k WHERE NOT k = ANY (locked));
      EXIT WHEN cardinality(unlocked) = 0;
      PERFORM customer_duplicate_lock(unlocked);
      locked := locked || unlocked;
    END LOOP;
  END IF;

  DELETE FROM customer_duplicate_pairs WHERE customer_a_id = ANY (changed_ids) OR customer_b_id = ANY (changed_ids);
  INSERT INTO customer_duplicate_pairs (customer_a_id, customer_b_id, reason)
  SELECT DISTINCT least(s.id, m.partner_id), greatest(s.id, m.partner_id), m.reason
  FROM customers s
  CROSS JOIN LATERAL (
    SELECT p.id AS partner_id, 'email' AS reason FROM customers p
    WHERE s.email_canonical IS NOT NULL AND p.email_canonical = s.email_canonical AND p.erased_at IS NULL AND p.id <> s.id
    UNION ALL
    SELECT p.id, 'phone' FROM customers p
    WHERE s.phone IS NOT NULL AND p.phone = s.phone AND p.erased_at IS NULL AND p.id <> s.id
    UNION ALL
    SELECT p.id, 'name_postcode' FROM customer_addresses x
    JOIN customer_addresses y ON y.country_code = x.country_code AND y.postal_key = x.postal_key AND y.customer_id <> s.id
    JOIN customers p ON p.id = y.customer_id AND p.erased_at IS NULL
    WHERE x.customer_id = s.id AND x.postal_key IS NOT NULL AND similarity(s.sort_name, p.sort_name) >= 0.6
    UNION ALL
    SELECT p.id, 'name_street' FROM customer_addresses x
    JOIN customer_addresses y ON y.country_code = x.country_code AND y.line1_key = x.line1_key AND y.customer_id <> s.id
    JOIN customers p ON p.id = y.customer_id AND p.erased_at IS NULL
    WHERE x.customer_id = s.id AND x.line1_key IS NOT NULL AND similarity(s.sort_name, p.sort_name) >= 0.6
  ) m
  WHERE s.id = ANY (changed_ids) AND s.erased_at IS NULL
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Statement-level: queues the customers whose mailbox, phone, name or erasure changed (or that came or went), with
-- the mailbox and phone they had. An update of anything else (stats, notes, tags) queues nothing.
CREATE FUNCTION customer_duplicates_customers_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed_ids uuid[];
  previous_keys text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(n.id), '{}' INTO changed_ids, previous_keys FROM new_rows n WHERE n.erased_at IS NULL;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(n.id), array_remove(array_agg('e:' || o.email_canonical) || array_agg('p:' || o.phone), NULL) INTO changed_ids, previous_keys
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE o.email_canonical IS DISTINCT FROM n.email_canonical OR o.phone IS DISTINCT FROM n.phone
      OR o.sort_name IS DISTINCT FROM n.sort_name OR (o.erased_at IS NULL) <> (n.erased_at IS NULL);
  ELSE
    SELECT array_agg(o.id), array_remove(array_agg('e:' || o.email_canonical) || array_agg('p:' || o.phone), NULL) INTO changed_ids, previous_keys
    FROM old_rows o;
  END IF;
  IF changed_ids IS NOT NULL THEN
    INSERT INTO customer_duplicate_refreshes (customer_ids, old_keys) VALUES (changed_ids, previous_keys);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Statement-level: queues the customers whose addresses came, went, moved to another customer or changed postcode,
-- street line or country, with those addresses' keys as they were.
CREATE FUNCTION customer_duplicates_addresses_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed_ids uuid[];
  previous_keys text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT n.customer_id), '{}' INTO changed_ids, previous_keys FROM new_rows n;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(DISTINCT c.id), array_remove(array_agg(DISTINCT c.old_key), NULL) INTO changed_ids, previous_keys
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    CROSS JOIN LATERAL (VALUES (o.customer_id, 'z:' || o.country_code || ':' || o.postal_key),
                               (o.customer_id, 'l:' || o.country_code || ':' || o.line1_key),
                               (n.customer_id, NULL)) c(id, old_key)
    WHERE o.customer_id <> n.customer_id OR o.country_code <> n.country_code
      OR o.postal_key IS DISTINCT FROM n.postal_key OR o.line1_key IS DISTINCT FROM n.line1_key;
  ELSE
    SELECT array_agg(DISTINCT c.id), array_remove(array_agg(DISTINCT c.old_key), NULL) INTO changed_ids, previous_keys
    FROM old_rows o
    CROSS JOIN LATERAL (VALUES (o.customer_id, 'z:' || o.country_code || ':' || o.postal_key),
                               (o.customer_id, 'l:' || o.country_code || ':' || o.line1_key)) c(id, old_key);
  END IF;
  IF changed_ids IS NOT NULL THEN
    INSERT INTO customer_duplicate_refreshes (customer_ids, old_keys) VALUES (changed_ids, previous_keys);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- TRUNCATE fires no row triggers: a truncated customers table (with CASCADE, which also empties the addresses) has no
-- pairs; truncated addresses leave only the mailbox and phone pairs.
CREATE FUNCTION customer_duplicates_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'customers' THEN
    DELETE FROM customer_duplicate_pairs;
  ELSE
    DELETE FROM customer_duplicate_pairs WHERE reason IN ('name_postcode', 'name_street');
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "customer_duplicates_customers_inserted" AFTER INSERT ON "customers" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION customer_duplicates_customers_changed();
--> statement-breakpoint
CREATE TRIGGER "customer_duplicates_customers_updated" AFTER UPDATE ON "customers" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION customer_duplicates_customers_changed();
--> statement-breakpoint
CREATE TRIGGER "customer_duplicates_customers_deleted" AFTER DELETE ON "customers" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION customer_duplicates_customers_changed();
--> statement-breakpoint
CREATE TRIGGER "customer_duplicates_customers_truncated" AFTER TRUNCATE ON "customers" FOR EACH STATEMENT EXECUTE FUNCTION customer_duplicates_truncated();
--> statement-breakpoint
CREATE TRIGGER "customer_duplicates_addresses_inserted" AFTER INSERT ON "customer_addresses" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION customer_duplicates_addresses_changed();
--> statement-breakpoint
CREATE TRIGGER "customer_duplicates_addresses_updated" AFTER UPDATE ON "customer_addresses" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION customer_duplicates_addresses_changed();
--> statement-breakpoint
CREATE TRIGGER "customer_duplicates_addresses_deleted" AFTER DELETE ON "customer_addresses" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION customer_duplicates_addresses_changed();
--> statement-breakpoint
CREATE TRIGGER "customer_duplicates_addresses_truncated" AFTER TRUNCATE ON "customer_addresses" FOR EACH STATEMENT EXECUTE FUNCTION customer_duplicates_truncated();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "customer_duplicate_refreshes_apply" AFTER INSERT ON "customer_duplicate_refreshes" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION customer_duplicate_pairs_apply();
--> statement-breakpoint
INSERT INTO "customer_duplicate_pairs" ("customer_a_id", "customer_b_id", "reason") SELECT * FROM customer_duplicate_pairs_computed();
