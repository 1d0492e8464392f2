import { requirePermission, router, staffProcedure, temporaryPasswordProcedure } from '../trpc/init';
import { ZCalendarDayInput, ZCalendarYearInput, ZCalendarYearQuery, ZConfirmYearInput } from './calendar.schema';
import {
  getCalendarYear,
  importCalendarYear,
  previewCalendarDay,
  previewCalendarImport,
  saveCalendarDay,
  setCalendarYearConfirmed,
} from './calendar.service';
import { ZApproveChangeRequestInput, ZListChangeRequestsInput, ZRejectChangeRequestInput } from './change-approvals.schema';
import { approveChangeRequest, listChangeRequests, rejectChangeRequest } from './change-approvals.service';
import { getMe } from './me.service';
import {
  ZCategoryInput,
  ZDepartmentInput,
  ZDistrictInput,
  ZSetActiveInput,
  ZUpdateCategoryInput,
  ZUpdateDepartmentInput,
  ZUpdateDistrictInput,
} from './organisation.schema';
import {
  createCategory,
  createDepartment,
  createDistrict,
  listCategories,
  listOrganisation,
  setCategoryActive,
  setDepartmentActive,
  setDistrictActive,
  updateCategory,
  updateDepartment,
  updateDistrict,
} from './organisation.service';
import {
  ZAddClerkInput,
  ZAssignInput,
  ZBulkAssignInput,
  ZBulkAssignPreviewInput,
  ZCreateRetailerInput,
  ZListRetailerAccountsInput,
  ZLoginIdInput,
  ZMoveManagerInput,
  ZMoveManagerPreviewInput,
  ZRetailerIdInput,
  ZSetLoginActiveInput,
  ZSetRetailerStatusInput,
  ZUpdateRetailerInput,
} from './retailer-accounts.schema';
import {
  addClerkLogin,
  assignAccountManager,
  bulkAssign,
  createRetailerAccount,
  getRetailerAccount,
  listRetailerAccounts,
  moveManagerRetailers,
  previewBulkAssign,
  resetLoginPassword,
  setLoginActive,
  setRetailerStatus,
  unlockLogin,
  updateRetailerAccount,
} from './retailer-accounts.service';
import { ZUpdateSettingsInput } from './settings.schema';
import { listSettings, updateSettings } from './settings.service';
import { getStaffHome } from './staff-home.service';
import {
  ZChangePasswordInput,
  ZCreateUserInput,
  ZListUsersInput,
  ZSetUserActiveInput,
  ZUpdateUserInput,
  ZUserIdInput,
} from './users.schema';
import {
  changeOwnPassword,
  createStaffUser,
  getStaffUser,
  listOrganisationOptions,
  listStaffUsers,
  resetStaffPassword,
  setStaffUserActive,
  unlockStaffUser,
  updateStaffUser,
} from './users.service';

const users = requirePermission('admin.users');
const organisation = requirePermission('admin.organisation');
const calendar = requirePermission('admin.calendar');
const retailers = requirePermission('retailers.manage');

export const adminBackofficeRouter = router({
  // The two procedures open to a user who still has a temporary password.
  me: temporaryPasswordProcedure.query(({ ctx }) => getMe(ctx)),
  changePassword: temporaryPasswordProcedure.input(ZChangePasswordInput).mutation(({ ctx, input }) => changeOwnPassword(ctx, input)),

  home: staffProcedure.query(({ ctx }) => getStaffHome(ctx)),

  settings: router({
    list: requirePermission('admin.settings').query(({ ctx }) => listSettings(ctx)),
    update: requirePermission('admin.settings')
      .input(ZUpdateSettingsInput)
      .mutation(({ ctx, input }) => updateSettings(ctx, input)),
  }),

  users: router({
    list: users.input(ZListUsersInput).query(({ ctx, input }) => listStaffUsers(ctx, input)),
    get: users.input(ZUserIdInput).query(({ ctx, input }) => getStaffUser(ctx, input)),
    options: users.query(({ ctx }) => listOrganisationOptions(ctx)),
    create: users.input(ZCreateUserInput).mutation(({ ctx, input }) => createStaffUser(ctx, input)),
    update: users.input(ZUpdateUserInput).mutation(({ ctx, input }) => updateStaffUser(ctx, input)),
    setActive: users.input(ZSetUserActiveInput).mutation(({ ctx, input }) => setStaffUserActive(ctx, input)),
    resetPassword: users.input(ZUserIdInput).mutation(({ ctx, input }) => resetStaffPassword(ctx, input)),
    unlock: users.input(ZUserIdInput).mutation(({ ctx, input }) => unlockStaffUser(ctx, input)),
  }),

  organisation: router({
    list: organisation.query(({ ctx }) => listOrganisation(ctx)),
    createDistrict: organisation.input(ZDistrictInput).mutation(({ ctx, input }) => createDistrict(ctx, input)),
    updateDistrict: organisation.input(ZUpdateDistrictInput).mutation(({ ctx, input }) => updateDistrict(ctx, input)),
    setDistrictActive: organisation.input(ZSetActiveInput).mutation(({ ctx, input }) => setDistrictActive(ctx, input)),
    createDepartment: organisation.input(ZDepartmentInput).mutation(({ ctx, input }) => createDepartment(ctx, input)),
    updateDepartment: organisation.input(ZUpdateDepartmentInput).mutation(({ ctx, input }) => updateDepartment(ctx, input)),
    setDepartmentActive: organisation.input(ZSetActiveInput).mutation(({ ctx, input }) => setDepartmentActive(ctx, input)),
  }),

  categories: router({
    list: organisation.query(({ ctx }) => listCategories(ctx)),
    create: organisation.input(ZCategoryInput).mutation(({ ctx, input }) => createCategory(ctx, input)),
    update: organisation.input(ZUpdateCategoryInput).mutation(({ ctx, input }) => updateCategory(ctx, input)),
    setActive: organisation.input(ZSetActiveInput).mutation(({ ctx, input }) => setCategoryActive(ctx, input)),
  }),

  calendar: router({
    year: calendar.input(ZCalendarYearQuery).query(({ ctx, input }) => getCalendarYear(ctx, input)),
    previewDay: calendar.input(ZCalendarDayInput).query(({ ctx, input }) => previewCalendarDay(ctx, input)),
    saveDay: calendar.input(ZCalendarDayInput).mutation(({ ctx, input }) => saveCalendarDay(ctx, input)),
    previewImport: calendar.input(ZCalendarYearInput).query(({ ctx, input }) => previewCalendarImport(ctx, input)),
    importYear: calendar.input(ZCalendarYearInput).mutation(({ ctx, input }) => importCalendarYear(ctx, input)),
    confirmYear: calendar.input(ZConfirmYearInput).mutation(({ ctx, input }) => setCalendarYearConfirmed(ctx, input)),
  }),

  retailers: router({
    list: retailers.input(ZListRetailerAccountsInput).query(({ ctx, input }) => listRetailerAccounts(ctx, input)),
    get: retailers.input(ZRetailerIdInput).query(({ ctx, input }) => getRetailerAccount(ctx, input)),
    create: retailers.input(ZCreateRetailerInput).mutation(({ ctx, input }) => createRetailerAccount(ctx, input)),
    update: retailers.input(ZUpdateRetailerInput).mutation(({ ctx, input }) => updateRetailerAccount(ctx, input)),
    setStatus: retailers.input(ZSetRetailerStatusInput).mutation(({ ctx, input }) => setRetailerStatus(ctx, input)),
    addClerk: retailers.input(ZAddClerkInput).mutation(({ ctx, input }) => addClerkLogin(ctx, input)),
    setLoginActive: retailers.input(ZSetLoginActiveInput).mutation(({ ctx, input }) => setLoginActive(ctx, input)),
    resetLoginPassword: retailers.input(ZLoginIdInput).mutation(({ ctx, input }) => resetLoginPassword(ctx, input)),
    unlockLogin: retailers.input(ZLoginIdInput).mutation(({ ctx, input }) => unlockLogin(ctx, input)),
    assign: retailers.input(ZAssignInput).mutation(({ ctx, input }) => assignAccountManager(ctx, input)),
    previewBulkAssign: retailers.input(ZBulkAssignPreviewInput).query(({ ctx, input }) => previewBulkAssign(ctx, input)),
    bulkAssign: retailers.input(ZBulkAssignInput).mutation(({ ctx, input }) => bulkAssign(ctx, input)),
    previewMove: retailers
      .input(ZMoveManagerPreviewInput)
      .query(({ ctx, input }) =>
        previewBulkAssign(ctx, { filter: { accountManagerId: input.fromManagerId }, accountManagerId: input.toManagerId }),
      ),
    move: retailers.input(ZMoveManagerInput).mutation(({ ctx, input }) => moveManagerRetailers(ctx, input)),
  }),

  changeRequests: router({
    list: requirePermission('changeRequests.approve')
      .input(ZListChangeRequestsInput)
      .query(({ ctx, input }) => listChangeRequests(ctx, input)),
    approve: requirePermission('changeRequests.approve')
      .input(ZApproveChangeRequestInput)
      .mutation(({ ctx, input }) => approveChangeRequest(ctx, input)),
    reject: requirePermission('changeRequests.approve')
      .input(ZRejectChangeRequestInput)
      .mutation(({ ctx, input }) => rejectChangeRequest(ctx, input)),
  }),
});
