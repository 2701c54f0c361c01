import type { TLocale } from '@wisp/shared';
import { renderBrandedEmail } from '../notifications/branded-email.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';

export type AuthEmailKind = 'verify-email' | 'portal-invite' | 'password-reset';
type Texts = { subject: string; heading: string; paragraphs: string[]; action: string; footnote: string };

/** Every sign-in email in each language the portal speaks. `{company}` and `{name}` are filled in. */
const TEXTS: Record<AuthEmailKind, Record<TLocale, Texts>> = {
  'verify-email': {
    en: {
      subject: 'Confirm your email for {company}',
      heading: 'Confirm your email address',
      paragraphs: ['Hi {name},', 'You created an account for the {company} customer portal. Confirm this is your email address to finish.'],
      action: 'Confirm my email',
      footnote: "If you did not create this account, ignore this email and it won't be activated.",
    },
    es: {
      subject: 'Confirme su correo para {company}',
      heading: 'Confirme su dirección de correo',
      paragraphs: ['Hola {name}:', 'Creó una cuenta en el portal de clientes de {company}. Confirme que este es su correo para terminar.'],
      action: 'Confirmar mi correo',
      footnote: 'Si usted no creó esta cuenta, ignore este mensaje y no se activará.',
    },
  },
  'portal-invite': {
    en: {
      subject: 'Your invitation to the {company} customer portal',
      heading: 'Set up your customer portal account',
      paragraphs: ['Hi {name},', '{company} invited you to the customer portal, where you can see your service, equipment and support tickets. Choose a password to get started.'],
      action: 'Set up my account',
      footnote: 'This link works once and expires in 7 days.',
    },
    es: {
      subject: 'Su invitación al portal de clientes de {company}',
      heading: 'Configure su cuenta del portal de clientes',
      paragraphs: ['Hola {name}:', '{company} le invitó al portal de clientes, donde puede ver su servicio, sus equipos y sus solicitudes de soporte. Elija una contraseña para comenzar.'],
      action: 'Configurar mi cuenta',
      footnote: 'Este enlace funciona una sola vez y vence en 7 días.',
    },
  },
  'password-reset': {
    en: {
      subject: 'Reset your {company} portal password',
      heading: 'Reset your password',
      paragraphs: ['Hi {name},', 'Someone asked to reset the password of your {company} customer portal account. Choose a new password with the button below.'],
      action: 'Choose a new password',
      footnote: "If you did not ask for this, ignore this email: your password stays the same. Resetting signs you out everywhere.",
    },
    es: {
      subject: 'Restablezca su contraseña del portal de {company}',
      heading: 'Restablezca su contraseña',
      paragraphs: ['Hola {name}:', 'Alguien pidió restablecer la contraseña de su cuenta del portal de clientes de {company}. Elija una contraseña nueva con el botón de abajo.'],
      action: 'Elegir una contraseña nueva',
      footnote: 'Si usted no lo pidió, ignore este mensaje: su contraseña no cambia. Al restablecerla se cerrarán todas sus sesiones.',
    },
  },
};

/** Subject, HTML and text of one sign-in email, branded for the tenant, in `locale`. */
export function renderAuthEmail(kind: AuthEmailKind, locale: TLocale, tenant: TTenantDoc, values: { name: string; url: string }) {
  const t = TEXTS[kind][locale];
  const fill = (s: string) => s.replaceAll('{company}', tenant.branding.company.displayName).replaceAll('{name}', values.name);
  const { html, text } = renderBrandedEmail(tenant, {
    preheader: fill(t.heading),
    heading: fill(t.heading),
    paragraphs: t.paragraphs.map(fill),
    action: { label: fill(t.action), url: values.url },
    footnote: fill(t.footnote),
  });
  return { subject: fill(t.subject), html, text };
}

/** The customer's language when they chose one, else the tenant's. */
export function localeFor(customer: { preferredLocale?: string | null }, tenant: TTenantDoc): TLocale {
  const pick = customer.preferredLocale ?? tenant.defaultLocale;
  return pick === 'es' ? 'es' : 'en';
}
