-- The category of a pharmacist's rejection (RejectionCategory: the review points of a prescription review), what the
-- pilot report counts rejections by; the free-text reason stays as written. Rejections before this have none.
ALTER TABLE rx_prescription ADD COLUMN rejection_category VARCHAR(30);
