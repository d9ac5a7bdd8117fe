/**
 * A registration number is unique in its center: a second application with one is refused
 * (`reg_number_taken`, sync/apply/application.ts) and this index holds even against two pushes
 * racing. Numbers already given twice before it existed (a desk restored from a backup issued
 * them again) stay as they are, the later holders marked `reg_number_duplicate` so the index
 * can be built and the back office can find them; the earliest registration keeps the number.
 */
export const uniqueRegNumber = `
ALTER TABLE applications ADD COLUMN reg_number_duplicate boolean NOT NULL DEFAULT false;

UPDATE applications a SET reg_number_duplicate = true
WHERE EXISTS (
  SELECT 1 FROM applications b
  WHERE b.center_code = a.center_code AND b.data->>'regNumber' = a.data->>'regNumber'
    AND (b.data->>'registeredAt', b.id) < (a.data->>'registeredAt', a.id));

CREATE UNIQUE INDEX applications_center_reg_number ON applications (center_code, (data->>'regNumber')) WHERE NOT reg_number_duplicate;
`;
