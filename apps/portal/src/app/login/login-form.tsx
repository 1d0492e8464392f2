'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { LoginForm } from '@tobacco/ui/login-form';
import { ZRetailerSignIn } from '@tobacco/ui/lib/login.schema';

const resolver = zodResolver(ZRetailerSignIn);

export function PortalLoginForm({ callbackUrl }: { callbackUrl: string }) {
  return <LoginForm kind="retailer" resolver={resolver} callbackUrl={callbackUrl} />;
}
