'use server';

import { revalidatePath } from 'next/cache';
import { runAction } from '@/lib/run-action';

// Plain form actions: the inbox works without JavaScript. The layout's unread badge refreshes with the page.

export async function markReadAction(formData: FormData): Promise<void> {
  const id = Number(formData.get('id'));
  if (Number.isInteger(id) && id > 0) await runAction((api) => api.notifications.markRead({ id }));
  revalidatePath('/', 'layout');
}

export async function markAllReadAction(): Promise<void> {
  await runAction((api) => api.notifications.markAllRead());
  revalidatePath('/', 'layout');
}
