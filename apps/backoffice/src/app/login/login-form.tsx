'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { LoginForm } from '@tobacco/ui/login-form';
import { ZStaffSignIn } from '@tobacco/ui/lib/login.schema';

const resolver = zodResolver(ZStaffSignIn);

export function StaffLoginForm({ callbackUrl }: { callbackUrl: string }) {
  return <LoginForm kind="staff" resolver={resolver} callbackUrl={callbackUrl} />;
}
