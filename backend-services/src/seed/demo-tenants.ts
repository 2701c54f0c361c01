import { DEFAULT_BRAND_COLORS } from '@wisp/shared/constants';
import type { TBranding } from '@wisp/shared';

/** The two demo WISPs: clearly different brands, so a mix-up between tenants is visible at a glance. */
export type DemoTenant = {
  slug: string;
  name: string;
  timezone: string;
  defaultCountry: string;
  defaultLocale: 'en' | 'es';
  phoneAreaCode: string;
  sites: { siteId: string; name: string }[];
  plans: { planName: string; downloadMbps: number; uploadMbps: number; monthlyFee: number }[];
  weeklySupportHours: { day: number; opens: string; closes: string }[];
  branding: TBranding;
};

const weekdays = (opens: string, closes: string) => [1, 2, 3, 4, 5].map((day) => ({ day, opens, closes }));

export const DEMO_TENANTS: DemoTenant[] = [
  {
    slug: 'prairiesky',
    name: 'Prairie Sky Wireless',
    timezone: 'America/Chicago',
    defaultCountry: 'US',
    defaultLocale: 'en',
    phoneAreaCode: '402',
    sites: [
      { siteId: 'PSW-TWR-NORTH', name: 'North Grain Elevator Tower' },
      { siteId: 'PSW-TWR-CREEK', name: 'Willow Creek Tower' },
      { siteId: 'PSW-TWR-HWY30', name: 'Highway 30 Water Tower' },
    ],
    plans: [
      { planName: 'Prairie Basic', downloadMbps: 25, uploadMbps: 5, monthlyFee: 49.99 },
      { planName: 'Prairie Plus', downloadMbps: 50, uploadMbps: 10, monthlyFee: 69.99 },
      { planName: 'Prairie Max', downloadMbps: 100, uploadMbps: 20, monthlyFee: 89.99 },
    ],
    weeklySupportHours: [...weekdays('08:00', '18:00'), { day: 6, opens: '09:00', closes: '13:00' }],
    branding: {
      logo: {
        url: '/branding/prairiesky/logo.svg',
        altText: 'Prairie Sky Wireless',
        favicon: '/branding/prairiesky/favicon.svg',
      },
      colors: { ...DEFAULT_BRAND_COLORS },
      typography: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' },
      company: {
        name: 'Prairie Sky Wireless LLC',
        displayName: 'Prairie Sky Wireless',
        supportEmail: 'support@prairiesky.example',
        supportPhone: '+1 402 555 0100',
        supportHours: 'Mon–Fri 8am–6pm, Sat 9am–1pm (Central)',
        website: 'https://prairiesky.example',
        address: '120 Main Street, Wahoo, NE 68066',
      },
      portal: {
        welcomeMessage: 'Fast, friendly internet for the open plains. We are here to help.',
        footerText: 'Prairie Sky Wireless — locally owned since 2009.',
        enableCustomDomain: false,
      },
      features: { enableFAQ: true, enableServiceStatus: true, enableLiveChat: false, enableKnowledgeBase: true },
    },
  },
  {
    slug: 'summitridge',
    name: 'Summit Ridge Internet',
    timezone: 'America/Denver',
    defaultCountry: 'US',
    defaultLocale: 'en',
    phoneAreaCode: '970',
    sites: [
      { siteId: 'SRI-PEAK-EAGLE', name: 'Eagle Peak Relay' },
      { siteId: 'SRI-PEAK-ASPEN', name: 'Aspen Ridge Site' },
      { siteId: 'SRI-VALLEY-RIVER', name: 'River Valley Tower' },
    ],
    plans: [
      { planName: 'Trailhead 20', downloadMbps: 20, uploadMbps: 4, monthlyFee: 45 },
      { planName: 'Ridgeline 60', downloadMbps: 60, uploadMbps: 12, monthlyFee: 75 },
      { planName: 'Summit 150', downloadMbps: 150, uploadMbps: 30, monthlyFee: 110 },
    ],
    weeklySupportHours: [
      ...weekdays('07:00', '19:00'),
      { day: 6, opens: '08:00', closes: '16:00' },
      { day: 0, opens: '10:00', closes: '14:00' },
    ],
    branding: {
      logo: {
        url: '/branding/summitridge/logo.svg',
        altText: 'Summit Ridge Internet',
        favicon: '/branding/summitridge/favicon.svg',
      },
      colors: {
        primary: '#166534',
        secondary: '#1c1917',
        accent: '#0d9488',
        background: '#f7faf7',
        text: '#1c1917',
        textSecondary: '#57534e',
      },
      typography: {
        fontFamily: 'Georgia, "Times New Roman", serif',
        headingFont: 'Georgia, serif',
        bodyFont: 'system-ui, sans-serif',
      },
      company: {
        name: 'Summit Ridge Internet Co-op',
        displayName: 'Summit Ridge Internet',
        supportEmail: 'help@summitridge.example',
        supportPhone: '+1 970 555 0142',
        supportHours: 'Every day; weekdays 7am–7pm (Mountain)',
        website: 'https://summitridge.example',
        address: '8 Pine Road, Estes Park, CO 80517',
      },
      portal: {
        welcomeMessage: 'Connecting the high country, one ridge at a time.',
        footerText: 'Summit Ridge Internet Co-op · member owned',
        enableCustomDomain: false,
      },
      features: { enableFAQ: true, enableServiceStatus: true, enableLiveChat: false, enableKnowledgeBase: true },
    },
  },
];

export const DEMO_PASSWORD = 'Portal-Demo-2026';
