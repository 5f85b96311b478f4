// A user whose password an administrator set (a new account, a reset) must choose their own at the next login; the
// desk allows nothing else until then (DESIGN: an administrator never keeps knowing a user's password).
//
// This file is frozen once released.
export const sql = /* sql */ `
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1));
`;
