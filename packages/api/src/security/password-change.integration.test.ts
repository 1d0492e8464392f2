import { describe, expect, it } from 'vitest';
import { hashPassword } from '@tobacco/auth/password';
import { createDistrict, createRetailer, createStaff, testDb } from '@tobacco/db/testing';
import { backofficeCallerFor, portalCallerFor, retailerActor, staffActor } from '../testing/callers';

const db = testDb();

describe('changing a password counts wrong current passwords like signing in', () => {
  it('a retailer session is stopped after five wrong current passwords, even with the right one', async () => {
    const shop = await createRetailer(db, {
      districtId: (await createDistrict(db)).id,
      passwordHash: await hashPassword('right-password-1'),
    });
    const api = portalCallerFor(db, retailerActor(shop));
    const change = (currentPassword: string) =>
      api.retailers.changePassword({ currentPassword, newPassword: 'new-password-2', confirmPassword: 'new-password-2' });
    for (let i = 0; i < 4; i += 1)
      await expect(change(`guess-${i}`)).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        cause: { messageKey: 'retailers.password.currentWrong' },
      });
    await expect(change('guess-5')).rejects.toMatchObject({ code: 'UNPROCESSABLE_CONTENT', cause: { messageKey: 'auth.error.LOCKED' } });
    await expect(change('right-password-1')).rejects.toMatchObject({ code: 'UNPROCESSABLE_CONTENT' });
    expect((await db.retailerLogin.findUniqueOrThrow({ where: { id: shop.logins[0]!.id } })).failedLoginCount).toBe(5);
  });

  it('a staff session likewise', async () => {
    const staff = await createStaff(db, { roles: ['MARKETING'], passwordHash: await hashPassword('right-password-1') });
    const api = backofficeCallerFor(db, staffActor(staff));
    const change = (currentPassword: string) =>
      api.admin.changePassword({ currentPassword, newPassword: 'new-password-2', confirmPassword: 'new-password-2' });
    for (let i = 0; i < 4; i += 1) await expect(change(`guess-${i}`)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(change('guess-5')).rejects.toMatchObject({ code: 'UNPROCESSABLE_CONTENT', cause: { messageKey: 'auth.error.LOCKED' } });
  });
});
