'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { RETAILER_STATUSES } from '@tobacco/api/admin/retailer-accounts.schema';
import { formatDateTime } from '@tobacco/i18n/format';
import type { MessageKey } from '@tobacco/i18n/messages';
import { Button } from '@tobacco/ui/button';
import { SelectField, TextField, type Option } from '@tobacco/ui/field';
import { useLocale, useT } from '@tobacco/ui/i18n';
import { useToast } from '@tobacco/ui/toast';
import { DataTable, Td, Th } from '@tobacco/ui/table';
import { useTRPC } from '@/trpc/react';
import { Badge, ConfirmButton, errorText, FormMessage, TemporaryPassword } from '../_components/feedback';

function useOutcome() {
  const t = useT();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const toast = useToast();
  const run = async <T,>(action: () => Promise<T>, message: string): Promise<T | undefined> => {
    setError(null);
    try {
      const result = await action();
      toast(message);
      router.refresh();
      return result;
    } catch (e) {
      setError(errorText(t, e));
      return undefined;
    }
  };
  return { error, run };
}

/** One shop to one account manager (or none). */
export function AssignOne({ retailerId, current, managers }: { retailerId: number; current: number | null; managers: Option[] }) {
  const t = useT();
  const trpc = useTRPC();
  const assign = useMutation(trpc.admin.retailers.assign.mutationOptions());
  const [value, setValue] = useState(current === null ? '' : String(current));
  const { error, run } = useOutcome();
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end gap-3">
        <SelectField
          className="min-w-64"
          label={t('admin.retailers.field.accountManager')}
          placeholder={t('common.notAssigned')}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          options={managers}
        />
        <Button
          disabled={assign.isPending || value === (current === null ? '' : String(current))}
          onClick={() =>
            void run(
              () => assign.mutateAsync({ retailerId, accountManagerId: value === '' ? null : Number(value) }),
              t('admin.assign.saved'),
            )
          }
        >
          {t('admin.assign.save')}
        </Button>
      </div>
      <FormMessage error={error} />
    </div>
  );
}

/** 正常 / 暂停 / 注销 with a reason (kept on the audit log). */
export function StatusPanel({ retailerId, status }: { retailerId: number; status: (typeof RETAILER_STATUSES)[number] }) {
  const t = useT();
  const trpc = useTRPC();
  const setStatus = useMutation(trpc.admin.retailers.setStatus.mutationOptions());
  const [next, setNext] = useState<string>(status);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const { error, run } = useOutcome();
  return (
    <div className="flex flex-col gap-3">
      <SelectField
        label={t('admin.retailers.field.status')}
        value={next}
        onChange={(e) => setNext(e.target.value)}
        options={RETAILER_STATUSES.map((s) => ({ value: s, label: t(`enum.status.${s}` as MessageKey) }))}
      />
      <TextField label={t('admin.retailers.statusReason')} value={reason} onChange={(e) => setReason(e.target.value)} error={reasonError} />
      {next !== 'ACTIVE' ? <p className="text-sm text-ink-muted">{t('admin.retailers.statusHint')}</p> : null}
      <FormMessage error={error} />
      <div>
        <Button
          disabled={setStatus.isPending || next === status}
          onClick={() => {
            if (!reason.trim()) {
              setReasonError(t('admin.validation.required'));
              return;
            }
            setReasonError(undefined);
            void run(
              () => setStatus.mutateAsync({ id: retailerId, status: next as (typeof RETAILER_STATUSES)[number], reason }),
              t('admin.saved'),
            );
          }}
        >
          {t('admin.retailers.statusSave')}
        </Button>
      </div>
    </div>
  );
}

type Login = {
  id: number;
  loginName: string;
  role: 'OWNER' | 'CLERK';
  displayName: string;
  active: boolean;
  locked: boolean;
  hasPassword: boolean;
  lastLoginAt: Date | null;
};

/** The shop's logins: the owner's and clerks'; add a clerk, remove or restore one, reset a password, unlock. */
export function LoginsPanel({ retailerId, logins }: { retailerId: number; logins: Login[] }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const addClerk = useMutation(trpc.admin.retailers.addClerk.mutationOptions());
  const setActive = useMutation(trpc.admin.retailers.setLoginActive.mutationOptions());
  const reset = useMutation(trpc.admin.retailers.resetLoginPassword.mutationOptions());
  const unlock = useMutation(trpc.admin.retailers.unlockLogin.mutationOptions());
  const [clerkName, setClerkName] = useState('');
  const [issued, setIssued] = useState<{ login: string; password: string } | null>(null);
  const { error, run } = useOutcome();
  const busy = addClerk.isPending || setActive.isPending || reset.isPending || unlock.isPending;

  return (
    <div className="flex flex-col gap-4">
      <DataTable caption={t('admin.logins.title')} captionHidden scrollLabel={t('common.tableScroll', { name: t('admin.logins.title') })}>
        <thead>
          <tr>
            <Th>{t('admin.logins.col.loginName')}</Th>
            <Th>{t('admin.logins.col.role')}</Th>
            <Th>{t('admin.logins.col.name')}</Th>
            <Th>{t('admin.logins.col.state')}</Th>
            <Th>{t('admin.logins.col.lastLogin')}</Th>
            <Th>{t('admin.logins.col.actions')}</Th>
          </tr>
        </thead>
        <tbody>
          {logins.map((login) => (
            <tr key={login.id} data-testid="login-row">
              <Td className="font-mono whitespace-nowrap">{login.loginName}</Td>
              <Td>{t(`admin.logins.role.${login.role}`)}</Td>
              <Td>{login.displayName}</Td>
              <Td className="whitespace-nowrap">
                {!login.active ? (
                  <Badge tone="muted">{t('admin.logins.state.removed')}</Badge>
                ) : login.locked ? (
                  <Badge tone="bad">{t('admin.logins.state.locked')}</Badge>
                ) : !login.hasPassword ? (
                  <Badge tone="warn">{t('admin.logins.state.noPassword')}</Badge>
                ) : (
                  <Badge tone="ok">{t('admin.logins.state.active')}</Badge>
                )}
              </Td>
              <Td className="whitespace-nowrap">{login.lastLoginAt ? formatDateTime(login.lastLoginAt, locale) : '—'}</Td>
              <Td>
                <div className="flex flex-wrap gap-2">
                  {login.active ? (
                    <ConfirmButton
                      label={t('admin.logins.reset')}
                      confirmLabel={t('admin.users.resetConfirm')}
                      question={t('admin.logins.resetQuestion', { login: login.loginName })}
                      disabled={busy}
                      onConfirm={async () => {
                        const result = await run(() => reset.mutateAsync({ loginId: login.id }), t('admin.users.resetDone'));
                        if (result) setIssued({ login: result.loginName, password: result.temporaryPassword });
                      }}
                    />
                  ) : null}
                  {login.locked ? (
                    <Button
                      variant="secondary"
                      disabled={busy}
                      onClick={() => void run(() => unlock.mutateAsync({ loginId: login.id }), t('admin.users.unlocked'))}
                    >
                      {t('admin.users.unlock')}
                    </Button>
                  ) : null}
                  {login.role === 'CLERK' && login.active ? (
                    <ConfirmButton
                      label={t('admin.logins.remove')}
                      confirmLabel={t('admin.logins.removeConfirm')}
                      question={t('admin.logins.removeQuestion', { login: login.loginName })}
                      variant="danger"
                      disabled={busy}
                      onConfirm={() =>
                        void run(() => setActive.mutateAsync({ loginId: login.id, active: false }), t('admin.logins.removed'))
                      }
                    />
                  ) : null}
                  {!login.active ? (
                    <Button
                      variant="secondary"
                      disabled={busy}
                      onClick={() => void run(() => setActive.mutateAsync({ loginId: login.id, active: true }), t('admin.logins.restored'))}
                    >
                      {t('admin.logins.restore')}
                    </Button>
                  ) : null}
                </div>
              </Td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={async (e) => {
          e.preventDefault();
          if (!clerkName.trim()) return;
          const result = await run(() => addClerk.mutateAsync({ retailerId, displayName: clerkName }), t('admin.logins.added'));
          if (result) {
            setIssued({ login: result.loginName, password: result.temporaryPassword });
            setClerkName('');
          }
        }}
      >
        <TextField
          className="min-w-64"
          label={t('admin.logins.clerkName')}
          value={clerkName}
          onChange={(e) => setClerkName(e.target.value)}
          autoComplete="off"
        />
        <Button type="submit" variant="secondary" disabled={busy || !clerkName.trim()}>
          {t('admin.logins.add')}
        </Button>
      </form>
      <FormMessage error={error} />
      {issued ? <TemporaryPassword login={issued.login} password={issued.password} /> : null}
    </div>
  );
}
