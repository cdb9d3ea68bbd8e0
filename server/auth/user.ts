import { z } from 'zod';

export type Role = 'owner' | 'staff';

/** A person who logs in to the web app; every user belongs to exactly one business. */
export interface User {
  id: string;
  businessId: string;
  email: string;
  name: string;
  role: Role;
  createdAt: Date;
}

export const roleSchema = z.enum(['owner', 'staff']);

export const emailSchema = z
  .email('Invalid e-mail address')
  .max(254)
  .transform((value) => value.trim().toLowerCase());

/** NIST SP 800-63B asks for at least 8 characters and no composition rules. */
export const passwordSchema = z
  .string()
  .min(8, 'The password must have at least 8 characters')
  .max(200, 'The password must have at most 200 characters');
