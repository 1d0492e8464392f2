'use client';

import dynamic from 'next/dynamic';
import { FormLoading } from '@/components/form-disclosure';

// The appeal form, loaded when its FormDisclosure is opened (see there why).
export const LazyAppealForm = dynamic(() => import('./appeal-form').then((m) => m.AppealForm), { ssr: false, loading: FormLoading });
