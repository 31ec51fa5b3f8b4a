-- The child in need tracker finds each open plan's latest review. Without an index by plan, every plan scanned
-- every review of the council: 17.9 s for the whole service on the large demo council (4,436 open plans,
-- 101,920 reviews).
create index cin_plan_reviews_plan on cin_plan_reviews (council_id, cin_plan_id, held_on);
