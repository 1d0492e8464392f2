'use client';

import dynamic from 'next/dynamic';
import { FormLoading } from '@/components/form-disclosure';

// The profile's forms, loaded when their FormDisclosure is opened (see there why).
export const LazyChangeRequestForm = dynamic(() => import('./change-request-form').then((m) => m.ChangeRequestForm), {
  ssr: false,
  loading: FormLoading,
});
export const LazyChannelsForm = dynamic(() => import('./channels-form').then((m) => m.ChannelsForm), { ssr: false, loading: FormLoading });
export const LazyPasswordForm = dynamic(() => import('./password-form').then((m) => m.PasswordForm), { ssr: false, loading: FormLoading });
