import type { PortalIcon } from '@/navigation';

// Outline icons drawn inline: no icon font or image requests, and they take the text colour.
const PATHS: Record<PortalIcon, string> = {
  home: 'M3 11.5 12 4l9 7.5M5.5 10v10h13V10M10 20v-5h4v5',
  grade: 'M5 20v-7M10 20V9M15 20V5M20 20v-10M3 20h18',
  report: 'M4 20V4h16v16ZM7.5 16l3-4 3 2.5 3.5-5',
  allocation: 'M3 7.5 12 3l9 4.5-9 4.5-9-4.5ZM3 7.5V17l9 4.5 9-4.5V7.5M12 12v9.5',
  schedule: 'M4 6h16v14H4ZM4 10.5h16M8.5 3v5M15.5 3v5M8 14.5h3M8 17.5h6',
  promotions: 'M3.5 12.5V4h8.5l9 9-8.5 8.5-9-9ZM8 8.5h.01',
  rewards: 'M12 3.5l2.6 5.3 5.9.9-4.2 4.1 1 5.8L12 16.9l-5.3 2.7 1-5.8-4.2-4.1 5.9-.9Z',
  complaints: 'M4 5h16v11H10l-6 4.5V5ZM8.5 9.5h7M8.5 12.5h4',
  help: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18ZM9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6v.6M12 17h.01',
  surveys: 'M9 3.5h6v3H9ZM7 5H5v16h14V5h-2M8.5 13.5l2.5 2.5 4.5-4.5',
  inbox: 'M6 16.5V11a6 6 0 1 1 12 0v5.5l1.5 1.5h-15ZM10 21h4',
  profile: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8ZM4.5 21c.5-4 3.8-6 7.5-6s7 2 7.5 6',
};

export function NavIcon({ name, className }: { name: PortalIcon; className?: string }) {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      className={className}
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
