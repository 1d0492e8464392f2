'use client';

import { LoginForm } from '@tobacco/ui/login-form';
import { lazyZodResolver } from '@/lib/lazy-resolver';

const signInChecks = lazyZodResolver(() => import('@tobacco/ui/lib/login.schema').then((m) => m.ZRetailerSignIn));

export function PortalLoginForm({ callbackUrl }: { callbackUrl: string }) {
  return <LoginForm kind="retailer" resolver={signInChecks.resolver} preload={signInChecks.preload} callbackUrl={callbackUrl} />;
}
