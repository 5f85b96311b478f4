import { newId } from '../store/ids';
import type { Role, UserView } from '../../shared/contract/users';
import type { ProvinceSql } from '../province/store/provinceDb';
import type { ProvinceWriter } from '../province/store/provinceWriter';
import { DeskError } from '../service/errors';
import { hashPassword } from '../auth/passwords';

export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  active: boolean;
  mustChangePassword: boolean;
}

// Aliases quoted: PostgreSQL folds unquoted names to lower case.
export const USER_COLUMNS =
  'id, username, display_name AS "displayName", role, active, must_change_password AS "mustChangePassword"';

/** A user as the users table stores it (its flags 0 or 1). */
export type StoredUser = Omit<UserRow, 'active' | 'mustChangePassword'> & {
  active: number;
  mustChangePassword: number;
};

/** One user by id, as stored; undefined when there is none. */
export function readUser(db: ProvinceSql, id: string): Promise<StoredUser | undefined> {
  return db.get<StoredUser>(`SELECT ${USER_COLUMNS} FROM users WHERE id = ?`, [id]);
}

export function toUserView(row: {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  active: boolean | number;
  mustChangePassword: boolean | number;
}): UserView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    active: Boolean(row.active),
    mustChangePassword: Boolean(row.mustChangePassword),
  };
}

/**
 * Creating a user is split in two: hashing the password (slow, async, outside any transaction) and the insert
 * (inside the caller's transaction, audited).
 */
export interface NewUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  passwordHash: string;
  /** An administrator chose the password (not the first administrator at setup): the user must change it. */
  mustChangePassword: boolean;
}

export const createUser = {
  async prepare(
    username: string,
    displayName: string,
    role: Role,
    password: string,
    mustChangePassword: boolean,
  ): Promise<NewUser> {
    return { id: newId(), username, displayName, role, passwordHash: await hashPassword(password), mustChangePassword };
  },
  async insert(w: ProvinceWriter, user: NewUser): Promise<UserRow> {
    const taken = await w.tx.get('SELECT 1 AS taken FROM users WHERE username = ?', [user.username]);
    if (taken) throw new DeskError('VALIDATION', `用户名“${user.username}”已被使用`, { field: 'username' });
    await w.tx.run(
      `INSERT INTO users (id, username, display_name, role, password_hash, active, must_change_password, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)`,
      [
        user.id,
        user.username,
        user.displayName,
        user.role,
        user.passwordHash,
        user.mustChangePassword ? 1 : 0,
        w.at,
        w.at,
      ],
    );
    await w.record({
      action: 'users.create',
      entity: 'user',
      entityId: user.id,
      detail: { username: user.username, role: user.role },
    });
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      active: true,
      mustChangePassword: user.mustChangePassword,
    };
  },
};
