'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import {
  DEPARTMENT_KINDS,
  ZDepartmentInput,
  ZDistrictInput,
  type TDepartmentInput,
  type TDistrictInput,
} from '@tobacco/api/admin/organisation.schema';
import type { MessageKey } from '@tobacco/i18n/messages';
import { Button } from '@tobacco/ui/button';
import { SelectField, TextField } from '@tobacco/ui/field';
import { useT } from '@tobacco/ui/i18n';
import { DataTable, Td, Th } from '@tobacco/ui/table';
import { useAction } from '@/components/use-action';
import { useTRPC } from '@/trpc/react';
import { ActiveBadge, fieldError, FormMessage, RetireOrRestore } from '../_components/feedback';

type District = { id: number; code: string; name: string; nameEn: string; active: boolean; retailers: number; staff: number };
type Department = {
  id: number;
  code: string;
  name: string;
  nameEn: string;
  kind: (typeof DEPARTMENT_KINDS)[number];
  active: boolean;
  staff: number;
  categories: number;
  complaints: number;
};

/** Save and cancel when editing a row; add when the form is the empty one below the table. */
function FormButtons({ submitting, onCancel }: { submitting: boolean; onCancel?: () => void }) {
  const t = useT();
  return (
    <div className="flex items-end gap-2">
      <Button type="submit" disabled={submitting}>
        {onCancel ? t('common.save') : t('admin.add')}
      </Button>
      {onCancel ? (
        <Button variant="ghost" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      ) : null}
    </div>
  );
}

function DistrictForm({
  initial,
  onSave,
  onCancel,
}: {
  initial: TDistrictInput;
  onSave: (v: TDistrictInput) => Promise<boolean>;
  onCancel?: () => void;
}) {
  const t = useT();
  const { register, handleSubmit, formState, reset } = useForm<TDistrictInput>({
    resolver: zodResolver(ZDistrictInput),
    defaultValues: initial,
  });
  return (
    <form
      noValidate
      onSubmit={handleSubmit(async (values) => {
        if ((await onSave(values)) && !onCancel) reset(initial);
      })}
      className="grid gap-3 rounded-xl border border-line bg-surface p-4 sm:grid-cols-4"
    >
      <TextField
        label={t('admin.organisation.code')}
        autoComplete="off"
        error={fieldError(t, formState.errors.code)}
        {...register('code')}
      />
      <TextField
        label={t('admin.organisation.name')}
        autoComplete="off"
        error={fieldError(t, formState.errors.name)}
        {...register('name')}
      />
      <TextField
        label={t('admin.organisation.nameEn')}
        autoComplete="off"
        error={fieldError(t, formState.errors.nameEn)}
        {...register('nameEn')}
      />
      <FormButtons submitting={formState.isSubmitting} onCancel={onCancel} />
    </form>
  );
}

export function DistrictsEditor({ districts }: { districts: District[] }) {
  const t = useT();
  const trpc = useTRPC();
  const headingId = useId();
  const create = useMutation(trpc.admin.organisation.createDistrict.mutationOptions());
  const update = useMutation(trpc.admin.organisation.updateDistrict.mutationOptions());
  const setActive = useMutation(trpc.admin.organisation.setDistrictActive.mutationOptions());
  const [editing, setEditing] = useState<number | null>(null);
  const { error, run } = useAction();
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3">
      <h2 id={headingId} className="text-xl font-bold">
        {t('admin.organisation.districts')}
      </h2>
      <DataTable
        caption={t('admin.organisation.districts')}
        captionHidden
        scrollLabel={t('common.tableScroll', { name: t('admin.organisation.districts') })}
      >
        <thead>
          <tr>
            <Th>{t('admin.organisation.code')}</Th>
            <Th>{t('admin.organisation.name')}</Th>
            <Th>{t('admin.organisation.nameEn')}</Th>
            <Th className="text-right">{t('admin.organisation.retailers')}</Th>
            <Th className="text-right">{t('admin.organisation.staff')}</Th>
            <Th>{t('admin.organisation.state')}</Th>
            <Th>{t('admin.organisation.actions')}</Th>
          </tr>
        </thead>
        <tbody>
          {districts.map((d) =>
            editing === d.id ? (
              <tr key={d.id}>
                <td colSpan={7} className="p-2">
                  <DistrictForm
                    initial={{ code: d.code, name: d.name, nameEn: d.nameEn }}
                    onCancel={() => setEditing(null)}
                    onSave={async (values) => {
                      const ok = await run(() => update.mutateAsync({ id: d.id, ...values }), t('admin.saved'));
                      if (ok) setEditing(null);
                      return ok;
                    }}
                  />
                </td>
              </tr>
            ) : (
              <tr key={d.id}>
                <Td className="font-mono">{d.code}</Td>
                <Td>{d.name}</Td>
                <Td>{d.nameEn}</Td>
                <Td className="text-right tabular-nums">{d.retailers}</Td>
                <Td className="text-right tabular-nums">{d.staff}</Td>
                <Td>
                  <ActiveBadge active={d.active} />
                </Td>
                <Td>
                  <div className="flex flex-wrap gap-2">
                    <Button variant="ghost" onClick={() => setEditing(d.id)}>
                      {t('admin.edit')}
                    </Button>
                    <RetireOrRestore
                      active={d.active}
                      question={t('admin.organisation.retireDistrictQuestion', { name: d.name })}
                      onSetActive={(active) =>
                        void run(() => setActive.mutateAsync({ id: d.id, active }), t(active ? 'admin.restoredDone' : 'admin.retiredDone'))
                      }
                    />
                  </div>
                </Td>
              </tr>
            ),
          )}
        </tbody>
      </DataTable>
      <h3 className="font-semibold">{t('admin.organisation.addDistrict')}</h3>
      <DistrictForm
        initial={{ code: '', name: '', nameEn: '' }}
        onSave={(values) => run(() => create.mutateAsync(values), t('admin.saved'))}
      />
      <FormMessage error={error} />
    </section>
  );
}

function DepartmentForm({
  initial,
  onSave,
  onCancel,
}: {
  initial: TDepartmentInput;
  onSave: (v: TDepartmentInput) => Promise<boolean>;
  onCancel?: () => void;
}) {
  const t = useT();
  const { register, handleSubmit, formState, reset } = useForm<TDepartmentInput>({
    resolver: zodResolver(ZDepartmentInput),
    defaultValues: initial,
  });
  return (
    <form
      noValidate
      onSubmit={handleSubmit(async (values) => {
        if ((await onSave(values)) && !onCancel) reset(initial);
      })}
      className="grid gap-3 rounded-xl border border-line bg-surface p-4 sm:grid-cols-5"
    >
      <TextField
        label={t('admin.organisation.code')}
        autoComplete="off"
        error={fieldError(t, formState.errors.code)}
        {...register('code')}
      />
      <TextField
        label={t('admin.organisation.name')}
        autoComplete="off"
        error={fieldError(t, formState.errors.name)}
        {...register('name')}
      />
      <TextField
        label={t('admin.organisation.nameEn')}
        autoComplete="off"
        error={fieldError(t, formState.errors.nameEn)}
        {...register('nameEn')}
      />
      <SelectField
        label={t('admin.organisation.kind')}
        options={DEPARTMENT_KINDS.map((k) => ({ value: k, label: t(`admin.organisation.kinds.${k}` as MessageKey) }))}
        {...register('kind')}
      />
      <FormButtons submitting={formState.isSubmitting} onCancel={onCancel} />
    </form>
  );
}

export function DepartmentsEditor({ departments }: { departments: Department[] }) {
  const t = useT();
  const trpc = useTRPC();
  const headingId = useId();
  const create = useMutation(trpc.admin.organisation.createDepartment.mutationOptions());
  const update = useMutation(trpc.admin.organisation.updateDepartment.mutationOptions());
  const setActive = useMutation(trpc.admin.organisation.setDepartmentActive.mutationOptions());
  const [editing, setEditing] = useState<number | null>(null);
  const { error, run } = useAction();
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3">
      <h2 id={headingId} className="text-xl font-bold">
        {t('admin.organisation.departments')}
      </h2>
      <DataTable
        caption={t('admin.organisation.departments')}
        captionHidden
        scrollLabel={t('common.tableScroll', { name: t('admin.organisation.departments') })}
      >
        <thead>
          <tr>
            <Th>{t('admin.organisation.code')}</Th>
            <Th>{t('admin.organisation.name')}</Th>
            <Th>{t('admin.organisation.kind')}</Th>
            <Th className="text-right">{t('admin.organisation.staff')}</Th>
            <Th className="text-right">{t('admin.organisation.categories')}</Th>
            <Th>{t('admin.organisation.state')}</Th>
            <Th>{t('admin.organisation.actions')}</Th>
          </tr>
        </thead>
        <tbody>
          {departments.map((d) =>
            editing === d.id ? (
              <tr key={d.id}>
                <td colSpan={7} className="p-2">
                  <DepartmentForm
                    initial={{ code: d.code, name: d.name, nameEn: d.nameEn, kind: d.kind }}
                    onCancel={() => setEditing(null)}
                    onSave={async (values) => {
                      const ok = await run(() => update.mutateAsync({ id: d.id, ...values }), t('admin.saved'));
                      if (ok) setEditing(null);
                      return ok;
                    }}
                  />
                </td>
              </tr>
            ) : (
              <tr key={d.id}>
                <Td className="font-mono">{d.code}</Td>
                <Td>{d.name}</Td>
                <Td>{t(`admin.organisation.kinds.${d.kind}` as MessageKey)}</Td>
                <Td className="text-right tabular-nums">{d.staff}</Td>
                <Td className="text-right tabular-nums">{d.categories}</Td>
                <Td>
                  <ActiveBadge active={d.active} />
                </Td>
                <Td>
                  <div className="flex flex-wrap gap-2">
                    <Button variant="ghost" onClick={() => setEditing(d.id)}>
                      {t('admin.edit')}
                    </Button>
                    <RetireOrRestore
                      active={d.active}
                      question={t('admin.organisation.retireDepartmentQuestion', { name: d.name })}
                      onSetActive={(active) =>
                        void run(() => setActive.mutateAsync({ id: d.id, active }), t(active ? 'admin.restoredDone' : 'admin.retiredDone'))
                      }
                    />
                  </div>
                </Td>
              </tr>
            ),
          )}
        </tbody>
      </DataTable>
      <h3 className="font-semibold">{t('admin.organisation.addDepartment')}</h3>
      <DepartmentForm
        initial={{ code: '', name: '', nameEn: '', kind: 'SERVICE_CENTRE' }}
        onSave={(values) => run(() => create.mutateAsync(values), t('admin.saved'))}
      />
      <FormMessage error={error} />
    </section>
  );
}
