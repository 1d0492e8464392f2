'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { cn } from './lib/cn';

/** True when `href` is the current page or a section the current page is inside ("/" only matches itself). */
export function isActivePath(pathname: string, href: string): boolean {
  if (href === '/') return pathname === '/';
  return pathname === href || pathname.startsWith(`${href}/`);
}

/** A navigation link that marks itself aria-current="page"; style the active state with `aria-[current=page]:…`. */
export function NavLink({ href, className, children, prefetch }: { href: string; className?: string; children: ReactNode; prefetch?: boolean }) {
  const pathname = usePathname() ?? '/';
  return (
    <Link href={href} prefetch={prefetch} aria-current={isActivePath(pathname, href) ? 'page' : undefined} className={cn(className)}>
      {children}
    </Link>
  );
}
